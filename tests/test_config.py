"""Settings come from the shipped defaults, then a user file, then TREVE_ variables, then options."""

from __future__ import annotations

from pathlib import Path

import pytest

from treve.config import load_settings
from treve.errors import ConfigError


def test_layers_override_in_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    user = tmp_path / "config.toml"
    user.write_text('languages = ["fr", "en", "es"]\nmax_item_bytes = 5000\n', encoding="utf-8")
    assert load_settings(user).languages == ("fr", "en", "es")
    monkeypatch.setenv("TREVE_LANGUAGES", "fr,en")
    assert load_settings(user).languages == ("fr", "en")
    assert load_settings(user, languages="ar,en").languages == ("ar", "en")
    assert load_settings(user, languages=None).max_item_bytes == 5000


def test_a_bad_value_names_the_setting_and_where_to_fix_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TREVE_NEAR_DUPLICATE_THRESHOLD", "1.5")
    with pytest.raises(ConfigError, match=r"near_duplicate_threshold.*TREVE_NEAR_DUPLICATE_THRESHOLD"):
        load_settings()


def test_an_unreadable_user_file_is_a_one_line_error(tmp_path: Path) -> None:
    broken = tmp_path / "config.toml"
    broken.write_text("languages = [", encoding="utf-8")
    with pytest.raises(ConfigError, match="cannot read settings") as caught:
        load_settings(broken)
    assert "\n" not in str(caught.value)

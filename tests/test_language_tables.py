"""Every language's casualty and time tables have the keys and pattern kinds of every other."""

from __future__ import annotations

import tomllib
from importlib import resources

import pytest

from treve.stages.casualties import load_casualty_lexicon
from treve.stages.time import load_time_lexicon

LANGUAGES = ("fr", "en", "es", "ru", "ar", "uk")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_tables_of_a_language_have_every_key_of_the_others(language: str) -> None:
    assert language in load_casualty_lexicon().languages
    assert language in load_time_lexicon().languages
    casualties = load_casualty_lexicon().languages
    assert set(casualties[language].model_dump()) == set(casualties["es"].model_dump())
    assert set(casualties[language].words.model_dump()) == set(casualties["es"].words.model_dump())
    source = resources.files("treve.resources").joinpath("lexicons/time.toml")
    time_tables = tomllib.loads(source.read_text(encoding="utf-8"))
    assert set(time_tables[language]) == set(time_tables["es"])
    assert set(time_tables[language]["patterns"]) == set(time_tables["es"]["patterns"])

"""Given a batch that takes a while, expect a progress line on a terminal with the items, events and errors read
so far and the rate; with --quiet, none."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from rich.console import Console

from treve import cli
from treve.ingest import count_items
from treve.records import Article, ItemError, RawItem
from treve.stages.clean import Cleaner

STORY = "Rebels attacked an army post near Goma on Monday, killing three soldiers, the army said."


def results() -> list[Article | ItemError]:
    article = Cleaner()(RawItem(path="a.txt", format="text", text=STORY))
    return [article, ItemError(path="b.txt", reason="b.txt: empty file; nothing to read")]


@pytest.mark.parametrize("quiet", [False, True])
def test_a_slow_batch_shows_its_items_events_errors_and_rate_unless_quiet(
    monkeypatch: pytest.MonkeyPatch, quiet: bool
) -> None:
    terminal = Console(file=StringIO(), force_terminal=True, width=120)
    monkeypatch.setattr(cli, "stderr", terminal)
    monkeypatch.setattr(cli, "PROGRESS_AFTER_SECONDS", -1.0)
    assert list(cli.with_progress(results(), quiet=quiet)) == results()
    shown = terminal.file.getvalue()  # type: ignore[attr-defined]
    assert ("2 items, 0 events, 1 errors" in shown) is not quiet
    assert ("items/s" in shown and "events/s" in shown) is not quiet


def test_with_the_total_known_the_progress_shows_the_time_left(monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = Console(file=StringIO(), force_terminal=True, width=160)
    monkeypatch.setattr(cli, "stderr", terminal)
    monkeypatch.setattr(cli, "PROGRESS_AFTER_SECONDS", -1.0)
    list(cli.with_progress(results(), total=4))
    shown = terminal.file.getvalue()  # type: ignore[attr-defined]
    assert "━" in shown and ("-:--:--" in shown or "0:00:0" in shown)


def test_the_total_is_counted_from_the_inputs_names_when_they_tell_it(tmp_path: Path) -> None:
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "news" / "b.html").write_text(f"<p>{STORY}</p>", encoding="utf-8")
    (tmp_path / "news" / "c.jsonl").write_text('{"text": "one"}\n\n{"text": "two"}\n', encoding="utf-8")
    assert count_items([str(tmp_path / "news"), str(tmp_path / "missing.txt")]) == 5
    (tmp_path / "news" / "d.warc.gz").write_bytes(b"")
    assert count_items([str(tmp_path / "news")]) is None
    assert count_items(["-"]) is None

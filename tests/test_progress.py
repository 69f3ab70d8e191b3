"""Given a batch that takes a while, expect a progress line on a terminal with the items, events and errors read
so far and the rate; with --quiet, none."""

from __future__ import annotations

from io import StringIO

import pytest
from rich.console import Console

from treve import cli
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
    assert ("items/s" in shown) is not quiet

"""`treve evaluate ceasefires`: the articles go into a fresh store and its tracked ceasefires are scored against
gold ceasefires (the project's own example articles and gold, in tests/data/ceasefires)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from treve.cli import app

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "data" / "ceasefires" / "gold.jsonl"


def test_the_truce_of_the_wire_story_is_tracked_with_its_parties_broker_date_and_effective_time() -> None:
    result = CliRunner().invoke(
        app, ["evaluate", "ceasefires", "--gold", str(GOLD), "--articles", str(ROOT / "examples"), "--json"]
    )
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert (scores["precision"], scores["recall"]) == (1.0, 1.0)
    assert scores["fields"] == {"parties": 1.0, "mediator": 1.0, "date": 1.0, "status": 1.0, "effective": 1.0}


def test_a_folder_without_the_articles_is_a_one_line_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["evaluate", "ceasefires", "--gold", str(GOLD), "--articles", str(tmp_path)])
    assert result.exit_code == 2
    assert "no file for article(s) en_truce_wire" in result.output

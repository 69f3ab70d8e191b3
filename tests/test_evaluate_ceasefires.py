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


def _effective_score(tmp_path: Path, effective: str) -> float:
    lines = GOLD.read_text(encoding="utf-8").splitlines()
    told = [json.loads(line) for line in lines]
    for line in told:
        if "effective" in line:
            line["effective"] = effective
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(line) for line in told) + "\n", encoding="utf-8")
    result = CliRunner().invoke(
        app, ["evaluate", "ceasefires", "--gold", str(gold), "--articles", str(ROOT / "examples"), "--json"]
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["fields"]["effective"]


def test_an_effect_time_is_scored_at_the_precision_the_gold_gives_it(tmp_path: Path) -> None:
    # The wire's truce takes effect at 06:00 GMT on 13 March: 08:00 in Khartoum, a time its text gives no zone.
    assert [_effective_score(tmp_path, told) for told in ("2024-03-13", "2024-03-13T08:00", "2024-03")] == [1, 1, 1]
    assert [_effective_score(tmp_path, told) for told in ("2024-03-14", "2024-03-13T08:07", "2024-03-13T07:00Z")] == [
        0,
        0,
        0,
    ]

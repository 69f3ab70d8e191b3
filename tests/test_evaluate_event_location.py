"""The event-location scorer: gold rows read from the zip as the shared data lays them out, and scored."""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Sequence
from pathlib import Path

import pytest

from treve.errors import EvaluationError
from treve.evaluate.event_location import Located, load_gold, score_event_location, treve_locator
from treve.evaluate.parts import Part
from treve.records import PlaceMention
from treve.resources.gazetteer import open_gazetteer
from treve.stages.event_location import Basis, EventLocation
from treve.stages.nlp import LanguageModels

REAL_GOLD = Path(__file__).resolve().parents[2] / "shared" / "eval" / "event-location" / "labeled_text.jsonl.zip"


def row(text: str, verb: str, location: str | None = None, source: str = "RELABEL") -> dict:
    """A row as the gold set writes it: tokens with offsets, spans by token (character offsets left wrong, as
    some gold rows have them)."""
    tokens = [
        {"text": match.group(), "start": match.start(), "end": match.end(), "id": i}
        for i, match in enumerate(re.finditer(r"\w+|[^\w\s]", text))
    ]
    spans = []
    for label, words in (("VERB", verb), ("LOCATION", location)):
        if words is None:
            continue
        first = next(t["id"] for t in tokens if t["start"] == text.index(words))
        last = next(t["id"] for t in tokens if t["end"] == text.index(words) + len(words))
        spans.append({"start": first, "end": first, "token_start": first, "token_end": last, "label": label})
    return {"text": text, "tokens": tokens, "spans": spans, "source": source, "answer": "accept", "_id": text}


def gold_zip(tmp_path: Path, rows: Sequence[dict]) -> Path:
    path = tmp_path / "labeled_text.jsonl.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("labeled_text.jsonl", json.dumps(list(rows)))
        archive.writestr("__MACOSX/._labeled_text.jsonl", "not JSON")
    return path


ROWS = [
    row("A bomb exploded in Kabul on Monday.", "exploded", "Kabul"),
    row("Gunmen killed three soldiers on Monday.", "killed"),
    row("Police arrested a man from Lagos.", "arrested"),
    row("Protesters marched in Rome on Saturday.", "marched", "Rome", source="APW_RA"),
]


def test_only_the_adjudicated_rows_are_gold_and_spans_are_read_from_their_tokens(tmp_path: Path) -> None:
    gold = load_gold(gold_zip(tmp_path, ROWS))
    assert [g.text for g in gold] == [r["text"] for r in ROWS[:3]]
    kabul = gold[0]
    assert kabul.text[slice(*kabul.event)] == "exploded"
    assert [kabul.text[slice(*span)] for span in kabul.locations] == ["Kabul"]
    assert gold[1].locations == []


def test_a_file_that_is_not_the_gold_zip_is_an_evaluation_error(tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.zip"
    bogus.write_text("not a zip", encoding="utf-8")
    with pytest.raises(EvaluationError):
        load_gold(bogus)


def answer(text: str, words: str, basis: Basis) -> EventLocation:
    start = text.index(words)
    return EventLocation(PlaceMention(start=start, end=start + len(words), text=words), basis)


def test_a_guess_where_the_sentence_states_no_place_is_right_except_in_the_strict_figure(tmp_path: Path) -> None:
    lagos = ROWS[2]["text"]
    answers = {
        ROWS[0]["text"]: answer(ROWS[0]["text"], "Kabul", Basis.locative),
        ROWS[1]["text"]: None,
        lagos: answer(lagos, "Lagos", Basis.sentence),
    }

    def locate(text: str, event: tuple[int, int], extra: Sequence[tuple[int, int]]) -> Located:
        found = answers[text]
        return Located(found, [(found.mention.start, found.mention.end)] if found else [])

    scores = score_event_location(gold_zip(tmp_path, ROWS), locate)
    assert scores["n"] == 3 and scores["accuracy"] == 1.0 and scores["strict_accuracy"] == pytest.approx(2 / 3)
    assert scores["located_accuracy"] == 1.0 and scores["no_location_accuracy"] == 1.0
    assert scores["recognised"] == 1.0


def test_treve_places_the_gold_rows_events(tmp_path: Path) -> None:
    locate = treve_locator(LanguageModels(), open_gazetteer())
    scores = score_event_location(gold_zip(tmp_path, ROWS), locate)
    assert scores["accuracy"] == 1.0 and scores["choice_accuracy"] == 1.0


@pytest.mark.skipif(not REAL_GOLD.exists(), reason="the event-location gold set is not in ../shared/eval")
def test_the_real_gold_set_parses() -> None:
    gold = load_gold(REAL_GOLD)
    assert len(gold) > 400
    assert all(g.text[slice(*g.event)].strip() for g in gold)
    assert 0.2 < sum(not g.locations for g in gold) / len(gold) < 0.5
    assert all(g.text[slice(*span)].strip() for g in gold for span in g.locations)
    check, tune = load_gold(REAL_GOLD, part=Part.check), load_gold(REAL_GOLD, part=Part.tune)
    assert len(check) + len(tune) == len(gold) and 0.25 < len(check) / len(gold) < 0.42
    assert not {g.text for g in check} & {g.text for g in tune}

"""Score the choice of an event's place against the event-location gold set (Halterman, "Geolocating
Political Events in Text", 2019: `labeled_text.jsonl.zip` in ../shared/eval/event-location).

The zip holds `labeled_text.jsonl`, despite its name one JSON array (JSON lines are read too). Each row is
one English sentence, its event word (a VERB span) and the words naming where that event happened (LOCATION
spans: several when the sentence gives several, "the cities of Palmyra and Quaryatayn"; none when the
sentence does not say where). Only the adjudicated rows (`source == "RELABEL"`) are gold; the others are
single annotators' work. Some rows' character offsets are wrong, so spans are read from their token offsets.

The data lists no candidate places besides the answers, so the chooser gets treve's own candidates: the
sentence parsed by spaCy and its place names recognised and resolved as in the pipeline. A row is right when
the chooser's place overlaps one of the gold LOCATION spans, or, for a row whose event has no place, when
the chooser says the sentence states none: it returns nothing, or only a guess (a place of the sentence in
another role, the story's first place; see `treve.stages.event_location.Basis`), since a guess is not what
the sentence says. Besides `accuracy`:

- `located_accuracy` and `no_location_accuracy`: the same on rows with and without a gold place;
- `strict_accuracy`: every place returned counts as an answer, guesses included;
- `recognised`: the share of rows with a gold place where treve's recognition found one of the gold names;
- `choice_accuracy`: `accuracy` again with the gold LOCATION spans recognition missed added to the
  candidates, which scores the choice alone, apart from recognition's misses.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from treve.errors import EvaluationError
from treve.evaluate.parts import Part, in_part
from treve.resources.gazetteer import Gazetteer
from treve.stages.event_location import EventLocation, locate_event
from treve.stages.nlp import LanguageModels
from treve.stages.place_names import recognise
from treve.stages.places import resolve_spans

GOLD_SOURCE = "RELABEL"
MEMBER = "labeled_text.jsonl"
Spans = Sequence[tuple[int, int]]


@dataclass(frozen=True)
class GoldRow:
    text: str
    event: tuple[int, int]  # character offsets of the event word
    locations: list[tuple[int, int]]  # character offsets of each name of the event's place; empty: none


@dataclass(frozen=True)
class Located:
    """What the chooser returned for one row, and which candidates it had."""

    location: EventLocation | None
    candidates: list[tuple[int, int]]


# (text, event word's offsets, extra candidate spans) -> the choice.
Locator = Callable[[str, tuple[int, int], Spans], Located]


def _read_rows(path: Path) -> list[dict]:
    try:
        with zipfile.ZipFile(path) as archive:
            member = next(name for name in archive.namelist() if name.rsplit("/", 1)[-1] == MEMBER and
                          not name.startswith("__MACOSX"))  # fmt: skip
            content = archive.read(member).decode("utf-8").strip()
    except (OSError, zipfile.BadZipFile, StopIteration) as exc:
        raise EvaluationError(f"{path}: cannot read {MEMBER} from the zip; pass labeled_text.jsonl.zip") from exc
    try:
        return json.loads(content) if content.startswith("[") else [json.loads(line) for line in content.splitlines()]
    except json.JSONDecodeError as exc:
        raise EvaluationError(f"{path}: {MEMBER} is not JSON ({exc})") from exc


def _offsets(row: dict, span: dict) -> tuple[int, int] | None:
    tokens = row["tokens"]
    if not 0 <= span["token_start"] <= span["token_end"] < len(tokens):
        return None
    return tokens[span["token_start"]]["start"], tokens[span["token_end"]]["end"]


def load_gold(path: Path, limit: int | None = None, part: Part = Part.all) -> list[GoldRow]:
    """The adjudicated rows of `part` that name one event word, the first `limit` only when given (a row whose
    span points outside its tokens is left out). A row's part follows its text's hash (`_input_hash`), so a
    text labelled twice stays in one part."""
    rows = []
    for row in _read_rows(path):
        if row.get("source") != GOLD_SOURCE or not in_part(row.get("_input_hash", row["text"]), part):
            continue
        spans = row.get("spans") or []
        events = [_offsets(row, span) for span in spans if span["label"] == "VERB"]
        locations = [_offsets(row, span) for span in spans if span["label"] == "LOCATION"]
        if len(events) != 1 or None in events or None in locations:
            continue
        rows.append(GoldRow(row["text"], events[0], locations))
        if limit is not None and len(rows) >= limit:
            break
    if not rows:
        raise EvaluationError(f"{path}: no {GOLD_SOURCE} row with an event word; pass labeled_text.jsonl.zip")
    return rows


def _overlaps(span: tuple[int, int], others: Spans) -> bool:
    return any(span[0] < end and start < span[1] for start, end in others)


def _right(row: GoldRow, location: EventLocation | None, guesses_count: bool = False) -> bool:
    """Whether the answer overlaps a gold name of the event's place, or, with none, whether there is none."""
    answer = location if location is not None and (guesses_count or location.stated) else None
    if answer is None:
        return not row.locations
    return _overlaps((answer.mention.start, answer.mention.end), row.locations)


def _recognised(row: GoldRow, found: Located) -> bool:
    return any(_overlaps(name, found.candidates) for name in row.locations)


def _share(hits: Sequence[bool]) -> float:
    return sum(hits) / len(hits) if hits else 0.0


def score_event_location(
    gold: Path, locate: Locator, limit: int | None = None, part: Part = Part.all
) -> dict[str, float | int | str]:
    """The figures of the module's doc on `part` of one gold file."""
    rows = load_gold(gold, limit, part)
    own = [locate(row.text, row.event, []) for row in rows]
    helped = [locate(row.text, row.event, row.locations) for row in rows]
    right = [_right(row, found.location) for row, found in zip(rows, own, strict=True)]
    return {
        "part": part.value,
        "n": len(rows),
        "accuracy": _share(right),
        "located_accuracy": _share([hit for row, hit in zip(rows, right, strict=True) if row.locations]),
        "no_location_accuracy": _share([hit for row, hit in zip(rows, right, strict=True) if not row.locations]),
        "strict_accuracy": _share([_right(row, found.location, True) for row, found in zip(rows, own, strict=True)]),
        "recognised": _share([_recognised(row, found) for row, found in zip(rows, own, strict=True) if row.locations]),
        "choice_accuracy": _share([_right(row, found.location) for row, found in zip(rows, helped, strict=True)]),
    }


def treve_locator(models: LanguageModels, gazetteer: Gazetteer, language: str = "en") -> Locator:
    """The chooser as the pipeline runs it: treve's parse and place names, plus the given extra spans (a
    recognised name that overlaps one of them gives way to it)."""

    def locate(text: str, event: tuple[int, int], extra: Spans) -> Located:
        doc = models.parse(text, language)
        own = [span for span in recognise(doc, language, gazetteer) if not _overlaps(span, extra)]
        candidates = sorted([*own, *extra])
        trigger = doc.char_span(*event, alignment_mode="expand")
        if trigger is None:
            return Located(None, candidates)
        mentions = resolve_spans(text, candidates, gazetteer, doc)
        return Located(locate_event(trigger.root, mentions), candidates)

    return locate

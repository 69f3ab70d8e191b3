"""Score event coding against CASE 2021 task 2: news snippets, each labelled with one of 30 event subtypes.

The gold file (`task2_dev.tsv` from emerging-welfare/case-2021-shared-task) is tab-separated with a header
`id, EventSnippet, SubType`. Twenty-five subtypes are ACLED's sub-event types (OTHER is ACLED's residual
"Other" strategic development, not "no event"); ORG_CRIME, NATURAL_DISASTER, MAN_MADE_DISASTER, DIPLO and
ATTRIB were added without training data.

The coder codes each snippet alone; its main event (the most confident, the first of equals) is turned into
a subtype by `treve.ontology.case_subtype`. A snippet with no event (a flood, a factory fire: no political
event between actors) takes the category treve's sentence classifier reads in it, when a categoriser is
given; otherwise, or when that category has no subtype, it is predicted NONE, always wrong. The figures
are the task's: accuracy, macro F1 and weighted F1 (the ranking figure), over the subtypes found in the
gold or the predictions.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

from treve.errors import EvaluationError
from treve.evaluate.parts import Part, in_part
from treve.evaluate.scoring import NO_EVENT, accuracy, macro_f1, main_event, per_class, weighted_f1
from treve.ontology import case_subtype, case_subtype_of_category, load_crosswalks
from treve.records import Event

HEADER = ["id", "EventSnippet", "SubType"]


class GoldSnippet(NamedTuple):
    id: str
    text: str
    subtype: str


def load_gold(gold_file: Path) -> list[GoldSnippet]:
    """The gold snippets, checked for the task's three columns and its 30 subtypes."""
    try:
        with gold_file.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    except FileNotFoundError as exc:
        raise EvaluationError(f"{gold_file}: no such gold file; point to CASE 2021's task2_dev.tsv") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise EvaluationError(f"{gold_file}: unreadable gold file ({exc}); fix or replace it") from exc
    if not rows or rows[0] != HEADER:
        raise EvaluationError(f"{gold_file}: expected a tab-separated header {' '.join(HEADER)}")
    subtypes = load_crosswalks().case2021.subtypes
    snippets = []
    for line, row in enumerate(rows[1:], start=2):
        if len(row) != len(HEADER) or row[2] not in subtypes:
            raise EvaluationError(f"{gold_file}, line {line}: expected id, snippet and one of the 30 subtypes")
        snippets.append(GoldSnippet(row[0], row[1], row[2]))
    return snippets


def score_case2021(
    gold_file: Path,
    code: Callable[[str], list[Event]],
    limit: int | None = None,
    categorise: Callable[[str], str] | None = None,
    part: Part = Part.all,
) -> dict[str, Any]:
    """Run `code` on each gold snippet of `part` (the first `limit` only, if given) and score the subtype of its
    main event; `categorise` names the category of a snippet with no event (an ACLED sub-event type or treve's own).

    Returns `n`, `accuracy`, `macro_f1`, `weighted_f1` and `per_class`: {subtype: {precision, recall, f1, n}}.
    Raises EvaluationError when the gold file is missing or not in the task's layout.
    """
    snippets = [snippet for snippet in load_gold(gold_file) if in_part(snippet.id, part)][:limit]
    gold: list[str] = []
    predicted: list[str] = []
    for snippet in snippets:
        event = main_event(code(snippet.text))
        gold.append(snippet.subtype)
        if event is not None:
            predicted.append(case_subtype(event))
        elif categorise is not None:
            predicted.append(case_subtype_of_category(categorise(snippet.text)) or NO_EVENT)
        else:
            predicted.append(NO_EVENT)
    scores = per_class(gold, predicted)
    return {
        "part": part.value,
        "n": len(snippets),
        "accuracy": accuracy(gold, predicted),
        "macro_f1": macro_f1(scores),
        "weighted_f1": weighted_f1(scores),
        "per_class": {label: s.as_dict() for label, s in scores.items()},
    }

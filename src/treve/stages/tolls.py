"""Tolls: each casualty figure goes to the event it counts, and the figures of one event are reconciled.

Figures are reconciled as ACLED and UCDP do: `low` is the lowest credible figure, `high` the highest, `best`
the figure of the most specific and latest report. A vague figure ("des dizaines") gives way to a counted one.
Within one article (one report) the order of sentences is not the order of events, and a higher counted toll is
an update ("the toll rose to 19"), so `best` is its highest counted figure; across articles (the store), the
latest article that counts decides.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span

from treve.records import Count
from treve.stages.mentions import Mention
from treve.stages.story import Story


def attach_casualties(coded: list[Mention], sentence: Span, story: Story) -> None:
    """Each casualty figure of the sentence goes to the nearest violent event of that sentence."""
    violent = [event for event in coded if event.event == "ASSAULT"] or [
        event for event in coded if event.event == "COERCE" and event.mode == "arrest"
    ]
    for mention in story.casualties:
        if not (sentence.start_char <= mention.start < sentence.end_char) or not violent:
            continue
        nearest = min(violent, key=lambda event: abs(event.match.head.idx - mention.start))
        current = nearest.casualties.get(mention.kind)
        if current is None or more_specific(mention.count, current):
            nearest.casualties[mention.kind] = mention.count


def more_specific(new: Count, old: Count) -> bool:
    return (old.qualifier == "vague") and new.qualifier != "vague"


def reconcile(reports: Sequence[Sequence[Count]]) -> Count | None:
    """One figure from the figures that reports give for one event, the earliest report first (see the module
    docstring): `best` from the latest report with a counted figure, its highest."""
    counts = [count for report in reports for count in report]
    if not counts:
        return None
    counted = [[count for count in report if count.qualifier != "vague"] for report in reports]
    latest = next((report for report in reversed(counted) if report), None) or counts
    best = max(latest, key=lambda count: count.best if count.best is not None else -1)
    if len(counts) == 1:
        return best
    lows = [count.low for count in counts if count.low is not None]
    highs = [value for count in counts for value in (count.high, count.best) if value is not None]
    return best.model_copy(update={"low": min(lows, default=best.low), "high": max(highs, default=best.high)})


def event_casualties(mentions: Sequence[Mention]) -> dict[str, Count]:
    """Each kind of casualty (dead, injured, arrested) of one event, reconciled over the mentions that tell it."""
    kinds = {kind for mention in mentions for kind in mention.casualties}
    figures = {kind: reconcile([[m.casualties[kind] for m in mentions if kind in m.casualties]]) for kind in kinds}
    return {kind: count for kind, count in figures.items() if count is not None}

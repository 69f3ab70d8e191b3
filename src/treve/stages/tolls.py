"""Tolls: each casualty figure goes to the event it counts, and the figures of one event are reconciled."""

from __future__ import annotations

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

"""Given a text longer than one parse window, expect it read as a sequence of stories: the events of every
story, numbered in order, each with its sentence and places where they are in the whole text."""

from __future__ import annotations

from datetime import date

import pytest

from treve.stages import events as events_stage
from treve.stages.events import EventCoder
from treve.stages.nlp import LanguageModels

STORIES = [
    "Rebels attacked an army post near Goma on Monday, killing three soldiers.\n\n",
    "Police arrested twelve protesters in Kinshasa on Tuesday.\n\n",
    "Soldiers shelled a village near Beni on Wednesday; two civilians were killed.\n\n",
]


@pytest.fixture(scope="module")
def coder() -> EventCoder:
    return EventCoder(LanguageModels())


def test_a_text_over_one_window_gives_each_windows_events_at_their_offsets_in_the_whole_text(
    coder: EventCoder, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "".join(STORIES * 4)
    whole, whole_places = coder.code_article(text, "en", date(2024, 3, 14), "long")
    monkeypatch.setattr(events_stage, "WINDOW_CHARS", 300)
    monkeypatch.setattr(events_stage, "STORY_CHARS", 300)
    windowed, places = coder.code_article(text, "en", date(2024, 3, 14), "long")
    assert [event.id for event in windowed] == [f"long-{n}" for n in range(1, len(windowed) + 1)]
    for event in windowed:
        assert text[event.evidence.start : event.evidence.end].strip() == event.evidence.sentence
    for place in places:
        assert text[place.start : place.end] == place.text
    told = {event.evidence.sentence.split()[0] for event in windowed}
    assert told == {"Rebels", "Police", "Soldiers"}
    # Every window's copy of a story is read: none is lost at a cut.
    assert len(places) == len(whole_places) and places[-1].start > len(text) - len(STORIES[-1])
    assert {e.event for e in windowed} >= {e.event for e in whole}

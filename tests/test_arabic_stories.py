"""Given an Arabic story written for these tests, expect the events an analyst codes from it. No parser on PyPI
reads Arabic: treve reads it flat (spaCy's rule-based tokenizer, proclitics taken off known words, roles from
the order of the names around each trigger), at a lower confidence than a parsed language."""

from __future__ import annotations

from datetime import date

import pytest

from treve.records import Event
from treve.stages.events import EventCoder
from treve.stages.mentions import CONFIDENCE_ACTOR_ONLY
from treve.stages.nlp import LanguageModels

TUESDAY = date(2024, 3, 12)
STORY = (
    "قتل مسلحون خمسة جنود في هجوم على موقع للجيش النيجري قرب تيلابيري يوم الأحد، بحسب وزارة الدفاع.\n"
    "وتظاهر مئات الأشخاص في باماكو يوم الاثنين ضد المجلس العسكري.\n"
    "واتفقت أرمينيا وأذربيجان على وقف إطلاق النار بوساطة روسية."
)


@pytest.fixture(scope="module")
def events() -> list[Event]:
    return EventCoder(LanguageModels()).code_text(STORY, "ar", TUESDAY)


def of_type(events: list[Event], event_type: str) -> list[Event]:
    return [event for event in events if event.event == event_type]


def test_the_attack_is_done_by_the_gunmen_to_the_army_on_sunday(events: list[Event]) -> None:
    [attack] = of_type(events, "ASSAULT")
    assert [entity.sector for entity in attack.actor] == ["UAF"]  # the name after the verb acts (VSO)
    assert ("NER", "MIL") in {(entity.code, entity.sector) for entity in attack.recipient}  # "على": undergoes
    assert attack.date == "2024-03-10"
    assert attack.confidence < CONFIDENCE_ACTOR_ONLY  # read without a parser


def test_the_demonstration_of_monday(events: list[Event]) -> None:
    [protest] = of_type(events, "PROTEST")
    assert protest.date == "2024-03-11"
    assert [entity.sector for entity in protest.actor] == ["CVL"]


def test_the_ceasefire_binds_the_two_states_and_keeps_the_mediator_apart(events: list[Event]) -> None:
    [agreement] = [event for event in of_type(events, "AGREE") if event.ceasefire is not None]
    assert {entity.code for entity in agreement.actor} == {"ARM", "AZE"}
    assert [entity.code for entity in agreement.mediator] == ["RUS"]


def test_a_dateline_is_no_actor() -> None:
    events = EventCoder(LanguageModels()).code_text(
        "الخرطوم (وكالة) - قتل 12 مدنيا يوم الاثنين في قصف مدفعي استهدف سوقا شعبيا.", "ar", TUESDAY
    )
    [attack] = of_type(events, "ASSAULT")
    assert all(entity.entity_text != "الخرطوم" for entity in attack.actor)

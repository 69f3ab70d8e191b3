"""Given a Spanish story written for these tests, expect the events an analyst codes from it: the same record
as French and English, read through spaCy's Spanish pipeline and the Spanish tables of every lexicon."""

from __future__ import annotations

from datetime import date

import pytest

from treve.records import Event
from treve.stages.events import EventCoder
from treve.stages.nlp import LanguageModels

TUESDAY = date(2024, 3, 12)
STORY = (
    "Hombres armados atacaron el domingo un puesto del ejército nigerino cerca de Tillabéri, en el oeste de "
    "Níger, y mataron a doce soldados, según informó el Ministerio de Defensa. "
    "El ataque no fue reivindicado.\n"
    "En Bamako, cientos de personas se manifestaron el lunes contra la junta militar.\n"
    "Armenia y Azerbaiyán acordaron un alto el fuego con la mediación de Rusia."
)


@pytest.fixture(scope="module")
def events() -> list[Event]:
    return EventCoder(LanguageModels()).code_text(STORY, "es", TUESDAY)


def of_type(events: list[Event], event_type: str) -> list[Event]:
    return [event for event in events if event.event == event_type]


def test_the_attack_and_its_retelling_are_one_event_with_its_toll_day_and_place(events: list[Event]) -> None:
    [attack] = of_type(events, "ASSAULT")
    assert attack.size.dead == 12
    assert attack.date == "2024-03-10"  # "el domingo" before a Tuesday
    assert attack.location is not None and attack.location.country_code == "NER"
    assert ("NER", "MIL") in {(entity.code, entity.sector) for entity in attack.recipient}
    assert attack.retold  # "El ataque no fue reivindicado."


def test_the_demonstration_is_dated_and_placed(events: list[Event]) -> None:
    [protest] = of_type(events, "PROTEST")
    assert protest.date == "2024-03-11"
    assert protest.location is not None and protest.location.resolved_place == "Bamako"


def test_a_ceasefire_of_several_words_binds_its_parties_and_keeps_the_mediator_apart(events: list[Event]) -> None:
    [agreement] = [event for event in of_type(events, "AGREE") if event.ceasefire is not None]
    assert {entity.code for entity in agreement.actor} == {"ARM", "AZE"}
    assert [entity.code for entity in agreement.mediator] == ["RUS"]


def test_opening_fire_is_no_ceasefire() -> None:
    coded = EventCoder(LanguageModels()).code_text(
        "Los soldados abrieron fuego contra los manifestantes en la plaza central.", "es", TUESDAY
    )
    assert not [event for event in coded if event.ceasefire is not None]
    assert of_type(coded, "ASSAULT")


@pytest.mark.parametrize(
    "headline",
    [
        "MILES DE ESTUDIANTES EN UNA MANIFESTACION CONTRA LA REFORMA EDUCATIVA",
        "Miles de estudiantes en una manifestacion contra la reforma educativa.",
    ],
)
def test_a_headline_that_drops_its_accents_still_names_its_protest(headline: str) -> None:
    """Capitals and wire copy often drop accents: "manifestacion" is the trigger "manifestación"."""
    events = EventCoder(LanguageModels()).code_text(headline, "es", None)
    assert [(e.event, [(a.sector, a.entity_text) for a in e.actor]) for e in events] == [("PROTEST", [("CVL", "")])]

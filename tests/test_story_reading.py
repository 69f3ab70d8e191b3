"""Given short stories written for these tests, expect one record per real-world event: retellings join the
event they retell, and look-alikes told in the same article stay apart."""

from __future__ import annotations

from datetime import date

import pytest

from treve.records import Event
from treve.stages.events import EventCoder
from treve.stages.nlp import LanguageModels

FRIDAY = date(2024, 3, 15)


@pytest.fixture(scope="module")
def coder() -> EventCoder:
    return EventCoder(LanguageModels())


def assaults(events: list[Event]) -> list[Event]:
    return [event for event in events if event.event == "ASSAULT"]


def test_an_ambush_its_toll_and_the_attack_retold_are_one_event(coder: EventCoder) -> None:
    events = coder.code_text(
        "Gunmen ambushed an army convoy near Djibo in northern Burkina Faso on Thursday. "
        "Eleven soldiers died and several were hurt, security sources said. "
        "The attack was not immediately claimed.",
        "en",
        FRIDAY,
    )
    ambushes = assaults(events)
    assert len(ambushes) == 1
    assert ambushes[0].size.dead == 11
    assert len(ambushes[0].retold) >= 1


def test_another_ambush_is_another_event(coder: EventCoder) -> None:
    events = coder.code_text(
        "Des hommes armés ont tendu jeudi une embuscade à un convoi de l'armée près de Djibo, tuant onze soldats. "
        "Une autre embuscade a visé vendredi une patrouille de gendarmes près de Dori, faisant trois morts.",
        "fr",
        FRIDAY,
    )
    assert sorted(event.size.dead or 0 for event in assaults(events)) == [3, 11]


def test_the_police_firing_and_a_mob_attacking_a_temple_are_two_events(coder: EventCoder) -> None:
    events = coder.code_text(
        "Police opened fire on rioters in Vadodara on Tuesday, killing two people. "
        "A mob attacked a temple in the old city and set shops on fire.",
        "en",
        FRIDAY,
    )
    doers = [{(entity.code, entity.sector) for entity in event.actor} for event in assaults(events)]
    assert {("IND", "COP")} in doers and len(assaults(events)) >= 2


def test_calls_by_two_different_ministers_are_two_calls(coder: EventCoder) -> None:
    events = coder.code_text(
        "Le ministre kényan des Affaires étrangères Musalia Mudavadi s'est entretenu par téléphone avec son "
        "homologue éthiopien. Le président William Ruto a eu des appels téléphoniques avec le président "
        "somalien et le Premier ministre éthiopien.",
        "fr",
        FRIDAY,
    )
    calls = [event for event in events if event.event == "CONSULT"]
    assert len(calls) == 2


def test_a_link_to_another_story_glued_into_a_paragraph_is_not_this_story(coder: EventCoder) -> None:
    events = coder.code_text(
        "Des hommes armés ont attaqué lundi un poste de gendarmerie à Titao, tuant quatre gendarmes. "
        "Lire aussi : Niger : au moins 20 soldats tués dans une attaque Le poste avait déjà été visé en mars.",
        "fr",
        FRIDAY,
    )
    assert [event.size.dead for event in assaults(events)] == [4]


def test_two_ambushes_told_in_one_lede_are_coded_though_the_lede_reads_vaguely(coder: EventCoder) -> None:
    events = coder.code_text(
        "Deux embuscades distinctes ont fait au moins huit morts près de Titao, dans le nord du pays.",
        "fr",
        FRIDAY,
    )
    assert [event.size.dead for event in assaults(events)] == [8]


def test_a_leader_no_dictionary_knows_keeps_the_title_code_when_named_again(coder: EventCoder) -> None:
    events = coder.code_text(
        "President Joao Mabunda has banned all opposition rallies in Mozambique. "
        "On Friday Mabunda met the leaders of the main parties in Maputo.",
        "en",
        FRIDAY,
    )
    meeting = next(event for event in events if event.event == "CONSULT")
    assert {(entity.code, entity.sector) for entity in meeting.actor} == {("MOZ", "GOV")}


def test_promising_talks_is_one_act_and_killing_and_arresting_are_two(coder: EventCoder) -> None:
    promised = coder.code_text(
        "Les rebelles se sont engagés à des pourparlers de paix avec le gouvernement.", "fr", FRIDAY
    )
    assert [event.event for event in promised] == ["AGREE"]
    crackdown = coder.code_text(
        "Police in Dhaka killed three protesters and arrested dozens of students on Thursday.", "en", FRIDAY
    )
    assert {"ASSAULT", "COERCE"} <= {event.event for event in crackdown}


@pytest.mark.parametrize(
    ("text", "language", "doers"),
    [
        ("Unos 300 jóvenes realizaron el lunes una manifestación frente al parlamento.", "es", "Unos 300 jóvenes"),
        (
            "Des dizaines de riverains ont organisé jeudi une manifestation devant la mairie.",
            "fr",
            "Des dizaines de riverains",
        ),
    ],
)
def test_protesters_named_by_a_common_noun_are_the_protest_actor(
    coder: EventCoder, text: str, language: str, doers: str
) -> None:
    [protest] = [event for event in coder.code_text(text, language, FRIDAY) if event.event == "PROTEST"]
    assert [(entity.entity_text, entity.sector) for entity in protest.actor] == [(doers, "CVL")]


def test_a_protest_that_names_no_protesters_is_coded_for_the_protesters_of_the_country(coder: EventCoder) -> None:
    events = coder.code_text("Miles marcharon el jueves en Lima contra el alza de los precios.", "es", FRIDAY)
    [protest] = [event for event in events if event.event == "PROTEST"]
    assert [(entity.entity_text, entity.code, entity.sector) for entity in protest.actor] == [("", "PER", "CVL")]


@pytest.mark.parametrize(
    ("language", "story"),
    [
        ("en", "The rebels claimed that government troops shelled the town of Kidal on Monday."),
        ("fr", "Les rebelles ont affirmé que l'armée malienne avait bombardé la ville de Kidal lundi."),
    ],
)
def test_a_shelling_the_rebels_claim_is_attributed_to_them_as_a_claim(
    coder: EventCoder, language: str, story: str
) -> None:
    [shelling] = coder.code_text(story, language, date(2024, 3, 12))
    assert shelling.event == "ASSAULT"
    assert shelling.attribution is not None and shelling.attribution.kind == "claim"


@pytest.mark.parametrize(
    ("language", "story", "protesters"),
    [
        ("es", "La protesta de los camioneros paralizó la capital el lunes.", "los camioneros"),
        ("en", "A march of pensioners took place in the capital on Monday.", "pensioners"),
        ("fr", "La manifestation des retraités a eu lieu lundi dans la capitale.", "retraités"),
    ],
)
def test_the_people_a_protest_noun_is_of_are_its_protesters(
    coder: EventCoder, language: str, story: str, protesters: str
) -> None:
    [protest] = coder.code_text(story, language, date(2024, 3, 12))
    assert protest.event == "PROTEST"
    assert [(a.entity_text, a.sector) for a in protest.actor] == [(protesters, "CVL")]


def test_protesters_named_by_their_kind_belong_to_the_country_their_protest_is_in(coder: EventCoder) -> None:
    """The story's leading country is Nigeria (two towns); the march is in Vienna: Austrian protesters."""
    story = (
        "À Lagos et à Abuja, les autorités nigérianes ont levé les restrictions sanitaires lundi.\n"
        "Samedi, des milliers de manifestants ont défilé à Vienne contre le confinement."
    )
    events = coder.code_text(story, "fr", date(2021, 11, 22))
    [march] = [event for event in events if event.event == "PROTEST"]
    assert [(a.entity_text, a.code, a.sector) for a in march.actor] == [("manifestants", "AUT", "CVL")]

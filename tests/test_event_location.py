"""Where an event happened: given a sentence, its event word and the places it names, the place chosen."""

from __future__ import annotations

import pytest

from treve.resources.gazetteer import Gazetteer, open_gazetteer
from treve.stages.event_location import Basis, EventLocation, locate_event
from treve.stages.nlp import LanguageModels
from treve.stages.place_names import recognise
from treve.stages.places import resolve_places, resolve_spans


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return open_gazetteer()


def locate(gazetteer: Gazetteer, text: str, language: str, event_word: str, *places: str) -> EventLocation | None:
    """The event named by the first `event_word` of `text`, located among the given place names."""
    doc = LanguageModels().parse(text, language)
    spans = [(text.index(name), text.index(name) + len(name)) for name in places]
    mentions = resolve_spans(text, spans, gazetteer, doc)
    trigger = next(token for token in doc if token.text == event_word)
    return locate_event(trigger, mentions)


def place_of(location: EventLocation | None) -> str | None:
    return location.mention.text if location is not None else None


def test_an_attack_near_a_town_happened_there_not_where_the_army_reported_it(gazetteer: Gazetteer) -> None:
    text = "Gunmen attacked a police post near Gao, the army said in Bamako."
    location = locate(gazetteer, text, "en", "attacked", "Gao", "Bamako")
    assert place_of(location) == "Gao" and location.basis is Basis.locative


def test_the_same_in_french(gazetteer: Gazetteer) -> None:
    text = "Des hommes armés ont attaqué un poste de police près de Gao, a indiqué l'armée à Bamako."
    assert place_of(locate(gazetteer, text, "fr", "attaqué", "Gao", "Bamako")) == "Gao"


def test_strikes_on_a_city_happened_there_and_the_capital_condemning_them_is_an_actor(gazetteer: Gazetteer) -> None:
    text = "Moscou a condamné les frappes sur Kharkiv."
    location = locate(gazetteer, text, "fr", "frappes", "Moscou", "Kharkiv")
    assert place_of(location) == "Kharkiv" and location.stated


def test_soldiers_killed_in_a_country_died_there_not_where_they_came_from(gazetteer: Gazetteer) -> None:
    text = "Des soldats venus de Kyiv ont été tués au Mali."
    assert place_of(locate(gazetteer, text, "fr", "tués", "Kyiv", "Mali")) == "Mali"


def test_a_place_someone_came_from_is_only_a_guess(gazetteer: Gazetteer) -> None:
    text = "A cab driver from Abidjan was shot by police officers."
    location = locate(gazetteer, text, "en", "shot", "Abidjan")
    assert place_of(location) == "Abidjan" and location.basis is Basis.sentence and not location.stated


def test_a_captured_town_is_where_the_capture_happened_rather_than_its_province(gazetteer: Gazetteer) -> None:
    text = "The rebels captured the town of Bakwa in Farah province last month."
    assert place_of(locate(gazetteer, text, "en", "captured", "Bakwa", "Farah province")) == "Bakwa"


def test_an_of_chain_leads_to_the_named_place(gazetteer: Gazetteer) -> None:
    text = "Gunmen captured two observers in a Georgian-controlled district of the Kodori Gorge on Thursday."
    assert place_of(locate(gazetteer, text, "en", "captured", "Kodori Gorge")) == "Kodori Gorge"


def test_a_country_qualifying_the_weapon_is_whose_it_was_not_where(gazetteer: Gazetteer) -> None:
    text = "Nine militants were killed in a U.S. airstrike, officials said."
    location = locate(gazetteer, text, "en", "killed", "U.S.")
    assert location is not None and not location.stated


@pytest.mark.parametrize(
    ("text", "language", "event_word", "dateline"),
    [
        ("KHARTOUM, Sudan (AP) — The army said it repelled an attack. Gunmen killed three soldiers.", "en", "killed",
         "KHARTOUM"),
        ("ABIDJAN (AFP) - L'armée a repoussé une attaque. Des hommes armés ont tué trois soldats.", "fr", "tué",
         "ABIDJAN"),
        ("THE HAGUE — Gunmen killed three soldiers on Monday, officials said.", "en", "killed", "THE HAGUE"),
    ],
)  # fmt: skip
def test_a_dateline_says_where_the_story_was_filed_not_where_its_events_happened(
    gazetteer: Gazetteer, text: str, language: str, event_word: str, dateline: str
) -> None:
    doc = LanguageModels().parse(text, language)
    mentions = resolve_places(doc, language, gazetteer)
    assert [m.text for m in mentions if m.role == "dateline"][:1] == [dateline]
    assert locate_event(next(token for token in doc if token.text == event_word), mentions) is None


def test_a_sentence_that_names_no_place_has_the_story_s_first_place_other_than_its_dateline(
    gazetteer: Gazetteer,
) -> None:
    text = "CAIRO — Fighting went on in Rafah on Sunday. Gunmen killed three soldiers."
    doc = LanguageModels().parse(text, "en")
    location = locate_event(
        next(token for token in doc if token.text == "killed"), resolve_places(doc, "en", gazetteer)
    )
    assert place_of(location) == "Rafah" and location is not None and location.basis is Basis.story


def test_a_story_that_names_no_place_has_no_location(gazetteer: Gazetteer) -> None:
    assert locate(gazetteer, "Gunmen killed three soldiers on Monday.", "en", "killed") is None


def test_a_capital_standing_for_its_government_is_never_the_location(gazetteer: Gazetteer) -> None:
    text = "Moscou a accusé les rebelles d'avoir attaqué un convoi."
    assert locate(gazetteer, text, "fr", "attaqué", "Moscou") is None


def found_places(gazetteer: Gazetteer, text: str) -> list[str]:
    """The place names treve recognises in an English sentence."""
    doc = LanguageModels().parse(text, "en")
    return [text[start:end] for start, end in recognise(doc, "en", gazetteer)]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Army helicopters shelled the village of Kafr Nabl on Monday.", "Kafr Nabl"),  # the NER says ORG
        ("Hundreds of students demonstrated in Sanaa on Friday.", "Sanaa"),  # the NER says PERSON
        ("Government troops shelled the Jobar district overnight.", "Jobar"),
        ("Rebels seized Tessalit, 300 kilometres north of Gao, on Sunday.", "Tessalit"),
    ],
)
def test_a_name_the_ner_took_for_a_person_or_an_organisation_is_a_place_by_its_role(
    gazetteer: Gazetteer, text: str, place: str
) -> None:
    assert place in found_places(gazetteer, text)


def test_peoples_and_abbreviations_are_not_places(gazetteer: Gazetteer) -> None:
    text = "IS fighters and Syrian troops clashed as Al Qaeda militants watched Chechen towns burn."
    assert found_places(gazetteer, text) == []


def test_a_country_s_war_happened_in_that_country(gazetteer: Gazetteer) -> None:
    location = locate(gazetteer, "Hundreds of people have been killed in Yemen's war since March.", "en", "killed",
                      "Yemen")  # fmt: skip
    assert place_of(location) == "Yemen" and location.stated


def test_a_place_north_of_a_town_is_placed_by_the_town_when_it_has_no_name_of_its_own(gazetteer: Gazetteer) -> None:
    location = locate(gazetteer, "A policeman was shot dead in a village north of Kirkuk.", "en", "shot", "Kirkuk")
    assert place_of(location) == "Kirkuk" and location.stated


def test_a_named_place_comes_before_the_town_it_is_said_to_lie_near(gazetteer: Gazetteer) -> None:
    text = "Four people were killed in Hawija district, south of Kirkuk."
    assert place_of(locate(gazetteer, text, "en", "killed", "Hawija district", "Kirkuk")) == "Hawija district"


def test_where_the_sources_of_the_report_are_is_not_where_the_event_happened(gazetteer: Gazetteer) -> None:
    text = "Two soldiers were killed on Monday, according to officials in Kabul."
    location = locate(gazetteer, text, "en", "killed", "Kabul")
    assert location is not None and not location.stated


def test_a_part_of_a_region_the_gazetteer_lacks_is_not_taken_for_a_village(gazetteer: Gazetteer) -> None:
    text = "A bomb exploded in Pulwama on Friday in south Kashmir."
    assert place_of(locate(gazetteer, text, "en", "exploded", "Pulwama", "south Kashmir")) == "Pulwama"


def test_a_capital_taken_by_an_army_is_a_place_not_its_government(gazetteer: Gazetteer) -> None:
    text = "The northern army captured Bamako within a week."
    location = locate(gazetteer, text, "en", "captured", "Bamako")
    assert place_of(location) == "Bamako" and location.stated


def test_a_town_the_tagger_misses_is_recognised_as_the_object_of_a_capture(gazetteer: Gazetteer) -> None:
    assert found_places(gazetteer, "Separatist fighters captured Menaka at dawn.") == ["Menaka"]


def test_a_border_named_by_its_two_countries_is_one_place(gazetteer: Gazetteer) -> None:
    assert found_places(gazetteer, "Two soldiers died near the Afghan-Pakistani border.") == ["Afghan-Pakistani border"]
    assert found_places(gazetteer, "Shells fell on the Syria–Turkey border.") == ["Syria–Turkey border"]


def test_a_town_on_a_border_is_where_the_event_happened(gazetteer: Gazetteer) -> None:
    text = "Shelling hit the town of Torkham on the Afghan-Pakistani border."
    assert place_of(locate(gazetteer, text, "en", "hit", "Torkham", "Afghan-Pakistani border")) == "Torkham"


def test_the_place_of_the_event_comes_before_the_place_of_a_clause_of_its_own(gazetteer: Gazetteer) -> None:
    text = "The rebels captured Tigray and are now besieging the town of Mekelle."
    assert place_of(locate(gazetteer, text, "en", "captured", "Tigray", "Mekelle")) == "Tigray"


def test_a_place_that_owns_the_victims_employer_is_not_where_they_were_killed(gazetteer: Gazetteer) -> None:
    text = "Four employees of a firm of Bamako were killed on Tuesday."
    location = locate(gazetteer, text, "en", "killed", "Bamako")
    assert not location.stated


def test_a_place_under_a_condition_is_not_where_the_event_happens(gazetteer: Gazetteer) -> None:
    text = "Soldiers will patrol the roads if the families stay in Kidal."
    location = locate(gazetteer, text, "en", "patrol", "Kidal")
    assert not location.stated


def test_a_zone_between_two_places_is_placed_by_them(gazetteer: Gazetteer) -> None:
    text = "Peacekeepers patrol the area between Kidal and Tessalit."
    assert locate(gazetteer, text, "en", "patrol", "Kidal", "Tessalit").stated


def test_a_country_whose_sites_were_patrolled_is_where_the_patrol_was(gazetteer: Gazetteer) -> None:
    text = "Marines patrolled Mali's northern oil fields."
    location = locate(gazetteer, text, "en", "patrolled", "Mali")
    assert place_of(location) == "Mali" and location.stated


def test_an_unknown_valley_is_more_precise_than_the_unknown_province_it_lies_in(gazetteer: Gazetteer) -> None:
    text = "Gunmen abducted two engineers in Upper Talasi province at a camp in the Darha Valley."
    assert place_of(locate(gazetteer, text, "en", "abducted", "Darha Valley", "Upper Talasi")) == "Darha Valley"


def test_a_march_happens_where_it_goes(gazetteer: Gazetteer) -> None:
    text = "Hundreds of farmers marched to the Kano governor's office on Monday."
    location = locate(gazetteer, text, "en", "marched", "Kano")
    assert place_of(location) == "Kano" and location.stated


def test_what_was_patrolled_comes_before_where_the_patrollers_live(gazetteer: Gazetteer) -> None:
    text = "Volunteers in Bamako patrolled the streets of Kati."
    assert place_of(locate(gazetteer, text, "en", "patrolled", "Bamako", "Kati")) == "Kati"


def test_where_the_victims_were_is_where_they_were_struck(gazetteer: Gazetteer) -> None:
    text = "Soldiers killed six villagers who had tried to flee the town of Menaka."
    location = locate(gazetteer, text, "en", "killed", "Menaka")
    assert place_of(location) == "Menaka" and location.stated


def test_an_offensive_named_after_a_town_names_a_place(gazetteer: Gazetteer) -> None:
    assert found_places(gazetteer, "Four fighters died during the Menaka offensive.") == ["Menaka"]


def test_a_patrol_happens_along_its_way(gazetteer: Gazetteer) -> None:
    text = "The soldiers were patrolling from Gao to the airport when a mine exploded."
    location = locate(gazetteer, text, "en", "patrolling", "Gao")
    assert place_of(location) == "Gao" and location.stated


def test_a_name_given_an_age_is_a_person_not_a_place(gazetteer: Gazetteer) -> None:
    assert found_places(gazetteer, "Kupka, 44, was shot in Gao on Monday.") == ["Gao"]


def test_a_french_march_happens_where_it_goes(gazetteer: Gazetteer) -> None:
    text = "Des manifestants ont marché jusqu'à la préfecture de Kidal lundi."
    location = locate(gazetteer, text, "fr", "marché", "Kidal")
    assert place_of(location) == "Kidal" and location.stated


@pytest.mark.parametrize(
    ("text", "event_word", "place"),
    [
        ("Militants stormed Baidoa at dawn, killing eleven soldiers.", "killing", "Baidoa"),
        ("Rebels overran Kidal on Sunday and burned the market.", "burned", "Kidal"),
    ],
)
def test_what_the_event_s_own_scene_struck_is_its_place(
    gazetteer: Gazetteer, text: str, event_word: str, place: str
) -> None:
    location = locate(gazetteer, text, "en", event_word, place)
    assert place_of(location) == place and location.stated


def test_a_guess_is_a_place_the_gazetteer_knows(gazetteer: Gazetteer) -> None:
    text = "The Zorbaxville council met envoys from Kenya."
    location = locate(gazetteer, text, "en", "met", "Zorbaxville", "Kenya")
    assert place_of(location) == "Kenya" and location.basis is Basis.sentence

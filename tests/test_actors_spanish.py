"""Given a Spanish sentence, the actor dictionary names its actors as PLOVER codes them; a new language is data."""

from __future__ import annotations

from datetime import date
from importlib import resources
from pathlib import Path

import pytest

from treve.errors import ResourceError
from treve.resources.actors import load_actor_dictionary

ACTORS = load_actor_dictionary()
SHIPPED = Path(str(resources.files("treve.resources").joinpath("actors")))


def find(text: str, on: date | None = None) -> list[tuple[str, str | None, str | None]]:
    """(entity_text, code, sector) of every mention, checking each offset points at its text."""
    mentions = ACTORS.find(text, "es", on=on)
    for mention in mentions:
        assert text[mention.entity.start : mention.entity.end] == mention.entity.entity_text
    return [(m.entity.entity_text, m.entity.code, m.entity.sector) for m in mentions]


# --- Sentences: (text, expected mentions) -------------------------------------------------------------------

CASES: list[tuple[str, list[tuple[str, str | None, str | None]]]] = [
    # Institutions after their demonym, plural and feminine forms included
    (
        "El Ministerio de Defensa armenio denunció disparos en la frontera durante la noche.",
        [("Ministerio de Defensa armenio", "ARM", "GOV")],
    ),
    (
        "Según el ejército nigerino, una patrulla fue emboscada cerca de la frontera.",
        [("ejército nigerino", "NER", "MIL")],
    ),
    (
        "Dos soldados azerbaiyanos resultaron heridos, según Bakú.",
        [("soldados azerbaiyanos", "AZE", "MIL"), ("Bakú", "AZE", "GOV")],
    ),
    ("Las fuerzas rusas bombardearon un depósito de combustible.", [("fuerzas rusas", "RUS", "MIL")]),
    ("Las autoridades iraníes detuvieron a tres periodistas.", [("autoridades iraníes", "IRN", "GOV")]),
    ("La policía nigeriana dispersó la manifestación con gases lacrimógenos.", [("policía nigeriana", "NGA", "COP")]),
    # Institution + de/del + country, capital or organisation; institution + en + capital
    ("Las fuerzas de Azerbaiyán tomaron el control de varias aldeas.", [("fuerzas de Azerbaiyán", "AZE", "MIL")]),
    (
        "Un portavoz del Ministerio de Defensa en Ereván negó cualquier ataque.",
        [("Ministerio de Defensa en Ereván", "ARM", "GOV")],
    ),
    (
        "El Gobierno de Malí expulsó al embajador francés.",
        [("Gobierno de Malí", "MLI", "GOV"), ("embajador francés", "FRA", "GOV")],
    ),
    ("El régimen de Damasco no ha comentado el ataque.", [("régimen de Damasco", "SYR", "GOV")]),
    ("El secretario general de la ONU pidió un alto el fuego.", [("secretario general de la ONU", "UNO", "GOV")]),
    # A demonym between head and complement, then a person's name after a comma
    (
        "El ministro ruso de Exteriores, Serguéi Lavrov, viajó a Pekín.",
        [("ministro ruso de Exteriores, Serguéi Lavrov", "RUS", "GOV"), ("Pekín", "CHN", "GOV")],
    ),
    # Capitals as their governments, named institutions, organisations and armed groups
    ("Moscú acusó a Kiev de violar la tregua.", [("Moscú", "RUS", "GOV"), ("Kiev", "UKR", "GOV")]),
    ("La Casa Blanca y el Pentágono guardaron silencio.", [("Casa Blanca", "USA", "GOV"), ("Pentágono", "USA", "GOV")]),
    (
        "Las Fuerzas de Defensa de Israel atacaron posiciones de Hezbolá.",
        [("Fuerzas de Defensa de Israel", "ISR", "MIL"), ("Hezbolá", "LBN", "REB")],
    ),
    (
        "La ONU y la OTAN condenaron el ataque de Hamás.",
        [("ONU", "UNO", None), ("OTAN", "IGO", None), ("Hamás", "PSE", "REB")],
    ),
    ("La Unión Europea y la Cruz Roja enviaron ayuda.", [("Unión Europea", "EUR", None), ("Cruz Roja", "NGO", None)]),
    (
        "Combatientes del Estado Islámico atacaron un cuartel en el norte.",
        [("Estado Islámico", "IMG", "REB")],
    ),
    ("El ELN y las disidencias de las FARC se disputan la zona.", [("ELN", "COL", "REB"), ("FARC", "COL", "REB")]),
    ("Los rebeldes hutíes lanzaron un misil contra un buque.", [("rebeldes hutíes", "YEM", "REB")]),
    ("La Guardia Civil detuvo a dos sospechosos en Ceuta.", [("Guardia Civil", "ESP", "COP")]),
    # Disputed territories: the claimant, sector PRE
    ("El ejército de Nagorno Karabaj entregó sus armas.", [("ejército de Nagorno Karabaj", "AZE", "PRE")]),
    # Country names, demonyms alone, Niger is not Nigeria
    (
        "Níger y Nigeria reforzaron la cooperación, dijo un diplomático nigeriano.",
        [("Níger", "NER", None), ("Nigeria", "NGA", None), ("nigeriano", "NGA", None)],
    ),
    ("EE.UU. y Rusia negocian en Riad.", [("EE.UU.", "USA", None), ("Rusia", "RUS", None), ("Riad", "SAU", "GOV")]),
    # Hard negatives: people named like a capital or country, words that are not actors, pro- and blockers
    ("Santiago Abascal criticó la decisión en un mitin.", []),
    ("La reina Sofía inauguró un hospital en Granada.", []),
    ("Mauricio Macri visitó la Reunión anual de empresarios.", []),
    ("Pidió un plato de chile con frijoles y una cuba de vino.", []),
    ("Las milicias prorrusas y los grupos pro-iraníes negaron su participación.", []),
    ("El Gobierno anunció que el ministerio de Defensa publicará un balance.", []),
    ("El huracán tocó tierra en el golfo de México y en Irlanda del Norte llovió.", []),
    ("Los jóvenes acogidos a DACA temen la deportación.", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[text[:40] for text, _ in CASES])
def test_spanish_sentences(text: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert find(text) == expected


def test_a_feminine_demonym_is_the_country_not_the_name_of_someone() -> None:
    """'china' alone is the demonym (CHN); a given name that is a capital elsewhere ('Sofía') is dropped."""
    assert find("la empresa china") == [("china", "CHN", None)]
    assert find("Sofía") == []


def test_a_title_and_a_person_take_the_office_held_that_day() -> None:
    mention = ACTORS.find("el presidente ruso, Vladímir Putin, habló primero", "es", on=date(2023, 1, 1))[0]
    assert mention.entity.entity_text == "presidente ruso, Vladímir Putin"
    assert (mention.entity.code, mention.entity.sector, mention.kind, mention.role) == (
        "RUS",
        "GOV",
        "person",
        "president",
    )
    assert mention.entity.identifier_id == "Q7747"
    assert find("Putin y Zelenski", on=date(2023, 1, 1)) == [("Putin", "RUS", "GOV"), ("Zelenski", "UKR", "GOV")]
    assert find("el canciller chileno") == [("canciller chileno", "CHL", "GOV")]


def test_spanish_plurals_follow_the_rules_of_countries_toml() -> None:
    for form, code in [
        ("nigerinos", "NER"),
        ("nigerinas", "NER"),
        ("franceses", "FRA"),
        ("iraníes", "IRN"),
        ("estadounidenses", "USA"),
        ("alemanes", "DEU"),
        ("españoles", "ESP"),
        ("kirguises", "KGZ"),
    ]:
        assert find(f"unos drones {form}") == [(form, code, None)]


# --- A new language is data ----------------------------------------------------------------------------------


def test_a_language_added_in_the_files_alone_is_read(actor_folder: Path) -> None:
    composition = actor_folder / "composition.toml"
    composition.write_text(
        composition.read_text(encoding="utf-8")
        + '\n[languages.pt]\norder = "noun-first"\nof = [" de ", " do ", " da "]\nat = [" em "]\n'
        + 'title_to_name = [" "]\n',
        encoding="utf-8",
    )
    institutions = actor_folder / "institutions.toml"
    text = institutions.read_text(encoding="utf-8")
    institutions.write_text(
        text.replace("\n[[named]]", '\npt = [{ head = "exército", sector = "MIL", role = "army" }]\n\n[[named]]', 1),
        encoding="utf-8",
    )
    countries = actor_folder / "countries.toml"
    countries.write_text(
        countries.read_text(encoding="utf-8")
        .replace("[plurals]\n", '[plurals]\npt = [{ ending = "", plural = "s" }]\n', 1)
        .replace(
            'ARM = { identifier = "Q399",', 'ARM = { identifier = "Q399", pt = ["Arménia"], pt_demonyms = ["arménio"],'
        ),
        encoding="utf-8",
    )
    dictionary = load_actor_dictionary(actor_folder)
    found = [
        (m.entity.entity_text, m.entity.code, m.entity.sector)
        for m in dictionary.find("O exército arménio e o exército da Arménia; os arménios.", "pt")
    ]
    assert found == [
        ("exército arménio", "ARM", "MIL"),
        ("exército da Arménia", "ARM", "MIL"),
        ("arménios", "ARM", None),
    ]


def test_names_in_a_language_composition_toml_does_not_know_are_refused(actor_folder: Path) -> None:
    territories = actor_folder / "territories.toml"
    territories.write_text(
        territories.read_text(encoding="utf-8").replace('fr = ["Crimée"]', 'fr = ["Crimée"]\nxx = ["Krym"]'),
        encoding="utf-8",
    )
    with pytest.raises(ResourceError) as raised:
        load_actor_dictionary(actor_folder)
    message = str(raised.value)
    assert "\n" not in message
    assert str(territories) in message
    assert "'xx'" in message

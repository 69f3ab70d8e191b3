"""Given a French or English sentence, the actor dictionary names its actors as PLOVER codes them."""

from __future__ import annotations

import json
import tomllib
from datetime import date
from importlib import resources
from pathlib import Path

import pytest

from treve.errors import ResourceError
from treve.resources.actors import ActorMention, load_actor_dictionary

ACTORS = load_actor_dictionary()
SHIPPED = Path(str(resources.files("treve.resources").joinpath("actors")))


def find(text: str, language: str = "fr", on: date | None = None) -> list[tuple[str, str | None, str | None]]:
    """(entity_text, code, sector) of every mention, checking each offset points at its text."""
    mentions = ACTORS.find(text, language, on=on)
    for mention in mentions:
        assert text[mention.entity.start : mention.entity.end] == mention.entity.entity_text
    return [(m.entity.entity_text, m.entity.code, m.entity.sector) for m in mentions]


def only(text: str, language: str = "fr", on: date | None = None) -> ActorMention:
    mentions = ACTORS.find(text, language, on=on)
    assert len(mentions) == 1, mentions
    return mentions[0]


# --- Countries, demonyms, capitals --------------------------------------------------------------------------


def test_a_country_name_is_the_country_without_sector() -> None:
    text = "La Russie a répondu dans la soirée."
    mention = only(text)
    assert (mention.entity.entity_text, mention.entity.code, mention.entity.sector) == ("Russie", "RUS", None)
    assert (mention.entity.start, mention.entity.end) == (3, 9)
    assert mention.kind == "country"
    assert mention.entity.identifier_id == "Q159"


def test_usual_short_names_and_official_names_in_both_languages() -> None:
    assert find("Les États-Unis et le Royaume-Uni ont protesté.") == [
        ("États-Unis", "USA", None),
        ("Royaume-Uni", "GBR", None),
    ]
    assert find("The USA, Britain and the Russian Federation disagreed.", "en") == [
        ("USA", "USA", None),
        ("Britain", "GBR", None),
        ("Russian Federation", "RUS", None),
    ]


def test_every_iso_country_is_known_by_its_generated_names() -> None:
    generated = json.loads((SHIPPED / "countries.json").read_text(encoding="utf-8"))["countries"]
    curated = tomllib.loads((SHIPPED / "countries.toml").read_text(encoding="utf-8"))["countries"]
    assert len(generated) == 249
    missed = [
        (country["code"], name)
        for country in generated
        for language in ("en", "fr")
        for name in country[language]
        if name not in curated.get(country["code"], {}).get(f"drop_{language}", [])
        and [m.entity.code for m in ACTORS.find(f"Selon {name}, rien.", language)] != [country["code"]]
    ]
    assert missed == []


def test_demonyms_in_every_french_form_and_in_english() -> None:
    for form in ("arménien", "arménienne", "arméniens", "arméniennes"):
        assert find(f"un drone {form}") == [(form, "ARM", None)]
    assert find("Armenian and Azerbaijani officials met.", "en") == [
        ("Armenian", "ARM", None),
        ("Azerbaijani officials", "AZE", "GOV"),
    ]


def test_a_capital_stands_for_its_government() -> None:
    assert find("Erevan dénonce une provocation que Bakou dément.") == [
        ("Erevan", "ARM", "GOV"),
        ("Bakou", "AZE", "GOV"),
    ]
    assert find("Moscow warned Kyiv.", "en") == [("Moscow", "RUS", "GOV"), ("Kyiv", "UKR", "GOV")]
    assert only("Washington a réagi.").kind == "capital"


def test_capitals_that_are_common_words_or_shared_are_not_governments() -> None:
    assert find("Male soldiers and the Victoria police.", "en") == []


# --- Matching rules -----------------------------------------------------------------------------------------


def test_case_and_apostrophes_do_not_matter() -> None:
    assert find("L'ARMÉE ARMÉNIENNE ACCUSE L’AZERBAÏDJAN") == [
        ("ARMÉE ARMÉNIENNE", "ARM", "MIL"),
        ("AZERBAÏDJAN", "AZE", None),
    ]
    assert find("l’armée du Karabakh") == find("l'armée du Karabakh") == [("armée du Karabakh", "AZE", "PRE")]
    assert find("Côte d’Ivoire") == [("Côte d’Ivoire", "CIV", None)]


def test_accents_hyphens_and_line_breaks_do_not_matter() -> None:
    assert find("les Etats Unis et la Cote\nd'Ivoire") == [("Etats Unis", "USA", None), ("Cote\nd'Ivoire", "CIV", None)]


def test_acronyms_match_only_in_capitals() -> None:
    assert find("Let us see what the US does.", "en") == [("US", "USA", None)]
    assert find("le bureau de l'onu") == []
    assert find("le bureau de l'ONU") == [("ONU", "UNO", None)]


def test_proper_names_need_a_capital() -> None:
    assert find("the turkey was stuffed with china", "en") == []
    assert find("Turkey protested to China.", "en") == [("Turkey", "TUR", None), ("China", "CHN", None)]


def test_the_longest_name_wins() -> None:
    assert find("le Soudan du Sud et le Soudan") == [("Soudan du Sud", "SSD", None), ("Soudan", "SDN", None)]
    assert find("South Sudanese troops crossed into Sudan.", "en") == [
        ("South Sudanese troops", "SSD", "MIL"),
        ("Sudan", "SDN", None),
    ]


def test_pro_and_backed_are_not_the_country() -> None:
    assert find("des séparatistes prorusses et des milices pro-iraniennes") == []
    assert find("Russian-backed fighters and a US-led coalition", "en") == []


def test_blockers_keep_a_region_from_being_a_country() -> None:
    assert find("Latin American leaders met in North America.", "en") == []
    assert find("les pays d'Amérique latine") == []


def test_a_language_without_dictionary_finds_nothing() -> None:
    assert ACTORS.find("Russland und Armenien", "de") == []


# --- Institutions -------------------------------------------------------------------------------------------


def test_french_institution_with_demonym_inside_or_after() -> None:
    inside = only("Le ministère arménien de la Défense a publié un bilan.")
    after = only("Le ministère de la Défense arménien a publié un bilan.")
    for mention in (inside, after):
        assert (mention.entity.code, mention.entity.sector, mention.kind) == ("ARM", "GOV", "institution")
        assert mention.role == "defence ministry"
    assert inside.entity.entity_text == "ministère arménien de la Défense"


def test_french_institution_of_a_country_or_at_a_capital() -> None:
    mention = only("Un communiqué du ministère de la Défense à Erevan fait état de tirs.")
    assert (mention.entity.entity_text, mention.entity.code, mention.entity.sector) == (
        "ministère de la Défense à Erevan",
        "ARM",
        "GOV",
    )
    assert find("le président de l'Azerbaïdjan et le régime de Damas") == [
        ("président de l'Azerbaïdjan", "AZE", "GOV"),
        ("régime de Damas", "SYR", "GOV"),
    ]


def test_sectors_follow_plover() -> None:
    assert find("les forces armées azerbaïdjanaises, la police géorgienne et le parlement turc") == [
        ("forces armées azerbaïdjanaises", "AZE", "MIL"),
        ("police géorgienne", "GEO", "COP"),
        ("parlement turc", "TUR", "LEG"),
    ]
    assert find("the Russian foreign ministry and Ukrainian intelligence", "en") == [
        ("Russian foreign ministry", "RUS", "GOV"),
        ("Ukrainian intelligence", "UKR", "SPY"),
    ]


def test_english_institutions_before_and_after_their_country() -> None:
    assert find("Azerbaijan's defence ministry blamed the Armenian army.", "en") == [
        ("Azerbaijan's defence ministry", "AZE", "GOV"),
        ("Armenian army", "ARM", "MIL"),
    ]
    assert find("The ministry of defence of Armenia and the defence ministry in Baku disagreed.", "en") == [
        ("ministry of defence of Armenia", "ARM", "GOV"),
        ("defence ministry in Baku", "AZE", "GOV"),
    ]


def test_an_institution_alone_names_no_one() -> None:
    assert find("Le ministère de la Défense a démenti.") == []


def test_named_institutions() -> None:
    assert find("Le Kremlin et le Pentagone ont réagi.") == [("Kremlin", "RUS", "GOV"), ("Pentagone", "USA", "GOV")]
    assert only("Tsahal a frappé.").kind == "institution"


def test_a_national_security_council_is_not_the_un_one() -> None:
    assert find("le Conseil de sécurité arménien s'est réuni") == [("Conseil de sécurité arménien", "ARM", "GOV")]
    assert find("le Conseil de sécurité de l'ONU s'est réuni") == [("Conseil de sécurité de l'ONU", "UNO", None)]


# --- Disputed territories -----------------------------------------------------------------------------------


def test_a_disputed_territory_goes_to_its_claimant_with_sector_pre() -> None:
    mention = only("Les soldats de l'armée du Karabakh ont riposté.")
    assert (mention.entity.entity_text, mention.entity.code, mention.entity.sector) == (
        "armée du Karabakh",
        "AZE",
        "PRE",
    )
    assert mention.role == "army"
    assert find("Stepanakert and Transnistria", "en") == [("Stepanakert", "AZE", "PRE"), ("Transnistria", "MDA", "PRE")]


# --- Organisations and armed groups -------------------------------------------------------------------------


def test_international_organisations() -> None:
    assert find("Erevan a saisi l'Organisation du traité de sécurité collective (OTSC).") == [
        ("Erevan", "ARM", "GOV"),
        ("Organisation du traité de sécurité collective", "IGO", None),
        ("OTSC", "IGO", None),
    ]
    assert find("l'Union européenne, l'OTAN, la CEDEAO et le CICR") == [
        ("Union européenne", "EUR", None),
        ("OTAN", "IGO", None),
        ("CEDEAO", "IGO", None),
        ("CICR", "NGO", None),
    ]
    assert find("UNHCR and the International Criminal Court", "en") == [
        ("UNHCR", "UNO", None),
        ("International Criminal Court", "IGO", "JUD"),
    ]


def test_organisations_with_institutions() -> None:
    assert find("NATO troops and the secretary-general of the UN", "en") == [
        ("NATO troops", "IGO", "MIL"),
        ("secretary-general of the UN", "UNO", "GOV"),
    ]
    assert find("des casques bleus russes et des casques bleus") == [
        ("casques bleus russes", "RUS", "MIL"),
        ("casques bleus", "UNO", "MIL"),
    ]


def test_armed_groups() -> None:
    mention = only("Fighters of the Rapid Support Forces entered the town.", "en")
    assert (mention.entity.code, mention.entity.sector, mention.kind) == ("SDN", "REB", "group")
    assert find("le Hamas, le Hezbollah, les houthis, Daech et les shebab") == [
        ("Hamas", "PSE", "REB"),
        ("Hezbollah", "LBN", "REB"),
        ("houthis", "YEM", "REB"),
        ("Daech", "IMG", "REB"),
        ("shebab", "SOM", "REB"),
    ]
    assert only("les mercenaires du groupe Wagner").entity.sector == "PRM"


def test_the_same_acronym_differs_by_language() -> None:
    assert find("RSF attacked El Fasher.", "en") == [("RSF", "SDN", "REB")]
    assert find("RSF dénonce l'arrestation d'un journaliste.") == [("RSF", "NGO", "JRN")]


def test_group_periods_change_code_or_sector_from_a_date() -> None:
    assert find("The Taliban attacked.", "en", on=date(2020, 6, 1)) == [("Taliban", "AFG", "REB")]
    assert find("The Taliban attacked.", "en", on=date(2022, 6, 1)) == [("Taliban", "AFG", "GOV")]
    assert find("The RSF attacked.", "en", on=date(2022, 6, 1)) == [("RSF", "SDN", "PRM")]


# --- People -------------------------------------------------------------------------------------------------


def test_title_demonym_and_name_make_one_mention() -> None:
    mention = only("Selon le ministre arménien de la Défense Suren Papikyan, la situation reste tendue.")
    assert mention.entity.entity_text == "ministre arménien de la Défense Suren Papikyan"
    assert (mention.entity.code, mention.entity.sector, mention.kind, mention.role) == (
        "ARM",
        "GOV",
        "person",
        "defence minister",
    )
    mention = only("Le Premier ministre arménien Nikol Pashinyan s'est entretenu avec lui.")
    assert (mention.entity.code, mention.entity.sector, mention.role) == ("ARM", "GOV", "prime minister")
    mention = only("Russian President Vladimir Putin spoke first.", "en")
    assert (mention.entity.code, mention.role, mention.entity.identifier_id) == ("RUS", "president", "Q7747")


def test_a_person_holds_an_office_only_within_its_dates() -> None:
    text = "Pashinyan a annoncé un nouveau cycle de négociations."
    held = only(text, on=date(2022, 9, 13))
    assert (held.entity.code, held.entity.sector, held.role, held.kind) == ("ARM", "GOV", "prime minister", "person")
    before = only(text, on=date(2015, 1, 1))
    assert (before.entity.code, before.entity.sector, before.role) == ("ARM", None, None)
    undated = only(text)
    assert (undated.entity.code, undated.entity.sector, undated.role) == ("ARM", None, None)


def test_a_person_with_successive_offices() -> None:
    text = "Sergei Shoigu arrived."
    assert only(text, "en", on=date(2020, 3, 1)).role == "defence minister"
    assert only(text, "en", on=date(2024, 6, 1)).role == "security council secretary"


def test_a_title_without_country_takes_the_persons_office() -> None:
    mention = only("le président Poutine a téléphoné", on=date(2023, 1, 1))
    assert (mention.entity.entity_text, mention.entity.code, mention.entity.sector) == (
        "président Poutine",
        "RUS",
        "GOV",
    )
    assert mention.role == "president"


def test_french_and_english_transliterations() -> None:
    assert find("Nikol Pachinian et Ilham Aliev", on=date(2021, 1, 1)) == [
        ("Nikol Pachinian", "ARM", "GOV"),
        ("Ilham Aliev", "AZE", "GOV"),
    ]


# --- Speed --------------------------------------------------------------------------------------------------


def test_a_long_article_finds_every_mention_of_each_repeated_paragraph() -> None:
    paragraph = (
        "Le ministère arménien de la Défense a accusé les forces azerbaïdjanaises d'avoir ouvert le feu "
        "près de la frontière, tandis que Bakou affirme avoir répondu à une provocation. Le Kremlin appelle "
        "au calme et l'OTSC doit se réunir. Selon l'ONU, des civils ont fui vers Erevan.\n\n"
    )
    once = ACTORS.find(paragraph, "fr", on=date(2022, 9, 13))
    assert len(ACTORS.find(paragraph * 12, "fr", on=date(2022, 9, 13))) == 12 * len(once)


# --- Loader -------------------------------------------------------------------------------------------------


def test_the_dictionary_is_loaded_once_and_versioned() -> None:
    assert load_actor_dictionary() is ACTORS
    assert set(ACTORS.versions) == {
        "countries.json",
        "countries.toml",
        "territories.toml",
        "organisations.toml",
        "groups.toml",
        "people.toml",
        "institutions.toml",
        "composition.toml",
        "inflections.json",
    }


@pytest.mark.parametrize(
    ("file", "content", "expected"),
    [
        ("groups.toml", 'version = "1"\n[[groups]\n', "unreadable"),
        ("people.toml", 'version = "1"\n[[people]]\ncountry = "ARM"\nnames = ["X"]\n', "people[0].offices"),
        ("organisations.toml", 'version = "1"\n[[organisations]]\ncode = "XYZ"\nnames = ["X"]\n', "'XYZ'"),
        ("institutions.toml", 'version = "1"\nen = []\nfr = [{ head = "x", sector = "ABC", role = "x" }]\n', "'ABC'"),
        ("countries.json", "{", "unreadable"),
        ("territories.toml", None, "missing"),
    ],
)
def test_a_malformed_file_raises_one_line_naming_it(
    actor_folder: Path, file: str, content: str | None, expected: str
) -> None:
    if content is None:
        (actor_folder / file).unlink()
    else:
        (actor_folder / file).write_text(content, encoding="utf-8")
    with pytest.raises(ResourceError) as raised:
        load_actor_dictionary(actor_folder)
    message = str(raised.value)
    assert "\n" not in message
    assert str(actor_folder / file) in message
    assert expected in message


def test_a_folder_of_good_files_loads(actor_folder: Path) -> None:
    assert load_actor_dictionary(actor_folder).find("la Russie", "fr")[0].entity.code == "RUS"


# --- Organisations: the systematic list ----------------------------------------------------------------------


def test_un_specialised_agencies_funds_and_programmes_in_both_languages() -> None:
    assert find("The ILO and APEC criticised the WHO, while MINUSMA and the CEDEAO met.", "en") == [
        ("ILO", "UNO", None),
        ("APEC", "IGO", None),
        ("WHO", "UNO", "MED"),
        ("MINUSMA", "UNO", "MIL"),
    ]
    assert find("L'OIT, l'AIEA, le PAM, le HCR, le PNUD, l'Unicef et l'UNRWA ont alerté l'OCHA.") == [
        ("OIT", "UNO", None),
        ("AIEA", "UNO", None),
        ("PAM", "UNO", None),
        ("HCR", "UNO", None),
        ("PNUD", "UNO", None),
        ("Unicef", "UNO", None),
        ("UNRWA", "UNO", None),
        ("OCHA", "UNO", None),
    ]
    assert find("the Food and Agriculture Organization, UNESCO, UNFPA and UN Women", "en") == [
        ("Food and Agriculture Organization", "UNO", None),
        ("UNESCO", "UNO", None),
        ("UNFPA", "UNO", None),
        ("UN Women", "UNO", None),
    ]


def test_un_organs_and_the_secretary_general() -> None:
    assert find("The General Assembly, the UNHRC and the UN Security Council met.", "en") == [
        ("General Assembly", "UNO", None),
        ("UNHRC", "UNO", None),
        ("UN Security Council", "UNO", None),
    ]
    assert find("le Conseil des droits de l'homme et le secrétaire général de l'ONU") == [
        ("Conseil des droits de l'homme", "UNO", None),
        ("secrétaire général de l'ONU", "UNO", "GOV"),
    ]


def test_peacekeeping_missions_are_un_military_and_political_missions_the_un() -> None:
    assert find("UNIFIL, UNMISS, MINURSO, UNDOF and UNAMID reported; UNMIK and UNAMA did not.", "en") == [
        ("UNIFIL", "UNO", "MIL"),
        ("UNMISS", "UNO", "MIL"),
        ("MINURSO", "UNO", "MIL"),
        ("UNDOF", "UNO", "MIL"),
        ("UNAMID", "UNO", "MIL"),
        ("UNMIK", "UNO", None),
        ("UNAMA", "UNO", None),
    ]
    assert find("la FINUL, la Monusco, la MINUSCA, la MINUAD et la MINUK") == [
        ("FINUL", "UNO", "MIL"),
        ("Monusco", "UNO", "MIL"),
        ("MINUSCA", "UNO", "MIL"),
        ("MINUAD", "UNO", "MIL"),
        ("MINUK", "UNO", None),
    ]


def test_the_eu_its_institutions_and_the_communities_before_it() -> None:
    assert find("The European Community, the EEC, the European Commission and MEPs.", "en") == [
        ("European Community", "EUR", None),
        ("EEC", "EUR", None),
        ("European Commission", "EUR", "GOV"),
        ("MEPs", "EUR", "LEG"),
    ]
    assert find("la Communauté européenne, la CEE, le Parlement européen et la CJUE") == [
        ("Communauté européenne", "EUR", None),
        ("CEE", "EUR", None),
        ("Parlement européen", "EUR", "LEG"),
        ("CJUE", "EUR", "JUD"),
    ]


def test_regional_organisations_and_their_forces() -> None:
    assert find("l'UA, l'UEMOA, la CEMAC, la CEEAC, le G5 Sahel et la Force multinationale mixte") == [
        ("UA", "IGO", None),
        ("UEMOA", "IGO", None),
        ("CEMAC", "IGO", None),
        ("CEEAC", "IGO", None),
        ("G5 Sahel", "IGO", None),
        ("Force multinationale mixte", "IGO", "MIL"),
    ]
    assert find("Mercosur, the SADC, IGAD, the EAC, ATMIS and KFOR", "en") == [
        ("Mercosur", "IGO", None),
        ("SADC", "IGO", None),
        ("IGAD", "IGO", None),
        ("EAC", "IGO", None),
        ("ATMIS", "IGO", "MIL"),
        ("KFOR", "IGO", "MIL"),
    ]
    assert find("l'Opep+, l'ANASE, l'OCS, la Ligue arabe, l'OCI, le CCG, l'OEA et la Francophonie") == [
        ("Opep+", "IGO", None),
        ("ANASE", "IGO", None),
        ("OCS", "IGO", None),
        ("Ligue arabe", "IGO", None),
        ("OCI", "IGO", None),
        ("CCG", "IGO", None),
        ("OEA", "IGO", None),
        ("Francophonie", "IGO", None),
    ]


def test_global_institutions_and_courts() -> None:
    assert find("The IMF, the World Bank, the WTO and the OECD; the ICC and the ICJ.", "en") == [
        ("IMF", "IGO", None),
        ("World Bank", "IGO", None),
        ("WTO", "IGO", None),
        ("OECD", "IGO", None),
        ("ICC", "IGO", "JUD"),
        ("ICJ", "UNO", "JUD"),
    ]
    assert find("le FMI, la Banque mondiale, l'OMC, Interpol, l'OSCE, le Conseil de l'Europe, la CPI et la CIJ") == [
        ("FMI", "IGO", None),
        ("Banque mondiale", "IGO", None),
        ("OMC", "IGO", None),
        ("Interpol", "IGO", "COP"),
        ("OSCE", "IGO", None),
        ("Conseil de l'Europe", "IGO", None),
        ("CPI", "IGO", "JUD"),
        ("CIJ", "UNO", "JUD"),
    ]


def test_international_ngos_and_the_rsf_clash() -> None:
    assert find("Amnesty International, Human Rights Watch, MSF, the ICRC, the IFRC and Oxfam.", "en") == [
        ("Amnesty International", "NGO", None),
        ("Human Rights Watch", "NGO", None),
        ("MSF", "NGO", "MED"),
        ("ICRC", "NGO", None),
        ("IFRC", "NGO", None),
        ("Oxfam", "NGO", None),
    ]
    assert find("Reporters sans frontières condemned the RSF.", "en") == [
        ("Reporters sans frontières", "NGO", "JRN"),
        ("RSF", "SDN", "REB"),
    ]
    assert find("Médecins sans frontières, Save the Children et l'International Crisis Group") == [
        ("Médecins sans frontières", "NGO", "MED"),
        ("Save the Children", "NGO", None),
        ("International Crisis Group", "NGO", None),
    ]


def test_organisation_acronyms_are_not_ordinary_words() -> None:
    assert find("who cares about the wto, the ilo or amis", "en") == []
    assert find("mes amis de l'oms et de l'otan") == []
    assert find("Les AMIS de l'OMS") == [("OMS", "UNO", "MED")]

"""Given a Ukrainian sentence, the actor dictionary names its actors as PLOVER codes them: names in every case, demonyms
in every gender, number and case (inflections.json, from pymorphy2's Ukrainian dictionary), an owner in the genitive
after its institution, the apostrophe written ', ’ or ʼ; and the Ukrainian function words are those the flat reading
compares with the words before a name."""

from __future__ import annotations

import importlib.util
import json
import tomllib
from datetime import date
from importlib import resources
from pathlib import Path
from types import ModuleType

import pytest

from treve.records import Entity
from treve.resources.actor_files import fold_key
from treve.resources.actors import load_actor_dictionary
from treve.resources.function_words import words

ACTORS = load_actor_dictionary()
SHIPPED = Path(str(resources.files("treve.resources").joinpath("actors")))
DAY = date(2025, 1, 15)

Found = list[tuple[str, str | None, str | None]]


def find(text: str, on: date | None = DAY) -> Found:
    """(entity_text, code, sector) of every mention, checking each offset points at its text."""
    mentions = ACTORS.find(text, "uk", on=on)
    for mention in mentions:
        assert text[mention.entity.start : mention.entity.end] == mention.entity.entity_text
    return [(m.entity.entity_text, m.entity.code, m.entity.sector) for m in mentions]


# --- Sentences: (text, expected mentions), on 2025-01-15 ------------------------------------------------------

CASES: list[tuple[str, Found]] = [
    # An institution before its owner in the genitive, without a preposition
    (
        "Міністерство оборони України повідомило про втрати ворога.",
        [("Міністерство оборони України", "UKR", "GOV")],
    ),
    ("Міністр оборони України провів нараду з партнерами.", [("Міністр оборони України", "UKR", "GOV")]),
    ("Армія Росії обстріляла Херсон.", [("Армія Росії", "RUS", "MIL")]),
    (
        "Речник міністерства закордонних справ Польщі відмовився коментувати.",
        [
            ("міністерства закордонних справ Польщі", "POL", "GOV"),
        ],
    ),
    ("Міноборони РФ заявило про збиті дрони.", [("Міноборони РФ", "RUS", "GOV")]),
    ("Збройні сили України звільнили село.", [("Збройні сили України", "UKR", "MIL")]),
    ("Генсек ООН закликав до припинення вогню.", [("Генсек ООН", "UNO", "GOV")]),
    ("Влада Білорусі заперечила свою участь.", [("Влада Білорусі", "BLR", "GOV")]),
    # A demonym before its institution, in any gender, number and case
    ("Російські військові обстріляли позиції під Бахмутом.", [("Російські військові", "RUS", "MIL")]),
    ("Колона російських військових увійшла в місто.", [("російських військових", "RUS", "MIL")]),
    ("Російські війська відступили від Києва.", [("Російські війська", "RUS", "MIL"), ("Києва", "UKR", "GOV")]),
    ("Українська армія відбила штурм.", [("Українська армія", "UKR", "MIL")]),
    ("Проти азербайджанських солдатів порушено справу.", [("азербайджанських солдатів", "AZE", "MIL")]),
    ("Демонстрацію розігнала грузинська поліція.", [("грузинська поліція", "GEO", "COP")]),
    ("Російські окупанти обстріляли лікарню.", [("Російські окупанти", "RUS", "MIL")]),
    # Named institutions of Ukraine and Russia, alone
    ("ЗСУ обстріляли Донецьк.", [("ЗСУ", "UKR", "MIL")]),
    ("Сили оборони знищили склад боєприпасів.", [("Сили оборони", "UKR", "MIL")]),
    ("Генштаб ЗСУ повідомив про 120 боєзіткнень.", [("Генштаб ЗСУ", "UKR", "MIL")]),
    ("СБУ затримала агента ФСБ.", [("СБУ", "UKR", "SPY"), ("ФСБ", "RUS", "SPY")]),
    ("У ГУР розповіли про операцію.", [("ГУР", "UKR", "SPY")]),
    (
        "Верховна Рада ухвалила закон, а в Офісі президента його схвалили.",
        [
            ("Верховна Рада", "UKR", "LEG"),
            ("Офісі президента", "UKR", "GOV"),
        ],
    ),
    ("Кремль відкинув пропозицію, а Білий дім промовчав.", [("Кремль", "RUS", "GOV"), ("Білий дім", "USA", "GOV")]),
    ("У Кремлі та Білому домі прокоментували зустріч.", [("Кремлі", "RUS", "GOV"), ("Білому домі", "USA", "GOV")]),
    # Capitals as their governments, in any case; an institution in a capital
    ("У Москві заявили, що Київ зірвав переговори.", [("Москві", "RUS", "GOV"), ("Київ", "UKR", "GOV")]),
    ("Єреван звинуватив Баку в провокації.", [("Єреван", "ARM", "GOV"), ("Баку", "AZE", "GOV")]),
    ("Справу розглядав суд у Києві.", [("суд у Києві", "UKR", "JUD")]),
    # Offices and their holders' names, in any case
    (
        "Про це заявив міністр закордонних справ України Андрій Сибіга.",
        [("міністр закордонних справ України Андрій Сибіга", "UKR", "GOV")],
    ),
    (
        "Президент Зеленський зустрівся з президентом Франції Емманюелем Макроном.",
        [("Президент Зеленський", "UKR", "GOV"), ("президентом Франції Емманюелем Макроном", "FRA", "GOV")],
    ),
    (
        "Глава російського МЗС Сергій Лавров прибув до Пекіна.",
        [("Глава російського МЗС Сергій Лавров", "RUS", "GOV"), ("Пекіна", "CHN", "GOV")],
    ),
    ("Генсек ООН Антоніу Гутерреш закликав до миру.", [("Генсек ООН Антоніу Гутерреш", "UNO", "GOV")]),
    # Organisations and armed groups
    ("За даними ООН, кількість біженців перевищила мільйон.", [("ООН", "UNO", None)]),
    (
        "Рада безпеки ООН і НАТО засудили напад ХАМАС.",
        [("Рада безпеки ООН", "UNO", None), ("НАТО", "IGO", None), ("ХАМАС", "PSE", "REB")],
    ),
    ("Представники МКЧХ та ОБСЄ відвідали табір.", [("МКЧХ", "NGO", None), ("ОБСЄ", "IGO", None)]),
    ("Посли країн ЄС погодили санкції.", [("ЄС", "EUR", None)]),
    (
        "Армія оборони Ізраїлю завдала удару по позиціях Хезболли.",
        [("Армія оборони Ізраїлю", "ISR", "MIL"), ("Хезболли", "LBN", "REB")],
    ),
    (
        "Бойовики «Ісламської держави» напали на талібів.",
        [("Ісламської держави", "IMG", "REB"), ("талібів", "AFG", "GOV")],
    ),
    ("Бійці ПВК «Вагнер» залишили Малі.", [("ПВК «Вагнер»", "RUS", "PRM"), ("Малі", "MLI", None)]),
    # Disputed territories: the claimant, sector PRE
    ("Влада ДНР повідомила про обстріл.", [("Влада ДНР", "UKR", "PRE")]),
    ("Окупанти вивозять зерно з Криму.", [("Криму", "UKR", "PRE")]),
    # Countries and demonyms alone; Niger is not Nigeria
    (
        "Нігер і Нігерія посилили співпрацю, сказав нігерійський дипломат.",
        [("Нігер", "NER", None), ("Нігерія", "NGA", None), ("нігерійський", "NGA", None)],
    ),
    ("Переговори з Азербайджаном пройшли в Туреччині.", [("Азербайджаном", "AZE", None), ("Туреччині", "TUR", None)]),
    (
        "Сполучені Штати та Велика Британія підтримали Україну.",
        [
            ("Сполучені Штати", "USA", None),
            ("Велика Британія", "GBR", None),
            ("Україну", "UKR", None),
        ],
    ),
    # Hard negatives: a pronoun spelt like a country, prefixed adjectives, an institution with no owner, blockers,
    # a newspaper's name, common words in lower case
    ("Того ж дня експерти висловили іншу думку.", []),
    ("Проросійські сепаратисти та антиукраїнські групи заперечують участь.", []),
    ("Міністерство оборони опублікувало зведення.", []),
    ("Генштаб повідомив про нові атаки.", []),
    ("Туристи відпочивали в Латинській Америці та на березі Індійського океану.", []),
    ("Про це пише Українська правда.", []),
    ("Над полем стелився чад від багаття.", []),
    ("Усі малі діти та чилі в пакеті.", []),
    ("Малі та середні підприємства отримають гранти.", []),
    ("Річка Конго розлилася після дощів.", []),
    ("У Нью-Джерсі пройшов мітинг.", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[text[:40] for text, _ in CASES])
def test_ukrainian_sentences(text: str, expected: Found) -> None:
    assert find(text) == expected


# --- Forms ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("forms", "code"),
    [
        (["Україна", "України", "Україні", "Україну", "Україною"], "UKR"),
        (["Росія", "Росії", "Росію", "Росією", "Російська Федерація", "Російської Федерації", "РФ"], "RUS"),
        (["Нігер", "Нігеру", "Нігером", "Нігері"], "NER"),
        (["Азербайджан", "Азербайджану", "Азербайджаном", "Азербайджані"], "AZE"),
        (["Сполучені Штати Америки", "Сполучених Штатів Америки", "Сполученим Штатам", "США"], "USA"),
        (["Боснія і Герцеговина", "Боснії і Герцеговини", "Боснією і Герцеговиною"], "BIH"),
        (["М'янма", "М’янми", "Мʼянмою"], "MMR"),
    ],
)
def test_a_country_is_found_in_every_case(forms: list[str], code: str) -> None:
    for form in forms:
        assert find(f"Делегація: {form}.") == [(form, code, None)]


def test_a_demonym_is_found_in_every_gender_number_and_case() -> None:
    forms = [
        "російський", "російська", "російське", "російські", "російського", "російської", "російських", "російському",
        "російській", "російським", "російськими", "російську", "російською", "росіянин", "росіяни", "росіян",
        "росіянам",
    ]  # fmt: skip
    for form in forms:
        assert find(f"Він назвав це {form}.") == [(form, "RUS", None)]


def test_an_institution_and_a_capital_in_every_case() -> None:
    for form in ["міністерство", "міністерства", "міністерству", "міністерством", "міністерстві"]:
        assert find(f"Слово {form} оборони України.") == [(f"{form} оборони України", "UKR", "GOV")]
    for form in ["Москва", "Москви", "Москві", "Москву", "Москвою"]:
        assert find(f"Про це {form}.") == [(form, "RUS", "GOV")]
    for form in ["Київ", "Києва", "Києву", "Києвом", "Києві"]:
        assert find(f"Про це {form}.") == [(form, "UKR", "GOV")]
    assert find("посли Варшави та Вашингтона") == [("Варшави", "POL", "GOV"), ("Вашингтона", "USA", "GOV")]


def test_a_person_is_found_in_every_case_and_holds_the_office_of_that_day() -> None:
    assert find("зустріч із Володимиром Зеленським") == [("Володимиром Зеленським", "UKR", "GOV")]
    assert find("слова Олександра Сирського") == [("Олександра Сирського", "UKR", "MIL")]
    assert find("заява Петра Порошенка", date(2016, 1, 1)) == [("Петра Порошенка", "UKR", "GOV")]
    assert find("заява Марії Захарової", date(2024, 1, 1)) == [("Марії Захарової", "RUS", "GOV")]
    assert find("слова Ангели Меркель") == [("Ангели Меркель", "DEU", None)]
    assert find("заява Юлії Свириденко", date(2025, 8, 1)) == [("Юлії Свириденко", "UKR", "GOV")]
    mention = ACTORS.find("президент Росії Володимир Путін", "uk", on=date(2023, 1, 1))[0]
    assert (mention.entity.code, mention.entity.sector, mention.kind, mention.role) == (
        "RUS",
        "GOV",
        "person",
        "president",
    )
    assert mention.entity.identifier_id == "Q7747"


@pytest.mark.parametrize("apostrophe", ["'", "’", "ʼ"])
def test_every_apostrophe_is_one_and_offsets_point_into_the_text(apostrophe: str) -> None:
    text = f"Прем{apostrophe}єр-міністр Польщі прибув до Придністров{apostrophe}я, а потім до В{apostrophe}єтнаму."
    assert find(text) == [
        (f"Прем{apostrophe}єр-міністр Польщі", "POL", "GOV"),
        (f"Придністров{apostrophe}я", "MDA", "PRE"),
        (f"В{apostrophe}єтнаму", "VNM", None),
    ]


def test_every_curated_name_capital_and_demonym_is_its_country_in_every_form() -> None:
    curated = tomllib.loads((SHIPPED / "countries.toml").read_text(encoding="utf-8"))["countries"]
    forms = json.loads((SHIPPED / "inflections.json").read_text(encoding="utf-8"))["languages"]["uk"]
    missed = [
        (code, form)
        for code, entry in curated.items()
        for name in [*entry.get("uk", []), *entry.get("uk_capitals", []), *entry.get("uk_demonyms", [])]
        for form in [name, *forms.get(name, [])]
        if [m.entity.code for m in ACTORS.find(f"Слово {form} тут.", "uk")] != [code]
    ]
    assert missed == []


# --- The generated forms -------------------------------------------------------------------------------------


def _build_inflections() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_inflections", SHIPPED / "build_inflections.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_ukrainian_declensions_of_names() -> None:
    ukrainian = _build_inflections().Inflector("uk")
    assert ukrainian.phrase_forms("Рада безпеки ООН") == {
        "Рада безпеки ООН", "Ради безпеки ООН", "Раді безпеки ООН", "Раду безпеки ООН", "Радою безпеки ООН",
    }  # fmt: skip
    assert "Російської Федерації" in ukrainian.phrase_forms("Російська Федерація")
    assert "Російське Федерації" not in ukrainian.phrase_forms("Російська Федерація")
    assert "Об'єднаних Арабських Еміратів" in ukrainian.phrase_forms("Об’єднані Арабські Емірати")
    assert ukrainian.phrase_forms("Гутерреш") >= {"Гутерреша", "Гутеррешем"}
    assert "Петра Порошенка" in ukrainian.person_forms("Петро Порошенко")
    assert "Юлії Свириденко" in ukrainian.person_forms("Юлія Свириденко", woman=True)
    assert "Юлії Свириденка" not in ukrainian.person_forms("Юлія Свириденко", woman=True)
    assert ukrainian.person_forms("Марія Захарова", woman=True) >= {"Марії Захарової", "Марією Захаровою"}
    assert ukrainian.person_forms("Сергій Лавров") >= {"Сергія Лаврова", "Сергієм Лавровим"}
    assert "Олександром Сирським" in ukrainian.person_forms("Олександр Сирський")
    assert ukrainian.phrase_forms("Шойгу") == {"Шойгу"}


# --- Function words ------------------------------------------------------------------------------------------


def test_the_ukrainian_function_words_are_complete() -> None:
    tables = tomllib.loads((SHIPPED.parent / "lexicons" / "function_words.toml").read_text(encoding="utf-8"))
    assert set(tables["uk"]) == set(tables["en"])
    assert {"проти", "по", "на", "щодо"} <= words("recipient_cases")
    assert {"між", "з"} <= words("party_cases")
    assert {"місто", "село", "селище", "область", "район", "громада"} <= words("place_nouns")
    assert {"область", "край", "республіка"} <= words("division_nouns")
    assert {"північ", "південь", "схід", "захід", "кілометр"} <= words("bearings")


def test_the_flat_reading_finds_sources_and_recipients_before_a_name() -> None:
    from treve.stages.arguments import _FOLDED_RECIPIENT_CASES, _FOLDED_SOURCE_MARKERS, _introduced_by
    from treve.stages.flat_pipeline import load

    text = (
        "За даними ООН, Росія завдала удару по Києву. За словами Зеленського, санкції проти Росії посилять. "
        "Згідно з даними Генштабу, ЗСУ відбили атаку."
    )
    doc = load("uk")(text)

    def introduced(name: str, markers: frozenset[str]) -> bool:
        start = text.index(name)
        sentence = next(s for s in doc.sents if s.start_char <= start < s.end_char)
        entity = Entity(entity_text=name, start=start, end=start + len(name))
        return _introduced_by(sentence, entity, markers)

    for source in ("ООН", "Зеленського", "Генштабу"):
        assert introduced(source, _FOLDED_SOURCE_MARKERS)
    for recipient in ("Києву", "Росії"):
        assert introduced(recipient, _FOLDED_RECIPIENT_CASES)
    for other in ("Росія", "ЗСУ"):
        assert not introduced(other, _FOLDED_SOURCE_MARKERS | _FOLDED_RECIPIENT_CASES)
    assert fold_key("Даними") in _FOLDED_SOURCE_MARKERS

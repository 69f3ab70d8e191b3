"""Given a Russian sentence, the actor dictionary names its actors as PLOVER codes them: names in every case, demonyms
in every gender, number and case (inflections.json), an owner in the genitive after its institution; and the
Russian function words read natasha's parses."""

from __future__ import annotations

import importlib.util
import json
from datetime import date
from importlib import resources
from pathlib import Path
from types import ModuleType

import pytest

from treve.errors import ResourceError
from treve.resources.actors import load_actor_dictionary
from treve.resources.function_words import words

ACTORS = load_actor_dictionary()
SHIPPED = Path(str(resources.files("treve.resources").joinpath("actors")))

Found = list[tuple[str, str | None, str | None]]


def find(text: str, on: date | None = None) -> Found:
    """(entity_text, code, sector) of every mention, checking each offset points at its text."""
    mentions = ACTORS.find(text, "ru", on=on)
    for mention in mentions:
        assert text[mention.entity.start : mention.entity.end] == mention.entity.entity_text
    return [(m.entity.entity_text, m.entity.code, m.entity.sector) for m in mentions]


# --- Sentences: (text, expected mentions) -------------------------------------------------------------------

CASES: list[tuple[str, Found]] = [
    # A demonym before its institution, in any gender, number and case
    ("Российские военные обстреляли позиции под Херсоном.", [("Российские военные", "RUS", "MIL")]),
    ("Колонна российских военных вошла в город.", [("российских военных", "RUS", "MIL")]),
    ("Армянская армия сообщила о потерях.", [("Армянская армия", "ARM", "MIL")]),
    ("Против азербайджанских солдат возбуждено дело.", [("азербайджанских солдат", "AZE", "MIL")]),
    ("Украинские силовики задержали двоих подозреваемых.", [("Украинские силовики", "UKR", "COP")]),
    ("Иранские власти арестовали трех журналистов.", [("Иранские власти", "IRN", "GOV")]),
    ("Демонстрацию разогнала нигерийская полиция.", [("нигерийская полиция", "NGA", "COP")]),
    # An institution before its owner in the genitive, without a preposition
    ("Министр обороны России провел совещание.", [("Министр обороны России", "RUS", "GOV")]),
    ("Армия Нигера отразила нападение на базу.", [("Армия Нигера", "NER", "MIL")]),
    ("Минобороны РФ сообщило об ударе.", [("Минобороны РФ", "RUS", "GOV")]),
    (
        "Представитель министерства обороны Армении опроверг эти сообщения.",
        [("министерства обороны Армении", "ARM", "GOV")],
    ),
    ("Вооруженные силы Азербайджана заняли высоты.", [("Вооруженные силы Азербайджана", "AZE", "MIL")]),
    ("Генсек ООН призвал к прекращению огня.", [("Генсек ООН", "UNO", "GOV")]),
    ("Армия обороны Израиля нанесла удар по Газе.", [("Армия обороны Израиля", "ISR", "MIL")]),
    # A head, a demonym and its complement; an office and its holder's name
    (
        "Глава российского МИД Сергей Лавров прибыл в Пекин.",
        [("Глава российского МИД Сергей Лавров", "RUS", "GOV"), ("Пекин", "CHN", "GOV")],
    ),
    (
        "Об этом заявил министр иностранных дел Украины Дмитрий Кулеба.",
        [("министр иностранных дел Украины Дмитрий Кулеба", "UKR", "GOV")],
    ),
    (
        "Президент Путин провел переговоры с президентом Франции Эммануэлем Макроном.",
        [("Президент Путин", "RUS", "GOV"), ("президентом Франции Эммануэлем Макроном", "FRA", "GOV")],
    ),
    # Capitals as their governments, in any case
    (
        "В Москве заявили, что Киев сорвал переговоры.",
        [("Москве", "RUS", "GOV"), ("Киев", "UKR", "GOV")],
    ),
    ("Ереван обвинил Баку в провокации.", [("Ереван", "ARM", "GOV"), ("Баку", "AZE", "GOV")]),
    # Named institutions, organisations and armed groups
    ("ВСУ обстреляли Донецк.", [("ВСУ", "UKR", "MIL")]),
    ("По данным ООН, число беженцев превысило миллион.", [("ООН", "UNO", None)]),
    (
        "В Кремле и Белом доме прокомментировали встречу.",
        [("Кремле", "RUS", "GOV"), ("Белом доме", "USA", "GOV")],
    ),
    (
        "Совбез ООН и НАТО осудили нападение ХАМАС.",
        [("Совбез ООН", "UNO", None), ("НАТО", "IGO", None), ("ХАМАС", "PSE", "REB")],
    ),
    (
        "Боевики «Исламского государства» напали на талибов.",
        [("Исламского государства", "IMG", "REB"), ("талибов", "AFG", "REB")],
    ),
    ("Бойцы ЧВК «Вагнер» покинули Мали.", [("ЧВК «Вагнер»", "RUS", "PRM"), ("Мали", "MLI", None)]),
    ("Израиль нанес удары по позициям Хезболлы.", [("Израиль", "ISR", None), ("Хезболлы", "LBN", "REB")]),
    (
        "Росгвардия и ФСБ провели обыски, сообщил СК России.",
        [("Росгвардия", "RUS", "COP"), ("ФСБ", "RUS", "SPY"), ("СК России", "RUS", "JUD")],
    ),
    ("Сотрудники МККК посетили лагерь.", [("МККК", "NGO", None)]),
    # Disputed territories: the claimant, sector PRE
    ("Армия Нагорного Карабаха сложила оружие.", [("Армия Нагорного Карабаха", "AZE", "PRE")]),
    ("Власти ДНР сообщили об обстреле.", [("Власти ДНР", "UKR", "PRE")]),
    # Countries and demonyms alone; Niger is not Nigeria
    (
        "Нигер и Нигерия усилили сотрудничество, сказал нигерийский дипломат.",
        [("Нигер", "NER", None), ("Нигерия", "NGA", None), ("нигерийский", "NGA", None)],
    ),
    ("Переговоры с Азербайджаном прошли в Турции.", [("Азербайджаном", "AZE", None), ("Турции", "TUR", None)]),
    # Hard negatives: a pronoun spelt like a country, words that are no actor, one word with "про-", blockers
    ("Того же мнения придерживаются эксперты.", []),
    ("На английском языке вышла новая книга.", []),
    ("Пророссийские сепаратисты и антиукраинские группы отрицают участие.", []),
    ("Министерство обороны опубликовало сводку.", []),
    ("Туристы отдыхали в Латинской Америке и на берегу Индийского океана.", []),
    ("Воз и ныне там, а белый дом на окраине пустует.", []),
    ("В казанском кремле прошел концерт музыки Рихарда Вагнера.", []),
    ("Над полем стелился чад от костра.", []),
    ("Река Конго разлилась после дождей.", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[text[:40] for text, _ in CASES])
def test_russian_sentences(text: str, expected: Found) -> None:
    assert find(text) == expected


# --- Forms ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("forms", "code"),
    [
        (["Россия", "России", "Россию", "Россией"], "RUS"),
        (["Армения", "Армении", "Армению", "Арменией"], "ARM"),
        (["Нигер", "Нигера", "Нигеру", "Нигером", "Нигере"], "NER"),
        (["Азербайджан", "Азербайджана", "Азербайджану", "Азербайджаном", "Азербайджане"], "AZE"),
        (["Соединенные Штаты", "Соединённых Штатов", "Соединенным Штатам", "США"], "USA"),
        (["Босния и Герцеговина", "Боснии и Герцеговины"], "BIH"),
    ],
)
def test_a_country_is_found_in_every_case(forms: list[str], code: str) -> None:
    for form in forms:
        assert find(f"Делегация: {form}.") == [(form, code, None)]


def test_a_demonym_is_found_in_every_gender_number_and_case() -> None:
    forms = [
        "российский", "российская", "российское", "российские", "российского", "российской", "российских",
        "российским", "российскими", "российскую", "россиянин", "россияне", "россиян",
    ]  # fmt: skip
    for form in forms:
        assert find(f"Он назвал это {form}.") == [(form, "RUS", None)]


def test_an_institution_and_a_capital_in_every_case() -> None:
    for form in ["министерство", "министерства", "министерству", "министерством", "министерстве"]:
        assert find(f"Слово {form} обороны России.") == [(f"{form} обороны России", "RUS", "GOV")]
    for form in ["Москва", "Москвы", "Москве", "Москву", "Москвой"]:
        assert find(f"Об этом {form}.") == [(form, "RUS", "GOV")]
    assert find("послы Еревана и Тбилиси") == [("Еревана", "ARM", "GOV"), ("Тбилиси", "GEO", "GOV")]


def test_a_person_is_found_in_every_case_and_holds_the_office_of_that_day() -> None:
    on = date(2022, 9, 13)
    assert find("Никол Пашинян", on) == [("Никол Пашинян", "ARM", "GOV")]
    assert find("встреча с Николом Пашиняном", on) == [("Николом Пашиняном", "ARM", "GOV")]
    assert find("слова Ангелы Меркель") == [("Ангелы Меркель", "DEU", None)]
    assert find("заявление Марии Захаровой", date(2024, 1, 1)) == [("Марии Захаровой", "RUS", "GOV")]
    mention = ACTORS.find("президент России Владимир Путин", "ru", on=date(2023, 1, 1))[0]
    assert (mention.entity.code, mention.entity.sector, mention.kind, mention.role) == (
        "RUS",
        "GOV",
        "person",
        "president",
    )
    assert mention.entity.identifier_id == "Q7747"


# --- The generated forms -------------------------------------------------------------------------------------


def _build_inflections() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_inflections", SHIPPED / "build_inflections.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_inflections_json_is_current_with_the_names_of_the_files() -> None:
    """Rebuilt from the files as they stand, the forms are those shipped: run build_inflections.py after editing."""
    shipped = json.loads((SHIPPED / "inflections.json").read_text(encoding="utf-8"))
    assert _build_inflections().build()["languages"] == shipped["languages"]


def test_the_declensions_of_words_the_dictionary_lacks_and_of_names() -> None:
    build = _build_inflections()
    assert build.phrase_forms("Хезболла") >= {"Хезболлы", "Хезболле", "Хезболлу", "Хезболлой"}
    assert build.phrase_forms("Шойгу") == {"Шойгу"}
    assert build.phrase_forms("Совет Безопасности ООН") >= {"Совета Безопасности ООН", "Советом Безопасности ООН"}
    assert "Объединённых Арабских Эмиратов" in build.phrase_forms("Объединённые Арабские Эмираты")
    assert "Большой семёрки" in build.phrase_forms("Большая семерка")
    assert build.person_forms("Урсула фон дер Ляйен") >= {"Урсулы фон дер Ляйен", "Урсуле фон дер Ляйен"}
    assert "Жана-Ива Ле Дриана" in build.person_forms("Жан-Ив Ле Дриан")
    assert "Омара аль-Башира" in build.person_forms("Омар аль-Башир")


def test_an_inflected_language_without_its_forms_is_refused(actor_folder: Path) -> None:
    inflections = actor_folder / "inflections.json"
    content = json.loads(inflections.read_text(encoding="utf-8"))
    inflections.write_text(json.dumps({**content, "languages": {}}), encoding="utf-8")
    with pytest.raises(ResourceError) as raised:
        load_actor_dictionary(actor_folder)
    assert "\n" not in str(raised.value)
    assert "build_inflections.py" in str(raised.value)


# --- Function words ------------------------------------------------------------------------------------------


def test_the_russian_function_words_read_natashas_parse() -> None:
    from treve.stages.event_location import _marker
    from treve.stages.nlp import LanguageModels
    from treve.stages.syntax import case_of, lemma_of

    doc = LanguageModels().parse(
        "По данным ООН, боевики напали на деревню под Херсоном, а бои между армией и повстанцами идут "
        "в 10 километрах к северу от Донецка и недалеко от Харькова.",
        "ru",
    )
    token = {t.text: t for t in doc}
    assert lemma_of(token["данным"]) in words("source_markers")
    assert case_of(token["деревню"]) in words("recipient_cases")
    assert lemma_of(token["деревню"]) in words("place_nouns")
    assert _marker(token["Херсоном"]) in words("locative_markers")
    assert case_of(token["армией"]) in words("party_cases")
    assert lemma_of(token["километрах"]) in words("bearings") and lemma_of(token["северу"]) in words("bearings")
    assert _marker(token["Донецка"]) in words("link_markers")
    assert _marker(token["Харькова"]) in words("locative_markers")

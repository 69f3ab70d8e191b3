"""Given an Arabic sentence, the actor dictionary names its actors as PLOVER codes them: names behind the
proclitics written onto them ("وروسيا", "للجيش"), with and without the article ("سوري", "السوري"), in every spelling of
alif, ya and ta marbuta and with or without vowel marks; an institution before its demonym or its owner in the
construct state; and the Arabic function words are written as the dictionary folds Arabic."""

from __future__ import annotations

import tomllib
from datetime import date
from importlib import resources
from pathlib import Path

import pytest

from treve.resources.actor_files import PluralRule, fold_key, with_plurals
from treve.resources.actors import load_actor_dictionary
from treve.resources.function_words import words

ACTORS = load_actor_dictionary()
SHIPPED = Path(str(resources.files("treve.resources").joinpath("actors")))
DAY = date(2024, 3, 1)

Found = list[tuple[str, str | None, str | None]]


def find(text: str, on: date | None = DAY) -> Found:
    """(entity_text, code, sector) of every mention, checking each offset points at its text."""
    mentions = ACTORS.find(text, "ar", on=on)
    for mention in mentions:
        assert text[mention.entity.start : mention.entity.end] == mention.entity.entity_text
    return [(m.entity.entity_text, m.entity.code, m.entity.sector) for m in mentions]


# --- Sentences: (text, expected mentions), on 2024-03-01 ------------------------------------------------------

CASES: list[tuple[str, Found]] = [
    # An institution, then its demonym (with the article when the institution has it), behind a proclitic or not
    (
        "وقالت وزارة الدفاع الروسية في بيان إن قواتها دمرت مستودعا للذخيرة.",
        [("وزارة الدفاع الروسية", "RUS", "GOV")],
    ),
    ("قصف الجيش السوري مواقع للفصائل في ريف إدلب.", [("الجيش السوري", "SYR", "MIL")]),
    ("أكد وزير الخارجية الإيراني أن بلاده لن تتراجع.", [("وزير الخارجية الإيراني", "IRN", "GOV")]),
    ("وقال جيش الاحتلال الإسرائيلي إنه اعتقل عشرين شخصا.", [("جيش الاحتلال الإسرائيلي", "ISR", "MIL")]),
    ("وقالت الخارجية الأمريكية إن واشنطن تدعم الحل.", [("الخارجية الأمريكية", "USA", "GOV"), ("واشنطن", "USA", "GOV")]),
    (
        "أعلنت الشرطة الإسرائيلية اعتقال ثلاثة فلسطينيين.",
        [("الشرطة الإسرائيلية", "ISR", "COP"), ("فلسطينيين", "PSE", None)],
    ),
    (
        "وقتل جنديان إسرائيليان في اشتباك مع مقاتلين من حزب الله.",
        [("جنديان إسرائيليان", "ISR", "MIL"), ("حزب الله", "LBN", "REB")],
    ),
    (
        "وقال مسؤول أمريكي إن القوات الأمريكية في العراق تعرضت لهجوم.",
        [("مسؤول أمريكي", "USA", "GOV"), ("القوات الأمريكية", "USA", "MIL"), ("العراق", "IRQ", None)],
    ),
    ("وللجيش اللبناني دور في الجنوب.", [("لجيش اللبناني", "LBN", "MIL")]),
    # The owner in the construct state, or after ل; an institution with the article owns nothing across a space
    (
        "اتهمت حكومة السودان قوات الدعم السريع بقصف الفاشر.",
        [("حكومة السودان", "SDN", "GOV"), ("قوات الدعم السريع", "SDN", "REB")],
    ),
    ("اتهمت الحكومة السودان بدعم المتمردين.", [("السودان", "SDN", None)]),
    ("وقال الأمين العام للأمم المتحدة إن الوضع كارثي.", [("الأمين العام للأمم المتحدة", "UNO", "GOV")]),
    ("وجهت الحكومة رسالة للأمم المتحدة بشأن الهدنة.", [("لأمم المتحدة", "UNO", None)]),
    ("وقالت وزارة الخارجية في طهران إن المفاوضات مستمرة.", [("وزارة الخارجية في طهران", "IRN", "GOV")]),
    ("وقالت سلطات ناغورني قره باغ إنها ستسلم أسلحتها.", [("سلطات ناغورني قره باغ", "AZE", "PRE")]),
    # A title and its holder, the office held that day
    (
        "وقال رئيس الوزراء الإسرائيلي بنيامين نتنياهو إن الحرب مستمرة.",
        [("رئيس الوزراء الإسرائيلي بنيامين نتنياهو", "ISR", "GOV")],
    ),
    (
        "واجتمع وزير خارجية روسيا سيرغي لافروف بنظيره الأمريكي أنتوني بلينكن.",
        [("وزير خارجية روسيا سيرغي لافروف", "RUS", "GOV"), ("الأمريكي", "USA", None), ("أنتوني بلينكن", "USA", "GOV")],
    ),
    ("وصرحت الناطقة باسم الخارجية الروسية ماريا زاخاروفا بأن.", [("الخارجية الروسية ماريا زاخاروفا", "RUS", "GOV")]),
    ("وقالت إدارة بايدن إن المساعدات ستصل.", [("إدارة بايدن", "USA", "GOV")]),
    # Organisations, groups, named institutions, capitals
    ("ودعا مجلس الأمن الدولي إلى وقف فوري لإطلاق النار.", [("مجلس الأمن الدولي", "UNO", None)]),
    ("وقال مجلس الأمن القومي الأمريكي إن التهديد جدي.", [("مجلس الأمن القومي الأمريكي", "USA", "GOV")]),
    (
        "وذكر المرصد السوري لحقوق الإنسان أن غارات روسية استهدفت المدينة.",
        [("المرصد السوري لحقوق الإنسان", "NGO", None), ("روسية", "RUS", None)],
    ),
    ("وأعلنت حماس مسؤوليتها عن الهجوم.", [("حماس", "PSE", "REB")]),
    (
        "وتبنى تنظيم الدولة الإسلامية الهجوم، فيما نفت هيئة تحرير الشام أي علاقة.",
        [("تنظيم الدولة الإسلامية", "IMG", "REB"), ("هيئة تحرير الشام", "SYR", "REB")],
    ),
    ("وأطلق الحوثيون صاروخا باتجاه إسرائيل.", [("الحوثيون", "YEM", "REB"), ("إسرائيل", "ISR", None)]),
    (
        "وأعلنت قوات سوريا الديمقراطية (قسد) السيطرة على القرية.",
        [("قوات سوريا الديمقراطية", "SYR", "REB"), ("قسد", "SYR", "REB")],
    ),
    (
        "وعلق الكرملين والبيت الأبيض والبنتاغون على الهجوم.",
        [("الكرملين", "RUS", "GOV"), ("البيت الأبيض", "USA", "GOV"), ("البنتاغون", "USA", "GOV")],
    ),
    (
        "اتهمت طهران واشنطن بالتصعيد، فيما دعت أنقرة إلى التهدئة.",
        [("طهران", "IRN", "GOV"), ("واشنطن", "USA", "GOV"), ("أنقرة", "TUR", "GOV")],
    ),
    (
        "وقالت روسيا وأوكرانيا وبيلاروسيا إن المحادثات فشلت.",
        [("روسيا", "RUS", None), ("أوكرانيا", "UKR", None), ("بيلاروسيا", "BLR", None)],
    ),
    # Spellings: Egyptian final ى, vowel marks, tatweel
    (
        "وأكد الجيش المصرى أن القوات المسلحة المصرية جاهزة.",
        [("الجيش المصرى", "EGY", "MIL"), ("القوات المسلحة المصرية", "EGY", "MIL")],
    ),
    ("وَقَالَتْ وِزَارَةُ الدِّفَاعِ الرُّوسِيَّةُ إِنَّ قُوَّاتِهَا تَقَدَّمَتْ.", [("وِزَارَةُ الدِّفَاعِ الرُّوسِيَّةُ", "RUS", "GOV")]),
    ("أعلن الجيـــش الأردنـي إسقاط طائرة.", [("الجيـــش الأردنـي", "JOR", "MIL")]),
    # Not the actor: loyal to, backed by
    ("وهاجمت الفصائل الموالية لإيران قاعدة أمريكية.", [("أمريكية", "USA", None)]),
    ("وتقدمت القوات المدعومة من تركيا نحو منبج.", []),
    # Hard negatives: words spelt like a name, a surname that is a word, an institution alone, blockers
    ("كيف يمكن وقف الحرب؟", []),
    ("أعلن وزير المالية عن دعم مالي جديد.", []),
    ("كتب مقالا عن الأدب العربي، وهو عربي.", []),
    ("أصيب جنود في القاعدة العسكرية.", []),
    ("خرج الشباب إلى الشوارع.", []),
    ("زأر الأسد في حديقة الحيوان.", []),
    ("عاد إلى مسقط رأسه بعد صلاة المغرب.", []),
    ("غمرت السيول المدينة وتغير مجرى النهر.", []),
    ("قال أمل إن رئيسي في العمل متعاون، ووقع صدام بين المتظاهرين.", []),
    ("تقع عمان على بعد ساعة، ورفع يده اليمنى.", []),
    ("بحث الوزير السياسة الخارجية الأمريكية.", [("الأمريكية", "USA", None)]),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[text[:40] for text, _ in CASES])
def test_arabic_sentences(text: str, expected: Found) -> None:
    assert find(text) == expected


# --- Proclitics, the article and spellings ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("روسيا", "روسيا"),
        ("وروسيا", "روسيا"),
        ("لروسيا", "روسيا"),
        ("بروسيا", "روسيا"),
        ("فروسيا", "روسيا"),
        ("كروسيا", "روسيا"),
        ("وبروسيا", "روسيا"),
        ("فلروسيا", "روسيا"),
        ("وإسرائيل", "إسرائيل"),
        ("فإسرائيل", "إسرائيل"),
        ("بالعراق", "العراق"),
        ("للعراق", "لعراق"),
        ("وللعراق", "لعراق"),
        ("والأمم المتحدة", "الأمم المتحدة"),
        ("للأمم المتحدة", "لأمم المتحدة"),
    ],
)
def test_a_name_is_found_behind_its_proclitics_and_starts_after_them(written: str, name: str) -> None:
    text = f"قالت مصادر {written} اليوم"
    mention = ACTORS.find(text, "ar")[0]
    assert mention.entity.entity_text == name
    assert mention.entity.start == text.index(written) + len(written) - len(name)


def test_a_name_that_begins_like_a_proclitic_is_read_whole() -> None:
    assert find("بيروت وبكين ولندن وفرنسا وكندا") == [
        ("بيروت", "LBN", "GOV"),
        ("بكين", "CHN", "GOV"),
        ("لندن", "GBR", "GOV"),
        ("فرنسا", "FRA", None),
        ("كندا", "CAN", None),
    ]
    assert find("وزارة الدفاع الكويتية") == [("وزارة الدفاع الكويتية", "KWT", "GOV")]


def test_a_demonym_in_every_gender_number_and_with_the_article() -> None:
    forms = [
        "سوري", "سورية", "سوريون", "سوريين", "سوريات", "سوريان", "سوريتان", "السوري", "السورية", "السوريون",
        "السوريين", "السوريات", "والسوريين", "بالسوري", "كسوري",
    ]  # fmt: skip
    for form in forms:
        found = find(f"قال لاجئ {form} أمس")
        assert [(code, sector) for _, code, sector in found] == [("SYR", None)], form
        assert form.endswith(found[0][0])
    assert find("الروس والأتراك والأمريكان") == [
        ("الروس", "RUS", None),
        ("الأتراك", "TUR", None),
        ("الأمريكان", "USA", None),
    ]


def test_an_arabic_plural_rule_may_give_several_plurals() -> None:
    rules = [PluralRule(ending="ية", plural=["يات", "يتان"]), PluralRule(ending="ي", plural=["يون", "يين"])]
    assert with_plurals(["سوري", "سورية"], rules) == ["سوري", "سوريون", "سوريين", "سورية", "سوريات", "سوريتان"]


@pytest.mark.parametrize(
    "written",
    ["الأمم المتحدة", "الامم المتحدة", "الأمم المتحده", "الأُمَمُ المُتَّحِدَةُ", "الأمـم المتحـدة"],
)
def test_hamza_ta_marbuta_vowel_marks_and_tatweel_do_not_matter(written: str) -> None:
    assert find(f"ودعت {written} إلى التهدئة") == [(written, "UNO", None)]


def test_final_alif_maqsura_is_ya_and_offsets_stay_in_the_raw_text() -> None:
    text = "وقال الرئيس المصرى إن مصرَ لن تتخلى عن السودانِ."
    assert find(text) == [("الرئيس المصرى", "EGY", "GOV"), ("مصرَ", "EGY", None), ("السودانِ", "SDN", None)]


def test_a_proclitic_joins_names_only_where_composition_toml_lets_it() -> None:
    assert find("وزير الخارجية وروسيا") == [("روسيا", "RUS", None)]
    assert find("السفير الفرنسي ببيروت") == [("السفير الفرنسي", "FRA", "GOV"), ("بيروت", "LBN", "GOV")]
    assert find("قال السفير بموسكو") == [("السفير بموسكو", "RUS", "GOV")]


def test_a_person_holds_the_office_of_that_day() -> None:
    assert find("قال الرئيس بوتين", date(2023, 1, 1)) == [("الرئيس بوتين", "RUS", "GOV")]
    assert find("قال دونالد ترامب", date(2019, 1, 1)) == [("دونالد ترامب", "USA", "GOV")]
    assert find("قال دونالد ترامب", date(2022, 1, 1)) == [("دونالد ترامب", "USA", None)]
    mention = ACTORS.find("أعلن الرئيس الروسي فلاديمير بوتين", "ar", on=date(2023, 1, 1))[0]
    assert (mention.kind, mention.role, mention.entity.identifier_id) == ("person", "president", "Q7747")


# --- Proclitics and the article are data -----------------------------------------------------------------------


def test_without_proclitics_elisions_or_article_in_composition_toml_names_are_found_as_written(
    actor_folder: Path,
) -> None:
    composition = actor_folder / "composition.toml"
    text = composition.read_text(encoding="utf-8")
    for key in ("proclitics", "elisions", "article", "article_on"):
        text = "\n".join(line for line in text.split("\n") if not line.startswith(f"{key} = "))
    composition.write_text(text, encoding="utf-8")
    dictionary = load_actor_dictionary(actor_folder)
    found = [m.entity.entity_text for m in dictionary.find("وروسيا وللجيش اللبناني والسوري سوري روسيا", "ar")]
    assert found == ["سوري", "روسيا"]


# --- Function words ------------------------------------------------------------------------------------------


def test_the_arabic_function_words_are_complete_and_folded() -> None:
    tables = tomllib.loads((SHIPPED.parent / "lexicons" / "function_words.toml").read_text(encoding="utf-8"))
    assert set(tables["ar"]) == set(tables["en"])
    unfolded = [(role, word) for role, table in tables["ar"].items() for word in table if fold_key(word) != word]
    assert unfolded == []
    assert {"في", "علي", "ضد", "بين", "بالقرب من"} <= words("locative_markers") | words("recipient_cases")
    assert {"وفق", "بحسب", "حسب", "وفقا"} <= words("source_markers")
    assert {"مدينه", "بلده", "قريه", "محافظه", "مخيم", "حي"} <= words("place_nouns")
    assert {"شمال", "جنوب", "شرق", "غرب", "كيلومتر"} <= words("bearings")

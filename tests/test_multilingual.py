"""Given news in a language treve has no words for, expect the events the multilingual encoder reads in it, at a
lower confidence than a language treve has words for; with the encoder off, none. The German story was written
for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from treve.resources.cldr_names import countries_in
from treve.resources.encoder_heads import load_heads
from treve.resources.event_examples import TAXONOMIES, load_examples
from treve.stages.events import EventCoder
from treve.stages.multilingual import ENCODER_CONFIDENCE, EncoderReader
from treve.stages.nlp import LanguageModels
from treve.stages.time_search import search_times

GERMAN_STORY = (
    "Kämpfer von Boko Haram haben am Dienstag ein Dorf im Nordosten von Nigeria angegriffen.\n"
    "Die Hamas hat Israel vorgeworfen, die Waffenruhe gebrochen zu haben.\n"
    "Das Wetter in Hamburg war am Wochenende sonnig und warm."
)
PUBLISHED = date(2025, 3, 12)


@pytest.fixture(scope="module")
def coder() -> EventCoder:
    return EventCoder(LanguageModels())


def _summary(events: list) -> list[tuple[str, list[str | None], list[str | None]]]:
    return [(e.event, [a.code for a in e.actor], [r.code for r in e.recipient]) for e in events]


def test_a_german_story_gives_the_attack_and_the_accusation_at_a_lower_confidence(coder: EventCoder) -> None:
    events = coder.code_text(GERMAN_STORY, "de", PUBLISHED)
    assert _summary(events) == [("ASSAULT", ["NGA"], ["NGA"]), ("ACCUSE", ["PSE"], ["ISR"])]
    assert events[0].actor[0].entity_text == "Boko Haram"
    assert all(event.confidence <= ENCODER_CONFIDENCE for event in events)
    assert [event.date for event in events] == ["2025-03-11", "2025-03-12"]  # "am Dienstag"; else the publication


def test_a_party_named_again_in_a_later_sentence_acts_there_too(coder: EventCoder) -> None:
    story = (
        "Die Hamas hat Israel vorgeworfen, die Waffenruhe gebrochen zu haben. "
        "Russland hat am Montag die Ukraine mit Drohnen angegriffen. "
        "Die Hamas hat Ägypten um Vermittlung gebeten."
    )
    events = coder.code_text(story, "de", PUBLISHED)
    assert _summary(events) == [
        ("ACCUSE", ["PSE"], ["ISR"]),
        ("ASSAULT", ["RUS"], ["UKR"]),
        ("REQUEST", ["PSE"], ["EGY"]),
    ]


def test_countries_are_named_in_any_language_cldr_knows_with_their_case_forms() -> None:
    german = countries_in("Angriffe Russlands auf die Ukraine", "de")
    polish = countries_in("Rosja zaatakowała Ukrainę, a Chiny milczą", "pl")
    assert [(e.entity_text, e.code) for e in german] == [("Russlands", "RUS"), ("Ukraine", "UKR")]
    assert [(e.entity_text, e.code) for e in polish] == [("Rosja", "RUS"), ("Ukrainę", "UKR"), ("Chiny", "CHN")]
    assert countries_in("Russland", "zz") == []


@pytest.mark.parametrize(
    ("language", "story"),
    [
        ("fa", "روسیه روز دوشنبه به اوکراین حمله کرد."),  # دوشنبه: Monday, not Dushanbe, the capital
        ("zh", "俄罗斯周一袭击了乌克兰。"),  # written without spaces: names have no word boundary
        ("ja", "ロシアは月曜日にウクライナを攻撃した。"),  # one token per character, as for Chinese
    ],
)
def test_an_attack_told_in_persian_chinese_or_japanese(coder: EventCoder, language: str, story: str) -> None:
    assert _summary(coder.code_text(story, language, PUBLISHED)) == [("ASSAULT", ["RUS"], ["UKR"])]


def test_dates_in_a_language_without_time_words_come_from_dateparser() -> None:
    text = "Am Dienstag wurde er verhaftet. Am 16. September 2022 starb sie. 30 Menschen wurden im März verletzt."
    found = search_times(text, "de", reference=date(2024, 4, 30))  # a Tuesday
    assert [(m.text, m.value.start.isoformat(), m.value.precision) for m in found] == [
        ("Am Dienstag", "2024-04-30", "day"),  # the publication's own weekday, as in every language
        ("Am 16. September 2022", "2022-09-16", "day"),
        ("im März", "2024-03-01", "month"),
    ]  # "30" counts people: no date
    assert [m.text for m in search_times(text, "de", reference=None)] == ["Am 16. September 2022"]


def test_with_the_encoder_off_a_language_without_words_gives_nothing() -> None:
    coder = EventCoder(LanguageModels(), multilingual="off")
    assert coder.code_text(GERMAN_STORY, "de", PUBLISHED) == []


def test_read_always_by_the_encoder_a_french_story_loses_its_toll_and_confidence(coder: EventCoder) -> None:
    story = "Boko Haram a attaqué lundi un village du Nigeria, tuant douze civils."
    with_words = coder.code_text(story, "fr", PUBLISHED)
    encoder_only = EventCoder(LanguageModels(), multilingual="always").code_text(story, "fr", PUBLISHED)
    assert [e.event for e in with_words] == [e.event for e in encoder_only] == ["ASSAULT"]
    assert with_words[0].size.dead == 12 and encoder_only[0].size.dead is None
    assert encoder_only[0].confidence < with_words[0].confidence


def test_the_encoder_reads_what_a_sentence_reports_in_a_language_it_has_no_examples_in() -> None:
    [attack, weather] = EncoderReader().read(
        ["Soldaten haben das Dorf mit Artillerie beschossen.", "Morgen wird es in ganz Deutschland regnen."]
    )
    assert max(attack.plover.by_type().items(), key=lambda item: item[1])[0] == "ASSAULT"
    assert attack.reports > weather.reports


@pytest.mark.parametrize("taxonomy", TAXONOMIES)
def test_the_shipped_encoder_heads_were_fitted_on_the_shipped_examples(taxonomy: str) -> None:
    assert load_heads()[taxonomy].digest == load_examples(taxonomy).digest, (
        "rebuild with `python -m treve.resources.encoder_heads`"
    )


def test_a_text_read_without_a_parser_has_tokens_whose_tree_is_themselves() -> None:
    """spaCy's tokenizer reuses cached tokens whose tree edges only a parser resets: a second text read without
    one must not inherit the first one's edges (reading its children crashed the process)."""
    models = LanguageModels()
    text = "Des manifestants ont défilé à Dakar. La police a dispersé la foule. " * 20
    for _ in range(2):
        doc = models.tokenise(text, "fr")
        assert all(t.left_edge == t == t.right_edge and not list(t.children) for t in doc)


def test_a_language_spacy_has_no_tokenizer_for_is_read_by_its_multi_language_one() -> None:
    doc = LanguageModels().tokenise("Askari waliwashambulia wanakijiji. Watu kumi walikufa.", "sw")
    assert len(list(doc.sents)) == 2

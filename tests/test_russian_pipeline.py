"""Russian text parses into a spaCy Doc as the other languages do: natasha's models behind spaCy's conventions."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Token

from treve.stages.natasha_pipeline import EXTRA_ROOT, _one_tree
from treve.stages.nlp import LanguageModels

NEWS = (
    "В результате ночного обстрела Донецка погибли двенадцать мирных жителей, ещё тридцать получили ранения, "
    "сообщил глава ДНР Денис Пушилин.\n"
    "Министерство обороны России заявило, что украинские военные обстреляли Горловку ракетами.\n\n"
    "Боевики захватили село на севере Мали\nАрмия ответила ударами с воздуха"
)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return LanguageModels().get("ru")


@pytest.fixture(scope="module")
def news(nlp: Language) -> Doc:
    return nlp(NEWS)


def word(doc: Doc, text: str) -> Token:
    return next(token for token in doc if token.text == text)


def test_russian_is_a_configured_language_and_its_doc_is_russian(news: Doc) -> None:
    assert LanguageModels().supports("ru")
    assert news.lang_ == "ru"
    assert LanguageModels().parse("Бои продолжаются.", "ru").lang_ == "ru"


def test_the_tokens_reproduce_the_text_exactly(news: Doc) -> None:
    assert news.text == NEWS
    assert all(NEWS[token.idx : token.idx + len(token.text)] == token.text for token in news)


def test_odd_whitespace_quotes_and_dashes_survive_as_in_the_text(nlp: Language) -> None:
    text = "  «Мы  не отступим»,\t— заявил командир батальона.\r\n   Бои идут у Бахмута …\n"
    doc = nlp(text)
    assert doc.text == text
    assert [token.text for token in doc][:4] == ["  ", "«", "Мы", " "]
    assert {"«", "»", "—", "…"} <= {token.text for token in doc if token.pos_ == "PUNCT"}
    assert all(token.pos_ == "SPACE" and token.dep_ == "dep" for token in doc if token.text.isspace())


@pytest.mark.parametrize("text", ["", " ", "\n\n", "Обстрел"])
def test_empty_blank_and_one_word_texts_still_give_their_text_back(nlp: Language, text: str) -> None:
    assert nlp(text).text == text


def test_the_verbs_have_their_subjects_and_objects(news: Doc) -> None:
    residents, fired, militaries, town = (word(news, w) for w in ("жителей", "обстреляли", "военные", "Горловку"))
    assert (residents.dep_, residents.head.text) == ("nsubj", "погибли")
    assert (militaries.dep_, militaries.head) == ("nsubj", fired)
    assert (town.dep_, town.head) == ("obj", fired)
    assert (word(news, "Министерство").dep_, word(news, "Министерство").head.text) == ("nsubj", "заявило")
    assert (word(news, "ракетами").dep_, word(news, "ракетами").head) == ("obl", fired)


def test_inflected_words_get_their_dictionary_lemma_with_e_for_yo(news: Doc) -> None:
    lemmas = {token.text: token.lemma_ for token in news}
    assert lemmas["погибли"] == "погибнуть"
    assert lemmas["жителей"] == "житель"
    assert lemmas["обстреляли"] == "обстрелять"
    assert lemmas["ракетами"] == "ракета"
    assert lemmas["ранения"] == "ранение"
    assert lemmas["ещё"] == "еще"


def test_words_get_ud_parts_of_speech_and_features(news: Doc) -> None:
    residents = word(news, "жителей")
    assert (residents.pos_, residents.tag_) == ("NOUN", "NOUN")
    assert residents.morph.get("Case") == ["Gen"] and residents.morph.get("Number") == ["Plur"]
    assert word(news, "погибли").morph.get("Tense") == ["Past"]
    assert word(news, "Горловку").pos_ == "PROPN"


def test_names_are_per_loc_and_org_at_their_offsets_in_the_text(news: Doc) -> None:
    names = {(ent.text, ent.label_) for ent in news.ents}
    expected = {("Донецка", "LOC"), ("Денис Пушилин", "PER"), ("Министерство обороны", "ORG"), ("Горловку", "LOC")}
    assert expected <= names
    assert {ent.label_ for ent in news.ents} <= {"PER", "LOC", "ORG"}
    assert all(NEWS[ent.start_char : ent.end_char] == ent.text for ent in news.ents)
    assert NEWS.index("Денис Пушилин") in {ent.start_char for ent in news.ents}


def test_a_name_never_runs_across_a_paragraph_break(news: Doc) -> None:
    assert ("Мали", "LOC") in {(ent.text, ent.label_) for ent in news.ents}
    assert all("\n" not in ent.text for ent in news.ents)


def test_sentences_end_at_full_stops_and_at_every_newline(news: Doc) -> None:
    starts = [sentence[0].text for sentence in news.sents]
    assert starts == ["В", "Министерство", "Боевики", "Армия"]
    assert [sentence.text.strip() for sentence in news.sents][2] == "Боевики захватили село на севере Мали"


def test_each_sentence_has_exactly_one_root_labelled_as_spacy_does(nlp: Language, news: Doc) -> None:
    for doc in (news, nlp("Израильская армия нанесла авиаудары по Газе, сообщила пресс-служба армии.")):
        for sentence in doc.sents:
            roots = [token for token in sentence if token.dep_ == "ROOT"]
            assert len(roots) == 1 and roots[0].head == roots[0] and sentence.root == roots[0]
            assert all(token.head in sentence for token in sentence)


def test_several_roots_or_a_cycle_from_the_parser_are_mended_into_one_tree() -> None:
    # Words 0..4: 1 is natasha's root, 3 a second root, and 2 and 4 head each other.
    sentence = [0, 1, 2, 3, 4]
    heads, deps = list(range(5)), ["nsubj", "root", "obl", "root", "obj"]
    _one_tree(sentence, {0: 1, 1: None, 2: 4, 3: None, 4: 2}, heads, deps)
    assert (heads[1], deps[1]) == (1, "ROOT")
    assert (heads[3], deps[3]) == (1, EXTRA_ROOT)
    assert heads[0] == 1 and deps[0] == "nsubj"
    assert EXTRA_ROOT in (deps[2], deps[4]) and 1 in (heads[2], heads[4])


def test_pipe_parses_each_text_as_a_call_would(nlp: Language) -> None:
    texts = ["Бои продолжаются.", NEWS]
    docs = list(nlp.pipe(texts))
    assert [doc.text for doc in docs] == texts
    assert [[token.dep_ for token in doc] for doc in docs] == [[token.dep_ for token in nlp(text)] for text in texts]

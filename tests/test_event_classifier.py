"""The sentence classifier: its examples are well-formed, its shipped weights match them, and it reads the kind
of event in sentences it has never seen, in English and French."""

from __future__ import annotations

from collections import Counter

import pytest

from treve.ontology import ACLED_SUB_EVENT_TYPES, MODES, load_crosswalks
from treve.resources.event_examples import TAXONOMIES, load_classifier, load_examples
from treve.stages.event_classifier import NO_EVENT_LABEL, EventTypeClassifier


@pytest.mark.parametrize("taxonomy", TAXONOMIES)
def test_the_shipped_classifier_was_fitted_on_the_shipped_examples(taxonomy: str) -> None:
    assert load_classifier(taxonomy).digest == load_examples(taxonomy).digest, (
        f"rebuild with `python -m treve.resources.event_examples {taxonomy}`"
    )


@pytest.mark.parametrize("taxonomy", TAXONOMIES)
def test_every_label_has_english_and_french_examples_and_no_sentence_is_repeated(taxonomy: str) -> None:
    examples = load_examples(taxonomy).examples
    languages = Counter((example.label, example.language) for example in examples)
    for label in {example.label for example in examples}:
        assert languages[(label, "en")] >= 10 and languages[(label, "fr")] >= 5, label
    texts = Counter(example.text for example in examples)
    assert [text for text, count in texts.items() if count > 1] == []


def test_plover_labels_are_types_or_type_and_mode() -> None:
    for label in {example.label for example in load_examples("plover").examples} - {NO_EVENT_LABEL}:
        event_type, _, mode = label.partition(":")
        assert event_type in MODES, label
        assert not mode or mode in MODES[event_type], label


def test_acled_labels_are_sub_event_types_or_categories_the_crosswalks_know() -> None:
    sub_events = {sub for subs in ACLED_SUB_EVENT_TYPES.values() for sub in subs}
    categories = {sub.category for sub in load_crosswalks().case2021.subtypes.values() if sub.category}
    labels = {example.label for example in load_examples("acled").examples}
    assert labels == sub_events | categories


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Fighter jets bombed several rebel hideouts in the hills overnight, the army said.", "ASSAULT"),
        ("Des milliers de personnes ont défilé dimanche dans le centre de la capitale contre la vie chère.", "PROTEST"),
        ("The foreign minister flew to Nairobi on Monday for talks with his Kenyan counterpart.", "CONSULT"),
        ("Le gouvernement a accusé l'opposition de préparer un coup d'État.", "ACCUSE"),
    ],
)
def test_it_reads_the_plover_type_of_unseen_sentences(sentence: str, expected: str) -> None:
    reading = EventTypeClassifier("plover").classify([sentence])[0]
    types = reading.by_type()
    assert max(types, key=lambda name: types[name]) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("A roadside bomb tore through an army convoy outside the town.", "Remote explosive/landmine/IED"),
        ("Un séisme de magnitude 6,8 a frappé la région dans la nuit.", "Natural disaster"),
        ("Security forces arrested the former finance minister at his home on corruption charges.", "Arrests"),
    ],
)
def test_it_reads_the_acled_category_of_unseen_sentences(sentence: str, expected: str) -> None:
    assert EventTypeClassifier("acled").classify([sentence])[0].best[0] == expected

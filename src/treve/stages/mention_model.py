"""Whether a mention reports an event: a logistic model over what the sentence and the clause say.

A trigger word alone cannot tell news from its look-alikes: a war named as a setting, an opinion, a habit, a
figure summed over years, a question, a word in another sense. The model weighs what tells them apart: whether
the trigger is a phrase of the lexicon ("se tourner vers", "opened fire") rather than a word with other senses;
how likely the sentence classifiers find that the sentence reports an event and one of this type; the grammar
of the clause (past, present, infinitive, conditional, negated); whether the sentence names who acted, whom it
struck, when, and how many; whether it is a question, a quotation or the lede.

The weights are fitted on data, not set by hand: `python -m treve.evaluate.fit_story` fits them on the tune part
of the article-level gold (`benchmarks/stories/`) and writes `resources/story/mention_model.toml` with the
threshold that maximises the F1 of events on that part; the check part only scores them.
"""

from __future__ import annotations

from spacy.tokens import Token

from treve.stages.mentions import TIME_FROM_PUBLICATION, Mention, unidentified
from treve.stages.story import Story
from treve.stages.syntax import own_clause

QUESTION_MARKS = ("?", "؟")
OPENING_QUOTES = ('"', "«", "“", "„", "'")


def _tenses(verb: Token) -> set[str]:
    """The tenses, moods and verb forms of a clause's verb and its auxiliaries."""
    found = {*verb.morph.get("Tense"), *verb.morph.get("Mood"), *verb.morph.get("VerbForm")}
    for child in verb.children:
        if child.dep_.startswith("aux"):
            found |= {*child.morph.get("Tense"), *child.morph.get("Mood")}
    if verb.tag_ in ("VBD", "VBN"):
        found.add("Past")
    return found


def mention_features(mention: Mention, story: Story) -> dict[str, float]:
    """The numbers the model weighs, each 0 or 1 unless said (probabilities, a sentence's position)."""
    reading = mention.reading
    head = mention.match.head
    tenses = _tenses(own_clause(head))
    sentence_text = mention.sentence.text.strip()
    actor = [entity for entity in mention.actor if not mention.parties_inferred]
    types = reading.plover.by_type() if reading is not None else {}
    return {
        "reports": reading.reports if reading is not None else 0.5,
        "type_probability": types.get(mention.event, 0.0),
        "no_event_probability": types.get("NONE", 0.0),
        "unread": float(reading is None),
        "guessed": float(mention.match.trigger.guessed),
        "phrase": float(len(mention.match.tokens) > 1),
        "verb": float(head.pos_ in ("VERB", "AUX")),
        "past": float(bool(tenses & {"Past", "Pqp"})),
        "present": float("Pres" in tenses and not tenses & {"Past", "Pqp"}),
        "imperfect": float("Imp" in tenses),
        "infinitive": float("Inf" in tenses),
        "future_or_hypothetical": float(bool(mention.auxiliary & {"future", "hypothetical"})),
        "negated": float("negation" in mention.auxiliary),
        "named_actor": float(any(entity.code for entity in actor) and not unidentified(actor)),
        "unidentified_actor": float(bool(actor) and unidentified(actor)),
        "inferred_parties": float(mention.parties_inferred),
        "no_actor": float(not mention.actor),
        "recipient": float(bool(mention.recipient)),
        "dated": float(mention.time_rank < TIME_FROM_PUBLICATION),
        "toll": float(bool(mention.casualties)),
        "question": float(sentence_text.endswith(QUESTION_MARKS)),
        "quoted": float(sentence_text.startswith(OPENING_QUOTES)),
        "attributed": float(mention.attribution is not None),
        "lede": float(story.sentence_number(mention.sentence) < 3),
        "confidence": mention.confidence,
    }

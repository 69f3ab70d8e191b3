"""The multilingual reading: events in a language treve has no words for (German, Turkish, Persian, Swahili, …).

Such a language has no triggers, cues, number or time words, and no parser. What is left is general: spaCy's
rule-based tokenizer and sentencizer of the language (`flat_pipeline`, table `xx`), the country names CLDR gives
in the language and the names other languages' dictionaries write alike (`ActorDictionary.find_any`), the
gazetteer's place names, dateparser's month and weekday names (`time_search`), and multilingual-e5-small
(`resources.encoder_heads`), which reads what each sentence reports in about a hundred languages. Each sentence
the encoder reads as an event becomes a mention at the word after its first name (`mentions.guessed_triggers`),
the first name acting and the next undergoing, gated by the encoder's own probability that the sentence reports
an event; the story reader goes on as for any language. Its events have no toll, and half the confidence of a
language treve has words for.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from treve.resources.encoder_heads import embed, load_heads
from treve.stages.event_classifier import LabelScores, SentenceReading

Multilingual = Literal["fallback", "off", "always"]

# The confidence of an event read this way, as a share of what the same reading would have in a language with
# words: the parties are only the order of the names, the type the encoder's guess.
ENCODER_CONFIDENCE = 0.5


class EncoderReader:
    """The sentence classifiers of the three taxonomies, over multilingual-e5-small embeddings."""

    def read(self, texts: Sequence[str]) -> list[SentenceReading]:
        if not texts:
            return []
        heads = load_heads()
        embeddings = embed(texts)
        plover, acled, mention = (heads[name] for name in ("plover", "acled", "mention"))
        rows = zip(
            plover.probabilities(embeddings),
            acled.probabilities(embeddings),
            mention.probabilities(embeddings),
            strict=True,
        )
        return [
            SentenceReading(
                LabelScores(dict(zip(plover.labels, map(float, p), strict=True))),
                LabelScores(dict(zip(acled.labels, map(float, a), strict=True))),
                float(m[mention.labels.index("EVENT")]),
            )
            for p, a, m in rows
        ]

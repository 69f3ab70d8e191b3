"""Events: the story reader. Every political event an article reports, one PLOVER 2.0 record per real-world event.

The reader works as an analyst does, in stages that each have a module of their own:

1. `story` — what the article is about, found once: parse, actors, places, times, casualty figures.
2. `mentions` — each sentence's spans that tell an event, typed by the lexicon and the sentence classifier,
   with the arguments their clause gives (`arguments`, over the parse helpers of `syntax`).
3. `event_location` — where each mention happened.
4. `tolls` — each casualty figure to the mention it counts.
5. `salience` — when each mention happened, and whether it is news or background.
6. `coreference` — the mentions that tell one real-world event become one event, with all their sentences.
7. records — one `Event` per event, in order of first report.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import ClassVar

from spacy.tokens import Span

from treve.normalise import normalise_for_processing
from treve.ontology import acled_category, acled_reading_category, cameo_root, category_contexts
from treve.records import Article, Casualties, Entity, Event, EventTime, Evidence, Place, Size
from treve.resources.actors import ActorDictionary, load_actor_dictionary
from treve.resources.event_lexicon import EventLexicon, load_event_lexicon
from treve.resources.gazetteer import Gazetteer, open_gazetteer
from treve.stages.casualties import find_casualties
from treve.stages.coreference import complete_earlier_ceasefire, fold_within_sentence, fought_elsewhere, merge_reports
from treve.stages.event_classifier import SentenceReader, SentenceReading
from treve.stages.event_location import locate_event
from treve.stages.mentions import (
    Mention,
    accident,
    ceasefire_mentions,
    code_mention,
    guessed_triggers,
    naming_events,
    rank_subordinates,
    weigh,
    worth_coding,
)
from treve.stages.nlp import LanguageModels
from treve.stages.places import resolve_places
from treve.stages.salience import date_events
from treve.stages.story import (
    Story,
    generic_actors,
    home_country,
    main_pair,
    qualified_by_kind,
    unknown_names,
)
from treve.stages.syntax import refers_back
from treve.stages.time import find_time_expressions
from treve.stages.tolls import attach_casualties

# Sentences shorter than this (datelines, captions) are not read.
MIN_READ_TOKENS = 4


class EventCoder:
    """The events stage: models, lexicons and dictionaries are loaded once and shared by every article."""

    name: ClassVar[str] = "events"
    requires: ClassVar[frozenset[str]] = frozenset({"text", "language", "published"})
    assigns: ClassVar[frozenset[str]] = frozenset({"events"})

    def __init__(
        self,
        models: LanguageModels,
        *,
        lexicon: EventLexicon | None = None,
        actors: ActorDictionary | None = None,
        reader: SentenceReader | None = None,
        gazetteer: Gazetteer | None = None,
    ) -> None:
        self._models = models
        self._lexicon = lexicon or load_event_lexicon()
        self._actors = actors or load_actor_dictionary()
        self._reader = reader or SentenceReader()
        self._gazetteer = gazetteer or open_gazetteer()

    def __call__(self, article: Article) -> Article:
        language = article.language
        cues = self._lexicon.for_language(language) if language else None
        if language is None or cues is None or not self._models.supports(language):
            return article
        return article.model_copy(
            update={"events": self.code_text(article.text, language, article.published, article.id)}
        )

    def code_text(
        self, text: str, language: str, published: date | datetime | None, article_id: str = "text"
    ) -> list[Event]:
        """Every event of `text`, merged within the text, in order of first report."""
        cues = self._lexicon.for_language(language)
        if cues is None:
            return []
        reference = published.date() if isinstance(published, datetime) else published
        actors = self._actors.find(text, language, on=reference)
        doc = self._models.parse(normalise_for_processing(text), language)
        places = resolve_places(doc, language, self._gazetteer)
        actors = qualified_by_kind(doc, text, actors, cues)
        home = home_country(actors, places)
        story = Story(
            text=text,
            doc=doc,
            cues=cues,
            actors=actors,
            times=find_time_expressions(text, language, reference=published),
            casualties=find_casualties(text, language),
            published=reference,
            main_pair=main_pair(actors),
            generic=generic_actors(doc, text, actors, cues, home),
            home=home,
            unknown=unknown_names(doc, text, actors),
            places=places,
        )
        found: list[Mention] = []
        narrative_time: EventTime | None = None
        sentences = list(story.doc.sents)
        readings = self._read(sentences, story)
        for sentence in sentences:
            reading = readings.get(sentence.start)
            matches = naming_events(cues.match(sentence), story.times)
            if reading is not None:
                matches.extend(guessed_triggers(sentence, reading, matches, cues))
            in_sentence = [code_mention(match, sentence, story) for match in matches]
            in_sentence.extend(ceasefire_mentions(sentence, story, in_sentence))
            coded = fold_within_sentence([event for event in in_sentence if event is not None])
            for event in coded:
                event.location = locate_event(event.match.head, story.places)
                if reading is not None:
                    weigh(event, reading)
            rank_subordinates(coded)
            coded = [event for event in coded if not fought_elsewhere(event, story) and not accident(event, reading)]
            attach_casualties(coded, sentence, story)
            continues_story = refers_back(sentence)
            coded, explicit = date_events(coded, sentence, story, narrative_time if continues_story else None)
            narrative_time = explicit
            complete_earlier_ceasefire(found, coded, sentence, story)
            found.extend(coded)
        merged = merge_reports(event for event in found if worth_coding(event))
        return [_record(event, story, f"{article_id}-{number}") for number, event in enumerate(merged, start=1)]

    def _read(self, sentences: Sequence[Span], story: Story) -> dict[int, SentenceReading]:
        """The classifier's reading of each sentence that names someone or counts victims (the others
        cannot hold a codable event), in one batch."""
        named = [
            (entity.start, entity.end)
            for entity in [*(m.entity for m in story.actors), *story.generic, *story.unknown]
            if entity.start is not None and entity.end is not None
        ]
        named.extend((mention.start, mention.start + 1) for mention in story.casualties)
        chosen = [
            sentence
            for sentence in sentences
            if len(sentence) >= MIN_READ_TOKENS
            and any(sentence.start_char <= start < sentence.end_char for start, _ in named)
        ]
        readings = self._reader.read([story.text[s.start_char : s.end_char] for s in chosen])
        return {sentence.start: reading for sentence, reading in zip(chosen, readings, strict=True)}


def one_per_code(entities: list[Entity]) -> list[Entity]:
    """One entity per (code, sector) for the record — Sudan's army and Sudan's RSF are two parties — and the
    sectorless one only when no other has that code."""
    best: dict[tuple[str, str | None], Entity] = {}
    for entity in entities:
        best.setdefault((entity.code or entity.entity_text, entity.sector), entity)
    with_sector = {code for code, sector in best if sector is not None}
    return [entity for (code, sector), entity in best.items() if sector is not None or code not in with_sector]


def _record(event: Mention, story: Story, event_id: str) -> Event:
    sentence = event.sentence
    trigger_text = " ".join(story.text[t.idx : t.idx + len(t.text)] for t in event.match.tokens)
    casualties = Casualties(**event.casualties)
    context = sorted(
        set(event.match.trigger.context)
        | ({"military", "diplomatic"} if event.ceasefire else set())
        | (category_contexts(event.reading.acled.best) if event.reading else set())
    )
    record = Event(
        id=event_id,
        date=_iso_date(event.time),
        event=event.event,
        mode=event.mode,
        auxiliary_modes=sorted(event.auxiliary),
        context=context,
        actor=one_per_code(event.actor),
        recipient=one_per_code(event.recipient),
        mediator=one_per_code(event.mediator),
        event_text=trigger_text,
        size=Size(
            dead=casualties.dead.best if casualties.dead else None,
            injured=casualties.injured.best if casualties.injured else None,
            arrested=casualties.arrested.best if casualties.arrested else None,
        ),
        casualties=casualties,
        time=event.time,
        date_precision=event.time.precision if event.time else None,
        attribution=event.attribution,
        evidence=Evidence(
            sentence=story.text[sentence.start_char : sentence.end_char].strip(),
            start=sentence.start_char,
            end=sentence.end_char,
            trigger=trigger_text,
        ),
        retold=[
            Evidence(sentence=story.text[s.start_char : s.end_char].strip(), start=s.start_char, end=s.end_char)
            for s in dict.fromkeys(event.retold_in)
        ],
        confidence=round(min(1.0, max(0.05, event.confidence)), 2),
        ceasefire=event.ceasefire,
        cameo_root=cameo_root(event.event, event.mode),
    )
    if event.location is not None:
        # An unresolved name is kept as the article wrote it, with no coordinates.
        mention = event.location.mention
        location = mention.place or Place(extracted_place=mention.text)
        record = record.model_copy(update={"location": location, "location_basis": event.location.basis.value})
    acled = acled_category(record)
    if acled is None:
        return record
    if event.reading is not None:
        acled = acled_reading_category(record, acled, event.reading.acled.probabilities)
    return record.model_copy(
        update={"acled_event_type": acled.event_type, "acled_sub_event_type": acled.sub_event_type}
    )


def _iso_date(time: EventTime | None) -> str | None:
    if time is None:
        return None
    start = time.start
    return (start.date() if isinstance(start, datetime) else start).isoformat()

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
from dataclasses import replace
from datetime import date, datetime
from typing import ClassVar

from spacy.tokens import Span

from treve.normalise import normalise_for_processing
from treve.ontology import acled_category, acled_reading_category, cameo_root, category_contexts
from treve.records import (
    Article,
    Casualties,
    CeasefireTerms,
    Event,
    EventTime,
    Evidence,
    Place,
    PlaceMention,
    Size,
    shifted,
)
from treve.resources.actors import ActorDictionary, load_actor_dictionary
from treve.resources.debris import load_debris_lexicon
from treve.resources.event_lexicon import EventLexicon, load_event_lexicon
from treve.resources.gazetteer import Gazetteer, open_gazetteer
from treve.resources.story import LogisticModel, load_story_model
from treve.stages.arguments import story_brokers
from treve.stages.casualties import find_casualties
from treve.stages.ceasefires import ceasefire_location, ceasefire_mentions
from treve.stages.coreference import (
    StoryEvent,
    complete_earlier_ceasefire,
    fold_within_sentence,
    fought_elsewhere,
    group_mentions,
)
from treve.stages.event_classifier import SentenceReader, SentenceReading
from treve.stages.event_location import best_location, locate_event, with_event_roles
from treve.stages.mention_model import mention_features
from treve.stages.mentions import (
    Mention,
    accident,
    code_mention,
    guessed_triggers,
    local_parties,
    naming_events,
    rank_subordinates,
    weigh,
)
from treve.stages.multilingual import ENCODER_CONFIDENCE, EncoderReader, Multilingual
from treve.stages.nlp import WINDOW_CHARS, LanguageModels, windows
from treve.stages.place_countries import countries_of
from treve.stages.place_names import dateline, set_apart
from treve.stages.places import resolve_places, without_actor_names
from treve.stages.roles import event_attribution, event_roles, one_per_code, worth_coding
from treve.stages.salience import date_events, event_time, salience_of
from treve.stages.story import (
    Story,
    generic_actors,
    home_country,
    main_pair,
    people_by_title,
    qualified_by_kind,
    unknown_names,
)
from treve.stages.syntax import refers_back
from treve.stages.time import find_durations, find_time_expressions
from treve.stages.time_search import search_times
from treve.stages.tolls import attach_casualties, event_casualties

# A text longer than one parse window is read as stories of this many characters at most: reading one story of
# 50,000 characters peaks some 120 MB above the models, one of 100,000 some 290 MB (benchmarks/long_text.py).
STORY_CHARS = 50_000

# Sentences shorter than this (datelines, captions) are not read.
MIN_READ_TOKENS = 4


# A page is read in a second language when paragraphs in it, each detected at least MIXED_CONFIDENCE, make up
# MIXED_SHARE of its text.
MIXED_SHARE = 0.15
MIXED_CONFIDENCE = 0.5


class EventCoder:
    """The events stage: models, lexicons and dictionaries are loaded once and shared by every article."""

    name: ClassVar[str] = "events"
    requires: ClassVar[frozenset[str]] = frozenset({"text", "language", "published"})
    assigns: ClassVar[frozenset[str]] = frozenset({"events", "places"})

    def __init__(
        self,
        models: LanguageModels,
        *,
        lexicon: EventLexicon | None = None,
        actors: ActorDictionary | None = None,
        reader: SentenceReader | None = None,
        gazetteer: Gazetteer | None = None,
        mention_model: LogisticModel | None = None,
        multilingual: Multilingual = "fallback",
    ) -> None:
        """`multilingual` says which languages the multilingual encoder reads (`stages/multilingual.py`)."""
        self._models = models
        self._lexicon = lexicon or load_event_lexicon()
        self._actors = actors or load_actor_dictionary()
        self._reader = reader or SentenceReader()
        self._encoder = EncoderReader()
        self._multilingual = multilingual
        self._gazetteer = gazetteer or open_gazetteer()
        self._mention_model = mention_model or load_story_model("mention_model")
        self._debris = load_debris_lexicon()

    def __call__(self, article: Article) -> Article:
        languages = [code for code in self._languages_of(article) if self._codes(code)]
        if not languages:
            return article
        if len(languages) == 1:
            events, places = self.code_article(article.text, languages[0], article.published, article.id)
        else:
            events, places = self._code_mixed(article, languages)
        return article.model_copy(update={"events": events, "places": places})

    def _codes(self, language: str) -> bool:
        return self._has_words(language) or self._multilingual != "off"

    def _has_words(self, language: str) -> bool:
        """Whether treve reads the language with its own words (lexicons, a pipeline), not the encoder."""
        known = self._lexicon.for_language(language) is not None and self._models.supports(language)
        return known and self._multilingual != "always"

    @staticmethod
    def _languages_of(article: Article) -> list[str]:
        """The article's language, and any other its paragraphs are written in over MIXED_SHARE of the text."""
        found = [article.language] if article.language else []
        length = max(1, len(article.text))
        shares: dict[str, int] = {}
        for paragraph in article.paragraphs:
            if paragraph.language and paragraph.confidence >= MIXED_CONFIDENCE:
                shares[paragraph.language] = shares.get(paragraph.language, 0) + paragraph.end - paragraph.start
        found += [code for code, size in shares.items() if code not in found and size / length >= MIXED_SHARE]
        return found

    def _code_mixed(self, article: Article, languages: list[str]) -> tuple[list[Event], list[PlaceMention]]:
        """A page in several languages (a French story quoting an Arabic statement, a bilingual feed): the whole
        text read in each of its languages, each event kept in the language of the paragraph that tells it; the
        places as the article's own language reads them."""
        spans = [(p.start, p.end, p.language) for p in article.paragraphs]

        def language_at(offset: int) -> str | None:
            return next((code for start, end, code in spans if start <= offset < end), article.language)

        events: list[Event] = []
        places: list[PlaceMention] = []
        for language in languages:
            coded, named = self.code_article(article.text, language, article.published, article.id)
            events += [e for e in coded if e.evidence is None or language_at(e.evidence.start) == language]
            places = places or named
        events.sort(key=lambda event: event.evidence.start if event.evidence else 0)
        numbered = [event.model_copy(update={"id": f"{article.id}-{n}"}) for n, event in enumerate(events, 1)]
        return numbered, with_event_roles(places, numbered)

    def code_text(
        self, text: str, language: str, published: date | datetime | None, article_id: str = "text"
    ) -> list[Event]:
        """Every event of `text`, one record per real-world event, in order of first report."""
        return self.code_article(text, language, published, article_id)[0]

    def code_article(
        self, text: str, language: str, published: date | datetime | None, article_id: str = "text"
    ) -> tuple[list[Event], list[PlaceMention]]:
        """The events of `text` (as `code_text`) and every place it names, with its role. A text longer than one
        parse window (a book, a log of a year) is read as a sequence of stories of STORY_CHARS at most, so what
        is held at once stays one story's reading whatever the text's length."""
        if len(text) <= WINDOW_CHARS:
            return self._code_story(text, language, published, article_id)
        events: list[Event] = []
        places: list[PlaceMention] = []
        offset = 0
        for piece in windows(text, STORY_CHARS):
            coded, named = self._code_story(piece, language, published, article_id)
            events += [shifted(event, offset) for event in coded]
            places += [shifted(place, offset) for place in named]
            offset += len(piece)
        return [event.model_copy(update={"id": f"{article_id}-{n}"}) for n, event in enumerate(events, 1)], places

    def _code_story(
        self, text: str, language: str, published: date | datetime | None, article_id: str
    ) -> tuple[list[Event], list[PlaceMention]]:
        read = self.read_mentions(text, language, published)
        if read is None:
            return [], []
        events = events_from(*read, article_id=article_id, threshold=self._mention_model.threshold)
        return events, with_event_roles(read[0].places, events)

    def read_mentions(
        self, text: str, language: str, published: date | datetime | None
    ) -> tuple[Story, list[Mention]] | None:
        """The story and its mentions of events, in the article's order, each with the mention model's
        probability that it reports one; None for a language treve has no cues for."""
        if not self._codes(language):
            return None
        words = self._has_words(language)
        cues = self._lexicon.for_language(language) if words else None
        reference = published.date() if isinstance(published, datetime) else published
        filed = dateline(text, self._gazetteer)
        if cues is not None:
            actors = self._actors.find(text, language, on=reference)
            doc = self._models.parse(set_apart(normalise_for_processing(text), filed), language)
        else:
            cues = self._lexicon.wordless
            actors = self._actors.find_any(text, language, on=reference)
            doc = self._models.tokenise(set_apart(normalise_for_processing(text), filed), language)
        countries = countries_of(m.entity.code for m in actors)
        places = resolve_places(doc, language, self._gazetteer, countries, filed=filed)
        # The names of a dateline say where the story was filed and by which agency, not who acted.
        after_dateline = filed.end if filed is not None else 0
        actors = [m for m in actors if (m.entity.start or 0) >= after_dateline]
        actors = qualified_by_kind(doc, text, actors, cues)
        story = Story(
            text=text,
            doc=doc,
            cues=cues,
            actors=actors,
            times=(find_time_expressions if words else search_times)(text, language, reference=published),
            durations=find_durations(text, language) if words else [],
            casualties=find_casualties(text, language) if words else [],
            published=reference,
            main_pair=[],
            generic=[],
            home=None,
            unknown=[],
            places=places,
        )
        # Those the story names as brokers ("sous la médiation du Qatar") are neither one of its two sides nor the
        # country it is set in, wherever the talks are held.
        brokers = story_brokers(story)
        sides = [m for m in actors if m.entity.code not in brokers]
        home = home_country(sides, [m for m in places if m.place is None or m.place.country_code not in brokers])
        generic = generic_actors(doc, text, actors, cues, home)
        people = [m.entity for m in actors if m.kind == "person"]
        groups = [m.entity for m in actors if m.kind in ("group", "organisation")]
        story = replace(
            story,
            main_pair=main_pair(sides),
            generic=generic,
            home=home,
            unknown=people_by_title(
                doc,
                text,
                [*(m.entity for m in actors), *generic],
                [name for name in unknown_names(doc, text, actors) if (name.start or 0) >= after_dateline],
            ),
            places=without_actor_names(places, [*(m.entity for m in actors), *generic], people, groups),
        )
        found: list[Mention] = []
        narrative_time: EventTime | None = None
        sentences = self._own_sentences(story)
        readings = self._read(sentences, story, self._reader if words else self._encoder)
        for sentence in sentences:
            reading = readings.get(sentence.start)
            matches = naming_events(cues.match(sentence), story)
            if reading is not None:
                matches.extend(guessed_triggers(sentence, reading, matches, story))
            in_sentence = [code_mention(match, sentence, story) for match in matches]
            in_sentence.extend(ceasefire_mentions(sentence, story, in_sentence, found))
            coded = fold_within_sentence([event for event in in_sentence if event is not None])
            for event in coded:
                event.location = locate_event(event.match.head, story.places)
                if event.ceasefire is not None:
                    event.location = ceasefire_location(event, story)
                local_parties(event, story)
                if reading is not None:
                    weigh(event, reading)
            rank_subordinates(coded)
            coded = [event for event in coded if not fought_elsewhere(event, story) and not accident(event, reading)]
            attach_casualties(coded, sentence, story)
            continues_story = refers_back(sentence)
            coded, explicit = date_events(coded, sentence, story, narrative_time if continues_story else None)
            narrative_time = explicit
            for mention in coded:
                if words:
                    mention.reporting = self._mention_model.probability(mention_features(mention, story))
                else:
                    # The mention model weighs what the parse and the lexicons tell (tense, voice, cue words),
                    # none of which a wordless reading has: the encoder's own reading is what is left.
                    mention.reporting = reading.reports if reading is not None else 0.0
                    mention.confidence *= ENCODER_CONFIDENCE
            complete_earlier_ceasefire(found, coded, sentence, story)
            found.extend(coded)
        return story, found

    def _own_sentences(self, story: Story) -> list[Span]:
        """The sentences of the story, less a link to another story that a flattened page glued into a
        paragraph ("Lire aussi : <its headline>"): that tells the other story, not this one."""
        own: list[Span] = []
        after_marker = False
        for sentence in story.doc.sents:
            if not (after_marker or self._debris.link_marker_at(sentence.text)):
                own.append(sentence)
            after_marker = self._debris.link_marker_at(sentence.text, end=True)
        return own

    def _read(
        self, sentences: Sequence[Span], story: Story, reader: SentenceReader | EncoderReader
    ) -> dict[int, SentenceReading]:
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
        readings = reader.read([story.text[s.start_char : s.end_char] for s in chosen])
        return {sentence.start: reading for sentence, reading in zip(chosen, readings, strict=True)}


def events_from(
    story: Story,
    mentions: Sequence[Mention],
    article_id: str = "text",
    links: LogisticModel | None = None,
    threshold: float = 0.0,
) -> list[Event]:
    """The story's events from its mentions: grouped by the real-world event they tell (by the shipped coreference
    model, or `links`), one record each for the events one of whose mentions reports an event with a probability
    of at least `threshold` (`_reports`). Gating events rather than mentions keeps a retelling ("the conflict that
    followed killed 30,000"), which read alone looks like commentary, as a detail of the event it retells: its
    sentence and its toll count, not its parties, time or place."""
    events = []
    for group in group_mentions(mentions, story, links):
        reporting = [mention for mention in group.mentions if _reports(mention, threshold)]
        if reporting:
            details = [mention for mention in group.mentions if not _reports(mention, threshold)]
            events.append(StoryEvent(reporting, details))
    records = [_record(event, story) for event in events]
    kept = [record for record in records if record is not None]
    return [record.model_copy(update={"id": f"{article_id}-{number}"}) for number, record in enumerate(kept, 1)]


def _reports(mention: Mention, threshold: float) -> bool:
    """Whether a mention reports an event: by the mention model; a ceasefire named as agreed, declared, running or
    over always does (it is read from its own words, and the tracker follows it)."""
    return mention.reporting >= threshold or mention.ceasefire is not None


def _record(event: StoryEvent, story: Story) -> Event | None:
    """The event's record, its fields read from all the sentences that tell it; None when it has no actor worth
    coding."""
    actor, recipient, mediator = event_roles(event)
    casualties = Casualties(**event_casualties([*event.mentions, *event.details]))
    if not worth_coding(actor, recipient, casualties.model_dump(exclude_none=True)):
        return None
    first = event.first
    told_first = min([*event.mentions, *event.details], key=lambda mention: mention.match.head.i)
    sentence = told_first.sentence
    trigger_text = " ".join(story.text[t.idx : t.idx + len(t.text)] for t in told_first.match.tokens)
    time = event_time(event)
    mode = next((mention.mode for mention in event.mentions if mention.mode), None)
    reading = next((mention.reading for mention in event.mentions if mention.reading), None)
    terms = [mention.ceasefire for mention in event.mentions if mention.ceasefire is not None]
    ceasefire = (  # each term from the first telling that gives it
        CeasefireTerms(
            effective=next((t.effective for t in terms if t.effective), None),
            duration=next((t.duration for t in terms if t.duration), None),
            scope=next((t.scope for t in terms if t.scope), None),
            guarantors=next((t.guarantors for t in terms if t.guarantors), []),
            status=next((t.status for t in terms if t.status), None),
        )
        if terms
        else None
    )
    context = sorted(
        set(first.match.trigger.context)
        | ({"military", "diplomatic"} if ceasefire else set())
        | (category_contexts(reading.acled.best) if reading else set())
    )
    record = Event(
        id="",
        date=_iso_date(time),
        event=event.event,
        mode=mode,
        auxiliary_modes=sorted(set().union(*(mention.auxiliary for mention in event.mentions))),
        salience=salience_of(event, story),
        context=context,
        actor=one_per_code(actor),
        recipient=one_per_code(recipient),
        mediator=one_per_code(mediator),
        event_text=trigger_text,
        size=Size(
            dead=casualties.dead.best if casualties.dead else None,
            injured=casualties.injured.best if casualties.injured else None,
            arrested=casualties.arrested.best if casualties.arrested else None,
        ),
        casualties=casualties,
        time=time,
        date_precision=time.precision if time else None,
        attribution=event_attribution(event, casualties.dead),
        evidence=Evidence(
            sentence=story.text[sentence.start_char : sentence.end_char].strip(),
            start=sentence.start_char,
            end=sentence.end_char,
            trigger=trigger_text,
        ),
        retold=[
            Evidence(sentence=story.text[s.start_char : s.end_char].strip(), start=s.start_char, end=s.end_char)
            for s in event.sentences()[1:]
        ],
        confidence=round(min(1.0, max(0.05, max(mention.confidence for mention in event.mentions))), 2),
        ceasefire=ceasefire,
        ceasefire_violation=any(story.cues.tells_ceasefire_broken(mention.match.head) for mention in event.mentions),
        cameo_root=cameo_root(event.event, mode),
    )
    location = best_location([mention.location for mention in event.mentions])
    if location is not None:
        # An unresolved name is kept as the article wrote it, with no coordinates.
        place = location.mention.place or Place(extracted_place=location.mention.text)
        record = record.model_copy(update={"location": place, "location_basis": location.basis.value})
    acled = acled_category(record)
    if acled is None:
        return record
    if reading is not None:
        acled = acled_reading_category(record, acled, reading.acled.probabilities)
    return record.model_copy(
        update={"acled_event_type": acled.event_type, "acled_sub_event_type": acled.sub_event_type}
    )


def _iso_date(time: EventTime | None) -> str | None:
    if time is None:
        return None
    start = time.start
    return (start.date() if isinstance(start, datetime) else start).isoformat()

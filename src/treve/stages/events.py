"""Events: every political event an article reports, as a PLOVER 2.0 record.

For each sentence, trigger phrases from the event lexicon name candidate events; the dependency parse
gives their actor (subject, agent, or every party of a two-sided fight) and recipient (object or
prepositional complement); actor mentions found by the actor dictionary give the codes. Reported
speech is attributed to its speaker, and what an accusation alleges stays an allegation. Each event
takes the time expression nearest its trigger (or the story's narrative time), the casualty figures
of its sentence, and the auxiliary modes its grammar and date imply. Reports of one event within the
article (the lead and a later paragraph telling the same clash) are merged into one record.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import ClassVar

from spacy.tokens import Doc, Span, Token

from treve.normalise import normalise_for_processing
from treve.ontology import (
    ARMED_SECTORS,
    STATE_SECTORS,
    acled_category,
    acled_reading_category,
    cameo_root,
    category_contexts,
    entity_sectors,
    is_disaster_category,
)
from treve.records import (
    Article,
    Attribution,
    AuxiliaryMode,
    Casualties,
    CeasefireTerms,
    Count,
    Entity,
    Event,
    EventTime,
    Evidence,
    Place,
    Size,
)
from treve.resources.actors import ActorDictionary, ActorMention, load_actor_dictionary
from treve.resources.event_lexicon import EventLexicon, LanguageCues, Trigger, TriggerMatch, load_event_lexicon
from treve.resources.gazetteer import Gazetteer, distance_km, open_gazetteer
from treve.stages.casualties import CasualtyMention, find_casualties
from treve.stages.event_classifier import NO_EVENT_LABEL, SentenceReader, SentenceReading
from treve.stages.event_location import Basis, EventLocation, locate_event
from treve.stages.nlp import LanguageModels
from treve.stages.places import PlaceMention, resolve_places
from treve.stages.time import TimeMention, find_time_expressions

# An event that ended more than this long before publication, or in a period the story calls past
# ("la semaine dernière"), is background, coded `historical`; "on Monday" in Wednesday's paper is news.
HISTORICAL_AFTER = timedelta(days=7)
# How directly an event's time was told, most direct first; reports of one event keep the most direct.
TIME_OF_OWN_PHRASE, TIME_OF_SENTENCE, TIME_FROM_PUBLICATION = 0, 1, 2
# Reports of one event placed further apart than this are two events.
SAME_PLACE_KM = 50
_BASIS_RANK = {basis: rank for rank, basis in enumerate(Basis)}  # Basis lists the strongest evidence first
_PRECISION_RANK = {"hour": 0, "day": 1, "week": 2, "month": 3, "season": 4, "year": 5, "decade": 6}
SUBJECT_DEPS = ("nsubj", "nsubj:pass", "nsubjpass", "csubj", "expl:subj")
AGENT_DEPS = ("obl:agent", "agent")
OBJECT_DEPS = ("obj", "dobj", "iobj", "obl", "obl:arg", "obl:mod", "nmod", "pobj", "dative", "prep", "attr")
RECIPIENT_CASES = {
    "à",
    "au",
    "aux",
    "contre",
    "avec",
    "vers",
    "auprès",
    "to",
    "against",
    "with",
    "on",
    "toward",
    "towards",
}
PARTY_CASES = {"entre", "between", "avec", "with"}
# Sectors that make two parties of one country different parties: its armed forces, police, rebels, militias
# and unidentified attackers fight each other and its civilians.
DISTINCT_SECTORS = ARMED_SECTORS | {"CVL"}
# Prepositions that introduce the act that caused what a passive clause tells ("killed in police firing").
CAUSE_CASES = {"in", "during", "dans", "lors", "pendant"}
AGENT_CASES = {"par", "by", "de", "of"}
# Actions whose doer, when unnamed, can only be the police.
POLICE_ACTIONS = {("COERCE", "arrest"), ("ASSAULT", "crowd-control")}
# Named-entity labels (French and English models) that can name an actor the dictionaries lack (places
# the dictionaries do not know are mostly towns: locations, not actors).
UNKNOWN_ACTOR_LABELS = {"ORG", "PERSON", "PER", "NORP"}
# A promise to do these is an AGREE (PLOVER: future CONSULT, SUPPORT, COOPERATE, AID are AGREE).
FUTURE_IS_AGREE = {"CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE"}
# Announcing one's own future use of force or pressure is a THREATEN ("will extend the curfew").
FUTURE_IS_THREAT = {"ASSAULT", "COERCE", "SANCTION"}
# What is threatened becomes the THREATEN mode (PLOVER: restrict, arrest, relations, expel, violence).
THREAT_MODES = {
    ("ASSAULT", None): "violence",
    ("COERCE", None): "restrict",
    ("COERCE", "arrest"): "arrest",
    ("COERCE", "deport"): "expel",
    ("SANCTION", None): "relations",
    ("SANCTION", "expel"): "expel",
}
UNREALISED_PENALTY = 0.15
MEDIATED_TYPES = {"AGREE", "CONSULT", "COOPERATE", "CONCEDE"}
RELATIVE_PRONOUNS = {"qui", "que", "lequel", "laquelle", "lesquels", "lesquelles", "who", "which", "that"}
# Sectors of the entities a bare capital or country name stands for when it acts.
CONFIDENCE_BOTH_ARGUMENTS = 0.85
CONFIDENCE_ACTOR_ONLY = 0.7
CONFIDENCE_INFERRED_PARTIES = 0.55
ALLEGATION_PENALTY = 0.2
# The sentence classifier (treve.stages.event_classifier) reads the kind of event a sentence tells. A sentence
# in which the lexicon finds nothing gets the event the classifier reads when it is at least GUESS_THRESHOLD
# sure; one where the lexicon found other types gets it too when it is OVERRULE_MARGIN likelier than any of
# them, and the candidates compete. Every candidate's confidence moves by READING_WEIGHT times how far its
# type's probability is from even.
GUESS_THRESHOLD = 0.2
OVERRULE_MARGIN = 0.3
GUESS_PENALTY = 0.1
READING_WEIGHT = 0.3
# Sentences shorter than this (datelines, captions) are not read.
MIN_READ_TOKENS = 4
# Types whose head is the act itself, not the speech verb that reports it ("police said gunmen killed …").
# Dependencies of the clauses a phrase embeds (they name other people).
CLAUSE_DEPS = ("acl:relcl", "relcl", "acl", "ccomp", "advcl")
# Types of the verbs that react to the event their object names, without doing it.
REACTION_TYPES = {"ACCUSE", "REJECT", "SUPPORT", "REQUEST", "PROTEST"}
# Types whose event is the speaking: the speaker is their actor, not the subject of what is said.
SPOKEN_TYPES = {"REQUEST", "ACCUSE", "REJECT", "THREATEN"}
# How much less an event counts when it only tells the aim or manner of another event of its sentence
# ("demonstrated to demand reforms": the news is the demonstration).
SUBORDINATE_PENALTY = 0.1


@dataclass
class _Found:
    """An event while it is being coded, before it becomes a frozen record."""

    match: TriggerMatch
    sentence: Span
    actor: list[Entity]
    recipient: list[Entity]
    mediator: list[Entity] = field(default_factory=list)
    attribution: Attribution | None = None
    time: EventTime | None = None
    time_rank: int = TIME_FROM_PUBLICATION
    casualties: dict[str, Count] = field(default_factory=dict)
    auxiliary: set[AuxiliaryMode] = field(default_factory=set)
    ceasefire: CeasefireTerms | None = None
    confidence: float = CONFIDENCE_BOTH_ARGUMENTS
    event: str = ""
    mode: str | None = None
    reading: SentenceReading | None = None
    retold_in: list[Span] = field(default_factory=list)
    location: EventLocation | None = None
    parties_inferred: bool = False  # the story's main pair, for a fight that names no side


@dataclass
class _Story:
    """What one article's coding needs, found once."""

    text: str
    doc: Doc
    cues: LanguageCues
    actors: list[ActorMention]
    times: list[TimeMention]
    casualties: list[CasualtyMention]
    published: date | None
    main_pair: list[Entity]
    generic: list[Entity]
    home: str | None

    unknown: list[Entity]
    places: list[PlaceMention]

    def entities_between(self, start: int, end: int) -> list[Entity]:
        """The actors named in a stretch of text: those the dictionaries know; failing those, the ones named
        by their kind alone ("la police"); failing those, names the language model recognises, uncoded."""
        for found in ([m.entity for m in self.actors], self.generic, self.unknown):
            inside = [e for e in found if e.start is not None and start <= e.start < end]
            if inside:
                return _unique(inside)
        return []


def _unique(entities: Iterable[Entity]) -> list[Entity]:
    seen: set[tuple[str | None, str | None, str]] = set()
    result = []
    for entity in entities:
        key = (entity.code, entity.sector, entity.entity_text)
        if key not in seen:
            seen.add(key)
            result.append(entity)
    return result


def _one_per_code(entities: list[Entity]) -> list[Entity]:
    """One entity per (code, sector) for the record — Sudan's army and Sudan's RSF are two parties — and the
    sectorless one only when no other has that code."""
    best: dict[tuple[str, str | None], Entity] = {}
    for entity in entities:
        best.setdefault((entity.code or entity.entity_text, entity.sector), entity)
    with_sector = {code for code, sector in best if sector is not None}
    return [entity for (code, sector), entity in best.items() if sector is not None or code not in with_sector]


def _worth_coding(event: _Found) -> bool:
    """PLOVER codes events with a named actor; an attack by unidentified attackers counts only when the
    text says whom it hit or how many it killed, wounded or detained."""
    if not event.actor:
        return False
    return not _unidentified(event.actor) or bool(event.recipient or event.casualties)


def _unidentified(actors: list[Entity]) -> bool:
    return bool(actors) and all(entity.sector == "UAF" and entity.code is None for entity in actors)


def _parties(entities: Iterable[Entity]) -> frozenset[str]:
    """Who takes part, for telling events apart: codes, and the words of those without one ("police"); an
    armed or civilian sector sets apart parties of one country (the police and a mob of India are two)."""
    return frozenset(
        f"{entity.code}:{entity.sector}"
        if entity.code and entity.sector in DISTINCT_SECTORS
        else entity.code or entity.entity_text.lower()
        for entity in entities
    )


def _codes(entities: Iterable[Entity]) -> frozenset[str]:
    return frozenset(entity.code for entity in entities if entity.code)


def _span(token: Token, *, without: Sequence[str] = CLAUSE_DEPS) -> tuple[int, int]:
    """Character range of a token's subtree, without the clauses it embeds (they name other people)."""
    tokens = [token]
    stack = [child for child in token.children if child.dep_ not in without]
    while stack:
        child = stack.pop()
        tokens.append(child)
        stack.extend(grandchild for grandchild in child.children if grandchild.dep_ not in without)
    return min(t.idx for t in tokens), max(t.idx + len(t.text) for t in tokens)


def _case(token: Token) -> str | None:
    """The preposition that introduces a word: French parses hang it below the noun ("case"), English ones
    make the preposition itself the dependent ("prep"), its noun below it."""
    if token.dep_ == "prep":
        return token.lemma_.lower()
    for child in token.children:
        if child.dep_ in ("case", "prep", "mark") or (child.dep_ == "fixed"):
            return child.lemma_.lower()
    if token.dep_ == "pobj" and token.head.dep_ == "prep":
        return token.head.lemma_.lower()
    return None


def _lemma(token: Token) -> str:
    return (token.lemma_ or token.text).lower()


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
        actors = _qualified_by_kind(doc, text, actors, cues)
        home = _home_country(actors, places)
        story = _Story(
            text=text,
            doc=doc,
            cues=cues,
            actors=actors,
            times=find_time_expressions(text, language, reference=published),
            casualties=find_casualties(text, language),
            published=reference,
            main_pair=_main_pair(actors),
            generic=_generic_actors(doc, text, actors, cues, home),
            home=home,
            unknown=_unknown_names(doc, text, actors),
            places=places,
        )
        found: list[_Found] = []
        narrative_time: EventTime | None = None
        sentences = list(story.doc.sents)
        readings = self._read(sentences, story)
        for sentence in sentences:
            reading = readings.get(sentence.start)
            matches = _naming_events(cues.match(sentence), story.times)
            if reading is not None:
                matches.extend(_guessed_triggers(sentence, reading, matches, cues))
            in_sentence = [self._code(match, sentence, story) for match in matches]
            in_sentence.extend(self._ceasefires(sentence, story, in_sentence))
            coded = _fold_within_sentence([event for event in in_sentence if event is not None])
            for event in coded:
                event.location = locate_event(event.match.head, story.places)
                if reading is not None:
                    _weigh(event, reading)
            _rank_subordinates(coded)
            coded = [event for event in coded if not _fought_elsewhere(event, story) and not _accident(event, reading)]
            _attach_casualties(coded, sentence, story)
            continues_story = _refers_back(sentence)
            coded, explicit = _date_events(coded, sentence, story, narrative_time if continues_story else None)
            narrative_time = explicit
            _complete_earlier_ceasefire(found, coded, sentence, story)
            found.extend(coded)
        merged = _merge_reports(event for event in found if _worth_coding(event))
        return [_record(event, story, f"{article_id}-{number}") for number, event in enumerate(merged, start=1)]

    def _read(self, sentences: Sequence[Span], story: _Story) -> dict[int, SentenceReading]:
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

    # ------------------------------------------------------------------ one trigger
    def _code(self, match: TriggerMatch, sentence: Span, story: _Story) -> _Found | None:
        head = match.head
        trigger = match.trigger
        event = _Found(match=match, sentence=sentence, actor=[], recipient=[], event=trigger.event, mode=trigger.mode)
        if head.pos_ in ("VERB", "AUX"):
            actor, recipient = self._verb_arguments(head, story, match.tokens)
        else:
            actor, recipient = self._noun_arguments(head, story, two_sided=trigger.two_sided)
            # "des milliers de manifestants", "gunmen": a noun that names the doers is its own actor.
            actor = story.entities_between(head.idx, head.idx + len(head.text)) or actor
        if trigger.event == "MOBILIZE" and not actor and _is_passive(head):
            # "5,000 troops were deployed in the city": those mobilised are all the sentence names.
            actor, recipient = recipient, []
        if trigger.victim_subject:
            # The subject lost people: the victim; the actor is the other side of the story's conflict.
            recipient = actor
            actor = [party for party in story.main_pair if party.code not in _codes(recipient)]
            event.confidence = CONFIDENCE_INFERRED_PARTIES
        if trigger.two_sided:
            actor, recipient = _unique([*actor, *recipient]), []
        if not actor and trigger.two_sided:
            actor = list(story.main_pair)
            event.confidence = CONFIDENCE_INFERRED_PARTIES
            event.parties_inferred = True
        unarmed = not any(e.sector in ARMED_SECTORS for e in actor)
        if trigger.event == "ASSAULT" and head.pos_ == "VERB" and unarmed:
            # "three died in police firing", "a man was killed in police firing": the cause names the doer.
            doers = self._doer_of_cause(head, story, frozenset())
            actor, recipient = (
                doers or actor,
                (recipient or [e for e in actor if e not in doers]) if doers else recipient,
            )
        if not actor and trigger.event == "ASSAULT" and not trigger.two_sided and not trigger.victim_subject:
            # "three civilians were killed in a car bombing": ACLED's unidentified armed group (PLOVER UAF);
            # kept only if it has victims or a toll (see `_worth_coding`).
            words = story.text[head.idx : head.idx + len(head.text)]
            actor = [Entity(entity_text=words, sector="UAF", start=head.idx, end=head.idx + len(words))]
            event.confidence = CONFIDENCE_INFERRED_PARTIES
        made = head.pos_ == "VERB" or (head.head != head and _lemma(head.head) in story.cues.light_verbs)
        if not actor and (trigger.event, trigger.mode) in POLICE_ACTIONS and made:
            # "dix personnes ont été arrêtées", "tear gas was fired", "arrests were made": only police make arrests
            # and disperse crowds. A noun alone ("mass arrests", "makeshift jails", "an arrest warrant") tells no
            # arrest made.
            words = story.text[head.idx : head.idx + len(head.text)]
            actor = [
                Entity(entity_text=words, code=story.home, sector="COP", start=head.idx, end=head.idx + len(words))
            ]
            event.confidence = CONFIDENCE_INFERRED_PARTIES
        if _is_reciprocal(head) and not recipient:
            recipient = list(actor)
        acting = {(entity.code, entity.sector) for entity in actor}
        recipient = [entity for entity in recipient if (entity.code, entity.sector) not in acting] or (
            recipient if _is_reciprocal(head) else []
        )
        if event.event in ("CONSULT", "AGREE", "COOPERATE") and len(_codes(actor)) > 1 and not recipient:
            # "A et son homologue B se sont entretenus": the first named is the actor, the others recipients.
            actor, recipient = actor[:1], [entity for entity in actor[1:] if entity.code != actor[0].code]
        event.actor, event.recipient = actor, recipient
        if event.confidence == CONFIDENCE_BOTH_ARGUMENTS and not recipient and not trigger.two_sided:
            event.confidence = CONFIDENCE_ACTOR_ONLY
        if event.event in MEDIATED_TYPES:
            event.mediator = self._mediators(sentence, story, exclude=_codes([*actor, *recipient]))
        if event.event == "CONSULT" and event.mediator and event.mode is None:
            event.mode = "third-party"
        event.attribution = self._attribution(head, sentence, story)
        if event.attribution is not None and event.attribution.kind == "accusation":
            event.confidence -= ALLEGATION_PENALTY
        event.auxiliary = _grammatical_modes(head, story.cues)
        _reframe(event, head, sentence, story)
        return event

    def _subject(self, verb: Token, story: _Story, seen: frozenset[int] = frozenset()) -> list[Entity]:
        """Who does what the verb says: its subject, or the one its grammar points to."""
        if verb.i in seen:
            return []
        seen = seen | {verb.i}
        passive = _is_passive(verb)
        for child in verb.children:
            is_agent = child.dep_ in AGENT_DEPS or (child.dep_.startswith("obl") and _case(child) in ("par", "by"))
            if is_agent and passive and (agents := story.entities_between(*_span(child))):
                return agents
        subject_deps = ("nsubj", "csubj", "expl:subj") if passive else ("nsubj", "csubj", "expl:subj", "nsubj:pass")
        for child in verb.children:
            if child.dep_ in subject_deps:
                return self._resolve(child, verb, story, seen)
        if passive:
            # "deux soldats ont été tués": by whom, the sentence does not say — unless it names the act that
            # did it ("killed in police firing", "killed when troops opened fire").
            return self._doer_of_cause(verb, story, seen)
        head = verb.head
        if verb.dep_ == "conj" and head != verb:
            return self._subject(head, story, seen)
        if verb.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN") and (doers := story.entities_between(*_span(head))):
            return doers  # "police firing on the mob", "gunmen shooting at passers-by"
        if verb.dep_ in ("xcomp", "advcl", "acl", "obl", "ccomp", "acomp") and head != verb:
            if _lemma(head) in story.cues.accusation:
                accused = [c for c in head.children if c.dep_ in ("obj", "dobj") and c.pos_ != "PRON"]
                if accused:
                    return story.entities_between(*_span(accused[0]))
            return self._subject(head, story, seen)
        if verb.dep_ in ("acl:relcl", "relcl", "acl") and head != verb:
            return story.entities_between(*_span(head))
        return []

    def _doer_of_cause(self, verb: Token, story: _Story, seen: frozenset[int]) -> list[Entity]:
        """Who did the act a passive clause names as its cause: the subject of a "when" clause, or the
        modifier of an "in/during" noun ("in police firing", "lors d'une frappe israélienne")."""
        for child in verb.children:
            if child.dep_ == "advcl" and (doers := self._subject(child, story, seen)):
                return doers
            if child.dep_.split(":")[0] in ("obl", "prep", "nmod") and (_case(child) or "") in CAUSE_CASES:
                target = next((c for c in child.children if c.dep_ == "pobj"), child)
                armed = [
                    e
                    for e in story.entities_between(target.idx, target.idx + len(target.text))
                    if e.sector in ARMED_SECTORS
                ]
                if armed:
                    return armed  # "killed in police firing" parsed as "in police", "firing" hanging from it
                for modifier in target.children:
                    by_agent = modifier.dep_.split(":")[0] in ("prep", "nmod") and _case(modifier) in ("by", "par")
                    if (modifier.dep_ in ("compound", "amod", "poss") or by_agent) and (
                        doers := story.entities_between(*_span(modifier))
                    ):
                        return doers  # "in police firing", "in firing by the police", "lors d'une frappe israélienne"
        return []

    def _resolve(self, subject: Token, verb: Token, story: _Story, seen: frozenset[int]) -> list[Entity]:
        """A subject's entities; pronouns and "the two sides" point elsewhere."""
        named = story.entities_between(*_span(subject))
        if named:
            return named
        if _lemma(subject) in story.cues.pair_anaphora or any(
            _lemma(t) in story.cues.pair_anaphora for t in subject.subtree
        ):
            return list(story.main_pair)
        if subject.pos_ == "PRON" and subject.lower_ in RELATIVE_PRONOUNS:
            return story.entities_between(*_span(verb.head)) if verb.head != verb else []
        if subject.pos_ == "PRON":
            speaker = _governing_speech(verb, story.cues)
            if speaker is not None:
                return self._subject(speaker, story, seen)
        return []

    def _verb_arguments(
        self, verb: Token, story: _Story, phrase: Sequence[Token] = ()
    ) -> tuple[list[Entity], list[Entity]]:
        """Subject as actor; object, passive subject or a "to/against/with" complement as recipient — of
        the verb or of the other words of its trigger phrase ("halted economic aid to Serbia")."""
        actor = self._subject(verb, story)
        recipient: list[Entity] = []
        for child in verb.children:
            passive_subject = child.dep_ in ("nsubj:pass", "nsubjpass") and _is_passive(verb)
            if passive_subject or child.dep_.split(":")[0] in ("obj", "dobj", "iobj", "dative"):
                recipient.extend(story.entities_between(*_span(child)))
        for word in [verb, *(token for token in phrase if token != verb)]:
            for child in word.children:
                if child.dep_.split(":")[0] not in ("obl", "prep", "nmod"):
                    continue
                target = next((c for c in child.children if c.dep_ == "pobj"), child)
                if (_case(child) or "") in RECIPIENT_CASES:
                    recipient.extend(story.entities_between(*_span(target)))
                else:
                    # "called for sanctions against Nigeria": the complement's own "against" names the recipient.
                    for inner in target.children:
                        if inner.dep_.split(":")[0] in ("prep", "nmod") and (_case(inner) or "") in RECIPIENT_CASES:
                            recipient.extend(story.entities_between(*_span(inner)))
        if not recipient:
            # "demanded that North Korea abandon its programme", "exige que Bakou retire ses troupes": the one
            # asked, accused or refused is the subject of the clause the verb governs.
            for clause in (child for child in verb.children if child.dep_ == "ccomp"):
                for subject in (c for c in clause.children if c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass")):
                    recipient.extend(story.entities_between(*_span(subject)))
        return _unique(actor), _unique(recipient)

    def _noun_arguments(self, noun: Token, story: _Story, *, two_sided: bool) -> tuple[list[Entity], list[Entity]]:
        actor: list[Entity] = []
        recipient: list[Entity] = []
        for child in noun.children:
            case = _case(child) or ""
            target = next((c for c in child.children if c.dep_ == "pobj"), child)
            if child.dep_ == "amod" or child.dep_ == "compound":
                actor.extend(story.entities_between(*_span(child)))
            elif child.dep_.split(":")[0] in ("nmod", "prep", "obl"):
                entities = story.entities_between(*_span(target))
                if not entities and any(_lemma(t) in story.cues.pair_anaphora for t in target.subtree):
                    entities = list(story.main_pair)
                if two_sided and case not in PARTY_CASES:
                    continue  # "les affrontements liés à l'invasion de l'Ukraine": not a party to them
                if two_sided and case in PARTY_CASES:
                    actor.extend(entities)
                elif case in AGENT_CASES:
                    # "l'offensive de la Russie", not "a suspension of air links with Serbia": the doer heads
                    # the complement, it is not named deeper inside it.
                    actor.extend(story.entities_between(*_span(target, without=(*CLAUSE_DEPS, "prep", "nmod"))))
                elif case in RECIPIENT_CASES:
                    recipient.extend(entities)
        governor = noun.head
        if two_sided and not actor and noun.dep_ in SUBJECT_DEPS and governor != noun:
            # "fighting broke out between the army and the RSF": the parties hang from the verb.
            for child in governor.children:
                if child.dep_.split(":")[0] in ("nmod", "prep", "obl") and (_case(child) or "") in PARTY_CASES:
                    target = next((c for c in child.children if c.dep_ == "pobj"), child)
                    actor.extend(story.entities_between(*_span(target)))
        light = governor != noun and _lemma(governor) in story.cues.light_verbs
        reaction = _reacts_to(governor, story.cues)
        if not actor and not reaction and (light or not two_sided) and noun.dep_.split(":")[0] in ("obj", "dobj"):
            # "imposed a curfew", "announced a suspension of air links": the verb's subject does it.
            actor = self._subject(governor, story)
        if not actor and noun.dep_ == "acl" and governor.pos_ in ("NOUN", "PROPN"):
            actor = story.entities_between(governor.idx, governor.idx + len(governor.text))  # "police firing"
        clause = _clause_verb(noun)
        adverbial = noun.dep_.split(":")[0] not in (*SUBJECT_DEPS, "obj", "dobj", "nmod", "appos", "conj")
        if not actor and not two_sided and adverbial and clause is not None:
            # "Lors de pourparlers à Bruxelles, A et B ont convenu …": the clause's subject took part.
            actor = self._subject(clause, story)
        return _unique(actor), _unique(recipient)

    def _mediators(self, sentence: Span, story: _Story, *, exclude: frozenset[str]) -> list[Entity]:
        """Third parties named as brokering: "sous la médiation de l'UE", "médiation russe", "brokered by"."""
        mediators: list[Entity] = []
        for token in sentence:
            if _lemma(token) not in story.cues.mediation:
                continue
            if token.pos_ in ("NOUN", "PROPN"):
                for child in token.children:
                    if child.dep_ in ("amod", "nmod", "prep", "compound"):
                        target = next((c for c in child.children if c.dep_ == "pobj"), child)
                        mediators.extend(story.entities_between(*_span(target)))
            elif token.pos_ == "VERB":
                mediators.extend(self._subject(token, story))
        return [entity for entity in _unique(mediators) if entity.code not in exclude]

    def _attribution(self, head: Token, sentence: Span, story: _Story) -> Attribution | None:
        """Who says so: "selon X", a speech verb governing the event, or one inserted in a quotation."""
        clause = [head, *head.ancestors]
        for token in clause:
            for child in token.children:
                if _lemma(child) in ("selon", "according", "d'après") or (
                    child.dep_ in ("obl", "prep", "nmod", "obl:mod") and _case(child) in ("selon", "according")
                ):
                    source = story.entities_between(*_span(child))
                    text = story.text[_span(child)[0] : _span(child)[1]]
                    return Attribution(source=source[0] if source else None, text=text, kind="statement")
        for ancestor in head.ancestors:
            lemma = _lemma(ancestor)
            if lemma in story.cues.accusation or lemma in story.cues.speech:
                return self._speaker(ancestor, story, lemma in story.cues.accusation)
        root = sentence.root
        for child in root.children:
            # "…, a annoncé l'armée": a speech verb set after the clause it reports (French inversion).
            inserted = child.dep_.startswith("parataxis") or (child.dep_ == "conj" and child.i > head.i)
            if inserted and _lemma(child) in story.cues.speech and child != head:
                return self._speaker(child, story, False)
        return None

    def _speaker(self, verb: Token, story: _Story, accusation: bool) -> Attribution:
        inverted = [c for c in verb.children if c.dep_ in ("obj", "dobj") and c.i > verb.i]
        has_subject = any(c.dep_ in SUBJECT_DEPS for c in verb.children)
        if not has_subject and inverted and verb.head.i < verb.i:
            speakers = story.entities_between(*_span(inverted[0]))  # "…, a annoncé l'armée malienne"
            start, end = verb.idx, _span(inverted[0])[1]
        else:
            speakers = self._subject(verb, story)
            start, end = _span(
                verb, without=("ccomp", "xcomp", "obj", "advcl", "parataxis", "acl:relcl", "conj", "punct")
            )
        kind = (
            "accusation"
            if accusation
            else ("claim" if _lemma(verb) in ("affirmer", "claim", "prétendre") else "statement")
        )
        return Attribution(source=speakers[0] if speakers else None, text=story.text[start:end], kind=kind)

    def _ceasefires(self, sentence: Span, story: _Story, coded: list[_Found | None]) -> list[_Found | None]:
        """Ceasefires agreed or brokered in the sentence, as AGREE events between their parties."""
        found: list[_Found | None] = []
        for token in sentence:
            if _lemma(token) not in story.cues.ceasefire:
                continue
            linked = [*token.ancestors, *token.children, *token.head.children]
            if not any(_lemma(t) in story.cues.ceasefire_agreement for t in linked if t != token):
                continue
            parties: list[Entity] = []
            for child in [*token.children, *token.head.children]:
                if child.dep_.split(":")[0] in ("nmod", "obl", "prep") and (_case(child) or "") in PARTY_CASES:
                    target = next((c for c in child.children if c.dep_ == "pobj"), child)
                    parties.extend(story.entities_between(*_span(target)))
            confidence = CONFIDENCE_BOTH_ARGUMENTS
            agreeing = next(
                (a for a in token.ancestors if a.pos_ == "VERB" and _lemma(a) in story.cues.ceasefire_agreement), None
            )
            if not parties and agreeing is not None and _lemma(agreeing) not in story.cues.mediation:
                # "the army and the RSF agreed to a ceasefire": those who agree to it are its parties, unless
                # they only brokered it ("Egypt brokered a truce").
                parties = self._subject(agreeing, story)
            if not parties:
                parties, confidence = list(story.main_pair), CONFIDENCE_INFERRED_PARTIES
            if not parties:
                continue
            # Drop the AGREE the lexicon found on the same words ("accord"): this one says more.
            for index, other in enumerate(coded):
                if other is not None and other.event == "AGREE" and other.sentence == sentence:
                    coded[index] = None
            match = TriggerMatch((token,), Trigger(event="AGREE", context=("military",)))
            event = _Found(
                match=match,
                sentence=sentence,
                actor=_unique(parties),
                recipient=[],
                event="AGREE",
                confidence=confidence,
            )
            event.mediator = self._mediators(sentence, story, exclude=_codes(parties))
            broker = token.head if token.head.pos_ == "VERB" else None
            if broker is not None and not event.mediator:
                event.mediator = [e for e in self._subject(broker, story) if e.code not in _codes(parties)]
            event.attribution = self._attribution(token, sentence, story)
            event.auxiliary = _grammatical_modes(token, story.cues)
            event.ceasefire = CeasefireTerms(effective=_effective_time(sentence, story))
            found.append(event)
        return found


def _naming_events(matches: list[TriggerMatch], times: Sequence[TimeMention]) -> list[TriggerMatch]:
    """The matches that name an event, not a kind of thing or a date: "truce monitors" and "aid workers" are
    monitors and workers (unless that noun is a trigger too), "March 22" is a day. A participle ("the arrested
    men") still tells its event."""
    heads = {match.head for match in matches}
    return [
        match
        for match in matches
        if not (
            len(match.tokens) == 1
            and match.head.dep_ == "compound"
            and match.head.head.pos_ in ("NOUN", "PROPN")
            and match.head.head not in heads
        )
        and match.head.ent_type_ not in ("DATE", "TIME")
        and not any(time.start <= match.head.idx < time.end for time in times)
    ]


def _guessed_triggers(
    sentence: Span, reading: SentenceReading, matches: Sequence[TriggerMatch], cues: LanguageCues
) -> list[TriggerMatch]:
    """The event the classifier reads in a sentence, where the lexicon found none of its type: when the
    classifier is fairly sure, and much surer of it than of what the lexicon found."""
    types = reading.plover.by_type()
    best = max(types, key=lambda name: types[name])
    if best == NO_EVENT_LABEL or any(match.trigger.event == best for match in matches):
        return []
    listed = max((types.get(match.trigger.event, 0.0) for match in matches), default=0.0)
    if types[best] < max(GUESS_THRESHOLD, listed + OVERRULE_MARGIN if matches else 0.0):
        return []
    two_sided = best == "ASSAULT" and reading.acled.best[0] == "Armed clash"
    anchor = _main_verb(sentence, best, cues)
    if any(anchor in match.tokens for match in matches):
        return []  # the lexicon read that word already, as another type
    trigger = Trigger(event=best, mode=reading.plover.best_mode(best), two_sided=two_sided, guessed=True)
    return [TriggerMatch((anchor,), trigger)]


def _main_verb(sentence: Span, event_type: str, cues: LanguageCues) -> Token:
    """The word that names a guessed event: the sentence's root, or where the root only reports speech ("…, a
    statement said"), the verb of what is reported, unless the event is the speaking itself (a demand, a threat)."""
    verb = sentence.root
    while event_type not in SPOKEN_TYPES and _lemma(verb) in cues.speech:
        reported = next((c for c in verb.children if c.dep_ in ("ccomp", "xcomp", "parataxis")), None)
        if reported is None:
            break
        verb = reported
    return verb


def _weigh(event: _Found, reading: SentenceReading) -> None:
    """Move an event's confidence by how probable the classifier finds its type in its sentence."""
    event.reading = reading
    probability = reading.plover.by_type().get(event.event, 0.0)
    event.confidence += READING_WEIGHT * (probability - 0.5)
    if event.match.trigger.guessed:
        event.confidence -= GUESS_PENALTY


def _accident(event: _Found, reading: SentenceReading | None) -> bool:
    """An explosion, a crash or a spill that no one is said to have caused, in a sentence that reads as a
    disaster: not an attack by unidentified attackers."""
    return reading is not None and _unidentified(event.actor) and is_disaster_category(reading.acled.best[0])


def _rank_subordinates(coded: Sequence[_Found]) -> None:
    """Lower each event whose clause hangs from another event's clause, or that another event's clause names in
    a prepositional phrase: it tells that event's aim, cause or background ("staged demonstrations to demand
    reforms", "accused X of trying to advance", "closed its borders because of the fighting")."""
    clauses = [_own_clause(event.match.head) for event in coded]
    heads = {event.match.head for event in coded}
    for event, clause in zip(coded, clauses, strict=True):
        governed = any(other != clause and other in clause.ancestors for other in clauses)
        circumstance = _adverbial_noun(event.match.head) and clause in heads - {event.match.head}
        if governed or circumstance:
            event.confidence -= SUBORDINATE_PENALTY


def _adverbial_noun(token: Token) -> bool:
    """An event noun in a prepositional phrase: the cause, time or setting of its clause ("closed its borders
    because of the fighting")."""
    return token.pos_ in ("NOUN", "PROPN") and (token.dep_ == "pobj" or token.dep_.split(":")[0] in ("obl", "nmod"))


def _own_clause(token: Token) -> Token:
    """The verb heading the clause of a trigger word (the word itself when it is a verb)."""
    return token if token.pos_ in ("VERB", "AUX") else _clause_verb(token) or token


def _is_passive(verb: Token) -> bool:
    """A passive clause: a passive auxiliary or an agent (not a pronominal verb, which French parses
    alike), or a past participle modifying a noun ("un cessez-le-feu négocié par la Russie")."""
    if any(child.lower_ in ("se", "s'") for child in verb.children):
        return False
    if any(child.dep_ in ("aux:pass", "auxpass", *AGENT_DEPS) for child in verb.children):
        return True
    past_participle = verb.tag_ == "VBN" or (
        "Part" in verb.morph.get("VerbForm") and "Past" in verb.morph.get("Tense") and verb.tag_ != "VBG"
    )
    return verb.dep_ == "acl" and past_participle  # not "police firing on the crowd"


def _reframe(event: _Found, head: Token, sentence: Span, story: _Story) -> None:
    """What surrounds an action can change its PLOVER type: refusing or failing to do it is REJECT,
    doing it "unless" something happens is THREATEN, a speaker saying others "must" do it is REQUEST,
    promising to support, cooperate, aid, meet or withdraw is AGREE (the manual's rule for futures) while
    saying one will not is REJECT, and civilians blocking a road or a bridge protest."""
    cues = story.cues
    governors = [a for a in head.ancestors if a.pos_ in ("VERB", "AUX")][:1]
    after = normalise_for_processing(story.text[head.idx : sentence.end_char]).lower()
    if any(_lemma(g) in cues.refusal for g in governors):
        event.event, event.mode = "REJECT", None
    elif any(f" {phrase} " in f" {after} " for phrase in cues.condition):
        event.event, event.mode = "THREATEN", None
    elif any(
        _lemma(t) in cues.obligation for t in [*head.children, *governors] if t.dep_.startswith("aux") or t in governors
    ):
        speaker = event.attribution.source if event.attribution else None
        if speaker is not None and (speaker.code, speaker.sector) not in {(e.code, e.sector) for e in event.actor}:
            event.event, event.mode = "REQUEST", None
            event.actor, event.recipient = [speaker], event.actor
    elif {"future", "negation"} <= event.auxiliary and event.event in {"AGREE", *FUTURE_IS_AGREE}:
        event.event, event.mode = "REJECT", None  # "will not accept refugees", "would not meet their demands"
    elif "future" in event.auxiliary and event.event in FUTURE_IS_AGREE:
        event.event, event.mode = "AGREE", None
    elif event.auxiliary & {"future", "hypothetical"} and event.event in FUTURE_IS_THREAT:
        threatened = THREAT_MODES.get((event.event, event.mode)) or THREAT_MODES[(event.event, None)]
        event.event, event.mode = "THREATEN", threatened
    if event.event == "COERCE" and event.mode in (None, "restrict") and _civilians(event.actor):
        event.event, event.mode = "PROTEST", "obstruct"  # a state restricts; people who block a road protest
    if event.auxiliary & {"future", "hypothetical", "negation"}:
        event.confidence -= UNREALISED_PENALTY  # what did not (yet) happen is less the sentence's news


def _names_an_event(word: Token, cues: LanguageCues) -> bool:
    """A word that is a trigger of its own ("will investigate the killing": the investigation is to come, not
    the killing)."""
    return any(len(lemmas) == 1 for lemmas, _ in cues.phrases.get(_lemma(word), []))


def _reacts_to(verb: Token, cues: LanguageCues) -> bool:
    """A verb that tells a reaction to what its object names ("condemned the attack", "demanded a ceasefire"):
    its subject is not the object's doer."""
    return any(
        len(lemmas) == 1 and trigger.event in REACTION_TYPES for lemmas, trigger in cues.phrases.get(_lemma(verb), [])
    )


def _civilians(entities: Sequence[Entity]) -> bool:
    """Actors who are all known to be neither a state nor armed (workers, students, a crowd)."""
    sectors = [entity_sectors(entity) for entity in entities]
    return bool(sectors) and all(found and not found & (STATE_SECTORS | ARMED_SECTORS) for found in sectors)


def _is_reciprocal(head: Token) -> bool:
    """ "se sont accusés", "accused each other": the subjects are also the recipients."""
    reflexive = any(
        c.dep_ in ("expl:comp", "expl:pv", "obj", "iobj") and c.lower_ in ("se", "s'") for c in head.children
    )
    each_other = "each other" in head.sent.text.lower() or "one another" in head.sent.text.lower()
    subjects = [c for c in head.children if c.dep_ in SUBJECT_DEPS]
    plural = any(any(gc.dep_ == "conj" for gc in s.children) for s in subjects)
    return (reflexive and plural) or each_other


def _governing_speech(verb: Token, cues: LanguageCues) -> Token | None:
    for ancestor in verb.ancestors:
        if _lemma(ancestor) in cues.speech:
            return ancestor
    return None


def _grammatical_modes(head: Token, cues: LanguageCues) -> set[AuxiliaryMode]:
    """Negation, hypothesis and future from the trigger's own grammar and the verbs that govern it
    ("threatened to strike": the strike is hypothetical; "promised to send": it is in the future). An event
    noun takes the tense of the verb it is the object of ("will extend the curfew"); a conditional in reported
    speech is the future of the past ("said it would allow", "a dit qu'il retirerait"), unless an "if" makes
    it a condition."""
    modes: set[AuxiliaryMode] = set()
    clause = head
    if (
        head.pos_ not in ("VERB", "AUX")
        and head.dep_.split(":")[0] in ("obj", "dobj")
        and head.head != head
        and not _names_an_event(head.head, cues)
    ):
        clause = head.head
    words = list(dict.fromkeys([*head.children, *clause.children]))
    related = [head, clause, *words]
    governors = [a for a in clause.ancestors if a.pos_ in ("VERB", "AUX", "ADJ")][:2]
    if governors and not _names_an_event(governors[0], cues):
        # "will not hesitate in arresting": the verb the act hangs from sets when it happens.
        related.extend(c for c in governors[0].children if c.dep_.startswith("aux"))
    governed_as_hypothesis = any(_lemma(g) in cues.hypothetical for g in governors)
    if governed_as_hypothesis:
        modes.add("hypothetical")
    if any(_lemma(g) in cues.future for g in governors):
        modes.add("future")
    subjects = [t for t in words if t.dep_ in SUBJECT_DEPS]
    negators = [*words, *(t for subject in subjects for t in subject.children)]  # "not a single one was arrested"
    if any(_lemma(t) in cues.negation and t.dep_ in ("advmod", "neg", "det", "preconj") for t in negators):
        modes.add("negation")
    condition = any(_lemma(t) in cues.hypothetical and t.dep_ == "mark" for t in words)
    conditional = any("Cnd" in t.morph.get("Mood") for t in related) or any(
        _lemma(t) in cues.hypothetical and t.dep_.startswith("aux") for t in words
    )
    if condition or (conditional and (governed_as_hypothesis or _governing_speech(clause, cues) is None)):
        modes.add("hypothetical")
    elif conditional:
        modes.add("future")
    if any("Fut" in t.morph.get("Tense") for t in related) or any(
        _lemma(t) in cues.future and t.dep_ in ("aux", "amod") for t in related
    ):
        modes.add("future")
    return modes


def _main_pair(actors: Sequence[ActorMention]) -> list[Entity]:
    """The two countries the story is most about, when two stand out: "the two sides" refers to them."""
    counts = Counter(
        m.entity.code for m in actors if m.entity.code and len(m.entity.code) == 3 and m.entity.code.isalpha()
    )
    top = [code for code, count in counts.most_common(2) if count >= 2]
    if len(top) < 2:
        return []
    first = {m.entity.code: m.entity for m in reversed(actors)}
    return [Entity(entity_text=first[code].entity_text, code=code, sector=None) for code in top]


def _named_spans(actors: Sequence[ActorMention]) -> list[tuple[int, int]]:
    return [(m.entity.start, m.entity.end) for m in actors if m.entity.start is not None and m.entity.end is not None]


def _unknown_names(doc: Doc, text: str, actors: Sequence[ActorMention]) -> list[Entity]:
    """Organisations and people the model names but no dictionary knows: actors without a code."""
    known = _named_spans(actors)
    return [
        Entity(entity_text=text[ent.start_char : ent.end_char], start=ent.start_char, end=ent.end_char)
        for ent in doc.ents
        if ent.label_ in UNKNOWN_ACTOR_LABELS and not any(a < ent.end_char and ent.start_char < b for a, b in known)
    ]


def _home_country(actors: Sequence[ActorMention], places: Sequence[PlaceMention]) -> str | None:
    """The country the story happens in: the one most of its towns and provinces lie in, when one leads;
    failing that, the country it names more often than any other. "The army" of a story set in El Fasher is
    Sudan's, however often the Saudi mediators are named."""
    local = Counter(
        m.place.country_code
        for m in places
        if not m.metonymic and m.place is not None and m.place.country_code and (m.place.resolution or 1) >= 2
    )
    named = Counter(m.entity.code for m in actors if m.kind in ("country", "capital") and m.entity.code)
    for counts in (local, named):
        leading = counts.most_common(2)
        if leading and (len(leading) == 1 or leading[0][1] > leading[1][1]):
            return leading[0][0]
    return None


def _qualified_by_kind(doc: Doc, text: str, actors: Sequence[ActorMention], cues: LanguageCues) -> list[ActorMention]:
    """A country named as the adjective of an actor's kind ("Afghan rebels", "la police indienne", "French
    farmers") is that kind of actor of that country: the mention takes the kind's sector and the whole phrase."""
    by_start = {m.entity.start: m for m in actors if m.entity.sector is None and m.entity.start is not None}
    qualified = {}
    for token in doc:
        sector = cues.generic_actors.get(_lemma(token))
        if sector is None or token.pos_ not in ("NOUN", "PROPN"):
            continue
        for child in token.children:
            mention = by_start.get(child.idx)
            if mention is None or child.dep_ not in ("amod", "compound", "nmod", "nmod:poss"):
                continue
            start, end = min(child.idx, token.idx), max(child.idx + len(child.text), token.idx + len(token.text))
            entity = mention.entity.model_copy(
                update={"sector": sector, "entity_text": text[start:end], "start": start, "end": end}
            )
            qualified[id(mention)] = mention.model_copy(update={"entity": entity})
    return [qualified.get(id(mention), mention) for mention in actors]


def _generic_actors(
    doc: Doc, text: str, actors: Sequence[ActorMention], cues: LanguageCues, home: str | None
) -> list[Entity]:
    """ "la police", "the army": the sector from the lexicon, the code of the story's country if one stands out."""
    named = _named_spans(actors)
    found = []
    for token in doc:
        sector = cues.generic_actors.get(_lemma(token))
        if sector is None or token.pos_ not in ("NOUN", "PROPN") or any(a <= token.idx < b for a, b in named):
            continue
        found.append(
            Entity(
                entity_text=text[token.idx : token.idx + len(token.text)],
                code=home,
                sector=sector,
                start=token.idx,
                end=token.idx + len(token.text),
            )
        )
    return found


def _times_in(sentence: Span, story: _Story) -> list[TimeMention]:
    return [t for t in story.times if sentence.start_char <= t.start < sentence.end_char]


def _effective_time(sentence: Span, story: _Story) -> EventTime | None:
    for mention in _times_in(sentence, story):
        before = normalise_for_processing(
            story.text[max(sentence.start_char, mention.start - 25) : mention.start]
        ).lower()
        if any(cue in before for cue in story.cues.effective):
            precise = [
                t for t in _times_in(sentence, story) if t.value.precision == "hour" and t.start >= mention.start
            ]
            return (precise[-1] if precise else mention).value
    return None


def _date_events(
    coded: list[_Found], sentence: Span, story: _Story, narrative: EventTime | None
) -> tuple[list[_Found], EventTime | None]:
    """Give each event its time; return the events (one per time for "two wars, in the 1990s and in 2020")
    and the sentence's explicit time, which the next sentence may continue.

    An event takes a time expression inside its own phrase first, else the nearest one that no other
    event's phrase holds ("the shootings since the 2020 war": 2020 is the war's); else the time the
    story is telling, when this sentence refers back to the previous one; else the publication date.
    """
    mentions = _times_in(sentence, story)
    explicit = next((m.value for m in mentions if not m.relative), None)
    dated: list[_Found] = []
    for event in coded:
        head = event.match.head
        own_start, own_end = head.left_edge.idx, head.right_edge.idx + len(head.right_edge.text)
        claimed = [
            (other.match.head.left_edge.idx, other.match.head.right_edge.idx + len(other.match.head.right_edge.text))
            for other in coded
            if other is not event
            and other.match.head.pos_ in ("NOUN", "PROPN")
            and head not in other.match.head.subtree
        ]
        own = [m for m in mentions if own_start <= m.start < own_end and not any(a <= m.start < b for a, b in claimed)]
        occasion = [  # "lors de pourparlers en mai": the time of the occasion the clause happened at
            m
            for other in coded
            if other is not event and _clause_verb(other.match.head) == head
            for m in mentions
            if other.match.head.left_edge.idx <= m.start <= other.match.head.right_edge.idx
        ]
        free = own or [m for m in mentions if not any(a <= m.start < b for a, b in claimed)] or occasion
        if not free and _tells_the_past(head):
            # "Six semaines de combats à l'automne 2020 … se sont terminés par un cessez-le-feu": the
            # sentence's own period, rather than the publication date, for a clause in a past tense.
            free = [m for m in mentions if not m.relative]
        if len(own) > 1 and _is_plural(head):
            copies = [_dated_copy(event, mention.value, story, _told_as_past_period(mention)) for mention in own]
            dated.extend(copies)
            continue
        past_period = False
        if free:
            nearest = min(free, key=lambda m: abs(m.start - head.idx))
            past_period = _told_as_past_period(nearest)
            event.time = _as_night(nearest, story.cues)
            event.time_rank = TIME_OF_OWN_PHRASE if own else TIME_OF_SENTENCE
        elif narrative is not None:
            event.time, event.time_rank = narrative, TIME_OF_SENTENCE
        elif story.published is not None:
            event.time = EventTime(start=story.published, precision="day")
        dated.append(_dated_copy(event, event.time, story, past_period))
    return dated, explicit


def _as_night(mention: TimeMention, cues: LanguageCues) -> EventTime:
    """ "vers minuit, heure locale": the night from the day before to the day itself, at day precision."""
    value = mention.value
    at = value.start
    is_midnight = isinstance(at, datetime) and at.tzinfo is None and (at.hour, at.minute) == (0, 0)
    if not is_midnight or not any(word in mention.text.lower() for word in cues.midnight):
        return value
    return EventTime(start=at.date() - timedelta(days=1), end=at.date(), precision="day", text=mention.text)


def _dated_copy(event: _Found, time: EventTime | None, story: _Story, past_period: bool) -> _Found:
    copy = replace(event, time=time, auxiliary=set(event.auxiliary), casualties=dict(event.casualties))
    if past_period or (time is not None and story.published is not None and _ended_before(time, story.published)):
        copy.auxiliary.add("historical")
    return copy


def _clause_verb(token: Token) -> Token | None:
    """The verb of the clause a word belongs to."""
    for ancestor in token.ancestors:
        if ancestor.pos_ in ("VERB", "AUX"):
            return ancestor
    return None


def _tells_the_past(token: Token) -> bool:
    verb = token if token.pos_ in ("VERB", "AUX") else _clause_verb(token)
    if verb is None:
        return False
    tenses = set(verb.morph.get("Tense"))
    for child in verb.children:
        if child.dep_.startswith("aux"):
            tenses |= set(child.morph.get("Tense"))
    return verb.tag_ in ("VBD", "VBN") or bool(tenses & {"Past", "Imp", "Pqp"})


def _is_plural(token: Token) -> bool:
    numbers = [child for child in token.children if child.dep_ == "nummod" and child.like_num]
    return "Plur" in token.morph.get("Number") and (bool(numbers) or token.tag_ == "NNS")


def _refers_back(sentence: Span) -> bool:
    """A sentence that continues the previous one's story: "cet accord", "the conflict that followed"."""
    return any(
        (token.pos_ == "DET" and "Dem" in token.morph.get("PronType")) or _lemma(token) in ("suivre", "follow")
        for token in sentence
    )


def _fold_within_sentence(coded: list[_Found]) -> list[_Found]:
    """Two triggers of one sentence that tell one event become one: a relative clause about an event
    ("des coups de feu qui ont tué 49 personnes"), or a phrase inside another ("tué ... lors d'une
    fusillade")."""
    kept: list[_Found] = []
    for event in coded:
        host = next((other for other in kept if _same_event(other, event)), None)
        if host is None:
            kept.append(event)
        else:
            _absorb(host, event)
    return kept


def _same_event(first: _Found, second: _Found) -> bool:
    if first.event != second.event or (first.ceasefire is None) != (second.ceasefire is None):
        return False
    a, b = first.match.head, second.match.head
    if _governs(a, b) or _governs(b, a):
        return True
    return _relative_antecedent(b) in first.match.tokens


def _relative_antecedent(token: Token) -> Token | None:
    """The noun a relative clause is about ("des coups de feu qui ont commencé … et qui ont tué …")."""
    clause = token
    while clause.dep_ == "conj" and clause.head != clause:
        clause = clause.head
    if clause.dep_ in ("acl:relcl", "relcl") and clause.head != clause:
        return clause.head
    return None


def _governs(head: Token, dependent: Token, levels: int = 2) -> bool:
    """Whether `dependent` hangs from `head` within a couple of links ("tué ... lors d'une fusillade")."""
    for _ in range(levels):
        if dependent.head == dependent:
            return False
        dependent = dependent.head
        if dependent == head:
            return True
    return False


def _absorb(host: _Found, other: _Found) -> None:
    """Fold `other`'s details into `host`, keeping the more specific of each."""
    if not host.actor or (_unidentified(host.actor) and other.actor and not _unidentified(other.actor)):
        host.actor = other.actor
    host.recipient = _unique([*host.recipient, *other.recipient])
    host.mediator = _unique([*host.mediator, *other.mediator])
    host.mode = host.mode or other.mode
    if other.location is not None and (
        host.location is None or _BASIS_RANK[other.location.basis] < _BASIS_RANK[host.location.basis]
    ):
        host.location = other.location  # the report that says where beats the one where treve guessed
    if other.attribution is not None and (host.attribution is None or host.attribution.kind == "accusation"):
        host.attribution = other.attribution
    host.confidence = max(host.confidence, other.confidence)


def _ended_before(time: EventTime, published: date) -> bool:
    last = time.end or time.start
    last_day = last.date() if isinstance(last, datetime) else last
    return last_day < published - HISTORICAL_AFTER


def _told_as_past_period(mention: TimeMention) -> bool:
    """ "la semaine dernière", "last month": a period the story sets in the past, background news."""
    return mention.anchor == "past" and mention.value.precision in ("week", "month", "season", "year", "decade")


def _attach_casualties(coded: list[_Found], sentence: Span, story: _Story) -> None:
    """Each casualty figure of the sentence goes to the nearest violent event of that sentence."""
    violent = [event for event in coded if event.event == "ASSAULT"] or [
        event for event in coded if event.event == "COERCE" and event.mode == "arrest"
    ]
    for mention in story.casualties:
        if not (sentence.start_char <= mention.start < sentence.end_char) or not violent:
            continue
        nearest = min(violent, key=lambda event: abs(event.match.head.idx - mention.start))
        current = nearest.casualties.get(mention.kind)
        if current is None or _more_specific(mention.count, current):
            nearest.casualties[mention.kind] = mention.count


def _more_specific(new: Count, old: Count) -> bool:
    return (old.qualifier == "vague") and new.qualifier != "vague"


def _compatible_times(a: EventTime | None, b: EventTime | None) -> bool:
    if a is None or b is None:
        return True

    def bounds(t: EventTime) -> tuple[date, date]:
        start = t.start.date() if isinstance(t.start, datetime) else t.start
        end = t.end or t.start
        return start, end.date() if isinstance(end, datetime) else end

    (a_start, a_end), (b_start, b_end) = bounds(a), bounds(b)
    return a_start <= b_end + timedelta(days=1) and b_start <= a_end + timedelta(days=1)


def _complete_earlier_ceasefire(found: list[_Found], coded: list[_Found], sentence: Span, story: _Story) -> None:
    """ "The truce takes effect from 06:00 GMT": a sentence that tells when a ceasefire starts without
    coding one of its own speaks of the story's latest ceasefire."""
    if any(event.ceasefire is not None for event in coded):
        return
    if not any(_lemma(token) in story.cues.ceasefire for token in sentence):
        return
    latest = next((event for event in reversed(found) if event.ceasefire is not None), None)
    effective = _effective_time(sentence, story)
    if latest is not None and effective is not None and latest.ceasefire.effective is None:  # type: ignore[union-attr]
        latest.ceasefire = CeasefireTerms(effective=effective)
        latest.retold_in.append(sentence)


def _fought_elsewhere(event: _Found, story: _Story) -> bool:
    """A fight that names no side is the story's main pair's only where their countries are: "la guerre en
    Ukraine" in a story about Armenia and Azerbaijan is someone else's war."""
    if not event.parties_inferred or event.location is None or not event.location.stated:
        return False
    place = event.location.mention.place
    country = place.country_code if place is not None else None
    return country is not None and country not in _codes(story.main_pair)


def _compatible_places(a: EventLocation | None, b: EventLocation | None) -> bool:
    """Two reports whose sentences each say where, and say places far apart, tell two events (police fired in
    Bhavnagar and in Surat); a guessed place never keeps reports apart."""
    if a is None or b is None or not (a.stated and b.stated):
        return True
    first, second = a.mention.place, b.mention.place
    if first is None or second is None or None in (first.lat, first.lon, second.lat, second.lon):
        return a.mention.text.lower() == b.mention.text.lower()
    return distance_km(first.lat, first.lon, second.lat, second.lon) <= SAME_PLACE_KM  # type: ignore[arg-type]


def _merge_reports(events: Iterable[_Found]) -> list[_Found]:
    """Reports of one event inside one article become one record (same type, parties, time)."""
    merged: list[_Found] = []
    for event in events:
        twin = next(
            (
                kept
                for kept in merged
                if kept.event == event.event
                and (kept.ceasefire is None) == (event.ceasefire is None)
                and _parties(kept.actor) == _parties(event.actor)
                and (_parties(kept.recipient) == _parties(event.recipient) or event.event == "ASSAULT")
                and ("historical" in kept.auxiliary) == ("historical" in event.auxiliary)
                and _compatible_times(kept.time, event.time)
                and _compatible_places(kept.location, event.location)
            ),
            None,
        )
        if twin is None:
            merged.append(event)
            continue
        if event.time is not None and (
            twin.time is None
            or (event.time_rank, _PRECISION_RANK[event.time.precision])
            < (twin.time_rank, _PRECISION_RANK[twin.time.precision])
        ):
            twin.time, twin.time_rank = event.time, event.time_rank
        for kind, count in event.casualties.items():
            if kind not in twin.casualties or _more_specific(count, twin.casualties[kind]):
                twin.casualties[kind] = count
                twin.attribution = event.attribution or twin.attribution
        if event.ceasefire is not None and event.ceasefire.effective is not None:
            twin.ceasefire = event.ceasefire
        twin.retold_in.extend(s for s in [event.sentence, *event.retold_in] if s != twin.sentence)
        _absorb(twin, event)
    return merged


def _record(event: _Found, story: _Story, event_id: str) -> Event:
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
        actor=_one_per_code(event.actor),
        recipient=_one_per_code(event.recipient),
        mediator=_one_per_code(event.mediator),
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

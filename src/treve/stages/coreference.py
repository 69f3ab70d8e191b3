"""Coreference: the mentions of one article that tell the same real-world event become one event.

Two mentions of one sentence fold into one when one is part of the other (a relative clause about the event, a
phrase inside it); across sentences, reports of one event (same type, parties, compatible time and place) merge.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from spacy.tokens import Span, Token

from treve.ontology import ARMED_SECTORS, QUAD_CLASS
from treve.records import CeasefireTerms, Entity, EventTime
from treve.resources.gazetteer import distance_km
from treve.resources.story import LogisticModel, load_story_model
from treve.stages.ceasefires import effective_time
from treve.stages.event_location import EventLocation, best_location
from treve.stages.mentions import CONFIDENCE_INFERRED_PARTIES, TIME_FROM_PUBLICATION, Mention, unidentified
from treve.stages.story import Story, codes, unique_entities
from treve.stages.syntax import governs, lemma_of, relative_antecedent

# Distances in sentences count up to this many.
MAX_DISTANCE = 20
# An event whose last telling is further back than this many sentences is not looked at again: news retells
# within far fewer, and a text of thousands of sentences (a dump, a book) is read in linear time.
LINK_WINDOW = 200
# Modes that make a mention something other than the event done: a threat, a hypothesis, a denial.
UNREALISED = frozenset({"future", "hypothetical", "negation"})
# Reports of one event placed further apart than this are two events.
SAME_PLACE_KM = 50
# Sectors that make two parties of one country different parties: its armed forces, police, rebels, militias
# and unidentified attackers fight each other and its civilians.
DISTINCT_SECTORS = ARMED_SECTORS | {"CVL"}
# Dependencies that join two acts side by side rather than one act and what it acts on.
COORDINATION = frozenset({"conj", "parataxis", "advcl", "list", "appos"})
# spaCy's labels of people's names, in the languages' models.
PERSON_LABELS = frozenset({"PER", "PERSON"})


def same_party(first: Entity, second: Entity) -> bool:
    """Whether two coded entities may be one party: one code, and no two different armed or civilian sectors (the
    police and a mob of India are two parties; Armenia and its army may be one)."""
    if first.code != second.code:
        return False
    sectors = {entity.sector for entity in (first, second) if entity.sector in DISTINCT_SECTORS}
    return len(sectors) <= 1


def fold_within_sentence(coded: list[Mention]) -> list[Mention]:
    """Two triggers of one sentence that tell one event become one: a relative clause about an event
    ("des coups de feu qui ont tué 49 personnes"), or a phrase inside another ("tué ... lors d'une
    fusillade")."""
    kept: list[Mention] = []
    for event in coded:
        host = next((other for other in kept if _same_event(other, event) or _one_act(other, event)), None)
        if host is None:
            kept.append(event)
            continue
        if _one_act(host, event) and _takes_as_complement(event.match.head, host.match.head):
            host.event, host.mode = event.event, event.mode
        absorb(host, event)
    return kept


def _one_act(first: Mention, second: Mention) -> bool:
    """Two triggers of one family where one is what the other acts on: "a signé un accord" is the signing
    (SUPPORT), "se sont engagés à des pourparlers" the promise (AGREE); the governing word gives the type."""
    if first.event == second.event or QUAD_CLASS.get(first.event) != QUAD_CLASS.get(second.event):  # type: ignore[call-overload]
        return False
    if (first.ceasefire is None) != (second.ceasefire is None):
        return False
    a, b = first.match.head, second.match.head
    return _takes_as_complement(a, b) or _takes_as_complement(b, a)


def _takes_as_complement(head: Token, dependent: Token) -> bool:
    """`dependent` hangs directly from `head` as what it acts on, not as a second act ("tués et arrêtés")."""
    return dependent.head == head and dependent != head and dependent.dep_ not in COORDINATION


def _same_event(first: Mention, second: Mention) -> bool:
    if first.event != second.event or (first.ceasefire is None) != (second.ceasefire is None):
        return False
    a, b = first.match.head, second.match.head
    if governs(a, b) or governs(b, a):
        return True
    return relative_antecedent(b) in first.match.tokens


def absorb(host: Mention, other: Mention) -> None:
    """Fold `other`'s details into `host`, keeping the more specific of each."""
    if not host.actor or (unidentified(host.actor) and other.actor and not unidentified(other.actor)):
        host.actor = other.actor
    host.recipient = unique_entities([*host.recipient, *other.recipient])
    host.mediator = unique_entities([*host.mediator, *other.mediator])
    host.mode = host.mode or other.mode
    host.location = best_location([host.location, other.location])
    if other.attribution is not None and (host.attribution is None or host.attribution.kind == "accusation"):
        host.attribution = other.attribution
    host.confidence = max(host.confidence, other.confidence)


def _compatible_times(a: EventTime | None, b: EventTime | None) -> bool:
    if a is None or b is None:
        return True

    def bounds(t: EventTime) -> tuple[date, date]:
        start = t.start.date() if isinstance(t.start, datetime) else t.start
        end = t.end or t.start
        return start, end.date() if isinstance(end, datetime) else end

    (a_start, a_end), (b_start, b_end) = bounds(a), bounds(b)
    return a_start <= b_end + timedelta(days=1) and b_start <= a_end + timedelta(days=1)


def _compatible_places(a: EventLocation | None, b: EventLocation | None) -> bool:
    """Two reports whose sentences each say where, and say places far apart, tell two events (police fired in
    Bhavnagar and in Surat); a guessed place never keeps reports apart."""
    if a is None or b is None or not (a.stated and b.stated):
        return True
    first, second = a.mention.place, b.mention.place
    if first is None or second is None or None in (first.lat, first.lon, second.lat, second.lon):
        return a.mention.text.lower() == b.mention.text.lower()
    return distance_km(first.lat, first.lon, second.lat, second.lon) <= SAME_PLACE_KM  # type: ignore[arg-type]


def complete_earlier_ceasefire(found: list[Mention], coded: list[Mention], sentence: Span, story: Story) -> None:
    """A sentence that retells the story's latest ceasefire ("the truce took effect at 06:00 GMT", "the truce
    collapsed") speaks of it: its terms join that ceasefire's, and it codes no ceasefire of its own. So does a
    sentence that names a ceasefire and tells when it starts without coding one."""
    latest = next((event for event in reversed(found) if event.ceasefire is not None), None)
    if latest is None or latest.ceasefire is None:
        return
    retellings = [e for e in coded if e.ceasefire is not None and e.undated and e.time is None]
    for event in [e for e in retellings if _same_sides(e, latest)]:
        latest.ceasefire = _joined_terms(latest.ceasefire, event.ceasefire)  # type: ignore[arg-type]
        latest.retold_in.append(sentence)
        coded.remove(event)
    if any(event.ceasefire is not None for event in coded):
        return
    effective = effective_time(sentence, story)
    if (
        effective is not None
        and latest.ceasefire.effective is None
        and any(story.cues.names_ceasefire(token) for token in sentence)
    ):
        latest.ceasefire = latest.ceasefire.model_copy(update={"effective": effective})
        latest.retold_in.append(sentence)


def _same_sides(retelling: Mention, ceasefire: Mention) -> bool:
    """Whether a retelling may be of that ceasefire: it names one of its parties, or only the story's two sides."""
    sides = codes([*ceasefire.actor, *ceasefire.recipient])
    return retelling.confidence <= CONFIDENCE_INFERRED_PARTIES or bool(codes(retelling.actor) & sides)


def _joined_terms(first: CeasefireTerms, second: CeasefireTerms) -> CeasefireTerms:
    """Each term from the first that gives it."""
    return CeasefireTerms(
        effective=first.effective or second.effective,
        duration=first.duration or second.duration,
        scope=first.scope or second.scope,
        guarantors=first.guarantors or second.guarantors,
        status=first.status or second.status,
    )


def fought_elsewhere(event: Mention, story: Story) -> bool:
    """A fight that names no side is the story's main pair's only where their countries are: "la guerre en
    Ukraine" in a story about Armenia and Azerbaijan is someone else's war."""
    if not event.parties_inferred or event.location is None or not event.location.stated:
        return False
    place = event.location.mention.place
    country = place.country_code if place is not None else None
    return country is not None and country not in codes(story.main_pair)


@dataclass
class StoryEvent:
    """One real-world event of the article: the mentions that tell it, in the order the article tells them, and
    those that only add a detail (a sentence, a toll) because, read alone, they may not report an event."""

    mentions: list[Mention]
    details: list[Mention] = field(default_factory=list)

    @property
    def first(self) -> Mention:
        return self.mentions[0]

    @property
    def event(self) -> str:
        return self.first.event

    def sentences(self) -> list[Span]:
        """Every sentence that tells the event, in the article's order, each once."""
        told = [sentence for mention in self.mentions for sentence in (mention.sentence, *mention.retold_in)]
        told += [mention.sentence for mention in self.details]
        return list(dict.fromkeys(sorted(told, key=lambda sentence: sentence.start)))


def group_mentions(mentions: Sequence[Mention], story: Story, model: LogisticModel | None = None) -> list[StoryEvent]:
    """Each mention, in the article's order, joins the event already told that it most likely retells, or
    starts an event of its own: a definite noun ("l'attaque", "the strike"), a sentence that names no one of its
    own ("five soldiers were killed"), shared parties, place and day are evidence it retells; "another", a
    different place or day, other parties, another time frame or another mode (a threat, a denial) that it
    does not."""
    links = model or load_story_model("coreference")
    events: list[StoryEvent] = []
    for mention in mentions:
        at = story.sentence_number(mention.sentence)
        scored = [
            (links.probability(features), event)
            for event in events
            if at - story.sentence_number(event.mentions[-1].sentence) <= LINK_WINDOW
            and (features := link_features(event.mentions, mention, story)) is not None
        ]
        best = max(scored, key=lambda pair: pair[0], default=None)
        if best is not None and best[0] >= links.threshold:
            best[1].mentions.append(mention)
        else:
            events.append(StoryEvent([mention]))
    return events


def link_features(told: Sequence[Mention], mention: Mention, story: Story) -> dict[str, float] | None:
    """The evidence that `mention` retells the event `told` tells, each 0 or 1 (the distance in sentences
    excepted); None when something rules it out, the mention's own words first ("another attack")."""
    if _told_as_new(mention, story) or any(not _may_corefer(earlier, mention) for earlier in told):
        return None
    distance = story.sentence_number(mention.sentence) - story.sentence_number(told[-1].sentence)
    material = QUAD_CLASS.get(mention.event, "").startswith("material")  # type: ignore[call-overload]
    shared = bool(_known_codes(mention) & set().union(*(_known_codes(earlier) for earlier in told)))
    return {
        "refers_back": float(_refers_back(mention, story)),
        "no_party_of_its_own": float(not _known_codes(mention)),
        "shared_party_in_act": float(shared and material),
        "shared_party_in_statement": float(shared and not material),
        "same_place": float(any(_same_stated_place(earlier.location, mention.location) for earlier in told)),
        "same_day": float(any(_same_explicit_day(earlier, mention) for earlier in told)),
        "same_sentence": float(distance == 0),
        "sentences_apart": float(min(distance, MAX_DISTANCE)),
    }


def _may_corefer(first: Mention, second: Mention) -> bool:
    """What rules out that two mentions tell one event: another type or time frame, another mode (a threat of an
    attack is not the attack), other parties, places or days each mention states."""
    if first.event != second.event or (first.ceasefire is None) != (second.ceasefire is None):
        return False
    if (first.auxiliary & UNREALISED) != (second.auxiliary & UNREALISED):
        return False
    if ("historical" in first.auxiliary) != ("historical" in second.auxiliary):
        return False
    if _both_dated(first, second) and not _compatible_times(first.time, second.time):
        return False
    if not _compatible_places(first.location, second.location):
        return False
    return not _parties_differ(first, second) and not _other_people_speak(first, second)


def _parties_differ(first: Mention, second: Mention) -> bool:
    """Both mentions name coded parties, and none in common (`same_party`): for a fight every party counts,
    whatever its side; otherwise actors and recipients are compared side by side."""
    if first.event == "ASSAULT":
        return _disjoint(_coded(first, "actor", "recipient"), _coded(second, "actor", "recipient"))
    return any(_disjoint(_coded(first, role), _coded(second, role)) for role in ("actor", "recipient"))


def _coded(mention: Mention, *roles: str) -> list[Entity]:
    """The coded entities the mention names itself in these roles (not the story's pair given for want of any)."""
    if mention.parties_inferred:
        return []
    return [entity for role in roles for entity in getattr(mention, role) if entity.code]


def _disjoint(mine: Sequence[Entity], theirs: Sequence[Entity]) -> bool:
    return bool(mine and theirs) and not any(same_party(a, b) for a in mine for b in theirs)


def _other_people_speak(first: Mention, second: Mention) -> bool:
    """Two statements, calls or meetings whose parties are named people, none of them the same: the defence
    minister's call and the prime minister's calls are two events, though both are Armenia's."""
    if QUAD_CLASS.get(first.event, "").startswith("material"):  # type: ignore[call-overload]
        return False
    mine, theirs = _people(first), _people(second)
    return bool(mine and theirs and not mine & theirs)


def _people(mention: Mention) -> set[str]:
    """The surnames of the people the mention names among its parties."""
    doc = mention.sentence.doc
    names: set[str] = set()
    for entity in (*mention.actor, *mention.recipient):
        if entity.start is None or entity.end is None:
            continue
        span = doc.char_span(entity.start, entity.end, alignment_mode="expand")
        if span is not None:  # the last word of each person's name (token by token: `span.ents` reads every one)
            names.update(
                token.lower_
                for token in span
                if token.ent_type_ in PERSON_LABELS and (token.i + 1 == len(doc) or doc[token.i + 1].ent_iob_ != "I")
            )
    return names


def _known_codes(mention: Mention) -> set[str]:
    """The codes of the parties a mention names itself (not the story's pair it was given for want of any)."""
    if mention.parties_inferred:
        return set()
    return set(codes(mention.actor) | codes(mention.recipient))


def _refers_back(mention: Mention, story: Story) -> bool:
    """An event noun with a definite or demonstrative determiner: "l'attaque", "cette embuscade", "the strike"."""
    head = mention.match.head
    if head.pos_ not in ("NOUN", "PROPN") or _told_as_new(mention, story):
        return False
    return any(
        child.dep_ == "det" and ("Def" in child.morph.get("Definite") or "Dem" in child.morph.get("PronType"))
        for child in head.children
    )


def _told_as_new(mention: Mention, story: Story) -> bool:
    """ "une autre embuscade", "a fresh attack", "then accused": the event noun or verb says it is not one told
    before."""
    head = mention.match.head
    return any(lemma_of(child) in story.cues.new_event for child in head.children)


def _same_stated_place(a: EventLocation | None, b: EventLocation | None) -> bool:
    return a is not None and b is not None and a.stated and b.stated and _compatible_places(a, b)


def _both_dated(first: Mention, second: Mention) -> bool:
    """Whether the article tells the time of both mentions (not only the publication date)."""
    return first.time_rank < TIME_FROM_PUBLICATION and second.time_rank < TIME_FROM_PUBLICATION


def _same_explicit_day(first: Mention, second: Mention) -> bool:
    return _both_dated(first, second) and _compatible_times(first.time, second.time)

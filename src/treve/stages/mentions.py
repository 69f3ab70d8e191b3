"""Event mentions: each span of a sentence that tells something happened, will happen or is alleged, with its
type, mode, the arguments its clause gives and its grammatical modes.

Trigger phrases from the event lexicon name candidate mentions; the sentence classifier weighs them and adds
the event it reads where the lexicon found none of its kind; ceasefires agreed or brokered are mentions of
their own. What surrounds a trigger can change its type (refusing to do it, promising it, doing it "unless").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from treve.normalise import normalise_for_processing
from treve.ontology import ARMED_SECTORS, QUAD_CLASS, is_disaster_category
from treve.records import Attribution, AuxiliaryMode, CeasefireTerms, Count, Entity, EventTime
from treve.resources.event_lexicon import LanguageCues, Trigger, TriggerMatch
from treve.stages.arguments import (
    attribution_of,
    civilians,
    doer_of_cause,
    flat_arguments,
    mediators_in,
    noun_arguments,
    unnamed_doers,
    verb_arguments,
)
from treve.stages.event_classifier import NO_EVENT_LABEL, SentenceReading
from treve.stages.event_location import EventLocation
from treve.stages.flat_pipeline import table_of
from treve.stages.story import Story, codes, unique_entities
from treve.stages.syntax import (
    SUBJECT_DEPS,
    adverbial_noun,
    governing_speech,
    is_passive,
    is_reciprocal,
    lemma_of,
    names_an_event,
    own_clause,
)

# Actions whose doer, when unnamed, can only be the police.
POLICE_ACTIONS = {("COERCE", "arrest"), ("ASSAULT", "crowd-control")}
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
# Types whose event is the speaking: the speaker is their actor, not the subject of what is said.
SPOKEN_TYPES = {"REQUEST", "ACCUSE", "REJECT", "THREATEN"}
# How much less an event counts when it only tells the aim or manner of another event of its sentence
# ("demonstrated to demand reforms": the news is the demonstration).
SUBORDINATE_PENALTY = 0.1
# How directly an event's time was told, most direct first; reports of one event keep the most direct.
TIME_OF_OWN_PHRASE, TIME_OF_SENTENCE, TIME_FROM_PUBLICATION = 0, 1, 2


@dataclass
class Mention:
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
    reporting: float = 1.0  # the mention model's probability that it reports an event
    undated: bool = False  # its sentence's time is not its own ("the collapse in August of a truce")


# ------------------------------------------------------------------ one trigger
def code_mention(match: TriggerMatch, sentence: Span, story: Story) -> Mention | None:
    head = match.head
    trigger = match.trigger
    event = Mention(match=match, sentence=sentence, actor=[], recipient=[], event=trigger.event, mode=trigger.mode)
    if not sentence.doc.has_annotation("DEP"):
        actor, recipient = flat_arguments(match.tokens, sentence, story, table_of(sentence.doc.lang_)["word_order"])
        event.confidence = CONFIDENCE_INFERRED_PARTIES
    elif head.pos_ in ("VERB", "AUX"):
        actor, recipient = verb_arguments(head, story, match.tokens)
    else:
        actor, recipient = noun_arguments(head, story, two_sided=trigger.two_sided)
        # "des milliers de manifestants", "gunmen": a noun that names the doers is its own actor.
        actor = story.entities_between(head.idx, head.idx + len(head.text)) or actor
    if trigger.event == "PROTEST" and not actor:
        actor = unnamed_doers(head, story)
    if trigger.event == "MOBILIZE" and not actor and is_passive(head):
        # "5,000 troops were deployed in the city": those mobilised are all the sentence names.
        actor, recipient = recipient, []
    if trigger.victim_subject:
        # The subject lost people: the victim; the actor is the other side of the story's conflict.
        recipient = actor
        actor = [party for party in story.main_pair if party.code not in codes(recipient)]
        event.confidence = CONFIDENCE_INFERRED_PARTIES
    if trigger.two_sided:
        actor, recipient = unique_entities([*actor, *recipient]), []
    if not actor and trigger.two_sided:
        actor = list(story.main_pair)
        event.confidence = CONFIDENCE_INFERRED_PARTIES
        event.parties_inferred = True
    unarmed = not any(e.sector in ARMED_SECTORS for e in actor)
    if trigger.event == "ASSAULT" and head.pos_ == "VERB" and unarmed:
        # "three died in police firing", "a man was killed in police firing": the cause names the doer.
        doers = doer_of_cause(head, story, frozenset())
        actor, recipient = (
            doers or actor,
            (recipient or [e for e in actor if e not in doers]) if doers else recipient,
        )
    if not actor and trigger.event == "ASSAULT" and not trigger.two_sided and not trigger.victim_subject:
        # "three civilians were killed in a car bombing": ACLED's unidentified armed group (PLOVER UAF);
        # kept only if it has victims or a toll (see `roles.worth_coding`). No words of the article name it.
        actor = [Entity(entity_text="", sector="UAF")]
        event.confidence = CONFIDENCE_INFERRED_PARTIES
    made = head.pos_ == "VERB" or (head.head != head and lemma_of(head.head) in story.cues.light_verbs)
    if not actor and (trigger.event, trigger.mode) in POLICE_ACTIONS and made:
        # "dix personnes ont été arrêtées", "tear gas was fired", "arrests were made": only police make arrests
        # and disperse crowds. A noun alone ("mass arrests", "makeshift jails", "an arrest warrant") tells no
        # arrest made.
        actor = [Entity(entity_text="", code=story.home, sector="COP")]  # no words of the article name them
        event.confidence = CONFIDENCE_INFERRED_PARTIES
    if not actor and trigger.event == "PROTEST":
        # "PROTESTAN POR AUMENTO SALARIAL", "a strike was held", "a wave of protests": ACLED's "Protesters
        # (country)", whoever they are. Whether a protest noun tells a protest that happened is the mention
        # model's to weigh, as for any event.
        actor = [Entity(entity_text="", code=story.home, sector="CVL")]
        event.confidence = CONFIDENCE_INFERRED_PARTIES
    if is_reciprocal(head) and not recipient:
        recipient = list(actor)
    acting = {(entity.code, entity.sector) for entity in actor}
    recipient = [entity for entity in recipient if (entity.code, entity.sector) not in acting] or (
        recipient if is_reciprocal(head) else []
    )
    if event.event in ("CONSULT", "AGREE", "COOPERATE") and len(codes(actor)) > 1 and not recipient:
        # "A et son homologue B se sont entretenus": the first named is the actor, the others recipients.
        actor, recipient = actor[:1], [entity for entity in actor[1:] if entity.code != actor[0].code]
    event.actor, event.recipient = actor, recipient
    if event.confidence == CONFIDENCE_BOTH_ARGUMENTS and not recipient and not trigger.two_sided:
        event.confidence = CONFIDENCE_ACTOR_ONLY
    if event.event in MEDIATED_TYPES:
        event.mediator = mediators_in(sentence, story, exclude=codes([*actor, *recipient]))
    if event.event == "CONSULT" and event.mediator and event.mode is None:
        event.mode = "third-party"
    event.attribution = attribution_of(head, sentence, story)
    if event.attribution is not None and event.attribution.kind == "accusation":
        event.confidence -= ALLEGATION_PENALTY
    event.auxiliary = grammatical_modes(head, story.cues)
    reframe(event, head, sentence, story)
    return event


def naming_events(matches: list[TriggerMatch], story: Story) -> list[TriggerMatch]:
    """The matches that name an event, not a kind of thing, a date or an actor: "truce monitors" and "aid workers"
    are monitors and workers (unless that noun is a trigger too), "March 22" is a day, the "Liberation" of "National
    Liberation Army" is a word of a name, and so is the "hostilities" of "a cessation of hostilities". A
    participle ("the arrested men") still tells its event."""
    heads = {match.head for match in matches}
    names = [(m.entity.start, m.entity.end) for m in story.actors if " " in m.entity.entity_text.strip()]
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
        and not any(time.start <= match.head.idx < time.end for time in story.times)
        and not any(start is not None and end is not None and start <= match.head.idx < end for start, end in names)
        and not (_fighting(match) and story.cues.names_ceasefire(match.head))
    ]


def _fighting(match: TriggerMatch) -> bool:
    """Whether the match tells a hostile act: the "hostilités" of "cessation des hostilités" names no fighting."""
    return QUAD_CLASS.get(match.trigger.event) in ("verbal conflict", "material conflict")


def guessed_triggers(
    sentence: Span, reading: SentenceReading, matches: Sequence[TriggerMatch], story: Story
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
    mode = reading.plover.best_mode(best)
    if (best == "AGREE" or mode == "ceasefire") and any(story.cues.names_ceasefire(t) for t in sentence):
        return []  # a sentence that names a ceasefire is read by its own words (stages/ceasefires.py)
    two_sided = best == "ASSAULT" and reading.acled.best[0] == "Armed clash"
    flat_svo = not sentence.doc.has_annotation("DEP") and table_of(sentence.doc.lang_)["word_order"] == "SVO"
    anchor = _after_doer(sentence, story) if flat_svo else _main_verb(sentence, best, story.cues)
    if any(anchor in match.tokens for match in matches):
        return []  # the lexicon read that word already, as another type
    trigger = Trigger(event=best, mode=mode, two_sided=two_sided, guessed=True)
    return [TriggerMatch((anchor,), trigger)]


def _main_verb(sentence: Span, event_type: str, cues: LanguageCues) -> Token:
    """The word that names a guessed event: the sentence's root, or where the root only reports speech ("…, a
    statement said"), the verb of what is reported, unless the event is the speaking itself (a demand, a threat)."""
    verb = sentence.root
    while event_type not in SPOKEN_TYPES and lemma_of(verb) in cues.speech:
        reported = next((c for c in verb.children if c.dep_ in ("ccomp", "xcomp", "parataxis")), None)
        if reported is None:
            break
        verb = reported
    return verb


def _after_doer(sentence: Span, story: Story) -> Token:
    """Where an SVO (or SOV) sentence no parser read tells its guessed event: just after the first name in it,
    so that the name acts and the next undergoes (`arguments.flat_arguments`); at its first word when it names
    no one."""
    starts = [
        entity.end
        for entity in (*(m.entity for m in story.actors), *story.generic, *story.unknown)
        if entity.start is not None and entity.end is not None and sentence.start_char <= entity.start
    ]
    first_end = min((end for end in starts if end < sentence.end_char), default=None)
    if first_end is None:
        return sentence[0]
    return next((token for token in sentence if token.idx >= first_end), sentence[-1])


def local_parties(event: Mention, story: Story) -> None:
    """Parties the article names only by their kind ("les manifestants", "la police") or not at all belong to the
    country the sentence says the event happened in, when it is not the story's leading country: ACLED's
    "Protesters (Belgium)" for a protest in Brussels told in a story about Europe."""
    place = event.location.mention.place if event.location is not None and event.location.stated else None
    country = place.country_code if place is not None else None
    if not country or country == story.home:
        return
    named = {m.entity.start for m in story.actors} | {e.start for e in story.unknown}

    def local(entities: list[Entity]) -> list[Entity]:
        return [
            e.model_copy(update={"code": country}) if e.code == story.home and e.start not in named else e
            for e in entities
        ]

    event.actor, event.recipient = local(event.actor), local(event.recipient)


def weigh(event: Mention, reading: SentenceReading) -> None:
    """Move an event's confidence by how probable the classifier finds its type in its sentence."""
    event.reading = reading
    probability = reading.plover.by_type().get(event.event, 0.0)
    event.confidence += READING_WEIGHT * (probability - 0.5)
    if event.match.trigger.guessed:
        event.confidence -= GUESS_PENALTY


def accident(event: Mention, reading: SentenceReading | None) -> bool:
    """An explosion, a crash or a spill that no one is said to have caused, in a sentence that the classifier
    reads as more likely a disaster than not: not an attack by unidentified attackers. A reading that merely
    ranks a disaster first among near-equal guesses vetoes nothing."""
    if reading is None or not unidentified(event.actor):
        return False
    disaster = sum(p for label, p in reading.acled.probabilities.items() if is_disaster_category(label))
    return disaster > 0.5


def rank_subordinates(coded: Sequence[Mention]) -> None:
    """Lower each event whose clause hangs from another event's clause, or that another event's clause names in
    a prepositional phrase: it tells that event's aim, cause or background ("staged demonstrations to demand
    reforms", "accused X of trying to advance", "closed its borders because of the fighting")."""
    clauses = [own_clause(event.match.head) for event in coded]
    heads = {event.match.head for event in coded}
    for event, clause in zip(coded, clauses, strict=True):
        governed = any(other != clause and other in clause.ancestors for other in clauses)
        circumstance = adverbial_noun(event.match.head) and clause in heads - {event.match.head}
        if governed or circumstance:
            event.confidence -= SUBORDINATE_PENALTY


def reframe(event: Mention, head: Token, sentence: Span, story: Story) -> None:
    """What surrounds an action can change its PLOVER type: refusing or failing to do it is REJECT,
    doing it "unless" something happens is THREATEN, a speaker saying others "must" do it is REQUEST,
    promising to support, cooperate, aid, meet or withdraw is AGREE (the manual's rule for futures) while
    saying one will not is REJECT, and civilians blocking a road or a bridge protest."""
    cues = story.cues
    governors = [a for a in head.ancestors if a.pos_ in ("VERB", "AUX")][:1]
    after = normalise_for_processing(story.text[head.idx : sentence.end_char]).lower()
    if any(lemma_of(g) in cues.refusal for g in governors):
        event.event, event.mode = "REJECT", None
    elif any(f" {phrase} " in f" {after} " for phrase in cues.condition):
        event.event, event.mode = "THREATEN", None
    elif any(
        lemma_of(t) in cues.obligation
        for t in [*head.children, *governors]
        if t.dep_.startswith("aux") or t in governors
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
    if event.event == "COERCE" and event.mode in (None, "restrict") and civilians(event.actor):
        event.event, event.mode = "PROTEST", "obstruct"  # a state restricts; people who block a road protest
    if event.auxiliary & {"future", "hypothetical", "negation"}:
        event.confidence -= UNREALISED_PENALTY  # what did not (yet) happen is less the sentence's news


# Dependencies of a clause with a tense of its own: a relative or adverbial clause, a conjoined verb, a report.
OWN_CLAUSE_DEPS = ("acl", "relcl", "advcl", "ccomp", "conj", "parataxis", "csubj")


def grammatical_modes(head: Token, cues: LanguageCues) -> set[AuxiliaryMode]:
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
        and not names_an_event(head.head, cues)
    ):
        clause = head.head
    words = list(dict.fromkeys([*head.children, *clause.children]))
    # A clause of its own under the trigger ("un cese al fuego que durará 180 días") has its own tense and mood.
    related = [head, clause, *(t for t in words if t.dep_.split(":")[0] not in OWN_CLAUSE_DEPS)]
    governors = [a for a in clause.ancestors if a.pos_ in ("VERB", "AUX", "ADJ")][:2]
    if governors and not names_an_event(governors[0], cues):
        # "will not hesitate in arresting": the verb the act hangs from sets when it happens.
        related.extend(c for c in governors[0].children if c.dep_.startswith("aux"))
    governed_as_hypothesis = any(lemma_of(g) in cues.hypothetical for g in governors)
    if governed_as_hypothesis:
        modes.add("hypothetical")
    if any(lemma_of(g) in cues.future for g in governors):
        modes.add("future")
    subjects = [t for t in words if t.dep_ in SUBJECT_DEPS]
    negators = [*words, *(t for subject in subjects for t in subject.children)]  # "not a single one was arrested"
    if any(lemma_of(t) in cues.negation and t.dep_ in ("advmod", "neg", "det", "preconj") for t in negators):
        modes.add("negation")
    condition = any(lemma_of(t) in cues.hypothetical and t.dep_ == "mark" for t in words)
    conditional = any("Cnd" in t.morph.get("Mood") for t in related) or any(
        lemma_of(t) in cues.hypothetical and t.dep_.startswith("aux") for t in words
    )
    if condition or (conditional and (governed_as_hypothesis or governing_speech(clause, cues) is None)):
        modes.add("hypothetical")
    elif conditional:
        modes.add("future")
    if (
        any("Fut" in t.morph.get("Tense") for t in related)
        or any(lemma_of(t) in cues.future and t.dep_ in ("aux", "amod") for t in related)
        or any(t.lower_ in cues.future_auxiliaries and t.dep_.startswith("aux") for t in related)
    ):
        modes.add("future")
    return modes


def unidentified(actors: list[Entity]) -> bool:
    return bool(actors) and all(entity.sector == "UAF" and entity.code is None for entity in actors)

"""Ceasefires read from a sentence: agreed, brokered or declared between parties, with their terms (when they take
effect, how long for); the ceasefire tracker (store/ceasefires.py) follows them over time.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Literal

from spacy.tokens import Span, Token

from treve.normalise import normalise_for_processing
from treve.ontology import QUAD_CLASS, known_civilian
from treve.records import CeasefireTerms, Duration, Entity, EventTime, PlaceMention
from treve.resources.event_lexicon import Trigger, TriggerMatch, phrase_links
from treve.stages.arguments import PARTY_CASES, attribution_of, mediators_in, subject_of
from treve.stages.event_location import NO_EVENT_PLACE, Basis, EventLocation
from treve.stages.mentions import (
    CONFIDENCE_BOTH_ARGUMENTS,
    CONFIDENCE_INFERRED_PARTIES,
    Mention,
    grammatical_modes,
)
from treve.stages.story import Story, codes, times_in, unique_entities
from treve.stages.syntax import case_of, clause_verb, lemma_of, own_clause, span_of, tells_the_past
from treve.stages.time import TimeMention

HOSTILE_CLASSES = ("verbal conflict", "material conflict")
# What the encoder may read a sentence that names a ceasefire as, when it agrees to it (not a call, talks or aid).
AGREEING = ("AGREE", "COOPERATE")
# A civil war's sides: the state's and the rebels' sectors, each named this many times in the story.
STATE_SIDE, REBEL_SIDE, CIVIL_WAR_MENTIONS = frozenset({"GOV", "MIL"}), frozenset({"REB"}), 2
# Dependencies of a clause on the noun it describes ("a truce that will last 72 hours", "que entró en vigor").
CLAUSE_DEPS = ("acl", "relcl", "acl:relcl")
# Dependencies of a participle or clause that describes the noun it hangs from ("a Saudi-brokered truce").
DESCRIBING_DEPS = ("amod", *CLAUSE_DEPS)
# Dependencies by which a noun's own phrase names a place ("a truce in North Darfur").
SCOPE_DEPS = ("prep", "nmod")
# Dependencies by which a noun's own phrase counts a length of time ("seven-day truce", "trêve de cinq mois").
LENGTH_DEPS = ("amod", "compound", "nummod", "nmod", "npadvmod", "prep")
ONE_WEEK = timedelta(days=7)
# How many sentences away a ceasefire's broker may be named when its own sentence names none.
BROKER_SENTENCES = 2
OBJECT_DEPS = ("obj", "dobj", "nsubj:pass", "nsubjpass")


def ceasefire_mentions(
    sentence: Span, story: Story, coded: list[Mention | None], earlier: Sequence[Mention] = ()
) -> list[Mention | None]:
    """Ceasefires agreed or brokered in the sentence, as AGREE events between their parties (declared by one side,
    the RETREAT the lexicon found, with its terms); and ceasefires told
    as agreed before, running, over or broken ("a Saudi-brokered truce took effect", "l'effondrement d'une
    trêve"): a retelling, left undated (a truce broken in August was agreed earlier), which the tracker attaches
    to the ceasefire it retells."""
    found: list[Mention | None] = []
    for token in sentence:
        if not story.cues.names_ceasefire(token):
            continue
        if token.head != token and story.cues.names_ceasefire(token.head):
            continue  # a word of a name of several words ("alto el fuego"): its head word answers for it
        # The verb that agrees to it or keeps it ("agreed to", "a prolongé", "se sont engagés à respecter").
        binding = story.cues.ceasefire_agreement | story.cues.ceasefire_in_force
        agreeing = next((a for a in token.ancestors if a.pos_ == "VERB" and lemma_of(a) in binding), None)
        declared = next((m for m in coded if m and m.mode == "ceasefire" and token in m.match.tokens), None)
        if declared is not None:  # "declared a unilateral ceasefire": the side that declares it, its terms
            declared.ceasefire = CeasefireTerms(
                effective=effective_time(sentence, story),
                duration=agreed_length(token, story),
                scope=agreed_scope(token, story),
            )
            if not declared.actor and agreeing is not None:  # "a prolongé le cessez-le-feu unilatéral"
                declared.actor = subject_of(agreeing, story)
                for index, other in enumerate(coded):  # what the lexicon read in the verb: this says more
                    if other is not None and other.match.head == agreeing:
                        coded[index] = None
            continue
        parsed = sentence.doc.has_annotation("DEP")
        linked = _ceasefire_links(token, story) if parsed else list(sentence)
        # A participle that only describes it ("a Saudi-brokered truce", "un cessez-le-feu négocié par la Russie")
        # retells one agreed before, as a verb or noun governing it does not ("negotiated a truce").
        agreeing_words = [t for t in linked if t != token and not (t.head == token and t.dep_ in DESCRIBING_DEPS)]
        agreed = any(lemma_of(t) in story.cues.ceasefire_agreement for t in agreeing_words) or (
            not parsed and any(other and other.event in AGREEING for other in coded)
        )
        described = any(lemma_of(t) in story.cues.ceasefire_agreement for t in linked if t.head == token)
        told = {lemma_of(t) for t in linked}
        over = bool(told & (story.cues.ceasefire_collapse | story.cues.ceasefire_violation))
        state = next((status for status, words in _told_states(story) if told & words), None)
        if state == "violated" and parsed and _habitual_breach(linked, story):
            state = None
        if not (agreed or described or over or told & story.cues.ceasefire_in_force) or _demanded(token, story):
            _asked_for(token, coded)
            continue
        _fold_mediation(token, coded)
        if _only_breached(told, story) and not (agreed or described) and any(_two_sides(m) for m in coded if m):
            continue  # "accused the ELN of violating the ceasefire": the accusation tells it broken, links to it
        parties: list[Entity] = []
        # "une trêve entre X et Y", "a truce in Sudan between the army and the RSF": a party phrase anywhere in its
        # own noun phrase, or beside it under its verb.
        for child in [*(t for t in token.subtree if t != token), *token.head.children]:
            if child.dep_.split(":")[0] in ("nmod", "obl", "prep") and (case_of(child) or "") in PARTY_CASES:
                target = next((c for c in child.children if c.dep_ == "pobj"), child)
                if lemma_of(target) not in story.cues.mediation:  # "with Russian mediation": not a party
                    parties.extend(_without_brokers(target, story))
        confidence = CONFIDENCE_BOTH_ARGUMENTS
        if not parties and agreeing is not None and lemma_of(agreeing) not in story.cues.mediation:
            # "the army and the RSF agreed to a ceasefire": those who agree to it are its parties, unless
            # they only brokered it ("Egypt brokered a truce").
            parties = subject_of(agreeing, story)
        if not parties and not parsed:
            # No parse to read them from: the parties of the agreement the lexicon found in the sentence, else
            # those the sentence names beside its brokers ("Rozejm między Czadem a Nigrem").
            parties = [
                e for other in coded if other and other.event in AGREEING for e in (*other.actor, *other.recipient)
            ] or [
                e
                for e in story.entities_between(sentence.start_char, sentence.end_char)
                if e.code not in codes(mediators_in(sentence, story, exclude=frozenset()))
            ]
        if not parties:
            # "accused the RSF of violating the truce", "shelled them a day after the truce took effect": the two
            # sides of what the sentence tells them doing to each other.
            parties = next((sides for other in coded if other and (sides := _two_sides(other))), [])
        if not parties:
            # "The truce will run from 7 to 11 May": the ceasefire the story told before, unless it names none.
            parties = next((m.actor for m in reversed(earlier) if m.ceasefire is not None and m.actor), [])
        if not parties:
            parties, confidence = warring_sides(story), CONFIDENCE_INFERRED_PARTIES
        parties = [party for party in parties if not known_civilian(party)]  # those killed, never a side
        if not parties:
            continue
        # Drop the AGREE the lexicon found on the same words ("accord"), what it read in the verb that agrees to
        # or keeps the ceasefire ("signer": support, "prolonger": a concession), or the cooperation the encoder
        # read in a sentence it has no parse of: this one says more.
        for index, other in enumerate(coded):
            if other is None or other.sentence != sentence:
                continue
            same_agreement = agreed and (other.event == "AGREE" or (not parsed and other.event in AGREEING))
            if same_agreement or (agreeing is not None and other.match.head == agreeing):
                coded[index] = None
        # One told running or over, not agreed here, is the ceasefire carried out (RETREAT), not its agreement.
        kind, mode = ("AGREE", None) if agreed else ("RETREAT", "ceasefire")
        match = TriggerMatch((token,), Trigger(event=kind, mode=mode, context=("military",)))
        event = Mention(
            match=match,
            sentence=sentence,
            actor=unique_entities(parties),
            recipient=[],
            event=kind,
            mode=mode,
            confidence=confidence,
        )
        guarantors = mediators_in(sentence, story, exclude=codes(parties), words=story.cues.guarantee)
        event.mediator = mediators_in(sentence, story, exclude=codes([*parties, *guarantors]))
        # "Egypt brokered a truce": who brokers the ceasefire the verb governs (not "the truce collapsed").
        broker = token.head if lemma_of(token.head) in story.cues.mediation and token.dep_ in OBJECT_DEPS else None
        if broker is not None and not event.mediator:
            event.mediator = [e for e in subject_of(broker, story) if e.code not in codes([*parties, *guarantors])]
        if not event.mediator:
            event.mediator = nearby_brokers(sentence, story, exclude=codes(guarantors))
            # A broker that announced it ("Washington announced a ceasefire") is not bound by it.
            bound = [party for party in event.actor if party.code not in codes(event.mediator)]
            event.actor = bound or event.actor
            event.mediator = [e for e in event.mediator if e.code not in codes(event.actor)]
        event.attribution = attribution_of(token, sentence, story)
        # "will sign a ceasefire", "did not agree to a truce": the verb that agrees to it tells when and whether.
        event.auxiliary = grammatical_modes(token, story.cues) | (
            grammatical_modes(agreeing, story.cues) if agreeing is not None else set()
        )
        cue = _effect_cue(sentence, story)
        effective = effective_time(sentence, story, cue)
        if state == "in effect" and (effective is not None or "future" in event.auxiliary):
            state = None  # "takes effect from 06:00 on Wednesday": in effect from then, not from the telling
        if not agreed and cue is not None:
            # "The truce will take effect on Monday": the future is its effect's; the ceasefire is agreed already.
            event.auxiliary.discard("future")
        event.ceasefire = CeasefireTerms(
            effective=effective,
            duration=agreed_length(token, story),
            scope=agreed_scope(token, story),
            status=state,
            guarantors=guarantors,
        )
        # A retelling is undated (a truce broken in August was agreed earlier), unless its own phrase dates it
        # ("a 2019 ceasefire", "la trêve d'avril").
        event.undated = not agreed and not any(
            time.start <= word.idx < time.end for time in times_in(sentence, story) for word in token.subtree
        )
        found.append(event)
    return found


def nearby_brokers(sentence: Span, story: Story, *, exclude: frozenset[str]) -> list[Entity]:
    """Who brokered a ceasefire whose sentence names no broker: those a sentence beside it names as brokering
    ("The deal was brokered by Qatar and Egypt"), the nearest first, up to BROKER_SENTENCES away."""
    sentences = list(story.doc.sents)
    at = next((i for i, other in enumerate(sentences) if other.start == sentence.start), None)
    if at is None:
        return []
    for distance in range(1, BROKER_SENTENCES + 1):
        for i in (at - distance, at + distance):
            brokers = mediators_in(sentences[i], story, exclude=exclude) if 0 <= i < len(sentences) else []
            if brokers:
                return brokers
    return []


def _demanded(name: Token, story: Story) -> bool:
    """Whether the verb of the ceasefire is one others say must happen ("the ceasefire must go into effect before
    talks", "la trêve doit être respectée"): a demand. The same word in the past tells what was set ("devait
    entrer en vigueur vendredi", "должно было вступить в силу")."""
    if name.head.pos_ not in ("VERB", "AUX"):
        return False
    around = [name.head, *name.head.children, *list(name.head.ancestors)[:2]]
    return any(lemma_of(t) in story.cues.obligation and not tells_the_past(t) for t in around)


def _asked_for(name: Token, coded: list[Mention | None]) -> None:
    """ "called for an immediate ceasefire": a demand whose words hold a ceasefire's name asks the other side to
    cease fire (REQUEST, mode yield), when nothing gave it a mode."""
    for other in coded:
        if other is not None and other.event == "REQUEST" and other.mode is None and name in other.match.head.subtree:
            other.mode = "yield"


def _only_breached(told: set[str], story: Story) -> bool:
    """Whether a ceasefire's words tell it only broken: violated, neither running nor over."""
    cues = story.cues
    return bool(told & cues.ceasefire_violation) and not told & (cues.ceasefire_collapse | cues.ceasefire_in_force)


def _told_states(story: Story) -> list[tuple[Literal["in effect", "violated", "collapsed"], frozenset[str]]]:
    """What a ceasefire's linked words tell of it, the furthest state first: over, broken ("des centaines de
    violations du cessez-le-feu"), running. An accusation of breaking it is no such telling: it is kept as the
    accuser's word (`_only_breached`)."""
    cues = story.cues
    return [
        ("collapsed", cues.ceasefire_collapse),
        ("violated", cues.ceasefire_violation),
        ("in effect", cues.ceasefire_in_force),
    ]


def warring_sides(story: Story) -> list[Entity]:
    """The sides a ceasefire that names none is most likely between: a country's state (government, army) and its
    rebels when the story names each at least twice, by name or by kind ("les groupes rebelles": a civil war),
    else the story's two main countries."""
    named: Counter[tuple[str, str]] = Counter()
    first: dict[tuple[str, str], Entity] = {}
    for entity in [*(m.entity for m in story.actors), *story.generic]:
        side = "state" if entity.sector in STATE_SIDE else "rebels" if entity.sector in REBEL_SIDE else None
        if entity.code and side:
            named[entity.code, side] += 1
            first.setdefault((entity.code, side), entity)
    for (code, _), count in named.most_common():
        if count >= CIVIL_WAR_MENTIONS and named[code, "state"] >= CIVIL_WAR_MENTIONS <= named[code, "rebels"]:
            return [first[code, "state"], first[code, "rebels"]]
    return list(story.main_pair)


def _two_sides(event: Mention) -> list[Entity]:
    """The actor and the recipient of a hostile act (an attack, an accusation) that names both, as two sides."""
    hostile = QUAD_CLASS.get(event.event) in HOSTILE_CLASSES  # type: ignore[call-overload]
    return [*event.actor, *event.recipient] if hostile and event.actor and event.recipient else []


def ceasefire_location(event: Mention, story: Story) -> EventLocation | None:
    """Where a ceasefire is placed: where it holds when its words say so ("a truce in North Darfur"); else the place
    found for its sentence, unless that names one of its parties or lies in its mediator's country ("négocié par
    la Russie" is no ceasefire in Russia): then the story's first place that does neither."""
    scope = event.ceasefire.scope if event.ceasefire else None
    named = next((m for m in story.places if scope is not None and m.text == scope and m.place is not None), None)
    if named is not None:
        return EventLocation(named, Basis.locative)
    sides = [*event.actor, *event.recipient, *event.mediator]
    brokers = codes(event.mediator) - codes([*event.actor, *event.recipient])

    def usable(mention: PlaceMention) -> bool:
        names_a_side = any(
            e.start is not None and e.end is not None and e.start <= mention.start < e.end for e in sides
        )
        return not names_a_side and (mention.place is None or mention.place.country_code not in brokers)

    if event.location is None or usable(event.location.mention):
        return event.location
    ordered = sorted(story.places, key=lambda mention: mention.start)
    elsewhere = (m for m in ordered if m.place is not None and m.role not in NO_EVENT_PLACE and not m.metonymic)
    fallback = next((m for m in elsewhere if usable(m)), None)
    return EventLocation(fallback, Basis.story) if fallback is not None else None


def agreed_scope(name: Token, story: Story) -> str | None:
    """Where a ceasefire holds, as a place its own phrase names ("a truce in North Darfur", "un cessez-le-feu
    dans le Haut-Karabakh"); the places of its parties ("between Armenia and Azerbaijan") are not its scope."""
    phrase = [
        t
        for child in name.children
        if child.dep_.split(":")[0] in SCOPE_DEPS and (case_of(child) or "") not in PARTY_CASES
        for t in child.subtree
    ]
    return next(
        (
            mention.text
            for mention in story.places
            if mention.role != "actor"
            and not mention.metonymic
            and any(mention.start <= t.idx < mention.end for t in phrase)
        ),
        None,
    )


def _habitual_breach(links: list[Token], story: Story) -> bool:
    """Whether the violations are said to be a habit ("où les violations du cessez-le-feu sont courantes": the
    noun is the subject of an adjective or a copula: "violations of the truce are frequent"), not reported as an
    event ("ont signalé des centaines de violations")."""
    breach = next((t for t in links if lemma_of(t) in story.cues.ceasefire_violation), None)
    return breach is not None and breach.head.pos_ in ("ADJ", "AUX")


def _ceasefire_links(name: Token, story: Story) -> list[Token]:
    """The words the ceasefire's phrase joins it to (`phrase_links`), those of the verb its verb governs ("devait
    entrer en vigueur") and of the clause that describes it ("que entró en vigor"), and, where the parse hangs it
    from a time ("a signé mercredi un cessez-le-feu"), those the time's phrase joins it to."""
    links = phrase_links(name)
    links.extend(t for child in name.head.children if child.dep_ == "xcomp" for t in child.children if t != name)
    # The noun a preposition joins to its verb: "came into effect", "abide by".
    links.extend(t for child in name.head.children if child.dep_ == "prep" for t in child.children if t.dep_ == "pobj")
    # The clause that describes it: "el cese de hostilidades que entró en vigor", "the truce which took effect".
    links.extend(t for child in name.children if child.dep_ in CLAUSE_DEPS for t in child.children if t not in links)
    if any(time.start <= name.head.idx < time.end for time in story.times):
        links.extend(t for t in phrase_links(name.head) if t != name and t not in links)
    return links


def _without_brokers(phrase: Token, story: Story) -> list[Entity]:
    """The actors a phrase names, less those of a mediation inside it ("entre Chad y Níger, negociada con la
    mediación de Turquía"): the brokers are no party."""
    brokered = [span_of(t) for t in phrase.subtree if t != phrase and lemma_of(t) in story.cues.mediation]
    return [
        entity
        for entity in story.entities_between(*span_of(phrase))
        if not any(start <= (entity.start or 0) < end for start, end in brokered)
    ]


def _fold_mediation(name: Token, coded: list[Mention | None]) -> None:
    """Talks a third party leads inside the ceasefire's own phrase ("la tregua, negociada con la mediación de Cuba
    y Noruega") are how it was brokered: the broker is the ceasefire's mediator, not a party to talks of its own."""
    phrase = set(name.subtree)
    for index, other in enumerate(coded):
        if other is not None and other.mode == "third-party" and other.match.head in phrase:
            coded[index] = None


def agreed_length(name: Token, story: Story) -> Duration | None:
    """How long a ceasefire is agreed for, counted in its own noun phrase: "a seven-day truce", "une trêve de
    cinq mois", "un alto el fuego de 72 horas"), or in the clause that says how long it lasts ("un cese al fuego que
    durará 180 días")."""
    phrase = [t for child in name.children if child.dep_.split(":")[0] in LENGTH_DEPS for t in child.subtree]
    phrase += [t for child in name.children if child.dep_ in CLAUSE_DEPS for t in child.subtree]
    return next((length for start, end, length in story.durations if any(start <= t.idx < end for t in phrase)), None)


def effective_time(sentence: Span, story: Story, cue: Token | None = None) -> EventTime | None:
    """When the sentence says a ceasefire takes effect: the time after an effect cue ("entrera en vigueur
    mercredi à 6h"), else the time its clause gives before one ("At midnight the truce took effect", "В полночь
    вступило в силу перемирие"); its hour where it gives one. `cue`: the sentence's effect cue, when already found."""
    mentions = times_in(sentence, story)
    for mention in mentions:
        # The cue may end with the preposition the time expression begins with ("будет действовать с" + "с 00:00").
        first_word = story.text.find(" ", mention.start, mention.end)
        before = normalise_for_processing(
            story.text[max(sentence.start_char, mention.start - 25) : first_word if first_word > 0 else mention.start]
        ).lower()
        if any(cue in before for cue in story.cues.effective):
            precise = [t for t in mentions if t.value.precision == "hour" and t.start >= mention.start]
            return _to_come(_first_moment(precise, story) if precise else mention, sentence, story)
    cue = cue or _effect_cue(sentence, story)
    earlier: list[TimeMention] = []
    for time in mentions:
        if cue is None or time.end > cue.idx:
            continue
        # The same moment in another zone, set beside it: "В полночь 18 октября (23:00 мск 17 октября)".
        if (earlier and _beside(earlier[-1], time, story)) or _same_clause(time, cue, sentence):
            earlier.append(time)
    precise = [t for t in earlier if t.value.precision == "hour"]
    told = precise[-1] if precise else earlier[-1] if earlier else None
    return None if told is None else _to_come(told, sentence, story)


def _effect_cue(sentence: Span, story: Story) -> Token | None:
    """The first word of the sentence's effect cue ("took effect", "вступило в силу"), if it has one."""
    text = normalise_for_processing(sentence.text).lower()
    found = [at for cue in story.cues.effective if (at := text.find(cue)) >= 0]
    return sentence.char_span(min(found), min(found) + 1, alignment_mode="expand")[0] if found else None


def _same_clause(time: TimeMention, cue: Token, sentence: Span) -> bool:
    """Whether a time is told in the clause of the cue's verb ("At midnight the truce took effect"), not in one of
    its own ("On Monday, a week after the truce took effect, ..."); without a parse, whether anything is."""
    if not sentence.doc.has_annotation("DEP"):
        return True
    verb = own_clause(cue)
    words = sentence.char_span(time.start - sentence.start_char, time.end - sentence.start_char, "expand")
    return words is not None and any(clause_verb(word) == verb for word in words)


def _beside(first: TimeMention, then: TimeMention, story: Story) -> bool:
    """Whether a time is set right beside another, as the same moment told in another zone ("à 9h, heure de
    Moscou (6h GMT)")."""
    between = story.text[first.end : then.start].strip(" ,")
    return between == "("


def _first_moment(times: list[TimeMention], story: Story) -> TimeMention:
    """The first moment of several ("с 00:00 7 мая до 00:00 11 мая": from the first), as the last zone it is told
    in."""
    told = times[0]
    for then in times[1:]:
        if not _beside(told, then, story):
            break
        told = then
    return told


def _to_come(told: TimeMention, sentence: Span, story: Story) -> EventTime:
    """A weekday or a day of the year a verb in the future or set ahead gives ("entrará en vigor el jueves", "будет
    действовать с 7 мая", "is due to take effect on Monday") is the next one: the time stage reads them as the last
    one, as news mostly tells what happened."""
    start = told.value.start
    day = start.date() if isinstance(start, datetime) else start
    if not told.relative or told.anchor is not None or story.published is None or day >= story.published:
        return told.value
    words = [t for t in sentence if told.start <= t.idx < told.end]
    verb = next((a for t in words[:1] for a in t.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return told.value
    scheduled = any(lemma_of(t) in story.cues.scheduled for t in [*verb.children, *list(verb.ancestors)[:2]])
    if not scheduled and "future" not in grammatical_modes(verb, story.cues):
        return told.value
    end = told.value.end
    if story.published - day <= ONE_WEEK:
        return told.value.model_copy(update={"start": start + ONE_WEEK, "end": end + ONE_WEEK if end else None})
    try:
        return told.value.model_copy(
            update={"start": start.replace(year=start.year + 1), "end": end.replace(year=end.year + 1) if end else None}
        )
    except ValueError:  # 29 February: no such day the next year
        return told.value

"""Arguments: who does what to whom in one clause, read from the parse — the subject or agent that acts, the
object or complement that undergoes, the parties of a fight, the mediators, and who says so.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Span, Token

from treve.ontology import ARMED_SECTORS, STATE_SECTORS, entity_sectors
from treve.records import Attribution, Entity
from treve.resources.actor_files import fold_key
from treve.resources.function_words import words
from treve.stages.story import Story, unique_entities
from treve.stages.syntax import (
    AGENT_DEPS,
    CLAUSE_DEPS,
    RELATIVE_PRONOUNS,
    SUBJECT_DEPS,
    case_of,
    clause_verb,
    governing_speech,
    is_passive,
    lemma_of,
    reacts_to,
    span_of,
)

RECIPIENT_CASES = words("recipient_cases")
CLAIM_VERBS = words("claim_verbs")
PARTY_CASES = words("party_cases")
# Prepositions that introduce the act that caused what a passive clause tells ("killed in police firing").
CAUSE_CASES = words("cause_cases")
AGENT_CASES = words("agent_cases")
PASSIVE_AGENT_CASES = words("passive_agent_cases")
SOURCE_MARKERS = words("source_markers")
# With no parse, a mediator is named within this many words after the word of mediation.
FLAT_MEDIATOR_WINDOW = 3


def subject_of(verb: Token, story: Story, seen: frozenset[int] = frozenset()) -> list[Entity]:
    """Who does what the verb says: its subject, or the one its grammar points to."""
    if verb.i in seen:
        return []
    seen = seen | {verb.i}
    passive = is_passive(verb)
    for child in verb.children:
        is_agent = child.dep_ in AGENT_DEPS or (child.dep_.startswith("obl") and case_of(child) in PASSIVE_AGENT_CASES)
        if is_agent and passive and (agents := story.entities_between(*span_of(child))):
            return agents
    subject_deps = ("nsubj", "csubj", "expl:subj") if passive else ("nsubj", "csubj", "expl:subj", "nsubj:pass")
    for child in verb.children:
        if child.dep_ in subject_deps:
            return resolve_subject(child, verb, story, seen)
    if passive:
        # "deux soldats ont été tués": by whom, the sentence does not say — unless it names the act that
        # did it ("killed in police firing", "killed when troops opened fire").
        return doer_of_cause(verb, story, seen)
    head = verb.head
    if verb.dep_ == "conj" and head != verb:
        return subject_of(head, story, seen)
    if verb.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN") and (doers := story.entities_between(*span_of(head))):
        return doers  # "police firing on the mob", "gunmen shooting at passers-by"
    if verb.dep_ in ("xcomp", "advcl", "acl", "obl", "ccomp", "acomp") and head != verb:
        if lemma_of(head) in story.cues.accusation:
            accused = [c for c in head.children if c.dep_ in ("obj", "dobj") and c.pos_ != "PRON"]
            if accused:
                return story.entities_between(*span_of(accused[0]))
        return subject_of(head, story, seen)
    if verb.dep_ in ("acl:relcl", "relcl", "acl") and head != verb:
        return story.entities_between(*span_of(head))
    return []


def doer_of_cause(verb: Token, story: Story, seen: frozenset[int]) -> list[Entity]:
    """Who did the act a passive clause names as its cause: the subject of a "when" clause, or the
    modifier of an "in/during" noun ("in police firing", "lors d'une frappe israélienne")."""
    for child in verb.children:
        if child.dep_ == "advcl" and (doers := subject_of(child, story, seen)):
            return doers
        if child.dep_.split(":")[0] in ("obl", "prep", "nmod") and (case_of(child) or "") in CAUSE_CASES:
            target = next((c for c in child.children if c.dep_ == "pobj"), child)
            armed = [
                e
                for e in story.entities_between(target.idx, target.idx + len(target.text))
                if e.sector in ARMED_SECTORS
            ]
            if armed:
                return armed  # "killed in police firing" parsed as "in police", "firing" hanging from it
            for modifier in target.children:
                by_agent = modifier.dep_.split(":")[0] in ("prep", "nmod") and case_of(modifier) in ("by", "par")
                if (modifier.dep_ in ("compound", "amod", "poss") or by_agent) and (
                    doers := story.entities_between(*span_of(modifier))
                ):
                    return doers  # "in police firing", "in firing by the police", "lors d'une frappe israélienne"
    return []


def resolve_subject(subject: Token, verb: Token, story: Story, seen: frozenset[int]) -> list[Entity]:
    """A subject's entities; pronouns and "the two sides" point elsewhere."""
    named = story.entities_between(*span_of(subject))
    if named:
        return named
    if lemma_of(subject) in story.cues.pair_anaphora or any(
        lemma_of(t) in story.cues.pair_anaphora for t in subject.subtree
    ):
        return list(story.main_pair)
    if subject.pos_ == "PRON" and subject.lower_ in RELATIVE_PRONOUNS:
        return story.entities_between(*span_of(verb.head)) if verb.head != verb else []
    if subject.pos_ == "PRON":
        speaker = governing_speech(verb, story.cues)
        if speaker is not None:
            return subject_of(speaker, story, seen)
    return []


def verb_arguments(verb: Token, story: Story, phrase: Sequence[Token] = ()) -> tuple[list[Entity], list[Entity]]:
    """Subject as actor; object, passive subject or a "to/against/with" complement as recipient — of
    the verb or of the other words of its trigger phrase ("halted economic aid to Serbia")."""
    actor = subject_of(verb, story)
    recipient: list[Entity] = []
    for child in verb.children:
        passive_subject = child.dep_ in ("nsubj:pass", "nsubjpass") and is_passive(verb)
        if passive_subject or child.dep_.split(":")[0] in ("obj", "dobj", "iobj", "dative"):
            recipient.extend(story.entities_between(*span_of(child)))
    for word in [verb, *(token for token in phrase if token != verb)]:
        for child in word.children:
            if child.dep_.split(":")[0] not in ("obl", "prep", "nmod"):
                continue
            target = next((c for c in child.children if c.dep_ == "pobj"), child)
            if (case_of(child) or "") in RECIPIENT_CASES:
                recipient.extend(story.entities_between(*span_of(target)))
            else:
                # "called for sanctions against Nigeria": the complement's own "against" names the recipient.
                for inner in target.children:
                    if inner.dep_.split(":")[0] in ("prep", "nmod") and (case_of(inner) or "") in RECIPIENT_CASES:
                        recipient.extend(story.entities_between(*span_of(inner)))
    if not recipient:
        # "demanded that North Korea abandon its programme", "exige que Bakou retire ses troupes": the one
        # asked, accused or refused is the subject of the clause the verb governs.
        for clause in (child for child in verb.children if child.dep_ == "ccomp"):
            for subject in (c for c in clause.children if c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass")):
                recipient.extend(story.entities_between(*span_of(subject)))
    return unique_entities(actor), unique_entities(recipient)


def noun_arguments(noun: Token, story: Story, *, two_sided: bool) -> tuple[list[Entity], list[Entity]]:
    actor: list[Entity] = []
    recipient: list[Entity] = []
    for child in noun.children:
        case = case_of(child) or ""
        target = next((c for c in child.children if c.dep_ == "pobj"), child)
        if child.dep_ == "amod" or child.dep_ == "compound":
            actor.extend(story.entities_between(*span_of(child)))
        elif child.dep_.split(":")[0] in ("nmod", "prep", "obl"):
            entities = story.entities_between(*span_of(target))
            if not entities and any(lemma_of(t) in story.cues.pair_anaphora for t in target.subtree):
                entities = list(story.main_pair)
            if two_sided and case not in PARTY_CASES:
                continue  # "les affrontements liés à l'invasion de l'Ukraine": not a party to them
            if two_sided and case in PARTY_CASES:
                actor.extend(entities)
            elif case in AGENT_CASES:
                # "l'offensive de la Russie", not "a suspension of air links with Serbia": the doer heads
                # the complement, it is not named deeper inside it.
                actor.extend(story.entities_between(*span_of(target, without=(*CLAUSE_DEPS, "prep", "nmod"))))
            elif case in RECIPIENT_CASES:
                recipient.extend(entities)
    governor = noun.head
    if two_sided and not actor and noun.dep_ in SUBJECT_DEPS and governor != noun:
        # "fighting broke out between the army and the RSF": the parties hang from the verb.
        for child in governor.children:
            if child.dep_.split(":")[0] in ("nmod", "prep", "obl") and (case_of(child) or "") in PARTY_CASES:
                target = next((c for c in child.children if c.dep_ == "pobj"), child)
                actor.extend(story.entities_between(*span_of(target)))
    light = governor != noun and lemma_of(governor) in story.cues.light_verbs
    reaction = reacts_to(governor, story.cues)
    if not actor and not reaction and (light or not two_sided) and noun.dep_.split(":")[0] in ("obj", "dobj"):
        # "imposed a curfew", "announced a suspension of air links": the verb's subject does it.
        actor = subject_of(governor, story)
    if not actor and noun.dep_ == "acl" and governor.pos_ in ("NOUN", "PROPN"):
        actor = story.entities_between(governor.idx, governor.idx + len(governor.text))  # "police firing"
    clause = clause_verb(noun)
    adverbial = noun.dep_.split(":")[0] not in (*SUBJECT_DEPS, "obj", "dobj", "nmod", "appos", "conj")
    if not actor and not two_sided and adverbial and clause is not None:
        # "Lors de pourparlers à Bruxelles, A et B ont convenu …": the clause's subject took part.
        actor = subject_of(clause, story)
    return unique_entities(actor), unique_entities(recipient)


def unnamed_doers(head: Token, story: Story) -> list[Entity]:
    """The doers a clause names by a common noun no table lists ("unos 30 jóvenes se manifestaron", "hundreds of
    farmers staged a sit-in"): the subject of the event's verb, or of the light verb whose object is the event's
    noun, as an uncoded entity of the story's country. ACLED codes the people who protest whatever they are
    called; pronouns and relative pronouns point elsewhere."""
    verb = head
    if head.pos_ not in ("VERB", "AUX"):
        light = head.head != head and lemma_of(head.head) in story.cues.light_verbs
        if not (light and head.dep_.split(":")[0] in ("obj", "dobj")):
            return _doers_of_noun(head, story)
        verb = head.head
    subject = next((child for child in verb.children if child.dep_ in ("nsubj", "nsubj:pass", "nsubjpass")), None)
    if subject is None or subject.pos_ not in ("NOUN", "PROPN"):
        return []
    return [_uncoded(subject, story)]


def _doers_of_noun(noun: Token, story: Story) -> list[Entity]:
    """ "la protesta de los camioneros", "a march of farmers": the people an agent case hangs on the event's
    noun, unless they are a time or a place ("la marcha del martes", "the protest of Dakar")."""
    for child in noun.children:
        target = next((c for c in child.children if c.dep_ == "pobj"), child) if child.dep_ == "prep" else child
        if target.pos_ != "NOUN" or case_of(child) not in AGENT_CASES:
            continue
        start, end = span_of(target, without=(*CLAUSE_DEPS, "case"))
        if any(t.start < end and start < t.end for t in story.times) or any(
            p.start < end and start < p.end for p in story.places
        ):
            continue
        return [_uncoded(target, story)]
    return []


def _uncoded(noun: Token, story: Story) -> Entity:
    """People named by a common noun, as an uncoded civilian entity of the story's country."""
    start, end = span_of(noun, without=(*CLAUSE_DEPS, "case"))
    return Entity(entity_text=story.text[start:end], code=story.home, sector="CVL", start=start, end=end)


_FOLDED_RECIPIENT_CASES = frozenset(fold_key(word) for word in RECIPIENT_CASES)
_FLAT_BREAK = re.compile(r"\s[-–—]\s|[()]")
_FOLDED_SOURCE_MARKERS = frozenset(fold_key(word) for word in SOURCE_MARKERS)


def _introduced_by(sentence: Span, entity: Entity, markers: frozenset[str]) -> bool:
    """Whether one of the two words before the name is one of `markers` (folded as names are)."""
    before = [token for token in sentence if token.idx + len(token.text) <= (entity.start or 0)][-2:]
    return any(fold_key(token.text) in markers for token in before)


def _overlap(first: Entity, second: Entity) -> bool:
    return (first.start or 0) < (second.end or 0) and (second.start or 0) < (first.end or 0)


def flat_arguments(
    trigger: Sequence[Token], sentence: Span, story: Story, word_order: str
) -> tuple[list[Entity], list[Entity]]:
    """Who did what to whom in a sentence no parser read (`flat_pipeline`): the names of the sentence in their
    order around the trigger. In a VSO language the first name after the trigger acts and the next undergoes
    ("قتل مسلحون خمسة جنود"); in an SVO language the last name before it acts and the first after undergoes.
    A name a recipient preposition introduces undergoes ("هجوم على موقع للجيش"); one a source marker
    introduces ("بحسب وزارة الدفاع") says so and takes no part."""
    start, end = trigger[0].idx, trigger[-1].idx + len(trigger[-1].text)
    named = [m.entity for m in story.actors if m.entity.start is not None and m.entity.end is not None]
    kinds = [e for e in story.generic if not any(_overlap(e, n) for n in named)]
    in_sentence = [
        e for e in (*named, *kinds) if e.start is not None and sentence.start_char <= e.start < sentence.end_char
    ]
    names = sorted(
        (e for e in unique_entities(in_sentence) if not _introduced_by(sentence, e, _FOLDED_SOURCE_MARKERS)),
        key=lambda e: e.start or 0,
    )
    # A name cut off from the trigger by a dash or a bracket (a dateline, "الخرطوم (وكالة) - قتل …") takes no part.
    before = [e for e in names if (e.end or 0) <= start and not _FLAT_BREAK.search(story.text[e.end or 0 : start])]
    after = [e for e in names if (e.start or 0) >= end]
    undergoing = [e for e in after if _introduced_by(sentence, e, _FOLDED_RECIPIENT_CASES)]
    doing = [e for e in after if e not in undergoing]
    if word_order == "VSO" and after:
        actor = doing[:1] if after[0] in doing else []
        return actor, (undergoing or doing[1:])[:1]
    return before[-1:], (undergoing or doing)[:1]


def mediators_in(
    sentence: Span, story: Story, *, exclude: frozenset[str], words: frozenset[str] | None = None
) -> list[Entity]:
    """Third parties named as brokering: "sous la médiation de l'UE", "médiation russe", "brokered by"; or, with
    other `words`, in another third party's role ("Turkey, the guarantor")."""
    mediators: list[Entity] = []
    for token in sentence:
        if lemma_of(token) not in (story.cues.mediation if words is None else words):
            continue
        if not sentence.doc.has_annotation("DEP"):
            # No parse: the names in the few words after the mediation word ("بوساطة روسية").
            following = sentence.doc[token.i + 1 : min(token.i + 1 + FLAT_MEDIATOR_WINDOW, sentence.end)]
            if len(following):
                mediators.extend(story.entities_between(following.start_char, following.end_char))
        elif token.pos_ in ("NOUN", "PROPN"):
            for child in token.children:
                if child.dep_ in ("amod", "nmod", "prep", "compound"):
                    target = next((c for c in child.children if c.dep_ == "pobj"), child)
                    mediators.extend(story.entities_between(*span_of(target)))
        elif token.pos_ == "VERB":
            mediators.extend(subject_of(token, story))
    return [entity for entity in unique_entities(mediators) if entity.code not in exclude]


def story_brokers(story: Story) -> frozenset[str]:
    """The codes the story names as brokering anywhere ("sous la médiation du Qatar"): a broker is no side."""
    return frozenset(
        e.code for sentence in story.doc.sents for e in mediators_in(sentence, story, exclude=frozenset()) if e.code
    )


def attribution_of(head: Token, sentence: Span, story: Story) -> Attribution | None:
    """Who says so: "selon X", a speech verb governing the event, or one inserted in a quotation."""
    clause = [head, *head.ancestors]
    for token in clause:
        for child in token.children:
            if lemma_of(child) in SOURCE_MARKERS or (
                child.dep_ in ("obl", "prep", "nmod", "obl:mod") and case_of(child) in SOURCE_MARKERS
            ):
                source = story.entities_between(*span_of(child))
                text = story.text[span_of(child)[0] : span_of(child)[1]]
                return Attribution(source=source[0] if source else None, text=text, kind="statement")
    for ancestor in head.ancestors:
        lemma = lemma_of(ancestor)
        if lemma in story.cues.accusation or lemma in story.cues.speech:
            return speaker_of(ancestor, story, lemma in story.cues.accusation)
    root = sentence.root
    for child in root.children:
        # "…, a annoncé l'armée": a speech verb set after the clause it reports (French inversion).
        inserted = child.dep_.startswith("parataxis") or (child.dep_ == "conj" and child.i > head.i)
        if inserted and lemma_of(child) in story.cues.speech and child != head:
            return speaker_of(child, story, False)
    return None


def speaker_of(verb: Token, story: Story, accusation: bool) -> Attribution:
    inverted = [c for c in verb.children if c.dep_ in ("obj", "dobj") and c.i > verb.i]
    has_subject = any(c.dep_ in SUBJECT_DEPS for c in verb.children)
    if not has_subject and inverted and verb.head.i < verb.i:
        speakers = story.entities_between(*span_of(inverted[0]))  # "…, a annoncé l'armée malienne"
        start, end = verb.idx, span_of(inverted[0])[1]
    else:
        speakers = subject_of(verb, story)
        start, end = span_of(
            verb, without=("ccomp", "xcomp", "obj", "advcl", "parataxis", "acl:relcl", "conj", "punct")
        )
    kind = "accusation" if accusation else ("claim" if lemma_of(verb) in CLAIM_VERBS else "statement")
    return Attribution(source=speakers[0] if speakers else None, text=story.text[start:end], kind=kind)


def civilians(entities: Sequence[Entity]) -> bool:
    """Actors who are all known to be neither a state nor armed (workers, students, a crowd)."""
    sectors = [entity_sectors(entity) for entity in entities]
    return bool(sectors) and all(found and not found & (STATE_SECTORS | ARMED_SECTORS) for found in sectors)

"""Syntax: the questions the story reader asks of a spaCy parse, in one place for French, English and any language
with a Universal Dependencies parser (the English model's own labels are read beside UD's).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from treve.resources.event_lexicon import LanguageCues
from treve.resources.function_words import words

SUBJECT_DEPS = ("nsubj", "nsubj:pass", "nsubjpass", "csubj", "expl:subj")
AGENT_DEPS = ("obl:agent", "agent")
# Types whose head is the act itself, not the speech verb that reports it ("police said gunmen killed …").
# Dependencies of the clauses a phrase embeds (they name other people).
CLAUSE_DEPS = ("acl:relcl", "relcl", "acl", "ccomp", "advcl")
# Types of the verbs that react to the event their object names, without doing it.
REACTION_TYPES = {"ACCUSE", "REJECT", "SUPPORT", "REQUEST", "PROTEST"}
RELATIVE_PRONOUNS = words("relative_pronouns")
REFLEXIVE_CLITICS = words("reflexive_clitics")
RECIPROCAL_PHRASES = words("reciprocal_phrases")
SEQUEL_VERBS = words("sequel_verbs")


def span_of(token: Token, *, without: Sequence[str] = CLAUSE_DEPS) -> tuple[int, int]:
    """Character range of a token's subtree, without the clauses it embeds (they name other people)."""
    tokens = [token]
    stack = [child for child in token.children if child.dep_ not in without]
    while stack:
        child = stack.pop()
        tokens.append(child)
        stack.extend(grandchild for grandchild in child.children if grandchild.dep_ not in without)
    return min(t.idx for t in tokens), max(t.idx + len(t.text) for t in tokens)


def case_of(token: Token) -> str | None:
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


def lemma_of(token: Token) -> str:
    return (token.lemma_ or token.text).lower()


def clause_verb(token: Token) -> Token | None:
    """The verb of the clause a word belongs to."""
    for ancestor in token.ancestors:
        if ancestor.pos_ in ("VERB", "AUX"):
            return ancestor
    return None


def own_clause(token: Token) -> Token:
    """The verb heading the clause of a trigger word (the word itself when it is a verb)."""
    return token if token.pos_ in ("VERB", "AUX") else clause_verb(token) or token


def tells_the_past(token: Token) -> bool:
    verb = token if token.pos_ in ("VERB", "AUX") else clause_verb(token)
    if verb is None:
        return False
    tenses = set(verb.morph.get("Tense"))
    for child in verb.children:
        if child.dep_.startswith("aux"):
            tenses |= set(child.morph.get("Tense"))
    return verb.tag_ in ("VBD", "VBN") or bool(tenses & {"Past", "Imp", "Pqp"})


def is_plural(token: Token) -> bool:
    numbers = [child for child in token.children if child.dep_ == "nummod" and child.like_num]
    return "Plur" in token.morph.get("Number") and (bool(numbers) or token.tag_ == "NNS")


def is_passive(verb: Token) -> bool:
    """A passive clause: a passive auxiliary or an agent (not a pronominal verb, which French parses
    alike), or a past participle modifying a noun ("un cessez-le-feu négocié par la Russie")."""
    if any(child.lower_ in REFLEXIVE_CLITICS for child in verb.children):
        return False
    if any(child.dep_ in ("aux:pass", "auxpass", *AGENT_DEPS) for child in verb.children):
        return True
    bare = not any(child.dep_.startswith("aux") for child in verb.children)
    if bare and "Pass" in verb.morph.get("Voice") and verb.dep_ not in ("amod", "acl"):
        return True  # a passive participle heading its clause with no auxiliary: "задержаны десятки человек"
    past_participle = verb.tag_ == "VBN" or (
        "Part" in verb.morph.get("VerbForm") and "Past" in verb.morph.get("Tense") and verb.tag_ != "VBG"
    )
    return verb.dep_ == "acl" and past_participle  # not "police firing on the crowd"


def adverbial_noun(token: Token) -> bool:
    """An event noun in a prepositional phrase: the cause, time or setting of its clause ("closed its borders
    because of the fighting")."""
    return token.pos_ in ("NOUN", "PROPN") and (token.dep_ == "pobj" or token.dep_.split(":")[0] in ("obl", "nmod"))


def governs(head: Token, dependent: Token, levels: int = 2) -> bool:
    """Whether `dependent` hangs from `head` within a couple of links ("tué ... lors d'une fusillade")."""
    for _ in range(levels):
        if dependent.head == dependent:
            return False
        dependent = dependent.head
        if dependent == head:
            return True
    return False


def relative_antecedent(token: Token) -> Token | None:
    """The noun a relative clause is about ("des coups de feu qui ont commencé … et qui ont tué …")."""
    clause = token
    while clause.dep_ == "conj" and clause.head != clause:
        clause = clause.head
    if clause.dep_ in ("acl:relcl", "relcl") and clause.head != clause:
        return clause.head
    return None


def refers_back(sentence: Span) -> bool:
    """A sentence that continues the previous one's story: "cet accord", "the conflict that followed"."""
    return any(
        (token.pos_ == "DET" and "Dem" in token.morph.get("PronType")) or lemma_of(token) in SEQUEL_VERBS
        for token in sentence
    )


def is_reciprocal(head: Token) -> bool:
    """ "se sont accusés", "accused each other": the subjects are also the recipients."""
    reflexive = any(
        c.dep_ in ("expl:comp", "expl:pv", "obj", "iobj") and c.lower_ in REFLEXIVE_CLITICS for c in head.children
    )
    sentence = head.sent.text.lower()
    each_other = any(phrase in sentence for phrase in RECIPROCAL_PHRASES)
    subjects = [c for c in head.children if c.dep_ in SUBJECT_DEPS]
    plural = any(any(gc.dep_ == "conj" for gc in s.children) for s in subjects)
    return (reflexive and plural) or each_other


def governing_speech(verb: Token, cues: LanguageCues) -> Token | None:
    for ancestor in verb.ancestors:
        if lemma_of(ancestor) in cues.speech:
            return ancestor
    return None


def names_an_event(word: Token, cues: LanguageCues) -> bool:
    """A word that is a trigger of its own ("will investigate the killing": the investigation is to come, not
    the killing)."""
    return any(len(lemmas) == 1 for lemmas, _ in cues.phrases.get(lemma_of(word), []))


def reacts_to(verb: Token, cues: LanguageCues) -> bool:
    """A verb that tells a reaction to what its object names ("condemned the attack", "demanded a ceasefire"):
    its subject is not the object's doer."""
    return any(
        len(lemmas) == 1 and trigger.event in REACTION_TYPES for lemmas, trigger in cues.phrases.get(lemma_of(verb), [])
    )

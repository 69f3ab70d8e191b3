"""Event location: among the places an article names, the one where a given event happened.

A sentence names places in many roles: where the event happened ("killed in Gao", "près de Gao"), what it
struck ("captured the town of Bakwa", "les frappes sur Kharkiv"), who acted ("Syrian forces", "Moscou a
déclaré"), where someone came from ("a driver from Abidjan") and where another event happened ("the army
said in Bamako"). The role is read from the dependency path between the event's word and the place, with
rules that hold for English (ClearNLP relations) and French (Universal Dependencies). Going up from the place:

1. the first preposition decides: a locative one ("in", "near", "à", "dans", "près de") makes the place the
   event's, any other ("from", "by", "to", "de" on a verb, "par", "contre") does not, except along the way
   of a march or a patrol ("marched to X", "patrolling from X"); "of"/"de" under a noun
   only links a phrase to its name ("a district of the Kodori Gorge", "la région de Mopti"); a locative
   phrase still belongs to a report when "according to" or a reporting clause holds it ("according to
   officials in Kabul");
2. an active subject is an actor, a verb other than one going on with the same scene starts another event
   (so does a clause of another time or a condition: "since", "if"; a relative clause on what the event
   struck does not: "killed people who tried to flee X"), and a country qualifying a thing says whose it is
   ("a U.S. airstrike");
3. with none of those, a place under the event's word (its object, a passive subject, a modifier of its
   noun), or under a verb the event's word goes on from ("stormed X, killing eleven"), is what the event
   struck, hence where it happened;
4. a place attached to a clause that reports the event ("said in Bamako") belongs to the reporting.

A landmark ("north of Kirkuk") or an owner ("Haiti's leader") is the event's place only inside its
locative phrase; a possessive there says where ("killed in Syria's war").

Of the event's places, those under its own word come first, then those not reached through a clause of
their own ("captured X and is besieging Y"), then those named for themselves rather than as a landmark, then
those said of the act rather than of its actor ("people in X patrolled Y"), then the most specific (a town
before its province: an "of" chain or a "Town, Province" pair names both; an unknown name called a province
or a border is large), then the nearest along the parse. Failing those, the nearest other place of the
sentence that the gazetteer knows, then the story's first place. A capital standing for its government
(metonymic) and the place of the story's dateline (where it was filed) are never a location; a people's name
("Syrian") is at most the sentence's guess. How the place was chosen comes back with it: only `locative` and
`syntax` say that the sentence itself places the event there.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from spacy.tokens import Doc, Span, Token

from treve.records import Event, PlaceMention
from treve.resources.function_words import words
from treve.stages.place_names import (
    AROUND,
    BEARING_ADJECTIVES,
    BEARINGS,
    BORDER_NOUNS,
    PLACE_NOUNS,
    POSSESSIVES,
    done_to_place,
)


class Basis(StrEnum):
    """How the place was chosen, from the strongest evidence to the weakest."""

    locative = "locative"  # a locative phrase of the event: "attacked near Gao", "tués au Mali"
    syntax = "syntax"  # what the event struck, nearest along the parse: "captured Bakwa", "bombing of Aziziyah"
    sentence = "sentence"  # a place of the same sentence in another role: a guess
    story = "story"  # the story's first place (not its dateline): a guess


_BASIS_RANK = {basis: rank for rank, basis in enumerate(Basis)}


@dataclass(frozen=True)
class EventLocation:
    mention: PlaceMention
    basis: Basis

    @property
    def stated(self) -> bool:
        """Whether the sentence itself says the event happened there, rather than treve guessing."""
        return self.basis in (Basis.locative, Basis.syntax)


class _Role(StrEnum):
    locative = "locative"
    struck = "struck"
    other = "other"  # an actor, an origin, a destination, the place of another event


LOCATIVE_MARKERS = words("locative_markers")
# Said of the time of the event: the place of a phrase under them is still the event's ("during the
# offensive in Afghanistan"), unlike under "after" or "since", which name another event.
SIMULTANEOUS_MARKERS = words("simultaneous_markers")
LINK_MARKERS = words("link_markers")  # under a noun: "district of", "région de"
SPAN_MARKERS = words("span_markers")  # under a place noun: "the zone between X and Y"
# A share of a place, before "of": "captured half of Zaire".
SHARES = words("shares")
# A march or a patrol happens all along its way, from where it starts to where it ends: "marched to the city
# government offices", "patrolling from the city to the airport".
ROUTE_VERBS = words("route_verbs")
ROUTE_MARKERS = words("route_markers")
_LOCATIVE_BEFORE = words("locative_before")
NOUN_TAGS = frozenset({"NOUN", "PROPN", "PRON", "NUM", "X"})
# An active subject acts; a passive one ("the Kljuc region was captured") is what the event struck.
ACTOR_RELATIONS = frozenset({"nsubj", "csubj", "expl", "agent"})
# A clause that reports the event, or a separate statement beside it: its places are not the event's.
REPORTING_RELATIONS = frozenset({"ccomp", "parataxis"})
# Clauses that go on with the same scene ("attacked the post, killing two", "tués en attaquant"); any other
# verb between the event's word and a place makes the place another event's ("soldiers stationed in X").
SAME_SCENE_RELATIONS = frozenset({"advcl", "conj", "xcomp"})
# A clause set at another time or under a condition is another scene, even as an adverbial clause: "killed
# since the army shelled X", "would patrol if families stayed in X". One told as its circumstance ("killed
# while filming in X", "killed after clashes in X") is the same scene.
OTHER_SCENE_MARKS = words("other_scene_marks")
# "a U.S. airstrike", "Syrian Army positions": a country that qualifies a thing says whose it is, unless the
# thing is a place ("a Hong Kong hotel"); a town says where it is ("a Jerusalem roadblock"). A possessive
# says where ("Syria's conflict", "Venezuela's oil installations").
ATTRIBUTE_RELATIONS = frozenset({"compound", "amod", "npadvmod", "nmod"})
# The event's word qualifies the place's noun: "the besieged town of Madaya", "la ville assiégée de Marioupol".
# Or a relative clause on it: "the village where eight were killed".
MODIFIER_RELATIONS = frozenset({"amod", "acl", "compound", "relcl", "acl:relcl"})


def _marker(token: Token) -> str | None:
    """The preposition that introduces the phrase `token` heads: English marks it with a `prep` node on the
    path, French with `case` children. "près de", "close to": the word before makes the phrase locative."""
    if token.dep_ in ("prep", "agent"):
        first, words = token, token.lower_
    else:
        # English marks possessives `case`, like French prepositions.
        cases = [child for child in token.children if child.dep_ == "case" and child.lower_ not in POSSESSIVES]
        if not cases:
            return None
        first, words = cases[0], " ".join(case.lower_ for case in cases)
    before = token.doc[first.i - 1] if first.i > 0 else None
    if before is not None and before.lower_ in _LOCATIVE_BEFORE:
        return f"{before.lower_} {words}"
    return words


def _same_scene(verb: Token) -> bool:
    """Whether a verb between the place and the event's word goes on with the event's scene: a participle
    ("attacked the post, killing two"), a conjoined verb ("killed two and wounded five in X"), a clause of
    its circumstances ("killed while filming in X"), not one of another time or a condition."""
    return verb.dep_ in SAME_SCENE_RELATIONS and not _other_scene(verb)


def _other_scene(verb: Token) -> bool:
    return any(child.dep_ == "mark" and child.lower_ in OTHER_SCENE_MARKS for child in verb.children)


def _tells_of_victims(verb: Token, trigger_side: Sequence[Token]) -> bool:
    """Whether a relative clause describes what the event struck, and so where it was struck: "killed
    dozens of people who tried to flee the city of X"."""
    if trigger_side or verb.dep_ not in ("relcl", "acl:relcl"):
        return False
    token = verb.head
    while token.dep_ in ("pobj", "compound", "appos", "conj") or (token.dep_ == "prep" and token.lower_ == "of"):
        token = token.head
    return token.dep_ in ("dobj", "obj", "nsubjpass", "nsubj:pass")


def _holds_place(owned: Token) -> bool:
    """Whether a possessive's noun says where: a place noun ("Lebanon's border"), or the object of a verb done
    to places ("patrolled Venezuela's oil installations")."""
    return owned.lemma_.lower() in PLACE_NOUNS or (owned.dep_ in ("dobj", "obj") and done_to_place(owned))


def _part_of_place(head: Token) -> bool:
    """Whether the noun before "of" names a part or a share of the place ("the town of", "the outskirts of",
    "most of") rather than a thing of it: "employees of a firm of X were killed" were not killed in X."""
    return head.pos_ not in ("NOUN", "PROPN") or head.lemma_.lower() in PLACE_NOUNS | AROUND | BEARINGS | SHARES


def _links(head: Token) -> bool:
    """Whether "of"/"de" under `head` only leads on to the place: "a district of", "much of"."""
    return head.pos_ in NOUN_TAGS or head.pos_ in ("ADJ", "DET")


def _names_an_owner(token: Token, mention: PlaceMention) -> bool:
    """Whether the place, a country, qualifies a thing that is neither a part of it nor a date (a misparse:
    "Antwerp Friday")."""
    head = token.head
    country = mention.place is not None and mention.place.resolution == 1
    return (
        country
        and token.dep_ in ATTRIBUTE_RELATIONS
        and head.lemma_.lower() not in PLACE_NOUNS
        and head.ent_type_ not in ("DATE", "TIME")
    )


def _role(
    mention: PlaceMention,
    place_side: Sequence[Token],
    trigger_side: Sequence[Token],
    under_event: bool,
    locative: frozenset[str] = LOCATIVE_MARKERS,
) -> _Role:
    """The place's role (see the module's doc) from the path between it and the event's word: the tokens from
    the place up to, not including, their lowest common ancestor, and those from the event's word up to it."""
    if any(step.dep_ in REPORTING_RELATIONS for step in trigger_side):
        return _Role.other
    if place_side and _names_an_owner(place_side[0], mention):
        return _Role.other
    role: _Role | None = None
    # "west of Mosul", "Haiti's leader": a landmark, an owner; the event's place only inside its locative phrase
    # ("near Lebanon's border") or as the place it struck ("patrolled Grozny's streets").
    aside = False
    victims = bool(place_side) and place_side[-1].dep_ in ("nsubjpass", "nsubj:pass")
    for token in place_side:
        if role is not None:
            if token.dep_ in REPORTING_RELATIONS or (token.dep_ == "prep" and token.pos_ == "VERB"):
                return _Role.other  # "according to sources in Nineveh", "following an attack in Gao"
            if token.pos_ in ("VERB", "AUX") and _other_scene(token):
                return _Role.other
            continue
        if token.pos_ in ("VERB", "AUX") and not _same_scene(token) and not _tells_of_victims(token, trigger_side):
            return _Role.other
        if token.dep_ in ACTOR_RELATIONS:
            return _Role.other
        marker = _marker(token)
        aside = aside or (marker in LINK_MARKERS and token.head.lemma_.lower() in BEARINGS)
        aside = aside or (token.dep_ == "poss" and not _holds_place(token.head))
        linking = (
            marker in LINK_MARKERS
            or (marker == "to" and token.head.pos_ in NOUN_TAGS)
            or (marker in SPAN_MARKERS and token.head.lemma_.lower() in PLACE_NOUNS)
        )
        aside = aside or (linking and victims and token.head in place_side and not _part_of_place(token.head))
        if marker is None or (linking and (aside or _links(token.head))):
            continue
        if marker not in locative | SIMULTANEOUS_MARKERS:
            return _Role.other
        role = _Role.locative
    return role or (_Role.struck if under_event and not aside else _Role.other)


@dataclass(frozen=True)
class _Candidate:
    mention: PlaceMention
    role: _Role
    remote: bool  # reached through a clause above the event's word ("In Kabul, a bomb exploded, killing two")
    landmark: bool  # named to say where another place is: "near Tikrit, north of Baghdad"
    through_verb: bool  # reached through a clause of its own: "captured X and is besieging Y"
    on_actor: bool  # said of an actor rather than of the act: "people in X were patrolling Y"
    division: bool  # named with a division's noun: "the province of X", "X state"
    distance: int  # dependency edges between the event's word and the place

    @property
    def specificity(self) -> int:
        """Mordecai's resolution (4 a town, 1 a country). A name the gazetteer lacks is taken to be small,
        since what it lacks are villages and neighbourhoods, unless it names a part of a larger place
        ("south Kashmir", "the eastern coast"), a division or a border."""
        place = self.mention.place
        if place is not None and place.resolution is not None:
            return place.resolution
        words = self.mention.text.split()
        if words[-1].lower() in BORDER_NOUNS or self.division:
            return 2  # a province, or a border that runs the length of two countries
        return 2 if words[0].islower() or words[0].lower() in BEARINGS | BEARING_ADJECTIVES else 5


def _ancestors(token: Token) -> list[Token]:
    """The token, its head, its head's head, up to the root of its sentence."""
    chain = [token]
    while chain[-1].head != chain[-1]:
        chain.append(chain[-1].head)
    return chain


def _candidate(trigger: Token, mention: PlaceMention, name: Span) -> _Candidate:
    """Where the place stands relative to the event's word in the parse."""
    trigger_chain = _ancestors(trigger)
    depth_above_trigger = {token.i: depth for depth, token in enumerate(trigger_chain)}
    place_side: list[Token] = []
    token = name.root
    while token.i not in depth_above_trigger:
        place_side.append(token)
        token = token.head
    trigger_side = trigger_chain[: depth_above_trigger[token.i]]
    under_event = not trigger_side or (len(trigger_side) == 1 and trigger.dep_ in MODIFIER_RELATIONS)
    # "attacked Damboa, killing 60": what the verb the event's word goes on from struck is the event's place too.
    under_scene = bool(trigger_side) and all(_same_scene(step) for step in trigger_side)
    locative = LOCATIVE_MARKERS | ROUTE_MARKERS if trigger.lemma_.lower() in ROUTE_VERBS else LOCATIVE_MARKERS
    role = _role(mention, place_side, trigger_side, under_event or under_scene, locative)
    landmark = any(step.head.lemma_.lower() in BEARINGS for step in place_side)
    through_verb = any(step.pos_ in ("VERB", "AUX") for step in place_side)
    on_actor = any(step.dep_ in ("nsubj", "csubj") for step in place_side)
    distance = len(place_side) + len(trigger_side)
    division = _named_as_division(name)
    return _Candidate(mention, role, not under_event, landmark, through_verb, on_actor, division, distance)


DIVISION_NOUNS = words("division_nouns")


def _named_as_division(name: Span) -> bool:
    """Whether the name is called a division by its own last word or the noun it names ("the province of
    Irian Jaya", "Kirkuk province"), which says how large a place the gazetteer lacks is."""
    root = name.root
    governor = root.head.head if root.dep_ == "pobj" and root.head.lower_ in LINK_MARKERS else root.head
    return any(word.lemma_.lower() in DIVISION_NOUNS for word in (name[-1], governor))


def _name_span(doc: Doc, mention: PlaceMention) -> Span | None:
    return doc.char_span(mention.start, mention.end, alignment_mode="expand")


# Where the story was filed, and a name that stands for an actor (a capital for its government, a people's
# name for its country): never the story's place. A people's name may still be a sentence's guess ("Ukrainian
# officials said four were killed"); a metonymic capital never is.
NO_EVENT_PLACE = frozenset({"dateline", "actor"})


def _story_place(mentions: Sequence[PlaceMention]) -> PlaceMention | None:
    """The story's first resolved place that is neither an actor nor its dateline (where the story was filed)."""
    ordered = sorted(mentions, key=lambda m: m.start)
    return next((m for m in ordered if m.place is not None and m.role not in NO_EVENT_PLACE), None)


def locate_event(trigger: Token, mentions: Sequence[PlaceMention]) -> EventLocation | None:
    """The place where the event named by `trigger` happened, among the article's place `mentions` (character
    offsets into `trigger.doc`), with how it was chosen; None when the article names no usable place."""
    sentence = trigger.sent
    in_sentence = []
    for mention in mentions:
        name = _name_span(trigger.doc, mention)
        if mention.metonymic or mention.role == "dateline" or name is None:
            continue
        if sentence.start <= name.start and name.end <= sentence.end:
            in_sentence.append((mention, name))
    if not trigger.doc.has_annotation("DEP"):
        # No parse to say how a place hangs on the event: the sentence's place nearest its word.
        known = [found for found in in_sentence if found[0].place is not None]
        nearest = min(known, key=lambda found: abs(found[1].start - trigger.i), default=None)
        if nearest is not None:
            return EventLocation(nearest[0], Basis.sentence)
    else:
        candidates = [_candidate(trigger, mention, name) for mention, name in in_sentence]
        stated = [c for c in candidates if c.role is not _Role.other]
        if stated:
            best = min(
                stated, key=lambda c: (c.remote, c.through_verb, c.landmark, c.on_actor, -c.specificity, c.distance)
            )
            return EventLocation(best.mention, Basis.locative if best.role is _Role.locative else Basis.syntax)
        # A guess is worth making only with a known place: a name the gazetteer lacks says nothing of where.
        known = [c for c in candidates if c.mention.place is not None]
        if known:
            return EventLocation(min(known, key=lambda c: c.distance).mention, Basis.sentence)
    story = _story_place(mentions)
    return EventLocation(story, Basis.story) if story is not None else None


def best_location(locations: Sequence[EventLocation | None]) -> EventLocation | None:
    """Where an event told in several places of the article happened: the place a sentence states before the
    one treve guessed, the first telling on a tie."""
    found = [location for location in locations if location is not None]
    return min(found, key=lambda location: _BASIS_RANK[location.basis], default=None)


def with_event_roles(places: Sequence[PlaceMention], events: Sequence[Event]) -> list[PlaceMention]:
    """The article's places, those where one of its events happened marked `event` (a name told again for the
    same place is the event's too, whichever telling placed it)."""
    where = {
        (event.location.extracted_place, event.location.lat, event.location.lon)
        for event in events
        if event.location is not None
    }

    def resolved(mention: PlaceMention) -> tuple[str, float | None, float | None]:
        place = mention.place
        return (mention.text, place.lat, place.lon) if place is not None else (mention.text, None, None)

    return [
        mention.model_copy(update={"role": "event"})
        if mention.role == "other" and resolved(mention) in where
        else mention
        for mention in places
    ]

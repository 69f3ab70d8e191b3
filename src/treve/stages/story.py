"""The story: what the reader finds once per article before it reads any event (the parse, the actors the
dictionaries know and those named by their kind, the places, the times, the casualty figures, the country the
story happens in and the pair of countries it is most about).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc, Span, Token

from treve.records import Duration, Entity, PlaceMention
from treve.resources.actors import ActorMention
from treve.resources.event_lexicon import LanguageCues
from treve.stages.casualties import CasualtyMention
from treve.stages.syntax import lemma_of
from treve.stages.time import TimeMention

# Named-entity labels (French and English models) that can name an actor the dictionaries lack (places
# the dictionaries do not know are mostly towns: locations, not actors).
UNKNOWN_ACTOR_LABELS = {"ORG", "PERSON", "PER", "NORP"}
# Mentions that tell which country a story is set in: the country, its capital, and its own institutions
# ("the Chadian government": Chad, however often a mediator country is named).
HOME_KINDS = ("country", "capital", "institution")


@dataclass
class Story:
    """What one article's coding needs, found once."""

    text: str
    doc: Doc
    cues: LanguageCues
    actors: list[ActorMention]
    times: list[TimeMention]
    durations: list[tuple[int, int, Duration]]  # (start, end, length) of each length of time the text counts
    casualties: list[CasualtyMention]
    published: date | None
    main_pair: list[Entity]
    generic: list[Entity]
    home: str | None

    unknown: list[Entity]
    places: list[PlaceMention]
    _sentence_numbers: dict[int, int] = field(default_factory=dict)

    def sentence_number(self, sentence: Span) -> int:
        """The position of a sentence in the article, counting from 0."""
        if not self._sentence_numbers:
            self._sentence_numbers.update({s.start: number for number, s in enumerate(self.doc.sents)})
        return self._sentence_numbers[sentence.start]

    def entities_between(self, start: int, end: int) -> list[Entity]:
        """The actors named in a stretch of text: those the dictionaries know and those named by their kind alone
        ("le gouvernement malien et les groupes rebelles"); failing both, names the language model recognises,
        uncoded."""
        for found in ([*(m.entity for m in self.actors), *self.generic], self.unknown):
            inside = sorted((e for e in found if e.start is not None and start <= e.start < end), key=_start)
            if inside:
                return unique_entities(inside)
        return []


def _start(entity: Entity) -> int:
    return entity.start or 0


def unique_entities(entities: Iterable[Entity]) -> list[Entity]:
    seen: set[tuple[str | None, str | None, str]] = set()
    result = []
    for entity in entities:
        key = (entity.code, entity.sector, entity.entity_text)
        if key not in seen:
            seen.add(key)
            result.append(entity)
    return result


def codes(entities: Iterable[Entity]) -> frozenset[str]:
    return frozenset(entity.code for entity in entities if entity.code)


def main_pair(actors: Sequence[ActorMention]) -> list[Entity]:
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


def unknown_names(doc: Doc, text: str, actors: Sequence[ActorMention]) -> list[Entity]:
    """Organisations and people the model names but no dictionary knows: actors without a code."""
    known = _named_spans(actors)
    return [
        Entity(entity_text=text[ent.start_char : ent.end_char], start=ent.start_char, end=ent.end_char)
        for ent in doc.ents
        if ent.label_ in UNKNOWN_ACTOR_LABELS and not any(a < ent.end_char and ent.start_char < b for a, b in known)
    ]


def people_by_title(doc: Doc, text: str, titles: Sequence[Entity], unknown: Sequence[Entity]) -> list[Entity]:
    """Names no dictionary knows, coded by the title written just before them and wherever the article names
    them again: "South Korean President Yoon Suk Yeol … Yoon apologized" makes both Yoons KOR/GOV. A name is
    named again by any of its words (family names come first in some languages, last in others)."""
    titled: dict[str, Entity] = {}
    for person in unknown:
        title = next((t for t in titles if t.code and _just_before(t, person)), None)
        if title is not None:
            for word in person.entity_text.split():
                titled.setdefault(word.lower(), title)
    coded = []
    for person in unknown:
        title = next((titled[w.lower()] for w in person.entity_text.split() if w.lower() in titled), None)
        coded.append(
            person if title is None else person.model_copy(update={"code": title.code, "sector": title.sector})
        )
    taken = [(e.start, e.end) for e in coded if e.start is not None and e.end is not None]
    for token in doc:
        title = titled.get(token.lower_) if token.pos_ == "PROPN" else None
        if title is None or any(a <= token.idx < b for a, b in taken):
            continue
        end = token.idx + len(token.text)
        coded.append(
            Entity(entity_text=text[token.idx : end], code=title.code, sector=title.sector, start=token.idx, end=end)
        )
    return sorted(coded, key=lambda entity: entity.start if entity.start is not None else -1)


def _just_before(title: Entity, person: Entity) -> bool:
    """The title ends right before the name begins ("President" + " " + "Joao Mabunda")."""
    if title.end is None or person.start is None:
        return False
    return 0 <= person.start - title.end <= 1


def home_country(actors: Sequence[ActorMention], places: Sequence[PlaceMention]) -> str | None:
    """The country the story happens in: the one most of its towns and provinces lie in, when one leads;
    failing that, the country it names more often than any other. "The army" of a story set in El Fasher is
    Sudan's, however often the Saudi mediators are named."""
    local = Counter(
        m.place.country_code
        for m in places
        if not m.metonymic and m.place is not None and m.place.country_code and (m.place.resolution or 1) >= 2
    )
    named = Counter(m.entity.code for m in actors if m.kind in HOME_KINDS and m.entity.code)
    for counts in (local, named):
        leading = counts.most_common(2)
        if leading and (len(leading) == 1 or leading[0][1] > leading[1][1]):
            return leading[0][0]
    return None


def qualified_by_kind(doc: Doc, text: str, actors: Sequence[ActorMention], cues: LanguageCues) -> list[ActorMention]:
    """A country named as the adjective of an actor's kind ("Afghan rebels", "la police indienne", "French
    farmers") is that kind of actor of that country: the mention takes the kind's sector and the whole phrase."""
    by_start = {m.entity.start: m for m in actors if m.entity.sector is None and m.entity.start is not None}
    qualified = {}
    for token in doc:
        sector = cues.generic_actors.get(lemma_of(token))
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


def generic_actors(
    doc: Doc, text: str, actors: Sequence[ActorMention], cues: LanguageCues, home: str | None
) -> list[Entity]:
    """ "la police", "the army": the sector from the lexicon, the code of the story's country if one stands out. A
    kind written as the adjective of a noun ("les groupes rebelles", "fuerzas rebeldes") makes the noun's phrase
    that kind of actor."""
    named = _named_spans(actors)
    tagged = doc.has_annotation("POS")  # a language read without a parser has no tags to check
    found = []
    for token in doc:
        sector = cues.generic_actors.get(lemma_of(token))
        if sector is None or any(a <= token.idx < b for a, b in named):
            continue
        start, end = token.idx, token.idx + len(token.text)
        if tagged and _kind_adjective(token, cues):
            start = min(start, token.head.idx)
            end = max(end, token.head.idx + len(token.head.text))
        elif tagged and (token.pos_ not in ("NOUN", "PROPN") or any(_kind_adjective(c, cues) for c in token.children)):
            continue  # not a noun, or a noun the adjective of a kind speaks for ("forces rebelles")
        found.append(Entity(entity_text=text[start:end], code=home, sector=sector, start=start, end=end))
    return found


def _kind_adjective(token: Token, cues: LanguageCues) -> bool:
    return (
        token.pos_ == "ADJ"
        and token.dep_ in ("amod", "compound")
        and token.head.pos_ == "NOUN"
        and lemma_of(token) in cues.generic_actors
    )


def times_in(sentence: Span, story: Story) -> list[TimeMention]:
    return [t for t in story.times if sentence.start_char <= t.start < sentence.end_char]

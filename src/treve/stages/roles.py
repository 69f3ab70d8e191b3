"""Roles at the event level: who did it, to whom, who brokered it, and who says so, read from every sentence
that tells the event.

An analyst reads "des hommes armés ont attaqué", then "l'attaque, revendiquée par l'État islamique": the event
has one actor, the most specific any of its sentences gives. A party named by its name and country beats one
named by its kind ("the army" of the story's country), which beats unidentified attackers, which beat the
story's pair of countries assumed for want of any; between equals the first telling wins. The parties of a
fight are gathered from all its sentences.
"""

from __future__ import annotations

from collections.abc import Sequence

from treve.records import Attribution, Count, Entity
from treve.stages.coreference import StoryEvent
from treve.stages.mentions import Mention, unidentified
from treve.stages.story import unique_entities


def _specificity(entity: Entity) -> int:
    """How precisely an entity names a party: code and sector 4, code only 3, kind or name only 2, unidentified
    attackers 1."""
    if entity.sector == "UAF" and entity.code is None:
        return 1
    if entity.code and entity.sector:
        return 4
    if entity.code:
        return 3
    return 2


def _list_specificity(mention: Mention, entities: Sequence[Entity]) -> int:
    if not entities:
        return 0
    if mention.parties_inferred:
        return 1
    return max(_specificity(entity) for entity in entities)


def _most_specific(event: StoryEvent, role: str) -> list[Entity]:
    """The role's entities from the mention that names them most precisely; the first telling on a tie."""
    best = max(event.mentions, key=lambda m: _list_specificity(m, getattr(m, role)))
    return list(getattr(best, role))


def _two_sided(event: StoryEvent) -> bool:
    return any(mention.match.trigger.two_sided for mention in event.mentions)


def event_roles(event: StoryEvent) -> tuple[list[Entity], list[Entity], list[Entity]]:
    """The event's actors, recipients and mediators."""
    if _two_sided(event):
        named = [m for m in event.mentions if not m.parties_inferred and m.actor]
        actor = unique_entities(e for m in named for e in m.actor) if named else _most_specific(event, "actor")
        if not unidentified(actor):  # unidentified fighters are no party beside the named ones
            actor = [entity for entity in actor if not unidentified([entity])]
    else:
        actor = _most_specific(event, "actor")
    acting = {(entity.code, entity.sector) for entity in actor}
    recipient = [e for e in _most_specific(event, "recipient") if (e.code, e.sector) not in acting]
    mediator = unique_entities(e for m in event.mentions for e in m.mediator)
    return actor, recipient, mediator


def one_per_code(entities: list[Entity]) -> list[Entity]:
    """One entity per (code, sector) for the record — Sudan's army and Sudan's RSF are two parties — and the
    sectorless one only when no other has that code; unidentified attackers are one party however named; a name
    treve cannot code at all (no country, no sector) only when the role has nothing better."""
    known = [entity for entity in entities if entity.code is not None or entity.sector is not None]
    best: dict[tuple[str, str | None], Entity] = {}
    for entity in known or entities:
        name = entity.code or ("" if entity.sector == "UAF" else entity.entity_text)
        best.setdefault((name, entity.sector), entity)
    with_sector = {code for code, sector in best if sector is not None}
    return [entity for (code, sector), entity in best.items() if sector is not None or code not in with_sector]


def event_attribution(event: StoryEvent, dead: Count | None = None) -> Attribution | None:
    """Who says it happened. An event the article also tells as plain fact is a fact, its source the one that
    gives its toll (`dead`, as reconciled), else the first source named for it; an event only ever claimed,
    alleged or denied keeps the first such attribution."""
    told = [mention.attribution for mention in event.mentions]
    as_fact = [a for a in told if a is None or a.kind == "statement"]
    if not as_fact:
        return told[0]
    counting = [m.attribution for m in event.mentions if _same_figure(m.casualties.get("dead"), dead)]
    return next((a for a in [*counting, *as_fact] if a is not None and a.kind == "statement"), None)


def _same_figure(count: Count | None, other: Count | None) -> bool:
    return count is not None and other is not None and (count.start, count.text) == (other.start, other.text)


def worth_coding(actor: Sequence[Entity], recipient: Sequence[Entity], casualties: dict[str, Count]) -> bool:
    """PLOVER codes events with a named actor; an attack by unidentified attackers counts only when the
    text says whom it hit or how many it killed, wounded or detained."""
    if not actor:
        return False
    return not unidentified(list(actor)) or bool(recipient or casualties)

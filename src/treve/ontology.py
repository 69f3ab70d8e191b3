"""PLOVER 2.0: event types, modes, contexts, actor codes and sectors, and crosswalks to CAMEO, ACLED and CASE 2021.

The vocabulary is here as typed constants. The crosswalks, long tables, are data: `resources/ontology/
crosswalks.toml` (format and sources in the file), read once by `load_crosswalks()` and checked against the
vocabulary, so a crosswalk cannot name a type or mode PLOVER does not have.

Sources. PLOVER 2.0 (openeventdata/PLOVER, `PLOVER_MANUAL.tex`) fixes the 16 types, their quad classes and
their modes, as DESIGN.md summarises them. The text of the manual readable while this was written is draft 0.8
(2021): the contexts, sectors, non-state actor codes and most mode descriptions come from it. The few entries
that 2.0 adds to 0.8 and DESIGN.md names (the `territory` context, the PRE sector, the UNO and EUR codes) are
marked "2.0" below.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Final, Literal, NamedTuple, Self, cast, get_args

import pycountry
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator, model_validator

from treve.errors import ResourceError
from treve.records import AuxiliaryMode, Entity, Event

EventType = Literal[
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
]
QuadClass = Literal["verbal cooperation", "material cooperation", "verbal conflict", "material conflict"]

EVENT_TYPES: Final[tuple[EventType, ...]] = get_args(EventType)

QUAD_CLASS: Final[Mapping[EventType, QuadClass]] = {
    "AGREE": "verbal cooperation",
    "CONSULT": "verbal cooperation",
    "SUPPORT": "verbal cooperation",
    "CONCEDE": "verbal cooperation",
    "COOPERATE": "material cooperation",
    "AID": "material cooperation",
    "RETREAT": "material cooperation",
    "REQUEST": "verbal conflict",
    "ACCUSE": "verbal conflict",
    "REJECT": "verbal conflict",
    "THREATEN": "verbal conflict",
    # SANCTION: the 0.8 quad table says verbal conflict, its own section and 2.0 say material conflict.
    "PROTEST": "material conflict",
    "SANCTION": "material conflict",
    "MOBILIZE": "material conflict",
    "COERCE": "material conflict",
    "ASSAULT": "material conflict",
}
"""The quad class of each type: the four-way split most users aggregate to."""

QUAD_CODE: Final[Mapping[QuadClass, int]] = {
    "verbal cooperation": 1,
    "material cooperation": 2,
    "verbal conflict": 3,
    "material conflict": 4,
}
"""PLOVER's numeric `quad_code` field."""

RECIPIENT_REQUIRED: Final[frozenset[EventType]] = frozenset({"COOPERATE", "AID", "SANCTION"})
"""Types that are not coded without a recipient."""

MODES: Final[Mapping[EventType, Mapping[str, str]]] = {
    "AGREE": {},
    "CONSULT": {
        "visit": "the actor visits, the recipient hosts",
        "third-party": "the meeting is hosted by a third party",
        "multilateral": "the meeting is held in a multilateral setting, an alliance or an IGO",
        "phone": "by telephone or another remote medium",
    },
    "SUPPORT": {},
    "CONCEDE": {},
    "COOPERATE": {},
    "AID": {},
    "RETREAT": {
        "withdraw": "retreat from territory, withdraw forces from an area",
        "release": "release captives",
        "disarm": "disarm, give up weapons",
        "ceasefire": "carry out a ceasefire",
        "access": "let a third party (observers, peacekeepers, aid workers) in",
        "resign": "an official resigns",
    },
    "REQUEST": {
        "assist": "any form of exchange, relations or assistance",
        "change": "changes in policy, government or institutions that are not concessions",
        "yield": "release prisoners, end sanctions, ease curfews and boycotts, cease fire",
        "meet": "meetings and negotiations",
    },
    "ACCUSE": {
        "disapprove": "express disapproval, condemn, complain",
        "investigate": "any investigation: commissions, grand juries, judicial or political",
        "allege": "accuse formally or informally; sue, indict, charge, bring to trial",
    },
    "REJECT": {
        "assist": "any form of exchange, relations or assistance",
        "change": "changes in policy, government or institutions that are not concessions",
        "yield": "release prisoners, end sanctions, ease curfews and boycotts, cease fire",
        "meet": "meetings and negotiations",
    },
    "THREATEN": {
        "restrict": "restrict movement of people or goods: boycotts, strikes, blockades, curfews",
        "arrest": "arrest, detain, imprison",
        "relations": "suspend relations or talks",
        "expel": "expel diplomats, peacekeepers, NGOs",
        "territory": "occupy or seize all or part of a territory",
        "violence": "use violence",
    },
    "PROTEST": {
        "demo": "organised, largely peaceful demonstration",
        "riot": "violent riot: participants mean to cause injury or damage",
        "strike": "strike, general or limited",
        "hunger": "hunger strike",
        "boycott": "boycott",
        "obstruct": "obstruct passage",
        "vandalize": "damage property as a protest (2.0)",
    },
    "SANCTION": {
        "convict": "find guilty or liable in a court of law",
        "expel": "expel an actor from a group, organisation or country (not individual deportations)",
        "withdraw": "withdraw one's non-military resources (aid, observers, diplomats) from a group or country",
        "discontinue": "curtail or end diplomatic, commercial or material exchanges otherwise",
    },
    "MOBILIZE": {
        "troops": "mobilise armed personnel or units",
        "weapons": "raise the readiness of weapons systems",
        "police": "mobilise police or security units",
        "militia": "mobilise a non-state group with significant military capability",
    },
    "COERCE": {
        "seize": "seize or confiscate property or territory",
        "restrict": "restrict political freedoms or movement",
        "censor": "censor, ban or restrict publications or other information",
        "curfew": "impose a curfew",
        "martial-law": "impose a state of emergency or martial law",
        "arrest": "arrest, detain, or charge with legal action",
        "deport": "expel or deport individuals",
        "withhold": "withhold public goods or services: power, internet, water, food, medical supplies",
        "misinformation": "spread misinformation (2.0)",
        "cyber": "cyber operations against the recipient (2.0)",
    },
    "ASSAULT": {
        "abduct": "abduct, kidnap, hijack",
        "beat": "physical assault",
        "torture": "torture",
        "sexual": "sexual violence",
        "targeted": "targeted killing or assassination, any weapon (2.0)",
        "destroy": "destroy property",
        "primitive": "primitive weapons: fire, edged weapons, rocks, farm implements",
        "firearms": "rifles, pistols, light machine guns",
        "explosives": "explosives not fired from a heavy weapon: mines, IEDs, car bombs",
        "suicide-attack": "individual or vehicle suicide attack",
        "aerial": "air strike from crewed aircraft (2.0)",
        "drone": "strike by drone (2.0)",
        "heavy-weapons": "crew-served weapons: artillery, tanks, missiles",
        "crowd-control": "force used to disperse a crowd (2.0)",
        "unconventional": "chemical, biological, radiological or nuclear weapons",
    },
}
"""The modes (the "how") each type allows, with what each means; types with none are coded without a mode."""

AUXILIARY_MODES: Final[Mapping[AuxiliaryMode, str]] = {
    "historical": "the event belongs to the past the story recalls, not the news",
    "future": "announced or expected, not yet carried out",
    "hypothetical": "conditional: it would happen if something else did",
    "negation": "the text says it did not happen",
}
"""Modes any type may carry (0.8 calls them special contexts); negated events can be left out of a data set."""

CONTEXTS: Final[Mapping[str, str]] = {
    "military": "military matters, military assistance included",
    "intelligence": "intelligence or information",
    "peacekeeping": "peacekeeping, typically multilateral operations",
    "economic": "trade, finance and economic development",
    "diplomatic": "diplomacy",
    "resource": "territory and natural resources",
    "territory": "territorial control and disputes (2.0)",
    "disease": "disease outbreaks and epidemics",
    "enviro_disaster": "environment, climate change; natural disasters and accidents or spills",
    "migration": "migration, refugees and displaced people",
    "humanitarian": "humanitarian assistance generally",
    "asylum": "seeking or granting asylum",
    "legal": "courts and judiciary; national and international law, human rights excepted",
    "human_rights": "explicit mentions of human rights",
    "rights_freedoms": "political rights and freedoms; restrictions on civil rights, movement, gathering",
    "gender": "gender, women's issues, gender equality",
    "lgbt": "LGBTQ",
    "terrorism": "terrorism",
    "human_security": "access to water, food, housing, energy; land tenure",
    "religion_ethnicity": "specific religions or ethnic groups, or religion and ethnicity broadly",
    "executive": "executive agencies and bureaucracies; government other than elections and legislatures",
    "election": "elections and campaigns",
    "legislative": "legislative debate, parliamentary coalition formation",
    "cbrn": "chemical, biological, radiological and nuclear weapons or attacks",
    "cyber": "cyber attacks and crime",
    "political_institutions": "norms, political institutions, democratic backsliding, political parties",
    "corruption": "illegal use of public office for private gain",
    "crime": "crimes or criminals",
    "illegal_drugs": "possession, distribution, sale or manufacture of illegal drugs",
}
"""The "why" of an event, coded from the paragraph or story; an event may have several."""

TERRITORY_CONTEXTS: Final[frozenset[str]] = frozenset({"territory", "resource"})
"""Contexts that make a seizure or a fight one about who holds ground."""

SECTORS: Final[Mapping[str, str]] = {
    "GOV": "government: the executive, governing parties and coalition partners, executive divisions",
    "JUD": "judiciary: judges, courts",
    "LEG": "legislature: parliaments, assemblies, lawmakers",
    "MIL": "military: troops, soldiers, all state military personnel and equipment",
    "COP": "police, criminal investigation units, protective agencies",
    "OPP": "political opposition: parties, individuals, anti-government activists",
    "PTY": "political parties identified with neither government nor opposition",
    "REB": "rebels: armed opposition groups or individuals",
    "PRM": "paramilitary organisations not opposed to the government",
    "SPY": "state intelligence services",
    "UAF": "unidentified armed forces ('unknown gunmen')",
    "CVL": "civilians; also the catch-all for individuals",
    "BUS": "business: individuals, companies and enterprises other than multinationals",
    "EDU": "educators, schools, students, education organisations",
    "MED": "health: individuals and organisations",
    "LAB": "organised labour in services or manufacturing",
    "AGR": "agricultural labour, peasants",
    "JRN": "journalists and media",
    "REF": "refugees and internally displaced people",
    "REL": "religious organisations and institutions",
    "SOC": "civil society organisations or movements not covered above",
    "CRM": "individual criminals and criminal gangs",
    "PRE": "a disputed territory, coded under the country that claims it (2.0)",
}
"""Sector codes: a 3-letter primary code, optionally followed by one secondary code (e.g. GOVMIL)."""

STATE_SECTORS: Final[frozenset[str]] = frozenset({"GOV", "JUD", "LEG", "MIL", "COP", "SPY"})
"""Sectors that are part of a state."""

ARMED_SECTORS: Final[frozenset[str]] = frozenset({"MIL", "COP", "SPY", "REB", "PRM", "UAF"})
"""Sectors that carry arms: violence against anyone else is violence against civilians in ACLED's sense."""

ACTOR_CODES: Final[Mapping[str, str]] = {
    "IGO": "international governmental organisation",
    "NGO": "non-governmental organisation",
    "ISM": "international social movement",
    "IMG": "transnational militarised group",
    "MNC": "multinational corporation",
    "UNO": "the United Nations (2.0)",
    "EUR": "the European Union (2.0)",
}
"""Actor codes that stand where a country's ISO 3166 alpha-3 code would."""

ACLED_SUB_EVENT_TYPES: Final[Mapping[str, tuple[str, ...]]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}
"""ACLED's six event types and their sub-event types (ACLED Codebook)."""

_GOVERNMENT_SIDE: Final[frozenset[str]] = STATE_SECTORS | {"PRM"}
_NON_STATE_ARMED: Final[frozenset[str]] = frozenset({"REB", "UAF", "CRM"})


class AcledCategory(NamedTuple):
    """An ACLED event type and sub-event type."""

    event_type: str
    sub_event_type: str


class LegacyEvent(BaseModel):
    """What an event name of an older PLOVER draft is in 2.0; no `event` when 2.0 has no such type."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    event: EventType | None = None
    mode: str | None = None
    note: str | None = None


class CaseSubtype(BaseModel):
    """One CASE 2021 subtype: the ACLED sub-event it stands for and the PLOVER coding a coder would give it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    acled: str | None = None
    category: str | None = None
    event: EventType | None = None
    mode: str | None = None
    context: str | None = None
    note: str | None = None


class Case2021Crosswalk(BaseModel):
    """The 30 subtypes and the two rules that predict the five ACLED does not have."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    subtypes: dict[str, CaseSubtype]
    by_context: dict[str, tuple[str, ...]]
    without_acled: dict[EventType, str]


class Crosswalks(BaseModel):
    """The crosswalk tables of `crosswalks.toml`, checked to be total and to use only PLOVER's own names."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    version: str
    plover: str
    legacy_events: dict[str, LegacyEvent]
    cameo_root: dict[EventType, str]
    cameo_root_by_mode: dict[EventType, dict[str, str]]
    acled: dict[str, AcledCategory | None]
    category_contexts: dict[str, str]
    case2021: Case2021Crosswalk
    iso_3166_3: dict[str, str]

    @field_validator("acled", mode="before")
    @classmethod
    def _empty_means_unrecorded(cls, value: dict[str, list[str]]) -> dict[str, list[str] | None]:
        return {key: pair or None for key, pair in value.items()}

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        problems = [*self._type_problems(), *self._acled_problems(), *self._case_problems()]
        problems += [f"iso_3166_3: {new} is no current ISO code" for new in self.iso_3166_3.values() if not _iso(new)]
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def _type_problems(self) -> list[str]:
        problems = [f"cameo_root: {t} missing" for t in EVENT_TYPES if t not in self.cameo_root]
        roots = [*self.cameo_root.values(), *(r for by in self.cameo_root_by_mode.values() for r in by.values())]
        problems += [f"cameo root {root!r} is not 01-20" for root in roots if not _is_cameo_root(root)]
        problems += [
            f"cameo_root_by_mode: {t} has no mode {m}"
            for t, by in self.cameo_root_by_mode.items()
            for m in by
            if m not in MODES[t]
        ]
        problems += [
            f"legacy_events: {name} has no mode {e.mode}"
            for name, e in self.legacy_events.items()
            if e.mode and (e.event is None or e.mode not in MODES[e.event])
        ]
        return problems

    def _acled_problems(self) -> list[str]:
        problems = [f"acled: {t} missing" for t in EVENT_TYPES if t not in self.acled]
        for key, category in self.acled.items():
            event_type, _, mode = key.partition(":")
            if event_type not in MODES or (mode and mode not in MODES[event_type]):
                problems.append(f"acled: {key} is no PLOVER type or type:mode")
            if category and category.sub_event_type not in ACLED_SUB_EVENT_TYPES.get(category.event_type, ()):
                problems.append(f"acled: {key} -> {category} is no ACLED sub-event type")
        return problems

    def _case_problems(self) -> list[str]:
        case = self.case2021
        sub_events = {sub for subs in ACLED_SUB_EVENT_TYPES.values() for sub in subs}
        named_sub_events = [s.acled for s in case.subtypes.values() if s.acled]
        problems = [f"case2021: {sub} is no ACLED sub-event type" for sub in named_sub_events if sub not in sub_events]
        problems += [f"case2021: no subtype for {sub}" for sub in sub_events if named_sub_events.count(sub) != 1]
        problems += [
            f"case2021: {name} has no valid PLOVER coding"
            for name, s in case.subtypes.items()
            if (s.mode and (s.event is None or s.mode not in MODES[s.event]))
            or (s.context and s.context not in CONTEXTS)
        ]
        problems += [f"case2021.by_context: {c}" for cs in case.by_context.values() for c in cs if c not in CONTEXTS]
        named = [*case.by_context, *case.without_acled.values()]
        problems += [f"case2021: {name} is no subtype" for name in named if name not in case.subtypes]
        problems += [
            f"case2021.without_acled: {t} missing"
            for t in EVENT_TYPES
            if self.acled.get(t) is None and t not in case.without_acled
        ]
        return problems


def _is_cameo_root(code: str) -> bool:
    return len(code) == 2 and code.isdigit() and 1 <= int(code) <= 20


def _iso(code: str) -> bool:
    return pycountry.countries.get(alpha_3=code) is not None


@cache
def load_crosswalks() -> Crosswalks:
    """Read and check the shipped crosswalks once per process."""
    source = resources.files("treve.resources").joinpath("ontology/crosswalks.toml")
    try:
        return Crosswalks.model_validate(tomllib.loads(source.read_text(encoding="utf-8")))
    except (OSError, tomllib.TOMLDecodeError, ValidationError) as exc:
        reason = str(exc).replace("\n", " ")
        raise ResourceError(f"{source}: crosswalks unreadable ({reason}); reinstall treve") from exc


def modern_event(name: str, mode: str | None = None) -> tuple[EventType, str | None]:
    """The PLOVER 2.0 type and mode for an event name, current or from an older draft (DEMAND, FIGHT, ...).

    An older name may fix the mode (INVESTIGATE is ACCUSE with mode investigate); otherwise `mode` is kept
    when 2.0 has it for the type and dropped when it belongs to an older draft. Raises ValueError for a name
    that is no PLOVER type, or one 2.0 dropped (CRIME), with what to do instead.
    """
    key = name.strip().upper()
    legacy = load_crosswalks().legacy_events.get(key)
    if legacy is not None:
        if legacy.event is None:
            raise ValueError(f"{name}: {legacy.note}")
        if legacy.mode:
            return legacy.event, legacy.mode
        event_type = legacy.event
    elif key in MODES:
        event_type = cast(EventType, key)
    else:
        raise ValueError(f"{name!r} is not a PLOVER event type; use one of {', '.join(EVENT_TYPES)}")
    return event_type, mode if mode in MODES[event_type] else None


def cameo_root(event_type: EventType, mode: str | None = None) -> str:
    """The CAMEO root code (two digits) of a PLOVER type, refined by the mode where CAMEO splits it."""
    crosswalks = load_crosswalks()
    return crosswalks.cameo_root_by_mode.get(event_type, {}).get(mode or "", crosswalks.cameo_root[event_type])


def entity_sectors(entity: Entity) -> frozenset[str]:
    """The PLOVER sector codes in an entity's sector field ("GOVMIL" holds GOV and MIL)."""
    sector = (entity.sector or "").upper()
    return frozenset(chunk for i in range(0, len(sector), 3) if (chunk := sector[i : i + 3]) in SECTORS)


def _armed(entity: Entity) -> bool:
    return bool(entity_sectors(entity) & ARMED_SECTORS) or entity.code == "IMG"


def known_civilian(entity: Entity) -> bool:
    """An actor whose sector is known and is neither a state's nor an armed group's (protesters, villagers)."""
    sectors = entity_sectors(entity)
    return bool(sectors) and not sectors & (STATE_SECTORS | ARMED_SECTORS) and entity.code != "IMG"


def _civilians_only(entities: list[Entity]) -> bool:
    return bool(entities) and not any(_armed(e) or entity_sectors(e) & STATE_SECTORS for e in entities)


def casualty_count(event: Event, name: Literal["dead", "injured", "arrested"]) -> int:
    """How many were killed, injured or arrested: PLOVER's size value, else the best (or lowest) figure; 0 if none."""
    value = getattr(event.size, name)
    if value is None and (count := getattr(event.casualties, name)) is not None:
        value = count.best if count.best is not None else count.low
    return value or 0


def _territory_gainer(event: Event) -> AcledCategory | None:
    """Who takes ground, when the actors are all on one side of the state / non-state line."""
    government = any(entity_sectors(e) & _GOVERNMENT_SIDE for e in event.actor)
    non_state = any(entity_sectors(e) & _NON_STATE_ARMED or e.code == "IMG" for e in event.actor)
    if government and not non_state:
        return AcledCategory("Battles", "Government regains territory")
    if non_state and not government:
        return AcledCategory("Battles", "Non-state actor overtakes territory")
    return None


def acled_category(event: Event) -> AcledCategory | None:
    """The ACLED event type and sub-event type of a PLOVER event; None for what ACLED does not record.

    The crosswalk gives the category from type and mode; the record then refines it where ACLED splits on
    who and how many: a fight over ground (context territory or resource) goes to the side that holds it,
    a seizure of ground is a non-violent transfer of territory, violence whose recipients are all unarmed is
    an attack on civilians, a fight between civilians and the authorities is a violent demonstration and one
    among civilians mob violence, a protest with dead is met with excessive force and one with arrests or
    injured with intervention, and a riot against civilians (not the authorities) is mob violence.
    """
    event_type, mode = modern_event(event.event, event.mode)
    table = load_crosswalks().acled
    base = table.get(f"{event_type}:{mode}", table[event_type]) if mode else table[event_type]
    if base is None:
        return None
    territorial = bool(TERRITORY_CONTEXTS & set(event.context))
    if territorial and event_type == "ASSAULT" and (gainer := _territory_gainer(event)):
        return gainer
    if territorial and event_type == "COERCE" and mode == "seize":
        return AcledCategory("Strategic developments", "Non-violent transfer of territory")
    if base.sub_event_type == "Armed clash" and event.recipient and not any(_armed(e) for e in event.recipient):
        return AcledCategory("Violence against civilians", "Attack")
    unarmed_sides = [e for e in event.actor if known_civilian(e)]
    if base.sub_event_type == "Armed clash" and unarmed_sides and not event.recipient:
        # Rioters fighting the police riot; crowds fighting each other are a mob.
        if len(unarmed_sides) < len(event.actor):
            return AcledCategory("Riots", "Violent demonstration")
        if len(unarmed_sides) > 1:
            return AcledCategory("Riots", "Mob violence")
    if base.sub_event_type == "Peaceful protest":
        if casualty_count(event, "dead"):
            return AcledCategory("Protests", "Excessive force against protesters")
        if casualty_count(event, "arrested") or casualty_count(event, "injured"):
            return AcledCategory("Protests", "Protest with intervention")
    if base.sub_event_type == "Violent demonstration" and mode == "riot" and _civilians_only(event.recipient):
        return AcledCategory("Riots", "Mob violence")
    return base


# How sure the ACLED-taxonomy sentence classifier must be for its category to set a context; and the head start
# the crosswalk's sub-event type gets over the classifier's reading (the rules know who holds ground and who
# died; the classifier knows grenades from shells).
READING_THRESHOLD = 0.5
RULE_PRIOR = 0.05


def acled_reading_category(event: Event, by_rule: AcledCategory, probabilities: Mapping[str, float]) -> AcledCategory:
    """The sub-event type the event's PLOVER type can be in ACLED (an ASSAULT can be a grenade attack, never a
    protest) that is likeliest by the sentence classifier's reading, the crosswalk's own given a head start."""
    event_type = modern_event(event.event)[0]
    families = {
        category.event_type
        for key, category in load_crosswalks().acled.items()
        if category is not None and key.split(":", 1)[0] == event_type
    }
    families.add(by_rule.event_type)  # the rules may know better ("rioters clashed with the police": a riot)
    allowed = {sub: family for family in families for sub in ACLED_SUB_EVENT_TYPES[family]}

    def weight(sub: str) -> float:
        return probabilities.get(sub, 0.0) + (RULE_PRIOR if sub == by_rule.sub_event_type else 0.0)

    read = max(allowed, key=weight, default=None)
    return by_rule if read is None else AcledCategory(allowed[read], read)


def category_contexts(reading: tuple[str, float]) -> set[str]:
    """The PLOVER context a sentence classifier's category implies ("Organized crime" -> crime), when sure."""
    label, probability = reading
    context = load_crosswalks().category_contexts.get(label)
    return {context} if context and probability >= READING_THRESHOLD else set()


def is_disaster_category(label: str) -> bool:
    """Whether a sentence classifier's category is a natural or man-made disaster (no political event)."""
    return load_crosswalks().category_contexts.get(label) == "enviro_disaster"


def case_subtype_of_category(label: str) -> str | None:
    """The CASE 2021 subtype that stands for an ACLED sub-event type or one of treve's extra categories."""
    subtypes = load_crosswalks().case2021.subtypes
    return next((name for name, sub in subtypes.items() if label in (sub.acled, sub.category)), None)


def case_subtype(event: Event) -> str:
    """The CASE 2021 subtype treve's event stands for: ACLED's sub-event type under its CASE name.

    The five subtypes ACLED lacks come from the record: a non-violent event (no ACLED category, or a
    strategic development) with a crime context is ORG_CRIME and one with a disaster or disease context
    NATURAL_DISASTER; verbal and cooperative types ACLED does not record are DIPLO, and ACCUSE is ATTRIB.
    PLOVER cannot tell GRENADE, HQ_ESTABLISHED, DISR_WEAP or MAN_MADE_DISASTER from their neighbours
    (see the notes in crosswalks.toml), so they are never predicted.
    """
    case = load_crosswalks().case2021
    category = acled_category(event)
    if category is not None and event.acled_sub_event_type:
        category = AcledCategory(event.acled_event_type or category.event_type, event.acled_sub_event_type)
    if category is None or category.event_type == "Strategic developments":
        contexts = set(event.context)
        for subtype, deciding in case.by_context.items():
            if contexts & set(deciding):
                return subtype
    if category is None:
        return case.without_acled[modern_event(event.event)[0]]
    return next(name for name, subtype in case.subtypes.items() if subtype.acled == category.sub_event_type)


def _abbreviates(code: str, name: str) -> bool:
    """Whether the code's letters occur in order in the name, the first letter first (JAP in JAPAN)."""
    letters = iter(name.upper())
    return name.upper().startswith(code[0]) and all(letter in letters for letter in code)


@cache
def iso_country(code: str) -> str | None:
    """The ISO 3166-1 alpha-3 code (or PLOVER non-state code) a CAMEO or older event-data actor code stands for.

    Rules, in order: a PLOVER non-state code (IGO, ...) or a current ISO code is itself; a withdrawn ISO code
    (ISO 3166-3) is its country's code today when the country was renamed or merged into one (ZAR -> COD),
    and nothing when it split (YUG); any other code is read as the mnemonic abbreviations of KEDS, CAMEO and
    COW, whose letters occur in order in the country's English name, and resolves when exactly one current
    country's name fits (JAP -> Japan -> JPN, ITL -> ITA, VTN -> Viet Nam -> VNM, ROM -> ROU, GMY -> DEU).
    None when no rule gives one country.
    """
    code = code.strip().upper()
    if len(code) != 3 or not code.isalpha():
        return None
    if code in ACTOR_CODES or _iso(code):
        return code
    successors = load_crosswalks().iso_3166_3
    if code in successors or pycountry.historic_countries.get(alpha_3=code):
        return successors.get(code)
    fits = {
        country.alpha_3
        for country in pycountry.countries
        if any(_abbreviates(code, name) for name in (country.name, getattr(country, "common_name", None)) if name)
    }
    return fits.pop() if len(fits) == 1 else None

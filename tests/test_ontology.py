"""The PLOVER 2.0 vocabulary and its crosswalks: what a type is, where it goes in CAMEO, ACLED and CASE 2021."""

from __future__ import annotations

import tomllib
from importlib import resources
from typing import Any

import pytest
from pydantic import ValidationError

from treve.ontology import (
    ACLED_SUB_EVENT_TYPES,
    EVENT_TYPES,
    MODES,
    QUAD_CLASS,
    AcledCategory,
    Crosswalks,
    acled_category,
    cameo_root,
    case_subtype,
    iso_country,
    load_crosswalks,
    modern_event,
)
from treve.records import Casualties, Count, Entity, Event, Evidence

CASE_SUBTYPES = load_crosswalks().case2021.subtypes


def event(
    event_type: str,
    mode: str | None = None,
    *,
    context: tuple[str, ...] = (),
    actor: tuple[str, ...] = ("GOV",),
    recipient: tuple[str, ...] = (),
    dead: int | None = None,
    arrested: int | None = None,
) -> Event:
    """An event with actors and recipients given by sector, as the events stage would code it."""

    def count(value: int | None) -> Count | None:
        return None if value is None else Count(low=value, best=value, high=value, qualifier="exact", text=str(value))

    return Event(
        id="e1",
        date=None,
        event=event_type,
        mode=mode,
        context=list(context),
        actor=[Entity(entity_text=sector.lower(), code="XXX", sector=sector) for sector in actor],
        recipient=[Entity(entity_text=sector.lower(), code="XXX", sector=sector) for sector in recipient],
        event_text="...",
        casualties=Casualties(dead=count(dead), arrested=count(arrested)),
        evidence=Evidence(sentence="...", start=0, end=3),
        confidence=0.9,
    )


def test_plover_has_sixteen_types_in_four_quad_classes() -> None:
    assert len(EVENT_TYPES) == len(set(EVENT_TYPES)) == 16
    assert set(QUAD_CLASS) == set(MODES) == set(EVENT_TYPES)
    quads = {quad: sorted(t for t in EVENT_TYPES if QUAD_CLASS[t] == quad) for quad in set(QUAD_CLASS.values())}
    assert quads["verbal cooperation"] == ["AGREE", "CONCEDE", "CONSULT", "SUPPORT"]
    assert quads["material cooperation"] == ["AID", "COOPERATE", "RETREAT"]
    assert quads["verbal conflict"] == ["ACCUSE", "REJECT", "REQUEST", "THREATEN"]
    assert quads["material conflict"] == ["ASSAULT", "COERCE", "MOBILIZE", "PROTEST", "SANCTION"]
    assert "aerial" in MODES["ASSAULT"] and "investigate" in MODES["ACCUSE"] and not MODES["AGREE"]


@pytest.mark.parametrize(
    ("name", "mode", "expected"),
    [
        ("DEMAND", None, ("REQUEST", None)),
        ("FIGHT", "heavy-weapons", ("ASSAULT", "heavy-weapons")),
        ("DISAPPROVE", None, ("ACCUSE", None)),
        ("INVESTIGATE", None, ("ACCUSE", "investigate")),
        ("PROTEST", "strike-hun", ("PROTEST", None)),  # a mode of an older draft is dropped
        ("assault", "aerial", ("ASSAULT", "aerial")),
    ],
)
def test_older_event_names_become_plover_2_types(name: str, mode: str | None, expected: tuple) -> None:
    assert modern_event(name, mode) == expected


def test_crime_and_unknown_names_are_refused_with_what_to_do() -> None:
    with pytest.raises(ValueError, match="context crime"):
        modern_event("CRIME")
    with pytest.raises(ValueError, match="not a PLOVER event type"):
        modern_event("BOMBARD")


def test_every_type_and_mode_has_a_cameo_root_acled_answer_and_case_subtype() -> None:
    for event_type in EVENT_TYPES:
        for mode in [None, *MODES[event_type]]:
            root = cameo_root(event_type, mode)
            assert root.isdigit() and 1 <= int(root) <= 20, (event_type, mode)
            category = acled_category(event(event_type, mode))
            assert category is None or category.sub_event_type in ACLED_SUB_EVENT_TYPES[category.event_type]
            assert case_subtype(event(event_type, mode)) in CASE_SUBTYPES


@pytest.mark.parametrize(
    ("event_type", "mode", "root"),
    [
        ("ACCUSE", None, "11"),
        ("ACCUSE", "investigate", "09"),
        ("SANCTION", "convict", "11"),
        ("ASSAULT", None, "18"),
        ("ASSAULT", "firearms", "19"),
        ("ASSAULT", "unconventional", "20"),
        ("RETREAT", "release", "08"),
    ],
)
def test_cameo_root_follows_the_mode_where_cameo_splits_a_type(event_type: Any, mode: str | None, root: str) -> None:
    assert cameo_root(event_type, mode) == root


def test_acled_category_from_type_and_mode() -> None:
    assert acled_category(event("ASSAULT", "aerial")) == AcledCategory("Explosions/Remote violence", "Air/drone strike")
    assert acled_category(event("COERCE", "arrest")) == AcledCategory("Strategic developments", "Arrests")
    assert acled_category(event("CONSULT", "visit")) is None


@pytest.mark.parametrize(
    ("subtype", "coded"),
    [
        ("ARMED_CLASH", event("ASSAULT", "firearms", actor=("MIL", "REB"))),
        ("ATTACK", event("ASSAULT", "firearms", actor=("REB",), recipient=("CVL",))),
        ("ARMED_CLASH", event("ASSAULT", "firearms", actor=("REB",), recipient=("COP",))),
        ("GOV_REGAINS_TERIT", event("ASSAULT", context=("territory",), actor=("MIL",), recipient=("REB",))),
        ("NON_STATE_ACTOR_OVERTAKES_TER", event("ASSAULT", context=("territory",), actor=("REB",))),
        ("NON_VIOL_TERRIT_TRANSFER", event("COERCE", "seize", context=("territory",), actor=("REB",))),
        ("PEACE_PROTEST", event("PROTEST", "demo", actor=("CVL",))),
        ("PROTEST_WITH_INTER", event("PROTEST", "demo", actor=("CVL",), arrested=12)),
        ("FORCE_AGAINST_PROTEST", event("PROTEST", "demo", actor=("CVL",), dead=3)),
        ("VIOL_DEMONSTR", event("PROTEST", "riot", actor=("CVL",), recipient=("GOV",))),
        ("MOB_VIOL", event("PROTEST", "riot", actor=("CVL",), recipient=("CVL",))),
        ("VIOL_DEMONSTR", event("ASSAULT", actor=("CVL", "COP"))),
        ("MOB_VIOL", event("ASSAULT", actor=("CVL", "CVL"))),
        ("ORG_CRIME", event("COERCE", "arrest", context=("illegal_drugs",), actor=("COP",))),
        ("ATTACK", event("ASSAULT", "beat", context=("crime",), actor=("CRM",), recipient=("CVL",))),
        ("NATURAL_DISASTER", event("AID", context=("enviro_disaster",))),
        ("DIPLO", event("CONSULT", "visit")),
        ("ATTRIB", event("ACCUSE", "allege")),
        ("OTHER", event("COERCE", "curfew")),
        ("AGREEMENT", event("RETREAT", "ceasefire")),
    ],
)
def test_case_subtype_reads_who_and_how_many_where_acled_splits_on_them(subtype: str, coded: Event) -> None:
    assert case_subtype(coded) == subtype


# Who acts on whom, for the subtypes whose note in crosswalks.toml says the sides decide.
SIDES = {
    "ATTACK": {"actor": ("REB",), "recipient": ("CVL",)},
    "ARMED_CLASH": {"actor": ("MIL", "REB")},
    "GOV_REGAINS_TERIT": {"actor": ("MIL",)},
    "NON_STATE_ACTOR_OVERTAKES_TER": {"actor": ("REB",)},
    "MOB_VIOL": {"actor": ("CVL",), "recipient": ("CVL",)},
    "PROTEST_WITH_INTER": {"arrested": 4},
}
# The subtypes PLOVER codes like a neighbour, and the one with no PLOVER coding (OTHER is tested above).
NEVER_PREDICTED = {"GRENADE", "HQ_ESTABLISHED", "DISR_WEAP", "MAN_MADE_DISASTER", "OTHER"}


@pytest.mark.parametrize("subtype", sorted(set(CASE_SUBTYPES) - NEVER_PREDICTED))
def test_the_coding_a_coder_gives_a_case_subtype_comes_back_to_it(subtype: str) -> None:
    forward = CASE_SUBTYPES[subtype]
    contexts = (forward.context,) if forward.context else ()
    kwargs: dict[str, Any] = SIDES.get(subtype, {})
    assert case_subtype(event(forward.event or "AID", forward.mode, context=contexts, **kwargs)) == subtype


def test_case_has_thirty_subtypes_and_every_acled_sub_event_has_one() -> None:
    assert len(CASE_SUBTYPES) == 30
    named = sorted(s.acled for s in CASE_SUBTYPES.values() if s.acled)
    assert named == sorted(sub for subs in ACLED_SUB_EVENT_TYPES.values() for sub in subs)


@pytest.mark.parametrize(
    ("code", "iso"),
    [
        ("JAP", "JPN"),  # older event-data mnemonics, as the PLOVER gold still writes them
        ("ITL", "ITA"),
        ("VTN", "VNM"),
        ("ROM", "ROU"),
        ("ZAR", "COD"),  # ISO 3166-3: Zaire's code withdrawn for the Democratic Republic of the Congo
        ("USA", "USA"),
        ("IGO", "IGO"),
        ("YUG", None),  # split: no single successor
        ("QQQ", None),
        ("", None),
    ],
)
def test_cameo_country_codes_read_as_iso_alpha_3(code: str, iso: str | None) -> None:
    assert iso_country(code) == iso


def test_a_crosswalk_naming_a_mode_plover_lacks_is_refused() -> None:
    source = resources.files("treve.resources").joinpath("ontology/crosswalks.toml")
    data = tomllib.loads(source.read_text(encoding="utf-8"))
    data["cameo_root_by_mode"]["ASSAULT"]["napalm"] = "20"
    with pytest.raises(ValidationError, match="no mode napalm"):
        Crosswalks.model_validate(data)

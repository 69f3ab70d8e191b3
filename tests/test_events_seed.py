"""Given the seed article (a French wire story on the Armenia–Azerbaijan clashes of September 2022, read
with no publication date), expect the events a careful reader finds in it."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from treve.records import Article, Event
from treve.resources.gazetteer import distance_km


@pytest.fixture(scope="module")
def events(seed_article: Article) -> list[Event]:
    return seed_article.events


def codes(entities) -> set[str]:
    return {entity.code for entity in entities}


def day(event: Event) -> date:
    start = event.time.start
    return start.date() if isinstance(start, datetime) else start


def current(events: list[Event]) -> list[Event]:
    return [event for event in events if "historical" not in event.auxiliary_modes]


def test_the_border_clashes_are_one_assault_by_both_sides_with_49_dead(events: list[Event]) -> None:
    clashes = [e for e in current(events) if e.event == "ASSAULT" and codes(e.actor) == {"ARM", "AZE"}]
    assert len(clashes) == 1
    clash = clashes[0]
    assert clash.recipient == []
    assert (clash.casualties.dead.best, clash.casualties.dead.low, clash.casualties.dead.qualifier) == (
        49,
        49,
        "at least",
    )
    assert clash.size.dead == 49
    assert (clash.time.start, clash.time.end, clash.time.precision) == (date(2022, 9, 12), date(2022, 9, 13), "day")
    assert clash.attribution is not None and clash.attribution.source.code == "ARM"
    assert "Premier ministre arménien" in clash.attribution.source.entity_text


def test_the_border_clashes_are_located_at_nagorno_karabakh(events: list[Event]) -> None:
    clash = next(e for e in current(events) if e.event == "ASSAULT" and codes(e.actor) == {"ARM", "AZE"})
    assert clash.location is not None and clash.location.lat is not None and clash.location.lon is not None
    assert clash.location.extracted_place == "Haut-Karabakh"
    assert distance_km(clash.location.lat, clash.location.lon, 39.8, 46.75) < 100
    assert clash.location_basis == "locative"


def test_the_talks_in_brussels_are_located_in_brussels(events: list[Event]) -> None:
    talks = [e for e in events if e.location is not None and e.location.extracted_place == "Bruxelles"]
    assert talks and all(e.location.resolved_place == "Brussels" for e in talks)


def test_the_ceasefire_russia_brokered_takes_effect_at_six_utc(events: list[Event]) -> None:
    ceasefires = [e for e in current(events) if e.ceasefire is not None]
    assert len(ceasefires) == 1
    ceasefire = ceasefires[0]
    assert ceasefire.event == "AGREE"
    assert codes(ceasefire.actor) == {"ARM", "AZE"}
    assert codes(ceasefire.mediator) == {"RUS"}
    assert ceasefire.ceasefire.effective.start == datetime(2022, 9, 13, 6, 0, tzinfo=UTC)
    assert day(ceasefire) == date(2022, 9, 13)


def test_armenia_accuses_azerbaijan_and_the_alleged_advance_is_not_a_fact(events: list[Event]) -> None:
    accusations = [e for e in current(events) if e.event == "ACCUSE" and codes(e.actor) == {"ARM"}]
    assert any(codes(e.recipient) == {"AZE"} for e in accusations)
    told_in = next(e.evidence.sentence for e in accusations if "avancer" in e.evidence.sentence)
    assert not [e for e in events if e.event == "ASSAULT" and e.evidence.sentence == told_in]


def test_armenia_asks_russia_for_military_help_and_turns_to_the_csto(events: list[Event]) -> None:
    requests = [e for e in current(events) if e.event == "REQUEST" and codes(e.actor) == {"ARM"}]
    assert any(codes(e.recipient) == {"RUS"} and e.mode == "assist" for e in requests)
    assert any("IGO" in codes(e.recipient) for e in requests)


def test_the_telephone_consultations(events: list[Event]) -> None:
    calls = [e for e in current(events) if e.event == "CONSULT" and e.mode == "phone"]
    assert any(codes(e.actor) == {"ARM"} and codes(e.recipient) == {"RUS"} for e in calls)
    assert any(codes(e.recipient) >= {"RUS", "FRA", "USA"} for e in calls)


def test_background_events_keep_their_own_dates_and_the_historical_mode(events: list[Event]) -> None:
    history = [e for e in events if "historical" in e.auxiliary_modes]
    war_2020 = [e for e in history if e.size.dead == 6500]
    war_1990s = [e for e in history if e.size.dead == 30000]
    assert len(war_2020) == 1 and day(war_2020[0]).year == 2020
    assert len(war_1990s) == 1 and 1990 <= day(war_1990s[0]).year <= 1999
    ceasefire_2020 = [e for e in history if e.ceasefire is not None]
    assert len(ceasefire_2020) == 1 and day(ceasefire_2020[0]).year == 2020
    # Six weeks of fighting in the autumn of 2020 ended with it: November 2020, to the month.
    assert (ceasefire_2020[0].date, ceasefire_2020[0].date_precision) == ("2020-11-01", "month")
    assert codes(ceasefire_2020[0].mediator) == {"RUS"}
    assert any(e.event == "MOBILIZE" and codes(e.actor) == {"RUS"} and day(e).year == 2020 for e in history)
    talks = [e for e in history if e.event == "CONSULT" and codes(e.mediator) == {"EUR"}]
    assert talks and all(day(e) in (date(2022, 4, 1), date(2022, 5, 1)) for e in talks)
    last_week = [e for e in history if e.event == "ASSAULT" and e.time.precision == "week"]
    assert len(last_week) == 1 and last_week[0].size.dead == 1
    assert last_week[0].attribution.kind == "accusation"
    assert any(e.event == "ASSAULT" and day(e) == date(2022, 8, 1) for e in history)


def test_no_event_of_the_day_carries_the_tolls_of_past_wars(events: list[Event]) -> None:
    for event in current(events):
        assert event.size.dead not in (6500, 30000)
        assert day(event) >= date(2022, 9, 12)


def test_each_event_points_at_its_sentence(seed_article: Article, events: list[Event]) -> None:
    for event in events:
        assert seed_article.text[event.evidence.start : event.evidence.end].strip() == event.evidence.sentence
        assert event.evidence.trigger
        assert 0 < event.confidence <= 1

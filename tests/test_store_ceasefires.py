"""The ceasefire tracker: a ceasefire between two parties, the assaults between them after it takes effect linked
as violations, and its status over time (agreed, in effect, violated, collapsed, superseded)."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime

from typer.testing import CliRunner

from tests.store_fixtures import article, event
from treve.cli import app
from treve.pipeline import Pipeline
from treve.records import Article, CeasefireTerms, Duration, Entity, EventTime, RawItem
from treve.store.repository import Store, StoredCeasefire

ARMENIA = Entity(entity_text="Armenia", code="ARM")
AZERBAIJAN = Entity(entity_text="Azerbaijan", code="AZE")
AZERBAIJANI_FORCES = Entity(entity_text="Azerbaijani forces", code="AZE", sector="MIL")
RUSSIA = Entity(entity_text="Russia", code="RUS", sector="GOV")


def ceasefire_article(article_id: str, day: str, effective: datetime) -> Article:
    """Russia brokers a ceasefire between Armenia and Azerbaijan on `day`, taking effect at `effective`."""
    terms = CeasefireTerms(effective=EventTime(start=effective, precision="hour", text="from 06:00 GMT"))
    truce = event(article_id, 1, kind="AGREE", day=day, actor=[ARMENIA, AZERBAIJAN], mediator=[RUSSIA], ceasefire=terms)
    return article(article_id, truce)


def shelling_article(article_id: str, day: str) -> Article:
    return article(article_id, event(article_id, 1, day=day, actor=[AZERBAIJANI_FORCES], recipient=[ARMENIA]))


def history(ceasefire: StoredCeasefire) -> list[tuple[str, str]]:
    return [(change.status, f"{change.at:%Y-%m-%d %H:%M}") for change in ceasefire.history]


def test_shelling_after_a_ceasefire_takes_effect_is_a_violation_and_a_newer_ceasefire_supersedes_it(
    store: Store,
) -> None:
    store.save([ceasefire_article("truce", "2024-07-03", datetime(2024, 7, 4, 6, tzinfo=UTC))])
    [ceasefire] = store.ceasefires()
    assert {party["code"] for party in ceasefire.parties} == {"ARM", "AZE"}
    assert [mediator["code"] for mediator in ceasefire.mediator] == ["RUS"]
    assert ceasefire.effective == datetime(2024, 7, 4, 6, tzinfo=UTC)
    assert history(ceasefire) == [("agreed", "2024-07-03 00:00"), ("in effect", "2024-07-04 06:00")]

    store.save([shelling_article("before", "2024-07-04")])  # the day it took effect at 06:00: maybe before
    store.save([shelling_article("after", "2024-07-05")])
    [ceasefire] = store.ceasefires()
    assert ceasefire.violations == ["after-1"]
    assert ceasefire.status == "violated"
    assert ceasefire.status_at(datetime(2024, 7, 4, 12, tzinfo=UTC)) == "in effect"

    store.save([ceasefire_article("new-truce", "2024-07-10", datetime(2024, 7, 11, 12, tzinfo=UTC))])
    old, new = sorted(store.ceasefires(), key=lambda ceasefire: ceasefire.effective or datetime.min)
    assert old.status == "superseded" and new.status == "in effect"
    assert history(old)[-1][0] == "superseded"


def test_the_order_the_news_arrives_in_does_not_change_the_outcome(store: Store) -> None:
    store.save([shelling_article("after", "2024-07-05")])
    store.save([ceasefire_article("truce", "2024-07-03", datetime(2024, 7, 4, 6, tzinfo=UTC))])
    [ceasefire] = store.ceasefires()
    assert (ceasefire.violations, ceasefire.status) == (["after-1"], "violated")


def test_fighting_on_three_days_makes_a_ceasefire_collapse(store: Store) -> None:
    store.save([ceasefire_article("truce", "2024-07-03", datetime(2024, 7, 4, 6, tzinfo=UTC))])
    for day in ("05", "06", "07"):
        store.save([shelling_article(f"shelling-{day}", f"2024-07-{day}")])
    [ceasefire] = store.ceasefires()
    assert [status for status, _ in history(ceasefire)] == ["agreed", "in effect", "violated", "collapsed"]
    assert history(ceasefire)[-1] == ("collapsed", "2024-07-07 00:00")


def test_treve_ceasefires_lists_them_as_json(store: Store) -> None:
    store.save([ceasefire_article("truce", "2024-07-03", datetime(2024, 7, 4, 6, tzinfo=UTC))])
    listed = CliRunner().invoke(app, ["ceasefires", "--db", store.shown_url, "--json"])
    assert listed.exit_code == 0, listed.output
    [line] = listed.stdout.splitlines()
    assert json.loads(line)["status"] == "in effect"
    table = CliRunner().invoke(app, ["ceasefires", "--db", store.shown_url])
    assert "in effect" in table.stdout and "ARM, AZE" in table.stdout


def test_a_ceasefire_told_by_the_seed_article_is_violated_by_shelling_told_in_a_later_article(
    store: Store, seed_article: Article, pipeline_factory: Callable[[], Pipeline]
) -> None:
    shelling = "Azerbaijani forces shelled Armenian villages on 14 September 2022, Armenia's defence ministry said."
    later = pipeline_factory().process(  # a fresh pipeline: the session's has seen this text, a duplicate
        RawItem(path="later.txt", format="text", text=f"Border shelling\n{shelling}\n\nBaku denied it.", source="Wire")
    )
    store.save([seed_article, later])
    current = [c for c in store.ceasefires() if c.effective == datetime(2022, 9, 13, 6, tzinfo=UTC)]
    assert len(current) == 1
    assert current[0].status == "violated"
    assert [report.rsplit("-", 1)[0] for report in current[0].violations] == [later.id]


def test_a_retelling_years_later_attaches_to_the_ceasefire_it_retells_instead_of_superseding_it(store: Store) -> None:
    store.save([ceasefire_article("truce", "2020-11-10", datetime(2020, 11, 10, 6, tzinfo=UTC))])
    retold = event("retold", 1, kind="AGREE", day="2020-01-01", date_precision="year", actor=[ARMENIA, AZERBAIJAN])
    store.save([article("retold", retold.model_copy(update={"ceasefire": CeasefireTerms()}))])
    [ceasefire] = store.ceasefires()
    assert (ceasefire.agreed, ceasefire.status) == ("2020-11-10", "in effect")
    assert ceasefire.reports == ["retold-1", "truce-1"]


def test_a_truce_of_the_same_month_that_took_effect_on_another_day_is_another_truce(store: Store) -> None:
    store.save([ceasefire_article("first", "2020-10-10", datetime(2020, 10, 10, 8, tzinfo=UTC))])
    terms = CeasefireTerms(effective=EventTime(start=datetime(2020, 10, 18, tzinfo=UTC), precision="hour", text="x"))
    again = event("again", 1, kind="AGREE", day="2020-10-01", date_precision="month", actor=[ARMENIA, AZERBAIJAN])
    store.save([article("again", again.model_copy(update={"ceasefire": terms}))])
    effective = sorted(f"{ceasefire.effective:%m-%d}" for ceasefire in store.ceasefires() if ceasefire.effective)
    assert effective == ["10-10", "10-18"]


def test_a_ceasefire_declared_by_one_side_is_violated_by_that_sides_attack_not_by_the_others(store: Store) -> None:
    terms = CeasefireTerms(effective=EventTime(start=datetime(2020, 10, 10, 8, tzinfo=UTC), precision="hour", text="x"))
    declared = event("declared", 1, kind="RETREAT", day="2020-10-10", actor=[AZERBAIJAN], ceasefire=terms)
    store.save([article("declared", declared.model_copy(update={"mode": "ceasefire"}))])
    store.save([article("theirs", event("theirs", 1, day="2020-10-12", actor=[ARMENIA], recipient=[AZERBAIJAN]))])
    [ceasefire] = store.ceasefires()
    assert ceasefire.violations == []
    store.save([shelling_article("ours", "2020-10-13")])
    [ceasefire] = store.ceasefires()
    assert ceasefire.violations == ["ours-1"]


def test_a_ceasefire_agreed_on_a_later_date_supersedes_the_earlier_one_however_they_arrive(store: Store) -> None:
    store.save([ceasefire_article("second", "2022-09-13", datetime(2022, 9, 13, 6, tzinfo=UTC))])
    store.save([ceasefire_article("first", "2020-11-10", datetime(2020, 11, 10, 6, tzinfo=UTC))])
    statuses = {ceasefire.agreed: ceasefire.status for ceasefire in store.ceasefires()}
    assert statuses == {"2020-11-10": "superseded", "2022-09-13": "in effect"}


def test_a_ceasefire_with_no_date_in_its_text_nor_publication_date_has_no_date(store: Store) -> None:
    undated = event("undated", 1, kind="AGREE", day=None, actor=[ARMENIA, AZERBAIJAN], ceasefire=CeasefireTerms())
    store.save([article("undated", undated).model_copy(update={"published": None})])
    [ceasefire] = store.ceasefires()
    assert (ceasefire.agreed, ceasefire.announced, ceasefire.history) == (None, None, [])
    assert ceasefire.status == "agreed"


def test_a_ceasefire_recalled_by_its_month_is_dated_to_the_month(store: Store) -> None:
    recalled = event("recalled", 1, kind="AGREE", day="2020-11-01", date_precision="month", actor=[ARMENIA, AZERBAIJAN])
    store.save([article("recalled", recalled.model_copy(update={"ceasefire": CeasefireTerms()}))])
    [ceasefire] = store.ceasefires()
    assert ceasefire.agreed == "2020-11"
    store.save([shelling_article("same-month", "2020-11-20"), shelling_article("next-month", "2020-12-02")])
    [ceasefire] = store.ceasefires()
    assert ceasefire.violations == ["next-month-1"]  # within its month, fighting may have come before it


def test_fighting_told_on_the_day_a_truce_is_agreed_is_not_a_violation_of_it(store: Store) -> None:
    truce = event("truce", 1, kind="AGREE", day="2024-07-03", actor=[ARMENIA, AZERBAIJAN], ceasefire=CeasefireTerms())
    fighting = event("truce", 2, day="2024-07-03", actor=[AZERBAIJANI_FORCES], recipient=[ARMENIA])
    store.save([article("truce", truce, fighting)])
    store.save([shelling_article("next-day", "2024-07-04")])
    [ceasefire] = store.ceasefires()
    assert ceasefire.violations == ["next-day-1"]
    assert [status for status, _ in history(ceasefire)] == ["agreed", "in effect", "violated"]


def test_a_ceasefire_agreed_for_seven_days_expires_and_fighting_after_breaks_nothing(store: Store) -> None:
    week = Duration(count=7, unit="day", text="seven-day")
    terms = CeasefireTerms(
        effective=EventTime(start=datetime(2024, 7, 4, 6, tzinfo=UTC), precision="hour"), duration=week
    )
    truce = event("truce", 1, kind="AGREE", day="2024-07-03", actor=[ARMENIA, AZERBAIJAN], ceasefire=terms)
    store.save([article("truce", truce), shelling_article("after-it-ran-out", "2024-07-20")])
    [ceasefire] = store.ceasefires()
    assert history(ceasefire) == [
        ("agreed", "2024-07-03 00:00"),
        ("in effect", "2024-07-04 06:00"),
        ("expired", "2024-07-11 06:00"),
    ]
    assert ceasefire.violations == []


def test_an_accusation_of_breaking_a_ceasefire_is_kept_with_its_accuser_and_breaks_nothing(store: Store) -> None:
    store.save([ceasefire_article("truce", "2024-07-03", datetime(2024, 7, 4, 6, tzinfo=UTC))])
    accusation = event(
        "accusation",
        1,
        kind="ACCUSE",
        day="2024-07-05",
        actor=[ARMENIA],
        recipient=[AZERBAIJAN],
        ceasefire_violation=True,
    )
    store.save([article("accusation", accusation)])
    [ceasefire] = store.ceasefires()
    assert [(a["report_id"], [e["code"] for e in a["accuser"]]) for a in ceasefire.accusations] == [
        ("accusation-1", ["ARM"])
    ]
    assert (ceasefire.status, ceasefire.violations) == ("in effect", [])


NEWS_OVER_TIME = [
    (
        "2024-06-03",
        "Truce in Arauca\n\nThe Colombian government and the ELN agreed on Monday to a ceasefire in Arauca, brokered "
        "by Cuba. The ceasefire takes effect at 05:00 GMT on Tuesday, 4 June 2024, the government said.",
    ),
    (
        "2024-06-10",
        "Patrol attacked\n\nELN rebels attacked an army patrol near Arauca on Sunday, 9 June 2024, killing three "
        "soldiers, the Colombian army said. The government accused the ELN of violating the ceasefire.",
    ),
    (
        "2024-06-20",
        "Truce over\n\nThe ceasefire between the Colombian government and the ELN collapsed on Wednesday after "
        "days of fighting, officials said.",
    ),
]


def test_a_ceasefire_followed_from_agreement_to_collapse_across_three_reports(
    store: Store, pipeline_factory: Callable[[], Pipeline]
) -> None:
    pipeline = pipeline_factory()
    for day, text in NEWS_OVER_TIME:
        store.save([pipeline.process(RawItem(path=f"{day}.txt", format="text", text=text, published=day))])
    [ceasefire] = store.ceasefires()
    assert {party["code"] for party in ceasefire.parties} == {"COL"}
    assert [mediator["code"] for mediator in ceasefire.mediator] == ["CUB"]
    assert (ceasefire.agreed, ceasefire.effective) == ("2024-06-03", datetime(2024, 6, 4, 5, tzinfo=UTC))
    assert [status for status, _ in history(ceasefire)] == ["agreed", "in effect", "violated", "collapsed"]
    assert len(ceasefire.violations) == 1 and len(ceasefire.accusations) == 1

"""Canonical events: reports of one real-world event, from several outlets in French and English, are told as one
event with its reports, sources and reconciled toll; look-alike events (same place another day, same day other
parties) stay apart. The articles in tests/data/merge go through the real pipeline into SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import date
from itertools import combinations
from pathlib import Path

import pytest
from sqlalchemy import delete, select, update

from tests.store_fixtures import RSF, RUSSIA, SUDAN_ARMY, UKRAINE, article, event
from treve.pipeline import Pipeline
from treve.records import Article, Attribution, Casualties, Count, RawItem
from treve.store.clustering import MergeRules, ReportFacts, tell_the_same_event
from treve.store.repository import Store, open_store
from treve.store.schema import (
    CanonicalEventRow,
    CeasefireRow,
    CeasefireStatusRow,
    CeasefireViolationRow,
    ClusterKeyRow,
    EventReportRow,
)

MERGE_DATA = Path(__file__).parent / "data" / "merge"


@dataclass(frozen=True)
class Report:
    """An article of the merge set: its outlet, when it was published, and the real event it tells."""

    outlet: str
    published: str
    event: str


MERGE_SET = {
    "sudan_el_fasher_horn_daily": Report("Horn Daily", "2024-05-11", "El Fasher, Saturday"),
    "sudan_el_fasher_test_wire": Report("Test Wire", "2024-05-12", "El Fasher, Saturday"),
    "sudan_el_fasher_fil_afrique": Report("Fil Afrique", "2024-05-12", "El Fasher, Saturday"),
    "sudan_el_fasher_tuesday": Report("Horn Daily", "2024-05-14", "El Fasher, Tuesday"),
    "mali_mopti_fil_sahel": Report("Fil Sahel", "2024-03-10", "Mopti, Sunday"),
    "mali_mopti_sahel_wire": Report("Sahel Wire", "2024-03-11", "Mopti, Sunday"),
    "burkina_djibo_fil_sahel": Report("Fil Sahel", "2024-03-10", "Djibo, Sunday"),
    "ukraine_kharkiv_wire": Report("Test Wire", "2024-06-03", "Kharkiv, Monday"),
    "ukraine_kharkiv_fil_monde": Report("Fil Monde", "2024-06-03", "Kharkiv, Monday"),
    "russia_belgorod_wire": Report("Test Wire", "2024-06-03", "Belgorod, Monday"),
}
"""The gold: which real event each article tells (its assault); the look-alikes are El Fasher on Tuesday (same
place, another day), Djibo (same day as Mopti, other parties) and Belgorod (same day as Kharkiv, roles reversed)."""


@pytest.fixture(scope="module")
def merge_articles(pipeline: Pipeline) -> list[Article]:
    return [
        pipeline.process(
            RawItem(path=str(path), format="text", data=path.read_bytes(), source=gold.outlet, published=gold.published)
        )
        for name, gold in MERGE_SET.items()
        for path in [MERGE_DATA / f"{name}.txt"]
    ]


def assault_clusters(store: Store, articles: Iterable[Article]) -> dict[str, str]:
    """The canonical event of each assault report, by report id, with the gold event of its article."""
    gold_of_article = {article.id: MERGE_SET[Path(article.path).stem].event for article in articles}
    with store.engine.connect() as connection:
        rows = connection.execute(
            select(EventReportRow.id, EventReportRow.article_id, EventReportRow.canonical_event_id).where(
                EventReportRow.event_type == "ASSAULT"
            )
        )
        return {f"{gold_of_article[row.article_id]}|{row.id}": row.canonical_event_id for row in rows}


def pairwise_precision_recall(clusters: dict[str, str]) -> tuple[float, float]:
    """Over every pair of reports: precision, the share of pairs put together that tell one event; recall, the
    share of pairs that tell one event that were put together. Keys are 'gold event|report id'."""
    merged = same = both = 0
    for (first, first_cluster), (second, second_cluster) in combinations(clusters.items(), 2):
        told_together = first.split("|")[0] == second.split("|")[0]
        put_together = first_cluster == second_cluster
        merged += put_together
        same += told_together
        both += put_together and told_together
    return (both / merged if merged else 1.0), (both / same if same else 1.0)


def test_reports_of_one_event_merge_across_outlets_and_languages_and_look_alikes_stay_apart(
    store: Store, merge_articles: list[Article]
) -> None:
    for merge_article in merge_articles:
        store.save([merge_article])
    clusters = assault_clusters(store, merge_articles)
    precision, recall = pairwise_precision_recall(clusters)
    print(f"\nmerge precision {precision:.2f}, recall {recall:.2f} over {len(clusters)} assault reports")
    events_told = {key.split("|")[0] for key in clusters}
    assert events_told == {gold.event for gold in MERGE_SET.values()}, "every article's assault was extracted"
    assert (precision, recall) == (1.0, 1.0)

    by_date = {(c.date, c.country): c for c in store.canonical_events(event_type="ASSAULT")}
    el_fasher = by_date[date(2024, 5, 11), "SDN"]
    assert (el_fasher.reports, el_fasher.sources) == (3, 3)
    assert el_fasher.source == "Horn Daily; Test Wire; Fil Afrique", "the outlets, the earliest report's first"
    dead = el_fasher.record["casualties"]["dead"]
    assert (dead["low"], dead["best"], dead["high"]) == (12, 20, 20), "the latest counted figure, and the range"
    assert dead["text"] == "reports disagree: 12 (Test Wire); 15 (Horn Daily); 20 (Fil Afrique)"
    with store.engine.connect() as connection:
        earliest = connection.scalar(
            select(EventReportRow.article_id)
            .join(CanonicalEventRow, CanonicalEventRow.earliest_report_id == EventReportRow.id)
            .where(CanonicalEventRow.id == el_fasher.id)
        )
    assert Path(next(a.path for a in merge_articles if a.id == earliest)).stem == "sudan_el_fasher_horn_daily"
    assert by_date[date(2024, 5, 14), "SDN"].reports == 1


def test_storing_the_merge_set_again_adds_nothing(store: Store, merge_articles: list[Article]) -> None:
    store.save(merge_articles)
    first = [(c.id, c.reports) for c in store.canonical_events()]
    assert store.save(merge_articles) == 0
    assert [(c.id, c.reports) for c in store.canonical_events()] == first


def partition(store: Store) -> set[frozenset[str]]:
    """The reports grouped by canonical event."""
    with store.engine.connect() as connection:
        rows = connection.execute(select(EventReportRow.id, EventReportRow.canonical_event_id)).all()
    groups: dict[str, set[str]] = {}
    for report_id, canonical_id in rows:
        groups.setdefault(canonical_id, set()).add(report_id)
    return {frozenset(group) for group in groups.values()}


def test_a_batch_saved_at_once_is_clustered_as_the_same_articles_saved_one_by_one(
    store_url: str, merge_articles: list[Article], tmp_path: Path
) -> None:
    with open_store(f"sqlite:///{tmp_path / 'one_by_one.db'}") as one_by_one:
        for merge_article in merge_articles:
            one_by_one.save([merge_article])
        expected = partition(one_by_one)
    with open_store(store_url) as at_once:
        at_once.save(merge_articles)
        assert partition(at_once) == expected


def test_reports_stored_before_canonical_events_existed_are_clustered_when_the_store_is_opened(
    store_url: str, merge_articles: list[Article]
) -> None:
    with open_store(store_url) as store:
        store.save(merge_articles)
        expected = partition(store)
        with store.engine.begin() as connection:  # as a store of revision 0001 holds them
            for table in (CeasefireStatusRow, CeasefireViolationRow, CeasefireRow, ClusterKeyRow):
                connection.execute(delete(table))
            connection.execute(update(EventReportRow).values(canonical_event_id=None))
            connection.execute(delete(CanonicalEventRow))
    with open_store(store_url) as reopened:
        assert partition(reopened) == expected
        assert len(list(reopened.canonical_events())) == len(expected)


RULES = MergeRules(merge_days=1, merge_distance_km=25)


def placed(report_id: str, latitude: float, longitude: float) -> ReportFacts:
    return ReportFacts(
        id=report_id,
        article_id=f"article-{report_id}",
        canonical_event_id=None,
        event_type="ASSAULT",
        date=date(2024, 5, 11),
        country="SDN",
        latitude=latitude,
        longitude=longitude,
        geo_precision=1,
        actors=frozenset({"SDN"}),
        recipients=frozenset(),
    )


def test_reports_placed_at_towns_merge_within_the_distance_and_not_beyond() -> None:
    el_fasher, its_outskirts, nyala = placed("a", 13.63, 25.35), placed("b", 13.70, 25.45), placed("c", 12.05, 24.88)
    assert tell_the_same_event(el_fasher, its_outskirts, RULES)
    assert not tell_the_same_event(el_fasher, nyala, RULES)
    in_sudan, in_chad = replace(el_fasher, geo_precision=3), replace(nyala, geo_precision=3, country="TCD")
    assert not tell_the_same_event(in_sudan, in_chad, RULES), "places known to a province: their countries decide"


def test_reports_of_one_type_family_merge_and_of_two_families_do_not(store: Store) -> None:
    talks = [
        article(f"t{n}", event(f"t{n}", 1, kind=kind, actor=[RUSSIA], recipient=[UKRAINE], day="2024-06-03"))
        for n, kind in enumerate(["CONSULT", "AGREE", "ASSAULT"])
    ]
    for story in talks:
        store.save([story])
    assert sorted(c.reports or 0 for c in store.canonical_events()) == [1, 2]


def test_two_events_of_one_article_never_merge_though_another_article_retells_both(store: Store) -> None:
    # The story reader made two records of the article: two attacks of one day by the same parties (two towns
    # the article names but does not place). A later article that retells the attacks joins one of them.
    one_article = article(
        "a",
        event("a", 1, actor=[SUDAN_ARMY], recipient=[RSF], day="2024-05-11"),
        event("a", 2, actor=[SUDAN_ARMY], recipient=[RSF], day="2024-05-11"),
    )
    store.save([one_article])
    store.save([article("b", event("b", 1, actor=[SUDAN_ARMY], recipient=[RSF], day="2024-05-11"))])
    assert sorted(c.reports or 0 for c in store.canonical_events()) == [1, 2]


def test_daily_clashes_between_the_same_parties_do_not_chain_into_one_event(store: Store) -> None:
    days = ["2024-05-10", "2024-05-11", "2024-05-12", "2024-05-13"]
    for n, day in enumerate(days):
        store.save([article(f"d{n}", event(f"d{n}", 1, actor=[SUDAN_ARMY], recipient=[RSF], day=day))])
    assert sorted(c.reports or 0 for c in store.canonical_events()) == [2, 2], "each event spans merge_days at most"


def test_two_postgresql_writers_storing_reports_of_one_event_at_once_make_one_canonical_event(
    postgres_url: str,
) -> None:
    toll = Casualties(dead=Count(low=9, best=9, high=9, qualifier="exact", text="nine"))
    said = Attribution(text="officials said")
    stories = [
        article(f"w{n}", event(f"w{n}", 1, actor=[SUDAN_ARMY], recipient=[RSF], casualties=toll, attribution=said))
        for n in range(12)
    ]
    with open_store(postgres_url) as store, ThreadPoolExecutor(max_workers=2) as writers:
        assert sum(writers.map(lambda story: store.save([story]), stories)) == len(stories)
        [canonical] = list(store.canonical_events())
    assert (canonical.reports, canonical.sources) == (12, 1), "one outlet, Test Wire"

"""The event store on SQLite and PostgreSQL: what a save keeps, what saving again adds (nothing), what queries give."""

from __future__ import annotations

from datetime import date

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, select

from tests.store_fixtures import (
    GUNMEN,
    RSF,
    RUSSIA,
    SUDAN_ARMY,
    UKRAINE,
    article,
    event,
    stored_article_ids,
    stored_report_count,
)
from treve.errors import StoreError
from treve.records import Attribution, Casualties, Count, Entity, Place, Size
from treve.store.repository import Store, alembic_config, event_country, open_store
from treve.store.schema import ArticleRow, Base, EventReportRow, MentionRow, RemovalRow


def test_an_article_is_stored_with_its_debris_its_event_reports_and_the_entities_they_name(store: Store) -> None:
    clash = event(
        "a1",
        1,
        actor=[SUDAN_ARMY, RSF],
        size=Size(dead=12),
        casualties=Casualties(dead=Count(low=12, best=12, high=None, qualifier="at least", text="at least 12")),
        attribution=Attribution(source=Entity(entity_text="a medical charity", sector="MED"), text="a charity said"),
    )
    assert store.save([article("a1", clash)]) == 1

    [stored] = store.events()
    assert (stored.id, stored.article_id, stored.date, stored.country) == ("a1-1", "a1", date(2024, 5, 11), "SDN")
    assert (stored.source, stored.url) == ("Test Wire", "https://example.invalid/a1")
    assert stored.event() == clash, "the full PLOVER record comes back as it went in"
    with store.engine.connect() as connection:
        report = connection.execute(select(EventReportRow)).one()
        assert (report.dead_low, report.dead_best, report.dead_high) == (12, 12, None)
        assert (report.sentence_start, report.sentence_end) == (clash.evidence.start, clash.evidence.end)
        mentions = connection.execute(select(MentionRow.role, MentionRow.position, MentionRow.code, MentionRow.sector))
        assert sorted(mentions) == [("actor", 0, "SDN", "MIL"), ("actor", 1, "SDN", "REB"), ("source", 0, None, "MED")]
        debris = connection.execute(select(RemovalRow.article_id, RemovalRow.reason, RemovalRow.text)).all()
        assert debris == [("a1", "share-line", "Share this article")]


def test_an_article_whose_events_are_placed_and_unplaced_alike_is_stored_whole(store: Store) -> None:
    placed = event("mixed", 1, location=Place(extracted_place="Gao", country_code="MLI", lat=16.27, lon=-0.04))
    store.save([article("mixed", placed, event("mixed", 2))])
    assert sorted((e.id, e.location) for e in store.events()) == [("mixed-1", "Gao"), ("mixed-2", None)]


def test_saving_the_same_articles_again_adds_nothing(store: Store) -> None:
    batch = [article("a1", event("a1", 1), event("a1", 2)), article("a2", event("a2", 1))]
    assert store.save(batch) == 2
    assert store.save(batch) == 0
    assert store.save([batch[1]]) == 0
    assert stored_article_ids(store) == ["a1", "a2"]
    assert stored_report_count(store) == 3


def test_a_duplicate_is_stored_pointing_at_its_first_copy(store: Store) -> None:
    store.save([article("first", event("first", 1)), article("copy", duplicate_of="first")])
    with store.engine.connect() as connection:
        links = {row.id: row.duplicate_of for row in connection.execute(select(ArticleRow))}
    assert links == {"first": None, "copy": "first"}


def test_a_save_is_stored_whole_or_not_at_all(store: Store) -> None:
    broken = article("a2", event("a2", 1), event("a2", 1))  # one event id twice: the database refuses it
    with pytest.raises(StoreError, match=r"cannot store articles .*; check the database"):
        store.save([article("a1", event("a1", 1)), broken])
    assert stored_article_ids(store) == []
    assert stored_report_count(store) == 0


def test_a_copy_whose_first_copy_never_reached_the_store_is_stored_as_a_first_copy(store: Store) -> None:
    store.save([article("copy", event("copy", 1), duplicate_of="failed-to-read")])
    with store.engine.connect() as connection:
        links = {row.id: row.duplicate_of for row in connection.execute(select(ArticleRow))}
    assert links == {"copy": None} and stored_report_count(store) == 1


def test_events_are_chosen_by_country_type_and_inclusive_date_range_and_come_by_date(store: Store) -> None:
    store.save(
        [
            article("sdn", event("sdn", 1, actor=[SUDAN_ARMY], day="2024-06-15"), event("sdn", 2, actor=[RSF])),
            article("protest", event("protest", 1, kind="PROTEST", actor=[SUDAN_ARMY], day="2024-05-01")),
            article("ukr", event("ukr", 1, actor=[RUSSIA], recipient=[UKRAINE], day="2024-05-20")),
            article("undated", event("undated", 1, actor=[RSF], day=None)),
        ]
    )

    def ids(**query: object) -> list[str]:
        return [stored.id for stored in store.events(**query)]

    assert ids(country="SDN", since=date(2024, 5, 1), until=date(2024, 5, 31)) == ["protest-1", "sdn-2"]
    assert ids(country="sdn", event_type="assault") == ["sdn-2", "sdn-1", "undated-1"]
    assert ids(country="UKR") == ["ukr-1"]
    assert ids(since=date(2024, 5, 20)) == ["ukr-1", "sdn-1"]
    assert ids(until=date(2024, 5, 1)) == ["protest-1"]
    assert len(ids()) == 5


def test_the_migrations_build_exactly_the_schema_the_models_declare(store: Store) -> None:
    with store.engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []


def test_the_migrations_can_be_undone_and_done_again(store: Store) -> None:
    config = alembic_config()
    with store.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "base")
        assert inspect(connection).get_table_names() == ["alembic_version"]
        command.upgrade(config, "head")
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []


def test_opening_a_store_again_keeps_what_it_holds(store_url: str) -> None:
    with open_store(store_url) as store:
        store.save([article("a1", event("a1", 1))])
    with open_store(store_url) as store:
        assert stored_article_ids(store) == ["a1"]


def test_an_event_is_filed_under_the_country_of_its_recipients_first_then_of_its_actors() -> None:
    assert event_country(event("a", 1, actor=[RUSSIA], recipient=[UKRAINE])) == "UKR"
    assert event_country(event("a", 1, actor=[GUNMEN, SUDAN_ARMY], recipient=[GUNMEN])) == "SDN"
    assert event_country(event("a", 1, actor=[GUNMEN])) is None


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("postgresql+psycopg://treve:s3cret@127.0.0.1:1/db", "postgresql+psycopg://treve:***@127.0.0.1:1/db: cannot"),
        ("sqlite:////nonexistent-folder/treve.db", "sqlite:////nonexistent-folder/treve.db: cannot open"),
        ("mysql://treve:s3cret@localhost/treve", "mysql://treve:***@localhost/treve: treve stores events in SQLite or"),
        ("treve.db", "treve.db: not a database URL; give --db or TREVE_DB as one, e.g. sqlite:///treve.db"),
    ],
)
def test_a_store_that_cannot_be_opened_is_one_line_naming_it_without_its_password(url: str, says: str) -> None:
    with pytest.raises(StoreError) as raised:
        open_store(url)
    message = str(raised.value)
    assert message.startswith(says)
    assert "\n" not in message and "s3cret" not in message


def test_a_store_made_before_articles_kept_their_places_opens_with_its_articles_and_their_removals(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    url = f"sqlite:///{tmp_path_factory.mktemp('old') / 'old.db'}"
    with open_store(url) as store:
        store.save([article("a1", event("a1", 1))])
        config = alembic_config()
        with store.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "0003")
    with open_store(url) as store:  # upgrades to the newest revision
        assert stored_article_ids(store) == ["a1"]
        with store.engine.connect() as connection:
            assert connection.execute(select(ArticleRow.places)).scalars().all() == [[]]

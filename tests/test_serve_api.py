"""`treve serve`'s API, through the real application over real stores (SQLite and PostgreSQL): given stored events,
expect them back filtered, paged and in each format; given writes, expect them refused whole or stored as a job."""

from __future__ import annotations

import csv
import io
import json
import time
from collections.abc import Callable, Iterator

import pytest
from fastapi.testclient import TestClient

from tests.store_fixtures import NEWS, RSF, SUDAN_ARMY, TRUCE, UKRAINE, article, event, stored_article_ids
from treve.config import Settings
from treve.pipeline import Pipeline
from treve.records import Place, RawItem
from treve.serve.api import create_app
from treve.store.queries import EventFilter
from treve.store.reading import stats
from treve.store.repository import Store

TOKEN = "s3cret-token"
RUSSIA = SUDAN_ARMY.model_copy(update={"entity_text": "Russian forces", "code": "RUS", "sector": "MIL"})


def place(name: str, country: str, lat: float, lon: float) -> Place:
    return Place(extracted_place=name, resolved_place=name, lat=lat, lon=lon, country_code=country, geo_precision=1)


def stored_events(store: Store) -> None:
    """Five events in two countries over two months: fighting in Sudan in May and June 2024 (one with a toll, one
    recalled from the past), strikes in Ukraine in May."""
    store.save(
        [
            article(
                "sd1",
                event("sd1", 1, day="2024-05-11", actor=[SUDAN_ARMY], recipient=[RSF],
                      location=place("El Fasher", "SDN", 13.63, 25.35), size={"dead": 12}),
                event("sd1", 2, day="2024-05-20", actor=[RSF], recipient=[SUDAN_ARMY],
                      location=place("Omdurman", "SDN", 15.64, 32.48)),
            ),
            article(
                "sd2",
                event("sd2", 1, day="2024-06-02", actor=[RSF], recipient=[SUDAN_ARMY],
                      location=place("El Obeid", "SDN", 13.18, 30.22), size={"dead": 3}),
                event("sd2", 2, day="2023-04-15", actor=[RSF], recipient=[SUDAN_ARMY],
                      auxiliary_modes=["historical"], location=place("Khartoum", "SDN", 15.5, 32.56)),
            ),
            article(
                "ua1",
                event("ua1", 1, day="2024-05-14", actor=[RUSSIA], recipient=[UKRAINE],
                      location=place("Kharkiv", "UKR", 49.99, 36.23)),
            ),
        ]
    )  # fmt: skip


@pytest.fixture
def client(store: Store, settings: Settings) -> Iterator[TestClient]:
    stored_events(store)
    with TestClient(create_app(store, settings.model_copy(update={"api_token": TOKEN}))) as client:
        yield client


def ids(response) -> list[str]:
    assert response.status_code == 200, response.text
    return [record["id"] for record in response.json()["events"]]


def test_events_come_in_date_order_filtered_by_country_and_dates(client: TestClient) -> None:
    assert ids(client.get("/events")) == ["sd2-2", "sd1-1", "ua1-1", "sd1-2", "sd2-1"]
    assert ids(client.get("/events", params={"country": "SDN", "since": "2024-05-01", "until": "2024-05-31"})) == [
        "sd1-1",
        "sd1-2",
    ]
    assert ids(client.get("/events", params={"historical": "false", "country": "sdn"})) == ["sd1-1", "sd1-2", "sd2-1"]


def test_events_are_filtered_by_party_type_box_words_and_confidence(client: TestClient) -> None:
    assert ids(client.get("/events", params={"actor": "RUS"})) == ["ua1-1"]
    assert ids(client.get("/events", params={"bbox": "30,10,35,20"})) == ["sd2-2", "sd1-2", "sd2-1"]
    assert ids(client.get("/events", params={"q": "ARTICLE UA1"})) == ["ua1-1"]
    assert ids(client.get("/events", params={"type": "ASSAULT", "min_confidence": 0.9})) == []
    assert ids(client.get("/events", params={"type": "PROTEST"})) == []


def test_pages_follow_each_other_by_cursor_without_repeating(client: TestClient) -> None:
    seen, cursor = [], None
    while True:
        page = client.get("/events", params={"limit": 2} | ({"cursor": cursor} if cursor else {})).json()
        seen += [record["id"] for record in page["events"]]
        cursor = page["next"]
        if cursor is None:
            break
    assert seen == ids(client.get("/events"))


def test_events_come_as_acled_csv_plover_jsonl_or_geojson(client: TestClient) -> None:
    rows = list(csv.DictReader(io.StringIO(client.get("/events", headers={"Accept": "text/csv"}).text)))
    assert [row["event_id_cnty"] for row in rows] == ["sd2-2", "sd1-1", "ua1-1", "sd1-2", "sd2-1"]
    assert rows[1]["fatalities"] == "12" and rows[1]["location"] == "El Fasher"
    lines = client.get("/events", params={"format": "jsonl", "country": "UKR"}).text.splitlines()
    assert [json.loads(line)["event"] for line in lines] == ["ASSAULT"]
    geojson = client.get("/events", params={"format": "geojson", "limit": 1})
    assert geojson.headers["content-type"].startswith("application/geo+json")
    assert geojson.json()["features"][0]["geometry"]["coordinates"] == [32.56, 15.5]
    assert geojson.headers["x-next-cursor"]


def test_an_event_shows_its_reports_evidence_and_article_and_an_article_its_spans(client: TestClient) -> None:
    detail = client.get("/events/sd1-1").json()
    assert detail["dead"]["best"] == 12 and detail["report_count"] == 1
    [report] = detail["reports"]
    assert report["evidence"]["sentence"] == "Sentence 1 of article sd1 tells an event."
    assert report["article"]["url"] == "https://example.invalid/sd1"
    text = client.get("/articles/sd1").json()
    assert [event["event_id"] for event in text["events"]] == ["sd1-1", "sd1-2"]
    assert text["removed"][0]["reason"] == "share-line"


def test_counts_by_month_country_and_type(client: TestClient) -> None:
    rows = client.get("/stats", params={"period": "month"}).json()["rows"]
    assert {(r["period"], r["country"], r["events"], r["dead"]) for r in rows} == {
        ("2023-04-01", "SDN", 1, 0),
        ("2024-05-01", "SDN", 2, 12),
        ("2024-05-01", "UKR", 1, 0),
        ("2024-06-01", "SDN", 1, 3),
    }
    totals = client.get("/stats", params={"period": "month", "by": "none"}).json()["rows"]
    assert [(r["period"], r["events"], r["dead"]) for r in totals] == [
        ("2023-04-01", 1, 0),
        ("2024-05-01", 3, 12),
        ("2024-06-01", 1, 3),
    ]
    assert "country" not in totals[0] and "event_type" not in totals[0]
    weeks = client.get("/stats", params={"period": "week", "country": "UKR"}).json()["rows"]
    assert [row["period"] for row in weeks] == ["2024-05-13"]  # a Tuesday's week starts on Monday


def test_counts_are_filtered_as_events_are(client: TestClient) -> None:
    """Filters the kept counts do not keep (a party, a box, recalled events left out) are counted from events."""
    by_party = client.get("/stats", params={"actor": "RUS", "by": "none"}).json()["rows"]
    assert [(r["period"], r["events"]) for r in by_party] == [("2024-05-01", 1)]
    boxed = client.get("/stats", params={"bbox": "30,10,35,20", "historical": "false", "by": "none"}).json()["rows"]
    assert [(r["period"], r["events"], r["dead"]) for r in boxed] == [("2024-05-01", 1, 0), ("2024-06-01", 1, 3)]


@pytest.mark.parametrize(
    ("path", "params", "status", "says"),
    [
        ("/events/none", {}, 404, "no event 'none' in this store"),
        ("/articles/none", {}, 404, "no article 'none' in this store"),
        ("/events", {"bbox": "200,0,210,10"}, 400, "bbox '200,0,210,10' is outside the globe"),
        ("/events", {"bbox": "1,2,3"}, 422, "bbox: String should match pattern"),
        ("/events", {"cursor": "garbage"}, 400, "cursor is not one this API gave"),
        ("/events", {"country": "Sudan"}, 422, "country: String should match pattern"),
        ("/events", {"limit": 0}, 422, "limit: Input should be greater than or equal to 1"),
    ],
)
def test_a_request_the_api_cannot_answer_is_one_line(client: TestClient, path, params, status, says) -> None:
    response = client.get(path, params=params)
    assert response.status_code == status
    assert response.json()["error"].startswith(says)


def test_writes_are_refused_without_the_token_and_store_nothing(store: Store, settings: Settings) -> None:
    body = json.dumps(NEWS["sudan"])
    with TestClient(create_app(store, settings)) as no_token:
        refused = no_token.post("/articles", content=body, headers={"Content-Type": "application/json"})
        assert refused.status_code == 403 and "no API token is set" in refused.json()["error"]
    with TestClient(create_app(store, settings.model_copy(update={"api_token": TOKEN}))) as client:
        wrong = client.post("/articles", content=body, headers={"Authorization": "Bearer nope"})
        assert wrong.status_code == 401
    assert stored_article_ids(store) == []


def test_a_body_wrong_anywhere_is_refused_whole(store: Store, settings: Settings) -> None:
    app = create_app(store, settings.model_copy(update={"api_token": TOKEN, "api_max_request_bytes": 2_000}))
    auth = {"Authorization": f"Bearer {TOKEN}"}
    with TestClient(app) as client:
        half_bad = json.dumps([NEWS["sudan"], {"title": "no text"}])
        refused = client.post("/articles", content=half_bad, headers=auth | {"Content-Type": "application/json"})
        assert refused.status_code == 422, refused.text
        assert refused.json()["error"].startswith("request body")
        assert (
            client.post("/articles", content="{", headers=auth | {"Content-Type": "application/json"}).status_code
            == 422
        )
        large = client.post("/articles", content="x" * 3_000, headers=auth | {"Content-Type": "text/plain"})
        assert large.status_code == 413
        odd = client.post("/articles", content="x", headers=auth | {"Content-Type": "image/png"})
        assert odd.status_code == 415
    assert stored_article_ids(store) == []


def test_a_batch_is_stored_by_a_job_whose_progress_can_be_read(store: Store, settings: Settings) -> None:
    with TestClient(create_app(store, settings.model_copy(update={"api_token": TOKEN}))) as client:
        batch = {"articles": [NEWS["sudan"], NEWS["kharkiv"]]}
        accepted = client.post(
            "/articles", json=batch, headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
        )
        assert accepted.status_code == 202, accepted.text
        job = accepted.json()
        for _ in range(600):
            job = client.get(f"/jobs/{job['id']}").json()
            if job["status"] in ("done", "failed"):
                break
            time.sleep(0.1)
        assert (job["status"], job["items"], job["stored"], job["errors"]) == ("done", 2, 2, [])
        assert job["events"] >= 2
        assert len(client.get("/events").json()["events"]) >= 2


def test_ceasefires_are_listed_by_country_party_and_status(
    store: Store, settings: Settings, pipeline_factory: Callable[[], Pipeline]
) -> None:
    store.save(
        [pipeline_factory().process(RawItem(path="truce.txt", format="text", text=TRUCE, published="2024-03-12"))]
    )
    with TestClient(create_app(store, settings)) as client:
        every = client.get("/ceasefires").json()
        assert len(every) == 1
        truce = every[0]
        party = truce["parties"][0]["code"]
        assert truce["country"] == "SDN" and [change["status"] for change in truce["history"]][:2] == [
            "agreed",
            "in effect",
        ]

        def listed(**params: str) -> list[str]:
            answer = client.get("/ceasefires", params=params)
            assert answer.status_code == 200, answer.text
            return [ceasefire["id"] for ceasefire in answer.json()]

        assert listed(country="sdn") == listed(party=party.lower()) == listed(status=truce["status"]) == [truce["id"]]
        assert listed(country="UKR") == listed(party="RUS") == listed(status="collapsed") == []
        assert client.get("/ceasefires", params={"status": "over"}).status_code == 422
        assert client.get(f"/ceasefires/{truce['id']}").json() == truce


def test_the_schema_and_its_documentation_are_served(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    assert {"/events", "/events/{event_id}", "/ceasefires", "/articles", "/stats", "/jobs/{job_id}"} <= set(
        schema["paths"]
    )
    assert client.get("/docs").status_code == 200


@pytest.mark.parametrize("period", ["day", "week", "month"])
def test_counts_kept_as_events_change_equal_counts_made_from_the_events(store: Store, period: str) -> None:
    """A second report of an event with another toll changes its canonical figures: the kept counts follow."""
    stored_events(store)
    fasher = place("El Fasher", "SDN", 13.63, 25.35)
    again = event("sd3", 1, day="2024-05-11", actor=[SUDAN_ARMY], recipient=[RSF], location=fasher, size={"dead": 20})
    store.save([article("sd3", again)])
    with store.engine.connect() as connection:
        kept = stats(connection, EventFilter(), period)
        made = stats(connection, EventFilter(min_confidence=0.0), period)  # a filter counts do not keep
        assert kept == made
        assert stats(connection, EventFilter(), period, ()) == stats(
            connection, EventFilter(min_confidence=0), period, ()
        )
        assert stats(connection, EventFilter(country="UKR"), period) == [row for row in made if row["country"] == "UKR"]


def test_a_store_that_cannot_be_read_is_a_503_without_its_address(tmp_path, settings: Settings) -> None:
    from sqlalchemy import text

    from treve.store.repository import open_store

    with (
        open_store(f"sqlite:///{tmp_path / 'treve.db'}") as broken,
        TestClient(create_app(broken, settings)) as client,
    ):
        with broken.engine.begin() as connection:
            connection.execute(text("DROP TABLE ceasefire_statuses"))
            connection.execute(text("DROP TABLE event_counts"))
        for path in ("/ceasefires", "/stats"):
            answer = client.get(path)
            assert answer.status_code == 503, answer.text
            assert answer.json() == {"error": "the store cannot be read now; try again later"}

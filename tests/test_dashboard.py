"""The dashboard in a real browser (Debian's headless Chromium driven by Playwright) against `treve serve`'s app on
loopback: given stored events and a ceasefire, expect the map and list to load, a country filter to narrow them and
stay in the URL, an event to open with its evidence highlighted, a ceasefire to open, and a `<script>` in an
article's title shown as text, never run. Each step's screenshot is written to tests/artifacts/."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from tests.store_fixtures import RSF, SUDAN_ARMY, TRUCE, UKRAINE, article, event
from tests.test_serve_api import RUSSIA, place
from treve.config import Settings
from treve.pipeline import Pipeline
from treve.records import RawItem
from treve.serve.api import create_app
from treve.store.repository import Store, open_store

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).parent / "artifacts"
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
INJECTED = '<script>window.injected = "title"</script><img src=x onerror="window.injected = \'image\'">'

if not Path(CHROMIUM).exists():
    if os.environ.get("CI") == "true":
        raise RuntimeError(f"{CHROMIUM} is missing: .ci/run installs Debian's chromium for the dashboard's tests")
    pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)", allow_module_level=True)


def dashboard_store(store: Store, pipeline: Pipeline) -> None:
    """Events in Sudan and Ukraine, one with a hostile title, and a truce read from a real article."""
    hostile = article("sd9", event("sd9", 1, day="2024-05-11", actor=[SUDAN_ARMY], recipient=[RSF],
                                   location=place("El Fasher", "SDN", 13.63, 25.35), size={"dead": 12}))  # fmt: skip
    store.save(
        [
            hostile.model_copy(update={"title": INJECTED}),
            article(
                "ua9",
                event(
                    "ua9",
                    1,
                    day="2024-05-14",
                    actor=[RUSSIA],
                    recipient=[UKRAINE],
                    location=place("Kharkiv", "UKR", 49.99, 36.23),
                ),
            ),
            pipeline.process(RawItem(path="truce.txt", format="text", text=TRUCE, published="2024-03-12")),
        ]
    )


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, settings: Settings, pipeline: Pipeline) -> Iterator[str]:
    """`treve serve`'s application under uvicorn on a free loopback port, over a SQLite store."""
    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('dashboard') / 'treve.db'}")
    dashboard_store(store, pipeline)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    running = uvicorn.Server(
        uvicorn.Config(create_app(store, settings), host="127.0.0.1", port=port, log_level="error")
    )
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    while not running.started:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}/"
    running.should_exit = True
    thread.join()
    store.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    page.close()
    assert errors == []


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def listed(page) -> list[str]:
    return page.locator("#events li").evaluate_all("items => items.map(item => item.dataset.id)")


def test_the_dashboard_loads_its_map_timeline_and_events(page, server: str) -> None:
    page.goto(server)
    page.wait_for_selector("body[data-ready=true]")
    shot(page, "1-loaded")
    assert set(listed(page)) >= {"sd9-1", "ua9-1"}
    assert page.locator("#map path.country").count() > 150
    assert page.locator("#map circle.event").count() >= 2
    assert page.locator("#timeline rect.bar").count() >= 2
    assert page.locator("#filters select[name=type] option").count() == 17


def test_a_month_clicked_on_the_timeline_narrows_the_view_to_it(page, server: str) -> None:
    page.goto(server)
    page.wait_for_selector("body[data-ready=true]")
    page.click("#timeline rect.bar[data-period='2024-05-01']")
    page.wait_for_selector("body[data-ready=true]")
    assert "since=2024-05-01" in page.url and "until=2024-05-31" in page.url
    assert set(listed(page)) == {"sd9-1", "ua9-1"}
    assert page.input_value("#filters input[name=until]") == "2024-05-31"


def test_a_country_filter_narrows_the_view_and_is_kept_in_the_address(page, browser, server: str) -> None:
    page.goto(server)
    page.wait_for_selector("body[data-ready=true]")
    page.fill("#filters input[name=country]", "UKR")
    page.click("#filters button")
    page.wait_for_function("() => [...document.querySelectorAll('#events li')].every(li => li.dataset.id === 'ua9-1')")
    shot(page, "2-filtered")
    assert "country=UKR" in page.url
    shared = browser.new_page()
    shared.goto(page.url)
    shared.wait_for_selector("body[data-ready=true]")
    assert listed(shared) == ["ua9-1"] and shared.input_value("#filters input[name=country]") == "UKR"
    shared.close()


def test_an_event_opens_with_its_evidence_highlighted_and_a_script_title_never_runs(page, server: str) -> None:
    page.goto(server)
    page.wait_for_selector("body[data-ready=true]")
    page.click("#events li:has-text('AGREE')")
    page.wait_for_selector("#panel mark")
    shot(page, "3-event")
    assert "event=" in page.url
    assert "agreed on Tuesday, 12 March 2024" in page.text_content("#panel mark")
    page.click("#events li[data-id=sd9-1]")
    page.wait_for_function("() => document.querySelector('#panel-sources a')?.textContent.includes('script')")
    shot(page, "3-hostile-title")
    assert page.text_content("#panel-sources a") == INJECTED
    assert page.evaluate("() => window.injected") is None
    assert page.locator("#panel script, #panel img").count() == 0


def test_a_ceasefire_opens_on_the_board_with_its_history(page, server: str) -> None:
    page.goto(server)
    page.wait_for_selector("body[data-ready=true]")
    page.click("#ceasefires .ceasefire")
    page.wait_for_selector("#ceasefires .ceasefire.selected li")
    shot(page, "4-ceasefire")
    assert "ceasefire=" in page.url
    assert page.locator("#ceasefires .ceasefire.selected li").first.text_content().endswith("agreed")


def test_a_box_dragged_on_the_map_and_a_party_narrow_the_view(page, server: str) -> None:
    page.goto(server)
    page.wait_for_selector("body[data-ready=true]")
    area = page.locator("#map").bounding_box()

    def at(longitude: float, latitude: float) -> tuple[float, float]:
        return area["x"] + (longitude + 180) / 360 * area["width"], area["y"] + (90 - latitude) / 180 * area["height"]

    page.mouse.move(*at(20, 58))  # around Ukraine, from the north-west corner
    page.mouse.down()
    page.mouse.move(*at(30, 50))
    page.mouse.move(*at(45, 42))
    page.mouse.up()
    page.wait_for_selector("body[data-ready=true] #map rect.box")
    shot(page, "5-box")
    assert "bbox=" in page.url and listed(page) == ["ua9-1"]
    west, south, east, north = (float(part) for part in page.input_value("#filters input[name=bbox]").split(","))
    assert (19 < west < 21, 41 < south < 43, 44 < east < 46, 57 < north < 59) == (True,) * 4
    assert page.locator("#timeline rect.bar").count() == 1  # the timeline counts the same events

    page.fill("#filters input[name=bbox]", "")
    page.fill("#filters input[name=actor]", "RUS")
    page.click("#filters button")
    page.wait_for_function("() => !location.search.includes('bbox')")
    page.wait_for_selector("body[data-ready=true]")
    assert "actor=RUS" in page.url and listed(page) == ["ua9-1"]
    assert page.text_content("#ceasefires") == "No ceasefire in this view."  # the truce's parties are Sudan's

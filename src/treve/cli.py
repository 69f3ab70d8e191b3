"""The `treve` command."""

from __future__ import annotations

import dataclasses
import json
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, BinaryIO, TypeVar

import pycountry
import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.table import Table

from treve.cli_common import (
    Config,
    fail,
    gazetteer_path,
    open_store_from,
    print_error,
    print_warning,
    settings_from,
    stderr,
)
from treve.cli_evaluate import evaluate_app
from treve.config import Settings
from treve.distribute import Outcome, Saved, connect, run_on_cluster, save_each
from treve.errors import StoreError, TreveError
from treve.ingest import count_items, read_inputs
from treve.ontology import EVENT_TYPES
from treve.pipeline import Pipeline
from treve.records import Article, Entity, ExtractionResult, ItemError, RawItem
from treve.store.exports import ExportFormat, write_events

if TYPE_CHECKING:
    from treve.store.repository import Store, StoredEvent

app = typer.Typer(help="Structured event records from news about armed conflict.", no_args_is_help=True)
app.add_typer(evaluate_app, name="evaluate")
gazetteer_app = typer.Typer(help="The place-name gazetteer.", no_args_is_help=True)
app.add_typer(gazetteer_app, name="gazetteer")

PROGRESS_AFTER_SECONDS = 1.0
TABLE_WIDTH_WHEN_PIPED = 160


Result = TypeVar("Result", Article, Outcome, Article | ItemError)


class OutputFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"
    table = "table"


def with_progress(results: Iterable[Result], *, quiet: bool = False, total: int | None = None) -> Iterator[Result]:
    """Yield the results, showing on stderr (a terminal, once the work has taken more than a second, unless
    `quiet`) the articles read so far, their events, the errors, the articles and events a second and the time
    taken; with the `total` of items, a bar and the time left."""
    started = time.monotonic()
    progress: Progress | None = None
    task = None
    events = errors = 0
    try:
        for count, result in enumerate(results, start=1):
            if isinstance(result, ItemError):
                errors += 1
            elif isinstance(result, Saved):
                events += result.events
            else:
                events += len(result.events)
            slow = time.monotonic() - started > PROGRESS_AFTER_SECONDS
            if progress is None and slow and not quiet and stderr.is_terminal:
                ahead = [BarColumn(), TimeRemainingColumn()] if total else []
                progress = Progress(
                    SpinnerColumn(),
                    TextColumn("{task.completed} items, {task.fields[events]} events, {task.fields[errors]} errors"),
                    TextColumn("{task.fields[rate]:.1f} items/s, {task.fields[event_rate]:.1f} events/s"),
                    TimeElapsedColumn(),
                    *ahead,
                    console=stderr,
                    transient=True,
                )
                progress.start()
                task = progress.add_task("reading", total=total, events=events, errors=errors, rate=0.0, event_rate=0.0)
            if progress is not None and task is not None:
                seconds = max(time.monotonic() - started, 1e-9)
                progress.update(
                    task,
                    completed=count,
                    events=events,
                    errors=errors,
                    rate=count / seconds,
                    event_rate=events / seconds,
                )
            yield result
    finally:
        if progress is not None:
            progress.stop()


def _day(option: str, value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError as exc:
        raise fail(f"{option} {value!r} is not a date; use YYYY-MM-DD", 2) from exc


def _extraction(
    paths: list[str],
    settings: Settings,
    published: date | None,
    events: bool = True,
    quiet: bool = False,
) -> Iterator[Article | ItemError]:
    """The articles (or errors) of `paths`, in input order: what `extract` prints."""
    pipeline = Pipeline(settings, published=published, events=events)
    return with_progress(pipeline.run(_items(paths, settings)), quiet=quiet, total=_total(paths, quiet))


def _total(paths: list[str], quiet: bool) -> int | None:
    """The items to read, where their names tell it (for the time left); not counted when nothing is shown."""
    return None if quiet or not stderr.is_terminal else count_items(paths)


def _items(paths: list[str], settings: Settings) -> Iterator[RawItem | ItemError]:
    return read_inputs(paths, stdin=sys.stdin.buffer, max_item_bytes=settings.max_item_bytes)


def _stored(
    paths: list[str],
    settings: Settings,
    published: date | None,
    store: Store,
    workers: int | None,
    scheduler: str | None,
) -> Iterator[Outcome]:
    """What storing each item of `paths` gave: read here, or on a Dask cluster when `workers` or `scheduler` is
    given. An article already in the store is not read for events again; a copy of one stored is linked to it."""
    if workers is None and scheduler is None:
        pipeline = Pipeline(settings, published=published, stored=store)
        yield from save_each(store, pipeline.run(_items(paths, settings)))
        return
    try:
        client = connect(workers, scheduler)
    except (OSError, TimeoutError) as exc:
        raise fail(f"cannot reach the Dask scheduler at {scheduler} ({exc}); check --scheduler", 2) from exc
    try:
        stderr.print(f"Dask dashboard: {client.dashboard_link}", highlight=False, soft_wrap=True)
        yield from run_on_cluster(client, _items(paths, settings), store, settings, published)
    finally:
        client.close()
        if workers is not None:
            client.cluster.close()


def _codes(entities: list[Entity]) -> str:
    return ", ".join(f"{e.code or '?'}{'/' + e.sector if e.sector else ''}" for e in entities)


def _console() -> Console:
    """Standard output, as wide as a table needs when piped."""
    console = Console()
    return console if console.is_terminal else Console(width=TABLE_WIDTH_WHEN_PIPED)


def _print_table(articles: list[Article], errors: list[ItemError]) -> None:
    console = _console()
    table = Table("id", "language", "published", "title", "removed", "duplicate of")
    table.columns[0].no_wrap = table.columns[5].no_wrap = True
    for article in articles:
        table.add_row(
            article.id,
            f"{article.language} ({article.language_confidence:.2f})" if article.language else "?",
            f"{article.published:%Y-%m-%d} ({article.published_source})" if article.published else "",
            article.title or "",
            str(len(article.removed)),
            article.duplicate_of or "",
        )
    console.print(table)
    events = Table("event id", "date", "event", "mode", "actor", "recipient", "mediator", "dead", "modes", "trigger")
    events.columns[0].no_wrap = True
    for article in articles:
        for event in article.events:
            events.add_row(
                event.id,
                event.date or "",
                event.event,
                event.mode or "",
                _codes(event.actor),
                _codes(event.recipient),
                _codes(event.mediator),
                "" if event.size.dead is None else str(event.size.dead),
                ", ".join(event.auxiliary_modes),
                event.event_text,
            )
    if events.row_count:
        console.print(events)
    for warning in (warning for article in articles for warning in article.warnings):
        console.print(f"[yellow]warning[/yellow] {warning}", highlight=False)
    for error in errors:
        console.print(f"[red]error[/red] {error.reason}", highlight=False)


Paths = Annotated[list[str], typer.Argument(help="Files, directories (read recursively) or '-' for stdin.")]
Published = Annotated[
    str | None, typer.Option(help="Publication date (YYYY-MM-DD) for items whose metadata gives none.")
]
Strict = Annotated[bool, typer.Option(help="Exit non-zero when any item fails.")]
Languages = Annotated[str | None, typer.Option(help="Candidate languages, e.g. 'fr,en'.")]
Quiet = Annotated[bool, typer.Option("--quiet", help="No progress line: only errors and the summary.")]
Db = Annotated[
    str | None,
    typer.Option(
        help="Store URL: sqlite:///FILE or postgresql+psycopg://USER:PASSWORD@HOST/DB "
        "(default: TREVE_DB, else sqlite:///treve.db in the working directory)."
    ),
]


@app.command()
def extract(
    paths: Paths,
    published: Published = None,
    output: Annotated[OutputFormat, typer.Option("--format", help="json, jsonl (streamed) or table.")] = (
        OutputFormat.json
    ),
    strict: Strict = False,
    languages: Languages = None,
    config: Config = None,
    events: Annotated[bool, typer.Option(help="Code events (--no-events: the article layer only).")] = True,
    quiet: Quiet = False,
) -> None:
    """Read news items in any format and print clean, identified articles, their events, and the errors met."""
    published_date = _day("--published", published)
    settings = settings_from(config, languages=languages)
    articles: list[Article] = []
    errors: list[ItemError] = []
    processed = 0
    streaming = output is OutputFormat.jsonl
    for result in _extraction(paths, settings, published_date, events, quiet=quiet):
        if isinstance(result, ItemError):
            errors.append(result)
            if streaming:
                stderr.print(result.model_dump_json(), highlight=False, soft_wrap=True)
            continue
        processed += 1
        if streaming:
            sys.stdout.write(result.model_dump_json() + "\n")
        else:
            articles.append(result)
    if output is OutputFormat.json:
        sys.stdout.write(ExtractionResult(articles=articles, errors=errors).model_dump_json(indent=2) + "\n")
    elif output is OutputFormat.table:
        _print_table(articles, errors)
    if not processed or (strict and errors):
        raise typer.Exit(1)


@app.command()
def ingest(
    paths: Paths,
    db: Db = None,
    published: Published = None,
    strict: Strict = False,
    languages: Languages = None,
    config: Config = None,
    quiet: Quiet = False,
    workers: Annotated[
        int | None, typer.Option(min=1, help="Read on a local Dask cluster of this many worker processes.")
    ] = None,
    scheduler: Annotated[
        str | None, typer.Option(help="Read on the Dask cluster whose scheduler is at this address (tcp://HOST:8786).")
    ] = None,
) -> None:
    """Extract articles and events as `extract` does and store them, one transaction per article.

    An article already in the store is skipped before its events are read, so a batch that was interrupted can
    simply be run again and costs only what was not stored.
    """
    if workers is not None and scheduler is not None:
        raise fail("give --workers (a cluster started here) or --scheduler (one already running), not both", 2)
    published_date = _day("--published", published)
    settings = settings_from(config, languages=languages, db=db)
    store = open_store_from(settings)
    stored = stored_events = already = errors = 0
    with store:
        try:
            outcomes = _stored(paths, settings, published_date, store, workers, scheduler)
            for result in with_progress(outcomes, quiet=quiet, total=_total(paths, quiet)):
                if isinstance(result, ItemError):
                    errors += 1
                    print_error(result.reason)
                    continue
                for warning in result.warnings:
                    print_warning(warning)
                if result.new:
                    stored += 1
                    stored_events += result.events
                else:
                    already += 1
        except StoreError as exc:  # the store is gone (a full disk, a server down): the batch stops here
            raise fail(exc, 1) from exc
    stderr.print(
        f"{store.shown_url}: {stored} articles stored ({stored_events} events), {already} already there, "
        f"{errors} errors",
        highlight=False,
        soft_wrap=True,
    )
    if not stored + already or (strict and errors):
        raise typer.Exit(1)


@app.command()
def serve(
    db: Db = None,
    host: Annotated[str, typer.Option(help="Address to listen on (127.0.0.1: this machine only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    workers: Annotated[
        int, typer.Option(min=1, max=64, help="Server processes answering on the port (about one per core).")
    ] = 1,
    config: Config = None,
) -> None:
    """Serve the REST API and the dashboard over the store, until interrupted (Ctrl-C).

    Writes (POST /articles) need the token set in TREVE_API_TOKEN (or `api_token` in the settings file); without
    one they are refused. They are kept in the store as jobs, run by whichever process is free.
    """
    import os

    import uvicorn

    from treve.serve.api import SETTINGS_VARIABLE

    settings = settings_from(config, db=db)
    with open_store_from(settings) as store:  # migrated here once, not by each process
        shown = store.shown_url
    stderr.print(
        f"{shown}: dashboard at http://{host}:{port}/, API documentation at http://{host}:{port}/docs",
        highlight=False,
        soft_wrap=True,
    )
    os.environ[SETTINGS_VARIABLE] = settings.model_dump_json()
    uvicorn.run("treve.serve.api:served_app", factory=True, host=host, port=port, workers=workers, log_level="warning")


@app.command("events")
def list_events(
    db: Db = None,
    country: Annotated[str | None, typer.Option(help="Where: ISO 3166 alpha-3 code, e.g. SDN.")] = None,
    event_type: Annotated[str | None, typer.Option("--type", help="PLOVER event type, e.g. ASSAULT.")] = None,
    since: Annotated[str | None, typer.Option(help="First day (YYYY-MM-DD), included.")] = None,
    until: Annotated[str | None, typer.Option(help="Last day (YYYY-MM-DD), included.")] = None,
    export_format: Annotated[
        ExportFormat,
        typer.Option(
            "--format",
            help="jsonl (PLOVER records), csv (ACLED's columns), geojson (points: events without coordinates "
            "are left out), parquet (needs --output) or table (to read).",
        ),
    ] = ExportFormat.jsonl,
    output: Annotated[Path | None, typer.Option(help="File to write (default: standard output).")] = None,
    reports: Annotated[
        bool, typer.Option("--reports", help="Each article's event reports, not the canonical events they tell.")
    ] = False,
    config: Config = None,
) -> None:
    """Print the stored events (canonical: one per real-world event, with its number of reports and sources), by
    date, filtered by country, type and date range."""
    if country is not None and not pycountry.countries.get(alpha_3=country):
        raise fail(f"--country {country!r} is not an ISO 3166 alpha-3 code; use e.g. SDN for Sudan", 2)
    if event_type is not None and event_type.upper() not in EVENT_TYPES:
        raise fail(f"--type {event_type!r} is no PLOVER event type; use one of {', '.join(EVENT_TYPES)}", 2)
    if export_format is ExportFormat.parquet and output is None:
        raise fail("parquet is a binary file format; give --output FILE.parquet", 2)
    first_day, last_day = _day("--since", since), _day("--until", until)
    settings = settings_from(config, db=db)
    with open_store_from(settings) as store:
        listing = store.events if reports else store.canonical_events
        found = listing(country=country, event_type=event_type, since=first_day, until=last_day)
        try:
            if export_format is ExportFormat.table:
                _print_events_table(found)
                return
            if output is None:
                _write_to_stdout(lambda stream: write_events(found, export_format, stream))
                return
            with output.open("wb") as file:
                written = write_events(found, export_format, file)
        except StoreError as exc:
            raise fail(exc, 1) from exc
        except OSError as exc:
            raise fail(f"{output}: cannot write it ({exc.strerror}); check the path", 2) from exc
    stderr.print(f"{output}: {written} events", highlight=False)


def _print_events_table(events: Iterable[StoredEvent]) -> None:
    table = Table("id", "date", "event", "country", "place", "dead", "reports", "sources", "evidence")
    table.columns[0].no_wrap = True
    for stored in events:
        dead = (stored.record["casualties"] or {}).get("dead") or {}
        toll = "" if dead.get("best") is None else f"{dead['best']} ({dead['low']}-{dead['high'] or '?'})"
        table.add_row(
            stored.id,
            stored.date.isoformat() if stored.date else "",
            stored.event_type,
            stored.country or "",
            stored.location or "",
            toll,
            str(stored.reports or 1),
            stored.source or "",
            stored.record["evidence"]["sentence"],
        )
    _console().print(table)


@app.command("ceasefires")
def list_ceasefires(
    db: Db = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per ceasefire and line.")] = False,
    config: Config = None,
) -> None:
    """Print the ceasefires: parties, mediator, place, when agreed and in effect, status, violations and
    accusations of violations."""
    settings = settings_from(config, db=db)
    with open_store_from(settings) as store:
        try:
            ceasefires = store.ceasefires()
        except StoreError as exc:
            raise fail(exc, 1) from exc
    if as_json:
        for ceasefire in ceasefires:
            sys.stdout.write(json.dumps(dataclasses.asdict(ceasefire), default=str, ensure_ascii=False) + "\n")
        return
    table = Table("id", "parties", "mediator", "place", "agreed", "effective (UTC)", "status", "violations", "history")
    table.columns[0].no_wrap = True
    for ceasefire in ceasefires:
        table.add_row(
            ceasefire.id,
            _codes([Entity.model_validate(party) for party in ceasefire.parties]),
            _codes([Entity.model_validate(mediator) for mediator in ceasefire.mediator]),
            ceasefire.terms.get("scope") or ceasefire.location or ceasefire.country or "",
            (ceasefire.agreed or "")
            + (f" ({ceasefire.terms['duration']['text']})" if ceasefire.terms.get("duration") else ""),
            f"{ceasefire.effective:%Y-%m-%d %H:%M}" if ceasefire.effective else "",
            ceasefire.status,
            str(len(ceasefire.violations))
            + (f" ({len(ceasefire.accusations)} accused)" if ceasefire.accusations else ""),
            ", ".join(f"{change.status} {change.at:%Y-%m-%d}" for change in ceasefire.history),
        )
    _console().print(table)


def _write_to_stdout(write: Callable[[BinaryIO], object]) -> None:
    """A reader that stops early (`| head`) ends the command quietly, as it does for cat."""
    sys.stdout.flush()
    try:
        write(sys.stdout.buffer)
        sys.stdout.flush()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


@gazetteer_app.command("build")
def gazetteer_build(config: Annotated[Path | None, typer.Option(help="Settings file (TOML).")] = None) -> None:
    """Build the gazetteer now (it is otherwise built on first use) and print where it is and its size."""
    from treve.resources.gazetteer import open_gazetteer

    gazetteer = open_gazetteer(gazetteer_path(config))
    sys.stdout.write(json.dumps({"path": str(gazetteer.path), **gazetteer.stats()}) + "\n")


@gazetteer_app.command("import-geonames")
def gazetteer_import_geonames(
    all_countries: Annotated[Path, typer.Argument(help="allCountries.txt (or a country file) from GeoNames.")],
    alternate_names: Annotated[
        Path | None, typer.Option(help="alternateNamesV2.txt: English, French and untagged names.")
    ] = None,
    config: Annotated[Path | None, typer.Option(help="Settings file (TOML).")] = None,
) -> None:
    """Add a GeoNames dump to the gazetteer: its places replace those with the same GeoNames id."""
    from treve.resources.gazetteer import open_gazetteer
    from treve.resources.geonames_import import import_geonames

    try:
        store = open_gazetteer(gazetteer_path(config)).path
        counts = import_geonames(store, all_countries, alternate_names)
    except TreveError as exc:
        raise fail(exc, 2) from exc
    sys.stdout.write(json.dumps({"path": str(store), **counts}) + "\n")


if __name__ == "__main__":
    app()

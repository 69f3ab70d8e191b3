"""The `treve` command."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from treve.config import Settings, load_settings
from treve.errors import TreveError
from treve.ingest import read_inputs
from treve.pipeline import Pipeline
from treve.records import Article, Entity, Event, ExtractionResult, ItemError, RawItem
from treve.stages.clean import Cleaner
from treve.stages.events import EventCoder
from treve.stages.nlp import LanguageModels

app = typer.Typer(help="Structured event records from news about armed conflict.", no_args_is_help=True)
evaluate_app = typer.Typer(help="Score treve against gold data.", no_args_is_help=True)
app.add_typer(evaluate_app, name="evaluate")

stderr = Console(stderr=True)
T = TypeVar("T")
PROGRESS_AFTER_SECONDS = 1.0
TABLE_WIDTH_WHEN_PIPED = 160


class OutputFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"
    table = "table"


def with_progress(items: Iterable[T], label: str) -> Iterator[T]:
    """Yield `items`, showing a progress line on stderr once the work has taken more than a second."""
    started = time.monotonic()
    progress: Progress | None = None
    task = None
    try:
        for count, item in enumerate(items, start=1):
            if progress is None and time.monotonic() - started > PROGRESS_AFTER_SECONDS and stderr.is_terminal:
                progress = Progress(
                    SpinnerColumn(),
                    TextColumn("{task.description}: {task.completed}"),
                    TimeElapsedColumn(),
                    console=stderr,
                    transient=True,
                )
                progress.start()
                task = progress.add_task(label, completed=count - 1)
            if progress is not None and task is not None:
                progress.update(task, completed=count)
            yield item
    finally:
        if progress is not None:
            progress.stop()


def _settings(config: Path | None, languages: str | None) -> Settings:
    try:
        return load_settings(config, languages=languages)
    except TreveError as exc:
        stderr.print(f"[red]error:[/red] {exc}", highlight=False)
        raise typer.Exit(2) from exc


def _codes(entities: list[Entity]) -> str:
    return ", ".join(f"{e.code or '?'}{'/' + e.sector if e.sector else ''}" for e in entities)


def _print_table(articles: list[Article], errors: list[ItemError]) -> None:
    console = Console()
    if not console.is_terminal:
        console = Console(width=TABLE_WIDTH_WHEN_PIPED)
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
    for error in errors:
        console.print(f"[red]error[/red] {error.reason}", highlight=False)


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files, directories (read recursively) or '-' for stdin.")],
    published: Annotated[
        str | None, typer.Option(help="Publication date (YYYY-MM-DD) for items whose metadata gives none.")
    ] = None,
    output: Annotated[OutputFormat, typer.Option("--format", help="json, jsonl (streamed) or table.")] = (
        OutputFormat.json
    ),
    strict: Annotated[bool, typer.Option(help="Exit non-zero when any item fails.")] = False,
    languages: Annotated[str | None, typer.Option(help="Candidate languages, e.g. 'fr,en'.")] = None,
    config: Annotated[Path | None, typer.Option(help="Settings file (TOML).")] = None,
    events: Annotated[bool, typer.Option(help="Code events (--no-events: the article layer only).")] = True,
) -> None:
    """Read news items in any format and print clean, identified articles, their events, and the errors met."""
    try:
        published_date = date.fromisoformat(published) if published else None
    except ValueError as exc:
        stderr.print(f"[red]error:[/red] --published {published!r} is not a date; use YYYY-MM-DD", highlight=False)
        raise typer.Exit(2) from exc
    settings = _settings(config, languages)
    pipeline = Pipeline(settings, published=published_date, events=events)
    items = read_inputs(paths, stdin=sys.stdin.buffer, max_item_bytes=settings.max_item_bytes)
    articles: list[Article] = []
    errors: list[ItemError] = []
    processed = 0
    streaming = output is OutputFormat.jsonl
    for result in with_progress(pipeline.run(items), "articles"):
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


@evaluate_app.command("article-extraction")
def evaluate_article_extraction(
    gold: Annotated[Path, typer.Option(help="Folder with html/*.html.gz and ground-truth*.json.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Score the article body treve extracts from web pages (word 4-gram shingle precision/recall/F1)."""
    from treve.evaluate.article_extraction import score_article_extraction

    cleaner = Cleaner()

    def body(page: bytes) -> str:
        try:
            return cleaner(RawItem(path="page", format="html", data=page)).text
        except TreveError:
            return ""

    _report(lambda: score_article_extraction(gold, extract=body), as_json)


def _report(score: Callable[[], dict[str, Any]], as_json: bool) -> None:
    """Run a scorer and print its figures; a gold-set problem is a one-line error, exit status 2."""
    try:
        scores = score()
    except TreveError as exc:
        stderr.print(f"[red]error:[/red] {exc}", highlight=False)
        raise typer.Exit(2) from exc
    if as_json:
        sys.stdout.write(json.dumps(scores) + "\n")
        return
    Console().print_json(json.dumps(scores))


def _sentence_coder(language: str) -> Callable[[str], list[Event]]:
    """Code one text as treve codes an article body, with no publication date."""
    coder = EventCoder(LanguageModels())
    return lambda text: coder.code_text(text, language, None)


GoldFile = Annotated[Path, typer.Option(help="The gold file, in the format of ../shared/eval.")]
GoldFolder = Annotated[Path, typer.Option(help="The gold folder, laid out as in ../shared/eval.")]
AsJson = Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")]
Limit = Annotated[int | None, typer.Option(help="Score only the first N items.")]


@evaluate_app.command("plover")
def evaluate_plover(gold: GoldFile, as_json: AsJson = False, limit: Limit = None) -> None:
    """Event type, actor and recipient codes against PLOVER gold records (legacy names mapped)."""
    from treve.evaluate.plover import score_plover

    _report(lambda: score_plover(gold, _sentence_coder("en"), limit=limit), as_json)


@evaluate_app.command("case2021")
def evaluate_case2021(gold: GoldFile, as_json: AsJson = False, limit: Limit = None) -> None:
    """The CASE 2021 subtype each snippet's main event maps to (accuracy, macro and weighted F1)."""
    from treve.evaluate.case2021 import score_case2021

    _report(lambda: score_case2021(gold, _sentence_coder("en"), limit=limit), as_json)


@evaluate_app.command("india-police")
def evaluate_india_police(gold: GoldFolder, as_json: AsJson = False, limit: Limit = None) -> None:
    """Sentence-level KILL, ARREST, FORCE, FAIL and ANY_ACTION against IndiaPoliceEvents."""
    from treve.evaluate.india_police import score_india_police

    _report(lambda: score_india_police(gold, _sentence_coder("en"), limit=limit), as_json)


if __name__ == "__main__":
    app()

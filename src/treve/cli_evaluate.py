"""`treve evaluate`: score treve against gold data, each set by its own scorer in treve.evaluate."""

from __future__ import annotations

import json
import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from treve.cli_common import Config, gazetteer_path, print_error, settings_from
from treve.errors import EvaluationError, TreveError
from treve.evaluate.parts import Part
from treve.ingest import read_inputs
from treve.pipeline import Pipeline
from treve.records import Article, Event, ItemError, RawItem
from treve.stages.clean import Cleaner
from treve.stages.events import EventCoder
from treve.stages.nlp import LanguageModels

evaluate_app = typer.Typer(help="Score treve against gold data.", no_args_is_help=True)


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
        print_error(exc)
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
ScoredPart = Annotated[
    Part,
    typer.Option(
        "--part", help="check (a fixed third, by a hash of each item's id: report these), tune (the rest) or all."
    ),
]


@evaluate_app.command("plover")
def evaluate_plover(gold: GoldFile, as_json: AsJson = False, limit: Limit = None, part: ScoredPart = Part.all) -> None:
    """Event type, actor and recipient codes against PLOVER gold records (legacy names mapped)."""
    from treve.evaluate.plover import score_plover

    _report(lambda: score_plover(gold, _sentence_coder("en"), limit=limit, part=part), as_json)


@evaluate_app.command("spanish")
def evaluate_spanish(gold: GoldFile, as_json: AsJson = False, limit: Limit = None, part: ScoredPart = Part.all) -> None:
    """Event type, actor and recipient of Spanish AFP sentences (UniversalPetrarch's PLOVER validation set)."""
    from treve.evaluate.spanish import score_spanish

    _report(lambda: score_spanish(gold, _sentence_coder("es"), limit=limit, part=part), as_json)


@evaluate_app.command("case2021")
def evaluate_case2021(
    gold: GoldFile, as_json: AsJson = False, limit: Limit = None, part: ScoredPart = Part.all
) -> None:
    """The CASE 2021 subtype each snippet's main event maps to (accuracy, macro and weighted F1)."""
    from treve.evaluate.case2021 import score_case2021
    from treve.stages.event_classifier import EventTypeClassifier

    classifier = EventTypeClassifier("acled")
    _report(
        lambda: score_case2021(
            gold,
            _sentence_coder("en"),
            limit=limit,
            categorise=lambda text: classifier.classify([text])[0].best[0],
            part=part,
        ),
        as_json,
    )


@evaluate_app.command("india-police")
def evaluate_india_police(
    gold: GoldFolder, as_json: AsJson = False, limit: Limit = None, part: ScoredPart = Part.all
) -> None:
    """Sentence-level KILL, ARREST, FORCE, FAIL and ANY_ACTION against IndiaPoliceEvents."""
    from treve.evaluate.india_police import score_india_police

    _report(lambda: score_india_police(gold, _sentence_coder("en"), limit=limit, part=part), as_json)


def _article_reader(config: Path | None) -> Callable[[Path, date | None], Article]:
    """Read one article file as `extract` would, with the gold's publication date where it carries none."""
    pipeline = Pipeline(settings_from(config))

    def read(path: Path, published: date | None) -> Article:
        item = next(iter(read_inputs([str(path)])))
        if isinstance(item, ItemError):
            raise EvaluationError(item.reason)
        if item.published is None and published is not None:
            item = item.model_copy(update={"published": published.isoformat()})
        return pipeline.process(item)

    return read


@evaluate_app.command("stories")
def evaluate_stories(
    gold: GoldFile,
    articles: Annotated[Path, typer.Option(help="Folder holding the articles as <name>.txt or <name>.html.")],
    as_json: AsJson = False,
    limit: Limit = None,
    part: ScoredPart = Part.all,
    config: Config = None,
) -> None:
    """Whole articles against an article-level gold: one record per real event (benchmarks/stories/README.md)."""
    from treve.evaluate.stories import score_stories

    read = _article_reader(config)
    _report(lambda: score_stories(gold, articles, read, part=part, limit=limit), as_json)


@evaluate_app.command("ceasefires")
def evaluate_ceasefires(
    gold: GoldFile,
    articles: Annotated[
        list[Path], typer.Option(help="Folder holding the articles as <name>.txt or <name>.html (repeatable).")
    ],
    as_json: AsJson = False,
    limit: Limit = None,
    part: ScoredPart = Part.all,
    config: Config = None,
) -> None:
    """The ceasefire tracker against gold ceasefires: the articles go into a fresh store, its ceasefires are
    scored (benchmarks/ceasefires/README.md)."""
    from treve.evaluate.ceasefires import score_ceasefires
    from treve.store.repository import StoreRules, open_store

    settings = settings_from(config)
    read = _article_reader(config)

    def score() -> dict[str, Any]:
        with tempfile.TemporaryDirectory(prefix="treve-ceasefires-") as folder:
            url = f"sqlite:///{Path(folder) / 'ceasefires.db'}"
            with open_store(url, StoreRules.from_settings(settings)) as store:
                return score_ceasefires(gold, articles, read, store, part=part, limit=limit)

    _report(score, as_json)


@evaluate_app.command("geoparsing")
def evaluate_geoparsing(
    gold: GoldFile, as_json: AsJson = False, limit: Limit = None, part: ScoredPart = Part.all
) -> None:
    """Toponym resolution on gold spans, and end-to-end geoparsing, against GeoWebNews, LGL or GeoVirus (English;
    the layout is read from the file and reported)."""
    from treve.evaluate.geoparsing import score_geoparsing
    from treve.resources.actors import load_actor_dictionary
    from treve.resources.gazetteer import open_gazetteer
    from treve.stages.places import resolve_places, resolve_spans, story_countries

    def score() -> dict[str, Any]:
        gazetteer = open_gazetteer(gazetteer_path(None))
        models = LanguageModels()
        actors = load_actor_dictionary()
        return score_geoparsing(
            gold,
            lambda text, spans: resolve_spans(text, spans, gazetteer, countries=story_countries(text, "en", actors)),
            lambda text: resolve_places(models.parse(text, "en"), "en", gazetteer, story_countries(text, "en", actors)),
            limit=limit,
            part=part,
        )

    _report(score, as_json)


@evaluate_app.command("event-location")
def evaluate_event_location(
    gold: GoldFile, as_json: AsJson = False, limit: Limit = None, part: ScoredPart = Part.all
) -> None:
    """Where each event happened, against the event-location gold set (labeled_text.jsonl.zip, English)."""
    from treve.evaluate.event_location import score_event_location, treve_locator
    from treve.resources.gazetteer import open_gazetteer

    def score() -> dict[str, Any]:
        locate = treve_locator(LanguageModels(), open_gazetteer(gazetteer_path(None)))
        return score_event_location(gold, locate, limit=limit, part=part)

    _report(score, as_json)

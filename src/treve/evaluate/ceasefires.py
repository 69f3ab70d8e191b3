"""Score the ceasefire tracker against gold ceasefires: the articles go into a fresh store, and the ceasefires it
tracks are compared with the gold's events marked `"ceasefire": true` (the story gold format of
`benchmarks/stories/README.md`; `benchmarks/ceasefires/README.md` for the extra keys).

A tracked ceasefire answers a gold one when one of the gold's quotes lies in a sentence of a report that tells
the ceasefire, in the gold's article (compared as the story scorer compares them). A gold ceasefire is answered by
at most one tracked ceasefire; a tracked one may answer gold ceasefires of several articles (one ceasefire told by
several outlets is one ceasefire), but one per article. Scored:

- `precision` (tracked ceasefires answering a gold one), `recall` (gold ceasefires answered), `f1`;
- on answered ones: `parties` (the parties' country codes are the gold's actor and recipient codes), `mediator`
  (the same for the mediator), `date` (the agreement date agrees with the gold's and is at least as precise),
  `status` (where the gold gives one: the tracker's status at the end of the article's publication day; for a
  superseded ceasefire, the one it had before, since the gold has no such status),
  `effective` (to the minute, where the gold gives one).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from treve.evaluate.parts import Part, in_part
from treve.evaluate.scoring import scores_from_counts
from treve.evaluate.stories import (
    GoldArticle,
    GoldEntity,
    GoldEvent,
    find_article_files,
    fold_text,
    full_date,
    load_gold,
    same_date,
)
from treve.records import Article
from treve.store.ceasefires import SUPERSEDED
from treve.store.clustering import instant
from treve.store.repository import Store, StoredCeasefire

FIELDS = ("parties", "mediator", "date", "status", "effective")


def _codes(entities: Sequence[GoldEntity]) -> frozenset[str]:
    return frozenset(entity.code for entity in entities if entity.code)


def _tracked_codes(entities: Sequence[dict[str, Any]]) -> frozenset[str]:
    return frozenset(entity["code"] for entity in entities if entity.get("code") and entity["code"] != "?")


# The zones in use run from 12 hours behind UTC to 14 ahead, in steps of at least a quarter of an hour.
ZONE_STEP = timedelta(minutes=15)
ZONES_BEHIND, ZONES_AHEAD = timedelta(hours=12), timedelta(hours=14)


def _effective_right(gold: str, tracked: datetime | None) -> bool:
    """Whether the tracked effect time agrees at the gold's precision: a day (or month) with its day; a time with
    its zone to the minute; a time the text gave without a zone ("at midnight") to the minute in some zone."""
    if tracked is None:
        return False
    if "T" not in gold:
        return same_date(gold, tracked.date().isoformat())
    expected = datetime.fromisoformat(gold)
    if expected.tzinfo is not None:
        return abs(tracked - expected) < timedelta(minutes=1)
    gap = tracked.astimezone(UTC).replace(tzinfo=None) - expected  # minus the offset of the zone it was told in
    return -ZONES_AHEAD <= gap <= ZONES_BEHIND and gap % ZONE_STEP == timedelta(0)


def field_scores(tracked: StoredCeasefire, gold: GoldEvent, published: date | None) -> dict[str, bool | None]:
    """Whether each field of an answered gold ceasefire is right; None where the gold does not score it. The
    status is the one the tracker gives it at the end of the article's publication day (its last without one)."""
    moment = None if published is None else instant(published + timedelta(days=1))
    statuses = [change.status for change in tracked.history if moment is None or change.at < moment]
    if statuses and statuses[-1] == SUPERSEDED:  # the gold has no such status: the one it had until then
        statuses.pop()
    status = statuses[-1] if statuses else tracked.status
    return {
        "parties": _tracked_codes(tracked.parties) == _codes(gold.actor) | _codes(gold.recipient),
        "mediator": _tracked_codes(tracked.mediator) == _codes(gold.mediator),
        "date": same_date(gold.date, tracked.agreed),
        "status": None if gold.status is None else status == gold.status,
        "effective": None if gold.effective is None else _effective_right(gold.effective, tracked.effective),
    }


def _answers(
    tracked: Sequence[StoredCeasefire], sentences: dict[str, list[tuple[str, str]]], gold: GoldArticle, article_id: str
) -> list[tuple[int, int]]:
    """(tracked index, gold index) pairs for one article: each gold ceasefire answered by the tracked one whose
    reports hold the most of its quotes, the first quote weighing most; one gold ceasefire per tracked one."""
    candidates = []
    for j, event in enumerate(gold.events):
        if not event.ceasefire:
            continue
        for i, ceasefire in enumerate(tracked):
            told = [sentence for article, sentence in sentences[ceasefire.id] if article == article_id]
            weight = sum(2 if k == 0 else 1 for k, quote in enumerate(event.quotes) if any(quote in s for s in told))
            if weight:
                candidates.append((weight, i, j))
    pairs: list[tuple[int, int]] = []
    for _, i, j in sorted(candidates, key=lambda candidate: (-candidate[0], candidate[1], candidate[2])):
        if all(i != i2 and j != j2 for i2, j2 in pairs):
            pairs.append((i, j))
    return pairs


def score_ceasefires(
    gold_file: Path,
    folders: Sequence[Path],
    read: Callable[[Path, date | None], Article],
    store: Store,
    *,
    part: Part = Part.all,
    limit: int | None = None,
) -> dict[str, Any]:
    """Read and store each gold article of `part` (with the gold's publication date where the article has none),
    then score the store's ceasefires. Raises EvaluationError for a gold or folder problem."""
    gold_articles = [article for article in load_gold(gold_file) if in_part(article.name, part)][:limit]
    files = find_article_files(folders, (article.name for article in gold_articles))
    read_articles = {}
    for gold_article in gold_articles:
        article = read(files[gold_article.name], full_date(gold_article.published))
        store.save([article])
        read_articles[gold_article.name] = article
    tracked = store.ceasefires()
    evidence = {event.id: event for event in store.events()}
    sentences = {
        ceasefire.id: [
            (evidence[report].article_id, fold_text(told["sentence"]))
            for report in ceasefire.reports
            for told in (evidence[report].record["evidence"], *evidence[report].record.get("retold", []))
        ]
        for ceasefire in tracked
    }
    answered: set[int] = set()
    fields: dict[str, list[bool]] = {name: [] for name in FIELDS}
    gold_total = 0
    for gold_article in gold_articles:
        gold_total += sum(event.ceasefire for event in gold_article.events)
        article = read_articles[gold_article.name]
        published = article.published.date() if isinstance(article.published, datetime) else article.published
        for i, j in _answers(tracked, sentences, gold_article, article.id):
            answered.add(i)
            right = field_scores(tracked[i], gold_article.events[j], published)
            for name, value in right.items():
                if value is not None:
                    fields[name].append(value)
    matched = len(fields["parties"])  # one per answered gold ceasefire
    scores = scores_from_counts(len(answered), len(tracked) - len(answered), gold_total - matched)
    return {
        "part": part.value,
        "articles": len(gold_articles),
        "precision": scores.precision,
        "recall": scores.recall,
        "f1": scores.f1,
        "gold": gold_total,
        "tracked": len(tracked),
        "answered_gold": matched,
        "answering_tracked": len(answered),
        "fields": {name: (sum(values) / len(values) if values else None) for name, values in fields.items()},
        "fields_n": {name: len(values) for name, values in fields.items()},
    }

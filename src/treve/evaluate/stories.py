"""Score treve's events against an article-level gold: one record per real-world event of each article.

The gold (JSON Lines, laid out in `benchmarks/stories/README.md`) has an article line for each annotated article
(`article`, `lang`, `published`) and an event line for each event it tells (`event`, `salience`, `actor`,
`recipient`, `date`, `lat`/`lon`, `dead`, `attribution`, `quote` and `also`: a few words of each sentence that
tells it). The articles themselves are files `<article>.txt` or `<article>.html` anywhere under a folder.

Within an article, predictions are matched to gold events one to one: a pair can match when both are of one
PLOVER quad class and one of the gold quotes lies in the event's evidence or retold sentences (compared
case- and space-insensitively); among such pairs the assignment that matches most, then prefers the same
type, then the gold's first quote in the event's first evidence, is taken. Scored:

- `precision`, `recall`, `f1` of events; `duplicates`, the share of predictions left unmatched that could
  have matched a gold event another prediction already answers for (one event told as two records);
- `fields`: on matched events, the share right in each field (`type`, `actor`, `recipient`, `date`,
  `place_50km` over gold events with coordinates, `dead_best`, `historical`, `attribution`, `country`), and
  `all_fields`, the share right in every one of them;
- `recall_by_salience` and `per_language`.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any, Literal, NamedTuple

import numpy as np
from scipy.optimize import linear_sum_assignment

from treve.errors import EvaluationError
from treve.evaluate.parts import Part, in_part
from treve.evaluate.scoring import scores_from_counts
from treve.normalise import normalise_for_processing
from treve.ontology import QUAD_CLASS, modern_event
from treve.records import Article, Entity, Event
from treve.resources.gazetteer import distance_km

SAME_PLACE_KM = 50
SALIENCES = ("main", "secondary", "background")
ATTRIBUTIONS = ("fact", "claim", "accusation", "denied")
# treve's attribution kinds as the gold names them: a statement reports a fact.
ATTRIBUTION_OF_KIND = {"statement": "fact", "claim": "claim", "accusation": "accusation", "denial": "denied"}
FIELDS = ("type", "actor", "recipient", "date", "place_50km", "dead_best", "historical", "attribution", "country")
ARTICLE_SUFFIXES = (".txt", ".html")
_ENTITY = re.compile(r"^(?P<code>[A-Z]{3}|\?)(?:/(?P<sector>[A-Z]{3,6}))?$")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class GoldEntity(NamedTuple):
    code: str | None  # None: the gold's "?", a country that cannot be told
    sector: str | None  # None: any sector (the gold names a state as itself)


class GoldEvent(NamedTuple):
    id: str
    salience: Literal["main", "secondary", "background"]
    event: str
    actor: tuple[GoldEntity, ...]
    recipient: tuple[GoldEntity, ...]
    date: str | None
    lat: float | None
    lon: float | None
    country: str | None
    dead_best: int | None
    attribution: str
    quotes: tuple[str, ...]  # the first telling first
    mediator: tuple[GoldEntity, ...] = ()
    ceasefire: bool = False
    status: str | None = None  # a ceasefire's status as the article leaves it, when the gold gives one
    effective: str | None = None  # when a ceasefire takes effect (ISO 8601), when the gold gives it


class GoldArticle(NamedTuple):
    name: str
    lang: str
    published: str | None
    events: list[GoldEvent]


def fold_text(text: str) -> str:
    """Text as quotes are compared: typographic characters plain, case folded, whitespace runs one space."""
    return " ".join(normalise_for_processing(text).casefold().split())


def _entities(value: object, where: str) -> tuple[GoldEntity, ...]:
    if not isinstance(value, list):
        raise EvaluationError(f"{where}: expected a list of 'CODE/SECTOR' strings")
    entities = []
    for item in value:
        found = _ENTITY.match(item) if isinstance(item, str) else None
        if found is None:
            raise EvaluationError(f"{where}: {item!r} is not 'CODE', 'CODE/SECTOR' or '?/SECTOR'")
        code = None if found["code"] == "?" else found["code"]
        entities.append(GoldEntity(code, found["sector"]))
    return tuple(entities)


def _event(record: dict[str, Any], where: str) -> GoldEvent:
    missing = {"id", "salience", "event", "actor", "recipient", "date", "attribution", "quote"} - record.keys()
    if missing:
        raise EvaluationError(f"{where}: missing {', '.join(sorted(missing))}")
    try:
        event_type, _ = modern_event(str(record["event"]))
    except ValueError as exc:
        raise EvaluationError(f"{where}: {exc}") from exc
    if record["salience"] not in SALIENCES or record["attribution"] not in ATTRIBUTIONS:
        raise EvaluationError(f"{where}: salience must be one of {SALIENCES}, attribution one of {ATTRIBUTIONS}")
    day = record["date"]
    if day is not None and not (isinstance(day, str) and _DATE.match(day)):
        raise EvaluationError(f"{where}: date {day!r} is not YYYY-MM-DD, YYYY-MM, YYYY or null")
    quotes = [record["quote"], *record.get("also", [])]
    if not all(isinstance(quote, str) and quote.strip() for quote in quotes):
        raise EvaluationError(f"{where}: every quote must be a non-empty string")
    dead = record.get("dead")
    return GoldEvent(
        id=str(record["id"]),
        salience=record["salience"],
        event=event_type,
        actor=_entities(record["actor"], where),
        recipient=_entities(record["recipient"], where),
        date=day,
        lat=record.get("lat"),
        lon=record.get("lon"),
        country=record.get("country"),
        dead_best=dead.get("best") if isinstance(dead, dict) else None,
        attribution=record["attribution"],
        quotes=tuple(fold_text(quote) for quote in quotes),
        mediator=_entities(record.get("mediator", []), where),
        ceasefire=record.get("ceasefire") is True,
        status=record.get("status"),
        effective=record.get("effective"),
    )


def load_gold(gold_file: Path) -> list[GoldArticle]:
    """The gold articles in file order, each with its events; an event line must follow its article line."""
    try:
        lines = gold_file.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError as exc:
        raise EvaluationError(f"{gold_file}: no such gold file; point to benchmarks/stories/gold.jsonl") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise EvaluationError(f"{gold_file}: unreadable gold file ({exc}); fix or replace it") from exc
    articles: dict[str, GoldArticle] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{gold_file}, line {number}"
        try:
            record = json.loads(line)
        except ValueError as exc:
            raise EvaluationError(f"{where}: not JSON ({exc}); fix the line") from exc
        if not isinstance(record, dict) or not isinstance(record.get("article"), str):
            raise EvaluationError(f"{where}: expected an object with an 'article' name")
        name = record["article"]
        if "event" not in record:
            if name in articles:
                raise EvaluationError(f"{where}: article {name} is given twice; keep one article line")
            articles[name] = GoldArticle(name, str(record.get("lang")), record.get("published"), [])
        elif name not in articles:
            raise EvaluationError(f"{where}: event of article {name} before its article line; add that line first")
        else:
            articles[name].events.append(_event(record, where))
    return list(articles.values())


def find_article_files(folders: Path | Sequence[Path], names: Iterable[str]) -> dict[str, Path]:
    """Each article's file under the folders (searched recursively, the first folder first): `<name>.txt`, else
    `<name>.html`."""
    searched = [folders] if isinstance(folders, Path) else list(folders)
    wanted = set(names)
    found: dict[str, Path] = {}
    for folder in searched:
        if not folder.is_dir():
            raise EvaluationError(f"{folder}: no such folder; point --articles to the folder holding the articles")
        here: dict[str, Path] = {}
        for path in sorted(folder.rglob("*")):
            usable = path.stem in wanted - found.keys() and path.suffix in ARTICLE_SUFFIXES and path.is_file()
            if usable and (path.stem not in here or path.suffix == ".txt"):
                here[path.stem] = path
        found.update(here)
    missing = sorted(wanted - found.keys())
    if missing:
        shown = ", ".join(str(folder) for folder in searched)
        raise EvaluationError(f"{shown}: no file for article(s) {', '.join(missing[:5])}; check --articles")
    return found


# --- matching ----------------------------------------------------------------------------------------------


def _quad(event_type: str) -> str:
    return QUAD_CLASS[modern_event(event_type)[0]]


def _told_in(event: Event) -> list[str]:
    return [fold_text(event.evidence.sentence), *(fold_text(told.sentence) for told in event.retold)]


def _can_match(predicted: Event, gold: GoldEvent) -> bool:
    if _quad(predicted.event) != QUAD_CLASS[gold.event]:  # type: ignore[index]
        return False
    sentences = _told_in(predicted)
    return any(quote in sentence for quote in gold.quotes for sentence in sentences)


def _preference(predicted: Event, gold: GoldEvent) -> float:
    """How good a possible pair is: a match first, then the same type, then the first telling in the evidence."""
    same_type = modern_event(predicted.event)[0] == gold.event
    first_telling = gold.quotes[0] in fold_text(predicted.evidence.sentence)
    return 1.0 + 0.5 * same_type + 0.25 * first_telling


def match_events(predicted: Sequence[Event], gold: Sequence[GoldEvent]) -> tuple[list[tuple[int, int]], int]:
    """The one-to-one pairs (prediction index, gold index), and how many unmatched predictions repeat a matched
    gold event."""
    if not predicted or not gold:
        return [], 0
    possible = np.array([[_can_match(p, g) for g in gold] for p in predicted], dtype=bool)
    weights = np.array(
        [[_preference(p, g) if possible[i, j] else 0.0 for j, g in enumerate(gold)] for i, p in enumerate(predicted)]
    )
    rows, columns = linear_sum_assignment(weights, maximize=True)
    pairs = [(int(i), int(j)) for i, j in zip(rows, columns, strict=True) if possible[i, j]]
    matched_predictions = {i for i, _ in pairs}
    matched_gold = [j for _, j in pairs]
    repeats = sum(1 for i in range(len(predicted)) if i not in matched_predictions and possible[i, matched_gold].any())
    return pairs, repeats


# --- fields ------------------------------------------------------------------------------------------------


def _entity_fits(gold: GoldEntity, predicted: Entity) -> bool:
    if gold.code != (predicted.code if predicted.code != "?" else None):
        return False
    return gold.sector is None or (predicted.sector or "")[:3] == gold.sector[:3]


def same_entities(gold: Sequence[GoldEntity], predicted: Sequence[Entity]) -> bool:
    """Every gold entity has a predicted one that fits it, and every predicted one fits a gold one."""
    return all(any(_entity_fits(g, p) for p in predicted) for g in gold) and all(
        any(_entity_fits(g, p) for g in gold) for p in predicted
    )


def same_date(gold: str | None, predicted: str | None) -> bool:
    if gold is None or predicted is None:
        return gold is predicted
    return len(predicted) >= len(gold) and predicted[: len(gold)] == gold


def field_scores(predicted: Event, gold: GoldEvent) -> dict[str, bool | None]:
    """Whether each field of a matched event is right; None where the field is not scored for this event."""
    location = predicted.location
    if gold.lat is None or gold.lon is None:
        place: bool | None = None
    else:
        place = bool(
            location is not None
            and location.lat is not None
            and location.lon is not None
            and distance_km(gold.lat, gold.lon, location.lat, location.lon) <= SAME_PLACE_KM
        )
    dead = predicted.casualties.dead
    kind = predicted.attribution.kind if predicted.attribution else "statement"
    return {
        "type": modern_event(predicted.event)[0] == gold.event,
        "actor": same_entities(gold.actor, predicted.actor),
        "recipient": same_entities(gold.recipient, predicted.recipient),
        "date": same_date(gold.date, predicted.date),
        "place_50km": place,
        "dead_best": (dead.best if dead else None) == gold.dead_best,
        "historical": ("historical" in predicted.auxiliary_modes) == (gold.salience == "background"),
        "attribution": ATTRIBUTION_OF_KIND[kind] == gold.attribution,
        "country": None if gold.country is None else location is not None and location.country_code == gold.country,
    }


# --- scoring -----------------------------------------------------------------------------------------------


class _Tally:
    def __init__(self) -> None:
        self.gold = self.predicted = self.matched = self.repeats = 0

    def as_dict(self) -> dict[str, float | int]:
        scores = scores_from_counts(self.matched, self.predicted - self.matched, self.gold - self.matched)
        return {
            "precision": scores.precision,
            "recall": scores.recall,
            "f1": scores.f1,
            "duplicates": self.repeats / self.predicted if self.predicted else 0.0,
            "gold": self.gold,
            "predicted": self.predicted,
            "matched": self.matched,
        }


def score_stories(
    gold_file: Path,
    articles_dir: Path,
    read: Callable[[Path, date | None], Article],
    *,
    part: Part = Part.all,
    limit: int | None = None,
) -> dict[str, Any]:
    """Read each gold article of `part` with `read` (its file, and the gold's publication date for an article
    that carries none) and score its events. Raises EvaluationError for a gold or folder problem."""
    gold_articles = [article for article in load_gold(gold_file) if in_part(article.name, part)][:limit]
    files = find_article_files(articles_dir, (article.name for article in gold_articles))
    total, by_language = _Tally(), defaultdict(_Tally)
    fields: dict[str, list[bool]] = {name: [] for name in (*FIELDS, "all_fields")}
    salience_found: Counter[str] = Counter()
    salience_total: Counter[str] = Counter()
    for gold_article in gold_articles:
        article = read(files[gold_article.name], full_date(gold_article.published))
        pairs, repeats = match_events(article.events, gold_article.events)
        for tally in (total, by_language[gold_article.lang]):
            tally.gold += len(gold_article.events)
            tally.predicted += len(article.events)
            tally.matched += len(pairs)
            tally.repeats += repeats
        salience_total.update(event.salience for event in gold_article.events)
        for i, j in pairs:
            gold_event = gold_article.events[j]
            salience_found[gold_event.salience] += 1
            right = field_scores(article.events[i], gold_event)
            for name, value in right.items():
                if value is not None:
                    fields[name].append(value)
            fields["all_fields"].append(all(value is not False for value in right.values()))
    return {
        "part": part.value,
        "articles": len(gold_articles),
        **total.as_dict(),
        "fields": {name: (sum(values) / len(values) if values else None) for name, values in fields.items()},
        "fields_n": {name: len(values) for name, values in fields.items()},
        "recall_by_salience": {
            name: salience_found[name] / salience_total[name] if salience_total[name] else None for name in SALIENCES
        },
        "per_language": {language: tally.as_dict() for language, tally in sorted(by_language.items())},
    }


def full_date(published: str | None) -> date | None:
    """A gold publication date treve can take as `--published`: a full day only."""
    try:
        return date.fromisoformat(published) if published and len(published) == 10 else None
    except ValueError:
        return None

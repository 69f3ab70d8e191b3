"""The article pipeline: raw items in, clean identified articles (or one error each) out, in input order.

Stages declare the Article fields they need and the ones they set; the pipeline checks at construction
that every field a stage needs is set by a stage before it, so a misordered pipeline fails at once.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import ClassVar, Protocol

from treve.config import Settings
from treve.errors import ConfigError, StoreError, TreveError
from treve.records import Article, ItemError, RawItem
from treve.resources.gazetteer import open_gazetteer
from treve.stages.clean import Cleaner
from treve.stages.events import EventCoder
from treve.stages.identity import CopyRule, DuplicateFinder, StoredArticles
from treve.stages.language import LanguageIdentifier
from treve.stages.nlp import LanguageModels
from treve.stages.published import PublicationDater

log = logging.getLogger(__name__)


class Stage(Protocol):
    name: ClassVar[str]
    requires: ClassVar[frozenset[str]]
    assigns: ClassVar[frozenset[str]]


class ArticleStage(Stage, Protocol):
    def __call__(self, article: Article) -> Article: ...


def check_order(first: Stage, stages: Sequence[Stage]) -> None:
    """Raise ConfigError naming the first stage that needs a field no earlier stage sets."""
    available = set(first.assigns)
    for stage in stages:
        missing = stage.requires - available
        if missing:
            raise ConfigError(
                f"stage '{stage.name}' needs {sorted(missing)}, which no stage before it sets; reorder the stages"
            )
        available |= stage.assigns


class Pipeline:
    """One run over a batch: models and the duplicate index are built once and shared by every item."""

    def __init__(
        self,
        settings: Settings,
        *,
        published: date | None = None,
        events: bool = True,
        stored: StoredArticles | None = None,
    ) -> None:
        """`events=False` stops at the article layer (clean, identified, dated articles). `stored` is the store the
        batch goes to: an article already there is not read for events again, and a copy of one there is a copy."""
        self.cleaner = Cleaner(published=published)
        self._stored = stored
        self.stages: list[ArticleStage] = [
            LanguageIdentifier(settings.languages, accuracy=settings.language_accuracy),
            DuplicateFinder(CopyRule.from_settings(settings), stored),
            PublicationDater(),
        ]
        if events:
            gazetteer = open_gazetteer(Path(settings.gazetteer_path) if settings.gazetteer_path else None)
            self.stages.append(EventCoder(LanguageModels(), gazetteer=gazetteer, multilingual=settings.multilingual))
        check_order(self.cleaner, self.stages)

    def process(self, item: RawItem) -> Article:
        """Run the stages in order; once an article is found to repeat an earlier one, stop: a copy is
        not processed twice (stages after identity are the costly ones). An article already stored (a batch run
        again after a crash) is not read for events: storing it adds nothing."""
        article = self.cleaner(item)
        for stage in self.stages:
            if isinstance(stage, EventCoder) and self._stored is not None and self._stored.holds(article.id):
                break
            article = stage(article)
            if article.duplicate_of is not None:
                break
        return article

    def run(self, items: Iterable[RawItem | ItemError]) -> Iterator[Article | ItemError]:
        """Each item becomes an article or an error; one bad item never stops the batch."""
        for item in items:
            if isinstance(item, ItemError):
                yield item
                continue
            try:
                yield self.process(item)
            except StoreError:
                raise  # the store the batch goes to is gone: no later item can be stored either
            except TreveError as exc:
                yield ItemError(path=item.path, record=item.record, reason=str(exc))
            except Exception as exc:  # a bug must cost one item, not the batch
                log.exception("unexpected failure on %s", item.path)
                yield ItemError(
                    path=item.path,
                    record=item.record,
                    reason=f"{item.path}: internal error ({type(exc).__name__}: {exc}); "
                    "please report it with this input",
                )

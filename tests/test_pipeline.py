"""The pipeline checks its own stage order and never processes a copy twice."""

from __future__ import annotations

from typing import ClassVar

import pytest

from treve.errors import ConfigError
from treve.pipeline import Pipeline, check_order
from treve.records import Article, RawItem

STORY = (
    "Government troops retook the district capital on Monday after three days of fighting with rebels, "
    "the army said, adding that it had lost four soldiers.\n\nThe rebels said they had withdrawn in order."
)


class CountingStage:
    """A stage that only counts the articles it sees."""

    name: ClassVar[str] = "counting"
    requires: ClassVar[frozenset[str]] = frozenset({"language", "duplicate_of"})
    assigns: ClassVar[frozenset[str]] = frozenset()

    def __init__(self) -> None:
        self.seen: list[str] = []

    def __call__(self, article: Article) -> Article:
        self.seen.append(article.path)
        return article


def test_stages_after_identity_skip_copies(pipeline_factory) -> None:
    pipeline: Pipeline = pipeline_factory()
    counting = CountingStage()
    pipeline.stages.append(counting)
    first = pipeline.process(RawItem(path="a.txt", format="text", text=STORY))
    copy = pipeline.process(RawItem(path="b.txt", format="text", text=STORY))
    assert copy.duplicate_of == first.id
    assert counting.seen == ["a.txt"]


def test_a_stage_needing_a_field_nobody_sets_is_refused(pipeline_factory) -> None:
    pipeline: Pipeline = pipeline_factory()

    class NeedsTranslation(CountingStage):
        name: ClassVar[str] = "needs-translation"
        requires: ClassVar[frozenset[str]] = frozenset({"translation"})

    with pytest.raises(ConfigError, match=r"stage 'needs-translation' needs \[.translation.\]"):
        check_order(pipeline.cleaner, [*pipeline.stages, NeedsTranslation()])


def test_a_failing_item_costs_only_itself(pipeline_factory) -> None:
    pipeline: Pipeline = pipeline_factory()
    results = list(
        pipeline.run(
            [
                RawItem(path="empty.txt", format="text", text="  \n"),
                RawItem(path="story.txt", format="text", text=STORY),
            ]
        )
    )
    assert [type(result).__name__ for result in results] == ["ItemError", "Article"]

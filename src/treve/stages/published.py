"""Publication date: when an article carries none, infer it from what its text says about time.

Weekdays, day-month dates, years and relative expressions must agree ("mardi … le 13 septembre de
cette année"); when they do not determine one date, the date stays null — never today's date.
"""

from __future__ import annotations

from typing import ClassVar

from treve.records import Article
from treve.stages.time import infer_publication_date


class PublicationDater:
    """The published stage: fills `published` with `published_source = "inferred"` and a confidence."""

    name: ClassVar[str] = "published"
    requires: ClassVar[frozenset[str]] = frozenset({"text", "language", "published"})
    assigns: ClassVar[frozenset[str]] = frozenset({"published", "published_source", "published_confidence"})

    def __call__(self, article: Article) -> Article:
        if article.published is not None or article.language is None:
            return article
        day, confidence = infer_publication_date(article.text, article.language)
        if day is None:
            return article
        return article.model_copy(
            update={"published": day, "published_source": "inferred", "published_confidence": confidence}
        )

"""Tolls of one event reconciled as ACLED and UCDP do: low the lowest credible figure, high the highest, best the
figure of the most specific and latest report."""

from __future__ import annotations

from treve.records import Count, CountQualifier
from treve.stages.tolls import reconcile


def count(best: int, qualifier: CountQualifier = "exact", high: int | None = None) -> Count:
    return Count(low=best, best=best, high=high if high is not None else best, qualifier=qualifier, text=str(best))


def figures(reconciled: Count | None) -> tuple[int | None, int | None, int | None]:
    assert reconciled is not None
    return reconciled.low, reconciled.best, reconciled.high


def test_at_least_106_possibly_200_is_106_best_and_200_high() -> None:
    assert figures(reconcile([[count(106, "at least", high=200)]])) == (106, 106, 200)


def test_within_one_article_the_highest_counted_toll_is_the_update() -> None:
    # "five killed" in the lede, "the toll rose to 19" later, "dozens" in a quote: one report.
    assert figures(reconcile([[count(5), count(19), count(12, "vague")]])) == (5, 19, 19)


def test_across_articles_the_latest_that_counts_gives_best() -> None:
    # A first wire says 15, a later one corrects to 12, a third only says "dozens".
    assert figures(reconcile([[count(15)], [count(12)], [count(12, "vague")]])) == (12, 12, 15)


def test_a_vague_figure_alone_is_kept_and_no_figure_is_none() -> None:
    assert figures(reconcile([[count(12, "vague")]])) == (12, 12, 12)
    assert reconcile([]) is None and reconcile([[], []]) is None

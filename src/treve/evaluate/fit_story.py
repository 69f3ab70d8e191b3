"""Fit the story reader's weights on the tune part of the article-level gold, never on its check part.

    python -m treve.evaluate.fit_story --gold benchmarks/stories/gold.jsonl --articles ../shared/news

Every mention treve finds in the tune articles (with no mention dropped) is labelled by the gold: it reports an
event when its sentence holds a quote of a gold event of the same PLOVER quad class. A logistic regression over
`treve.stages.mention_model.mention_features` is fitted on those labels (its regularisation chosen by
cross-validation grouped by article), and the threshold is the lowest that gives the best F1 of events (within
F1_NOISE) on the tune articles, read as `treve evaluate stories` reads them (an event is kept when one of its
mentions reaches the threshold). Then the coreference model is fitted the same way on pairs of mentions that both
tell gold events (a pair tells one event or two) and its threshold chosen by the best F1. Both are written to
`resources/story/` (`mention_model.toml`, `coreference.toml`) with what they were fitted on.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np

from treve.config import load_settings
from treve.evaluate.parts import Part, in_part
from treve.evaluate.stories import GoldArticle, find_article_files, fold_text, full_date, load_gold, match_events
from treve.ingest import read_inputs
from treve.ontology import QUAD_CLASS, modern_event
from treve.pipeline import Pipeline
from treve.records import ItemError
from treve.resources.story import LogisticModel
from treve.stages.coreference import link_features
from treve.stages.events import EventCoder, events_from
from treve.stages.mention_model import mention_features
from treve.stages.mentions import Mention
from treve.stages.nlp import LanguageModels
from treve.stages.story import Story

REGULARISATION_CHOICES = (0.1, 0.3, 1.0, 3.0)
THRESHOLDS = tuple(round(t, 2) for t in np.arange(0.0, 0.81, 0.05))
LINK_THRESHOLDS = tuple(round(t, 2) for t in np.arange(0.2, 0.91, 0.05))
# Differences of F1 on the tune articles smaller than this are one or two events: noise.
F1_NOISE = 0.005
KEEP_ALL = LogisticModel(weights={}, intercept=0.0, threshold=0.0)
FOLDER = Path(__file__).resolve().parents[1] / "resources" / "story"


@dataclass
class ReadArticle:
    gold: GoldArticle
    story: Story
    mentions: list[Mention]
    features: list[dict[str, float]]
    told: list[frozenset[str]]  # the gold events each mention's sentence tells

    @property
    def labels(self) -> list[bool]:
        return [bool(events) for events in self.told]


def _gold_events_told(mention: Mention, gold: GoldArticle) -> frozenset[str]:
    """The gold events of the mention's quad class that its sentence tells (holds a quote of)."""
    sentence = fold_text(mention.sentence.text)
    quad = QUAD_CLASS[modern_event(mention.event)[0]]
    return frozenset(
        event.id
        for event in gold.events
        if QUAD_CLASS[event.event] == quad and any(quote in sentence for quote in event.quotes)  # type: ignore[index]
    )


def read_tune_articles(gold_file: Path, articles_dir: Path) -> list[ReadArticle]:
    """Every tune article treve codes events in, with all its mentions, their features and gold labels."""
    golds = [article for article in load_gold(gold_file) if in_part(article.name, Part.tune)]
    files = find_article_files(articles_dir, (article.name for article in golds))
    pipeline = Pipeline(load_settings(None), events=False)
    coder = EventCoder(LanguageModels(), mention_model=KEEP_ALL)
    read: list[ReadArticle] = []
    for gold in golds:
        item = next(iter(read_inputs([str(files[gold.name])])))
        if isinstance(item, ItemError):
            continue
        published = full_date(gold.published)
        if item.published is None and published is not None:
            item = item.model_copy(update={"published": published.isoformat()})
        article = pipeline.process(item)
        found = coder.read_mentions(article.text, article.language, article.published) if article.language else None
        if found is None:
            continue
        story, mentions = found
        features = [mention_features(mention, story) for mention in mentions]
        told = [_gold_events_told(mention, gold) for mention in mentions]
        read.append(ReadArticle(gold, story, mentions, features, told))
    return read


def _f1(read: list[ReadArticle], model: LogisticModel, links: LogisticModel | None = None) -> float:
    matched = predicted = gold = 0
    for article in read:
        for mention, features in zip(article.mentions, article.features, strict=True):
            mention.reporting = model.probability(features)
        events = events_from(article.story, article.mentions, links=links, threshold=model.threshold)
        pairs, _ = match_events(events, article.gold.events)
        matched, predicted, gold = matched + len(pairs), predicted + len(events), gold + len(article.gold.events)
    precision, recall = matched / max(predicted, 1), matched / max(gold, 1)
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _logistic(
    rows: list[tuple[dict[str, float], bool, int]], counted: str, positive: str
) -> tuple[dict[str, float], float, dict[str, float]]:
    """Weights and intercept of a logistic regression over feature dictionaries, and its figures: how many rows
    (`counted`) and positives (`positive`), its regularisation and cross-validated AUC (folds grouped by
    article)."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold, cross_val_score

    names = sorted(rows[0][0])
    x = np.array([[features[name] for name in names] for features, _, _ in rows])
    y = np.array([label for _, label, _ in rows])
    groups = np.array([group for _, _, group in rows])
    folds = GroupKFold(min(5, len(set(groups))))

    def auc(c: float) -> float:
        regression = LogisticRegression(C=c, max_iter=2000)
        return float(cross_val_score(regression, x, y, groups=groups, cv=folds, scoring="roc_auc").mean())

    scores = {c: auc(c) for c in REGULARISATION_CHOICES}
    best_c = max(scores, key=lambda c: scores[c])
    regression = LogisticRegression(C=best_c, max_iter=2000).fit(x, y)
    weights = {name: float(w) for name, w in zip(names, regression.coef_[0], strict=True)}
    figures = {
        counted: len(rows),
        positive: int(y.sum()),
        "cross_validated_auc": round(scores[best_c], 3),
        "regularisation": best_c,
    }
    return weights, float(regression.intercept_[0]), figures


def fit_mentions(read: list[ReadArticle]) -> tuple[LogisticModel, dict[str, float]]:
    """The mention model and its figures on the tune articles."""
    rows = [(f, label, index) for index, a in enumerate(read) for f, label in zip(a.features, a.labels, strict=True)]
    weights, intercept, figures = _logistic(rows, "mentions", "reporting")
    by_threshold = {t: _f1(read, LogisticModel(weights, intercept, t)) for t in THRESHOLDS}
    # The lowest threshold the tune F1 cannot tell from the best: when dropping more events buys nothing
    # measurable, keep them.
    threshold = min(t for t in THRESHOLDS if by_threshold[t] >= max(by_threshold.values()) - F1_NOISE)
    figures |= {"tune_f1": round(by_threshold[threshold], 3), "tune_f1_keeping_all": round(by_threshold[0.0], 3)}
    return LogisticModel(weights, intercept, threshold), figures


def fit_links(read: list[ReadArticle], mentions: LogisticModel) -> tuple[LogisticModel, dict[str, float]]:
    """The coreference model, on pairs of mentions that both tell gold events: a positive pair tells one."""
    rows = []
    for index, article in enumerate(read):
        for j in range(len(article.mentions)):
            for i in range(j):
                first, second = article.told[i], article.told[j]
                features = link_features([article.mentions[i]], article.mentions[j], article.story)
                if first and second and features is not None:
                    rows.append((features, bool(first & second), index))
    weights, intercept, figures = _logistic(rows, "pairs", "same_event")
    by_threshold = {t: _f1(read, mentions, LogisticModel(weights, intercept, t)) for t in LINK_THRESHOLDS}
    threshold = max(by_threshold, key=lambda t: (by_threshold[t], t))
    figures["tune_f1"] = round(by_threshold[threshold], 3)
    return LogisticModel(weights, intercept, threshold), figures


def write(model: LogisticModel, figures: dict[str, float], gold_file: Path, target: Path, header: str) -> None:
    lines = [
        *(f"# {line}" for line in header.splitlines()),
        "# Written by `python -m treve.evaluate.fit_story`: fitted on the tune part of the article-level gold only.",
        f'version = "{date.today().isoformat()}"',
        f'fitted_on = "tune part of {gold_file.name}"',
        f"intercept = {model.intercept:.6f}",
        f"threshold = {model.threshold:.2f}",
        "",
        "[figures]",
        *(f"{name} = {value}" for name, value in figures.items()),
        "",
        "[weights]",
        *(f"{name} = {weight:.6f}" for name, weight in sorted(model.weights.items())),
    ]
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")


MENTION_HEADER = """Whether a mention reports an event (treve.stages.mention_model): logistic weights per feature, the
intercept, and the probability an event needs in one of its mentions to be kept."""
LINK_HEADER = """Whether a mention retells an event already told (treve.stages.coreference): logistic weights of the
link features, the intercept, and the probability from which a mention joins the event."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, required=True)
    parser.add_argument("--articles", type=Path, required=True)
    arguments = parser.parse_args()
    read = read_tune_articles(arguments.gold, arguments.articles)
    mentions, mention_figures = fit_mentions(read)
    links, link_figures = fit_links(read, mentions)
    write(mentions, mention_figures, arguments.gold, FOLDER / "mention_model.toml", MENTION_HEADER)
    write(links, link_figures, arguments.gold, FOLDER / "coreference.toml", LINK_HEADER)
    print("mentions", mention_figures, "threshold", mentions.threshold)
    print("links", link_figures, "threshold", links.threshold)


if __name__ == "__main__":
    main()

"""Fit the place ranking's weights on the tune parts of GeoWebNews and LGL, never on their check parts.

    python -m treve.evaluate.fit_places --gold ../shared/eval/geoparsing/GWN.xml ../shared/eval/geoparsing/lgl.xml

For every gold toponym of the tune articles, treve's candidates are read with their features in the context the
ranking ends with (`stages.places.candidate_features`); the right candidate is the one nearest the gold point,
when it lies within 161 km (a toponym none of whose candidates does teaches nothing about ranking). The weights
are those of a pairwise logistic regression with no intercept (a ranking model: the right candidate's features
less each wrong one's, each toponym weighing one in all), fitted again ROUNDS times since the context features
depend on the weights' own choices. Its regularisation is chosen by accuracy within 161 km on held-out tune
articles (folds by article). The weights go to `resources/gazetteer/ranking.toml` with the tune and check
figures: the check part is only scored, after the fit.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from treve.evaluate.geoparsing import ACCURACY_KM, GoldArticle, load_gold, score_resolution
from treve.evaluate.parts import Part
from treve.records import PlaceMention
from treve.resources.actors import load_actor_dictionary
from treve.resources.gazetteer import Gazetteer, distance_km, open_gazetteer
from treve.stages.places import Weights, candidate_features, ranking_weights, resolve_spans, story_countries

REGULARISATION_CHOICES = (0.03, 0.1, 0.3, 1.0, 3.0)
ROUNDS = 3
FOLDS = 3
FILE = Path(__file__).resolve().parents[1] / "resources" / "gazetteer" / "ranking.toml"


@dataclass
class Choice:
    """One gold toponym's candidates as feature rows, and which row is right."""

    article: int
    rows: list[dict[str, float]]
    right: int


def choices(articles: Sequence[GoldArticle], gazetteer: Gazetteer, weights: Weights) -> list[Choice]:
    """The learnable choices of the articles under `weights`."""
    found = []
    for number, article in enumerate(articles):
        spans = [(toponym.start, toponym.end) for toponym in article.toponyms]
        countries = story_countries(article.text, "en", load_actor_dictionary())
        by_span = candidate_features(article.text, spans, gazetteer, weights, countries)
        for toponym in article.toponyms:
            candidates = by_span.get((toponym.start, toponym.end), [])
            if len(candidates) < 2:
                continue
            errors = [distance_km(toponym.lat, toponym.lon, place.lat, place.lon) for place, _ in candidates]
            best = int(np.argmin(errors))
            if errors[best] < ACCURACY_KM:
                found.append(Choice(number, [features for _, features in candidates], best))
    return found


def fit(found: Sequence[Choice], names: Sequence[str], regularisation: float) -> Weights:
    """The pairwise logistic regression's weights (see the module's doc)."""
    from sklearn.linear_model import LogisticRegression

    differences, weights = [], []
    for choice in found:
        right = np.array([choice.rows[choice.right].get(name, 0.0) for name in names])
        wrong = [row for index, row in enumerate(choice.rows) if index != choice.right]
        for row in wrong:
            differences.append(right - np.array([row.get(name, 0.0) for name in names]))
            weights.append(1.0 / len(wrong))
    features = np.vstack([np.array(differences), -np.array(differences)])
    labels = np.concatenate([np.ones(len(differences)), np.zeros(len(differences))])
    model = LogisticRegression(C=regularisation, fit_intercept=False, max_iter=5000)
    model.fit(features, labels, sample_weight=np.concatenate([weights, weights]))
    return {name: round(float(value), 3) for name, value in zip(names, model.coef_[0], strict=True)}


def accuracy(articles: Sequence[GoldArticle], gazetteer: Gazetteer, weights: Weights) -> float:
    """Accuracy within 161 km of the articles' gold spans resolved under `weights`."""
    actors = load_actor_dictionary()

    def resolve(text: str, spans: Sequence[tuple[int, int]]) -> list[PlaceMention]:
        return resolve_spans(text, spans, gazetteer, weights=weights, countries=story_countries(text, "en", actors))

    scores = score_resolution(articles, resolve)
    return float(scores["accuracy_161km"])


def fitted(articles: Sequence[GoldArticle], gazetteer: Gazetteer, regularisation: float) -> Weights:
    """Weights fitted ROUNDS times, each round's context read under the last round's weights; a feature the
    ranking reads that has no weight yet is fitted too."""
    weights = ranking_weights()
    for _ in range(ROUNDS):
        found = choices(articles, gazetteer, weights)
        read = {name for choice in found for row in choice.rows for name in row}
        names = [*weights, *sorted(read - set(weights))]
        weights = fit(found, names, regularisation)
    return weights


def choose_regularisation(articles: Sequence[GoldArticle], gazetteer: Gazetteer) -> float:
    """The regularisation with the best accuracy on held-out tune articles."""
    held_out: dict[float, float] = {}
    for regularisation in REGULARISATION_CHOICES:
        scores = []
        for fold in range(FOLDS):
            train = [a for n, a in enumerate(articles) if n % FOLDS != fold]
            test = [a for n, a in enumerate(articles) if n % FOLDS == fold]
            scores.append(accuracy(test, gazetteer, fitted(train, gazetteer, regularisation)))
        held_out[regularisation] = float(np.mean(scores))
        print(f"C={regularisation}: held-out tune accuracy {held_out[regularisation]:.3f}")
    return max(held_out, key=lambda c: held_out[c])


def _write(weights: Weights, report: str) -> None:
    header, _, _ = FILE.read_text(encoding="utf-8").partition("# Source:")
    lines = [f"{name} = {value}" for name, value in weights.items()]
    FILE.write_text(
        f"{header}# Source: {report}\nversion = 2\n\n[weights]\n" + "\n".join(lines) + "\n", encoding="utf-8"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, nargs="+", required=True, help="GWN.xml, lgl.xml or GeoVirus.xml")
    arguments = parser.parse_args()
    gazetteer = open_gazetteer()
    tune = {path.name: load_gold(path, part=Part.tune).articles for path in arguments.gold}
    check = {path.name: load_gold(path, part=Part.check).articles for path in arguments.gold}
    every = [article for articles in tune.values() for article in articles]
    regularisation = choose_regularisation(every, gazetteer)
    weights = fitted(every, gazetteer, regularisation)
    figures = []
    for name in tune:
        before, after = (
            (accuracy(tune[name], gazetteer, chosen), accuracy(check[name], gazetteer, chosen))
            for chosen in (ranking_weights(), weights)
        )
        figures.append(
            f"{name} accuracy within 161 km, former weights -> these: tune {before[0]:.3f} -> {after[0]:.3f}, "
            f"check {before[1]:.3f} -> {after[1]:.3f}"
        )
        print(figures[-1])
    report = (
        f"fitted by `python -m treve.evaluate.fit_places` on the tune parts of {', '.join(tune)} "
        f"(C = {regularisation}, {ROUNDS} rounds);\n#   " + ";\n#   ".join(figures) + "."
    )
    _write(weights, report)
    print(weights)


if __name__ == "__main__":
    main()

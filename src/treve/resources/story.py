"""Loader for the story reader's fitted weights (`story/*.toml`; format and sources in `story/README.md`)."""

from __future__ import annotations

import math
import tomllib
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import NamedTuple

from treve.errors import ResourceError


class LogisticModel(NamedTuple):
    """Fitted weights per feature, the intercept, and the probability a decision needs (keep, join)."""

    weights: Mapping[str, float]
    intercept: float
    threshold: float

    def probability(self, features: Mapping[str, float]) -> float:
        """A feature the model does not weigh counts zero."""
        score = self.intercept + sum(self.weights.get(name, 0.0) * value for name, value in features.items())
        return 1.0 / (1.0 + math.exp(-score))


@cache
def load_story_model(name: str) -> LogisticModel:
    """The shipped model `story/<name>.toml` (`mention_model`, `coreference`)."""
    source = resources.files("treve.resources").joinpath(f"story/{name}.toml")
    try:
        raw = tomllib.loads(source.read_text(encoding="utf-8"))
        weights = {feature: float(value) for feature, value in raw["weights"].items()}
        return LogisticModel(weights, float(raw["intercept"]), float(raw["threshold"]))
    except (OSError, KeyError, ValueError, tomllib.TOMLDecodeError) as exc:
        raise ResourceError(f"{source}: fitted weights unreadable ({exc}); reinstall treve") from exc

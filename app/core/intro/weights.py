"""The fitted weights of the introduction signals, read from `weights.json` (pure).

`scripts/train_intro.py` fits them offline (logistic regression, scikit-learn, a dev
dependency) and writes the JSON; serving only multiplies and adds. Reading the
package's own data file at import is like importing a module.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from importlib import resources

from app.core.intro.signals import FEATURES


@dataclass(frozen=True, slots=True)
class Weights:
    """A linear model over `FEATURES`: bias, one weight each, and the decision threshold."""

    weights: tuple[float, ...]
    bias: float
    threshold: float

    def score(self, values: tuple[float, ...]) -> float:
        """bias + Σ weight·value."""
        return self.bias + sum(w * v for w, v in zip(self.weights, values, strict=True))

    def probability(self, values: tuple[float, ...]) -> float:
        """The logistic function of the score."""
        score = max(-30.0, min(30.0, self.score(values)))
        return 1.0 / (1.0 + math.exp(-score))

    def confidence(self, values: tuple[float, ...]) -> float:
        """The probability moved so that the threshold reads 0.5: ≥ 0.5 is an introduction."""
        cut = min(max(self.threshold, 1e-6), 1 - 1e-6)
        score = self.score(values) - math.log(cut / (1 - cut))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))

    def contributions(self, values: tuple[float, ...]) -> list[tuple[str, float]]:
        """Each signal's weight·value, strongest first (the verdict's evidence)."""
        pairs = [(f, w * v) for f, w, v in zip(FEATURES, self.weights, values, strict=True) if v]
        return sorted(pairs, key=lambda pair: -abs(pair[1]))


def from_json(data: dict[str, object], features: tuple[str, ...] = FEATURES) -> Weights:
    """Weights over `features` from a fitted file's content; signals it lacks weigh 0."""
    names = data.get("features", [])
    values = data.get("weights", [])
    bias, threshold = data.get("bias", 0.0), data.get("threshold", 0.5)
    if not (isinstance(names, list) and isinstance(values, list)):
        raise ValueError("weights: features and weights must be lists")
    if not (isinstance(bias, float | int) and isinstance(threshold, float | int)):
        raise ValueError("weights: bias and threshold must be numbers")
    by_name = dict(zip(names, values, strict=True))
    return Weights(
        tuple(float(by_name.get(f, 0.0)) for f in features), float(bias), float(threshold)
    )


def load_weights(file_name: str, features: tuple[str, ...] = FEATURES) -> Weights:
    """A fitted file of this package (`weights.json`, `reply_weights.json` ...) over `features`."""
    raw = resources.files("app.core.intro").joinpath(file_name).read_text("utf-8")
    return from_json(json.loads(raw), features)


WEIGHTS = load_weights("weights.json")

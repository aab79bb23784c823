"""The fitted weights: complete, read without scikit-learn, and current."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

from app.core.intro import FEATURES
from app.core.intro.weights import WEIGHTS, from_json

CORPUS = Path(__file__).resolve().parents[4] / "shared" / "corpus"


def test_committed_weights_cover_every_signal() -> None:
    """weights.json names every signal, in order, with a bias and a threshold in (0, 1)."""
    raw = resources.files("app.core.intro").joinpath("weights.json").read_text("utf-8")
    data = json.loads(raw)
    assert data["features"] == list(FEATURES)
    assert len(WEIGHTS.weights) == len(FEATURES)
    assert 0.0 < WEIGHTS.threshold < 1.0


def test_missing_signals_weigh_nothing() -> None:
    """Signals a weights file lacks weigh 0; the score is bias + Σ weight·value."""
    weights = from_json({"features": ["connect"], "weights": [2.0], "bias": -1.0, "threshold": 0.5})
    values = tuple(1.0 for _ in FEATURES)
    assert weights.score(values) == pytest.approx(1.0)
    assert 0.5 < weights.probability(values) < 1.0
    assert weights.contributions(values)[0] == ("connect", 2.0)


def test_probability_is_bounded_for_extreme_scores() -> None:
    """A huge score gives a probability in [0, 1], never an overflow."""
    weights = from_json({"features": ["connect"], "weights": [1e6], "bias": 0.0})
    assert weights.probability(tuple(1.0 for _ in FEATURES)) == pytest.approx(1.0)
    weights = from_json({"features": ["connect"], "weights": [-1e6], "bias": 0.0})
    assert weights.probability(tuple(1.0 for _ in FEATURES)) == pytest.approx(0.0)


@pytest.mark.skipif(not (CORPUS / "dev-labels.csv").exists(), reason="corpus not beside the repo")
def test_committed_weights_are_current() -> None:
    """Refitting on the labelled corpus gives the committed file byte for byte (deterministic)."""
    from scripts.train_intro import main

    assert main(["--check"]) == 0

"""`make train`: fit the reply signals' weights into `reply_weights.json` (dev only).

A reply whose thread lacks the introduction is recognised from what it says
(`app/core/intro/replied.py`, `REPLY_FEATURES`). Every labelled message is read alone
(as a thread of one); the first replies (`intro_reply`) are the positives, every other
message a negative. L2-regularised, class-balanced logistic regression (scikit-learn),
written mail at half weight; the regularisation strength by grouped inner
cross-validation (`train_intro`'s folds), the threshold from the same out-of-fold scores
at a stricter precision than detection's: a false alarm here claims that a plain reply
answers an introduction. Deterministic: fixed fold seeds, lbfgs, weights rounded to 6
places. `--check` refits and fails when the committed file differs (stale weights).
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

from app.core.intro import REPLY_FEATURES, reply_signals, signals_of
from app.core.intro.weights import Weights
from scripts.intro_data import Row, data_hash, groups
from scripts.train_intro import Data, choose_and_fit, fit_and_write, weights_json
from scripts.train_intro import threshold_for as intro_threshold

WEIGHTS_FILE = Path(__file__).resolve().parents[1] / "app" / "core" / "intro" / "reply_weights.json"
# Precision asked of the threshold on the out-of-fold scores (detection asks 0.90). 2026-12,
# grouped CV: 0.90 gave 4/426 real and 2/165 written false alarms (60/75 written replies),
# 0.93 gave 2/426 and 0/165 (57/75), 0.95 gave 2/426 and 0/165 but 55/75, and an unstable
# full-data threshold (43/75 in-sample).
TARGET_PRECISION = 0.93


def design(rows: list[Row]) -> Data:
    """Reply signals, labels (a first reply or not), sample weights and thread groups."""
    x = np.array([reply_signals(signals_of(r.email)) for r in rows], dtype=float)
    y = np.array([r.label == "intro_reply" for r in rows], dtype=int)
    w = np.array([r.weight for r in rows], dtype=float)
    return Data(x, y, w, np.array(groups(rows)))


def threshold_for(y: np.ndarray, p: np.ndarray) -> float:
    """Detection's rule at this trainer's target; short of it, the most precise threshold."""
    return intro_threshold(y, p, TARGET_PRECISION, lambda precision, _recall: precision)


def fit_reply_weights(data: Data) -> tuple[Weights, float]:
    """`train_intro.choose_and_fit` with this trainer's stricter threshold rule."""
    return choose_and_fit(data, threshold_for)


def fitted_json(rows: list[Row], data: Data) -> dict[str, object]:
    """What `reply_weights.json` holds."""
    weights, c = fit_reply_weights(data)
    return weights_json(REPLY_FEATURES, weights, c, rows, data.y, data_hash(rows, data.y))


def main(argv: list[str]) -> int:
    return fit_and_write(WEIGHTS_FILE, lambda rows: fitted_json(rows, design(rows)), argv)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

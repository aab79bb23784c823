"""`make train`: fit the request signals' weights into `request_weights.json` (dev only).

The same deterministic approach as `scripts/train_intro.py` (whose `choose_and_fit` this
calls): L2-regularised, class-balanced logistic regression over `REQUEST_FEATURES`
(scikit-learn), written mail at half weight, the regularisation strength and the
threshold chosen by grouped inner cross-validation on the data given. Labels:
`scripts/data/intro-requests.tsv` (every labelled message of the corpus). `--check`
refits and fails when the committed file differs (stale weights).
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

from app.core.intro import REQUEST_FEATURES, request_signals
from scripts.fitting import write_or_check
from scripts.intro_data import Row, data_hash, groups, load_rows
from scripts.train_intro import Data, choose_and_fit, render, weights_json

WEIGHTS_FILE = (
    Path(__file__).resolve().parents[1] / "app" / "core" / "intro" / "request_weights.json"
)
LABELS = Path(__file__).resolve().parent / "data" / "intro-requests.tsv"


def labels(path: Path = LABELS) -> dict[str, tuple[bool, str]]:
    """id -> (is a request, whom they want to meet)."""
    import csv

    lines = [line for line in path.read_text("utf-8").splitlines() if not line.startswith("#")]
    return {
        rec["id"]: (rec["is_request"] == "1", rec["target"])
        for rec in csv.DictReader(lines, delimiter="\t")
    }


def labelled_rows() -> tuple[list[Row], np.ndarray]:
    """The labelled messages present, and whether each is a request."""
    wanted = labels()
    rows = [r for r in load_rows() if r.id in wanted]
    return rows, np.array([wanted[r.id][0] for r in rows], dtype=int)


def design(rows: list[Row], y: np.ndarray) -> Data:
    """Request signals, labels, sample weights and thread groups of the rows."""
    x = np.array([request_signals(r.email) for r in rows], dtype=float)
    w = np.array([r.weight for r in rows], dtype=float)
    return Data(x, y, w, np.array(groups(rows)))


def fitted_json(rows: list[Row], y: np.ndarray) -> dict[str, object]:
    """What `request_weights.json` holds."""
    weights, c = choose_and_fit(design(rows, y))
    return weights_json(REQUEST_FEATURES, weights, c, rows, y, data_hash(rows, y))


def main(argv: list[str]) -> int:
    rows, y = labelled_rows()
    if not rows:
        print("no labelled mail found (set INTRO_CORPUS)", file=sys.stderr)
        return 2
    text = render(fitted_json(rows, y))
    return write_or_check(WEIGHTS_FILE, text, argv)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

"""Requests for an introduction: precision and recall on the labelled corpus (dev only).

Labels: `scripts/data/intro-requests.tsv` (every labelled message; is_request, and for
the requests whom they want to meet). The weights are fitted (`scripts/train_requests.py`);
the figures to read are cross-validated: grouped stratified 5-fold (a thread never on
both sides) and leave-one-source-out, each fold's regularisation, weights and threshold
fitted without it. In-sample figures (the committed weights on their own data) are
printed too. The lexicon's request phrases were written with these messages in view, so
even the cross-validated figures are optimistic for phrasing they share.
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.model_selection import StratifiedGroupKFold

from app.core.intro.lexicon import LANGUAGES, fold
from app.core.intro.request import detect_request
from app.core.model import IntroRequest
from scripts.intro_data import Row, load_rows
from scripts.reporting import corpus_report
from scripts.train_intro import choose_and_fit
from scripts.train_requests import design, labelled_rows

FOLDS = 5

LABELS = Path(__file__).resolve().parent / "data" / "intro-requests.tsv"


@dataclass
class Outcome:
    """One labelled message and what the detector said."""

    row: Row
    expected: bool
    target: str
    found: IntroRequest | None


def labels(path: Path = LABELS) -> dict[str, tuple[bool, str]]:
    """id -> (is a request, whom they want to meet)."""
    lines = [line for line in path.read_text("utf-8").splitlines() if not line.startswith("#")]
    return {
        rec["id"]: (rec["is_request"] == "1", rec["target"])
        for rec in csv.DictReader(lines, delimiter="\t")
    }


def outcomes() -> list[Outcome]:
    """The detector on every labelled message present."""
    wanted = labels()
    found = []
    for row in load_rows():
        if row.id in wanted:
            expected, target = wanted[row.id]
            found.append(Outcome(row, expected, target, detect_request(row.email)))
    return found


def _same_target(expected: str, found: str) -> bool:
    """Loose: a content word (four letters or more) in common."""
    words = {w for w in fold(expected).replace(",", " ").split() if len(w) >= 4}
    return bool(words & {w for w in fold(found).replace(",", " ").split() if len(w) >= 4})


def wilson(successes: int, total: int, z: float = 1.96) -> tuple[float, float]:
    """The 95 % Wilson score interval of a proportion (small samples, near 0 or 1)."""
    p = successes / total
    centre = (p + z * z / (2 * total)) / (1 + z * z / total)
    half = z * math.sqrt(p * (1 - p) / total + z * z / (4 * total * total)) / (1 + z * z / total)
    return max(0.0, centre - half), min(1.0, centre + half)


def line(name: str, results: list[Outcome]) -> str:
    """Precision and recall of one slice, with 95% Wilson intervals."""
    tp = sum(o.expected and o.found is not None for o in results)
    fp = sum(not o.expected and o.found is not None for o in results)
    fn = sum(o.expected and o.found is None for o in results)
    precision = f"{tp / (tp + fp):.2f}" if tp + fp else "n/a"
    recall = f"{tp / (tp + fn):.2f}" if tp + fn else "n/a"
    low, high = wilson(tp, tp + fn) if tp + fn else (0.0, 0.0)
    return (
        f"  {name}: {len(results)} messages, {tp + fn} requests; precision {precision} "
        f"(tp {tp}, fp {fp}), recall {recall} [{low:.2f}, {high:.2f}]"
    )


def _figures(y: np.ndarray, found: np.ndarray) -> str:
    tp = int(np.sum(found & (y == 1)))
    fp = int(np.sum(found & (y == 0)))
    fn = int(np.sum(~found & (y == 1)))
    precision = f"{tp / (tp + fp):.2f}" if tp + fp else "n/a"
    recall = f"{tp / (tp + fn):.2f}" if tp + fn else "n/a"
    return f"precision {precision} (tp {tp}, fp {fp}), recall {recall} ({tp}/{tp + fn})"


def cross_validated() -> list[str]:
    """Grouped 5-fold and leave-one-source-out figures: each fold fitted without it."""
    rows, y = labelled_rows()
    data = design(rows, y)
    seven = np.array([r.lang in LANGUAGES for r in rows])
    found = np.zeros(len(y), dtype=bool)
    folds = StratifiedGroupKFold(n_splits=FOLDS, shuffle=True, random_state=0)
    for train, test in folds.split(data.x, data.y, data.g):
        weights, _ = choose_and_fit(data.take(train))
        found[test] = [weights.confidence(tuple(v)) >= 0.5 for v in data.x[test]]
    lines = [
        f"  grouped {FOLDS}-fold CV, all: {_figures(y, found)}",
        f"  grouped {FOLDS}-fold CV, the seven languages: {_figures(y[seven], found[seven])}",
    ]
    sources = np.array([r.source for r in rows])
    for source in sorted(set(sources)):
        out = sources == source
        if not y[out].sum():
            continue
        weights, _ = choose_and_fit(data.take(np.flatnonzero(~out)))
        held = np.array([weights.confidence(tuple(v)) >= 0.5 for v in data.x[out]])
        lines.append(f"  leave-one-source-out, {source} held out: {_figures(y[out], held)}")
    return lines


def report() -> list[str]:
    """The lines `make eval` prints for request recognition."""
    results = outcomes()
    seven = [o for o in results if o.row.lang in LANGUAGES]
    hits = [o for o in results if o.expected and o.found is not None]
    named = sum(_same_target(o.target, o.found.target) for o in hits if o.found is not None)
    lines = [
        f"requests for an introduction: {len(results)} messages ({LABELS.name}); fitted "
        "weights (scripts/train_requests.py); lexicon phrases written with these messages "
        "in view",
        *cross_validated(),
        "  in-sample (the committed weights on their own data):",
        line("all", results),
        line("the seven languages", seven),
        line("real mail", [o for o in results if o.row.source != "written"]),
        line("written mail", [o for o in results if o.row.source == "written"]),
        f"  target named (a word in common with the label): {named}/{len(hits)}",
        "  misses and false alarms:",
    ]
    for o in results:
        if o.expected != (o.found is not None):
            said = f"found “{o.found.target}” {o.found.confidence}" if o.found else "missed"
            kind = "miss" if o.expected else "false alarm"
            lines.append(f"    {kind}: {o.row.id} ({o.row.lang}) {said}")
    return lines


def main() -> int:
    return corpus_report(report)


if __name__ == "__main__":
    raise SystemExit(main())

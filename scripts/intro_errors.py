"""Every out-of-fold detection error on real mail, with its score and signals (dev only).

`python -m scripts.intro_errors` runs the grouped 5-fold of `make eval` over seeds 1-3
(as `detection_report` pools them) and lists each real message judged wrong in any
seed: false alarms and misses, how many seeds erred, the out-of-fold confidence (0.5 is
the threshold) of each seed, the signals that fired with their weight x value under
that fold's weights, the words that fired them, and the subject. `--figures` prints
only the pooled and leave-one-source-out lines (what a change is kept or rejected on);
`--all` lists written mail's errors too.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from dataclasses import dataclass, field

from app.core.intro import signals_of
from app.core.intro.signals import FEATURES
from app.core.intro.weights import Weights
from scripts.eval_intro import (
    REAL,
    Outcome,
    fitted_folds,
    judge,
    leave_source_out,
    line,
    scored,
)
from scripts.intro_data import Row, load_rows
from scripts.train_intro import Data, design

SEEDS = (1, 2, 3)


@dataclass
class Error:
    """One row judged wrong in at least one seed."""

    row: Row
    seeds: list[int] = field(default_factory=list)
    confidences: list[float] = field(default_factory=list)
    parts: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    detail: str = ""


def pooled(rows: list[Row], data: Data) -> tuple[list[Outcome], dict[str, Error]]:
    """The outcomes of every seed's split, and the rows judged wrong with their scores."""
    outcomes: list[Outcome] = []
    errors: dict[str, Error] = {}
    for seed in SEEDS:
        for test, weights in fitted_folds(data, seed):
            for i in test:
                outcome = judge(rows[i], weights)
                outcomes.append(outcome)
                if _wrong(outcome):
                    _record(errors, outcome, weights, seed)
    return outcomes, errors


def _wrong(o: Outcome) -> bool:
    return scored(o) and o.found != o.row.positive


def _record(errors: dict[str, Error], o: Outcome, weights: Weights, seed: int) -> None:
    signals = signals_of(o.row.email)
    error = errors.setdefault(o.row.id, Error(o.row))
    error.seeds.append(seed)
    error.confidences.append(weights.confidence(signals.values))
    for name, part in weights.contributions(signals.values):
        error.parts[name].append(part)
    error.detail = o.detail


def error_lines(errors: dict[str, Error], *, written: bool = False) -> list[str]:
    """Each error: kind, id, label, seeds, confidences, signals (mean weight x value)."""
    lines = []
    chosen = [e for e in errors.values() if written or e.row.source != "written"]
    for kind, want in (("FALSE ALARM", False), ("MISS", True)):
        picked = sorted((e for e in chosen if e.row.positive == want), key=lambda e: e.row.id)
        lines.append(f"{kind}S: {len(picked)} rows")
        for e in picked:
            signals = signals_of(e.row.email)
            conf = " ".join(f"{c:.2f}" for c in e.confidences)
            lines.append(
                f"- {e.row.id} [{e.row.source}, {e.row.label}] seeds {e.seeds} conf {conf}"
            )
            lines.append(f"    subject: {e.row.email.subject[:90]!r}  lang {signals.language!r}")
            parts = sorted(
                ((n, sum(v) / len(v)) for n, v in e.parts.items()), key=lambda p: -abs(p[1])
            )
            lines.append("    " + ", ".join(f"{n} {v:+.2f}" for n, v in parts))
            said = {k: v for k, v in signals.words.items() if k in FEATURES}
            if said:
                lines.append("    words: " + "; ".join(f"{k}={v!r}" for k, v in said.items()))
            if e.detail:
                lines.append(f"    verdict: {e.detail[:160]}")
    return lines


def figure_lines(rows: list[Row], data: Data, outcomes: list[Outcome]) -> list[str]:
    """Pooled real and written, then leave-one-source-out."""
    lines = [
        "pooled seeds 1-3:",
        line("real mail", [o for o in outcomes if o.row.source in REAL]),
        line("written mail", [o for o in outcomes if o.row.source == "written"]),
        "leave-one-source-out:",
    ]
    for source, found in leave_source_out(rows, data).items():
        lines.append(line(source, found))
    return lines


def main(argv: list[str]) -> int:
    rows = load_rows()
    if not rows:
        print("no labelled mail found (set INTRO_CORPUS)", file=sys.stderr)
        return 2
    data = design(rows)
    outcomes, errors = pooled(rows, data)
    if "--figures" not in argv:
        for text in error_lines(errors, written="--all" in argv):
            print(text)
    for text in figure_lines(rows, data, outcomes):
        print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

"""The probe: introductions and hard negatives in seven languages that no rule, lexicon
entry or weight was fitted on (issue 10; `python -m scripts.eval_probe [--misses]`).

`scripts/data/probe/<lang>/*.eml` with `scripts/data/probe/labels.csv` (the corpus label
scheme). Judged with the committed weights, no refit, and scored the way `make eval`
scores the corpus (same role matching). The probe is never training data: `train_intro`
reads only `../shared/corpus`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from app.core.intro.weights import WEIGHTS
from scripts.eval_intro import Outcome, judge, line, misses
from scripts.intro_data import Row, _rows

PROBE = Path(__file__).resolve().parent / "data" / "probe"
LANGS = ("en", "es", "de", "fr", "pt", "it", "nl")


def load_probe(folder: Path = PROBE) -> list[Row]:
    """Every labelled probe message (all languages)."""
    dirs = tuple(folder / lang for lang in LANGS)
    return _rows(folder / "labels.csv", dirs)


def outcomes(rows: list[Row] | None = None) -> list[Outcome]:
    """Each probe message judged by the committed weights."""
    return [judge(row, WEIGHTS) for row in (load_probe() if rows is None else rows)]


def report(judged: list[Outcome] | None = None, *, with_misses: bool = False) -> list[str]:
    """Per-language precision / recall / roles, then all languages pooled."""
    judged = outcomes() if judged is None else judged
    lines = [f"probe: {len(judged)} messages written for the probe, committed weights (no refit)"]
    lines += [line(f"probe {lang}", [o for o in judged if o.row.lang == lang]) for lang in LANGS]
    lines.append(line("probe, all languages", judged, interval=True))
    if with_misses:
        lines.append("probe misses, false alarms and wrong roles:")
        lines += misses(judged)
    return lines


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    for text in report(with_misses="--misses" in args):
        print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

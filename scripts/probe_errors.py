"""The probe's misses, false alarms and role errors with the signals behind each (dev only).

`python -m scripts.probe_errors [--batch N]`: like `intro_errors` for the corpus, but on
`scripts/data/probe` with the committed weights (no refit): per wrong row the verdict,
the confidence, each signal's weight x value and the words that fired it.
"""

from __future__ import annotations

import sys

from app.core.intro import signals_of
from app.core.intro.signals import FEATURES
from app.core.intro.weights import WEIGHTS
from scripts.eval_intro import Outcome
from scripts.eval_probe import batch, load_probe, outcomes


def wrong(o: Outcome) -> bool:
    """A miss, a false alarm or an introduction with the wrong people."""
    if o.row.label == "intro_reply":
        return False
    return o.found != o.row.positive or (o.row.positive and not o.roles)


def error_lines(judged: list[Outcome]) -> list[str]:
    """Each wrong row: what it is, what detection said, and why."""
    lines = []
    for o in judged:
        if not wrong(o):
            continue
        kind = (
            "MISS"
            if o.row.positive and not o.found
            else "FALSE"
            if o.found and not o.row.positive
            else "ROLE"
        )
        signals = signals_of(o.row.email)
        want = f"{o.row.introducer} -> {o.row.introduced}" if o.row.positive else "-"
        lines.append(
            f"{kind} {o.row.id} conf {WEIGHTS.confidence(signals.values):.2f}  want {want}"
        )
        lines.append(f"    got: {o.detail[:160]}")
        parts = WEIGHTS.contributions(signals.values)
        lines.append("    " + ", ".join(f"{n} {v:+.2f}" for n, v in parts if abs(v) >= 0.05))
        said = {k: v for k, v in signals.words.items() if k in FEATURES}
        if said:
            lines.append("    words: " + "; ".join(f"{k}={v!r}" for k, v in said.items()))
    return lines


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    rows = load_probe()
    if "--batch" in args:
        number = int(args[args.index("--batch") + 1])
        rows = [r for r in rows if batch(r) == number]
    for text in error_lines(outcomes(rows)):
        print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Requests for an introduction: precision and recall on the labelled corpus (dev only).

Labels: `scripts/data/intro-requests.tsv` (every labelled message; is_request, and for
the requests whom they want to meet). The detector's weights are principled, not
fitted, so nothing is cross-validated: the figures are on all of it (in-sample for the
lexicon entries written while reading these messages; say so). Grouped by thread as
`intro_data.groups` groups, a thread counts once per message.
"""

from __future__ import annotations

import csv
import math
import sys
from dataclasses import dataclass
from pathlib import Path

from app.core.intro.lexicon import LANGUAGES, fold
from app.core.intro.request import detect_request
from app.core.model import IntroRequest
from scripts.intro_data import CORPUS, Row, load_rows

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


def report() -> list[str]:
    """The lines `make eval` prints for request recognition."""
    results = outcomes()
    seven = [o for o in results if o.row.lang in LANGUAGES]
    hits = [o for o in results if o.expected and o.found is not None]
    named = sum(_same_target(o.target, o.found.target) for o in hits if o.found is not None)
    lines = [
        f"requests for an introduction: {len(results)} messages ({LABELS.name}); principled "
        "weights, nothing fitted; lexicon entries written with these messages in view "
        "(in-sample, optimistic)",
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
    if not (CORPUS / "dev-labels.csv").exists():
        print(f"corpus not found at {CORPUS} (set INTRO_CORPUS)", file=sys.stderr)
        return 2
    for text in report():
        print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

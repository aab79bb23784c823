"""`make eval`, file-name part: the resume check's precision/recall on real file names.

`scripts/data/resume-names.tsv` holds real attachment and file names from public repositories
and the corpus, labelled (see the note at its top). Rows whose sha1(name) starts with an even
hex digit are the dev half, the rest the held-out half; each is scored with
`classify_filename(name)` (a name that needs the email's support, e.g. "profile.pdf", counts as
not flagged). Only the dev half's errors are listed. Run alone with
`python -m scripts.eval_resume_names`.
"""

from __future__ import annotations

import csv
import hashlib
import sys
from dataclasses import dataclass
from pathlib import Path

from app.core.checks.resume_names import is_resume_filename
from scripts.reporting import print_report

DATA = Path(__file__).resolve().parent / "data" / "resume-names.tsv"
TARGET = 0.95


@dataclass(frozen=True)
class Row:
    """One labelled file name."""

    name: str
    label: bool
    source: str
    lang: str

    @property
    def held_out(self) -> bool:
        return int(hashlib.sha1(self.name.encode("utf-8")).hexdigest()[0], 16) % 2 == 1


def load_rows(path: Path = DATA) -> list[Row]:
    """The labelled names (comment lines at the top skipped)."""
    with path.open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return [Row(r["name"], r["label"] == "1", r["source"], r["lang"]) for r in reader]


def report(path: Path = DATA) -> list[str]:
    """Report lines: both halves' figures, then the dev half's errors."""
    rows = load_rows(path)
    dev = [r for r in rows if not r.held_out]
    test = [r for r in rows if r.held_out]
    lines = [f"resume file names: {len(rows)} real names ({path.name}), target {TARGET:.2f}"]
    lines.append(_line("dev half", dev))
    lines.append(_line("held-out half", test))
    for row in dev:
        got = is_resume_filename(row.name)
        if got != row.label:
            kind = "MISS" if row.label else "FALSE ALARM"
            lines.append(f"  {kind} (dev) {row.name!r} [{row.lang}, {row.source}]")
    return lines


def _line(title: str, rows: list[Row]) -> str:
    tp = sum(1 for r in rows if r.label and is_resume_filename(r.name))
    fp = sum(1 for r in rows if not r.label and is_resume_filename(r.name))
    fn = sum(1 for r in rows if r.label and not is_resume_filename(r.name))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    flag = "" if min(precision, recall) >= TARGET else f"  BELOW {TARGET:.2f}"
    return (
        f"  {title:<14} precision {precision:.2f} recall {recall:.2f} "
        f"(tp {tp} fp {fp} fn {fn}, {len(rows)} names){flag}"
    )


def main() -> int:
    """Print the report; exit 1 when a figure is below target."""
    return print_report(report())


if __name__ == "__main__":
    sys.exit(main())

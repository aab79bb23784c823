"""How an evaluation script ends: print its report, fail when a line flags a missed target."""

from __future__ import annotations

import sys
from collections.abc import Callable

from scripts.intro_data import CORPUS


def print_report(lines: list[str], flags: tuple[str, ...] = ("BELOW",)) -> int:
    """Print `lines`; 1 when any holds one of `flags` ("BELOW", "NOT CLEAN" ...), else 0."""
    for line in lines:
        print(line)
    return 1 if any(flag in line for line in lines for flag in flags) else 0


def corpus_report(report: Callable[[], list[str]]) -> int:
    """`main()` of a corpus evaluation: 2 without the corpus, else print `report()`, 0."""
    if not (CORPUS / "dev-labels.csv").exists():
        print(f"corpus not found at {CORPUS} (set INTRO_CORPUS)", file=sys.stderr)
        return 2
    for text in report():
        print(text)
    return 0

"""How an evaluation script ends: print its report, fail when a line flags a missed target."""

from __future__ import annotations


def print_report(lines: list[str], flags: tuple[str, ...] = ("BELOW",)) -> int:
    """Print `lines`; 1 when any holds one of `flags` ("BELOW", "NOT CLEAN" ...), else 0."""
    for line in lines:
        print(line)
    return 1 if any(flag in line for line in lines for flag in flags) else 0

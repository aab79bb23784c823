"""Sentence and line spans of a text, with offsets (pure)."""

from __future__ import annotations

import re
from dataclasses import dataclass

_BOUNDARY = re.compile(
    r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])|\n\s*\n|\n(?=\s*[-*•]\s)|(?<=[:;])\n|\n(?=[A-Z][^\n]{0,40}[,:–—-]\s*\n)"
)
_ABBREV = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|Inc|Co|Corp|Ltd|vs|etc|e\.g|i\.e|[A-Z])\.$")

_ABBREV_REACH = 8  # longer than any _ABBREV match ("Prof." is 5)


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of a text with its [start, end) offsets."""

    start: int
    end: int
    text: str


def sentences(text: str) -> tuple[Span, ...]:
    """Split text into sentence spans; offsets index into `text`."""
    spans: list[Span] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        if _ends_in_abbreviation(text, start, match.start()) and match.group(0).strip() == "":
            continue
        _add(spans, text, start, match.start())
        start = match.end()
    _add(spans, text, start, len(text))
    return tuple(spans)


def _ends_in_abbreviation(text: str, start: int, end: int) -> bool:
    """`_ABBREV.search(text[start:end].rstrip())`, looking only at the piece's tail.

    A piece keeps growing while its boundaries are abbreviations, so searching it
    whole made runs of "A. B. C." quadratic. The pattern ends in `\\.$` and spans
    at most _ABBREV_REACH characters (plus the one `\\b` looks back at); with a
    start position, `re` still sees the characters before it, as the slice would.
    """
    while end > start and text[end - 1].isspace():
        end -= 1
    low = end - _ABBREV_REACH
    if low > start:
        return _ABBREV.search(text, low, end) is not None
    return _ABBREV.search(text[start:end]) is not None


def _add(spans: list[Span], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped:
        return
    lead = len(piece) - len(piece.lstrip())
    begin = start + lead
    spans.append(Span(begin, begin + len(stripped), stripped))

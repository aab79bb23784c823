"""Sentence and line spans of a text, with offsets (pure)."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Where one sentence ends and the next begins: after end punctuation (and closing quotes)
# before a capital or digit, at a blank line, before a bullet, after a line ending in ":"
# or ";", and before a short line ending in "," or ":" (a greeting such as "Sue,").
# Every such boundary starts with a closing quote, a bracket or white space, and the
# pattern starts by consuming that one character: `re` then skips straight to those
# characters instead of trying all five alternatives at every position. The look-behinds
# re-check the consumed character, so the matches are those of the plain form
#   (?<=[.!?])["')\]]*\s+(?=["'(\[]?[A-Z0-9])|\n\s*\n|\n(?=\s*[-*•]\s)|(?<=[:;])\n
#   |\n(?=[A-Z][^\n]{0,40}[,:–—-]\s*\n)
# (kept in tests/core/test_sentence_boundary.py, which checks they agree).
_BOUNDARY = re.compile(
    r"[\"')\]\s](?:"
    r"(?<=[.!?][\"')\]])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])"
    r"|(?<=[.!?]\s)\s*(?=[\"'(\[]?[A-Z0-9])"
    r"|(?<=\n)\s*\n"
    r"|(?<=\n)(?=\s*[-*•]\s)"
    r"|(?<=[:;]\n)"
    r"|(?<=\n)(?=[A-Z][^\n]{0,40}[,:–—-]\s*\n)"
    r")"
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
        # A boundary is never empty, so isspace() is "only white space".
        if match.group(0).isspace() and _ends_in_abbreviation(text, start, match.start()):
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
    if end == start or text[end - 1] != ".":
        return False  # the pattern ends in `\.$`: the piece must end in a period
    low = end - _ABBREV_REACH
    if low > start:
        return _ABBREV.search(text, low, end) is not None
    return _ABBREV.search(text[start:end]) is not None


def _add(spans: list[Span], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped:
        return
    lead = 0
    while piece[lead].isspace():  # stops at `stripped`, which is not empty
        lead += 1
    begin = start + lead
    spans.append(Span(begin, begin + len(stripped), stripped))

"""Case-insensitive patterns that match ASCII text without `re.IGNORECASE` (pure).

`re.IGNORECASE` makes Python's `re` four to five times slower on word lists like
ours, and the checks run a dozen such patterns over every sentence of a draft.
On ASCII text the same pattern with its literal capitals lower-cased, run on the
lower-cased text, finds exactly the same spans: lower-casing ASCII keeps every
character's length and class (`\\w`, `\\s`, so `\\b` too), and IGNORECASE only
equates an ASCII letter with its own other case (its non-ASCII equivalents,
"ſ" for "s" and the Kelvin sign for "k", are not ASCII; a non-ASCII literal in
the pattern matches no ASCII character either way). Any other text is matched
by the IGNORECASE pattern itself, so results never differ.

A pattern may also name `needs`: lower-case strings one of which every match
contains. ASCII text holding none of them is passed over without running the
pattern (a substring test is many times cheaper than a scan by `re`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from app.core.checks.wordstart import WordStart

_LITERAL_CAPITAL = re.compile(r"\\.|[A-Z]")
# Escapes that spell a character by number, and inline flags, would survive the
# lowering unchanged and so break the equivalence; no pattern here needs them.
_UNSUPPORTED = re.compile(r"\\[xuUN0-7]|\(\?[a-zA-Z-]")


class Caseless:
    """A case-insensitive pattern, run without IGNORECASE on ASCII text."""

    __slots__ = ("_ascii", "_flags", "_general", "_lowered", "_needs", "_source", "_start")

    def __init__(
        self, source: str, flags: int = 0, *, needs: tuple[str, ...] = (), word_start: bool = False
    ) -> None:
        """`word_start`: `search` ASCII text as a `WordStart` (see there for the conditions)."""
        if _UNSUPPORTED.search(source):
            raise ValueError(f"pattern can't be lower-cased safely: {source!r}")
        if any(not (n.isascii() and n == n.lower() and n) for n in needs):
            raise ValueError(f"needs must be non-empty lower-case ASCII: {needs!r}")
        self._source = source
        self._flags = flags
        self._general: re.Pattern[str] | None = None
        self._lowered = _LITERAL_CAPITAL.sub(_lower_literal, source)
        self._ascii: re.Pattern[str] | None = None
        self._needs = needs
        if word_start and flags:
            raise ValueError("word_start takes no flags")
        self._start = WordStart(self._lowered) if word_start else None

    @property
    def needs(self) -> tuple[str, ...]:
        """Lower-case strings one of which every match contains (none when empty)."""
        return self._needs

    @property
    def pattern(self) -> re.Pattern[str]:
        """The IGNORECASE pattern, which defines what matches."""
        return self._general_pattern()

    def _general_pattern(self) -> re.Pattern[str]:
        if self._general is None:  # two threads may both compile it: the same pattern
            self._general = re.compile(self._source, self._flags | re.IGNORECASE)
        return self._general

    def _ascii_pattern(self) -> re.Pattern[str]:
        if self._ascii is None:
            self._ascii = re.compile(self._lowered, self._flags)
        return self._ascii

    def search(self, text: str) -> bool:
        """Does the pattern match anywhere in `text`?"""
        if text.isascii():
            lowered = text.lower()
            if not self._may_match(lowered):
                return False
            if self._start is not None:
                return self._start.search(lowered)
            return self._ascii_pattern().search(lowered) is not None
        return self._general_pattern().search(text) is not None

    def count(self, text: str, pos: int = 0, endpos: int | None = None) -> int:
        """How many non-overlapping matches `text[pos:endpos]` holds (as `findall`)."""
        return sum(1 for _ in self.finditer(text, pos, endpos))

    def blank(self, text: str) -> str:
        """`text` with every match replaced by as many spaces (same length)."""
        if not text.isascii():
            return self._general_pattern().sub(_spaces, text)
        lowered = text.lower()
        if not self._may_match(lowered) or self._ascii_pattern().search(lowered) is None:
            return text
        spans = [m.span() for m in self._ascii_pattern().finditer(lowered)]
        return _blank_spans(text, spans)

    def finditer(
        self, text: str, pos: int = 0, endpos: int | None = None
    ) -> Iterator[re.Match[str]]:
        """Matches in `text[pos:endpos]`, offsets exact; on ASCII text, groups lower-cased."""
        end = len(text) if endpos is None else endpos
        if text.isascii():
            lowered = text.lower()
            if not self._may_match(lowered):
                return iter(())
            return self._ascii_pattern().finditer(lowered, pos, end)
        return self._general_pattern().finditer(text, pos, end)

    def prepare(self, text: str) -> tuple[re.Pattern[str], str] | None:
        """The pattern and text to search for repeated searches of one text.

        Offsets into the returned text are offsets into `text`; None when nothing
        can match (ASCII text holding none of the needs).
        """
        if not text.isascii():
            return self._general_pattern(), text
        lowered = text.lower()
        return (self._ascii_pattern(), lowered) if self._may_match(lowered) else None

    def first(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        """The first match in `text[pos:endpos]`, as `finditer` gives them."""
        return next(self.finditer(text, pos, endpos), None)

    def _may_match(self, lowered: str) -> bool:
        return not self._needs or any(n in lowered for n in self._needs)


def _lower_literal(match: re.Match[str]) -> str:
    return match.group(0).lower() if len(match.group(0)) == 1 else match.group(0)


def _spaces(match: re.Match[str]) -> str:
    return " " * len(match.group(0))


def _blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    parts: list[str] = []
    cursor = 0
    for start, end in spans:
        parts.append(text[cursor:start])
        parts.append(" " * (end - start))
        cursor = end
    parts.append(text[cursor:])
    return "".join(parts)

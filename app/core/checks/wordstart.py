"""Search patterns that start at a word without trying every character (pure).

`re` tries a pattern at each position of the text, and a leading \\b hides the
pattern's first letters from its quick scan, so every character costs a full
attempt. When each alternative after the \\b starts with a word character, a
match can only begin at the start of the text or just after a non-word
character: `\\W` plus the rest, searched in " " + text, has a match exactly
when the pattern has one, and `re` skips in C to the next non-word character.
The parts must not look behind their start (the added space would be seen).

For `search` the alternatives are also regrouped by first letter (a leading
group such as "(?:could|can) you" spelled out first): `re` checks an
alternative that starts with a letter by that letter alone, but must enter one
that starts with a group. Order among alternatives only matters to which match
is reported, and `search` reports none.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_ANCHORED = "^\\s*"  # `^\s*` also matches over the added space
_BLANK, _PATTERN, _SEARCH = 0, 1, 2  # the three patterns of a WordStart, compiled on first use


class WordStart:
    """Alternatives `\\b...` (each starting with a word character) or `^\\s*...`, searched."""

    __slots__ = ("_anchored", "_compiled", "_parts")

    def __init__(self, *parts: str) -> None:
        words = [p[2:] for p in parts if p.startswith("\\b")]
        anchored = [p for p in parts if p.startswith(_ANCHORED)]
        if not words or len(words) + len(anchored) != len(parts):
            raise ValueError(f"parts must start with \\b or {_ANCHORED}: {parts!r}")
        if any(has_top_level_bar(p) for p in parts):
            raise ValueError(f"parts must not have a top-level |: {parts!r}")
        self._anchored = bool(anchored)
        # Compiled the first time each is used (`_compiled_pattern`): an introduction's
        # card runs few of the checks' patterns, and compiling all three of every
        # `WordStart` at import was ~30 ms of every cold start.
        self._parts = (tuple(words), tuple(anchored), parts)
        self._compiled: list[re.Pattern[str] | None] = [None, None, None]

    @property
    def pattern(self) -> re.Pattern[str]:
        """One pattern of the parts as given: what the `WordStart` stands for."""
        return self._compiled_pattern(_PATTERN)

    def _compiled_pattern(self, which: int) -> re.Pattern[str]:
        compiled = self._compiled[which]
        if compiled is None:  # two threads may both compile it: the same pattern
            compiled = self._compiled[which] = re.compile(self._source(which))
        return compiled

    def _source(self, which: int) -> str:
        words, anchored, parts = self._parts
        if which == _PATTERN:
            return "|".join(f"(?:{p})" for p in parts)
        if which == _BLANK:
            shifted = "\\W(?:" + "|".join(f"(?:{w})" for w in words) + ")"
            return "|".join(f"(?:{a})" for a in (shifted, *anchored))
        regrouped = "\\W(?:" + _by_first_letter(list(words)) + ")"
        return "|".join(f"(?:{a})" for a in (regrouped, *anchored))

    def search(self, text: str) -> bool:
        """Does any part match somewhere in `text`?"""
        return self._compiled_pattern(_SEARCH).search(" " + text) is not None

    def blank(self, text: str) -> str:
        """`text` with each match (as `pattern.sub` finds them) replaced by as many spaces.

        A match of the shifted pattern at i in " " + text is the part's match at i
        in `text`, ending one earlier. `sub` looks for the next match from the end
        of the last one, e: searching from e in " " + text lets the `\\W` take the
        last matched character, as the \b there would look at it.
        """
        if self._anchored:
            raise ValueError("blank takes only \\b parts")
        spaced = " " + text
        parts: list[str] = []
        done = pos = 0
        blanking = self._compiled_pattern(_BLANK)
        while (match := blanking.search(spaced, pos)) is not None:
            start, end = match.start(), match.end() - 1
            if end == start:
                raise ValueError("a part matched nothing; blank needs parts that consume")
            parts.append(text[done:start])
            parts.append(" " * (end - start))
            done = pos = end
        if not parts:
            return text
        parts.append(text[done:])
        return "".join(parts)


def has_top_level_bar(source: str) -> bool:
    """Does a pattern have an alternation outside any group (so a prefix is not shared)?"""
    depth, i, in_class = 0, 0, False
    while i < len(source):
        char = source[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            i += 2 if source[i + 1 : i + 2] == "^" else 1
            if source[i : i + 1] == "]":
                i += 1
            continue
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            return True
        i += 1
    return False


def _by_first_letter(words: list[str]) -> str:
    """The alternatives `words`, leading groups spelled out, grouped under first letters."""
    groups: dict[str, list[str]] = {}
    others: list[str] = []
    for alternative in (a for word in words for a in _spelled_out(word)):
        first, after = alternative[:1], alternative[1:2]
        if first.isascii() and first.isalnum() and after not in ("?", "*", "+", "{"):
            groups.setdefault(first, []).append(alternative[1:])
        else:
            others.append(alternative)
    grouped = [f"{c}(?:{'|'.join(f'(?:{a})' for a in rest)})" for c, rest in groups.items()]
    return "|".join(f"(?:{a})" for a in (*grouped, *others))


def _spelled_out(source: str) -> list[str]:
    """`source` as alternatives without a leading "(?:a|b)" group (unless one is quantified)."""
    if not source.startswith("(?:"):
        return [source]
    close = _closing(source)
    rest = source[close + 1 :]
    if close < 0 or rest[:1] in ("?", "*", "+", "{"):
        return [source]
    inner = _top_level_split(source[3:close])
    return [spelled for alternative in inner for spelled in _spelled_out(alternative + rest)]


def _closing(source: str) -> int:
    """Index of the parenthesis closing the group that opens `source` (-1 if none)."""
    return next((i for i, char, depth in _structure(source) if char == ")" and depth == 1), -1)


def _top_level_split(source: str) -> list[str]:
    """`source` cut at its alternation bars outside any group or class."""
    bars = [i for i, char, depth in _structure(source) if char == "|" and depth == 0]
    starts, ends = [0, *(b + 1 for b in bars)], [*bars, len(source)]
    return [source[a:b] for a, b in zip(starts, ends, strict=True)]


def _structure(source: str) -> Iterator[tuple[int, str, int]]:
    """(index, character, group depth) of each character outside escapes and classes."""
    depth, i = 0, 0
    while i < len(source):
        char = source[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            i = _class_end(source, i)
            continue
        yield i, char, depth
        depth += (char == "(") - (char == ")")
        i += 1


def _class_end(source: str, start: int) -> int:
    """Index just past the character class opening at `start` ("[]" and "[^]" hold a "]")."""
    i = start + 1
    i += source[i : i + 1] == "^"
    i += source[i : i + 1] == "]"
    while i < len(source) and source[i] != "]":
        i += 2 if source[i] == "\\" else 1
    return i + 1

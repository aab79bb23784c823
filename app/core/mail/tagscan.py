"""Huge or deeply nested HTML into text by regular expressions alone (pure, linear).

A tree builder's cost grows with nesting depth (Lexbor takes seconds on 25,000
nested divs), so past a size `html` hands markup here: every step is one regex
pass in C; only quote containers (blockquote, Gmail/Outlook quote divs) are
tracked in Python, to mark their lines with "> " like the tree walk does.
"""

from __future__ import annotations

import html
import re

_DROPPED = re.compile(
    r"<(script|style|head|title|noscript|template|svg)\b.{0,200000}?</\1\s*>|<!--.{0,200000}?-->",
    re.IGNORECASE | re.DOTALL,
)
_CONTAINER = re.compile(r"<(/?)(div|blockquote)\b([^>]*)>", re.IGNORECASE)
_BREAK = re.compile(r"<br\b[^>]*>", re.IGNORECASE)
# Block tags as a trie (the regex engine tries alternatives one by one at every "<").
_BLOCK_NAMES = (
    r"a(?:ddress|rticle|side)|d[dlt]|f(?:ieldset|ig(?:caption|ure)|o(?:oter|rm))|"
    r"h(?:[1-6r]|eader)|li|main|nav|ol|p(?:re)?|section|t(?:able|body|head|foot|r)|ul"
)
_BLOCK = re.compile(rf"</?(?:{_BLOCK_NAMES})\b[^>]*>", re.IGNORECASE)
_BLOCK_OR_DIV = re.compile(rf"</?(?:{_BLOCK_NAMES}|div|blockquote)\b[^>]*>", re.IGNORECASE)
_DROP_HINTS = ("<script", "<style", "<head", "<title", "<noscript", "<template", "<svg", "<!--")
_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_LINE_ENDS = re.compile(r"[ \t]+$", re.MULTILINE)
_BLANKS = re.compile(r"\n{3,}")
_OPEN, _CLOSE = "\x01", "\x02"  # quote container edges, never in text after unescaping
# Quote levels marked: deeper quotes get this many "> " (thousands of nested quotes would
# make the text grow with the square of the depth; real threads stay far below).
MAX_QUOTE_DEPTH = 50


def scan_text(markup: str, quote_marks: tuple[str, ...]) -> str:
    """Text of `markup`: blocks break lines; quote containers mark their lines "> "."""
    lower = markup.lower()
    if any(hint in lower for hint in _DROP_HINTS):
        markup = _DROPPED.sub(" ", markup)
    text = " ".join(markup.replace(_OPEN, "").replace(_CLOSE, "").split())
    if "blockquote" in lower or any(m.lower() in lower for m in quote_marks):
        text = _BLOCK.sub("\n", _CONTAINER.sub(_Containers(quote_marks).edge, text))
    else:
        text = _BLOCK_OR_DIV.sub("\n", text)  # no quote containers: divs are plain blocks
    text = _TAG.sub("", _BREAK.sub("\n", text))
    text = html.unescape(text).replace("\xa0", " ")
    text = _mark_quotes(text) if _OPEN in text else text
    return _BLANKS.sub("\n\n", _LINE_ENDS.sub("", text)).strip()


class _Containers:
    """Open div/blockquote elements, and which of them are quote containers."""

    __slots__ = ("_marks", "_open")

    def __init__(self, marks: tuple[str, ...]) -> None:
        self._marks = marks
        self._open: list[bool] = []

    def edge(self, tag: re.Match[str]) -> str:
        closing, name, attrs = tag.groups()
        if closing:
            return f"\n{_CLOSE}\n" if self._open and self._open.pop() else "\n"
        quote = name.lower() == "blockquote" or any(m in attrs for m in self._marks)
        self._open.append(quote)
        return f"\n{_OPEN}\n" if quote else "\n"


def _mark_quotes(text: str) -> str:
    lines, depth = [], 0
    for line in text.split("\n"):
        if line in (_OPEN, _CLOSE):
            depth += 1 if line == _OPEN else -1
            continue
        stripped = line.strip()
        marker = "> " * min(depth, MAX_QUOTE_DEPTH)
        lines.append(marker + stripped if depth and stripped else stripped if depth else line)
    return "\n".join(lines)

"""HTML mail into plain text, with quoted history marked by "> " (pure).

selectolax (Lexbor) parses broken real-world HTML quickly and never raises on it,
which beats a hand-written tag stripper; we walk its tree once and keep block
structure as line breaks. Gmail, Outlook and Apple quote containers become
"> "-prefixed lines, so the plain-text quote splitter handles both kinds of mail.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from app.core.mail.tagscan import MAX_QUOTE_DEPTH, scan_text

_BLOCK_TAGS = (
    "address article aside blockquote dd div dl dt fieldset figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody thead tfoot tr ul"
)
_SKIP_TAGS = "script style head title noscript template svg"
_BLOCK = frozenset(_BLOCK_TAGS.split())
_SKIP = frozenset(_SKIP_TAGS.split())
_QUOTE_CLASSES = ("gmail_quote", "yahoo_quoted", "moz-cite-prefix", "OutlookMessageHeader")
_QUOTE_IDS = ("divRplyFwdMsg", "appendonsend", "x_divRplyFwdMsg")
_MAX_HTML = 2_000_000  # characters; beyond this the tail is ignored (see bench: cost stays linear)
# Lexbor's tree building slows down with nesting depth (25,000 nested divs: seconds; 2,000
# nested lists: 70 ms) and our walk costs ~5 us an element; past these sizes
# `tagscan` gives the same lines and quote markers in one linear pass.
_TREE_LIMIT = 200_000
_TREE_CONTAINERS = 2_000
_TREE_TAGS = 2_500  # elements; a long newsletter has one or two thousand
# Characters of huge markup read (tens of thousands of words of text): introductions come
# first, and the cost of everything after grows with it. Not below `_TREE_LIMIT`, so that
# `truncates` holds exactly when markup is cut; `assemble` flags the cut.
_MAX_SCANNED = 200_000
_QUOTE_MARKS = (*_QUOTE_CLASSES, *_QUOTE_IDS)
_BLANKS = re.compile(r"\n{3,}")
_WHITE = re.compile(r"[ \t\r\n]+")
_MARKERS_ONLY = re.compile(r"^[\s>]*$")


def html_to_text(markup: str) -> str:
    """Readable text of an HTML body; quoted containers come out as "> " lines."""
    if not markup.strip():
        return ""
    markup = markup[:_MAX_HTML]
    if _too_deep(markup):
        return scan_text(markup[:_MAX_SCANNED], _QUOTE_MARKS)
    tree = LexborHTMLParser(markup)
    out: list[str] = []
    _walk(tree.body or tree.root, out, depth=0)  # a frameset page has no body
    return _tidy("".join(out))


def truncates(markup: str) -> bool:
    """Whether `html_to_text` leaves some of this markup unread (it is too long)."""
    return len(markup) > _MAX_SCANNED and not markup[_MAX_SCANNED:].isspace()


def _tidy(text: str) -> str:
    text = text.replace("\xa0", " ")
    # A quote marker with no words after it is a blank line inside the quote.
    lines = ["" if _MARKERS_ONLY.match(line) else line.rstrip() for line in text.split("\n")]
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip()


def _too_deep(markup: str) -> bool:
    """Big or div-heavy markup, where a tree builder's cost grows with nesting depth."""
    if len(markup) > _TREE_LIMIT:
        return True
    if markup.count("<") > _TREE_TAGS:
        return True
    lower = markup.lower()
    return lower.count("<div") + lower.count("<blockquote") > _TREE_CONTAINERS


def _is_quote(node: LexborNode) -> bool:
    if node.tag == "blockquote":
        return True
    attrs = node.attributes
    classes = attrs.get("class") or ""
    ident = attrs.get("id") or ""
    return any(c in classes for c in _QUOTE_CLASSES) or ident in _QUOTE_IDS


def _walk(node: LexborNode | None, out: list[str], depth: int) -> None:
    stack: list[tuple[LexborNode | None, int, str]] = [(node, depth, "")]
    # Iterative walk: deeply nested mail must not hit Python's recursion limit.
    while stack:
        current, level, closing = stack.pop()
        if current is None:
            out.append(closing)
            continue
        tag = current.tag or ""
        if tag == "-text":
            _emit_text(current.text_content or "", out, level)
            continue
        if tag in _SKIP or tag.startswith("-"):
            continue
        if tag == "br":
            out.append("\n" + "> " * level)
            continue
        inner = min(level + 1, MAX_QUOTE_DEPTH) if _is_quote(current) else level
        block = tag in _BLOCK
        if block:
            out.append("\n" + "> " * inner)
        stack.append((None, level, "\n" + "> " * level if block else ""))
        children = list(_children(current))
        stack.extend((child, inner, "") for child in reversed(children))


def _children(node: LexborNode) -> list[LexborNode]:
    kids = []
    child = node.child
    while child is not None:
        kids.append(child)
        child = child.next
    return kids


def _emit_text(text: str, out: list[str], level: int) -> None:
    text = _WHITE.sub(" ", text)
    if text.strip() or (out and not out[-1].endswith((" ", "\n"))):
        out.append(text)

"""Where a draft's own words end: quoted history and legal footers the splitter missed (pure).

`mail.body.split_body` handles the common reply headers; two shapes it leaves in
the own text would otherwise be read as the user's words: Lotus Notes headers
("jane@x.com on 11/22/2000 06:45:42 AM" followed by "To:") and confidentiality
footers ("This email and any files transmitted with it are confidential").
"""

from __future__ import annotations

import re

from app.core.checks.caseless import Caseless

_LOTUS = Caseless(
    r"^[^\n]{0,160}\bon \d{1,2}/\d{1,2}/\d{2,4}\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:AM|PM)?\s*\n"
    r"(?:[^\n]*\n){0,2}\s*To:",
    re.MULTILINE,
    needs=("to:",),
)
# The reference shape (kept for tests): backtracks badly on whitespace runs.
_FOOTER_LEGACY = re.compile(
    r"^\s*(?:\*{10,}|={10,}|-{10,})?\s*\n?\s*(?:this (?:e-?mail|message|communication)"
    r"(?: and any (?:files|attachments))?[^\n]{0,80}\b(?:confidential|privileged|intended solely)"
    r"|confidentiality (?:notice|footer)|disclaimer:)",
    re.IGNORECASE | re.MULTILINE,
)


_FOOTER_BODY = Caseless(
    r"this (?:e-?mail|message|communication)"
    r"(?: and any (?:files|attachments))?[^\n]{0,80}\b(?:confidential|privileged|intended solely)"
    r"|confidentiality (?:notice|footer)|disclaimer:",
    needs=("this ", "confidentiality ", "disclaimer:"),
)
_RULE_CHARS = "*=-"
_RULE_MIN = 10
_CHUNK = 256


def _ws_run_start(text: str, end: int) -> int:
    """Start of the run of whitespace (as `\\s` sees it) that ends at `end`."""
    while end > 0:
        low = max(0, end - _CHUNK)
        kept = text[low:end].rstrip()
        if kept:
            return low + len(kept)
        end = low
    return 0


def _line_start_before(text: str, start: int) -> int:
    """Earliest line start p with only whitespace in text[p:start], or -1 if none.

    The whitespace run before `start` begins at r; line starts in it are 0 (if
    r == 0) and each position just after a newline in text[r:start].
    """
    run = _ws_run_start(text, start)
    if run == 0:
        return 0
    newline = text.find("\n", run, start)
    return newline + 1 if newline >= 0 else -1


def _footer_start(text: str) -> int:
    """Where `_FOOTER_LEGACY` would match (-1 if nowhere), in linear time.

    That pattern is ^ws*[rule ws*]body with MULTILINE. Every alternative of the
    body and of the rule begins with a non-space character, so from a line start
    the leading whitespace can only end at the next non-space character: a match
    starts at the first line start of the whitespace run before either the body
    or a rule (a whole token of ten or more '*', '=' or '-') just before it.
    Trying body occurrences left to right gives the leftmost match. The regex
    itself backtracks over every split of the whitespace between its three `\\s*`,
    which made a 22 KB HTML message take half a second.
    """
    prepared = _FOOTER_BODY.prepare(text)
    if prepared is None:
        return -1
    body_pattern, searched = prepared  # same offsets as `text`
    pos = 0
    while (m := body_pattern.search(searched, pos)) is not None:
        body = m.start()
        run = _ws_run_start(text, body)
        if run > 0 and text[run - 1] in _RULE_CHARS:
            char = text[run - 1]
            rule = run - 1
            while rule > 0 and text[rule - 1] == char:
                rule -= 1
            if run - rule >= _RULE_MIN and (rule == 0 or text[rule - 1].isspace()):
                start = _line_start_before(text, rule)
                if start >= 0:
                    return start
        start = _line_start_before(text, body)
        if start >= 0:
            return start
        pos = body + 1
    return -1


def own_words_end(text: str) -> int:
    """Offset where quoted history or a legal footer starts (len(text) if none)."""
    ends = [m.start() for m in (_LOTUS.first(text),) if m]
    footer = _footer_start(text)
    if footer >= 0:
        ends.append(footer)
    return min(ends) if ends else len(text)

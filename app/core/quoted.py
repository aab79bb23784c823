"""Earlier messages quoted inside a reply, read back into `Email`s (pure).

A reply often carries the introduction only as quoted history; this recovers the
quoted messages (Outlook header blocks, "On ... wrote:" lines, "> " quoting) so
the detector can find the introduction a thread started with.
"""

from __future__ import annotations

import re

from app.core.addresses import parse_addresses, with_names
from app.core.model import Address, Email
from app.core.quotes import split_body, strip_quote_markers

_BLOCK_START = re.compile(
    r"^\s*(?:-{2,}\s*(?:original message|forwarded message|forwarded by)[^\n]*|"
    r"original message|begin forwarded message:?|_{10,}|on .{0,200}?wrote:)\s*$",
    re.IGNORECASE | re.MULTILINE,
)
_HEADER = re.compile(r"^\s*\*?(from|to|cc|subject|sent|date)\*?\s*:\s*(.*)$", re.IGNORECASE)
_WROTE = re.compile(r"^\s*on .{0,200}?,\s*(?P<who>[^,]+?)\s*(?:<(?P<addr>[^>]+)>)?\s*wrote:", re.I)
_MAX_BLOCKS = 10
_MAX_QUOTED = 200_000


def quoted_messages(email: Email) -> tuple[Email, ...]:
    """The messages quoted in `email`, newest first."""
    text = strip_quote_markers(email.quoted_text[:_MAX_QUOTED])
    if not text.strip():
        return ()
    starts = [m.start() for m in _BLOCK_START.finditer(text)] or [0]
    if starts[0] != 0:
        starts.insert(0, 0)
    bounds = [*starts, len(text)]
    found = []
    for begin, end in zip(bounds, bounds[1:], strict=False):
        block = text[begin:end]
        if block.strip():
            found.append(_read_block(block, email))
        if len(found) >= _MAX_BLOCKS:
            break
    return tuple(found)


def _read_block(block: str, outer: Email) -> Email:
    lines = block.split("\n")
    fields: dict[str, str] = {}
    body_from = 0
    for i, line in enumerate(lines[:15]):
        wrote = _WROTE.match(line)
        if wrote:
            fields["from"] = f"{wrote.group('who')} <{wrote.group('addr') or ''}>"
            body_from = i + 1
            continue
        header = _HEADER.match(line)
        if header:
            fields[header.group(1).lower()] = header.group(2)
            body_from = i + 1
        elif fields and line.strip():
            break
    split = split_body("\n".join(lines[body_from:]))
    return Email(
        subject=fields.get("subject", outer.subject),
        sender=_first(fields.get("from", "")),
        to=_people(fields.get("to", "")),
        cc=_people(fields.get("cc", "")),
        text="\n".join(lines[body_from:]),
        new_text=split.own,
        quoted_text=split.quoted,
        signature=split.signature,
        headers_present=bool(fields),
        problems=("read from quoted history",),
    )


def _people(value: str) -> tuple[Address, ...]:
    # Outlook prints "Last, First; Last2, First2": semicolons separate people there.
    if ";" in value:
        return tuple(a for part in value.split(";") for a in _people(part))
    found = parse_addresses(value)
    if len(found) == 2 and not found[0].email and not found[1].email:
        found = parse_addresses(value.replace(",", " ", 1)) if "," in value else found
    return with_names(found, ())


def _first(value: str) -> Address | None:
    found = _people(value)
    return found[0] if found else None

"""Split a message's own words from quoted history and its signature (pure).

Hand-written rather than quotequail/mail-parser-reply: those libraries cut at the
first reply header only, miss the Outlook/Exchange header blocks (`From: / Sent:`)
and OCR'd "Original Message" banners common in real archives, and cost more per
message than our ~1 ms budget allows. The rules here are line-based and linear.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Lines that open quoted or forwarded history by themselves, as one alternation (one
# regex call per line). "From:" lines and "> " quoting need context: see `_starts_quote`.
_QUOTE_LINE = re.compile(
    "|".join(
        f"(?:{p})"
        for p in (
            r"^\s*-{2,}\s*(original message|forwarded message|original|message d'origine)\s*-*\s*$",
            r"^\s*-{2,}\s*forwarded by .*$",
            r"^\s*-+\s*(forwarded|original) (message|e-?mail).*$",
            r"^\s*(original message|forwarded message)\s*$",
            r"^\s*begin forwarded message:?\s*$",
            r"^\s*_{10,}\s*$",
            r"^\s*on .{0,200}\b(wrote|writes|schrieb|a écrit|escribió|scrisse|skrev)\s*:\s*$",
            r"^\s*am .{0,120} schrieb .{0,120}:\s*$",
            r"^\s*le .{0,120} a écrit\s*:\s*$",
            r"^\s*el .{0,120} escribió\s*:\s*$",
        )
    ),
    re.IGNORECASE,
)
_WROTE_TAIL = re.compile(r"\b(wrote|writes|schrieb|a écrit|escribió)\s*:\s*$", re.IGNORECASE)
_ON_HEAD = re.compile(r"^\s*(on|am|le|el)\s", re.IGNORECASE)
_HEADER_LINE = re.compile(r"^\s*\*?(sent|to|cc|subject|date|de|envoyé|à|objet)\*?\s*:", re.I)
_LOTUS_HEAD = re.compile(
    r"^.{0,160}\bon \d{1,2}/\d{1,2}/\d{2,4}\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AP]M)?\s*$", re.I
)
_TO_LINE = re.compile(r"^\s*to:", re.IGNORECASE)
_FORWARD_HINT = re.compile(r"forward|begin forwarded|fwd", re.IGNORECASE)
_SIGNOFF = re.compile(
    r"^\s*(best|best regards|best wishes|all the best|kind regards|warm regards|warmly|regards|"
    r"thanks|thank you|thanks again|many thanks|thx|cheers|sincerely|yours|yours truly|"
    r"yours sincerely|talk soon|take care|love|ciao|saludos|cordialement|viele grüße|"
    r"mit freundlichen grüßen|un saludo|abrazos|atentamente|bien à vous|grüße)\s*[,.!]*\s*$",
    re.IGNORECASE,
)
_SIG_DELIM = re.compile(r"^\s*(--|__|—)\s*$|^--\s?$")
_MOBILE = re.compile(r"^\s*sent from my \w+|^\s*get outlook for", re.IGNORECASE)
_MAX_LINES = 20_000  # a longer body is read up to here; the rest counts as quoted history


@dataclass(frozen=True, slots=True)
class Split:
    """The three parts of a body: own words, signature, quoted or forwarded history."""

    own: str
    signature: str
    quoted: str
    forwarded: bool


def split_body(text: str) -> Split:
    """Split a plain-text body into own words, signature and quoted history."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    cut = _quote_start(lines[:_MAX_LINES])
    own_lines, quoted_lines = lines[:cut], lines[cut:]
    forwarded = any(_FORWARD_HINT.search(line) for line in quoted_lines[:3])
    body, signature = _split_signature(own_lines)
    return Split(
        own="\n".join(body).strip(),
        signature="\n".join(signature).strip(),
        quoted="\n".join(quoted_lines).strip(),
        forwarded=forwarded,
    )


def _quote_start(lines: list[str]) -> int:
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        if _starts_quote(lines, i):
            return i
    return len(lines)


def _starts_quote(lines: list[str], i: int) -> bool:
    line = lines[i]
    stripped = line.strip()
    if stripped.lower().startswith(("from:", "*from:")):
        # A From: line opens quoted history only when header lines follow it.
        following = [x for x in lines[i + 1 : i + 6] if x.strip()]
        return sum(bool(_HEADER_LINE.match(x)) for x in following) >= 1
    if _ON_HEAD.match(line) and not _WROTE_TAIL.search(line) and i + 1 < len(lines):
        return bool(_WROTE_TAIL.search(line + " " + lines[i + 1]))
    if _LOTUS_HEAD.match(line):
        # Lotus Notes: "Jane Doe@ACME on 04/02/2025 05:30 PM" then a To: line.
        return any(_TO_LINE.match(x) for x in lines[i + 1 : i + 4])
    if stripped.startswith(">"):
        # One stray ">" line in the middle of prose is not a quote block.
        nxt = next((x for x in lines[i + 1 : i + 3] if x.strip()), ">")
        return nxt.strip().startswith(">") or i + 1 >= len(lines) - 1
    return _QUOTE_LINE.match(line) is not None


def _split_signature(lines: list[str]) -> tuple[list[str], list[str]]:
    while lines and not lines[-1].strip():
        lines = lines[:-1]
    for i, line in enumerate(lines):
        if _SIG_DELIM.match(line) or _MOBILE.match(line):
            return lines[:i], lines[i:]
    start = max(0, len(lines) - 12)
    for i in range(len(lines) - 1, start - 1, -1):
        if _SIGNOFF.match(lines[i]) and _signs_off(lines, i):
            return lines[:i], lines[i:]
    return lines, []


def _signs_off(lines: list[str], i: int) -> bool:
    """A sign-off ends the words ("Best," + a short name block), it does not open them."""
    before = any(line.strip() for line in lines[:i])
    after = [line for line in lines[i + 1 :] if line.strip()]
    return before and len(after) <= 6 and all(len(line) <= 80 for line in after)


def strip_quote_markers(text: str) -> str:
    """Remove leading "> " markers from quoted lines."""
    return "\n".join(re.sub(r"^(\s*>)+ ?", "", line) for line in text.split("\n"))

"""What of a suggested reply to insert into a draft the user already started (pure).

The suggestion is a greeting, a body and a sign-off, separated by blank lines. When
the user's own draft already opens with a greeting, or already closes with a sign-off,
inserting ours would stack a second one: only what is missing goes in. A closing line
ends with "," or "!" ("Best,"), or is one of the banks' sign-offs in any language (German
writes "Viele Grüße" with no comma).
"""

from __future__ import annotations

import re
from functools import cache

from app.core.reply.bank import VARIETIES, bank_for

_MAX_GREETING_WORDS = 8
_MAX_SIGN_OFF_WORDS = 6
_CLOSING = re.compile(r"[,!]\s*$")


@cache
def _sign_offs() -> frozenset[str]:
    """Every sign-off of every bank, lower case, without its trailing punctuation."""
    lines = (
        line
        for code in VARIETIES
        for voice_lines in bank_for(code).slots.get("sign_off", {}).values()
        for line in voice_lines
    )
    return frozenset(_bare(line) for line in lines)


def _bare(line: str) -> str:
    return line.strip().rstrip(",!.").strip().lower()


def _is_closing(line: str) -> bool:
    return bool(_CLOSING.search(line)) or _bare(line) in _sign_offs()


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]


def _is_greeting(paragraph: str) -> bool:
    lines = paragraph.splitlines()
    first = lines[0].strip() if lines else ""
    return (
        len(lines) == 1
        and 0 < len(first.split()) <= _MAX_GREETING_WORDS
        and bool(_CLOSING.search(first) or first.endswith(":"))
    )


def _is_sign_off(paragraph: str) -> bool:
    lines = [line.strip() for line in paragraph.splitlines() if line.strip()]
    return (
        1 <= len(lines) <= 3
        and _is_closing(lines[0])
        and all(len(line.split()) <= _MAX_SIGN_OFF_WORDS for line in lines)
    )


def _ends_with_sign_off(own: str) -> bool:
    """The user's text ends with a short closing ("Best," or "Thanks!"), then a name or two."""
    lines = [line.strip() for line in own.strip().splitlines() if line.strip()]
    for k in range(1, min(3, len(lines)) + 1):
        closing, after = lines[-k], lines[len(lines) - k + 1 :]
        if (
            _is_closing(closing)
            and len(closing.split()) <= 3
            and all(len(line.split()) <= 4 for line in after)
        ):
            return True
    return False


def to_insert(suggestion: str, own: str) -> str:
    """The part of `suggestion` to insert above `own` (the user's draft, "" if unknown)."""
    parts = _paragraphs(suggestion)
    if not own.strip() or len(parts) < 3:
        return suggestion.strip()
    own_parts = _paragraphs(own)
    if own_parts and _is_greeting(own_parts[0]) and _is_greeting(parts[0]):
        parts = parts[1:]
    if _ends_with_sign_off(own) and _is_sign_off(parts[-1]):
        parts = parts[:-1]
    return "\n\n".join(parts)

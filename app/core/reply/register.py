"""The register an introduction is written in (tú / usted, du / Sie …), and pt-BR or pt-PT (pure).

Each bank file lists the forms that give a register away: `informal` and `polite` words or
phrases, matched on folded text ("tú" and "tu" alike), `re:` entries as patterns, and
`courtesy` forms that only count capitalised past a sentence's first word (German "Sie",
Italian "Lei": at the start of a sentence they may mean "she" or "they"). Plural forms
shared by both registers (French "vous", Spanish "ustedes", Italian "voi") are not listed:
an introduction addresses two people, so they tell nothing. More forms of one register
than the other decide; a tie, or none, tells nothing (`usual_register` is then the
language's usual form for a first contact, `default_register` in its file).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

from app.core.intro.lexicon import fold
from app.core.reply.bank import VARIETIES, bank_data

Register = Literal["informal", "polite"]
_OPENERS = frozenset('.!?:;"«»“”¿¡-–—*>')
_MAX_TEXT = 6_000


def register_of(text: str, code: str) -> Register | None:
    """The register `text` is written in, for the bank `code`; None when it does not tell."""
    data = _markers(code)
    if data is None:
        return None
    folded = fold(text[:_MAX_TEXT])
    informal = _count(data.informal, folded)
    polite = _count(data.polite, folded) + _courtesy(data.courtesy, text[:_MAX_TEXT])
    if informal == polite:
        return None
    return "informal" if informal > polite else "polite"


def usual_register(code: str) -> Register:
    """The language's usual register for a first contact, when the mail does not tell."""
    data = _markers(code)
    return data.default if data else "informal"


def portuguese_variety(text: str) -> str:
    """ "pt-PT" when the text reads as European Portuguese, else "pt-BR"."""
    folded = fold(text[:_MAX_TEXT])
    scores = {code: _count(_variety(code), folded) for code in ("pt-BR", "pt-PT")}
    return "pt-PT" if scores["pt-PT"] > scores["pt-BR"] else "pt-BR"


def _count(pattern: re.Pattern[str] | None, folded: str) -> int:
    return len(pattern.findall(folded)) if pattern else 0


def _courtesy(pattern: re.Pattern[str] | None, text: str) -> int:
    """Capitalised courtesy forms that do not open a sentence."""
    if pattern is None:
        return 0
    count = 0
    for match in pattern.finditer(text):
        before = text[: match.start()].rstrip()
        if before and before[-1] not in _OPENERS and not before.endswith("\n"):
            count += 1
    return count


def _compile(entries: list[str], *, fold_case: bool = True) -> re.Pattern[str] | None:
    parts = []
    for entry in entries:
        if entry.startswith("re: "):
            parts.append(entry[4:])
            continue
        word = re.escape(fold(entry) if fold_case else entry)
        parts.append(rf"(?<![\w'-]){word}" + ("" if entry.endswith("'") else r"(?![\w'-])"))
    return re.compile("|".join(parts)) if parts else None


@dataclass(frozen=True, slots=True)
class _Markers:
    informal: re.Pattern[str] | None
    polite: re.Pattern[str] | None
    courtesy: re.Pattern[str] | None
    default: Register


@cache
def _markers(code: str) -> _Markers | None:
    code = "pt-BR" if code == "pt" else code
    if code not in VARIETIES or code == "en":
        return None
    data = bank_data(code)
    lists = data["register"]
    return _Markers(
        _compile(lists["informal"]),
        _compile(lists["polite"]),
        _compile(lists["courtesy"], fold_case=False),
        "polite" if data.get("default_register") == "polite" else "informal",
    )


@cache
def _variety(code: str) -> re.Pattern[str] | None:
    return _compile(list(bank_data(code).get("variety", [])))


__all__ = ["Register", "portuguese_variety", "register_of", "usual_register"]

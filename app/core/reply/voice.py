"""Which language, variety and register the suggested reply is written in, and why (pure).

The language is the user's `language` preference, or ("auto") the introduction's; a
language we do not write gets English and a one-line note saying why. The register
follows the other side's own reply when there is one, else the introducer's words,
else the language's usual form for a first contact; the formal tone always uses the
polite form (usted, Sie, vous, Lei, u).
"""

from __future__ import annotations

from dataclasses import dataclass

from app.core.intro import settle_language
from app.core.preferences import Tone
from app.core.reply.bank import LANGUAGES, Bank, bank_for
from app.core.reply.register import portuguese_variety, register_of, usual_register

FOREIGN = (
    "Written in English: we write replies in English, Spanish, German, French, Portuguese, "
    "Italian and Dutch, and this introduction reads as none of them."
)


@dataclass(frozen=True, slots=True)
class Voice:
    """The bank to write with, whether to use the polite form, and a note for the user."""

    bank: Bank
    polite: bool = False
    note: str = ""


def choose_voice(
    *, setting: str, detected: str, intro_text: str, reply_text: str, tone: Tone, introducer: str
) -> Voice:
    """The voice of the reply.

    Args:
        setting: the user's language preference ("auto" or a language code).
        detected: the introduction's language as detection read it.
        intro_text: the introducer's own words (register, variety, "is it English?").
        reply_text: the other side's own reply, when they answered first ("" otherwise).
        tone: warm or formal.
        introducer: the introducer's first name, for the note.
    """
    chosen = setting in LANGUAGES
    language = setting if chosen else settle_language(intro_text, detected)
    if not language:  # none of the seven: English, and the note says why
        return Voice(bank_for("en"), note=FOREIGN)
    if language == "en":
        return Voice(bank_for("en"))
    code = portuguese_variety(f"{reply_text}\n{intro_text}") if language == "pt" else language
    bank = bank_for(code)
    written = register_of(reply_text, code) or register_of(intro_text, code)
    polite = tone == "formal" or (written or usual_register(code)) == "polite"
    source = "as your language setting asks" if chosen else "the language of the introduction"
    form = bank.forms[1] if polite else bank.forms[0]
    if tone == "formal":
        how = f"{form} for the formal tone"
    elif written:
        who = "they" if register_of(reply_text, code) else introducer or "the introducer"
        how = f"{form}, as {who} wrote"
    else:
        how = f"{form}, the usual form for a first contact"
    return Voice(bank, polite, f"Written in {bank.name}, {source}, with {how}.")


__all__ = ["FOREIGN", "Voice", "choose_voice"]

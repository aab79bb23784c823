"""The suggested reply's sentence banks, one per language, and how a slot's lines are chosen (pure).

English is the bank in `phrasing` (its constants, unchanged); the other languages are data
files written by fluent writers, `banks/<code>.json` (es, de, fr, it, nl, pt-BR, pt-PT), no
translation at run time. A slot holds lines per voice:

- `warm` and `formal`: the two tones; `formal` always uses the polite form of address
  (usted, Sie, vous, Lei, u, o senhor / a 3.ª pessoa);
- `warm_polite`: the warm tone when the introducer wrote in the polite register (slots
  that address the reader, and greetings or sign-offs that would be too familiar beside
  the polite form, "Ciao" with "Lei"; others fall back to `warm`);
- `group_warm` / `group_formal`: several readers at once, written without a form of address
  (no "vosotros / ustedes" choice to make).

Lines never need a gender or case the data does not give: names stand alone ("Hola, Sue:"),
never behind a gendered adjective ("Estimada", "Liebe", "Chère").
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from app.core.preferences import NEXT_STEPS, NextStep, Tone
from app.core.reply import phrasing as ph


def next_slot(step: NextStep) -> str:
    """The slot proposing this next step."""
    return f"next_{step}"


LANGUAGES = ("en", "es", "de", "fr", "pt", "it", "nl")
VARIETIES = ("en", "es", "de", "fr", "pt-BR", "pt-PT", "it", "nl")
# The slots proposing a meeting: one per next step the user can pick, then the open one.
PROPOSING = (*(next_slot(step) for step in NEXT_STEPS), "flexible")
SLOTS = (
    "greeting",
    "greeting_no_name",
    "greeting_all",
    "thanks",
    "thanks_no_name",
    "thanks_again",
    "thanks_again_bcc",
    "answer",
    "interest_fact",
    "interest_ref",
    "interest_plain",
    *PROPOSING,
    "sign_off",
    "accept",
    "counter",
)
# Slots that address the reader, so they carry a `warm_polite` voice outside English.
ADDRESSING = ("answer", "interest_ref", "interest_plain", *PROPOSING, "accept", "counter")
# Slots used with several readers: they carry `group_warm` / `group_formal` outside English.
GROUP = ("answer", "interest_plain", *PROPOSING)
Lines = Mapping[str, tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class Bank:
    """One language's lines per slot and voice, and how it joins names."""

    code: str
    name: str
    slots: Mapping[str, Lines]
    conjunction: str = "and"
    # A conjunction that changes before some sounds (Spanish "y" → "e" before "i-", "hi-").
    conjunction_alt: tuple[str, str] = ("", "")
    default_register: str = "informal"
    lower_after_comma: bool = False
    forms: tuple[str, str] = ("", "")
    # The kinds of meeting as nouns ("un café", "ein Videotelefonat"), for `counter` lines'
    # `{alternative}`; a bank without them accepts the other side's proposal as it stands.
    step_nouns: Mapping[str, str] = field(default_factory=dict)

    def lines(
        self, slot: str, tone: Tone, *, polite: bool = False, group: bool = False
    ) -> Sequence[str]:
        """The lines of a slot for this tone, register and number of readers."""
        voices = self.slots.get(slot, {})
        keys = [f"group_{tone}"] if group else []
        keys += ["warm_polite"] if tone == "warm" and polite else []
        keys.append(tone)
        return next((voices[k] for k in keys if voices.get(k)), ())

    def join(self, names: Sequence[str]) -> str:
        """ "Sue", "Sue and Joe", "Sue, Tom and Joe" in this language."""
        if len(names) <= 1:
            return "".join(names)
        word = self.conjunction
        pattern, alt = self.conjunction_alt
        if pattern and re.match(pattern, names[-1], re.IGNORECASE):
            word = alt
        return ", ".join(names[:-1]) + f" {word} " + names[-1]


@cache
def bank_for(code: str) -> Bank:
    """The bank of a language or variety ("pt" is Brazilian); English for any other code."""
    code = "pt-BR" if code == "pt" else code
    if code not in VARIETIES or code == "en":
        return _english()
    data = bank_data(code)
    slots = {
        s: {v: tuple(lines) for v, lines in voices.items()} for s, voices in data["slots"].items()
    }
    alt = data.get("conjunction_alt", ["", ""])
    return Bank(
        code,
        data["name"],
        slots,
        data["conjunction"],
        (alt[0], alt[1]),
        data.get("default_register", "informal"),
        bool(data.get("lower_after_comma")),
        (data["forms"]["informal"], data["forms"]["polite"]),
        dict(data.get("step_nouns", {})),
    )


@cache
def bank_data(code: str) -> dict[str, Any]:
    """The raw JSON of a bank file (`register` reads its lists of forms)."""
    path = resources.files("app.core.reply").joinpath(f"banks/{code}.json")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _english() -> Bank:
    def tones(bank: Mapping[Tone, tuple[str, ...]]) -> Lines:
        return {"warm": bank["warm"], "formal": bank["formal"]}

    def step(name: NextStep) -> Lines:
        return {t: ph.NEXT_STEP[(name, t)] for t in ("warm", "formal")}

    slots: dict[str, Lines] = {
        "greeting": tones(ph.GREETING),
        "greeting_no_name": tones(ph.GREETING_NO_NAME),
        "greeting_all": {"warm": ("Hi all,",), "formal": ("Hello all,",)},
        "thanks": tones(ph.THANKS),
        "thanks_no_name": tones(ph.THANKS_NO_NAME),
        "thanks_again": tones(ph.THANKS_AGAIN),
        "thanks_again_bcc": tones(ph.THANKS_AGAIN_BCC),
        "answer": tones(ph.ANSWER),
        "interest_fact": tones(ph.INTEREST_FACT),
        "interest_plain": tones(ph.INTEREST_PLAIN),
        "next_coffee": step("coffee"),
        "next_call": step("call"),
        "next_video": step("video"),
        "flexible": tones(ph.FLEXIBLE),
        "sign_off": tones(ph.SIGN_OFF),
        "accept": tones(ph.ACCEPT),
        "counter": tones(ph.COUNTER),
    }
    return Bank("en", "English", slots)


__all__ = [
    "ADDRESSING",
    "GROUP",
    "LANGUAGES",
    "PROPOSING",
    "SLOTS",
    "VARIETIES",
    "Bank",
    "bank_data",
    "bank_for",
    "next_slot",
]

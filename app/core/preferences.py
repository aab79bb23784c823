"""The user's coaching preferences: name, sign-off, next step, tone, language, checks (pure).

Kept as one frozen value so the core stays deterministic: the wording of a
suggested reply is a function of the introduction, these preferences and
`variant` (a user-chosen "show me another phrasing" counter), never of chance.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Literal

from app.core.checks.finding import ORDER
from app.core.i18n import N_

NextStep = Literal["coffee", "call", "video"]
Tone = Literal["warm", "formal"]

CHECK_CODES: frozenset[str] = frozenset(ORDER)  # every finding code, defined once in finding.py
# The choices and how the cards name them, as (label, value): the one table of both.
NEXT_STEP_LABELS: tuple[tuple[str, NextStep], ...] = (
    (N_("Coffee"), "coffee"),
    (N_("Phone call"), "call"),
    (N_("Video call"), "video"),
)
TONE_LABELS: tuple[tuple[str, Tone], ...] = ((N_("Warm"), "warm"), (N_("Formal"), "formal"))
NEXT_STEPS: tuple[NextStep, ...] = tuple(value for _, value in NEXT_STEP_LABELS)
TONES: tuple[Tone, ...] = tuple(value for _, value in TONE_LABELS)
# The language of the suggested reply: "auto" is the introduction's own; each language is
# named in itself, as a language menu does (so only "auto" is marked for translation).
LANGUAGE_LABELS: tuple[tuple[str, str], ...] = (
    (N_("Same as the introduction"), "auto"),
    ("English", "en"),
    ("Español", "es"),
    ("Deutsch", "de"),
    ("Français", "fr"),
    ("Português", "pt"),
    ("Italiano", "it"),
    ("Nederlands", "nl"),
)
REPLY_LANGUAGES: tuple[str, ...] = tuple(value for _, value in LANGUAGE_LABELS)


@dataclass(frozen=True, slots=True)
class Preferences:
    """How the user wants replies written and drafts checked.

    `name` and `sign_off` end the suggested reply ("Best," / "Sue"); empty values
    fall back to the tone's default sign-off and the user's name from the thread.
    `variant` picks another phrasing deterministically. `language` fixes the language of
    the suggested reply ("auto": the introduction's).
    """

    name: str = ""
    sign_off: str = ""
    next_step: NextStep = "coffee"
    tone: Tone = "warm"
    enabled_checks: frozenset[str] = field(default=CHECK_CODES)
    variant: int = 0
    language: str = "auto"

    def next_variant(self) -> Preferences:
        """The same preferences asking for the next phrasing."""
        return replace(self, variant=self.variant + 1)

    def is_enabled(self, code: str) -> bool:
        """Is this check code switched on? (`ask:job` counts as `ask`.)"""
        return code.split(":", 1)[0] in self.enabled_checks


def next_step_or(value: str, fallback: NextStep) -> NextStep:
    """`value` as a next step, or `fallback` when it names none."""
    return next((step for step in NEXT_STEPS if step == value), fallback)


def language_or(value: str, fallback: str) -> str:
    """`value` as a reply language ("auto" or a code), or `fallback` when it names none."""
    return value if value in REPLY_LANGUAGES else fallback


def tone_or(value: str, fallback: Tone) -> Tone:
    """`value` as a tone, or `fallback` when it names none."""
    return next((tone for tone in TONES if tone == value), fallback)

"""Form values as `Preferences`: the one parser of the homepage form and the card's choices.

Pure. A choice the form does not know (a stale card, a forged event) keeps the current
one; typed text is trimmed and bounded. The choices and their labels are defined once,
in `app.core.preferences`.
"""

from __future__ import annotations

from dataclasses import replace

from app.core.preferences import CHECK_CODES, Preferences, language_or, next_step_or, tone_or
from app.service.ports import Request

MAX_NAME = 80
MAX_SIGN_OFF = 40
MAX_VARIANT_DIGITS = 5


def preferences_from_form(req: Request, current: Preferences) -> Preferences:
    """The homepage's preferences form, saved over `current` (the phrasing starts again)."""
    checks = frozenset(c for c in req.form.get("checks", []) if c in CHECK_CODES)
    return Preferences(
        name=req.value("name").strip()[:MAX_NAME],
        sign_off=req.value("signOff").strip()[:MAX_SIGN_OFF],
        next_step=next_step_or(req.value("nextStep"), current.next_step),
        tone=tone_or(req.value("tone"), current.tone),
        enabled_checks=checks if "checks" in req.form else current.enabled_checks,
        language=language_or(req.value("language"), current.language),
    )


def card_choices(req: Request, prefs: Preferences) -> Preferences:
    """Preferences with the introduction card's current choices (dropdowns, phrasing) applied."""
    step = req.value("nextStep") or req.params.get("nextStep", "")
    tone = req.value("tone") or req.params.get("tone", "")
    variant = req.params.get("variant", "")
    chosen = variant.isdigit() and len(variant) <= MAX_VARIANT_DIGITS
    return replace(
        prefs,
        next_step=next_step_or(step, prefs.next_step),
        tone=tone_or(tone, prefs.tone),
        variant=int(variant) if chosen else prefs.variant,
    )

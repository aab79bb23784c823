"""The one form parser: the homepage form and the card's choices as `Preferences`."""

from __future__ import annotations

from dataclasses import replace

from app.core.preferences import CHECK_CODES, Preferences
from app.gmail.client import GmailAuth
from app.service.form import card_choices, preferences_from_form
from app.service.ports import Request

CURRENT = Preferences(name="Old", next_step="video", tone="formal", variant=3)


def _request(form: dict[str, list[str]], params: dict[str, str] | None = None) -> Request:
    return Request("user", "me@x.example", GmailAuth("token", None), params=params or {}, form=form)


def test_the_homepage_form_is_saved_over_the_current_preferences() -> None:
    """Typed text is trimmed and bounded; known choices win; the phrasing starts again."""
    form = {
        "name": ["  Dana " + "x" * 100],
        "signOff": [" Best, "],
        "nextStep": ["call"],
        "tone": ["warm"],
        "checks": ["ask", "not-a-check"],
        "language": ["fr"],
    }
    prefs = preferences_from_form(_request(form), CURRENT)
    assert prefs == Preferences(
        name=("Dana " + "x" * 100)[:80],
        sign_off="Best,",
        next_step="call",
        tone="warm",
        enabled_checks=frozenset({"ask"}),
        language="fr",
    )


def test_unknown_choices_keep_the_current_ones() -> None:
    """A choice the form does not know, or no checks field at all, keeps what was there."""
    form = {"nextStep": ["boat"], "tone": ["rude"], "language": ["klingon"]}
    prefs = preferences_from_form(_request(form), replace(CURRENT, language="nl"))
    assert (prefs.next_step, prefs.tone, prefs.enabled_checks) == ("video", "formal", CHECK_CODES)
    assert prefs.language == "nl"


def test_card_choices_from_the_form_then_the_parameters() -> None:
    """The dropdowns win over the action's parameters; a sane variant is taken."""
    req = _request({"tone": ["warm"]}, {"nextStep": "coffee", "tone": "formal", "variant": "7"})
    chosen = card_choices(req, CURRENT)
    assert chosen == Preferences(name="Old", next_step="coffee", tone="warm", variant=7)


def test_card_choices_ignore_what_they_do_not_know() -> None:
    """Unknown choices and a variant that is not a small number keep the preferences."""
    for variant in ("-1", "1e3", "123456"):
        req = _request({"nextStep": ["boat"]}, {"tone": "rude", "variant": variant})
        assert card_choices(req, CURRENT) == CURRENT

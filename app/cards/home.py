"""The homepage card: your recent introductions, what Intro Coach does, your
preferences, privacy (pure)."""

from __future__ import annotations

from collections.abc import Sequence

from app.cards.i18n import N_, _, translate
from app.cards.recent import Listed, recent_section
from app.cards.urls import Urls
from app.cards.widgets import (
    Widget,
    action,
    button,
    card,
    esc,
    paragraph,
    section,
    selection,
    text_input,
)
from app.core.preferences import LANGUAGE_LABELS, NEXT_STEP_LABELS, TONE_LABELS, Preferences

CHECK_LABELS = (
    (N_("Resume or CV attached"), "resume_attached"),
    (N_("Asking for something"), "ask"),
    (N_("Mostly about me"), "self_focus"),
    (N_("Throw-away offer of help"), "throwaway_offer"),
    (N_("Introducer left off"), "dropped_introducer"),
    (N_("No thanks to the introducer"), "no_thanks"),
    (N_("No next step"), "no_next_step"),
    (N_("Too long"), "too_long"),
    (N_("My introductions: someone left out"), "one_side_missing"),
    (N_("My introductions: no line about who they are"), "no_blurb"),
    (N_("My introductions: no reason to meet"), "no_reason"),
    (N_("My introductions: an ask on someone's behalf"), "ask_on_behalf"),
    (N_("My introductions: ask a busy person first"), "no_consent"),
    (N_("My introductions: a subject naming both"), "vague_subject"),
)
ABOUT = N_(
    "When someone introduces you by email, Intro Coach spots it, shows what they said "
    "about the other person and drafts a short reply to both: thanks, interest, and a "
    "coffee or call. While you write your own reply it warns you before you attach a "
    "resume, ask for favours, or leave the introducer off."
)
PRIVACY = N_(
    "Intro Coach reads only the message you open (and its thread) while the sidebar is "
    "open, analyses it on our server without any third-party AI service, and forgets it. "
    "We never store or log message text. We keep your preferences below, and for two "
    "weeks the addresses of people in introductions you opened, so the compose check "
    "can recognise the thread, with each thread's Gmail id and how far it got, for the "
    "list above."
)


def build(
    prefs: Preferences,
    urls: Urls,
    saved: bool = False,
    *,
    intros: Sequence[Listed] = (),
    me: str = "",
) -> Widget:
    """The homepage card: recent introductions (each with a link to its thread, for the
    signed-in address `me`) and the preferences form."""
    form = [
        text_input("name", _("Your name (for the sign-off)"), prefs.name),
        text_input("signOff", _("Sign-off (e.g. Best,)"), prefs.sign_off),
        selection(
            "nextStep",
            _("Next step I usually propose"),
            _labels(NEXT_STEP_LABELS),
            [prefs.next_step],
        ),
        selection("tone", _("Tone"), _labels(TONE_LABELS), [prefs.tone]),
        selection(
            "language",
            _("Language of the suggested reply"),
            _labels(LANGUAGE_LABELS),
            [prefs.language],
        ),
        selection(
            "checks",
            _("Warn me about"),
            _labels(CHECK_LABELS),
            prefs.enabled_checks,
            kind="CHECK_BOX",
        ),
    ]
    note = [paragraph("<b>" + esc(_("Saved.")) + "</b>")] if saved else []
    save = button(_("Save preferences"), action(urls.of("settings")), filled=True)
    return card(
        "Intro Coach",
        [
            recent_section(intros, me),
            section("", [paragraph(esc(translate(ABOUT)))]),
            section(_("Your preferences"), [*note, *form]),
            section(_("Privacy"), [paragraph(esc(translate(PRIVACY)))], collapse_after=0),
        ],
        subtitle=_("Make the most of every introduction"),
        name="home",
        footer=(save, None),
    )


def _labels(choices: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """A choice table's labels (marked with `N_`) in the current locale."""
    return [(translate(label), value) for label, value in choices]

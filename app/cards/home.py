"""The homepage card: your recent introductions, what Intro Coach does, your
preferences, privacy (pure)."""

from __future__ import annotations

from collections.abc import Sequence

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
    ("Resume or CV attached", "resume_attached"),
    ("Asking for something", "ask"),
    ("Mostly about me", "self_focus"),
    ("Throw-away offer of help", "throwaway_offer"),
    ("Introducer left off", "dropped_introducer"),
    ("No thanks to the introducer", "no_thanks"),
    ("No next step", "no_next_step"),
    ("Too long", "too_long"),
    ("My introductions: someone left out", "one_side_missing"),
    ("My introductions: no line about who they are", "no_blurb"),
    ("My introductions: no reason to meet", "no_reason"),
    ("My introductions: an ask on someone's behalf", "ask_on_behalf"),
    ("My introductions: ask a busy person first", "no_consent"),
    ("My introductions: a subject naming both", "vague_subject"),
)
ABOUT = (
    "When someone introduces you by email, Intro Coach spots it, shows what they said "
    "about the other person and drafts a short reply to both: thanks, interest, and a "
    "coffee or call. While you write your own reply it warns you before you attach a "
    "resume, ask for favours, or leave the introducer off."
)
PRIVACY = (
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
        text_input("name", "Your name (for the sign-off)", prefs.name),
        text_input("signOff", "Sign-off (e.g. Best,)", prefs.sign_off),
        selection("nextStep", "Next step I usually propose", NEXT_STEP_LABELS, [prefs.next_step]),
        selection("tone", "Tone", TONE_LABELS, [prefs.tone]),
        selection("language", "Language of the suggested reply", LANGUAGE_LABELS, [prefs.language]),
        selection("checks", "Warn me about", CHECK_LABELS, prefs.enabled_checks, kind="CHECK_BOX"),
    ]
    note = [paragraph("<b>Saved.</b>")] if saved else []
    save = button("Save preferences", action(urls.of("settings")), filled=True)
    return card(
        "Intro Coach",
        [
            recent_section(intros, me),
            section("", [paragraph(esc(ABOUT))]),
            section("Your preferences", [*note, *form]),
            section("Privacy", [paragraph(esc(PRIVACY))], collapse_after=0),
        ],
        subtitle="Make the most of every introduction",
        name="home",
        footer=(save, None),
    )

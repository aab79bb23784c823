"""The introduction card: who introduced whom, what was said, what matters, the reply (pure)."""

from __future__ import annotations

from dataclasses import replace

from app.cards.urls import Urls
from app.cards.widgets import (
    Widget,
    action,
    button,
    buttons,
    card,
    decorated,
    esc,
    paragraph,
    section,
    selection,
    text_input,
)
from app.core.mail import first_name
from app.core.model import Introduction, Person
from app.core.preferences import (
    NEXT_STEP_LABELS,
    NEXT_STEPS,
    TONE_LABELS,
    TONES,
    Preferences,
    next_step_or,
    tone_or,
)
from app.core.reply import ReplyAdvice

TIPS = (
    (
        "Keep {introducer} in the loop",
        "Reply to both, with {introducer} on Cc, so they see the thanks.",
    ),
    ("Make it about {other}", "Show interest in their work; leave your own story for later."),
    (
        "One small step",
        "Offer a short coffee or call in the next two weeks. No resume, no favours yet.",
    ),
)


# When the thread already moved the introducer to Bcc, the reply leaves them off.
BCC_TIP = (
    "{introducer} is off the thread now",
    "They were moved to Bcc, so the reply goes to {other} alone: one line of thanks to "
    "{introducer} in it still closes the loop.",
)


def build(
    intro: Introduction,
    advice: ReplyAdvice,
    prefs: Preferences,
    urls: Urls,
    ids: dict[str, str],
    *,
    edited: str = "",
) -> Widget:
    """The card for an introduction the user is part of (`edited`: the user's own text
    for the reply box, kept over a re-rendered suggestion)."""
    introducer = _short(intro.introducer)
    me = ids.get("me", "")
    others = [p for p in intro.introduced if not me or p.email != me]
    sections = [_about(intro, others), _state(advice)]
    if intro.user_role == "introducer":
        sections.append(_writing_check(intro))
    keeps_introducer = advice.suggestion is not None and any(
        a.email.lower() == intro.introducer.email.lower()
        for a in (*advice.suggestion.to, *advice.suggestion.cc)
    )
    if advice.suggestion is not None:
        sections.append(_tips(introducer, others, keeps_introducer))
        sections.append(_reply(advice, prefs, urls, ids, edited))
    footer = None
    if advice.suggestion is not None:
        params = {
            **ids,
            "draftField": draft_field(prefs),
            "nextStep": prefs.next_step,
            "tone": prefs.tone,
        }
        # The button says what the draft does: to both, or (the introducer moved to Bcc
        # by the other side) to the others alone.
        label = "Reply to both" if keeps_introducer else f"Reply to {_short(others[0])}"
        footer = (button(label, action(urls.of("reply"), params), filled=True), None)
    return card(
        "Introduction spotted",
        sections,
        subtitle=_headline(intro, others),
        name="intro",
        footer=footer,
    )


def draft_field(prefs: Preferences) -> str:
    """The name of the reply text box for these options."""
    return f"replyDraft_{prefs.next_step}_{prefs.tone}_{prefs.variant}"


def choices_of_field(name: str, prefs: Preferences) -> Preferences | None:
    """The choices a reply box named by `draft_field` was rendered with (None: not one)."""
    parts = name.split("_")
    if len(parts) != 4 or parts[0] != "replyDraft" or not parts[3].isdigit():
        return None
    if parts[1] not in NEXT_STEPS or parts[2] not in TONES:
        return None
    step = next_step_or(parts[1], prefs.next_step)
    tone = tone_or(parts[2], prefs.tone)
    variant = int(parts[3][:5])
    return replace(prefs, next_step=step, tone=tone, variant=variant)


def _headline(intro: Introduction, others: list[Person]) -> str:
    who = intro.introducer.name or intro.introducer.email or "Someone"
    if intro.user_role == "introducer":
        return f"You introduced {' and '.join(_full(p) for p in intro.introduced)}"
    if intro.user_role == "introduced" and others:
        return f"{who} introduced you to {' and '.join(_full(p) for p in others)}"
    return f"{who} introduced {' and '.join(_full(p) for p in intro.introduced)}"


def _about(intro: Introduction, others: list[Person]) -> Widget:
    widgets = []
    for person in others[:6]:
        text = esc(person.blurb) if person.blurb else "<i>No details given about them.</i>"
        if person.members:  # a team: the members the introduction names
            text += f"<br><b>Team:</b> {esc(_listed(person.members))}"
        speaker = "you" if intro.user_role == "introducer" else _short(intro.introducer)
        top = f"What {esc(speaker)} said about {esc(_short(person))}"
        widgets.append(decorated(text, top=top, bottom=esc(person.email), icon="PERSON"))
    return section("", widgets, collapse_after=2)


def _listed(names: tuple[str, ...]) -> str:
    """ "Noor, Caleb, Ines and Theo"."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _state(advice: ReplyAdvice) -> Widget:
    widgets = []
    if advice.why:
        widgets.append(paragraph(esc(advice.why)))
    widgets.extend(decorated(esc(move), icon="STAR") for move in advice.next_moves[:5])
    return section("Where things stand" if widgets else "", widgets)


def _writing_check(intro: Introduction) -> Widget:
    """For the introducer: did each person get a line on why the other should care?"""
    items = []
    for person in intro.introduced[:6]:
        if person.blurb:
            items.append(
                decorated(f"You told the others who {esc(_short(person))} is.", icon="STAR")
            )
        else:
            tip = f"Add a line about {_short(person)}: what they do and why this meeting helps."
            items.append(decorated(esc(tip), icon="BOOKMARK"))
    return section("Your introduction", items)


def _tips(introducer: str, others: list[Person], keeps_introducer: bool = True) -> Widget:
    other = _short(others[0]) if others else "them"
    tips = TIPS if keeps_introducer else (BCC_TIP, *TIPS[1:])
    items = [
        decorated(
            esc(body.format(introducer=introducer, other=other)),
            top=esc(title.format(introducer=introducer, other=other)),
        )
        for title, body in tips
    ]
    return section("What matters now", items, collapse_after=1)


def _reply(
    advice: ReplyAdvice, prefs: Preferences, urls: Urls, ids: dict[str, str], edited: str = ""
) -> Widget:
    suggestion = advice.suggestion
    assert suggestion is not None
    # The phrasing chosen survives a change of tone or next step.
    refresh = action(urls.of("refresh"), {**ids, "variant": str(prefs.variant)})
    # A new field name per option: Gmail keeps typed text in a field of the same name
    # across updateCard, which would hide the re-rendered suggestion.
    field = draft_field(prefs)
    recipients = "To: " + ", ".join(a.formatted() for a in suggestion.to)
    if suggestion.cc:
        recipients += " · Cc: " + ", ".join(a.formatted() for a in suggestion.cc)
    return section(
        "Suggested reply",
        [
            decorated(esc(recipients), top=esc(suggestion.subject)),
            text_input(
                field, "Your reply (edit freely)", edited or suggestion.body_text, multiline=True
            ),
            *_kept(edited, urls, ids, prefs),
            selection(
                "nextStep", "Next step", NEXT_STEP_LABELS, [prefs.next_step], on_change=refresh
            ),
            selection("tone", "Tone", TONE_LABELS, [prefs.tone], on_change=refresh),
            buttons(
                button(
                    "Another phrasing",
                    action(urls.of("refresh"), {**ids, "variant": str(prefs.variant + 1)}),
                )
            ),
        ],
    )


def _kept(edited: str, urls: Urls, ids: dict[str, str], prefs: Preferences) -> list[Widget]:
    """When the box keeps the user's own text: say so, and offer the new suggestion."""
    if not edited:
        return []
    fresh = action(urls.of("refresh"), {**ids, "variant": str(prefs.variant), "discardEdits": "1"})
    return [
        paragraph(esc("Your edits are kept. The new choices apply if you take the new text.")),
        buttons(button("Replace my text with the new suggestion", fresh)),
    ]


def _short(person: Person) -> str:
    return first_name(person.name) or person.name or person.email or "them"


def _full(person: Person) -> str:
    return person.name or person.email or "someone"

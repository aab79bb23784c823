"""The card after the first reply: where things stand, close the loop, give first (pure).

Shown instead of the introduction card once the user has replied (or the two have
connected). When the thread shows the two connected and the user has not written back
to the introducer, it offers a thank-you note to the introducer alone, in the thread's
language, with one line the user writes (a text box whose value goes into the note;
left empty, the note keeps a marked placeholder). It always offers a way to give first.
"""

from __future__ import annotations

from collections.abc import Sequence

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
    text_input,
)
from app.core.followup import FollowUp, GiveFirst
from app.core.mail import first_name
from app.core.model import Address, Person
from app.core.reply import Point

HOW_FIELD = "howItWent"
GIVE_FIELD = "giveFirst"
LANGUAGE_NAMES = {
    "en": "English",
    "es": "Spanish",
    "de": "German",
    "fr": "French",
    "pt": "Portuguese",
    "it": "Italian",
    "nl": "Dutch",
}


def build(
    follow: FollowUp,
    offer: GiveFirst,
    preview: str,
    urls: Urls,
    ids: dict[str, str],
    points: Sequence[Point] = (),
) -> Widget:
    """The follow-up card (`preview`: the thank-you note as it would be drafted now; its
    button is the card's footer); the thread's own `points` (wait, answer their proposal)
    come first."""
    introducer, other = _short(follow.introducer), _short(follow.other.address)
    sections = [_points(points)] if points else []
    sections.append(_stand(follow, introducer, other))
    if follow.offers_thanks:
        sections.append(_thanks(follow, introducer, preview))
    sections.append(_give(follow, offer, other, urls, ids))
    if follow.offers_thanks:
        primary = button(
            f"Draft thanks to {introducer}",
            action(urls.of("follow_up"), {**ids, "kind": "thanks"}),
            filled=True,
        )
    else:
        primary = button(
            f"Draft it to {other}",
            action(urls.of("follow_up"), {**ids, "kind": "give"}),
            filled=True,
        )
    who = follow.introducer.name or follow.introducer.email
    return card(
        "After your reply",
        sections,
        subtitle=f"{who} introduced you to {follow.other.name or follow.other.email}",
        name="loop",
        footer=(primary, None),
    )


def _points(points: Sequence[Point]) -> Widget:
    """What matters now on this thread, before the follow-up itself."""
    items = [decorated(esc(p.body), top=esc(p.title)) for p in points]
    return section("What matters now", items, collapse_after=2)


def _stand(follow: FollowUp, introducer: str, other: str) -> Widget:
    if follow.stage == "connected":
        text = (
            f"You and {other} have connected ({follow.evidence}). {introducer} has not heard "
            "how it went: a short note closes the loop and makes them glad they helped."
        )
        icon = "STAR"
    elif follow.stage == "loop_closed":
        text = f"Loop closed: you wrote back to {introducer} after connecting with {other}."
        icon = "BOOKMARK"
    else:
        text = (
            f"You replied. Nothing in the thread shows you and {other} have met yet; once you "
            f"have, this card offers a thank-you note to {introducer}."
        )
        icon = "CLOCK"
    return section("Where things stand", [decorated(esc(text), icon=icon)])


def _thanks(follow: FollowUp, introducer: str, preview: str) -> Widget:
    language = LANGUAGE_NAMES.get(follow.language, "English")
    return section(
        f"Close the loop with {introducer}",
        [
            paragraph(esc(f"A short thank-you to {introducer} alone, in {language}.")),
            text_input(HOW_FIELD, "How it went, in one line (goes into the note)"),
            decorated(esc(preview), top="The note (the line in brackets is yours to write)"),
        ],
    )


def _give(
    follow: FollowUp, offer: GiveFirst, other: str, urls: Urls, ids: dict[str, str]
) -> Widget:
    widgets: list[Widget] = []
    if follow.other.blurb:
        top = f"What {_short(follow.introducer)} said about {other}"
        widgets.append(decorated(esc(follow.other.blurb), top=esc(top), icon="PERSON"))
    how = (
        "Share something useful for their work"
        if offer.kind == "share"
        else "Offer an introduction of your own"
    )
    widgets += [
        paragraph(esc(f"{how}: a note to {other} alone, nothing asked. Fill in the brackets.")),
        text_input(GIVE_FIELD, f"Your note to {other} (edit freely)", offer.line, multiline=True),
        decorated(esc(offer.alternative), top="Or"),
        buttons(
            button(f"Draft it to {other}", action(urls.of("follow_up"), {**ids, "kind": "give"}))
        ),
    ]
    return section("Give first", widgets, collapse_after=4)


def _short(person: Address | Person) -> str:
    return first_name(person.name) or person.name or person.email or "them"

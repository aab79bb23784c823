"""The card after the first reply: where things stand, close the loop, give first (pure).

Shown instead of the introduction card once the user has replied (or the two have
connected). When the thread shows the two connected and the user has not written back
to the introducer, it offers a thank-you note to the introducer alone, in the thread's
language, with one line the user writes (a text box whose value goes into the note;
left empty, the note keeps a marked placeholder). It always offers a way to give first.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.cards.i18n import N_, _, translate
from app.cards.thread import points_section, short_name
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
from app.core.reply import Point

HOW_FIELD = "howItWent"
GIVE_FIELD = "giveFirst"
LANGUAGE_NAMES = {
    "en": N_("English"),
    "es": N_("Spanish"),
    "de": N_("German"),
    "fr": N_("French"),
    "pt": N_("Portuguese"),
    "it": N_("Italian"),
    "nl": N_("Dutch"),
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
    introducer, other = short_name(follow.introducer), short_name(follow.other.address)
    sections = [points_section(points)] if points else []
    sections.append(_stand(follow, introducer, other))
    if follow.offers_thanks:
        sections.append(_thanks(follow, introducer, preview))
    sections.append(_give(follow, offer, other, urls, ids))
    if follow.offers_thanks:
        primary = button(
            _("Draft thanks to {name}").format(name=introducer),
            action(urls.of("follow_up"), {**ids, "kind": "thanks"}),
            filled=True,
        )
    else:
        primary = button(
            _("Draft it to {name}").format(name=other),
            action(urls.of("follow_up"), {**ids, "kind": "give"}),
            filled=True,
        )
    who = follow.introducer.name or follow.introducer.email
    return card(
        _("After your reply"),
        sections,
        subtitle=_("{introducer} introduced you to {other}").format(
            introducer=who, other=follow.other.name or follow.other.email
        ),
        name="loop",
        footer=(primary, None),
    )


def _stand(follow: FollowUp, introducer: str, other: str) -> Widget:
    if follow.stage == "connected":
        text = _(
            "You and {other} have connected ({evidence}). {introducer} has not heard how it "
            "went: a short note closes the loop and makes them glad they helped."
        ).format(other=other, evidence=translate(follow.evidence), introducer=introducer)
        icon = "STAR"
    elif follow.stage == "loop_closed":
        text = _(
            "Loop closed: you wrote back to {introducer} after connecting with {other}."
        ).format(introducer=introducer, other=other)
        icon = "BOOKMARK"
    else:
        text = _(
            "You replied. Nothing in the thread shows you and {other} have met yet; once you "
            "have, this card offers a thank-you note to {introducer}."
        ).format(other=other, introducer=introducer)
        icon = "CLOCK"
    return section(_("Where things stand"), [decorated(esc(text), icon=icon)])


def _thanks(follow: FollowUp, introducer: str, preview: str) -> Widget:
    language = translate(LANGUAGE_NAMES.get(follow.language, LANGUAGE_NAMES["en"]))
    lead = _("A short thank-you to {introducer} alone, in {language}.").format(
        introducer=introducer, language=language
    )
    return section(
        _("Close the loop with {introducer}").format(introducer=introducer),
        [
            paragraph(esc(lead)),
            text_input(HOW_FIELD, _("How it went, in one line (goes into the note)")),
            decorated(esc(preview), top=_("The note (the line in brackets is yours to write)")),
        ],
    )


def _give(
    follow: FollowUp, offer: GiveFirst, other: str, urls: Urls, ids: dict[str, str]
) -> Widget:
    widgets: list[Widget] = []
    if follow.other.blurb:
        top = _("What {introducer} said about {other}").format(
            introducer=short_name(follow.introducer), other=other
        )
        widgets.append(decorated(esc(follow.other.blurb), top=esc(top), icon="PERSON"))
    how = (
        _(
            "Share something useful for their work: a note to {other} alone, nothing asked. "
            "Fill in the brackets."
        )
        if offer.kind == "share"
        else _(
            "Offer an introduction of your own: a note to {other} alone, nothing asked. "
            "Fill in the brackets."
        )
    )
    draft = button(
        _("Draft it to {name}").format(name=other),
        action(urls.of("follow_up"), {**ids, "kind": "give"}),
    )
    widgets += [
        paragraph(esc(how.format(other=other))),
        text_input(
            GIVE_FIELD,
            _("Your note to {other} (edit freely)").format(other=other),
            offer.line,
            multiline=True,
        ),
        decorated(esc(offer.alternative), top=_("Or")),
        buttons(draft),
    ]
    return section(_("Give first"), widgets, collapse_after=4)

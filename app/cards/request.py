"""The request card: someone asks the user for an introduction; ask the other side first (pure).

Shows who asks to meet whom and what they said about themselves, explains the double
opt-in in two lines, and holds both drafts for review: the note to the person to be
introduced (a new message; its address typed or prefilled) and the short reply to the
requester. One button creates both drafts; nothing is sent.
"""

from __future__ import annotations

from app.cards.urls import Urls
from app.cards.widgets import (
    Widget,
    action,
    button,
    card,
    decorated,
    esc,
    paragraph,
    section,
    selection,
    text_input,
)
from app.core.mail import first_name
from app.core.model import IntroRequest
from app.core.preferences import TONE_LABELS
from app.core.reply import OptInDrafts

ADDRESS_FIELD = "optInAddress"
ASK_FIELD = "optInAsk"
REPLY_FIELD = "optInReply"
ERROR_COLOUR = "#b3261e"

TIPS = (
    (
        "Ask {target} first",
        "A double opt-in: check that they want the introduction before you make it. "
        "Nobody is put on the spot, and your introductions keep their value.",
    ),
    (
        "Forward their own words",
        "The note quotes what {requester} wrote about themselves: edit it freely, "
        "and keep it short.",
    ),
    (
        "Close the loop either way",
        "If {target} says no, tell {requester} kindly; no reason needed.",
    ),
)


def build(
    request: IntroRequest,
    drafts: OptInDrafts,
    urls: Urls,
    ids: dict[str, str],
    *,
    address: str = "",
    error: str = "",
    ask_text: str = "",
    reply_text: str = "",
    tone: str = "warm",
    done: str = "",
) -> Widget:
    """The card for a request for an introduction.

    Args:
        request: the recognised request.
        drafts: the suggested drafts (their bodies prefill the boxes).
        ids: message and thread ids, posted back with the button.
        address: the value for the address box (prefilled, or what the user typed).
        error: why the typed address was refused (shown under the box).
        ask_text, reply_text: the user's own text in the boxes, kept over ours.
        tone: the tone the drafts are written in (a dropdown re-renders them).
        done: what the last click created (shown at the top of the note's section).
    """
    requester = request.requester.name or request.requester.email or "Someone"
    short = first_name(requester) or requester
    target = request.target or "someone"
    target_short = first_name(drafts.ask.to[0].name) if drafts.ask.to[0].name else ""
    about = [
        decorated(esc(target), top=esc(f"Whom {short} wants to meet"), icon="PERSON"),
        decorated(
            esc(drafts.blurb) if drafts.blurb else "<i>They said nothing about themselves.</i>",
            top=esc(f"What {short} said about themselves"),
            bottom=esc(request.requester.email),
        ),
    ]
    who = target_short or "them"
    tips = [
        decorated(
            esc(body.format(target=who, requester=short)),
            top=esc(title.format(target=who, requester=short)),
        )
        for title, body in TIPS
    ]
    label = f"{target_short}'s email address" if target_short else "Their email address"
    # The tone the boxes were written in goes back with the change, so typed text is kept.
    refresh = action(urls.of("refresh"), {**ids, "tone": tone})
    note = [
        *([decorated(esc(done), icon="STAR")] if done else []),
        text_input(ADDRESS_FIELD, label, address),
        *([paragraph(f'<font color="{ERROR_COLOUR}">{esc(error)}</font>')] if error else []),
        selection("tone", "Tone of both drafts", TONE_LABELS, [tone], on_change=refresh),
        decorated(esc("A new message, not a reply"), top=esc(drafts.ask.subject), icon="EMAIL"),
        text_input(
            ASK_FIELD, "Your note (edit freely)", ask_text or drafts.ask.body_text, multiline=True
        ),
    ]
    reply = [
        decorated(esc("To: " + drafts.reply.to[0].formatted()), top=esc(drafts.reply.subject)),
        text_input(
            REPLY_FIELD,
            "Your reply (edit freely)",
            reply_text or drafts.reply.body_text,
            multiline=True,
        ),
    ]
    footer = button(f"Ask {who} first", action(urls.of("ask_first"), ids), filled=True)
    return card(
        "Introduction request",
        [
            section("", about),
            section("What matters now", tips, collapse_after=1),
            section(f"Your note to {who}" if target_short else "Your note asking first", note),
            section(f"Your reply to {short}", reply),
        ],
        subtitle=f"{requester} asks you to introduce them to {target}",
        name="request",
        footer=(footer, None),
    )

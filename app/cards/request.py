"""The request card: someone asks the user for an introduction; ask the other side first (pure).

Shows who asks to meet whom and what they said about themselves, explains the double
opt-in in two lines, and holds both drafts for review: the note to the person to be
introduced (a new message; its address typed or prefilled) and the short reply to the
requester. One button creates both drafts; nothing is sent.
"""

from __future__ import annotations

from app.cards.i18n import _, translate
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
ERROR_MARKUP = '<font color="{colour}">{text}</font>'  # the error, already escaped


def tips() -> tuple[tuple[str, str], ...]:
    """The advice, as (title, text) templates with `{target}` and `{requester}`, in the
    current locale."""
    return (
        (
            _("Ask {target} first"),
            _(
                "A double opt-in: check that they want the introduction before you make it. "
                "Nobody is put on the spot, and your introductions keep their value."
            ),
        ),
        (
            _("Forward their own words"),
            _(
                "The note quotes what {requester} wrote about themselves: edit it freely, "
                "and keep it short."
            ),
        ),
        (
            _("Close the loop either way"),
            _("If {target} says no, tell {requester} kindly; no reason needed."),
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
    requester = request.requester.name or request.requester.email or _("Someone")
    short = first_name(requester) or requester
    target = request.target or _("someone")
    target_short = first_name(drafts.ask.to[0].name) if drafts.ask.to[0].name else ""
    about = [
        decorated(
            esc(target), top=esc(_("Whom {name} wants to meet").format(name=short)), icon="PERSON"
        ),
        decorated(
            esc(drafts.blurb)
            if drafts.blurb
            else "<i>" + esc(_("They said nothing about themselves.")) + "</i>",
            top=esc(_("What {name} said about themselves").format(name=short)),
            bottom=esc(request.requester.email),
        ),
    ]
    who = target_short or _("them")
    advice = [
        decorated(
            esc(body.format(target=who, requester=short)),
            top=esc(title.format(target=who, requester=short)),
        )
        for title, body in tips()
    ]
    label = (
        _("{name}'s email address").format(name=target_short)
        if target_short
        else _("Their email address")
    )
    tones = [(translate(text), value) for text, value in TONE_LABELS]
    # The tone the boxes were written in goes back with the change, so typed text is kept.
    refresh = action(urls.of("refresh"), {**ids, "tone": tone})
    note = [
        *([decorated(esc(done), icon="STAR")] if done else []),
        text_input(ADDRESS_FIELD, label, address),
        *([paragraph(ERROR_MARKUP.format(colour=ERROR_COLOUR, text=esc(error)))] if error else []),
        selection("tone", _("Tone of both drafts"), tones, [tone], on_change=refresh),
        decorated(esc(_("A new message, not a reply")), top=esc(drafts.ask.subject), icon="EMAIL"),
        text_input(
            ASK_FIELD,
            _("Your note (edit freely)"),
            ask_text or drafts.ask.body_text,
            multiline=True,
        ),
    ]
    reply = [
        decorated(
            esc(_("To: {recipient}").format(recipient=drafts.reply.to[0].formatted())),
            top=esc(drafts.reply.subject),
        ),
        text_input(
            REPLY_FIELD,
            _("Your reply (edit freely)"),
            reply_text or drafts.reply.body_text,
            multiline=True,
        ),
    ]
    ask = _("Ask {name} first").format(name=target_short) if target_short else _("Ask them first")
    footer = button(ask, action(urls.of("ask_first"), ids), filled=True)
    heading = (
        _("Your note to {name}").format(name=target_short)
        if target_short
        else _("Your note asking first")
    )
    return card(
        _("Introduction request"),
        [
            section("", about),
            section(_("What matters now"), advice, collapse_after=1),
            section(heading, note),
            section(_("Your reply to {name}").format(name=short), reply),
        ],
        subtitle=_("{requester} asks you to introduce them to {target}").format(
            requester=requester, target=target
        ),
        name="request",
        footer=(footer, None),
    )

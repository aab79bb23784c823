"""The compose-window card: recipient warnings, the suggestion to insert, a draft check (pure).

The compose event carries only To/Cc/Bcc, so body checks run on text the user
pastes (or, in the draft-read profile, on the saved draft the service found).
"""

from __future__ import annotations

from dataclasses import dataclass

from app.cards import findings as findings_ui
from app.cards.i18n import _
from app.cards.urls import Urls
from app.cards.widgets import (
    Widget,
    action,
    button,
    buttons,
    card,
    esc,
    paragraph,
    section,
    text_input,
)
from app.core.checks import Finding
from app.core.model import Address


@dataclass(frozen=True, slots=True)
class ComposeView:
    """What the compose card shows."""

    recipient_findings: tuple[Finding, ...] = ()
    missing_introducer: Address | None = None
    suggestion: str = ""
    checked_text: str = ""
    text_findings: tuple[Finding, ...] | None = None
    context: str = ""
    draft_empty: bool = False  # the checked draft holds no words yet
    reads_drafts: bool = False  # the `draft-read` profile: the saved draft is read
    checked_as_introduction: bool = False  # the draft is an introduction the user writes
    wording_unread: bool = False  # the draft is in a language we do not read


def build(view: ComposeView, urls: Urls) -> Widget:
    """The compose card."""
    sections = [_recipients(view, urls), _suggestion(view, urls), _check(view, urls)]
    subtitle = view.context or _("First reply to an introduction")
    return card(_("Check my reply"), sections, subtitle=subtitle, name="compose")


def _recipients(view: ComposeView, urls: Urls) -> Widget:
    if view.missing_introducer is None:
        items = findings_ui.widgets(view.recipient_findings) if view.recipient_findings else []
        return section(_("Recipients"), items)
    who = view.missing_introducer
    fix = button(
        _("Put {name} back on Cc").format(name=who.name or who.email),
        action(urls.of("restore_cc"), {"introducer": who.email}),
        filled=True,
    )
    return section(_("Recipients"), [*findings_ui.widgets(view.recipient_findings), buttons(fix)])


def _suggestion(view: ComposeView, urls: Urls) -> Widget:
    if not view.suggestion:
        return section("", [])
    return section(
        _("Suggested reply"),
        [
            text_input(
                "suggestion",
                _("Edit, then insert above your text"),
                view.suggestion,
                multiline=True,
            ),
            buttons(button(_("Insert suggested reply"), action(urls.of("insert")))),
        ],
    )


def _check(view: ComposeView, urls: Urls) -> Widget:
    note = (
        _("Your saved draft is checked below. Paste other text here to check it instead.")
        if view.reads_drafts
        else _(
            "Gmail does not show add-ons your draft. To check it, select its text in the "
            "message (Ctrl+A, then Ctrl+C), paste it below and press Check my draft."
        )
    )
    widgets = [
        paragraph(esc(note)),
        text_input("draftText", _("Your draft"), view.checked_text, multiline=True),
        buttons(button(_("Check my draft"), action(urls.of("check_text")))),
    ]
    if view.draft_empty:
        widgets.append(paragraph(esc(_("Your draft is empty: nothing to check yet."))))
    elif view.text_findings is not None and view.checked_as_introduction:
        widgets.extend(_introduction_findings(view.text_findings))
    elif view.text_findings is not None and view.wording_unread:
        widgets.extend(_unread_findings(view.text_findings))
    elif view.text_findings is not None:
        widgets.extend(findings_ui.widgets(view.text_findings))
    return section(_("Check my draft"), widgets)


def _unread_findings(findings: tuple[Finding, ...]) -> list[Widget]:
    """A draft in a language we do not read: say what was not checked, never "all there"."""
    lead = paragraph(
        esc(
            _(
                "This draft is in a language we do not read: its thanks, interest and next "
                "step were not checked, only its length, attachments and recipients."
            )
        )
    )
    return [lead, *(findings_ui.widgets(findings) if findings else [])]


def _introduction_findings(findings: tuple[Finding, ...]) -> list[Widget]:
    """The draft is an introduction the user writes: say so, then the introducer checks."""
    lead = paragraph(esc(_("This reads as an introduction you are writing; it is checked as one.")))
    if not findings:
        ok = _("Both named and described, with a reason to meet: a good introduction.")
        return [lead, paragraph(esc(ok))]
    return [lead, *findings_ui.widgets(findings)]

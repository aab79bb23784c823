"""The card shown when something outside our control failed (pure).

Says what happened and what the user can do, never a stack trace.
"""

from __future__ import annotations

from app.cards.i18n import _, translate
from app.cards.widgets import Widget, action, button, buttons, card, esc, paragraph, section


def build(title: str, message: str, advice: str, retry_url: str = "") -> Widget:
    """An error card with an optional "Try again" button (texts marked with `N_` are
    translated here; Gmail's own error message is shown as it came)."""
    widgets = [
        paragraph(esc(translate(message))),
        paragraph(f"<i>{esc(translate(advice))}</i>"),
    ]
    if retry_url:
        widgets.append(buttons(button(_("Try again"), action(retry_url))))
    return card("Intro Coach", [section(esc(translate(title)), widgets)], name="error")

"""Response envelopes around cards and Gmail actions (pure).

Triggers answer with a RenderActions; widget callbacks wrap theirs in
`renderActions` (a SubmitFormResponse), as Google's reference documents.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from app.cards.widgets import Widget

Response = dict[str, Any]


def push(card: Widget) -> Response:
    """Trigger response: show this card."""
    return {"action": {"navigations": [{"pushCard": card}]}}


def update(card: Widget, notification: str = "") -> Response:
    """Callback response: replace the top card, optionally with a toast."""
    action: dict[str, Any] = {"navigations": [{"updateCard": card}]}
    if notification:
        action["notification"] = {"text": notification}
    return {"renderActions": {"action": action}}


def notify(text: str) -> Response:
    """Callback response: only a toast."""
    return {"renderActions": {"action": {"notification": {"text": text}}}}


def open_draft(
    draft_id: str, thread_id: str, notification: str, card: Widget | None = None
) -> Response:
    """Callback response: open the draft we just created, with a toast (and, given a
    card, put it in place of the top card, so the sidebar shows what was done)."""
    action: dict[str, Any] = {"notification": {"text": notification}}
    if card is not None:
        action["navigations"] = [{"updateCard": card}]
    return {
        "renderActions": {
            "action": action,
            "hostAppAction": {
                "gmailAction": {
                    "openCreatedDraftActionMarkup": {
                        "draftId": draft_id,
                        "draftThreadId": thread_id,
                    }
                }
            },
        }
    }


def insert_text(text: str) -> Response:
    """Compose response: add text at the start of the draft (the user's text is kept)."""
    return {
        "renderActions": {
            "hostAppAction": {
                "gmailAction": {
                    "updateDraftActionMarkup": {
                        "updateBody": {
                            "insertContents": [{"content": text, "contentType": "TEXT"}],
                            "type": "INSERT_AT_START",
                        }
                    }
                }
            }
        }
    }


def set_cc(addresses: Sequence[str], card: Widget | None = None) -> Response:
    """Compose response: the whole Cc list (Gmail replaces it, so it must be complete),
    and the card as it reads with that Cc, so the fix shows it took."""
    action = {"action": {"navigations": [{"updateCard": card}]}} if card is not None else {}
    return {
        "renderActions": {
            **action,
            "hostAppAction": {
                "gmailAction": {
                    "updateDraftActionMarkup": {
                        "updateCcRecipients": {"ccRecipients": [{"email": a} for a in addresses]}
                    }
                }
            },
        }
    }


def request_scopes(scopes: Sequence[str]) -> Response:
    """Ask Gmail to show the granular-consent prompt for the scopes this action needs."""
    return {"requesting_google_scopes": {"scopes": list(scopes)}}

"""End to end: a Spanish introduction answered in Spanish; the language setting overrides it."""

from __future__ import annotations

import email
from email import policy

from tests.api.conftest import footer_action, pushed, text_of, updated, widgets
from tests.api.harness import USER, Stack

SPANISH = f"""From: Marta Gil <marta@gil.example>
To: Carlos Ruiz <carlos@ruta.example>, Dana Reyes <{USER}>
Subject: Os presento: Carlos y Dana
Date: Mon, 02 Mar 2026 09:12:00 +0000
Message-ID: <intro-es-1@gil.example>
Content-Type: text/plain; charset="utf-8"
MIME-Version: 1.0

Hola Carlos y Dana:

Os presento. Carlos acaba de fundar una empresa de logística en Valencia y Dana dirige
el equipo de crecimiento de Reyes. Creo que tenéis mucho de qué hablar, así que os dejo
seguir a vosotros.

Un abrazo,
Marta
""".encode()


def _reply_box(card: dict) -> str:
    inputs = [w["textInput"] for w in widgets(card) if "textInput" in w]
    return str(inputs[0]["value"])


def test_spanish_introduction_gets_a_spanish_reply_and_draft(stack: Stack) -> None:
    """The card's reply is in Spanish with tú, says so in one line, and the draft is too."""
    mid, tid = stack.add(SPANISH)
    card = pushed(stack.post("/addon/message", stack.event(message_id=mid, thread_id=tid)).json())
    reply = _reply_box(card)
    assert reply.startswith(("Hola", "¡Hola"))
    assert "Marta" in reply
    assert "Written in Spanish, the language of the introduction, with tú" in text_of(card)
    url, params = footer_action(card)
    event = stack.event(message_id=mid, thread_id=tid, params=params)
    stack.post(url.removeprefix(stack.url), event)
    draft = stack.mailbox.drafts()[0]
    message = email.message_from_bytes(draft.message.raw, policy=policy.default)
    body = message.get_body(preferencelist=("plain",))
    assert body is not None
    assert "gracias" in body.get_content().lower()


def test_the_language_setting_writes_the_reply_in_english(stack: Stack) -> None:
    """With "English" saved in the settings, the same introduction gets an English reply."""
    saved = stack.post("/addon/actions/settings", stack.event(form={"language": ["en"]}))
    assert "Saved." in text_of(updated(saved.json()))
    mid, tid = stack.add(SPANISH)
    card = pushed(stack.post("/addon/message", stack.event(message_id=mid, thread_id=tid)).json())
    assert _reply_box(card).startswith(("Hi", "Hello"))
    assert "Written in" not in text_of(card)

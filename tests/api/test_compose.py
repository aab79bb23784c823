"""The compose trigger: warn when the introducer was dropped, fix it, insert, check pasted text."""

from __future__ import annotations

from tests.api.conftest import pushed, text_of, updated
from tests.api.harness import Stack

JOE = "joe@smithventures.example"
SUE = "sue.park@acme.example"


def _compose(stack: Stack, intro: tuple[str, str] | None, **recipients) -> dict:
    mid, tid = intro or ("", "")
    event = stack.event(message_id=mid, thread_id=tid, **recipients)
    return pushed(stack.post("/addon/compose", event).json())


def test_dropped_introducer_warns_and_offers_fix(stack: Stack, intro: tuple[str, str]) -> None:
    """Replying to Sue alone warns that Joe was dropped and offers to put him back."""
    card = _compose(stack, intro, toRecipients=[SUE], ccRecipients=["pat@acme.example"])
    text = text_of(card)
    assert "Put Joe Smith back on Cc" in text
    assert "Introducer left off" in text


def _restore_cc(stack: Stack, intro: tuple[str, str]) -> dict:
    """'Put Joe back on Cc' clicked in a reply to Sue with Pat on Cc."""
    mid, tid = intro
    event = stack.event(
        message_id=mid,
        thread_id=tid,
        params={"introducer": JOE},
        toRecipients=[SUE],
        ccRecipients=["pat@acme.example"],
    )
    return stack.post("/addon/actions/restore-cc", event).json()


def test_restore_cc_resends_the_whole_list(stack: Stack, intro: tuple[str, str]) -> None:
    """The fix writes the complete Cc list: everyone already there, plus Joe."""
    body = _restore_cc(stack, intro)
    update = body["renderActions"]["hostAppAction"]["gmailAction"]["updateDraftActionMarkup"]
    assert update == {
        "updateCcRecipients": {"ccRecipients": [{"email": "pat@acme.example"}, {"email": JOE}]}
    }


def test_restore_cc_shows_the_fix_took(stack: Stack, intro: tuple[str, str]) -> None:
    """With the Cc written, the card is rebuilt: the warning and the fix button are gone."""
    body = _restore_cc(stack, intro)
    text = text_of(updated(body))
    assert "Introducer left off" not in text
    assert "back on Cc" not in text


def test_introducer_on_cc_gets_no_recipient_warning(stack: Stack, intro: tuple[str, str]) -> None:
    """Sue on To and Joe on Cc: no recipient warning."""
    card = _compose(stack, intro, toRecipients=[SUE], ccRecipients=[JOE])
    assert "back on Cc" not in text_of(card)


def test_compose_without_thread_ids_uses_recent_introductions(
    stack: Stack, intro: tuple[str, str]
) -> None:
    """With no thread ids in the event, an introduction opened earlier is recognised."""
    mid, tid = intro
    stack.post("/addon/message", stack.event(message_id=mid, thread_id=tid))
    card = _compose(stack, None, toRecipients=[SUE])
    assert "Put Joe Smith back on Cc" in text_of(card)


def test_insert_suggestion_never_replaces_text(stack: Stack, intro: tuple[str, str]) -> None:
    """Insert adds the suggestion at the start of the draft, keeping what the user wrote."""
    event = stack.event(form={"suggestion": ["Hi Sue and Joe, thanks!"]})
    body = stack.post("/addon/actions/insert", event).json()
    update = body["renderActions"]["hostAppAction"]["gmailAction"]["updateDraftActionMarkup"]
    assert update["updateBody"]["type"] == "INSERT_AT_START"
    assert update["updateBody"]["insertContents"][0]["content"].startswith(
        "Hi Sue and Joe, thanks!"
    )


def test_insert_leaves_out_a_second_greeting_and_sign_off(stack: Stack) -> None:
    """With the user's draft known (pasted for checking), only what it lacks goes in."""
    suggestion = (
        "Hi Sue and Joe!\n\nJoe, thank you for connecting us.\n\nCoffee soon?\n\nBest,\nDana"
    )
    own = "Hi Sue,\n\nGreat to meet you.\n\nCheers,\nDana"
    event = stack.event(form={"suggestion": [suggestion], "draftText": [own]})
    body = stack.post("/addon/actions/insert", event).json()
    update = body["renderActions"]["hostAppAction"]["gmailAction"]["updateDraftActionMarkup"]
    content = update["updateBody"]["insertContents"][0]["content"]
    assert content.startswith("Joe, thank you for connecting us.")
    assert "Hi Sue and Joe" not in content
    assert "Best," not in content


def test_check_pasted_text_finds_resume_and_ask(stack: Stack, intro: tuple[str, str]) -> None:
    """Pasted text with a resume paragraph and an ask gets both warnings, pointing at the words."""
    mid, tid = intro
    pasted = (
        "Hi Sue,\n\nThanks Joe for the intro. I have attached my resume for your review. "
        "Could you introduce me to a few people in your network who are hiring?\n\nDana"
    )
    event = stack.event(
        message_id=mid,
        thread_id=tid,
        form={"draftText": [pasted]},
        toRecipients=[SUE],
        ccRecipients=[JOE],
    )
    card = updated(stack.post("/addon/actions/check-text", event).json())
    text = text_of(card)
    assert "An ask in a first reply" in text
    assert "Resume" in text or "resume" in text


def test_check_empty_text_asks_for_text(stack: Stack) -> None:
    """Checking with an empty box asks the user to paste first."""
    body = stack.post("/addon/actions/check-text", stack.event(form={"draftText": [" "]})).json()
    assert "Paste your draft" in body["renderActions"]["action"]["notification"]["text"]

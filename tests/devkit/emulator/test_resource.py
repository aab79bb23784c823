"""Gmail's message, thread and draft JSON for each `format`."""

from __future__ import annotations

import base64

import pytest

from devkit.emulator import draft_resource, message_resource, thread_resource
from devkit.emulator.resource import created_draft, draft_stub

_ENVELOPE = {"id", "threadId", "labelIds", "snippet", "sizeEstimate", "historyId", "internalDate"}


@pytest.fixture
def intro(mailbox, eml):
    return mailbox.message(mailbox.add_eml(eml("intro_alternative_attachment.eml")))


def test_full_format_has_payload_and_string_numbers(intro):
    """format=full carries the envelope, the payload, and ids and dates as strings."""
    resource = message_resource(intro, "full")
    assert set(resource) == _ENVELOPE | {"payload"}
    assert resource["internalDate"] == "1762276348000"
    assert isinstance(resource["historyId"], str)
    assert resource["sizeEstimate"] == len(intro.raw)


def test_minimal_format_has_no_payload(intro):
    """format=minimal is the envelope only."""
    assert set(message_resource(intro, "minimal")) == _ENVELOPE


def test_raw_format_is_the_whole_message(intro):
    """format=raw carries the original bytes, base64url."""
    resource = message_resource(intro, "raw")
    assert "payload" not in resource
    assert base64.urlsafe_b64decode(resource["raw"]) == intro.raw


def test_metadata_format_filters_top_level_headers(intro):
    """format=metadata keeps top-level headers only, filtered case-insensitively."""
    resource = message_resource(intro, "metadata", ["subject", "CC"])
    payload = resource["payload"]
    assert [h["name"] for h in payload["headers"]] == ["Cc", "Subject"]
    assert "parts" not in payload
    assert "body" not in payload


def test_metadata_without_filter_keeps_every_header(intro):
    """format=metadata with no metadataHeaders returns all top-level headers."""
    names = [h["name"] for h in message_resource(intro, "metadata")["payload"]["headers"]]
    assert names[:2] == ["Return-Path", "Received"]
    assert "Message-ID" in names


def test_unknown_format_is_rejected(intro):
    """An unknown format raises ValueError (the app answers 400)."""
    with pytest.raises(ValueError, match="format"):
        message_resource(intro, "pretty")


def test_thread_resource_lists_messages_in_order(mailbox, eml, intro):
    """A thread carries its id, the newest historyId and its messages in order."""
    reply = mailbox.add_eml(eml("reply_to_intro.eml"))
    thread = thread_resource(mailbox.thread(intro.thread_id), "minimal")
    assert thread["id"] == intro.thread_id
    assert [m["id"] for m in thread["messages"]] == [intro.id, reply]
    assert thread["historyId"] == thread["messages"][-1]["historyId"]


def test_draft_shapes(mailbox, intro):
    """Drafts appear as stubs in lists, with labels when created, and in full when read."""
    draft = mailbox.create_draft(b"Subject: Re\r\n\r\nhi\r\n", intro.thread_id)
    assert draft_stub(draft) == {
        "id": draft.id,
        "message": {"id": draft.message.id, "threadId": intro.thread_id},
    }
    assert created_draft(draft)["message"]["labelIds"] == ["DRAFT"]
    assert draft_resource(draft)["message"]["payload"]["mimeType"] == "text/plain"

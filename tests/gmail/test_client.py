"""GmailClient against the emulator over loopback: reads, drafts and the headers sent."""

from __future__ import annotations

import base64
import email
import threading
from email.policy import default

import pytest

from app.gmail.client import CreatedDraft, GmailAuth, GmailClient
from app.gmail.errors import AccessDenied
from devkit.emulator import Access

from .conftest import MESSAGE_TOKEN, USER_TOKEN

REPLY = (
    b"From: Sam Okafor <sam@example.com>\r\n"
    b"To: Priya Raman <priya@lumen.example>\r\n"
    b'Cc: "Lee, Jordan" <jordan@northwind.example>, Dana Whitfield <dana@northwind.example>\r\n'
    b"Subject: Re: Intro: Sam <> Priya (data platform hiring)\r\n"
    b"In-Reply-To: <CAF3xq1-intro-0001@mail.northwind.example>\r\n"
    b"References: <CAF3xq1-intro-0001@mail.northwind.example>\r\n"
    b"MIME-Version: 1.0\r\n"
    b"Content-Type: text/plain; charset=utf-8\r\n"
    b"\r\n"
    b"Thanks Dana! Priya, great to meet you.\r\n"
)


def _headers(message):
    return {h["name"]: h["value"] for h in message["payload"]["headers"]}


def test_get_message_full_returns_the_part_tree(gmail, auth, intro_id):
    """format=full returns ids, labels and the payload with decodable bodies."""
    message = gmail.get_message(auth, intro_id)
    assert (message["id"], message["threadId"]) == (intro_id, intro_id)
    alternative = message["payload"]["parts"][0]
    text = base64.urlsafe_b64decode(alternative["parts"][0]["body"]["data"])
    assert text.startswith(b"Hi Sam, hi Priya,")
    assert _headers(message)["Subject"] == "Intro: Sam <> Priya (data platform hiring)"


def test_get_message_metadata_returns_only_asked_headers(gmail, auth, intro_id):
    """format=metadata with metadataHeaders returns just those headers and no bodies."""
    message = gmail.get_message(auth, intro_id, "metadata", ["From", "Message-ID"])
    assert set(_headers(message)) == {"From", "Message-ID"}
    assert "parts" not in message["payload"]


def test_get_message_raw_returns_the_original_bytes(gmail, auth, intro_id, eml):
    """format=raw returns the RFC 822 message byte for byte."""
    message = gmail.get_message(auth, intro_id, "raw")
    assert base64.urlsafe_b64decode(message["raw"]) == eml("intro_alternative_attachment.eml")


def test_get_message_minimal_has_no_payload(gmail, auth, intro_id):
    """format=minimal returns the envelope only."""
    message = gmail.get_message(auth, intro_id, "minimal")
    assert "payload" not in message
    assert message["labelIds"] == ["INBOX", "UNREAD"]


def test_get_thread_returns_messages_in_order(gmail, auth, mailbox, intro_id, eml):
    """threads.get returns the intro and the reply that threads onto it, oldest first."""
    reply_id = mailbox.add_eml(eml("reply_to_intro.eml"))
    thread = gmail.get_thread(auth, intro_id)
    assert thread["id"] == intro_id
    assert [m["id"] for m in thread["messages"]] == [intro_id, reply_id]
    assert "payload" in thread["messages"][1]


def test_get_attachment_returns_the_file_bytes(gmail, auth, intro_id, eml):
    """attachments.get returns the decoded attachment, equal to the file in the .eml."""
    message = gmail.get_message(auth, intro_id)
    attachment_id = message["payload"]["parts"][1]["body"]["attachmentId"]
    parsed = email.message_from_bytes(eml("intro_alternative_attachment.eml"), policy=default)
    expected = next(parsed.iter_attachments()).get_content()
    assert gmail.get_attachment(auth, intro_id, attachment_id) == expected


def test_reply_draft_joins_the_thread_with_its_headers(gmail, auth, intro_id):
    """A draft created with a thread id joins it; To, Cc, threading headers and Subject survive."""
    created = gmail.create_draft(auth, REPLY, intro_id)
    assert isinstance(created, CreatedDraft)
    assert created.thread_id == intro_id
    assert created.draft_id.startswith("r")
    read_back = gmail.get_draft(auth, created.draft_id)
    headers = _headers(read_back["message"])
    assert headers["To"] == "Priya Raman <priya@lumen.example>"
    assert headers["Cc"].startswith('"Lee, Jordan" <jordan@northwind.example>, Dana')
    assert headers["In-Reply-To"] == headers["References"]
    assert headers["In-Reply-To"] == "<CAF3xq1-intro-0001@mail.northwind.example>"
    assert headers["Subject"] == "Re: Intro: Sam <> Priya (data platform hiring)"
    assert read_back["message"]["labelIds"] == ["DRAFT"]
    thread = gmail.get_thread(auth, intro_id, "minimal")
    assert thread["messages"][-1]["id"] == created.message_id


def test_draft_without_thread_starts_a_new_one(gmail, auth, intro_id):
    """Without a thread id the draft is alone in a new thread."""
    created = gmail.create_draft(auth, REPLY, None)
    assert created.thread_id == created.message_id != intro_id


def test_list_and_get_drafts(gmail, auth, intro_id):
    """drafts.list gives stubs newest first (empty list when none); drafts.get the message."""
    assert gmail.list_drafts(auth) == []
    older = gmail.create_draft(auth, REPLY, intro_id)
    newer = gmail.create_draft(auth, REPLY, None)
    stubs = gmail.list_drafts(auth, max_results=5)
    assert [stub["id"] for stub in stubs] == [newer.draft_id, older.draft_id]
    assert stubs[1]["message"] == {"id": older.message_id, "threadId": intro_id}
    assert gmail.get_draft(auth, older.draft_id, "minimal")["message"]["id"] == older.message_id


def test_both_tokens_are_sent_on_every_call(gmail, auth, intro_id, request_log):
    """Each call carries the user's bearer token and the per-message token."""
    gmail.get_message(auth, intro_id)
    gmail.get_thread(auth, intro_id)
    gmail.create_draft(auth, REPLY, intro_id)
    entries = request_log.entries()
    assert [e.method for e in entries] == ["GET", "GET", "POST"]
    assert {e.authorization for e in entries} == {f"Bearer {USER_TOKEN}"}
    assert {e.message_token for e in entries} == {MESSAGE_TOKEN}


@pytest.mark.parametrize("access", [Access()])
def test_no_message_header_without_a_message_token(gmail, intro_id, request_log):
    """With no per-message token, the header is not sent at all."""
    gmail.get_message(GmailAuth(user_token=USER_TOKEN), intro_id)
    assert request_log.last().message_token is None


def test_missing_message_token_is_access_denied(gmail, intro_id):
    """When the emulator requires the per-message token, a call without it is denied."""
    with pytest.raises(AccessDenied):
        gmail.get_message(GmailAuth(user_token=USER_TOKEN), intro_id)


def test_concurrent_calls_from_threads_all_succeed(gmail, auth, intro_id, request_log):
    """One client serves many threads at once (each call leases its own connection)."""
    results: list[str] = []

    def read():
        results.extend(gmail.get_message(auth, intro_id, "minimal")["id"] for _ in range(5))

    workers = [threading.Thread(target=read) for _ in range(8)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert results == [intro_id] * 40
    assert len(request_log) == 40


def test_endpoint_with_trailing_slash_works(emulator, auth, intro_id):
    """The endpoint may end with a slash; paths still start at /gmail/v1/."""
    with GmailClient(emulator.url + "/", 0.5) as client:
        assert client.get_message(auth, intro_id, "minimal")["id"] == intro_id


def test_closed_client_still_works(gmail, auth, intro_id):
    """close() drops pooled connections; later calls open fresh ones and close them."""
    gmail.close()
    assert gmail.get_message(auth, intro_id, "minimal")["id"] == intro_id

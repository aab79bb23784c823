"""Gmail API message JSON into `core.Email`: parity with `.eml` reading, damage, threads."""

from __future__ import annotations

import base64
import email
import json
import re
from email.message import Message
from email.policy import compat32
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.intro import detect_introduction
from app.core.mail.rfc822 import parse_eml
from app.gmail.mime import email_from_gmail, thread_from_gmail

DATA = Path(__file__).parents[1] / "data"
EMAILS = DATA / "emails"
THREAD = DATA / "gmail_json" / "thread_intro_reply.json"


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _unfolded(value: str) -> str:
    """A raw header value as Gmail gives it: unfolded, 8-bit bytes read as UTF-8."""
    text = value.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return re.sub(r"\r?\n(?=[ \t])", "", text)


def _part(node: Message, part_id: str) -> dict[str, Any]:
    """One part the way `format=full` shows it: raw headers, transfer-decoded bodies."""
    found: dict[str, Any] = {
        "partId": part_id,
        "mimeType": node.get_content_type(),
        "filename": node.get_filename() or "",
        "headers": [{"name": k, "value": _unfolded(v)} for k, v in node.raw_items()],
    }
    payload = node.get_payload()
    if node.get_content_maintype() == "multipart" and isinstance(payload, list):
        found["body"] = {"size": 0}
        found["parts"] = [
            _part(child, f"{part_id}.{i}" if part_id else str(i)) for i, child in enumerate(payload)
        ]
        return found
    if isinstance(payload, list):  # message/rfc822: Gmail gives the message's bytes
        data = b"".join(m.as_bytes() for m in payload)
    else:
        decoded = node.get_payload(decode=True)
        data = decoded if isinstance(decoded, bytes) else b""
    if found["filename"] and found["mimeType"] != "message/rfc822":
        found["body"] = {"attachmentId": f"ANGj-{part_id}", "size": len(data)}
    else:
        found["body"] = {"size": len(data), "data": _b64url(data)}
    return found


def gmail_message(raw: bytes, gmail_id: str = "m1", thread_id: str = "t1", date: int = 0) -> dict:
    """An `.eml` as the Gmail API's `users.messages.get(format=full)` resource."""
    message = email.message_from_bytes(raw, policy=compat32)
    return {
        "id": gmail_id,
        "threadId": thread_id,
        "internalDate": str(date),
        "payload": _part(message, ""),
    }


_PARITY = sorted(
    p.name
    for p in EMAILS.glob("*.eml")
    if "bad_boundary" not in p.name and "body_only" not in p.name
)


@pytest.mark.parametrize("name", _PARITY)
def test_same_email_as_the_eml_reader(name: str) -> None:
    """Every case reads the same from Gmail JSON as from its `.eml` bytes."""
    raw = (EMAILS / name).read_bytes()
    from_eml, from_gmail = parse_eml(raw), email_from_gmail(gmail_message(raw))
    for field in ("subject", "sender", "to", "cc", "message_id", "references", "date"):
        assert getattr(from_gmail, field) == getattr(from_eml, field), field
    for field in ("new_text", "quoted_text", "signature", "attachments"):
        assert getattr(from_gmail, field) == getattr(from_eml, field), field
    assert detect_introduction(from_gmail) == detect_introduction(from_eml)


def test_thread_fixture_is_read_oldest_first() -> None:
    """A `threads.get` resource is ordered by internalDate and the intro is message 0."""
    thread = thread_from_gmail(json.loads(THREAD.read_text()))
    assert thread.thread_id == "18f0c0ffee000001"
    assert [m.gmail_id for m in thread.messages] == ["18f0c0ffee000001", "18f0c0ffee000002"]
    intro = detect_introduction(thread, "sue@northwind.example").introduction
    assert intro is not None
    assert (intro.message_index, intro.introducer.email, intro.user_role) == (
        0,
        "maya.chen@harbor.example",
        "introduced",
    )


def test_reply_alone_from_gmail_finds_the_quoted_intro() -> None:
    """The reply message alone still leads back to the introduction (-1)."""
    data = json.loads(THREAD.read_text())
    reply = next(m for m in data["messages"] if m["id"].endswith("2"))
    intro = detect_introduction(email_from_gmail(reply)).introduction
    assert intro is not None
    assert intro.message_index == -1


def test_attachment_ids_and_sizes() -> None:
    """Attachments given by id are listed with their declared size and no text."""
    email_ = email_from_gmail(gmail_message((EMAILS / "read_attachment_pdf.eml").read_bytes()))
    assert [(a.filename, a.mime_type, a.size) for a in email_.attachments] == [
        ("Okafor deck v3.pdf", "application/pdf", 1960)
    ]


def test_raw_format() -> None:
    """A `format=raw` message is read from its base64url bytes."""
    raw = (EMAILS / "classic_meet.eml").read_bytes()
    assert email_from_gmail({"id": "x", "raw": _b64url(raw)}) == parse_eml(raw)


def test_charset_from_part_headers() -> None:
    """Body bytes are decoded with the charset the part declares."""
    part = {
        "mimeType": "text/plain",
        "headers": [{"name": "Content-Type", "value": 'text/plain; charset="ISO-8859-1"'}],
        "body": {"data": _b64url("Grüße".encode("latin-1"))},
    }
    assert email_from_gmail({"payload": part}).new_text == "Grüße"


@pytest.mark.parametrize(
    ("message", "problem"),
    [
        ("not a dict", "not a Gmail message object"),
        ({"id": "x"}, "message has no payload"),
        ({"payload": {"mimeType": "text/plain", "body": {"data": "***"}}}, "undecodable body data"),
        ({"raw": "@@@"}, "unreadable"),
    ],
)
def test_damage_is_a_problem_not_an_error(message: Any, problem: str) -> None:
    """Wrong types, missing payloads and bad base64 give a note."""
    found = email_from_gmail(message)
    assert any(problem in p for p in found.problems) or not found.text


def test_deep_part_trees_are_cut() -> None:
    """Nesting beyond the cap stops with a note."""
    part: dict[str, Any] = {"mimeType": "text/plain", "body": {"data": _b64url(b"deep")}}
    for _ in range(30):
        part = {"mimeType": "multipart/mixed", "parts": [part]}
    assert "MIME tree too large: rest ignored" in email_from_gmail({"payload": part}).problems


def test_thread_with_damaged_entries() -> None:
    """Non-dict messages and odd dates are skipped or sorted last-resort, never raise."""
    thread = thread_from_gmail(
        {"id": 7, "messages": [1, {"internalDate": "x", "id": "a"}, {"internalDate": 5, "id": "b"}]}
    )
    assert [m.gmail_id for m in thread.messages] == ["a", "b"]
    assert thread_from_gmail("nope").messages == ()  # type: ignore[arg-type]


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=30,
)
_KEYS = st.sampled_from(
    ["payload", "parts", "mimeType", "body", "data", "headers", "name", "value", "filename",
     "size", "raw", "id", "threadId", "internalDate", "messages"]
)  # fmt: skip
_SHAPED = st.recursive(
    st.none()
    | st.integers()
    | st.text(max_size=30)
    | st.sampled_from(["text/plain", "aGk", "multipart/mixed", "=?utf-8?b?w?= <a@b.example>"]),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_KEYS, inner, max_size=6),
    max_leaves=40,
)


@settings(max_examples=200, deadline=None)
@given(st.one_of(_JSON, _SHAPED))
def test_never_raises_on_arbitrary_json(value: Any) -> None:
    """Any JSON-like value, shaped like Gmail's or not, gives an Email and a Thread."""
    assert isinstance(email_from_gmail(value).problems, tuple)
    assert isinstance(thread_from_gmail(value).messages, tuple)


def test_odd_entries_are_skipped() -> None:
    """Non-dict headers and parts are skipped; short base64 is damage; cuts are noted once."""
    message = {
        "payload": {
            "headers": ["From: a@x.example", {"name": "Subject", "value": "hi"}],
            "mimeType": "multipart/mixed",
            "parts": ["junk", {"mimeType": "text/plain", "body": {"data": "a"}}],
        }
    }
    email_ = email_from_gmail(message)
    assert email_.subject == "hi"
    assert "undecodable body data" in email_.problems
    wide = {"payload": {"mimeType": "multipart/mixed", "parts": [{"mimeType": "text/plain"}] * 300}}
    assert email_from_gmail(wide).problems.count("MIME tree too large: rest ignored") == 1

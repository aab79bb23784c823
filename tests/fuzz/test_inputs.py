"""Hostile inputs at the three parsing edges never raise an unexpected exception."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, example, given, settings

from tests.fuzz import targets

# The explicit examples are crashes this fuzzing found in the core (since fixed).
FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(targets.raw_mime)
@example(b"To: =?utf-8?b?w?= <a@b.example>\r\n\r\nhi")
@example(b"From: =?\x80?q?x?= <a@b.example>\r\n\r\nhi")
@example(b"Content-Type: text/plain; charset=\x00\r\n\r\nhi")
def test_any_mime_bytes_are_read_detected_and_checked(raw: bytes) -> None:
    """parse_eml, detect_introduction and check_reply survive any bytes."""
    targets.check_mime(raw)


@FAST
@given(targets.gmail_message)
@example({"payload": {"headers": [{"name": "From", "value": "=?utf-8?b?w?= <a@b.example>"}]}})
def test_any_gmail_json_becomes_an_email(message: dict[str, Any]) -> None:
    """email_from_gmail and thread_from_gmail survive any message JSON shape."""
    targets.check_gmail(message)


@FAST
@given(targets.event_body)
def test_any_event_body_parses_or_is_malformed(body: bytes) -> None:
    """parse_event either returns an event or raises MalformedEvent."""
    targets.check_event(body)

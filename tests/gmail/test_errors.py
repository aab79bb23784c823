"""The error taxonomy: status mapping, Retry-After parsing, and secrets kept out of reprs."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import pytest

from app.gmail.client import CreatedDraft, GmailAuth
from app.gmail.errors import (
    AccessDenied,
    GmailError,
    GmailTimeout,
    GmailUnavailable,
    MessageNotFound,
    RateLimited,
    error_for_answer,
    error_for_status,
    google_reason,
    parse_retry_after,
)

NOW = datetime(2025, 11, 4, 12, 0, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("status", "reason", "expected", "retryable"),
    [
        (400, "invalidArgument", GmailError, False),
        (401, "authError", AccessDenied, False),
        (403, "insufficientPermissions", AccessDenied, False),
        (403, "dailyLimitExceeded", RateLimited, True),
        (404, "notFound", MessageNotFound, False),
        (429, "rateLimitExceeded", RateLimited, True),
        (500, "backendError", GmailUnavailable, True),
        (502, None, GmailUnavailable, True),
        (503, "backendError", GmailUnavailable, True),
    ],
)
def test_status_maps_to_error_class(status, reason, expected, retryable):
    """Each HTTP error status (and Google reason) maps to one GmailError subclass."""
    error = error_for_status(status, reason)
    assert type(error) is expected
    assert error.retryable is retryable
    assert (error.status, error.reason) == (status, reason)


def test_scope_reason_in_details_asks_for_reauthorization():
    """Google's ErrorInfo reason for missing scopes also asks for re-authorisation."""
    error = error_for_status(403, "ACCESS_TOKEN_SCOPE_INSUFFICIENT")
    assert isinstance(error, AccessDenied)
    assert error.reauthorize


def test_errors_have_user_facing_messages():
    """Every error has a plain sentence for the card, and str() is that sentence."""
    errors = [
        MessageNotFound(),
        AccessDenied(reauthorize=True),
        AccessDenied(reauthorize=False),
        RateLimited(),
        GmailUnavailable(),
        GmailTimeout(),
        GmailError(),
    ]
    for error in errors:
        assert error.message.endswith(".")
        assert str(error) == error.message
    assert "authorize" in AccessDenied(reauthorize=True).message
    assert AccessDenied(reauthorize=False).message != AccessDenied(reauthorize=True).message


def test_custom_message_wins():
    """A message passed in replaces the default."""
    assert MessageNotFound("Gone.").message == "Gone."


@pytest.mark.parametrize(
    ("header", "seconds"),
    [
        ("120", 120.0),
        (" 5 ", 5.0),
        ("Tue, 04 Nov 2025 12:00:30 GMT", 30.0),
        ("Tue, 04 Nov 2025 11:00:00 GMT", 0.0),
        ("Tue, 04 Nov 2025 12:01:00", 60.0),
        ("soon", None),
        ("-3", None),
        ("", None),
        (None, None),
    ],
)
def test_retry_after_parsing(header, seconds):
    """Retry-After is delta-seconds or an HTTP date; anything else is unknown."""
    assert parse_retry_after(header, now=NOW) == seconds


def test_retry_after_date_defaults_to_the_clock():
    """Without `now`, an HTTP date long past gives zero seconds."""
    assert parse_retry_after("Mon, 01 Jan 2001 00:00:00 GMT") == 0.0


def test_rate_limited_from_status_carries_retry_after():
    """error_for_status passes the Retry-After header through."""
    error = error_for_status(429, None, "7")
    assert isinstance(error, RateLimited)
    assert error.retry_after == 7.0


def test_auth_repr_hides_tokens():
    """GmailAuth's repr and str never show either token."""
    auth = GmailAuth(user_token="secret-user", message_token="secret-message")
    for text in (repr(auth), str(auth), f"{auth}", repr([auth])):
        assert "secret" not in text
    assert repr(GmailAuth("secret-user")).endswith("message_token=None)")


def test_value_types_are_frozen():
    """GmailAuth and CreatedDraft cannot be changed after creation."""
    with pytest.raises(dataclasses.FrozenInstanceError):
        GmailAuth("t").user_token = "other"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        CreatedDraft("r1", "m", "t").thread_id = "x"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b'{"error": {"errors": [{"reason": "notFound"}]}}', "notFound"),
        (
            b'{"error": {"details": [{}, {"reason": "ACCESS_TOKEN_SCOPE_INSUFFICIENT"}]}}',
            "ACCESS_TOKEN_SCOPE_INSUFFICIENT",
        ),
        (b'{"error": {"errors": [{"reason": 7}]}}', None),
        (b'{"error": "nope"}', None),
        (b"<html>502</html>", None),
        (b"", None),
    ],
)
def test_google_reason_is_read_defensively(body, reason):
    """The reason comes from errors[] or details[]; anything odd gives None."""
    assert google_reason(body) == reason


def test_error_for_answer_reads_the_body():
    """error_for_answer combines the status with the body's reason."""
    error = error_for_answer(403, b'{"error": {"errors": [{"reason": "rateLimitExceeded"}]}}', "3")
    assert isinstance(error, RateLimited)
    assert error.retry_after == 3.0

"""GmailClient under faults: every failure becomes the right GmailError, fast."""

from __future__ import annotations

import socket
import time

import pytest

from app.gmail.client import GmailClient
from app.gmail.errors import (
    AccessDenied,
    GmailError,
    GmailTimeout,
    GmailUnavailable,
    MessageNotFound,
    RateLimited,
)

from .conftest import MESSAGE_TOKEN, TIMEOUT_SECONDS, USER_TOKEN


@pytest.mark.parametrize(
    ("status", "reason", "expected"),
    [
        (401, None, AccessDenied),
        (403, None, AccessDenied),
        (403, "forbidden", AccessDenied),
        (403, "userRateLimitExceeded", RateLimited),
        (404, None, MessageNotFound),
        (429, None, RateLimited),
    ],
)
def test_client_errors_map_and_are_not_retried(
    gmail, auth, intro_id, faults, request_log, status, reason, expected
):
    """A 4xx becomes its GmailError after exactly one request, chained to the HttpError."""
    faults.fail(status, reason=reason, times=None)
    with pytest.raises(expected) as caught:
        gmail.get_message(auth, intro_id)
    assert caught.value.status == status
    assert type(caught.value.__cause__).__name__ == "HttpError"
    assert len(request_log) == 1


@pytest.mark.parametrize(
    ("status", "reason", "reauthorize"),
    [(401, None, True), (403, None, True), (403, "forbidden", False)],
)
def test_access_denied_says_whether_to_reauthorize(
    gmail, auth, intro_id, faults, status, reason, reauthorize
):
    """A 401 or a scope 403 asks for re-authorisation; a policy 403 does not."""
    faults.fail(status, reason=reason)
    with pytest.raises(AccessDenied) as caught:
        gmail.get_message(auth, intro_id)
    assert caught.value.reauthorize is reauthorize


def test_rate_limit_carries_retry_after(gmail, auth, intro_id, faults):
    """A 429's Retry-After header becomes `retry_after` seconds."""
    faults.fail(429, retry_after=30)
    with pytest.raises(RateLimited) as caught:
        gmail.get_message(auth, intro_id)
    assert caught.value.retry_after == 30.0
    assert caught.value.retryable


def test_unknown_message_is_not_found(gmail, auth):
    """A message id the mailbox does not hold is MessageNotFound."""
    with pytest.raises(MessageNotFound):
        gmail.get_message(auth, "ffffffffffffffff")


@pytest.mark.parametrize("status", [500, 503])
def test_server_errors_twice_are_unavailable(gmail, auth, intro_id, faults, request_log, status):
    """A 5xx is retried once; a second 5xx surfaces as GmailUnavailable."""
    faults.fail(status, times=2)
    with pytest.raises(GmailUnavailable) as caught:
        gmail.get_thread(auth, intro_id)
    assert caught.value.status == status
    assert [e.status for e in request_log.entries()] == [status, status]


def test_one_server_error_is_absorbed_by_the_retry(gmail, auth, intro_id, faults, request_log):
    """A single 503 on a read is retried and the read succeeds."""
    faults.fail(503)
    assert gmail.get_message(auth, intro_id, "minimal")["id"] == intro_id
    assert [e.status for e in request_log.entries()] == [503, 200]


def test_draft_creation_is_never_retried(gmail, auth, intro_id, faults, request_log):
    """A 503 on drafts.create surfaces at once: retrying could make two drafts."""
    faults.fail(503)
    with pytest.raises(GmailUnavailable):
        gmail.create_draft(auth, b"Subject: Re\r\n\r\nhi\r\n", intro_id)
    assert len(request_log) == 1
    assert gmail.list_drafts(auth) == []


def test_no_retry_when_budget_is_spent(emulator, auth, intro_id, faults, request_log):
    """With a timeout near the 10 s budget, a 5xx is not retried."""
    faults.fail(503)
    with GmailClient(emulator.url, 9.95) as client, pytest.raises(GmailUnavailable):
        client.get_message(auth, intro_id)
    assert len(request_log) == 1


def test_slow_answer_times_out_quickly(gmail, auth, intro_id, faults):
    """An answer slower than the timeout raises GmailTimeout, not the late answer."""
    faults.slow(10.0, times=None)
    started = time.monotonic()
    with pytest.raises(GmailTimeout) as caught:
        gmail.get_message(auth, intro_id)
    assert time.monotonic() - started < 10.0  # the answer would take 10 s: the timeout cut it
    assert caught.value.retryable


def test_client_recovers_after_a_timeout(gmail, auth, intro_id, faults):
    """After a timeout the next call opens a fresh connection and succeeds."""
    faults.slow(3.0)
    with pytest.raises(GmailTimeout):
        gmail.get_message(auth, intro_id)
    assert gmail.get_message(auth, intro_id, "minimal")["id"] == intro_id


def test_truncated_json_is_unavailable(gmail, auth, intro_id, faults):
    """A 200 with cut-off JSON (twice, beating the retry) is GmailUnavailable."""
    faults.truncate(times=2)
    with pytest.raises(GmailUnavailable):
        gmail.get_message(auth, intro_id)


def test_truncated_attachment_is_unavailable(gmail, auth, intro_id, faults):
    """A cut-off attachment answer is GmailUnavailable, not a crash."""
    attachment_id = gmail.get_message(auth, intro_id)["payload"]["parts"][1]["body"]["attachmentId"]
    faults.truncate(times=2, path_contains="/attachments/")
    with pytest.raises(GmailUnavailable):
        gmail.get_attachment(auth, intro_id, attachment_id)


def test_connection_refused_is_unavailable(auth):
    """Nothing listening: GmailUnavailable, chained to a ConnectionError and the refusal."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    client = GmailClient(f"http://127.0.0.1:{port}", TIMEOUT_SECONDS)
    with client, pytest.raises(GmailUnavailable) as caught:
        client.get_message(auth, "18f3a5c2d1e00001")
    cause = caught.value.__cause__
    assert isinstance(cause, ConnectionError)
    chain = []
    while cause is not None:
        chain.append(cause)
        cause = cause.__cause__ or cause.__context__
    assert any(isinstance(error, ConnectionRefusedError) for error in chain)


def test_errors_never_show_tokens(gmail, auth, intro_id, faults):
    """Neither the error nor what it chains mentions a token."""
    faults.fail(401)
    with pytest.raises(GmailError) as caught:
        gmail.get_message(auth, intro_id)
    text = f"{caught.value!s} {caught.value!r} {caught.value.__cause__!r}"
    assert USER_TOKEN not in text
    assert MESSAGE_TOKEN not in text

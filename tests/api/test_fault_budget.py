"""Every fault gives its helpful answer within 10 s; certs outages never let a token through."""

from __future__ import annotations

import time

import pytest

from devkit.signing import LocalSigner, system_claims
from tests.addon.google_fakes import SERVICE_ACCOUNT, shared_signer
from tests.api.conftest import pushed, text_of
from tests.api.harness import Stack, running_stack

BUDGET_SECONDS = 10.0


def _timed_open(stack: Stack, intro: tuple[str, str]) -> tuple[float, dict]:
    mid, tid = intro
    started = time.monotonic()
    response = stack.post("/addon/message", stack.event(message_id=mid, thread_id=tid))
    assert response.status_code == 200
    return time.monotonic() - started, pushed(response.json())


@pytest.mark.parametrize(
    ("fault", "expect"),
    [
        ("401", "authorize"),
        ("403", "authorize"),
        ("404", "no longer available"),
        ("429", "try again in 30 seconds"),
        ("500", "try again"),
        ("503", "try again"),
        ("slow", "slow"),
        ("truncated", "try again"),
    ],
)
def test_each_gmail_fault_gives_its_card_within_budget(
    stack: Stack, intro: tuple[str, str], fault: str, expect: str
) -> None:
    """Each Gmail fault, retried or not, ends in a card that says what to do within 10 s."""
    if fault == "slow":
        stack.faults.slow(30.0, times=None)
    elif fault == "truncated":
        stack.faults.truncate(times=None)
    else:
        stack.faults.fail(int(fault), times=None, retry_after=30 if fault == "429" else None)
    took, card = _timed_open(stack, intro)
    assert took < BUDGET_SECONDS
    assert expect in text_of(card).lower()


def test_retry_after_as_http_date_still_gives_a_card(stack: Stack, intro: tuple[str, str]) -> None:
    """A 429 whose Retry-After is an HTTP date (not seconds) still gives a try-again card."""
    stack.faults.fail(429, times=None, retry_after="Wed, 21 Oct 2015 07:28:00 GMT")
    took, card = _timed_open(stack, intro)
    assert took < BUDGET_SECONDS
    assert "try again" in text_of(card).lower()


@pytest.mark.parametrize("mode", ["down", "error", "garbage"])
def test_certs_unusable_and_none_cached_is_503_for_every_token(mode: str) -> None:
    """No cached certs and a broken certs endpoint: 503 with a clear message, even if forged."""
    with running_stack() as fresh:
        fresh.certs.mode = mode  # type: ignore[assignment]
        url = fresh.url + "/addon/message"
        claims = system_claims(audience=url, service_account=SERVICE_ACCOUNT)
        forged = LocalSigner().sign(claims, key_id=shared_signer().key_id)
        for token in (None, forged):
            started = time.monotonic()
            response = fresh.post("/addon/message", fresh.event(), token=token)
            assert time.monotonic() - started < BUDGET_SECONDS
            assert response.status_code == 503
            assert "verify" in response.json()["detail"]


def test_slow_certs_endpoint_answers_within_budget() -> None:
    """A certs endpoint that hangs costs at most its timeout: a 503 well within 10 s."""
    with running_stack() as fresh:
        fresh.certs.delay = 3.5  # beyond the 3 s certs timeout; stopping waits it out
        started = time.monotonic()
        response = fresh.post("/addon/homepage", fresh.event())
        assert time.monotonic() - started < BUDGET_SECONDS
        assert response.status_code == 503
        fresh.certs.delay = 0.0


def test_cached_certs_still_reject_forged_tokens_during_outage(stack: Stack) -> None:
    """With cached certs and the endpoint down, valid calls pass and forged ones get 401."""
    assert stack.post("/addon/homepage", stack.event()).status_code == 200
    stack.certs.mode = "down"
    url = stack.url + "/addon/homepage"
    claims = system_claims(audience=url, service_account=SERVICE_ACCOUNT)
    forged = LocalSigner().sign(claims, key_id=shared_signer().key_id)
    assert stack.post("/addon/homepage", stack.event(), token=forged).status_code == 401
    assert stack.post("/addon/homepage", stack.event()).status_code == 200

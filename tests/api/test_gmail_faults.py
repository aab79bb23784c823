"""Gmail failing in every way gives a helpful card within 10 s, never a 5xx."""

from __future__ import annotations

import time

import pytest

from tests.api.conftest import pushed, text_of
from tests.api.harness import Stack


@pytest.mark.parametrize(
    ("status", "expect"),
    [
        (401, "authorize"),
        (403, "authorize"),
        (404, "no longer available"),
        (429, "Try again in 7 seconds"),
        (500, "Try again"),
        (503, "Try again"),
    ],
)
def test_gmail_errors_become_cards(
    stack: Stack, intro: tuple[str, str], status: int, expect: str
) -> None:
    """Each Gmail error status becomes a 200 card that says what to do."""
    stack.faults.fail(status, times=None, retry_after=7 if status == 429 else None)
    mid, tid = intro
    response = stack.post("/addon/message", stack.event(message_id=mid, thread_id=tid))
    assert response.status_code == 200
    assert expect.lower() in text_of(pushed(response.json())).lower()


def test_slow_gmail_times_out_with_a_card(stack: Stack, intro: tuple[str, str]) -> None:
    """Gmail slower than the timeout: a card within 10 s."""
    stack.faults.slow(5.0, times=None)
    mid, tid = intro
    started = time.monotonic()
    response = stack.post("/addon/message", stack.event(message_id=mid, thread_id=tid))
    assert time.monotonic() - started < 10
    assert response.status_code == 200
    assert "slow" in text_of(pushed(response.json())).lower()


def test_truncated_json_gives_a_card(stack: Stack, intro: tuple[str, str]) -> None:
    """A cut-off Gmail answer is an error card, not a crash."""
    stack.faults.truncate(times=None)
    mid, tid = intro
    response = stack.post("/addon/message", stack.event(message_id=mid, thread_id=tid))
    assert response.status_code == 200
    assert "Intro Coach" in text_of(pushed(response.json()))


def test_action_errors_use_the_callback_envelope(stack: Stack, intro: tuple[str, str]) -> None:
    """A failing button callback answers with renderActions, as callbacks must."""
    stack.faults.fail(500, times=None)
    mid, tid = intro
    event = stack.event(message_id=mid, thread_id=tid, params={"messageId": mid, "threadId": tid})
    body = stack.post("/addon/actions/reply", event).json()
    assert "renderActions" in body

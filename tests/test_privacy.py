"""Privacy under failure: no path through the stack logs mail text, addresses or tokens.

Every log record of the process (root at DEBUG, plus uvicorn's and googleapiclient's
loggers, which don't propagate) is captured while a loopback stack serves each path:
intro open, reply click, compose, pasted text, every Gmail fault, certs down, bad
tokens and malformed events. The formatted records (message, args, tracebacks) must
not contain the message text, the recipients, any token or the authorization object.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from devkit.signing import LocalSigner, system_claims
from tests.addon.google_fakes import CLIENT_ID, SERVICE_ACCOUNT, shared_signer
from tests.api.harness import MESSAGE_TOKEN, USER, USER_SUB, USER_TOKEN, Stack, running_stack

INTRO = (Path(__file__).parent / "data" / "api" / "intro_joe.eml").read_bytes()
REQUEST = (Path(__file__).parent / "data" / "api" / "request_priya.eml").read_bytes()
TYPED = ("marco.bellini@fieldstone.example", "priya@lumen-greenhouses.example", "farm shops")
PASTED = "Could you forward my resume to your hiring manager, pretty please with zebras?"
RECIPIENTS = ("sue.park@acme.example", "joe@smithventures.example", "pat@acme.example")
BODY_TEXT = ("leads product at Acme", "scaled two B2B", "take it from here", "zebras")
LOGGERS = ("", "uvicorn", "uvicorn.error", "uvicorn.access", "googleapiclient", "httpx", "app")


class _Capture(logging.Handler):
    """Every record, fully formatted (message with args, traceback, stack)."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
        self.texts: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.texts.append(self.format(record) + repr(record.args))


@pytest.fixture
def captured() -> Iterator[_Capture]:
    """Capture every logger at DEBUG for the test; restore levels afterwards."""
    handler = _Capture()
    saved = {}
    for name in LOGGERS:
        logger = logging.getLogger(name)
        saved[name] = logger.level
        logger.addHandler(handler)
    try:
        yield handler
    finally:
        for name in LOGGERS:
            logging.getLogger(name).removeHandler(handler)
            logging.getLogger(name).setLevel(saved[name])


def _debug_everywhere() -> None:
    # After uvicorn configured its loggers (at server start), or it would reset them.
    for name in LOGGERS:
        logging.getLogger(name).setLevel(logging.DEBUG)


def _secrets(stack: Stack, tokens: list[str]) -> list[str]:
    user_id_token = shared_signer().user_token(client_id=CLIENT_ID, sub=USER_SUB, email=USER)
    pieces = [USER_TOKEN, MESSAGE_TOKEN, *BODY_TEXT, *RECIPIENTS, *TYPED, PASTED[:30]]
    pieces += ["authorizationEventObject", "userOAuthToken", "AuthorizationEventObject("]
    for token in [*tokens, user_id_token]:
        pieces += [token, *token.split(".")[1:]]  # payload and signature segments
    return pieces


def _drive_everything(stack: Stack) -> list[str]:
    """Walk every path once; returns the system tokens that were sent."""
    mid, tid = stack.add(INTRO)
    ids = {"messageId": mid, "threadId": tid}
    sent = []

    def post(path: str, **event) -> int:
        url = stack.url + path
        token = shared_signer().system_token(audience=url, service_account=SERVICE_ACCOUNT)
        sent.append(token)
        return stack.post(path, stack.event(**event), token=token).status_code

    assert post("/addon/message", message_id=mid, thread_id=tid) == 200
    assert post("/addon/actions/reply", message_id=mid, thread_id=tid, params=ids) == 200
    recipients = {"toRecipients": [RECIPIENTS[0]], "ccRecipients": [RECIPIENTS[2]]}
    assert post("/addon/compose", message_id=mid, thread_id=tid, **recipients) == 200
    form = {"draftText": [PASTED]}
    assert post("/addon/actions/check-text", message_id=mid, thread_id=tid, form=form) == 200
    follow = {**ids, "kind": "give"}
    how = {"giveFirst": [PASTED]}
    assert (
        post("/addon/actions/follow-up", message_id=mid, thread_id=tid, params=follow, form=how)
        == 200
    )
    assert post("/addon/homepage") == 200
    for status in (401, 403, 404, 429, 500, 503):
        stack.faults.fail(status, times=None, retry_after=7 if status == 429 else None)
        assert post("/addon/message", message_id=mid, thread_id=tid) == 200
        stack.faults.clear()
    stack.faults.truncate(times=None)
    assert post("/addon/message", message_id=mid, thread_id=tid) == 200
    stack.faults.clear()
    stack.faults.slow(3.0, times=None)
    assert post("/addon/actions/reply", message_id=mid, thread_id=tid, params=ids) == 200
    stack.faults.clear()
    # A request for an introduction: the card, a refused address, both drafts, Gmail down.
    rid, rtid = stack.add(REQUEST)
    asked = {"messageId": rid, "threadId": rtid}
    assert post("/addon/message", message_id=rid, thread_id=rtid) == 200
    for typed in ("not an address " + TYPED[0], TYPED[0]):
        form = {"optInAddress": [typed]}
        assert (
            post(
                "/addon/actions/ask-first", message_id=rid, thread_id=rtid, params=asked, form=form
            )
            == 200
        )
    stack.faults.fail(503, times=None)
    form = {"optInAddress": [TYPED[0]], "optInAsk": ["Other words, farm shops."]}
    assert (
        post("/addon/actions/ask-first", message_id=rid, thread_id=rtid, params=asked, form=form)
        == 200
    )
    stack.faults.clear()
    return sent


def _bad_calls(stack: Stack) -> list[str]:
    """Forged tokens and malformed bodies; returns the tokens that were sent."""
    url = stack.url + "/addon/message"
    claims = system_claims(audience=url, service_account=SERVICE_ACCOUNT)
    forged = [
        LocalSigner().sign(claims, key_id=shared_signer().key_id),
        shared_signer().sign({**claims, "aud": stack.url + "/addon/compose"}),
        shared_signer().sign({**claims, "exp": int(time.time()) - 3600}),
    ]
    for token in forged:
        assert stack.post("/addon/message", stack.event(), token=token).status_code == 401
    event = stack.event()
    event["authorizationEventObject"]["userIdToken"] = shared_signer().user_token(
        client_id="other-client", sub="9", email=RECIPIENTS[1]
    )
    assert stack.post("/addon/homepage", event).status_code == 401
    good = shared_signer().system_token(audience=url, service_account=SERVICE_ACCOUNT)
    headers = {"Authorization": f"Bearer {good}"}
    for body in (b"{not json " + USER_TOKEN.encode(), b'{"gmail": {"messageId": ["x"]}}'):
        assert stack.client.post(url, content=body, headers=headers).status_code == 400
    return [*forged, good]


def test_no_path_logs_mail_addresses_or_tokens(captured: _Capture) -> None:
    """Across every path, including failures, the logs hold no message data or token."""
    tokens: list[str] = []
    with running_stack(timeout=1.0) as stack:
        _debug_everywhere()
        tokens += _drive_everything(stack)
        tokens += _bad_calls(stack)
    with running_stack() as fresh:
        _debug_everywhere()
        fresh.certs.mode = "down"
        for path in ("/addon/homepage", "/addon/message"):
            assert fresh.post(path, fresh.event()).status_code == 503
    logs = "\n".join(captured.texts)
    assert "gmail error" in logs  # the capture did see our logs
    assert "rejected call" in logs
    assert "googleapiclient" in logs  # and the client library's debug records
    leaks = [piece for piece in _secrets(stack, tokens) if piece and piece in logs]
    assert leaks == []

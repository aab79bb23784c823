"""Calls need Google's token for the exact endpoint URL; nothing reaches Gmail otherwise."""

from __future__ import annotations

import time

import pytest

from devkit.signing import LocalSigner, system_claims
from tests.addon.google_fakes import CLIENT_ID, SERVICE_ACCOUNT, shared_signer
from tests.api.harness import Stack, running_stack


def _claims(stack: Stack, **changes):
    claims = system_claims(audience=stack.url + "/addon/message", service_account=SERVICE_ACCOUNT)
    claims.update(changes)
    return claims


def _forged_tokens(stack: Stack) -> dict[str, str]:
    signer = shared_signer()
    now = int(time.time())
    header = "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0"  # {"alg":"none","typ":"JWT"}
    import base64
    import json

    payload = base64.urlsafe_b64encode(json.dumps(_claims(stack)).encode()).rstrip(b"=").decode()
    return {
        "unsigned": f"{header}.{payload}.",
        "wrong key": LocalSigner().sign(_claims(stack), key_id=signer.key_id),
        "wrong audience": signer.sign(_claims(stack, aud=stack.url + "/addon/compose")),
        "wrong account": signer.sign(_claims(stack, email="someone@evil.example")),
        "expired": signer.sign(_claims(stack, iat=now - 7200, exp=now - 3600)),
        "garbage": "not-a-token",
    }


@pytest.mark.parametrize(
    "case", ["unsigned", "wrong key", "wrong audience", "wrong account", "expired", "garbage"]
)
def test_bad_caller_tokens_get_401_before_gmail(stack: Stack, case: str) -> None:
    """Forged, misdirected or expired tokens get 401 and no Gmail call is made."""
    mid, tid = stack.add(b"From: a@b.example\r\nTo: c@d.example\r\nSubject: x\r\n\r\nhello\r\n")
    token = _forged_tokens(stack)[case]
    response = stack.post("/addon/message", stack.event(message_id=mid, thread_id=tid), token=token)
    assert response.status_code == 401
    assert stack.log.entries() == []


def test_missing_authorization_header_is_401(stack: Stack) -> None:
    """A call without any Authorization header is refused."""
    response = stack.client.post(stack.url + "/addon/message", json=stack.event())
    assert response.status_code == 401


def test_user_token_for_another_client_is_401(stack: Stack) -> None:
    """A userIdToken minted for another OAuth client is refused."""
    event = stack.event()
    other = shared_signer().user_token(client_id="other-client", sub="9", email="x@y.example")
    event["authorizationEventObject"]["userIdToken"] = other
    assert stack.post("/addon/homepage", event).status_code == 401
    assert CLIENT_ID != "other-client"


@pytest.mark.parametrize("body", [b"{not json", b"[1, 2]", b'{"gmail": {"messageId": 5}}'])
def test_malformed_event_is_400(stack: Stack, body: bytes) -> None:
    """A validly signed call with a malformed event body gets a clear 400."""
    url = stack.url + "/addon/message"
    token = shared_signer().system_token(audience=url, service_account=SERVICE_ACCOUNT)
    response = stack.client.post(url, content=body, headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 400
    assert response.json()["error"] == "malformed event"


def test_certs_down_with_nothing_cached_is_503() -> None:
    """If Google's certs can't be fetched and none are cached: 503, never acceptance."""
    with running_stack() as fresh:
        fresh.certs.mode = "down"
        response = fresh.post("/addon/homepage", fresh.event())
        assert response.status_code == 503
        assert "verify" in response.json()["detail"]


def test_cached_certs_survive_certs_outage(stack: Stack) -> None:
    """Once certs are cached, an outage of the certs endpoint does not stop service."""
    assert stack.post("/addon/homepage", stack.event()).status_code == 200
    stack.certs.mode = "down"
    assert stack.post("/addon/homepage", stack.event()).status_code == 200

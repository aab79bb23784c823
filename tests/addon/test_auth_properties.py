"""Properties: verification of any input ends in a result or InvalidToken, nothing else."""

from __future__ import annotations

import base64
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.addon.auth import CallerClaims, InvalidToken, TokenVerifier
from tests.addon.google_fakes import MESSAGE_URL, SERVICE_ACCOUNT

_scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text()
_json = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=8,
)


@pytest.fixture(scope="module")
def shared_verifier(session_certs_server):
    """One verifier for all examples (Hypothesis reruns the test body, not fixtures)."""
    return TokenVerifier(session_certs_server.url)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _outcome(verifier: TokenVerifier, token: str) -> CallerClaims | InvalidToken:
    try:
        return verifier.verify_caller(
            token, audiences=[MESSAGE_URL], service_account=SERVICE_ACCOUNT
        )
    except InvalidToken as exc:
        return exc


@given(st.text(max_size=200))
def test_arbitrary_text_is_an_invalid_token(shared_verifier, text):
    """Random text never verifies and never raises anything but InvalidToken."""
    assert isinstance(_outcome(shared_verifier, text), InvalidToken)


@given(
    header=st.dictionaries(st.sampled_from(["alg", "kid", "typ"]), _json),
    payload=_json,
    signature=st.binary(max_size=300),
)
def test_forged_tokens_are_invalid(shared_verifier, signer, header, payload, signature):
    """Any header, payload and signature bytes fail, whatever google-auth meets inside."""
    header = {"alg": "RS256", "kid": signer.key_id, **header}
    token = ".".join([_b64(json.dumps(p).encode()) for p in (header, payload)] + [_b64(signature)])
    assert isinstance(_outcome(shared_verifier, token), InvalidToken)


@settings(max_examples=50)
@given(
    claims=st.fixed_dictionaries(
        {},
        optional={
            "iss": st.sampled_from(["https://accounts.google.com", "x"]) | _json,
            "aud": st.just(MESSAGE_URL) | _json,
            "email": st.just(SERVICE_ACCOUNT) | _json,
            "email_verified": st.just(True) | _json,
            "iat": st.integers(min_value=-(2**40), max_value=2**40) | _json,
            "exp": st.integers(min_value=-(2**40), max_value=2**40) | _json,
            "sub": _json,
        },
    )
)
def test_signed_arbitrary_claims_verify_or_fail_cleanly(shared_verifier, signer, claims):
    """Validly signed but arbitrary claims give CallerClaims or InvalidToken, never a crash."""
    outcome = _outcome(shared_verifier, signer.sign(claims))
    if isinstance(outcome, CallerClaims):
        assert claims["aud"] == MESSAGE_URL
        assert claims["email_verified"] is True

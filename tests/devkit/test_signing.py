"""The local signer: Google's certs format and tokens google-auth accepts."""

from __future__ import annotations

import time

import pytest
from cryptography import x509
from google.auth import jwt

from devkit.signing import GOOGLE_ISSUER, LocalSigner, system_claims, user_claims
from tests.addon.google_fakes import shared_signer


@pytest.fixture(scope="module")
def signer() -> LocalSigner:
    """The process-wide test signer (the one tests/addon/ uses)."""
    return shared_signer()


def test_certs_json_is_googles_v1_format(signer):
    """One `kid: PEM certificate` entry, loadable as x509."""
    certs = signer.certs_json()
    assert list(certs) == [signer.key_id]
    x509.load_pem_x509_certificate(certs[signer.key_id].encode())


def test_system_token_decodes_with_google_auth(signer):
    """google-auth verifies the token with the published cert and sees Google-like claims."""
    token = signer.system_token(audience="https://a.example/x", service_account="sa@example.org")
    assert jwt.decode_header(token) == {"alg": "RS256", "kid": signer.key_id, "typ": "JWT"}
    claims = jwt.decode(token, certs=signer.certs_json(), audience="https://a.example/x")
    assert claims["iss"] == GOOGLE_ISSUER
    assert claims["email"] == "sa@example.org"
    assert claims["email_verified"] is True
    assert claims["exp"] - claims["iat"] == 3600


def test_user_token_carries_the_user(signer):
    """A user token names our client as audience and carries sub and email."""
    claims = jwt.decode(
        signer.user_token(client_id="cid", sub="7", email="a@b.example"),
        certs=signer.certs_json(),
        audience="cid",
    )
    assert (claims["sub"], claims["email"], claims["azp"]) == ("7", "a@b.example", "cid")


def test_claims_take_an_explicit_time():
    """Claims helpers accept `now`, so tests can mint expired or future tokens."""
    assert system_claims(audience="a", service_account="s", now=100)["exp"] == 3700
    assert user_claims(client_id="c", sub="s", email="e", now=5)["iat"] == 5
    issued = system_claims(audience="a", service_account="s")["iat"]
    assert isinstance(issued, int)
    assert abs(issued - time.time()) < 5

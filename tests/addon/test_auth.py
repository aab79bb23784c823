"""Verification of Google's system and user ID tokens, with google-auth, end to end."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time

import pytest

from app.addon.auth import (
    CallerClaims,
    GoogleUser,
    InvalidToken,
    TokenVerifier,
    audiences_for,
    bearer_token,
)
from devkit.signing import LocalSigner, system_claims, user_claims
from tests.addon.google_fakes import CLIENT_ID, COMPOSE_URL, MESSAGE_URL, SERVICE_ACCOUNT

AUDIENCES = (MESSAGE_URL, COMPOSE_URL)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _forge(header: dict[str, object], claims: dict[str, object], signature: bytes = b"") -> str:
    """A JWT with any header and an arbitrary signature."""
    return ".".join(
        [_b64(json.dumps(header).encode()), _b64(json.dumps(claims).encode()), _b64(signature)]
    )


def _claims(**changes: object) -> dict[str, object]:
    claims = system_claims(audience=MESSAGE_URL, service_account=SERVICE_ACCOUNT)
    claims.update(changes)
    return claims


def _caller(verifier: TokenVerifier, token: str) -> CallerClaims:
    return verifier.verify_caller(token, audiences=AUDIENCES, service_account=SERVICE_ACCOUNT)


def _rejected(verifier: TokenVerifier, token: str) -> InvalidToken:
    with pytest.raises(InvalidToken) as info:
        _caller(verifier, token)
    assert token not in str(info.value)
    assert info.value.__suppress_context__ or info.value.__context__ is None
    return info.value


def test_valid_system_token_is_accepted(verifier, signer):
    """A token signed by a published key, for our URL, from the service account passes."""
    claims = _caller(verifier, signer.sign(_claims()))
    assert claims == CallerClaims(
        email=SERVICE_ACCOUNT, audience=MESSAGE_URL, subject="100000000000000000001"
    )


def test_any_allowed_audience_and_bare_issuer_pass(verifier, signer):
    """The audience may be any URL of the allow-list; `accounts.google.com` is Google too."""
    token = signer.sign(_claims(aud=COMPOSE_URL, iss="accounts.google.com"))
    assert _caller(verifier, token).audience == COMPOSE_URL


def test_service_account_compares_case_insensitively(verifier, signer):
    """Email addresses are case-insensitive; the claim comes back lowercased."""
    token = signer.sign(_claims(email=SERVICE_ACCOUNT.upper()))
    assert _caller(verifier, token).email == SERVICE_ACCOUNT


def test_unsigned_token_is_rejected(verifier, signer):
    """`alg: none` with an empty signature never passes."""
    token = _forge({"alg": "none", "kid": signer.key_id}, _claims())
    assert _rejected(verifier, token).reason == "token algorithm is not RS256"


def test_hs256_with_the_public_cert_as_secret_is_rejected(verifier, signer):
    """The HS256 key-confusion trick (public cert as HMAC secret) fails."""
    header = {"alg": "HS256", "kid": signer.key_id, "typ": "JWT"}
    unsigned = _forge(header, _claims()).rsplit(".", 1)[0]
    secret = signer.certs_json()[signer.key_id].encode()
    mac = hmac.new(secret, unsigned.encode(), hashlib.sha256).digest()
    _rejected(verifier, f"{unsigned}.{_b64(mac)}")


def test_rs256_header_with_hmac_signature_is_rejected(verifier, signer):
    """Claiming RS256 but carrying an HMAC signature fails google-auth's RSA check."""
    unsigned = _forge({"alg": "RS256", "kid": signer.key_id}, _claims()).rsplit(".", 1)[0]
    mac = hmac.new(b"secret", unsigned.encode(), hashlib.sha256).digest()
    assert _rejected(verifier, f"{unsigned}.{_b64(mac)}").reason == (
        "token signature does not verify"
    )


def test_published_kid_with_another_key_is_rejected(verifier, signer, stranger):
    """A token naming our kid but signed with a different key fails the signature check."""
    token = stranger.sign(_claims(), key_id=signer.key_id)
    assert _rejected(verifier, token).reason == "token signature does not verify"


def test_tampered_claims_are_rejected(verifier, signer):
    """Changing a claim after signing breaks the signature."""
    header, _, signature = signer.sign(_claims()).split(".")
    payload = _b64(json.dumps(_claims(email="attacker@example.com")).encode())
    _rejected(verifier, f"{header}.{payload}.{signature}")


def test_unknown_kid_is_rejected(verifier, stranger):
    """A key id the certs endpoint doesn't publish fails, after one refetch."""
    assert _rejected(verifier, stranger.sign(_claims())).reason == (
        "token signed with an unknown key id"
    )


def test_missing_kid_is_rejected(verifier, signer):
    """Google always names its key; a token without `kid` fails."""
    token = _forge({"alg": "RS256"}, _claims(), b"x" * 256)
    assert _rejected(verifier, token).reason == "token has no key id"


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"aud": "https://evil.example.org/addon/message"}, "token audience is not one of ours"),
        ({"aud": MESSAGE_URL + "/"}, "token audience is not one of ours"),
        ({"aud": [MESSAGE_URL]}, "token audience is not one of ours"),
        ({"email": "someone@gcp-sa-gsuiteaddons.iam.gserviceaccount.com"}, "caller is not"),
        ({"email": None}, "caller is not the add-on service account"),
        ({"email_verified": False}, "caller email is not verified"),
        ({"email_verified": 1}, "caller email is not verified"),
        ({"iss": "https://evil.example.org"}, "token issuer is not Google"),
        ({"iss": None}, "token issuer is not Google"),
        ({"exp": int(time.time()) - 60}, "token expired"),
        ({"iat": int(time.time()) + 300}, "token used before its issue time"),
        ({"iat": "yesterday"}, "token is invalid"),
    ],
)
def test_bad_claims_are_rejected(verifier, signer, changes, reason):
    """Each claim check fails on its own, with a loggable reason."""
    assert _rejected(verifier, signer.sign(_claims(**changes))).reason.startswith(reason)


def test_missing_time_claims_are_rejected(verifier, signer):
    """A token without `exp` fails."""
    claims = _claims()
    del claims["exp"]
    assert _rejected(verifier, signer.sign(claims)).reason == "token lacks iat or exp"


def test_clock_skew_is_tolerated(verifier, signer):
    """A token just expired or issued a moment ahead passes within the 20 s skew."""
    now = int(time.time())
    _caller(verifier, signer.sign(_claims(exp=now - 5)))
    _caller(verifier, signer.sign(_claims(iat=now + 5)))


@pytest.mark.parametrize(
    "token",
    ["", "abc", "a.b.c", "...", "eyJ.eyJ.eyJ", "Bearer x.y.z", "é.ü.ß", "a" * 20_000, "\x00.\x00."],
)
def test_garbage_is_rejected(verifier, certs_server, token):
    """Anything that isn't an RS256 JWT fails before the certs are fetched."""
    with pytest.raises(InvalidToken):
        _caller(verifier, token)
    assert certs_server.fetches == 0


def test_empty_audience_list_is_a_programming_error(verifier, signer):
    """An empty allow-list (or a bare string) raises instead of hiding a config bug."""
    for audiences in ((), MESSAGE_URL):
        with pytest.raises(ValueError, match="audiences"):
            verifier.verify_caller(
                signer.sign(_claims()), audiences=audiences, service_account=SERVICE_ACCOUNT
            )


def test_user_token_is_verified(verifier, signer):
    """The user's ID token for our client id yields the user, email lowercased."""
    token = signer.sign(user_claims(client_id=CLIENT_ID, sub="42", email="Sue@Example.org"))
    assert verifier.verify_user(token, client_id=CLIENT_ID) == GoogleUser("42", "sue@example.org")


def test_user_token_for_another_client_is_rejected(verifier, signer):
    """A user token minted for another OAuth client fails."""
    token = signer.user_token(client_id="other.apps.googleusercontent.com", sub="1", email="a@b.c")
    with pytest.raises(InvalidToken, match="audience"):
        verifier.verify_user(token, client_id=CLIENT_ID)


@pytest.mark.parametrize(
    "changes",
    [{"email": None}, {"sub": ""}, {"sub": 42}, {"email_verified": False}, {"iss": "x"}],
)
def test_incomplete_user_token_is_rejected(verifier, signer, changes):
    """A user token without a verified email and a subject fails."""
    claims = user_claims(client_id=CLIENT_ID, sub="42", email="sue@example.org")
    claims.update(changes)
    with pytest.raises(InvalidToken):
        verifier.verify_user(signer.sign(claims), client_id=CLIENT_ID)


def test_system_token_is_not_a_user_token(verifier, signer):
    """Google's system token (audience: our URL) never passes as a user token."""
    with pytest.raises(InvalidToken):
        verifier.verify_user(signer.sign(_claims()), client_id=CLIENT_ID)


def test_user_token_needs_a_client_id(verifier, signer):
    """An unset client id is a programming error, not a rejection."""
    with pytest.raises(ValueError, match="client_id"):
        verifier.verify_user(signer.sign(_claims()), client_id="")


def test_audiences_for_joins_base_and_paths():
    """Audiences are the exact endpoint URLs, whatever the slashes."""
    assert audiences_for("https://a.example/", ["/addon/message", "addon/compose"]) == (
        "https://a.example/addon/message",
        "https://a.example/addon/compose",
    )


@pytest.mark.parametrize(("header", "token"), [("Bearer abc", "abc"), ("bearer  abc ", "abc")])
def test_bearer_token_is_extracted(header, token):
    """The bearer scheme is case-insensitive and whitespace is trimmed."""
    assert bearer_token(header) == token


@pytest.mark.parametrize("header", [None, "", "Bearer", "Bearer   ", "Basic abc", "abc"])
def test_missing_bearer_token_is_invalid(header):
    """No bearer credential means an invalid token (answer 401)."""
    with pytest.raises(InvalidToken, match="missing bearer token"):
        bearer_token(header)


def test_signers_on_the_same_key_share_a_kid(signer):
    """Passing an existing key yields the same kid and certificate key."""
    assert LocalSigner(signer.private_key).key_id == signer.key_id


def test_a_verified_token_is_reused_but_still_checks_audience(verifier, signer):
    """A cached verification answers again, but only for the audience it was verified for."""
    token = signer.sign(_claims())
    assert _caller(verifier, token) == _caller(verifier, token)
    with pytest.raises(InvalidToken, match="audience"):
        verifier.verify_caller(token, audiences=[COMPOSE_URL], service_account=SERVICE_ACCOUNT)
    with pytest.raises(InvalidToken, match="service account"):
        verifier.verify_caller(token, audiences=AUDIENCES, service_account="x@example.com")


def test_a_cached_token_expires_with_its_exp(verifier, signer, monkeypatch):
    """Past its `exp` (plus the skew), a cached token is verified again, and fails."""
    token = signer.sign(_claims(exp=int(time.time()) + 2))
    _caller(verifier, token)
    later = time.time() + 60
    monkeypatch.setattr("app.addon.auth.time.time", lambda: later)
    monkeypatch.setattr("google.auth._helpers.utcnow", lambda: _utc(later))
    assert "expired" in _rejected(verifier, token).reason


def _utc(seconds: float):  # type: ignore[no-untyped-def]
    import datetime as dt

    return dt.datetime.fromtimestamp(seconds, dt.UTC).replace(tzinfo=None)

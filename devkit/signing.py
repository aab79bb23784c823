"""Signs Google-like ID tokens with a local RSA key: for tests and the local demo mode.

`LocalSigner` holds an RSA key and a self-signed certificate, publishes them in
Google's v1 certs format (`{kid: PEM certificate}`) and signs RS256 JWTs with
google-auth (`crypt.RSASigner` + `jwt.encode`), so `TokenVerifier` checks them
exactly like Google's. It only signs; nothing in production trusts its key
unless the certs URL is pointed at it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from collections.abc import Mapping

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from google.auth import crypt, jwt

GOOGLE_ISSUER = "https://accounts.google.com"
TOKEN_LIFETIME_SECONDS = 3600


class LocalSigner:
    """An RSA key with its certificate; signs RS256 JWTs whose `kid` names that certificate."""

    def __init__(self, private_key: rsa.RSAPrivateKey | None = None) -> None:
        # Key generation takes ~50-100 ms: tests pass one key around per process.
        self._key = private_key or rsa.generate_private_key(public_exponent=65537, key_size=2048)
        public_der = self._key.public_key().public_bytes(
            serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
        )
        self.key_id = hashlib.sha256(public_der).hexdigest()[:40]
        self._cert_pem = _self_signed_pem(self._key, self.key_id)
        self._signer = crypt.RSASigner(self._key, key_id=self.key_id)  # type: ignore[no-untyped-call]  # untyped lib

    @property
    def private_key(self) -> rsa.RSAPrivateKey:
        """The RSA key, to build another signer on the same key (e.g. with another kid)."""
        return self._key

    def certs_json(self) -> dict[str, str]:
        """This signer's certificate in Google's v1 certs format: `{kid: PEM certificate}`."""
        return {self.key_id: self._cert_pem}

    def sign(self, claims: Mapping[str, object], *, key_id: str | None = None) -> str:
        """An RS256 JWT of `claims`; its header names `key_id`, by default this key's id."""
        encoded: bytes = jwt.encode(  # type: ignore[no-untyped-call]  # untyped lib
            self._signer, dict(claims), key_id=key_id
        )
        return encoded.decode("ascii")

    def system_token(self, *, audience: str, service_account: str) -> str:
        """A Google-like system ID token of the add-on service account for `audience`."""
        return self.sign(system_claims(audience=audience, service_account=service_account))

    def user_token(self, *, client_id: str, sub: str, email: str) -> str:
        """A Google-like `userIdToken` for our OAuth client."""
        return self.sign(user_claims(client_id=client_id, sub=sub, email=email))


def system_claims(
    *, audience: str, service_account: str, now: int | None = None
) -> dict[str, object]:
    """The claims of Google's system ID token, valid for an hour from `now` (epoch seconds)."""
    issued = int(time.time()) if now is None else now
    return {
        "iss": GOOGLE_ISSUER,
        "aud": audience,
        "azp": "100000000000000000001",
        "sub": "100000000000000000001",
        "email": service_account,
        "email_verified": True,
        "iat": issued,
        "exp": issued + TOKEN_LIFETIME_SECONDS,
    }


def user_claims(
    *, client_id: str, sub: str, email: str, now: int | None = None
) -> dict[str, object]:
    """The claims of a user's ID token for our OAuth client, valid for an hour from `now`."""
    issued = int(time.time()) if now is None else now
    return {
        "iss": GOOGLE_ISSUER,
        "aud": client_id,
        "azp": client_id,
        "sub": sub,
        "email": email,
        "email_verified": True,
        "iat": issued,
        "exp": issued + TOKEN_LIFETIME_SECONDS,
    }


def _self_signed_pem(key: rsa.RSAPrivateKey, common_name: str) -> str:
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=365))
        .sign(key, hashes.SHA256())
    )
    return cert.public_bytes(serialization.Encoding.PEM).decode("ascii")

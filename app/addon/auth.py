"""Verifies Google's ID tokens: the system token on every call and the user's `userIdToken`.

The cryptographic checks are google-auth's: `google.auth.jwt.decode` checks the RS256
signature against the certificate named by `kid`, `iat`/`exp` with a clock skew, and
the exact `aud`. Certificates come from `CertsCache`. On top of that we check the
issuer, the add-on service account (`email`, `email_verified`) and the user's claims.
Rule kept: never log a token or put one into an exception. google-auth's messages
quote token segments, so its errors become `InvalidToken(reason)` raised `from None`.
"""

from __future__ import annotations

import base64
import hashlib
import json
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

from google.auth import exceptions as google_exceptions
from google.auth import jwt

from app.addon.certs import CertsCache

VERIFIED_CACHE_SIZE = 4096  # verified (token, audience) pairs kept until their `exp`
GOOGLE_ISSUERS = frozenset({"accounts.google.com", "https://accounts.google.com"})
MAX_TOKEN_LENGTH = 16_384  # Google's ID tokens are 1-2 KB; refuse to parse megabytes
_DECODE_ERRORS = (google_exceptions.GoogleAuthError, ValueError, TypeError)
# google-auth's message start -> our reason; its messages may quote the token.
_REASONS = (
    ("token expired", "token expired"),
    ("token used too early", "token used before its issue time"),
    ("token has wrong audience", "token audience is not one of ours"),
    ("could not verify token signature", "token signature does not verify"),
    ("token does not contain required claim", "token lacks iat or exp"),
)


class InvalidToken(Exception):
    """A token failed verification; `reason` is safe to log (it never quotes the token)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class CallerClaims:
    """The verified claims of Google's system ID token."""

    email: str
    audience: str
    subject: str


@dataclass(frozen=True, slots=True)
class GoogleUser:
    """The verified end user: stable Google id and lowercased email address."""

    sub: str
    email: str


def audiences_for(public_url: str, paths: Iterable[str]) -> tuple[str, ...]:
    """Our exact endpoint URLs (token audiences): `public_url` without trailing slash + path."""
    base = public_url.rstrip("/")
    return tuple(f"{base}/{path.lstrip('/')}" for path in paths)


def bearer_token(authorization: str | None) -> str:
    """The token of an `Authorization: Bearer <token>` header value.

    Raises:
        InvalidToken: the header is missing or not a bearer credential.
    """
    scheme, _, token = (authorization or "").strip().partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise InvalidToken("missing bearer token")
    return token.strip()


class TokenVerifier:
    """Verifies Google-signed ID tokens against one certs URL (thread-safe, caches certs)."""

    def __init__(
        self,
        certs_url: str,
        *,
        clock_skew_seconds: int = 20,
        http_timeout: float = 3.0,
        min_refetch_seconds: float = 30.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._certs = CertsCache(
            certs_url, timeout=http_timeout, min_refetch_seconds=min_refetch_seconds, clock=clock
        )
        self._skew = clock_skew_seconds
        self._verified = _VerifiedCache(VERIFIED_CACHE_SIZE)

    def verify_caller(
        self, token: str, *, audiences: Sequence[str], service_account: str
    ) -> CallerClaims:
        """Checks that Google's add-on service account sent this request to one of `audiences`.

        Raises:
            InvalidToken: the token fails any check (answer 401).
            CertsUnavailable: no certificates to check against (answer 503).
        """
        if isinstance(audiences, str) or not audiences:
            raise ValueError("audiences must be a non-empty sequence of URLs")
        claims = self._verify(token, audiences)
        email = claims.get("email")
        if not isinstance(email, str) or email.lower() != service_account.lower():
            raise InvalidToken("caller is not the add-on service account")
        if not _email_verified(claims):
            raise InvalidToken("caller email is not verified")
        return CallerClaims(email=email.lower(), audience=str(claims["aud"]), subject=_sub(claims))

    def verify_user(self, token: str, *, client_id: str) -> GoogleUser:
        """Checks the user's `userIdToken` (audience: our OAuth client id) and returns the user.

        Raises:
            InvalidToken: the token fails any check or lacks `sub`/`email`.
            CertsUnavailable: no certificates to check against.
        """
        if not client_id:
            raise ValueError("client_id must not be empty")
        claims = self._verify(token, (client_id,))
        email = claims.get("email")
        if not _sub(claims) or not isinstance(email, str) or not email:
            raise InvalidToken("user token lacks sub or email")
        if not _email_verified(claims):
            raise InvalidToken("user email is not verified")
        return GoogleUser(sub=_sub(claims), email=email.lower())

    def would_fetch(self, token: str) -> bool:
        """Whether verifying `token` would first fetch certificates (blocking I/O).

        Callers on an event loop verify inline when this is False (the checks are CPU
        only, ~0.1 ms) and in a worker thread otherwise. Malformed tokens answer False:
        verifying them fails before any fetch.
        """
        try:
            kid = _key_id(token)
        except InvalidToken:
            return False
        return self._certs.would_fetch(kid)

    def _verify(self, token: str, audiences: Sequence[str]) -> Mapping[str, object]:
        kid = _key_id(token)
        pem = self._certs.certs_for(kid).get(kid)
        if pem is None:
            raise InvalidToken("token signed with an unknown key id")
        key = _cache_key(token, audiences)
        claims = self._verified.get(key, pem, time.time() - self._skew)
        if claims is not None:
            return claims
        claims = _decode(token, kid, pem, audiences, self._skew)
        issuer = claims.get("iss")
        if not isinstance(issuer, str) or issuer not in GOOGLE_ISSUERS:
            raise InvalidToken("token issuer is not Google")
        self._verified.put(key, pem, claims)
        return claims


class _VerifiedCache:
    """Claims of tokens that passed the signature, `iat`/`exp`, `aud` and issuer checks.

    Google sends the same token with every request of a card, and the RSA check plus
    loading the certificate is most of a token's verification (~0.2 ms). An entry is keyed
    by a digest of the token and the accepted audiences (no token is kept), answers only
    while the token's `exp` (with the clock skew) is not past and only if the same
    certificate still names its key id, and the whole cache is bounded.
    """

    def __init__(self, size: int) -> None:
        self._size = size
        self._lock = threading.Lock()
        self._entries: dict[bytes, tuple[str, float, Mapping[str, object]]] = {}

    def get(self, key: bytes, pem: str, now_minus_skew: float) -> Mapping[str, object] | None:
        entry = self._entries.get(key)
        if entry is None:
            return None
        cached_pem, exp, claims = entry
        if cached_pem != pem or exp < now_minus_skew:
            with self._lock:
                self._entries.pop(key, None)
            return None
        return claims

    def put(self, key: bytes, pem: str, claims: Mapping[str, object]) -> None:
        exp = claims.get("exp")
        if isinstance(exp, bool) or not isinstance(exp, int | float):
            return
        frozen = MappingProxyType(dict(claims))
        with self._lock:
            if len(self._entries) >= self._size:
                self._evict(time.time())
            self._entries[key] = (pem, float(exp), frozen)

    def _evict(self, now: float) -> None:
        """Drop expired entries; when none expired, the oldest half (insertion order)."""
        expired = [k for k, (_, exp, _) in self._entries.items() if exp < now]
        for k in expired:
            del self._entries[k]
        if len(self._entries) >= self._size:
            for k in list(self._entries)[: self._size // 2 or 1]:
                del self._entries[k]


def _cache_key(token: str, audiences: Sequence[str]) -> bytes:
    digest = hashlib.blake2b(token.encode("utf-8"), digest_size=32)
    for audience in audiences:
        digest.update(b"\x00" + audience.encode("utf-8"))
    return digest.digest()


def _key_id(token: str) -> str:
    """The header's `kid`, after checking that the token is an RS256 JWT (no crypto yet)."""
    if not token or len(token) > MAX_TOKEN_LENGTH:
        raise InvalidToken("token is empty or too long")
    segments = token.split(".")
    if len(segments) != 3:
        raise InvalidToken("token is not a well-formed JWT")
    return _kid_of_header(segments[0])


@lru_cache(maxsize=256)
def _kid_of_header(encoded: str) -> str:
    """The `kid` of an encoded JOSE header. Google's header segment is the same for every
    token signed with one key, and each token's key id is read twice (fetch check, then
    verification): decoded once per distinct header. Refusals raise and are not cached."""
    header = _header(encoded)
    if not isinstance(header, Mapping) or header.get("alg") != "RS256":
        raise InvalidToken("token algorithm is not RS256")
    kid = header.get("kid")
    if not isinstance(kid, str) or not kid:
        raise InvalidToken("token has no key id")
    return kid


def _header(encoded: str) -> object:
    """The decoded JOSE header alone: google-auth's `decode_header` decodes the payload too."""
    try:
        return json.loads(base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4)))
    except (ValueError, TypeError, RecursionError):
        raise InvalidToken("token is not a well-formed JWT") from None


def _decode(
    token: str, kid: str, pem: str, audiences: Sequence[str], skew: int
) -> Mapping[str, object]:
    """google-auth's verification: signature, `iat`/`exp` within `skew`, exact `aud`."""
    try:
        claims: object = jwt.decode(  # type: ignore[no-untyped-call]  # untyped lib
            token, certs={kid: pem}, audience=list(audiences), clock_skew_in_seconds=skew
        )
    except _DECODE_ERRORS as exc:
        raise InvalidToken(_reason(exc)) from None
    if not isinstance(claims, Mapping):  # pragma: no cover - google-auth checks it
        raise InvalidToken("token payload is not an object")
    return claims


def _reason(exc: Exception) -> str:
    message = str(exc).lower()
    return next(
        (reason for start, reason in _REASONS if message.startswith(start)), "token is invalid"
    )


def _email_verified(claims: Mapping[str, object]) -> bool:
    verified = claims.get("email_verified")
    return verified is True or verified == "true"


def _sub(claims: Mapping[str, object]) -> str:
    sub = claims.get("sub")
    return sub if isinstance(sub, str) else ""

"""Google's token-signing certificates, fetched over HTTP and cached.

The certs endpoint answers in the v1 x509 format, `{kid: PEM certificate}`.
The cache honours `Cache-Control: max-age`, refetches when the certificates
expire or a token names an unknown key id, and never refetches more often than
`min_refetch_seconds` (a flood of forged key ids can't hammer the endpoint).
When the endpoint is down it keeps serving what it had (stale); only when
nothing was ever fetched does it raise `CertsUnavailable`. It is thread-safe:
FastAPI runs sync dependencies in a thread pool. It never verifies anything itself.
"""

from __future__ import annotations

import logging
import re
import ssl
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

import httpx
from google.auth import crypt

from app.gmail.transport import tls_context

logger = logging.getLogger(__name__)

DEFAULT_TTL_SECONDS = 3600.0
MAX_TTL_SECONDS = 86400.0
_MAX_AGE = re.compile(r"(?:^|[,\s])max-age\s*=\s*\"?(\d+)\"?", re.IGNORECASE)


class CertsUnavailable(Exception):
    """Google's certificates were never fetched and the certs endpoint can't be reached."""


class _FetchFailed(Exception):
    """One fetch of the certificates failed; the message is safe to log."""


@dataclass(frozen=True, slots=True)
class _Snapshot:
    certs: Mapping[str, str]
    expires_at: float


class CertsCache:
    """Thread-safe cache of one certs URL; `certs_for(kid)` is the only entry point."""

    def __init__(
        self,
        url: str,
        *,
        timeout: float = 3.0,
        min_refetch_seconds: float = 30.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._url = url
        self._timeout = timeout
        self._min_refetch = min_refetch_seconds
        self._clock = clock
        self._lock = threading.Lock()
        self._snapshot: _Snapshot | None = None
        self._last_attempt: float | None = None

    def certs_for(self, kid: str) -> Mapping[str, str]:
        """The current certificates, refreshed first if stale or lacking `kid`.

        Raises:
            CertsUnavailable: nothing was ever fetched and fetching fails now.
        """
        snapshot = self._snapshot  # one atomic read: snapshots are immutable
        if snapshot is not None and kid in snapshot.certs and self._clock() < snapshot.expires_at:
            return snapshot.certs
        return self._refresh(kid)

    def would_fetch(self, kid: str) -> bool:
        """Whether `certs_for(kid)` would fetch now (blocking I/O) rather than use the cache."""
        snapshot = self._snapshot
        if snapshot is not None and kid in snapshot.certs and self._clock() < snapshot.expires_at:
            return False
        return self._may_fetch(self._clock())

    def _refresh(self, kid: str) -> Mapping[str, str]:
        with self._lock:
            now = self._clock()
            snapshot = self._snapshot
            if snapshot is not None and kid in snapshot.certs and now < snapshot.expires_at:
                return snapshot.certs  # another thread refreshed while we waited
            if self._may_fetch(now):
                self._fetch_into_cache(now)
            snapshot = self._snapshot
        if snapshot is None:
            raise CertsUnavailable(
                f"Google's token certificates could not be fetched from {self._url}"
            )
        return snapshot.certs

    def _may_fetch(self, now: float) -> bool:
        return self._last_attempt is None or now - self._last_attempt >= self._min_refetch

    def _fetch_into_cache(self, now: float) -> None:
        self._last_attempt = now
        try:
            certs, max_age = _fetch(self._url, self._timeout)
        except _FetchFailed as exc:
            stale = "keeping cached certs" if self._snapshot else "no certs cached"
            logger.warning("fetching Google certs from %s failed (%s); %s", self._url, exc, stale)
            return
        ttl = DEFAULT_TTL_SECONDS if max_age is None else max_age
        ttl = min(max(ttl, self._min_refetch), MAX_TTL_SECONDS)
        self._snapshot = _Snapshot(MappingProxyType(certs), now + ttl)
        logger.info("fetched %d Google certs from %s (ttl %.0f s)", len(certs), self._url, ttl)


def _fetch(url: str, timeout: float) -> tuple[dict[str, str], float | None]:
    """GETs and validates the certs document; returns it with its max-age, if any."""
    try:
        response = httpx.get(url, timeout=timeout, verify=_tls_context())
        response.raise_for_status()
        body: object = response.json()
    except httpx.HTTPStatusError as exc:
        raise _FetchFailed(f"HTTP {exc.response.status_code}") from exc
    except (httpx.HTTPError, httpx.InvalidURL, ValueError) as exc:
        raise _FetchFailed(type(exc).__name__) from exc
    return _parse_certs(body), _max_age(response.headers)


def _tls_context() -> ssl.SSLContext:
    """One TLS context per process, shared with the Gmail pool: building one (as
    `httpx.get` does) costs 20-50 ms."""
    return tls_context()


def _parse_certs(body: object) -> dict[str, str]:
    if not isinstance(body, dict) or not body:
        raise _FetchFailed("certs document is not a non-empty JSON object")
    certs: dict[str, str] = {}
    for kid, pem in body.items():
        if not isinstance(kid, str) or not isinstance(pem, str):
            raise _FetchFailed("certs document maps something other than strings")
        try:
            crypt.RSAVerifier.from_string(pem)  # type: ignore[no-untyped-call]  # untyped lib
        except ValueError as exc:
            raise _FetchFailed(f"certificate {kid!r} does not parse") from exc
        certs[kid] = pem
    return certs


def _max_age(headers: httpx.Headers) -> float | None:
    """Freshness left per `Cache-Control: max-age` minus `Age`; None if not stated."""
    match = _MAX_AGE.search(headers.get("cache-control", ""))
    if match is None:
        return None
    age = headers.get("age", "0").strip()
    return max(0.0, float(int(match.group(1)) - (int(age) if age.isdigit() else 0)))

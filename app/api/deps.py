"""What every add-on endpoint resolves first: `verified_context(request)`.

The add-on endpoints (`routes.AddonEndpoint`) call it themselves rather than through
FastAPI's dependency injection (its solving cost ~0.05 ms of CPU a request).
`Call` verifies Google's bearer token for the exact endpoint URL, parses the event
and verifies the user's ID token, before anything touches Gmail.

Everything here is `async def` and does not block (a sync FastAPI dependency would run
in a thread pool, a hop that costs ~0.3 ms of CPU per request, and the endpoint already
takes one). The token checks are CPU only (~0.1 ms each); the only
blocking work, fetching Google's certificates and wiring the services on first use,
goes to a worker thread (`offload.py`, the endpoints' pool), and only when it is due.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache, partial
from typing import TypeVar

from fastapi import Request

from app.addon.auth import GoogleUser, InvalidToken, TokenVerifier, bearer_token
from app.addon.events import AddonEvent, parse_event
from app.api.errors import BodyTooLarge, NotConfigured
from app.api.offload import off_loop
from app.cards.urls import Urls
from app.settings import Settings, get_settings
from app.wiring import Services, services_for

MAX_EVENT_BYTES = 1_000_000
_MAX_WIRED = 16  # distinct settings objects kept wired (tests make many; production one)
T = TypeVar("T")


async def current_settings(request: Request) -> Settings:
    """`get_settings()`, or whatever the app's `dependency_overrides` put in its place."""
    provider = request.app.dependency_overrides.get(get_settings, get_settings)
    settings = provider()
    if not isinstance(settings, Settings):
        raise TypeError("the get_settings override must return Settings")
    return settings


@lru_cache(maxsize=4)
def _verifier(certs_url: str) -> TokenVerifier:
    """One verifier (and certs cache) per certs URL, for the process (made without I/O)."""
    return TokenVerifier(certs_url)


_wired: dict[int, tuple[Settings, Services]] = {}


async def get_services(request: Request) -> Services:
    """The wired services for these settings; the first use (it may open the store) in a thread.

    Takes the request and looks the settings up itself (as `verified_call` does), so
    `dependency_overrides[get_settings]` still applies.
    """
    settings = await current_settings(request)
    wired = _wired.get(id(settings))
    if wired is not None and wired[0] is settings:
        return wired[1]
    services = await off_loop(services_for, settings)
    if len(_wired) >= _MAX_WIRED:
        _wired.clear()
    _wired[id(settings)] = (settings, services)
    return services


async def event_body(request: Request) -> bytes:
    """The raw request body, bounded."""
    body = await request.body()
    if len(body) > MAX_EVENT_BYTES:
        raise BodyTooLarge()
    return body


@dataclass(frozen=True, slots=True)
class Call:
    """A verified call from Google: the event and, when present, the verified user."""

    event: AddonEvent
    user: GoogleUser | None


async def verified_call(request: Request) -> Call:
    """Verify the caller (401 on failure), then parse the event (400 when malformed)."""
    settings = await current_settings(request)
    verifier = _verifier(settings.google_certs_url)
    body = await event_body(request)
    if not settings.public_url or not settings.addon_service_account:
        raise NotConfigured("INTRO_PUBLIC_URL and INTRO_ADDON_SERVICE_ACCOUNT must be set")
    token = bearer_token(request.headers.get("authorization"))
    # The matched route's path as the server received it (what `request.url.path`
    # gives, without building the whole URL: ~0.01 ms).
    audience = Urls(settings.public_url).base.rstrip("/") + request.scope["path"]
    account = settings.addon_service_account
    check = partial(verifier.verify_caller, token, audiences=[audience], service_account=account)
    await _checked(verifier, token, check)
    event = parse_event(body)
    return Call(event, await _user(event, settings, verifier))


async def _user(
    event: AddonEvent, settings: Settings, verifier: TokenVerifier
) -> GoogleUser | None:
    token = event.authorization_event_object.user_id_token
    if not token:
        return None
    if not settings.oauth_client_id:
        raise NotConfigured("INTRO_OAUTH_CLIENT_ID must be set to verify the user's ID token")
    check = partial(verifier.verify_user, token, client_id=settings.oauth_client_id)
    try:
        return await _checked(verifier, token, check)
    except InvalidToken as exc:
        raise InvalidToken(f"user token: {exc.reason}") from None


async def _checked(verifier: TokenVerifier, token: str, check: Callable[[], T]) -> T:
    """Run a token check here (CPU only) or, when certs must be fetched first, in a thread.

    The certs could expire between the look and the check: then that one check fetches
    on the loop (bounded by the certs timeout), once per expiry at worst.
    """
    if verifier.would_fetch(token):
        return await off_loop(check)
    return check()


@dataclass(frozen=True, slots=True)
class Context:
    """A verified call and the services to answer it: what every add-on endpoint needs."""

    call: Call
    services: Services


async def verified_context(request: Request) -> Context:
    """`verified_call`, then `get_services`: the one value every add-on endpoint takes.

    The caller is verified (401) and the event parsed (400) before the services are
    looked up, and long before any Gmail call.
    """
    call = await verified_call(request)
    return Context(call, await get_services(request))

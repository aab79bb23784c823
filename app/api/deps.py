"""FastAPI dependencies, declared once as `Annotated` aliases.

`Call` verifies Google's bearer token for the exact endpoint URL, parses the event
and verifies the user's ID token, before anything touches Gmail.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Annotated

from fastapi import Depends, Request

from app.addon.auth import GoogleUser, InvalidToken, TokenVerifier, bearer_token
from app.addon.events import AddonEvent, parse_event
from app.api.errors import BodyTooLarge, NotConfigured
from app.cards.urls import Urls
from app.settings import Settings, get_settings
from app.wiring import Services, services_for

MAX_EVENT_BYTES = 1_000_000


@lru_cache(maxsize=4)
def _verifier(certs_url: str) -> TokenVerifier:
    return TokenVerifier(certs_url)


def get_verifier(settings: Annotated[Settings, Depends(get_settings)]) -> TokenVerifier:
    """One verifier (and certs cache) per certs URL, for the process."""
    return _verifier(settings.google_certs_url)


def get_services(settings: Annotated[Settings, Depends(get_settings)]) -> Services:
    """The wired services for these settings (built once)."""
    return services_for(settings)


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


def verified_call(
    request: Request,
    body: Annotated[bytes, Depends(event_body)],
    settings: Annotated[Settings, Depends(get_settings)],
    verifier: Annotated[TokenVerifier, Depends(get_verifier)],
) -> Call:
    """Verify the caller (401 on failure), then parse the event (400 when malformed)."""
    if not settings.public_url or not settings.addon_service_account:
        raise NotConfigured("INTRO_PUBLIC_URL and INTRO_ADDON_SERVICE_ACCOUNT must be set")
    token = bearer_token(request.headers.get("authorization"))
    audience = Urls(settings.public_url).base.rstrip("/") + request.url.path
    verifier.verify_caller(
        token, audiences=[audience], service_account=settings.addon_service_account
    )
    event = parse_event(body)
    return Call(event, _user(event, settings, verifier))


def _user(event: AddonEvent, settings: Settings, verifier: TokenVerifier) -> GoogleUser | None:
    token = event.authorization_event_object.user_id_token
    if not token:
        return None
    if not settings.oauth_client_id:
        raise NotConfigured("INTRO_OAUTH_CLIENT_ID must be set to verify the user's ID token")
    try:
        return verifier.verify_user(token, client_id=settings.oauth_client_id)
    except InvalidToken as exc:
        raise InvalidToken(f"user token: {exc.reason}") from None


CallDep = Annotated[Call, Depends(verified_call)]
ServicesDep = Annotated[Services, Depends(get_services)]
SettingsDep = Annotated[Settings, Depends(get_settings)]

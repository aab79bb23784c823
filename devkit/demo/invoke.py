"""Plays Google's part for the simulator: sign an add-on event and POST it to our endpoint.

The page sends the event without `authorizationEventObject`; `Invoker` adds what Google
adds (the user's OAuth token, a `userIdToken` from the demo signer, the granted scopes,
a fresh per-message Gmail token) and a system ID token for exactly the endpoint's URL,
then calls the real route in-process through httpx's ASGI transport. The route verifies
all of it as in production. Only URLs of our own `/addon/` endpoints are accepted.
"""

from __future__ import annotations

import hashlib
import json
import re
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import httpx
from starlette.types import ASGIApp

from devkit.signing import LocalSigner

ADDON_PREFIX = "/addon/"
FORWARD_TIMEOUT_SECONDS = 30.0
Json = dict[str, Any]
_ADDRESS = re.compile(r"[^@\s]{1,64}@[^@\s]{1,255}")


class BadInvoke(ValueError):
    """The page asked for something Google would not send; the message is safe to show."""


@dataclass(frozen=True, slots=True)
class DemoIdentity:
    """Who the demo's Google is, and who its user is."""

    signer: LocalSigner
    base_url: str
    service_account: str
    client_id: str
    user_email: str
    user_sub: str
    user_oauth_token: str
    scopes: tuple[str, ...]


class Invoker:
    """Signs events as the demo's Google and forwards them to the app's own routes."""

    def __init__(self, app: ASGIApp, identity: DemoIdentity) -> None:
        self._app = app
        self._id = identity

    def target(self, function: str) -> str:
        """The endpoint path of an action's `function` (an absolute URL or a path)."""
        parts = urlsplit(function.strip())
        base = urlsplit(self._id.base_url)
        foreign = (parts.scheme, parts.netloc) != (base.scheme, base.netloc)
        if (parts.scheme or parts.netloc) and foreign:
            raise BadInvoke("the action's URL is not one of this add-on's endpoints")
        path = parts.path
        if not path.startswith(ADDON_PREFIX) or parts.query or ".." in path:
            raise BadInvoke("only the add-on's /addon/ endpoints can be invoked")
        return path

    def event(
        self,
        page_event: Mapping[str, Any],
        granted: Sequence[str] | None,
        as_user: str | None = None,
    ) -> Json:
        """The page's event with Google's authorization added (any the page sent is dropped).

        `as_user`: the address Google vouches for instead of the demo user's (the page
        reads an uploaded message as one of its people); it must look like an address.
        """
        if as_user is not None and not _ADDRESS.fullmatch(as_user):
            raise BadInvoke("asUser must be an email address")
        common = page_event.get("commonEventObject") or {}
        gmail = page_event.get("gmail")
        if not isinstance(common, Mapping) or not isinstance(gmail, Mapping | None):
            raise BadInvoke("commonEventObject and gmail must be JSON objects")
        event: Json = {
            "commonEventObject": {"hostApp": "GMAIL", "platform": "WEB", **common},
            "authorizationEventObject": self._authorization(granted, as_user),
        }
        if gmail is not None:
            event["gmail"] = {**gmail, "accessToken": "demo-msg-" + secrets.token_urlsafe(16)}
        return event

    async def forward(self, path: str, event: Json) -> httpx.Response:
        """POST `event` to our route at `path` with a system token for exactly that URL."""
        url = self._id.base_url.rstrip("/") + path
        token = self._id.signer.system_token(audience=url, service_account=self._id.service_account)
        headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
        event = {**event, "authorizationEventObject": {**event["authorizationEventObject"]}}
        event["authorizationEventObject"]["systemIdToken"] = token
        transport = httpx.ASGITransport(app=self._app, raise_app_exceptions=False)
        async with httpx.AsyncClient(
            transport=transport, base_url=self._id.base_url, timeout=FORWARD_TIMEOUT_SECONDS
        ) as client:
            return await client.post(path, content=json.dumps(event), headers=headers)

    def _authorization(self, granted: Sequence[str] | None, as_user: str | None = None) -> Json:
        scopes = list(self._id.scopes)
        if granted is not None:
            scopes = [s for s in scopes if s in set(granted)]
        email, sub = self._id.user_email, self._id.user_sub
        if as_user and as_user.lower() != email.lower():
            email = as_user.lower()
            sub = "demo-" + hashlib.sha256(email.encode()).hexdigest()[:20]
        user_token = self._id.signer.user_token(client_id=self._id.client_id, sub=sub, email=email)
        return {
            "userOAuthToken": self._id.user_oauth_token,
            "userIdToken": user_token,
            "authorizedScopes": scopes,
        }

"""Turns an app into the local demo: swap the settings, add the demo routes. Nothing else.

The production routes, dependencies and services stay exactly as they are. The demo
overrides `get_settings` with settings whose certs URL and Gmail endpoint are routes of
this very app (`/demo/certs`, `/demo/gmail`), signs requests with a key generated here
at start, and serves the built-in mailbox through the Gmail emulator. The key lives
only in this process and only in demo mode: production verifies against Google's certs.

Requests the app makes to itself (certs, Gmail) are blocking calls from FastAPI's
thread pool, answered by async routes on the event loop, so uvicorn serves both. The
demo Gmail's answers close their connection: the Gmail client pools idle sockets for
the life of the process, and sockets from the app to itself would outlive the server.
"""

from __future__ import annotations

import logging
import os
import secrets
from collections.abc import Mapping

from fastapi import FastAPI
from fastapi.responses import JSONResponse
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.addon.scopes import PROFILE_SCOPES
from app.settings import Settings, get_settings
from devkit.demo.config import (
    CERTS_PATH,
    DEMO_CLIENT_ID,
    DEMO_SERVICE_ACCOUNT,
    DEMO_USER,
    DEMO_USER_SUB,
    GMAIL_PATH,
    demo_base_url,
    demo_settings,
)
from devkit.demo.invoke import DemoIdentity, Invoker
from devkit.demo.mailbox import DemoMailbox
from devkit.demo.routes import STATIC_DIR, DemoState, demo_router
from devkit.emulator import Access, LoggedRequest, Mailbox, RequestLog, create_gmail_app
from devkit.signing import LocalSigner

logger = logging.getLogger("devkit.demo")
DEMO_USER_NAME = "Dana Reyes"
CERTS_MAX_AGE = "max-age=3600"


class _NoRequestLog(RequestLog):
    """The emulator's request log keeps tokens for tests to inspect; the demo keeps nothing."""

    def record(self, entry: LoggedRequest) -> None:
        """Forget the request."""


def install_demo(
    app: FastAPI, settings: Settings, environ: Mapping[str, str] | None = None
) -> Settings:
    """Add the demo to `app` and return the settings it now runs with.

    Raises:
        DemoRefused: `INTRO_PUBLIC_URL` or `HOST` is not loopback.
    """
    base = demo_base_url(settings, os.environ if environ is None else environ)
    effective = demo_settings(settings, base)
    identity = _identity(base, effective.profile)
    mailbox = DemoMailbox(Mailbox(DEMO_USER))
    mailbox.load_folder()
    _mount_google(app, identity, mailbox)
    state = DemoState(
        mailbox=mailbox,
        invoker=Invoker(app, identity),
        identity=identity,
        profile=effective.profile,
        sender=f"{DEMO_USER_NAME} <{DEMO_USER}>",
    )
    app.state.demo = state  # for tests: the demo's signer and mailbox
    app.include_router(demo_router(state))
    app.mount("/demo/static", StaticFiles(directory=STATIC_DIR), name="demo-static")
    app.dependency_overrides[get_settings] = lambda: effective
    logger.warning("local demo mode on %s: demo mailbox, requests signed with a local key", base)
    return effective


def _identity(base: str, profile: str) -> DemoIdentity:
    """A fresh signing key and user token: they exist only in this process."""
    return DemoIdentity(
        signer=LocalSigner(),
        base_url=base,
        service_account=DEMO_SERVICE_ACCOUNT,
        client_id=DEMO_CLIENT_ID,
        user_email=DEMO_USER,
        user_sub=DEMO_USER_SUB,
        user_oauth_token="ya29.demo-" + secrets.token_urlsafe(24),
        scopes=PROFILE_SCOPES[profile],
    )


def _mount_google(app: FastAPI, identity: DemoIdentity, mailbox: DemoMailbox) -> None:
    """Google's side: the certs of the demo key, and Gmail (the emulator) over the mailbox."""
    access = Access(user_tokens=frozenset({identity.user_oauth_token}), require_message_token=True)
    gmail = create_gmail_app(mailbox.mailbox, access=access, log=_NoRequestLog())
    app.mount(GMAIL_PATH, _closing(gmail))
    certs = identity.signer.certs_json()

    @app.get(CERTS_PATH, include_in_schema=False)
    async def demo_certs() -> JSONResponse:
        """The demo signer's certificate, in Google's v1 certs format."""
        return JSONResponse(certs, headers={"Cache-Control": CERTS_MAX_AGE})


def _closing(app: ASGIApp) -> ASGIApp:
    """`app`, with `Connection: close` on every answer (uvicorn then closes the socket)."""

    async def closing(scope: Scope, receive: Receive, send: Send) -> None:
        async def send_closing(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [*message.get("headers", []), (b"connection", b"close")]
                message = {**message, "headers": headers}
            await send(message)

        await app(scope, receive, send_closing)

    return closing

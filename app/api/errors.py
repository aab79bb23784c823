"""Our errors into HTTP answers: 401/400/503 for the caller, an error card for the user.

Gmail failures and anything unexpected become a card that says what to do (never a
5xx page); a token that fails verification is a 401 before any Gmail call. Logs
name the error type and never the token, the body or the authorization object.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.addon.auth import InvalidToken
from app.addon.certs import CertsUnavailable
from app.addon.events import MalformedEvent
from app.cards import error as error_card
from app.cards.i18n import N_, NP_, _
from app.cards.responses import notify, push, update
from app.gmail.errors import AccessDenied, GmailError, GmailTimeout, RateLimited
from app.service.ports import DraftInProgress

logger = logging.getLogger("app.api")
TRIGGER_PATHS = ("/addon/homepage", "/addon/message", "/addon/compose")


class NotConfigured(Exception):
    """A production setting the request needs is missing."""


class BodyTooLarge(Exception):
    """The event body is larger than any real add-on event."""


def install(app: FastAPI) -> None:
    """Register the handlers on the app."""
    app.add_exception_handler(InvalidToken, _unauthorized)
    app.add_exception_handler(MalformedEvent, _malformed)
    app.add_exception_handler(BodyTooLarge, _too_large)
    app.add_exception_handler(CertsUnavailable, _certs_down)
    app.add_exception_handler(NotConfigured, _not_configured)
    app.add_exception_handler(GmailError, _gmail)
    app.add_exception_handler(DraftInProgress, _in_progress)
    app.add_middleware(LastResort)


class LastResort:
    """Anything unexpected becomes an error card; the log names only the error type.

    Plain ASGI: `@app.middleware("http")` (a `BaseHTTPMiddleware`) costs a task, a
    stream and a copied request per call, about a third of a bare request's time.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_tracking(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, send_tracking)
        except Exception as exc:
            if started:
                raise  # too late for a card: the answer is already on its way
            response = await _unexpected(Request(scope), exc)
            await response(scope, receive, send)


async def _unauthorized(request: Request, exc: Exception) -> JSONResponse:
    reason = exc.reason if isinstance(exc, InvalidToken) else "invalid token"
    logger.warning("rejected call to %s: %s", request.url.path, reason)
    return JSONResponse({"error": "unauthorized", "detail": reason}, status_code=401)


async def _malformed(request: Request, exc: Exception) -> JSONResponse:
    return JSONResponse({"error": "malformed event", "detail": str(exc)}, status_code=400)


async def _too_large(request: Request, exc: Exception) -> JSONResponse:
    return JSONResponse({"error": "event too large"}, status_code=413)


async def _certs_down(request: Request, exc: Exception) -> JSONResponse:
    logger.error("Google's certificates are unreachable and none are cached")
    detail = "cannot verify Google's signature right now; try again shortly"
    return JSONResponse({"error": "unavailable", "detail": detail}, status_code=503)


async def _not_configured(request: Request, exc: Exception) -> JSONResponse:
    logger.error("not configured: %s", exc)
    return JSONResponse({"error": "not configured", "detail": str(exc)}, status_code=503)


async def _gmail(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, GmailError)
    logger.warning(
        "gmail error on %s: %s (status %s)", request.url.path, type(exc).__name__, exc.status
    )
    return _card(request, N_("Gmail did not answer as expected"), exc.message, _advice(exc))


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    logger.error("unexpected %s on %s", type(exc).__name__, request.url.path)
    message = N_("Something went wrong on our side while reading this message.")
    return _card(request, N_("Sorry"), message, N_("Try again; if it keeps happening, tell us."))


async def _in_progress(request: Request, exc: Exception) -> JSONResponse:
    return JSONResponse(
        notify(_("Still creating your draft from the first click: try again in a moment."))
    )


def _advice(exc: GmailError) -> str:
    if isinstance(exc, AccessDenied):
        return N_("Open the add-on menu and authorize Intro Coach again.")
    if isinstance(exc, RateLimited):
        if exc.retry_after:
            seconds = int(exc.retry_after)
            return NP_("Try again in {n} second.", "Try again in {n} seconds.", seconds)
        return N_("Try again in a moment.")
    if isinstance(exc, GmailTimeout):
        return N_("Gmail was slow to answer. Try again.")
    return N_("Try again; if the message was deleted, there is nothing to coach.")


def _card(request: Request, title: str, message: str, advice: str) -> JSONResponse:
    card = error_card.build(title, message, advice)
    trigger = request.url.path in TRIGGER_PATHS
    return JSONResponse(push(card) if trigger else update(card))

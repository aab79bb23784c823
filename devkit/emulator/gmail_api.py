"""The emulator's ASGI app: Gmail's REST paths over a `Mailbox`, with faults and a log.

Every request runs the same pipeline: take a queued fault, check the bearer token (and
the per-message `X-Goog-Gmail-Access-Token` where asked to), run the handler, record the
request. Handlers stay async and never block: the mailbox lock is held for microseconds,
and a `slow` fault awaits instead of sleeping.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from devkit.emulator.errors import google_error
from devkit.emulator.faults import Fault, Faults
from devkit.emulator.mailbox import EntityNotFound, Mailbox
from devkit.emulator.request_log import LoggedRequest, RequestLog
from devkit.emulator.routes import ENDPOINTS, BadRequest, Endpoint

MESSAGE_TOKEN_HEADER = "X-Goog-Gmail-Access-Token"


@dataclass(frozen=True, slots=True)
class Access:
    """Which tokens the emulator accepts; `None` accepts any non-empty token."""

    user_tokens: frozenset[str] | None = None
    require_message_token: bool = False
    message_tokens: frozenset[str] | None = None


@dataclass(slots=True)
class _Context:
    mailbox: Mailbox
    faults: Faults
    access: Access
    log: RequestLog


def create_gmail_app(
    mailbox: Mailbox,
    faults: Faults | None = None,
    *,
    access: Access | None = None,
    log: RequestLog | None = None,
) -> Starlette:
    """A Starlette app serving `/gmail/v1/users/{userId}/...` from `mailbox`.

    The request log is `app.state.request_log` (the `log` passed in, or a new one);
    the faults are `app.state.faults`.
    """
    context = _Context(
        mailbox,
        faults if faults is not None else Faults(),
        access if access is not None else Access(),
        log if log is not None else RequestLog(),
    )
    routes = [
        Route(endpoint.path, _endpoint(endpoint, context), methods=[endpoint.method])
        for endpoint in ENDPOINTS
    ]
    app = Starlette(routes=routes, exception_handlers={HTTPException: _http_exception})
    app.state.request_log = context.log
    app.state.faults = context.faults
    app.state.mailbox = context.mailbox
    return app


def _endpoint(endpoint: Endpoint, context: _Context) -> Callable[[Request], Awaitable[Response]]:
    async def serve(request: Request) -> Response:
        fault = context.faults.take(request.url.path)
        response = await _respond(request, endpoint, context, fault)
        context.log.record(_entry(request, response.status_code))
        return response

    return serve


async def _respond(
    request: Request, endpoint: Endpoint, context: _Context, fault: Fault | None
) -> Response:
    if fault is not None and fault.kind == "status":
        return google_error(fault.status, reason=fault.reason, retry_after=fault.retry_after)
    if fault is not None and fault.kind == "slow":
        await _pause(request, fault.seconds)
    denied = _check_access(request, endpoint, context)
    if denied is not None:
        return denied
    try:
        response = await endpoint.handler(request, context.mailbox)
    except EntityNotFound:
        return google_error(404)
    except BadRequest as exc:
        return google_error(400, str(exc))
    if fault is not None and fault.kind == "truncated":
        return _truncated(response)
    return response


def _check_access(request: Request, endpoint: Endpoint, context: _Context) -> Response | None:
    access = context.access
    token = _bearer(request.headers.get("Authorization"))
    if not token or (access.user_tokens is not None and token not in access.user_tokens):
        return google_error(401)
    user = request.path_params.get("userId")
    if user not in ("me", context.mailbox.address):
        return google_error(403, f"Delegation denied for {user}", reason="forbidden")
    if not (access.require_message_token and endpoint.needs_message_token):
        return None
    message_token = request.headers.get(MESSAGE_TOKEN_HEADER)
    allowed = access.message_tokens
    if not message_token or (allowed is not None and message_token not in allowed):
        return google_error(403)
    return None


def _bearer(header: str | None) -> str | None:
    scheme, _, token = (header or "").partition(" ")
    return token.strip() or None if scheme.lower() == "bearer" else None


async def _pause(request: Request, seconds: float) -> None:
    """Wait `seconds`, or less if the client hangs up first (so servers stop promptly)."""
    await request.body()
    waiter = asyncio.ensure_future(_disconnected(request))
    try:
        await asyncio.wait({waiter}, timeout=seconds)
    finally:
        waiter.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await waiter


async def _disconnected(request: Request) -> None:
    # The body is read, so uvicorn's next ASGI message is `http.disconnect`.
    await request.receive()


def _truncated(response: Response) -> Response:
    body = bytes(response.body)
    return Response(body[: len(body) // 2], status_code=200, media_type="application/json")


def _entry(request: Request, status: int) -> LoggedRequest:
    return LoggedRequest(
        method=request.method,
        path=request.url.path,
        query=request.url.query,
        authorization=request.headers.get("Authorization"),
        message_token=request.headers.get(MESSAGE_TOKEN_HEADER),
        status=status,
    )


async def _http_exception(request: Request, exc: Exception) -> Response:
    """Starlette's own 404/405 (unknown path or method), in Google's shape."""
    return google_error(getattr(exc, "status_code", 500))

"""The Gmail REST methods the emulator serves, one handler each.

Handlers read the mailbox and answer with Gmail's JSON. They raise `EntityNotFound`
(404) or `BadRequest` (400) and leave authentication, faults and logging to
`gmail_api`, which wraps every one of them.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from devkit.emulator import base64url
from devkit.emulator.mailbox import Mailbox
from devkit.emulator.resource import (
    MESSAGE_FORMATS,
    created_draft,
    draft_resource,
    draft_stub,
    message_resource,
    thread_resource,
)

Handler = Callable[[Request, Mailbox], Awaitable[Response]]
_USERS = "/gmail/v1/users/{userId}"
_DEFAULT_PAGE = 100
_MAX_PAGE = 500


class BadRequest(ValueError):
    """The request is malformed (Gmail answers 400)."""


@dataclass(frozen=True, slots=True)
class Endpoint:
    """One REST method: where it lives and whether it needs the per-message token."""

    method: str
    path: str
    handler: Handler
    needs_message_token: bool


async def get_message(request: Request, mailbox: Mailbox) -> Response:
    """`users.messages.get`."""
    message = mailbox.message(request.path_params["id"])
    headers = request.query_params.getlist("metadataHeaders")
    return JSONResponse(message_resource(message, _format(request), headers))


async def get_thread(request: Request, mailbox: Mailbox) -> Response:
    """`users.threads.get`."""
    messages = mailbox.thread(request.path_params["id"])
    headers = request.query_params.getlist("metadataHeaders")
    return JSONResponse(thread_resource(messages, _format(request), headers))


async def get_attachment(request: Request, mailbox: Mailbox) -> Response:
    """`users.messages.attachments.get`."""
    data = mailbox.attachment(request.path_params["messageId"], request.path_params["id"])
    return JSONResponse({"size": len(data), "data": base64url.encode(data)})


async def create_draft(request: Request, mailbox: Mailbox) -> Response:
    """`users.drafts.create`."""
    raw, thread_id = await _draft_body(request)
    return JSONResponse(created_draft(mailbox.create_draft(raw, thread_id)))


async def update_draft(request: Request, mailbox: Mailbox) -> Response:
    """`users.drafts.update`."""
    raw, thread_id = await _draft_body(request)
    return JSONResponse(
        created_draft(mailbox.update_draft(request.path_params["id"], raw, thread_id))
    )


async def get_draft(request: Request, mailbox: Mailbox) -> Response:
    """`users.drafts.get`."""
    return JSONResponse(draft_resource(mailbox.draft(request.path_params["id"]), _format(request)))


async def list_drafts(request: Request, mailbox: Mailbox) -> Response:
    """`users.drafts.list`; `q` is accepted and ignored (every draft matches `in:draft`)."""
    size = _int_param(request, "maxResults", _DEFAULT_PAGE)
    start = _int_param(request, "pageToken", 0)
    drafts = mailbox.drafts()
    page = drafts[start : start + min(max(size, 1), _MAX_PAGE)]
    answer: dict[str, object] = {"resultSizeEstimate": len(drafts)}
    if page:
        answer["drafts"] = [draft_stub(draft) for draft in page]
    if start + len(page) < len(drafts):
        answer["nextPageToken"] = str(start + len(page))
    return JSONResponse(answer)


ENDPOINTS: tuple[Endpoint, ...] = (
    Endpoint("GET", f"{_USERS}/messages/{{id}}", get_message, True),
    Endpoint("GET", f"{_USERS}/threads/{{id}}", get_thread, True),
    Endpoint("GET", f"{_USERS}/messages/{{messageId}}/attachments/{{id}}", get_attachment, True),
    Endpoint("POST", f"{_USERS}/drafts", create_draft, True),
    Endpoint("GET", f"{_USERS}/drafts", list_drafts, False),
    Endpoint("GET", f"{_USERS}/drafts/{{id}}", get_draft, False),
    Endpoint("PUT", f"{_USERS}/drafts/{{id}}", update_draft, True),
)


def _format(request: Request) -> str:
    fmt = request.query_params.get("format", "full")
    if fmt not in MESSAGE_FORMATS:
        raise BadRequest(f"Invalid value at 'format' ({fmt})")
    return fmt


def _int_param(request: Request, name: str, default: int) -> int:
    value = request.query_params.get(name)
    if value is None:
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise BadRequest(f"Invalid value at '{name}' ({value})") from exc


async def _draft_body(request: Request) -> tuple[bytes, str | None]:
    try:
        body = json.loads(await request.body())
        message = body["message"]
        raw = base64url.decode(message["raw"])
    except (ValueError, KeyError, TypeError) as exc:
        raise BadRequest("Invalid draft: expected message.raw in base64url") from exc
    thread_id = message.get("threadId")
    return raw, thread_id if isinstance(thread_id, str) and thread_id else None

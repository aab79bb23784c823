"""The simulator's own routes under `/demo/`, and the page at `/` (demo mode only).

`/demo/invoke` is Google's part (sign, forward, hand back the endpoint's JSON as is);
the rest reads and writes the demo mailbox the way Gmail's UI would: list threads,
show a thread, open a draft, autosave the compose window, take an uploaded `.eml`.
Mail is returned as text in JSON, never as markup. Nothing here logs bodies or tokens.
"""

from __future__ import annotations

from dataclasses import dataclass
from email import policy
from email.parser import BytesParser
from email.utils import getaddresses
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field
from pydantic.alias_generators import to_camel

from devkit.demo.autosave import ComposeForm, save_draft
from devkit.demo.invoke import BadInvoke, DemoIdentity, Invoker
from devkit.demo.mailbox import MAX_UPLOAD_BYTES, BadEml, DemoMailbox
from devkit.demo.views import draft_json, message_json, summary_json
from devkit.emulator import EntityNotFound

STATIC_DIR = Path(__file__).parent / "static"
NO_STORE = {"Cache-Control": "no-store"}
Json = dict[str, Any]


@dataclass(frozen=True, slots=True)
class DemoState:
    """What the demo routes work with."""

    mailbox: DemoMailbox
    invoker: Invoker
    identity: DemoIdentity
    profile: str
    sender: str


MAX_PEOPLE = 50


class InvokeBody(BaseModel):
    """A widget action or trigger the page wants Google to send."""

    function: str = Field(max_length=2_000)
    event: dict[str, Any] = Field(default_factory=dict)
    scopes: list[str] | None = Field(default=None, max_length=50)
    # Whom Google says the user is (an uploaded message read as one of its people).
    asUser: str | None = Field(default=None, max_length=320)


class DraftBody(BaseModel):
    """The simulator's compose window, to autosave."""

    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True)

    draft_id: str = Field(default="", max_length=64)
    thread_id: str = Field(default="", max_length=64)
    to: str = Field(default="", max_length=5_000)
    cc: str = Field(default="", max_length=5_000)
    bcc: str = Field(default="", max_length=5_000)
    subject: str = Field(default="", max_length=1_000)
    body: str = Field(default="", max_length=200_000)


def demo_router(state: DemoState) -> APIRouter:
    """The page and the `/demo/*` JSON routes over `state`."""
    router = APIRouter()

    @router.get("/", include_in_schema=False)
    async def page() -> FileResponse:
        """The sidebar simulator."""
        return FileResponse(STATIC_DIR / "index.html", headers=NO_STORE)

    @router.get("/demo/info")
    async def info() -> Json:
        """Who the demo user is and what the add-on was granted."""
        return {
            "user": state.identity.user_email,
            "publicUrl": state.identity.base_url,
            "profile": state.profile,
            "scopes": list(state.identity.scopes),
        }

    @router.get("/demo/threads")
    async def threads() -> Json:
        """The thread list."""
        return {"threads": [summary_json(s) for s in state.mailbox.threads()]}

    @router.get("/demo/threads/{thread_id}")
    async def thread(thread_id: str) -> Response:
        """A thread's messages as text, drafts marked with their draft id."""
        try:
            messages = state.mailbox.messages(thread_id)
        except EntityNotFound:
            return _not_found("thread")
        drafts = state.mailbox.draft_ids()
        return JSONResponse(
            {"id": thread_id, "messages": [message_json(m, drafts) for m in messages]}
        )

    @router.get("/demo/drafts/{draft_id}")
    async def draft(draft_id: str) -> Response:
        """A draft as the compose window shows it."""
        try:
            return JSONResponse(draft_json(state.mailbox.draft(draft_id)))
        except EntityNotFound:
            return _not_found("draft")

    @router.post("/demo/drafts")
    async def autosave(body: DraftBody) -> Response:
        """Save the compose window as a draft (Gmail's autosave)."""
        form = ComposeForm(**body.model_dump())
        try:
            saved = save_draft(state.mailbox, form, state.sender)
        except EntityNotFound:
            return _not_found("draft or thread")
        return JSONResponse({"id": saved.id, "threadId": saved.message.thread_id})

    @router.post("/demo/upload")
    async def upload(request: Request) -> Response:
        """Add an `.eml` (the raw request body) to the mailbox as a received message."""
        raw = await _read_capped(request, MAX_UPLOAD_BYTES)
        if raw is None:
            return _bad(413, "file too large", f"The limit is {MAX_UPLOAD_BYTES // 2**20} MB.")
        try:
            stored = state.mailbox.upload(raw)
        except BadEml as exc:
            return _bad(400, "not an email", str(exc))
        return JSONResponse(
            {
                "threadId": stored.thread_id,
                "messageId": stored.id,
                "people": participants(raw),
            }
        )

    @router.post("/demo/invoke")
    async def invoke(body: InvokeBody) -> Response:
        """Sign the event as Google would and return our endpoint's answer unchanged."""
        try:
            path = state.invoker.target(body.function)
            event = state.invoker.event(body.event, body.scopes, body.asUser)
        except BadInvoke as exc:
            return _bad(400, "bad invoke", str(exc))
        answer = await state.invoker.forward(path, event)
        media = answer.headers.get("content-type", "application/json")
        return Response(answer.content, status_code=answer.status_code, media_type=media)

    return router


def participants(raw: bytes) -> list[str]:
    """The addresses on an uploaded message's From, To and Cc lines, in that order, once each:
    who the page may read it as."""
    message = BytesParser(policy=policy.default).parsebytes(raw, headersonly=True)
    found: list[str] = []
    for header in ("from", "to", "cc"):
        values = [str(v) for v in message.get_all(header, [])]
        for _, address in getaddresses(values):
            address = address.strip().lower()
            if "@" in address and address not in found:
                found.append(address)
    return found[:MAX_PEOPLE]


async def _read_capped(request: Request, limit: int) -> bytes | None:
    """The request body, or None as soon as it grows past `limit` bytes."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        return None
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


def _not_found(what: str) -> JSONResponse:
    return JSONResponse({"error": "not found", "detail": f"No such {what}."}, status_code=404)


def _bad(status: int, error: str, detail: str) -> JSONResponse:
    return JSONResponse({"error": error, "detail": detail}, status_code=status)

"""The Gmail API adapter: fetches messages, threads, attachments and drafts as dicts.

The only module that imports googleapiclient. It keeps three rules. It only fetches:
the dicts go to `mime.py` unparsed. Every `HttpError` and transport failure becomes a
`GmailError` (`raise ... from exc`). Tokens and bodies are never logged.

The service object is built once per process from the bundled discovery document, with
no credentials in it. Each call carries the user's bearer token and, for add-on scopes,
the per-message `X-Goog-Gmail-Access-Token`, and goes over `transport.py`: one pooled
httpx client shared by every thread.
Ids that Gmail can't have (not `[A-Za-z0-9_-]`) are "not found" without a request.
googleapiclient's own retries stay off; we retry a read once on a 5xx or a dropped
connection, and only when a second attempt still fits the ~10 s budget.
"""

from __future__ import annotations

import base64
import binascii
import logging
import re
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from googleapiclient.discovery import build
from googleapiclient.errors import Error as ApiClientError
from googleapiclient.errors import HttpError
from googleapiclient.http import HttpRequest

from app.gmail import transport
from app.gmail.errors import (
    GmailError,
    GmailTimeout,
    GmailUnavailable,
    MessageNotFound,
    error_for_answer,
)

JSON = dict[str, Any]
MessageFormat = Literal["full", "metadata", "minimal", "raw"]

MESSAGE_TOKEN_HEADER = "X-Goog-Gmail-Access-Token"
_TOTAL_BUDGET_SECONDS = 10.0
_RETRY_PAUSE_SECONDS = 0.1
_TO_URLSAFE = str.maketrans("+/", "-_")
_TRANSPORT_ERRORS = (OSError, ValueError)  # what transport.py raises (TimeoutError aside)
_ID_PLACEHOLDER = "GmailIdPlaceholder0"
_ID = re.compile(r"[A-Za-z0-9_-]{1,4096}")  # hex ids, "r…" drafts, long attachment ids

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True, repr=False)
class GmailAuth:
    """The user's OAuth token and, for add-on scopes, the per-message token."""

    user_token: str
    message_token: str | None = None

    def __repr__(self) -> str:
        message = "None" if self.message_token is None else "'<redacted>'"
        return f"GmailAuth(user_token='<redacted>', message_token={message})"


@dataclass(frozen=True, slots=True)
class CreatedDraft:
    """The ids of a draft just created (what `openCreatedDraftActionMarkup` needs)."""

    draft_id: str
    message_id: str
    thread_id: str


class GmailClient:
    """Blocking Gmail API calls; build one per process and share it across threads."""

    def __init__(self, api_endpoint: str, timeout_seconds: float) -> None:
        self._timeout = timeout_seconds
        self._http = transport.Transport(timeout_seconds)
        service = build(
            "gmail",
            "v1",
            http=self._http,
            static_discovery=True,
            cache_discovery=False,
            client_options={"api_endpoint": api_endpoint.rstrip("/") + "/"},
        )
        # googleapiclient builds each resource (every method from the discovery document)
        # anew on every `users().messages()`: ~1 ms a call. Built once here instead; they
        # are read-only afterwards, so threads share them.
        users = service.users()
        self._messages = users.messages()
        self._attachments = self._messages.attachments()
        self._threads = users.threads()
        self._drafts = users.drafts()
        self._templates: dict[tuple[str, str], HttpRequest] = {}
        self._templates_lock = threading.Lock()

    def get_message(
        self,
        auth: GmailAuth,
        message_id: str,
        fmt: MessageFormat = "full",
        metadata_headers: Sequence[str] = (),
    ) -> JSON:
        """`users.messages.get`; `metadata_headers` filters a `metadata` read."""
        if not metadata_headers:
            return self._read(auth, self._prepared("messages", fmt, _gmail_id(message_id)))
        request = self._messages.get(
            userId="me",
            id=_gmail_id(message_id),
            format=fmt,
            metadataHeaders=list(metadata_headers),
        )
        return self._read(auth, request)

    def get_thread(self, auth: GmailAuth, thread_id: str, fmt: MessageFormat = "full") -> JSON:
        """`users.threads.get`: the thread with its messages, oldest first."""
        return self._read(auth, self._prepared("threads", fmt, _gmail_id(thread_id)))

    def _prepared(
        self, resource: Literal["messages", "threads"], fmt: str, gmail_id: str
    ) -> HttpRequest:
        """googleapiclient's own `get` request for this id, from a template built once.

        googleapiclient validates the parameters against the discovery document, expands
        the URI template and serialises the query on every call (~0.15 ms of a ~0.5 ms
        read). The template is the request `users.<resource>.get` builds for a placeholder
        id; only the id differs, and ids are `[A-Za-z0-9_-]` (`_gmail_id`), so substituting
        it into the URI path gives exactly the URI googleapiclient would have built.
        """
        template = self._templates.get((resource, fmt))
        if template is None:
            methods = self._messages if resource == "messages" else self._threads
            template = methods.get(userId="me", id=_ID_PLACEHOLDER, format=fmt)
            with self._templates_lock:
                self._templates[(resource, fmt)] = template
        return HttpRequest(
            template.http,
            template.postproc,
            template.uri.replace(_ID_PLACEHOLDER, gmail_id, 1),
            method=template.method,
            body=template.body,
            headers=dict(template.headers),
            methodId=template.methodId,
        )

    def get_attachment(self, auth: GmailAuth, message_id: str, attachment_id: str) -> bytes:
        """`users.messages.attachments.get`, decoded to bytes."""
        request = self._attachments.get(
            userId="me", messageId=_gmail_id(message_id), id=_gmail_id(attachment_id)
        )
        answer = self._read(auth, request)
        try:
            return _decode_base64url(answer["data"])
        except (KeyError, TypeError, ValueError) as exc:
            raise GmailUnavailable() from exc

    def create_draft(
        self, auth: GmailAuth, raw_rfc822: bytes, thread_id: str | None = None
    ) -> CreatedDraft:
        """`users.drafts.create`; the draft joins `thread_id` when given. Never retried."""
        message = {"raw": base64.urlsafe_b64encode(raw_rfc822).decode("ascii")}
        if thread_id:
            message["threadId"] = thread_id
        request = self._drafts.create(userId="me", body={"message": message})
        answer = self._execute(auth, request)
        try:
            created = answer["message"]
            return CreatedDraft(answer["id"], created["id"], created["threadId"])
        except (KeyError, TypeError) as exc:
            raise GmailUnavailable() from exc

    def list_drafts(self, auth: GmailAuth, max_results: int = 10) -> list[JSON]:
        """`users.drafts.list`: draft stubs `{id, message: {id, threadId}}`, newest first."""
        request = self._drafts.list(userId="me", maxResults=max_results)
        drafts = self._read(auth, request).get("drafts", [])
        if not isinstance(drafts, list):
            raise GmailUnavailable()
        return drafts

    def get_draft(self, auth: GmailAuth, draft_id: str, fmt: MessageFormat = "full") -> JSON:
        """`users.drafts.get`: the draft with its message."""
        request = self._drafts.get(userId="me", id=_gmail_id(draft_id), format=fmt)
        return self._read(auth, request)

    def close(self) -> None:
        """Close pooled connections (the client stays usable)."""
        self._http.close()

    def __enter__(self) -> GmailClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _read(self, auth: GmailAuth, request: HttpRequest) -> JSON:
        """Run an idempotent call, retrying once on `GmailUnavailable` if time allows."""
        started = time.monotonic()
        try:
            return self._execute(auth, request)
        except GmailUnavailable as exc:
            spent = time.monotonic() - started
            if spent + _RETRY_PAUSE_SECONDS + self._timeout > _TOTAL_BUDGET_SECONDS:
                raise
            logger.info("%s failed (status %s); retrying once", request.methodId, exc.status)
        time.sleep(_RETRY_PAUSE_SECONDS)
        return self._execute(auth, request)

    def _execute(self, auth: GmailAuth, request: HttpRequest) -> JSON:
        request.headers["Authorization"] = f"Bearer {auth.user_token}"
        if auth.message_token:
            request.headers[MESSAGE_TOKEN_HEADER] = auth.message_token
        answer = _send(request, self._http)
        if not isinstance(answer, dict):
            logger.warning("%s answered with a body that is not a JSON object", request.methodId)
            raise GmailUnavailable()
        return answer


def _send(request: HttpRequest, http: transport.Transport) -> object:
    """One HTTP exchange, with every failure translated into a `GmailError`."""
    try:
        return request.execute(http=http, num_retries=0)
    except HttpError as exc:
        error = _translate(exc)
        logger.info("%s failed: HTTP %s %s", request.methodId, error.status, error.reason)
        raise error from exc
    except TimeoutError as exc:
        logger.warning("%s timed out", request.methodId)
        raise GmailTimeout() from exc
    except (*_TRANSPORT_ERRORS, ApiClientError) as exc:
        logger.warning("%s failed: %s", request.methodId, type(exc).__name__)
        raise GmailUnavailable() from exc


def _gmail_id(value: str) -> str:
    """An id as Gmail makes them; anything else can't exist (and must not reach a URL)."""
    if not _ID.fullmatch(value):
        raise MessageNotFound()
    return value


def _translate(exc: HttpError) -> GmailError:
    return error_for_answer(int(exc.resp.status), exc.content, exc.resp.get("retry-after"))


def _decode_base64url(text: str) -> bytes:
    """Gmail's base64url, padded or not (the standard alphabet is tolerated too)."""
    cleaned = text.strip().translate(_TO_URLSAFE).rstrip("=")
    padded = cleaned + "=" * (-len(cleaned) % 4)
    try:
        return base64.b64decode(padded, altchars=b"-_", validate=True)
    except binascii.Error as exc:
        raise ValueError("attachment data is not base64url") from exc

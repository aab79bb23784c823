"""A Gmail REST API emulator: messages, threads, attachments and drafts, with faults.

Self-contained (it imports nothing from `app.core`, `app.gmail` or `app.api`), so the
Gmail adapter's tests and the local demo mode can both run it on loopback.
"""

from devkit.emulator.faults import Fault, FaultKind, Faults
from devkit.emulator.gmail_api import MESSAGE_TOKEN_HEADER, Access, create_gmail_app
from devkit.emulator.mailbox import (
    DRAFT_LABELS,
    INBOX_LABELS,
    EntityNotFound,
    Mailbox,
    StoredDraft,
    StoredMessage,
)
from devkit.emulator.request_log import LoggedRequest, RequestLog
from devkit.emulator.resource import (
    MESSAGE_FORMATS,
    MessageFormat,
    draft_resource,
    message_resource,
    thread_resource,
)
from devkit.emulator.rfc822 import JSON, ParsedMessage, parse_message
from devkit.emulator.server import RunningServer, serve_in_thread

__all__ = [
    "DRAFT_LABELS",
    "INBOX_LABELS",
    "JSON",
    "MESSAGE_FORMATS",
    "MESSAGE_TOKEN_HEADER",
    "Access",
    "EntityNotFound",
    "Fault",
    "FaultKind",
    "Faults",
    "LoggedRequest",
    "Mailbox",
    "MessageFormat",
    "ParsedMessage",
    "RequestLog",
    "RunningServer",
    "StoredDraft",
    "StoredMessage",
    "create_gmail_app",
    "draft_resource",
    "message_resource",
    "parse_message",
    "serve_in_thread",
    "thread_resource",
]

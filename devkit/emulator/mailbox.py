"""The emulator's in-memory mailbox: messages, threads and drafts behind one lock.

Threads form as Gmail forms them: an explicit thread id wins, else `In-Reply-To` or
`References` naming a message we hold, else a new thread named after its first message.
Drafts join a thread only when a thread id is given. Ids are 16 hex digits for messages
and threads, `r` plus digits for drafts. Everything is deterministic except the clock
used for `internalDate` when a message has no usable `Date` header.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from devkit.emulator.rfc822 import ParsedMessage, parse_message

INBOX_LABELS = ("INBOX", "UNREAD")
DRAFT_LABELS = ("DRAFT",)
_FIRST_MESSAGE_ID = 0x18F3A5C2D1E00000
_FIRST_DRAFT_NUMBER = 7_341_000_000_000_000_000


class EntityNotFound(LookupError):
    """No message, thread, attachment or draft has that id (Gmail answers 404)."""


@dataclass(frozen=True, slots=True)
class StoredMessage:
    """One message as Gmail keeps it: ids, labels, raw bytes and the parsed view."""

    id: str
    thread_id: str
    label_ids: tuple[str, ...]
    raw: bytes
    parsed: ParsedMessage
    history_id: int
    internal_date_ms: int


@dataclass(frozen=True, slots=True)
class StoredDraft:
    """A draft: its `r…` id and its current message."""

    id: str
    message: StoredMessage


class Mailbox:
    """A thread-safe, in-memory Gmail mailbox."""

    def __init__(self, address: str = "me@example.com", *, clock: Callable[[], float] = time.time):
        self.address = address
        self._clock = clock
        self._lock = threading.Lock()
        self._messages: dict[str, StoredMessage] = {}
        self._threads: dict[str, list[str]] = {}
        self._thread_of_rfc_id: dict[str, str] = {}
        self._drafts: dict[str, str] = {}
        self._sequence = 0
        self._draft_sequence = 0
        self._history = 1000

    def add_eml(
        self,
        raw: bytes,
        thread_id: str | None = None,
        label_ids: Iterable[str] = INBOX_LABELS,
        *,
        internal_date_ms: int | None = None,
    ) -> str:
        """Store a received message; return its Gmail id."""
        with self._lock:
            gmail_id = self._next_message_id()
            parsed = parse_message(raw, gmail_id)
            thread = thread_id or self._thread_by_headers(parsed) or gmail_id
            stored = self._store(gmail_id, thread, tuple(label_ids), raw, parsed, internal_date_ms)
            return stored.id

    def message(self, message_id: str) -> StoredMessage:
        """The message with that id, drafts included."""
        with self._lock:
            return self._message(message_id)

    def thread(self, thread_id: str) -> tuple[StoredMessage, ...]:
        """The thread's messages in the order they arrived."""
        with self._lock:
            ids = self._threads.get(thread_id)
            if not ids:
                raise EntityNotFound(thread_id)
            return tuple(self._messages[message_id] for message_id in ids)

    def thread_ids(self) -> tuple[str, ...]:
        """Every thread id, oldest first."""
        with self._lock:
            return tuple(self._threads)

    def attachment(self, message_id: str, attachment_id: str) -> bytes:
        """The decoded bytes of one attachment."""
        with self._lock:
            found = self._message(message_id).parsed.attachments.get(attachment_id)
        if found is None:
            raise EntityNotFound(attachment_id)
        return found

    def create_draft(self, raw: bytes, thread_id: str | None = None) -> StoredDraft:
        """Store a draft; it joins `thread_id` when given (which must exist)."""
        with self._lock:
            self._draft_sequence += 1
            draft_id = f"r{_FIRST_DRAFT_NUMBER + self._draft_sequence}"
            message = self._store_draft_message(raw, thread_id)
            self._drafts[draft_id] = message.id
            return StoredDraft(draft_id, message)

    def update_draft(self, draft_id: str, raw: bytes, thread_id: str | None = None) -> StoredDraft:
        """Replace a draft's message (it gets a new message id, as in Gmail)."""
        with self._lock:
            old = self._message(self._draft_message_id(draft_id))
            if thread_id is not None and thread_id not in self._threads:
                raise EntityNotFound(thread_id)
            self._forget(old)
            keep_thread = old.thread_id if old.thread_id in self._threads else None
            message = self._store_draft_message(raw, thread_id or keep_thread)
            self._drafts[draft_id] = message.id
            return StoredDraft(draft_id, message)

    def draft(self, draft_id: str) -> StoredDraft:
        """The draft with that id."""
        with self._lock:
            return StoredDraft(draft_id, self._message(self._draft_message_id(draft_id)))

    def drafts(self) -> tuple[StoredDraft, ...]:
        """Every draft, newest first (Gmail's order)."""
        with self._lock:
            return tuple(
                StoredDraft(draft_id, self._messages[message_id])
                for draft_id, message_id in reversed(self._drafts.items())
            )

    def _store_draft_message(self, raw: bytes, thread_id: str | None) -> StoredMessage:
        if thread_id is not None and thread_id not in self._threads:
            raise EntityNotFound(thread_id)
        gmail_id = self._next_message_id()
        parsed = parse_message(raw, gmail_id)
        return self._store(gmail_id, thread_id or gmail_id, DRAFT_LABELS, raw, parsed, None)

    def _store(
        self,
        gmail_id: str,
        thread_id: str,
        labels: tuple[str, ...],
        raw: bytes,
        parsed: ParsedMessage,
        internal_date_ms: int | None,
    ) -> StoredMessage:
        self._history += 1
        when = internal_date_ms or parsed.date_ms or int(self._clock() * 1000)
        stored = StoredMessage(gmail_id, thread_id, labels, raw, parsed, self._history, when)
        self._messages[gmail_id] = stored
        self._threads.setdefault(thread_id, []).append(gmail_id)
        if parsed.message_id:
            self._thread_of_rfc_id[parsed.message_id] = thread_id
        return stored

    def _forget(self, message: StoredMessage) -> None:
        del self._messages[message.id]
        siblings = self._threads[message.thread_id]
        siblings.remove(message.id)
        if not siblings:
            del self._threads[message.thread_id]

    def _thread_by_headers(self, parsed: ParsedMessage) -> str | None:
        candidates = [parsed.in_reply_to, *reversed(parsed.references)]
        for rfc_id in candidates:
            thread = self._thread_of_rfc_id.get(rfc_id) if rfc_id else None
            if thread is not None and thread in self._threads:
                return thread
        return None

    def _next_message_id(self) -> str:
        self._sequence += 1
        return f"{_FIRST_MESSAGE_ID + self._sequence:016x}"

    def _message(self, message_id: str) -> StoredMessage:
        found = self._messages.get(message_id)
        if found is None:
            raise EntityNotFound(message_id)
        return found

    def _draft_message_id(self, draft_id: str) -> str:
        found = self._drafts.get(draft_id)
        if found is None:
            raise EntityNotFound(draft_id)
        return found

"""What the service needs from the outside world: the ports (Protocols) and their values.

- `MailReader`: reads the open thread and writes drafts (Gmail, or a fake in tests).
- `PreferencesStore`: each user's coaching preferences.
- `RecentIntros`: for the compose trigger, which introductions this user opened
  lately: only participants' addresses (hashed, except the introducer's, which the
  "put them back on Cc" fix must write), keyed by a keyed hash of the user id, expiring;
  and for the homepage list, each one's Gmail thread id and follow-up stage.
- `DraftLedger`: which reply drafts we created, so a repeated or retried
  "Reply to both" click opens the same draft instead of making a second one.

The adapters live elsewhere: `app.gmail.reader` for mail, `app.store.memory` in this
process (tests, one-process demo) and the `app.store.sql_*` modules in the shared
database, so several instances agree. `Request` is the context every service call gets.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Protocol

from app.core.model import Email, Thread
from app.core.preferences import Preferences
from app.gmail.client import CreatedDraft, GmailAuth

DRAFT_TTL_SECONDS = 15 * 60  # a created draft is found again for this long
INTRO_TTL_SECONDS = 14 * 24 * 3600  # a remembered introduction lives this long


class MailReader(Protocol):
    """Reads the open thread and writes drafts (Gmail in production, fakes in tests)."""

    def read_thread(self, auth: GmailAuth, message_id: str, thread_id: str | None) -> Thread:
        """The thread of the open message, oldest first."""
        ...

    def create_draft(self, auth: GmailAuth, raw: bytes, thread_id: str | None) -> CreatedDraft:
        """Create a draft: a reply in the thread, or a new message when `thread_id` is None."""
        ...

    def newest_draft(
        self, auth: GmailAuth, thread_id: str, recipients: Sequence[str]
    ) -> Email | None:
        """The newest saved draft in the thread (draft-read profile only)."""
        ...


class PreferencesStore(Protocol):
    """Per-user preferences, keyed by the verified Google user id."""

    def load(self, user_id: str) -> Preferences:
        """The user's preferences, or the defaults."""
        ...

    def save(self, user_id: str, prefs: Preferences) -> None:
        """Remember the user's preferences."""
        ...


@dataclass(frozen=True, slots=True)
class RememberedIntro:
    """An introduction the user opened: the introducer's address and hashed participants."""

    introducer: str
    introducer_name: str
    participants: frozenset[str]


@dataclass(frozen=True, slots=True)
class IntroListing:
    """One row of the homepage list: which thread, how far it got, when it was last seen.

    No names, subjects or addresses: Gmail's opaque thread id (for the link), the
    follow-up stage (`new`, `replied`, `connected`, `loop_closed`), when the user last
    opened it and when the introduction was sent (Unix times; 0 when unknown).
    """

    thread_id: str
    stage: str
    seen_at: float
    introduced_at: float = 0.0


class RecentIntros(Protocol):
    """Introductions each user opened recently, found again from a draft's recipients."""

    def remember(
        self,
        user: str,
        introducer: str,
        introducer_name: str,
        others: Iterable[str],
        *,
        thread_id: str = "",
        stage: str = "new",
        introduced_at: float = 0.0,
    ) -> None:
        """Keep this introduction for the user (newest first, at most 20), with its
        Gmail thread id, follow-up stage and date for the homepage list."""
        ...

    def listing(self, user: str) -> tuple[IntroListing, ...]:
        """The user's live introductions that have a thread id, newest first."""
        ...

    def find(self, user: str, recipients: Iterable[str]) -> RememberedIntro | None:
        """The newest remembered introduction whose other people are among `recipients`."""
        ...


@dataclass(frozen=True, slots=True)
class CreatedReply:
    """A draft we created: enough to open it again."""

    draft_id: str
    thread_id: str


class DraftInProgress(Exception):
    """Another click is still creating this draft; try again in a moment."""


class DraftLedger(Protocol):
    """Drafts created per (user, message, content): the same click twice opens one draft.

    Use: `with ledger.lock(key):` then `get(key)`, and create and `put` only when it is None.
    `lock` may raise `DraftInProgress` when another click holds the key too long.
    """

    def key(self, user: str, message_id: str, content: bytes) -> str:
        """The idempotency key of one reply."""
        ...

    def lock(self, key: str) -> AbstractContextManager[object]:
        """Held while one caller checks and creates the draft for `key`."""
        ...

    def get(self, key: str) -> CreatedReply | None:
        """The draft already created under this key."""
        ...

    def put(self, key: str, reply: CreatedReply) -> None:
        """Record a created draft."""
        ...


@dataclass(frozen=True, slots=True)
class Request:
    """One verified add-on call: who, which message, which form values."""

    user_id: str
    user_email: str
    auth: GmailAuth
    message_id: str = ""
    thread_id: str = ""
    params: dict[str, str] = field(default_factory=dict)
    form: dict[str, list[str]] = field(default_factory=dict)
    to: tuple[str, ...] = ()
    cc: tuple[str, ...] = ()
    bcc: tuple[str, ...] = ()

    def value(self, name: str) -> str:
        """A single form value, or empty."""
        values = self.form.get(name) or []
        return values[0] if values else ""

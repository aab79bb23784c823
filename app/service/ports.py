"""What the service needs from the outside world, as Protocols (ports), and request context."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from app.core.model import Email, Thread
from app.core.preferences import Preferences
from app.gmail.client import CreatedDraft, GmailAuth


class MailReader(Protocol):
    """Reads the open thread and writes drafts (Gmail in production, fakes in tests)."""

    def read_thread(self, auth: GmailAuth, message_id: str, thread_id: str | None) -> Thread:
        """The thread of the open message, oldest first."""
        ...

    def create_draft(self, auth: GmailAuth, raw: bytes, thread_id: str) -> CreatedDraft:
        """Create a reply draft in the thread."""
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


class MemoryPreferences:
    """Preferences kept in this process (tests and the single-instance demo)."""

    def __init__(self) -> None:
        self._prefs: dict[str, Preferences] = {}

    def load(self, user_id: str) -> Preferences:
        """The user's preferences, or the defaults."""
        return self._prefs.get(user_id, Preferences())

    def save(self, user_id: str, prefs: Preferences) -> None:
        """Remember the user's preferences."""
        self._prefs[user_id] = prefs

"""The emulator's record of the requests it answered, for tests to inspect.

It keeps the two credentials headers verbatim: this is a test double, and asserting
that the per-message token was sent is its purpose. Thread-safe.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class LoggedRequest:
    """One answered request."""

    method: str
    path: str
    query: str
    authorization: str | None
    message_token: str | None
    status: int


class RequestLog:
    """Every request the emulator answered, in order."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._entries: list[LoggedRequest] = []

    def record(self, entry: LoggedRequest) -> None:
        """Append one answered request."""
        with self._lock:
            self._entries.append(entry)

    def entries(self, path_contains: str = "") -> list[LoggedRequest]:
        """The requests so far, optionally only those whose path contains a substring."""
        with self._lock:
            return [entry for entry in self._entries if path_contains in entry.path]

    def last(self) -> LoggedRequest:
        """The most recent request; `LookupError` when there is none."""
        with self._lock:
            if not self._entries:
                raise LookupError("no request recorded")
            return self._entries[-1]

    def clear(self) -> None:
        """Forget every request."""
        with self._lock:
            self._entries.clear()

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)

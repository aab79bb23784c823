"""When to purge expired rows: opportunistically, on a write, at most once a while per process."""

from __future__ import annotations

import threading
from collections.abc import Callable

PURGE_EVERY_SECONDS = 300.0


class Housekeeping:
    """Answers `due()` True at most once per `every` seconds (the first call always)."""

    def __init__(self, clock: Callable[[], float], every: float = PURGE_EVERY_SECONDS) -> None:
        self._clock = clock
        self._every = every
        self._next = float("-inf")
        self._lock = threading.Lock()

    def due(self) -> bool:
        """Is it time to purge? Saying yes schedules the next purge."""
        now = self._clock()
        with self._lock:
            if now < self._next:
                return False
            self._next = now + self._every
            return True

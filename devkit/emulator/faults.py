"""Fault injection for the emulator: make the next requests fail, stall or truncate.

Rules are queued and matched in order. Each applies to requests whose path contains
`path_contains` (any request when `None`), `times` times (`None`: until cleared).
Thread-safe: tests queue faults from their thread while the server answers in its own.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Literal

FaultKind = Literal["status", "slow", "truncated"]


@dataclass(frozen=True, slots=True)
class Fault:
    """What to do to one request instead of (or before) answering it."""

    kind: FaultKind
    status: int = 200
    reason: str | None = None
    retry_after: str | None = None
    seconds: float = 0.0


@dataclass(slots=True, eq=False)
class _Rule:
    fault: Fault
    path_contains: str | None
    remaining: int | None


class Faults:
    """A queue of faults the emulator applies to matching requests."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._rules: list[_Rule] = []

    def fail(
        self,
        status: int,
        *,
        times: int | None = 1,
        path_contains: str | None = None,
        retry_after: int | str | None = None,
        reason: str | None = None,
    ) -> None:
        """Answer with a Google error of `status` (e.g. 401, 403, 404, 429, 500, 503)."""
        if not 400 <= status <= 599:
            raise ValueError(f"not an error status: {status}")
        header = None if retry_after is None else str(retry_after)
        fault = Fault("status", status=status, reason=reason, retry_after=header)
        self._add(fault, times, path_contains)

    def slow(
        self, seconds: float, *, times: int | None = 1, path_contains: str | None = None
    ) -> None:
        """Wait `seconds` before answering (or until the client hangs up)."""
        self._add(Fault("slow", seconds=seconds), times, path_contains)

    def truncate(self, *, times: int | None = 1, path_contains: str | None = None) -> None:
        """Answer 200 with the JSON body cut in half."""
        self._add(Fault("truncated"), times, path_contains)

    def clear(self) -> None:
        """Drop every queued fault."""
        with self._lock:
            self._rules.clear()

    def pending(self) -> int:
        """How many rules are still queued."""
        with self._lock:
            return len(self._rules)

    def take(self, path: str) -> Fault | None:
        """The fault for a request to `path`, using up one of its `times`."""
        with self._lock:
            for rule in self._rules:
                if rule.path_contains is None or rule.path_contains in path:
                    self._use(rule)
                    return rule.fault
        return None

    def _use(self, rule: _Rule) -> None:
        if rule.remaining is None:
            return
        rule.remaining -= 1
        if rule.remaining <= 0:
            self._rules.remove(rule)

    def _add(self, fault: Fault, times: int | None, path_contains: str | None) -> None:
        if times is not None and times < 1:
            raise ValueError("times must be at least 1 (or None for every request)")
        with self._lock:
            self._rules.append(_Rule(fault, path_contains, times))

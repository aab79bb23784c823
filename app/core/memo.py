"""Memoisation for one analysis at a time: per-sentence answers shared by the checks of one
draft, forgotten when that check returns.

Several check families ask the same question of the same sentence (how many words, is
it a greeting, does it propose a next step). A process-wide `lru_cache` would answer
them fast but would keep sentences of people's mail in memory after the request, shared
across users; our privacy rule is that message text is never kept. `one_analysis()`
opens a memo for the calling thread (or task) only; `per_analysis` functions use it when
one is open and compute directly otherwise; the memo is dropped on exit.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps
from typing import TypeVar

A = TypeVar("A", bound=Hashable)
R = TypeVar("R")

_memo: ContextVar[dict[object, object] | None] = ContextVar("intro_analysis_memo", default=None)


@contextmanager
def one_analysis() -> Iterator[None]:
    """A memo for the work inside the block (nested blocks share the outer one)."""
    if _memo.get() is not None:
        yield
        return
    token = _memo.set({})
    try:
        yield
    finally:
        _memo.reset(token)


def per_analysis(function: Callable[[A], R]) -> Callable[[A], R]:
    """Memoise a pure one-argument function within the open `one_analysis()`, if any."""

    @wraps(function)
    def memoised(argument: A) -> R:
        memo = _memo.get()
        if memo is None:
            return function(argument)
        key = (function, argument)
        try:
            return memo[key]  # type: ignore[return-value]
        except KeyError:
            value = memo[key] = function(argument)
            return value

    return memoised

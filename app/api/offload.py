"""Blocking work (Gmail calls, the store, the analysis) off the event loop, cheaply.

A plain `def` endpoint makes FastAPI hand it to AnyIO's thread pool: measured in process,
that hop costs ~0.4 ms of CPU per request (capacity limiter, cancel scopes, context copy,
telemetry wrapper), more than the whole bare endpoint (~0.17 ms). asyncio's own
`run_in_executor` on a `ThreadPoolExecutor` does the same job for ~0.14 ms. The add-on
endpoints are `async def` and call `off_loop(...)` once per request.

Nothing here relies on context variables (AnyIO copies them into the worker; the
executor does not): our handlers take everything they need as arguments.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

# As many as AnyIO's default limiter: real Gmail answers in 50-150 ms, and a request
# holds its thread for the whole exchange, so the pool must cover that concurrency.
WORKERS = 40
T = TypeVar("T")

_executor = ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="intro-blocking")


async def off_loop(work: Callable[..., T], *args: object) -> T:
    """`work(*args)` in a worker thread; its result or its exception, here."""
    return await asyncio.get_running_loop().run_in_executor(_executor, work, *args)

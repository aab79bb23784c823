"""Blocking work (Gmail calls, the store, the analysis) off the event loop, cheaply.

A plain `def` endpoint makes FastAPI hand it to AnyIO's thread pool: measured in process,
that hop costs ~0.4 ms of CPU per request (capacity limiter, cancel scopes, context copy,
telemetry wrapper), more than the whole bare endpoint (~0.17 ms). asyncio's
`run_in_executor` on a `ThreadPoolExecutor` does the same job (a concurrent future, a
work item and an asyncio future chained to it); `off_loop` does it with one asyncio
future, one `SimpleQueue.put`, and the worker hands the answer back with one
`call_soon_threadsafe`. Measured on uvloop with the loop and the worker on one CPU (as
the server runs), a hop of a no-op costs 17.5 us of CPU through `run_in_executor` and
9.4 us through `off_loop`. The add-on endpoints call `off_loop(...)` once per request.

Nothing here relies on context variables (AnyIO copies them into the worker;
`run_in_executor` and this pool do not): our handlers take everything they need as
arguments, the locale included (`routes.py` sets it inside the worker).

The pool is bounded (`WORKERS` threads, started as needed, daemon so a stuck Gmail call
never holds the interpreter) and shuts down at exit: each thread is told to stop once
the work queued before it is done.
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import queue
import threading
from collections.abc import Callable
from typing import Any, TypeVar

# As many as AnyIO's default limiter: real Gmail answers in 50-150 ms, and a request
# holds its thread for the whole exchange, so the pool must cover that concurrency.
WORKERS = 40
T = TypeVar("T")

_Job = tuple[
    asyncio.AbstractEventLoop, "asyncio.Future[Any]", Callable[..., Any], tuple[object, ...]
]


class _Pool:
    """Daemon threads taking jobs from one `SimpleQueue`; at most `workers` of them."""

    def __init__(self, workers: int, name: str) -> None:
        self._workers = workers
        self._name = name
        self._jobs: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()
        self._idle = threading.Semaphore(0)  # one release per thread waiting for a job
        self._lock = threading.Lock()
        self._threads: list[threading.Thread] = []
        self._closed = False

    def submit(
        self,
        loop: asyncio.AbstractEventLoop,
        future: asyncio.Future[Any],
        work: Callable[..., Any],
        args: tuple[object, ...],
    ) -> None:
        if self._closed:
            raise RuntimeError("cannot schedule work after the interpreter began shutting down")
        self._jobs.put((loop, future, work, args))
        if not self._idle.acquire(blocking=False):
            self._grow()

    def shutdown(self) -> None:
        """Let the queued work finish, then stop and join every thread."""
        with self._lock:
            self._closed = True
            threads = list(self._threads)
        for _ in threads:
            self._jobs.put(None)
        for thread in threads:
            thread.join()

    def _grow(self) -> None:
        with self._lock:
            if self._closed or len(self._threads) >= self._workers:
                return
            thread = threading.Thread(
                target=self._serve, name=f"{self._name}_{len(self._threads)}", daemon=True
            )
            self._threads.append(thread)
        thread.start()

    def _serve(self) -> None:
        jobs, idle = self._jobs, self._idle
        while True:
            job = jobs.get()
            if job is None:
                return
            loop, future, work, args = job
            del job
            try:
                result = work(*args)
            except BaseException as exc:  # handed to the awaiting task, as an executor does
                _answer(loop, future, _fail, exc)
                del exc
            else:
                _answer(loop, future, _succeed, result)
                del result
            del loop, future, work, args
            idle.release()


def _answer(
    loop: asyncio.AbstractEventLoop,
    future: asyncio.Future[Any],
    settle: Callable[[asyncio.Future[Any], Any], None],
    value: object,
) -> None:
    # RuntimeError: the loop closed while the work ran; nobody is waiting for the answer.
    with contextlib.suppress(RuntimeError):
        loop.call_soon_threadsafe(settle, future, value)


def _succeed(future: asyncio.Future[Any], result: object) -> None:
    if not future.done():  # the awaiting task may have been cancelled meanwhile
        future.set_result(result)


def _fail(future: asyncio.Future[Any], exc: BaseException) -> None:
    if not future.done():
        future.set_exception(exc)


_pool = _Pool(WORKERS, "intro-blocking")
atexit.register(_pool.shutdown)


async def off_loop(work: Callable[..., T], *args: object) -> T:
    """`work(*args)` in a worker thread; its result or its exception, here."""
    loop = asyncio.get_running_loop()
    future: asyncio.Future[T] = loop.create_future()
    _pool.submit(loop, future, work, args)
    return await future

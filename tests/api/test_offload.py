"""`off_loop`: blocking work runs in a worker thread; results and exceptions come back."""

from __future__ import annotations

import asyncio
import threading

import pytest

from app.api.offload import WORKERS, off_loop


def test_work_runs_off_the_event_loop_thread() -> None:
    async def main() -> tuple[str, str]:
        worker = await off_loop(lambda: threading.current_thread().name)
        return threading.current_thread().name, worker

    loop_thread, worker_thread = asyncio.run(main())
    assert worker_thread != loop_thread
    assert worker_thread.startswith("intro-blocking")


def test_arguments_results_and_exceptions_pass_through() -> None:
    def divide(a: int, b: int) -> float:
        return a / b

    assert asyncio.run(off_loop(divide, 6, 3)) == 2
    with pytest.raises(ZeroDivisionError):
        asyncio.run(off_loop(divide, 1, 0))


def test_blocking_calls_overlap_up_to_the_pool_size() -> None:
    """Calls that wait (as on Gmail) run side by side: the pool is not one thread."""
    barrier = threading.Barrier(8, timeout=5)

    async def main() -> list[int]:
        return list(await asyncio.gather(*(off_loop(barrier.wait) for _ in range(8))))

    assert sorted(asyncio.run(main())) == list(range(8))
    assert WORKERS >= 8

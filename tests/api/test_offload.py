"""`off_loop`: blocking work runs in a worker thread; results and exceptions come back."""

from __future__ import annotations

import asyncio
import threading

import pytest

from app.api.offload import WORKERS, _Pool, off_loop


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


def test_the_pool_is_bounded_and_shuts_down_cleanly() -> None:
    """No more threads than asked for, however much is queued; shutdown runs what was
    queued, then joins every thread."""
    pool = _Pool(2, "bounded")
    release = threading.Event()

    def wait_then_name() -> str:
        release.wait(5)
        return threading.current_thread().name

    async def main() -> list[str]:
        loop = asyncio.get_running_loop()
        futures = [loop.create_future() for _ in range(6)]
        for future in futures:
            pool.submit(loop, future, wait_then_name, ())
        release.set()
        return [await future for future in futures]

    done = asyncio.run(main())
    assert len(done) == 6
    assert set(done) <= {"bounded_0", "bounded_1"}
    pool.shutdown()
    assert not any(t.name.startswith("bounded") for t in threading.enumerate())
    loop = asyncio.new_event_loop()
    try:
        with pytest.raises(RuntimeError):
            pool.submit(loop, loop.create_future(), wait_then_name, ())
    finally:
        loop.close()


def test_a_cancelled_wait_leaves_the_pool_working() -> None:
    """The caller gave up (client gone): the work finishes, its answer is dropped."""
    started, release = threading.Event(), threading.Event()

    def slow() -> int:
        started.set()
        release.wait(5)
        return 1

    async def main() -> int:
        task = asyncio.ensure_future(off_loop(slow))
        await asyncio.get_running_loop().run_in_executor(None, started.wait, 5)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        release.set()
        return await off_loop(lambda: 2)

    assert asyncio.run(main()) == 2

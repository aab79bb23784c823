"""Server CPU per message open, split by thread: the event loop against the worker threads.

    .venv/bin/python -m scripts.bench_threads [--requests 3000]

Serves this checkout's app as `make bench` does (production flags, pinned to its own CPU,
the Gmail emulator and certs server on loopback), sends it the same signed message-open
event one request at a time, and reads each of its threads' CPU time (user and system,
from /proc/<pid>/task/<tid>/stat) before and after. The main thread runs the event loop
(uvicorn, the middleware, token checks, the card's rendering); the others are the worker
pool (the Gmail read, the analysis, the card). It tells which side a change has to cut;
`scripts.bench_ab` tells whether it did.
"""

from __future__ import annotations

import argparse
import os
from dataclasses import dataclass
from pathlib import Path

import httpx

from scripts.bench_stack import MESSAGE_PATH, running

WARM_UP = 300


@dataclass(frozen=True)
class Split:
    """CPU ms per request: the event loop's thread, every other thread, and user / system."""

    loop_ms: float
    workers_ms: float
    user_ms: float
    system_ms: float

    @property
    def total_ms(self) -> float:
        return self.loop_ms + self.workers_ms


def thread_ticks(pid: int) -> dict[int, tuple[int, int]]:
    """(user, system) clock ticks of each thread of a process so far (Linux /proc)."""
    found: dict[int, tuple[int, int]] = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            stat = Path(f"/proc/{pid}/task/{tid}/stat").read_text()
        except FileNotFoundError:  # the thread ended meanwhile
            continue
        fields = stat.rsplit(")", 1)[1].split()
        found[int(tid)] = (int(fields[11]), int(fields[12]))
    return found


def split(
    pid: int, before: dict[int, tuple[int, int]], after: dict[int, tuple[int, int]], requests: int
) -> Split:
    """Each side's CPU between two `thread_ticks` readings, in ms per request."""
    ms_per_tick = 1000 / os.sysconf("SC_CLK_TCK")
    loop = workers = user = system = 0
    for tid, (u, s) in after.items():
        u0, s0 = before.get(tid, (0, 0))
        spent = (u - u0) + (s - s0)
        user += u - u0
        system += s - s0
        if tid == pid:
            loop += spent
        else:
            workers += spent
    scale = ms_per_tick / requests
    return Split(loop * scale, workers * scale, user * scale, system * scale)


def measure(requests: int) -> Split:
    """Serve the app, warm it up, and split the CPU of `requests` sequential opens."""
    with running() as stack, httpx.Client(timeout=15) as client:
        url = stack.url + MESSAGE_PATH
        event = stack.event()
        headers = {"Authorization": f"Bearer {stack.token(MESSAGE_PATH)}"}
        for _ in range(WARM_UP):
            answer = client.post(url, json=event, headers=headers)
        if answer.status_code != 200 or "Introduction spotted" not in answer.text:
            raise RuntimeError("the app did not answer with the introduction card")
        before = thread_ticks(stack.app.pid)
        for _ in range(requests):
            client.post(url, json=event, headers=headers)
        return split(stack.app.pid, before, thread_ticks(stack.app.pid), requests)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=3000)
    args = parser.parse_args(argv)
    found = measure(args.requests)
    print(
        f"CPU per open: event loop {found.loop_ms:.3f} ms, worker threads "
        f"{found.workers_ms:.3f} ms, total {found.total_ms:.3f} ms "
        f"(user {found.user_ms:.3f}, system {found.system_ms:.3f})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

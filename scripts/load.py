"""`make load`: 200 concurrent clients for 60 s against the message endpoint, on loopback.

The stack of `make bench` (our app under uvicorn with the production flags, the Gmail
emulator, a certs server; separate processes). wrk (or, without it, the asyncio
client) keeps 200 connections busy; the app's RSS is sampled every 2 s. Passes (exit 0)
with no non-2xx answer, no socket error and RSS flat: at most 10 % above the level
after the first quarter of the run (warm-up: thread pool, caches).

    python -m scripts.load [--connections 200] [--seconds 60]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import time

from scripts.bench_client import drive, post_request
from scripts.bench_service import check_card
from scripts.bench_stack import MESSAGE_PATH, Stack, running
from scripts.bench_wrk import WRK_MISSING, have_wrk, parse_wrk, wrk_command

SAMPLE_SECONDS = 2.0
MAX_GROWTH = 0.10


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--connections", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args(argv)
    with running() as stack:
        check_card(stack)
        if have_wrk():
            requests, errors, samples = _with_wrk(stack, args.connections, args.seconds)
        else:
            print(WRK_MISSING.replace("(skipped)", "(using the asyncio client)"))
            requests, errors, samples = _with_asyncio(stack, args.connections, args.seconds)
        check_card(stack)  # still serving correctly afterwards
    return _report(requests, errors, samples, args)


def _with_wrk(
    stack: Stack, connections: int, seconds: float
) -> tuple[int, dict[str, int], list[tuple[float, int]]]:
    message = stack.message()
    command, script = wrk_command(message, stack.event(), connections, seconds)
    started = time.monotonic()
    samples = [(0.0, stack.rss_kib())]
    try:
        with subprocess.Popen(command, stdout=subprocess.PIPE, text=True) as process:
            while process.poll() is None:
                time.sleep(SAMPLE_SECONDS)
                samples.append((round(time.monotonic() - started, 1), stack.rss_kib()))
            out = process.stdout.read() if process.stdout else ""
    finally:
        os.unlink(script)
    result = parse_wrk(out, message.name, connections)
    print(
        f"wrk: {result.requests} requests in {result.seconds} s ({result.rps} req/s), "
        f"p50 {result.p50_ms} ms, p99 {result.p99_ms} ms, max {result.max_ms} ms"
    )
    return result.requests, result.errors, samples


def _with_asyncio(
    stack: Stack, connections: int, seconds: float
) -> tuple[int, dict[str, int], list[tuple[float, int]]]:
    body = json.dumps(stack.event()).encode()
    request = post_request("127.0.0.1", stack.port, MESSAGE_PATH, body, stack.token(MESSAGE_PATH))
    started = time.monotonic()
    samples = [(0.0, stack.rss_kib())]

    def sample(_: int) -> None:
        samples.append((round(time.monotonic() - started, 1), stack.rss_kib()))

    result = asyncio.run(
        drive(
            "127.0.0.1",
            stack.port,
            request,
            concurrency=connections,
            seconds=seconds,
            every=500,
            on_progress=sample,
        )
    )
    print(
        f"asyncio client: {result.requests} requests in {result.seconds:.1f} s, "
        f"p50 {result.percentile(0.5):.1f} ms, p99 {result.percentile(0.99):.1f} ms"
    )
    errors = {"status": result.non_2xx, "socket": result.socket_errors}
    return result.requests, errors, samples


def _report(
    requests: int,
    errors: dict[str, int],
    samples: list[tuple[float, int]],
    args: argparse.Namespace,
) -> int:
    warm = samples[max(1, len(samples) // 4)][1]
    last = samples[-1][1]
    growth = (last - warm) / warm
    print("RSS (s, KiB): " + ", ".join(f"{t:g}:{kib}" for t, kib in samples))
    print(
        f"load {args.connections} connections x {args.seconds:g} s: {requests} requests, "
        f"errors {errors}; RSS {warm} KiB after warm-up, {last} KiB at the end "
        f"({100 * growth:+.1f} %)"
    )
    failed = sum(errors.values()) > 0 or growth > MAX_GROWTH or requests == 0
    print("FAIL" if failed else "OK: 0 errors, memory flat")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())

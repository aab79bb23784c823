"""A small asyncio HTTP/1.1 keep-alive client: exact request counts, every status seen.

wrk is the load generator for throughput (written in C, its own cost stays small);
this client drives the runs that need an exact number of requests (memory after
10 000 requests) or a per-response check, and stands in for wrk when it is missing.
It speaks just enough HTTP for uvicorn's answers (Content-Length bodies). Loopback only.
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class DriveResult:
    """What one run saw: statuses, socket errors, latencies (ms) and wall time."""

    statuses: Counter[int] = field(default_factory=Counter)
    socket_errors: int = 0
    latencies_ms: list[float] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def requests(self) -> int:
        return sum(self.statuses.values())

    @property
    def non_2xx(self) -> int:
        return sum(n for status, n in self.statuses.items() if not 200 <= status < 300)

    def percentile(self, q: float) -> float:
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(len(ordered) * q))] if ordered else 0.0


def post_request(host: str, port: int, path: str, body: bytes, token: str) -> bytes:
    """The raw bytes of one keep-alive POST with a bearer token."""
    head = (
        f"POST {path} HTTP/1.1\r\nHost: {host}:{port}\r\nContent-Type: application/json\r\n"
        f"Authorization: Bearer {token}\r\nContent-Length: {len(body)}\r\n\r\n"
    )
    return head.encode("ascii") + body


async def drive(
    host: str,
    port: int,
    request: bytes,
    *,
    concurrency: int,
    total: int | None = None,
    seconds: float | None = None,
    every: int = 1000,
    on_progress: Callable[[int], None] | None = None,
) -> DriveResult:
    """Send `request` over `concurrency` connections until `total` requests or `seconds` pass.

    `on_progress(count)` runs after every `every` completed requests.
    """
    result = DriveResult()
    deadline = time.monotonic() + seconds if seconds is not None else None
    started = time.monotonic()
    issued = 0

    def claim() -> bool:
        nonlocal issued
        if total is not None and issued >= total:
            return False
        if deadline is not None and time.monotonic() >= deadline:
            return False
        issued += 1
        return True

    async def worker() -> None:
        reader = writer = None
        while claim():
            try:
                if writer is None:
                    reader, writer = await asyncio.open_connection(host, port)
                assert reader is not None
                sent = time.perf_counter()
                writer.write(request)
                status = await _read_response(reader)
                result.latencies_ms.append((time.perf_counter() - sent) * 1000)
                result.statuses[status] += 1
            except (OSError, asyncio.IncompleteReadError, ValueError):
                result.socket_errors += 1
                _close(writer)
                writer = None
                continue
            if on_progress is not None and result.requests % every == 0:
                on_progress(result.requests)
        _close(writer)

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    result.seconds = time.monotonic() - started
    return result


async def _read_response(reader: asyncio.StreamReader) -> int:
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ", 2)[1])
    length = 0
    for line in lines[1:]:
        name, _, value = line.partition(":")
        if name.strip().lower() == "content-length":
            length = int(value.strip())
    await reader.readexactly(length)
    return status


def _close(writer: asyncio.StreamWriter | None) -> None:
    if writer is not None:
        writer.close()

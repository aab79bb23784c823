"""Service benchmark: the message-open endpoint next to a bare endpoint, same server, same run.

The stack runs in separate processes (`scripts.bench_stack`): our app under uvicorn
with the production flags, the Gmail emulator, a certs server. wrk POSTs a signed
event at 1, 20 and 100 connections to `/addon/message` (token check with cached certs,
Gmail fetch over loopback, analysis, card JSON) and to `/bench/bare`. Besides wrk's
throughput and latency, each run reports the app's CPU time per request (from /proc),
which other load on the machine disturbs far less than throughput.
Memory: the app's RSS sampled after every 1 000 of 10 000 requests (20 connections).
"""

from __future__ import annotations

import asyncio
import json
import os
import statistics
from pathlib import Path
from typing import Any

from scripts.bench_client import drive, post_request
from scripts.bench_stack import (
    BARE_PATH,
    MESSAGE_PATH,
    WRK_MISSING,
    Stack,
    have_wrk,
    running,
    wrk,
)


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def check_card(stack: Stack) -> None:
    """The endpoint under test really answers with the introduction card."""
    response = stack.post(MESSAGE_PATH, stack.event())
    body = response.json()
    card = body["action"]["navigations"][0]["pushCard"]
    if response.status_code != 200 or card["header"]["title"] != "Introduction spotted":
        raise RuntimeError(f"unexpected answer from {MESSAGE_PATH}: {response.status_code}")


def throughput(
    stack: Stack, connections: tuple[int, ...], seconds: float, rounds: int = 4
) -> list[dict[str, Any]]:
    """wrk at each connection count: bare and message endpoints in alternating rounds.

    This machine's speed drifts by tens of percent within seconds (a shared VM), so
    the two endpoints take turns: `rounds` short runs each, bare then message, merged.
    Throughput is all requests over all run time; p50/p90/p99 are the rounds' medians.
    """
    event = stack.event()
    runs = []
    for count in connections:
        per_path: dict[str, list[tuple[Any, float]]] = {BARE_PATH: [], MESSAGE_PATH: []}
        for _ in range(rounds):
            for path in (BARE_PATH, MESSAGE_PATH):
                before = cpu_seconds(stack.app.pid)
                result = wrk(stack, path, event, count, max(1.0, seconds / rounds))
                per_path[path].append((result, cpu_seconds(stack.app.pid) - before))
        runs += [merged(path, count, parts) for path, parts in per_path.items()]
    return runs


def merged(path: str, count: int, parts: list[tuple[Any, float]]) -> dict[str, Any]:
    """One row from several wrk rounds of the same endpoint and connection count."""
    results = [result for result, _ in parts]
    requests = sum(r.requests for r in results)
    duration = sum(r.seconds for r in results)
    row: dict[str, Any] = {
        "path": path,
        "connections": count,
        "rounds": len(results),
        "seconds": round(duration, 2),
        "requests": requests,
        "rps": round(requests / duration, 1) if duration else 0.0,
        "p50_ms": statistics.median(r.p50_ms for r in results),
        "p90_ms": statistics.median(r.p90_ms for r in results),
        "p99_ms": statistics.median(r.p99_ms for r in results),
        "max_ms": max(r.max_ms for r in results),
        "errors": {k: sum(r.errors[k] for r in results) for k in results[0].errors},
    }
    cpu = sum(used for _, used in parts)
    row["app_cpu_ms_per_request"] = round(1000 * cpu / max(1, requests), 3)
    return row


def memory(stack: Stack, total: int = 10_000, concurrency: int = 20) -> dict[str, Any]:
    """RSS (KiB) of the app before and after every 1 000 of `total` message requests."""
    body = json.dumps(stack.event()).encode()
    request = post_request("127.0.0.1", stack.port, MESSAGE_PATH, body, stack.token(MESSAGE_PATH))
    samples = [(0, stack.rss_kib())]
    result = asyncio.run(
        drive(
            "127.0.0.1",
            stack.port,
            request,
            concurrency=concurrency,
            total=total,
            on_progress=lambda done: samples.append((done, stack.rss_kib())),
        )
    )
    first, last = samples[1][1], samples[-1][1]
    return {
        "requests": result.requests,
        "non_2xx": result.non_2xx,
        "socket_errors": result.socket_errors,
        "rss_kib": samples,
        "rss_after_first_1000_kib": first,
        "rss_after_last_1000_kib": last,
        "growth_kib": last - first,
        "growth_pct": round(100 * (last - first) / first, 1),
    }


def service_bench(
    connections: tuple[int, ...] = (1, 20, 100),
    seconds: float = 8,
    database_url: str = "memory://",
    pin: bool = True,
) -> dict[str, Any]:
    """Throughput runs (if wrk is there) and the memory run, on one stack."""
    with running(database_url=database_url, pin=pin) as stack:
        check_card(stack)
        out: dict[str, Any] = {"app_cpu": stack.cpu}
        if have_wrk():
            out["runs"] = throughput(stack, connections, seconds)
        else:
            print(WRK_MISSING)
            out["runs"] = []
        out["memory"] = memory(stack)
        return out


def ratios(runs: list[dict[str, Any]]) -> dict[int, float]:
    """Message throughput as a share of the bare endpoint's, per connection count."""
    by_key = {(r["path"], r["connections"]): r for r in runs}
    return {
        count: round(by_key[(MESSAGE_PATH, count)]["rps"] / by_key[(BARE_PATH, count)]["rps"], 3)
        for path, count in by_key
        if path == BARE_PATH and (MESSAGE_PATH, count) in by_key
    }

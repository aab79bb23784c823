"""Service benchmark: message open on our app next to a separate bare app, same run.

The stack runs in separate processes (`scripts.bench_stack`): our app
(`app.main:app`, production's, under uvicorn with the production flags), the Gmail
emulator, a certs server, and the baseline: `scripts.bench_bare:app`, a one-route
FastAPI app with nothing of ours, under the same flags on the same CPU. wrk POSTs the
same signed event at 1, 20 and 100 connections to `/addon/message` (token checks with
cached certs, Gmail fetch over loopback, analysis, card JSON) and to the bare app's
route, the two taking turns. Besides wrk's throughput and latency, each run reports the
server's CPU time per request (utime + stime from /proc/<pid>/stat, before and after
each wrk run): wrk, the emulator and the server share two cores, and CPU per request
is disturbed far less by that than throughput.
Memory: our app's RSS sampled after every 1 000 of 10 000 requests (20 connections).
"""

from __future__ import annotations

import asyncio
import json
import statistics
from typing import Any

from scripts.bench_client import drive, post_request
from scripts.bench_stack import MESSAGE_PATH, Endpoint, Stack, bare_app, cpu_seconds, running
from scripts.bench_wrk import WRK_MISSING, WrkResult, have_wrk, wrk

MESSAGE = "message open"
BARE = "bare app"


def check_card(stack: Stack) -> None:
    """The endpoint under test really answers with the introduction card."""
    response = stack.post(MESSAGE_PATH, stack.event())
    body = response.json()
    card = body["action"]["navigations"][0]["pushCard"]
    if response.status_code != 200 or card["header"]["title"] != "Introduction spotted":
        raise RuntimeError(f"unexpected answer from {MESSAGE_PATH}: {response.status_code}")


def throughput(
    endpoints: tuple[Endpoint, ...],
    event: dict[str, Any],
    connections: tuple[int, ...],
    seconds: float,
    rounds: int = 4,
) -> list[dict[str, Any]]:
    """wrk at each connection count: the endpoints in alternating rounds, one row each.

    This machine's speed drifts by tens of percent within seconds (a shared VM), so
    the endpoints take turns: `rounds` short runs each, in order, merged. Throughput is
    all requests over all run time; p50/p90/p99 are the rounds' medians; CPU per
    request is the serving process's CPU over all rounds by all requests.
    """
    runs = []
    for count in connections:
        parts: dict[str, list[tuple[WrkResult, float]]] = {e.name: [] for e in endpoints}
        for _ in range(rounds):
            for endpoint in endpoints:
                before = cpu_seconds(endpoint.pid)
                result = wrk(endpoint, event, count, max(1.0, seconds / rounds))
                parts[endpoint.name].append((result, cpu_seconds(endpoint.pid) - before))
        runs += [merged(name, count, done) for name, done in parts.items()]
    return runs


def merged(endpoint: str, count: int, parts: list[tuple[WrkResult, float]]) -> dict[str, Any]:
    """One row from several wrk rounds of the same endpoint and connection count."""
    results = [result for result, _ in parts]
    requests = sum(r.requests for r in results)
    duration = sum(r.seconds for r in results)
    cpu = sum(used for _, used in parts)
    return {
        "endpoint": endpoint,
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
        "server_cpu_s": round(cpu, 2),
        "cpu_ms_per_request": round(1000 * cpu / max(1, requests), 3),
    }


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
            every=max(1, total // 10),
            on_progress=lambda done: samples.append((done, stack.rss_kib())),
        )
    )
    first, last = samples[1][1], samples[-1][1]
    return {
        "requests": result.requests,
        "non_2xx": result.non_2xx,
        "socket_errors": result.socket_errors,
        "rss_kib": samples,
        "rss_after_first_tenth_kib": first,
        "rss_at_end_kib": last,
        "growth_kib": last - first,
        "growth_pct": round(100 * (last - first) / first, 1),
    }


def service_bench(
    connections: tuple[int, ...] = (1, 20, 100),
    seconds: float = 12,
    *,
    rounds: int = 6,
    memory_requests: int = 10_000,
    database_url: str = "memory://",
    pin: bool = True,
) -> dict[str, Any]:
    """Throughput runs (if wrk is there) and the memory run, on one stack."""
    with running(database_url=database_url, pin=pin) as stack, bare_app(stack) as bare:
        check_card(stack)
        out: dict[str, Any] = {"app_cpu": stack.cpu, "seconds": seconds, "rounds": rounds}
        if have_wrk():
            endpoints = (bare, stack.message())
            out["runs"] = throughput(endpoints, stack.event(), connections, seconds, rounds)
        else:
            print(WRK_MISSING)
            out["runs"] = []
        out["memory"] = memory(stack, memory_requests)
        return out


def side_by_side(runs: list[dict[str, Any]]) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """(message open, bare app) rows per connection count, fewest connections first."""
    by_key = {(r["endpoint"], r["connections"]): r for r in runs}
    counts = sorted({count for name, count in by_key if name == MESSAGE})
    return [(by_key[(MESSAGE, c)], by_key[(BARE, c)]) for c in counts if (BARE, c) in by_key]

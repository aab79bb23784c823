"""wrk, Debian's C load generator, driven from Python: one signed POST over keep-alive.

`wrk(endpoint, event, connections, seconds)` writes a Lua script that POSTs the event
with the endpoint's bearer token and prints wrk's summary as one JSON line, runs wrk
and reads that line back. wrk's own cost stays small next to a Python server's.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from scripts.bench_stack import Endpoint


def have_wrk() -> bool:
    """Whether Debian's `wrk` is on PATH."""
    return shutil.which("wrk") is not None


WRK_MISSING = "wrk is not installed: `apt-get update && apt-get install -y wrk` (skipped)"

_LUA = """\
wrk.method = "POST"
wrk.body = [==[{body}]==]
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer {token}"
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRK {{"requests":%d,"duration_us":%d,"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d,'
    .. '"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d}}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.max, e.connect, e.read, e.write, e.status, e.timeout))
end
"""


@dataclass(frozen=True)
class WrkResult:
    """One wrk run: throughput, latency percentiles (ms) and error counts."""

    endpoint: str
    connections: int
    seconds: float
    requests: int
    rps: float
    p50_ms: float
    p90_ms: float
    p99_ms: float
    max_ms: float
    errors: dict[str, int]

    @property
    def error_count(self) -> int:
        return sum(self.errors.values())


def wrk_command(
    endpoint: Endpoint, event: Mapping[str, Any], connections: int, seconds: float
) -> tuple[list[str], str]:
    """The wrk command line and its Lua script's path (the caller deletes the script)."""
    lua = _LUA.format(body=json.dumps(event), token=endpoint.token)
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(lua)
    command = [
        "wrk",
        f"-t{min(2, connections)}",
        f"-c{connections}",
        f"-d{max(1, round(seconds))}s",
        "--timeout",
        "10s",
        "-s",
        script.name,
        endpoint.url,
    ]
    return command, script.name


def wrk(
    endpoint: Endpoint, event: Mapping[str, Any], connections: int, seconds: float
) -> WrkResult:
    """Drive `endpoint` with wrk: POST the event over `connections` keep-alive connections."""
    command, script = wrk_command(endpoint, event, connections, seconds)
    try:
        out = subprocess.run(
            command, capture_output=True, text=True, timeout=seconds + 30, check=True
        ).stdout
    finally:
        os.unlink(script)
    return parse_wrk(out, endpoint.name, connections)


def parse_wrk(out: str, endpoint: str, connections: int) -> WrkResult:
    """The figures our Lua `done` hook printed."""
    line = next(x for x in out.splitlines() if x.startswith("WRK "))
    raw: dict[str, int] = json.loads(line[4:])
    duration = raw["duration_us"] / 1e6
    errors = {k: raw[k] for k in ("connect", "read", "write", "status", "timeout")}
    return WrkResult(
        endpoint=endpoint,
        connections=connections,
        seconds=round(duration, 2),
        requests=raw["requests"],
        rps=round(raw["requests"] / duration, 1),
        p50_ms=raw["p50_us"] / 1000,
        p90_ms=raw["p90_us"] / 1000,
        p99_ms=raw["p99_us"] / 1000,
        max_ms=raw["max_us"] / 1000,
        errors=errors,
    )

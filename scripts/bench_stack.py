"""The benchmark stack: our app, the Gmail emulator and a certs server, in separate processes.

`running(...)` starts the certs server (a thread of this process, fetched once by the
app and then cached), the Gmail emulator (`scripts.bench_emulator`, its own uvicorn
process) and our app (`scripts.bench_app:app` under uvicorn with the production flags,
plus `/bench/bare`), all on 127.0.0.1. It mints Google-like tokens for the exact URLs
with the test signer, writes wrk Lua scripts, and reads the app's RSS from /proc.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from tests.addon.google_fakes import CLIENT_ID, SERVICE_ACCOUNT, CertsServer, shared_signer

ROOT = Path(__file__).resolve().parents[1]
INTRO_EML = ROOT / "tests" / "data" / "api" / "intro_joe.eml"
USER = "dana@reyes.example"
USER_SUB = "1122334455"
USER_TOKEN = "ya29.bench-user-token"
MESSAGE_TOKEN = "bench-message-token"
MESSAGE_PATH = "/addon/message"
BARE_PATH = "/bench/bare"
# The flags `make run` serves with (see docs/performance.md for why each one).
UVICORN_FLAGS = ("--no-access-log", "--timeout-keep-alive", "75")
QUIET = (*UVICORN_FLAGS, "--log-level", "warning")  # the same, without startup lines
SCOPES = (
    "https://www.googleapis.com/auth/gmail.addons.execute",
    "https://www.googleapis.com/auth/gmail.addons.current.message.readonly",
    "https://www.googleapis.com/auth/gmail.addons.current.action.compose",
)


def free_port() -> int:
    """A loopback port that was free a moment ago."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def rss_kib(pid: int) -> int:
    """Resident set size of a process, in KiB (Linux /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def wait_listening(port: int, process: subprocess.Popen[bytes], timeout: float = 20.0) -> None:
    """Block until something accepts connections on `port` (or the process died)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"process exited with {process.returncode} before listening")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.005)
    raise RuntimeError(f"nothing listens on 127.0.0.1:{port} after {timeout} s")


def stop(process: subprocess.Popen[bytes]) -> None:
    """Terminate one process we started and reap it."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)


def user_event(message_id: str, thread_id: str, **extra: Any) -> dict[str, Any]:
    """An add-on event like Google's for the open message, with a signed userIdToken."""
    user_token = shared_signer().user_token(client_id=CLIENT_ID, sub=USER_SUB, email=USER)
    return {
        "commonEventObject": {"hostApp": "GMAIL", "platform": "WEB", **extra},
        "authorizationEventObject": {
            "userOAuthToken": USER_TOKEN,
            "userIdToken": user_token,
            "authorizedScopes": list(SCOPES),
        },
        "gmail": {"messageId": message_id, "threadId": thread_id, "accessToken": MESSAGE_TOKEN},
    }


def app_env(
    app_url: str, certs_url: str, gmail_url: str, database_url: str = "memory://"
) -> dict[str, str]:
    """The environment our app runs with: loopback Google, loopback Gmail."""
    return {
        **os.environ,
        "INTRO_PUBLIC_URL": app_url,
        "INTRO_ADDON_SERVICE_ACCOUNT": SERVICE_ACCOUNT,
        "INTRO_OAUTH_CLIENT_ID": CLIENT_ID,
        "INTRO_GOOGLE_CERTS_URL": certs_url,
        "INTRO_GMAIL_API_ENDPOINT": gmail_url,
        "INTRO_GMAIL_TIMEOUT_SECONDS": "5",
        "INTRO_HASH_KEY": "bench-hash-key",
        "INTRO_DATABASE_URL": database_url,
        "PYTHONDONTWRITEBYTECODE": "1",
    }


def uvicorn_command(target: str, port: int, flags: Sequence[str] = UVICORN_FLAGS) -> list[str]:
    """`python -m uvicorn TARGET` on 127.0.0.1:port with these flags (production's by default)."""
    host = ["--host", "127.0.0.1", "--port", str(port)]
    return [sys.executable, "-m", "uvicorn", target, *host, *flags]


@dataclass
class Emulator:
    """The Gmail emulator process and the ids of the messages it holds."""

    process: subprocess.Popen[bytes]
    url: str
    ids: dict[str, list[str]]


@contextmanager
def emulator(messages: Mapping[str, Path] | None = None) -> Iterator[Emulator]:
    """Run `scripts.bench_emulator` with the given named .eml files (Joe's intro by default)."""
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="bench-emu-") as tmp:
        ids_file = Path(tmp) / "ids.json"
        spec = {name: str(path) for name, path in (messages or {"intro": INTRO_EML}).items()}
        command = [sys.executable, "-m", "scripts.bench_emulator", str(port), str(ids_file)]
        process = subprocess.Popen(
            [*command, json.dumps(spec)], cwd=ROOT, stdout=subprocess.DEVNULL
        )
        try:
            wait_listening(port, process)
            yield Emulator(process, f"http://127.0.0.1:{port}", json.loads(ids_file.read_text()))
        finally:
            stop(process)


@dataclass
class Stack:
    """Running processes plus how to call the app as Google would."""

    app: subprocess.Popen[bytes]
    url: str
    certs: CertsServer
    gmail: Emulator
    cpu: int | None = None  # the CPU the app runs on alone (None: unpinned)
    client: httpx.Client = field(default_factory=lambda: httpx.Client(timeout=15))

    @property
    def port(self) -> int:
        return int(self.url.rsplit(":", 1)[1])

    def token(self, path: str) -> str:
        """Google's system ID token for exactly this URL (valid one hour)."""
        url = self.url + path
        return shared_signer().system_token(audience=url, service_account=SERVICE_ACCOUNT)

    def event(self, name: str = "intro") -> dict[str, Any]:
        """The message-open event of a message the emulator holds."""
        message_id, thread_id = self.gmail.ids[name]
        return user_event(message_id, thread_id)

    def post(self, path: str, event: Mapping[str, Any]) -> httpx.Response:
        """One signed POST."""
        headers = {"Authorization": f"Bearer {self.token(path)}"}
        return self.client.post(self.url + path, json=dict(event), headers=headers)

    def rss_kib(self) -> int:
        return rss_kib(self.app.pid)


@contextmanager
def running(
    messages: Mapping[str, Path] | None = None,
    *,
    target: str = "scripts.bench_app:app",
    flags: Sequence[str] = QUIET,
    database_url: str = "memory://",
    pin: bool = True,
) -> Iterator[Stack]:
    """Certs server, emulator and our app (separate processes); all stopped on exit.

    With `pin` (and two CPUs or more) the app runs on one CPU of its own, as on a
    one-vCPU Cloud Run instance (one worker process per vCPU: deploy/start.sh), and
    nothing else we start runs there: see `app_cpu()`.
    """
    with CertsServer(shared_signer().certs_json()) as certs, emulator(messages) as gmail:
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        env = app_env(url, certs.url, gmail.url, database_url)
        cpu = app_cpu() if pin else None
        everywhere = os.sched_getaffinity(0)
        others = everywhere - {cpu}
        if cpu is not None:
            os.sched_setaffinity(0, {cpu})  # the app inherits this...
        app = subprocess.Popen(uvicorn_command(target, port, flags), cwd=ROOT, env=env)
        if cpu is not None:
            os.sched_setaffinity(0, others)  # ...and we, wrk and the emulator keep off it
            os.sched_setaffinity(gmail.process.pid, others)
        try:
            wait_listening(port, app)
            stack = Stack(app, url, certs, gmail, cpu)
            yield stack
            stack.client.close()
        finally:
            stop(app)
            os.sched_setaffinity(0, everywhere)


def app_cpu() -> int | None:
    """The CPU the benchmarked app gets to itself (the last one), or None with one CPU.

    Unpinned on a two-core machine, the app's event loop and worker threads bounce
    between cores and share them with wrk and the emulator: measured in one session,
    message-open CPU 2.56 ms unpinned vs 2.15 ms pinned at 20 connections (bare 0.35 vs
    0.32 ms). Production runs one worker process per vCPU, so pinned is the fair setting.
    """
    cpus = os.sched_getaffinity(0)
    return max(cpus) if len(cpus) > 1 else None


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

    path: str
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
    stack: Stack, path: str, event: Mapping[str, Any], connections: int, seconds: float
) -> tuple[list[str], str]:
    """The wrk command line and its Lua script's path (the caller deletes the script)."""
    lua = _LUA.format(body=json.dumps(event), token=stack.token(path))
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
        stack.url + path,
    ]
    return command, script.name


def wrk(
    stack: Stack, path: str, event: Mapping[str, Any], connections: int, seconds: float
) -> WrkResult:
    """Drive `path` with wrk: POST the signed event over `connections` keep-alive connections."""
    command, script = wrk_command(stack, path, event, connections, seconds)
    try:
        out = subprocess.run(
            command, capture_output=True, text=True, timeout=seconds + 30, check=True
        ).stdout
    finally:
        os.unlink(script)
    return parse_wrk(out, path, connections)


def parse_wrk(out: str, path: str, connections: int) -> WrkResult:
    """The figures our Lua `done` hook printed."""
    line = next(x for x in out.splitlines() if x.startswith("WRK "))
    raw: dict[str, int] = json.loads(line[4:])
    duration = raw["duration_us"] / 1e6
    errors = {k: raw[k] for k in ("connect", "read", "write", "status", "timeout")}
    return WrkResult(
        path=path,
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

"""The benchmark stack: our app, the Gmail emulator and a certs server, in separate processes.

`running(...)` starts the certs server (a thread of this process, fetched once by the
app and then cached), the Gmail emulator (`scripts.bench_emulator`, its own uvicorn
process) and our app (`app.main:app`, exactly production's, under uvicorn with the
production flags), all on 127.0.0.1. `bare_app(stack)` starts the baseline beside it: a
separate one-route FastAPI app (`scripts.bench_bare:app`) under the same flags, on the
same CPU. It mints Google-like tokens for the exact URLs with the test signer and reads
a server's RSS and CPU time from /proc.
"""

from __future__ import annotations

import json
import os
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
APP_TARGET = "app.main:app"
BARE_TARGET = "scripts.bench_bare:app"  # the floor: uvicorn, FastAPI routing, JSON; nothing of ours
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


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far, all its threads (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


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


def uvicorn_command(
    target: str, port: int, flags: Sequence[str] = UVICORN_FLAGS, python: str = sys.executable
) -> list[str]:
    """`python -m uvicorn TARGET` on 127.0.0.1:port with these flags (production's by default)."""
    host = ["--host", "127.0.0.1", "--port", str(port)]
    return [python, "-m", "uvicorn", target, *host, *flags]


def spawn(
    command: Sequence[str], env: Mapping[str, str], cpu: int | None, cwd: Path = ROOT
) -> subprocess.Popen[bytes]:
    """Start `command` in the repository (or `cwd`); on `cpu` alone when one is given.

    The child inherits the affinity of the thread that forks it, from its first
    instruction (set afterwards, threads it started meanwhile would escape).
    """
    mine = os.sched_getaffinity(0)
    if cpu is not None:
        os.sched_setaffinity(0, {cpu})
    try:
        return subprocess.Popen(list(command), cwd=cwd, env=dict(env))
    finally:
        os.sched_setaffinity(0, mine)


@dataclass(frozen=True)
class Endpoint:
    """One route under test: the server process that answers it, its URL and a token for it."""

    name: str
    process: subprocess.Popen[bytes]
    url: str
    token: str

    @property
    def pid(self) -> int:
        return self.process.pid


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

    def message(self) -> Endpoint:
        """The message-open route of our app."""
        return Endpoint("message open", self.app, self.url + MESSAGE_PATH, self.token(MESSAGE_PATH))


@contextmanager
def running(
    messages: Mapping[str, Path] | None = None,
    *,
    target: str = APP_TARGET,
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
        app = spawn(uvicorn_command(target, port, flags), env, cpu)
        if cpu is not None:  # we, wrk and the emulator keep off the app's CPU
            os.sched_setaffinity(0, everywhere - {cpu})
            os.sched_setaffinity(gmail.process.pid, everywhere - {cpu})
        try:
            wait_listening(port, app)
            stack = Stack(app, url, certs, gmail, cpu)
            yield stack
            stack.client.close()
        finally:
            stop(app)
            os.sched_setaffinity(0, everywhere)


@contextmanager
def bare_app(stack: Stack, flags: Sequence[str] = QUIET) -> Iterator[Endpoint]:
    """The baseline beside `stack`: `scripts.bench_bare:app` in its own uvicorn process.

    Same flags and same CPU as our app (idle while our app is driven, and the other way
    round), so the two differ only by what our app does: middleware, token checks, the
    Gmail call, the analysis and the card.
    """
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    process = spawn(uvicorn_command(BARE_TARGET, port, flags), os.environ, stack.cpu)
    try:
        wait_listening(port, process)
        token = shared_signer().system_token(
            audience=url + BARE_PATH, service_account=SERVICE_ACCOUNT
        )  # unchecked there, but the request is then the same size as our app's
        yield Endpoint("bare app", process, url + BARE_PATH, token)
    finally:
        stop(process)


def app_cpu() -> int | None:
    """The CPU the benchmarked app gets to itself (the last one), or None with one CPU.

    Unpinned on a two-core machine, the app's event loop and worker threads bounce
    between cores and share them with wrk and the emulator: measured in one session,
    message-open CPU 2.56 ms unpinned vs 2.15 ms pinned at 20 connections (bare 0.35 vs
    0.32 ms). Production runs one worker process per vCPU, so pinned is the fair setting.
    """
    cpus = os.sched_getaffinity(0)
    return max(cpus) if len(cpus) > 1 else None

"""A/B of message-open CPU: this checkout's app against another checkout's, in one run.

    .venv/bin/python -m scripts.bench_ab ../other-checkout [--rounds 8] [--batch 400]

Both apps run under uvicorn with the production flags, on the same pinned CPU, against
the same Gmail emulator and certs server (`scripts.bench_stack`); one client sends the
same signed message-open event to each in alternating batches, and the server's CPU time
per request (from /proc) is reported per app. Taking turns cancels most of the drift of
a shared machine, so a change of ~0.1 ms shows where two separate `make bench` runs
would disagree by more. The other checkout needs its own `.venv` (`make install`).
"""

from __future__ import annotations

import argparse
import statistics
from pathlib import Path

import httpx

from scripts.bench_stack import (
    APP_TARGET,
    MESSAGE_PATH,
    QUIET,
    app_env,
    cpu_seconds,
    free_port,
    running,
    spawn,
    stop,
    uvicorn_command,
    wait_listening,
)
from tests.addon.google_fakes import SERVICE_ACCOUNT, shared_signer

WARM_UP = 300


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("other", type=Path, help="the other checkout (with its own .venv)")
    parser.add_argument("--rounds", type=int, default=8)
    parser.add_argument("--batch", type=int, default=400)
    args = parser.parse_args(argv)
    other = args.other.resolve()
    python = other / ".venv" / "bin" / "python"
    if not python.exists():
        parser.error(f"{python} not found: run `make install` in {other}")
    with running() as stack:
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        env = app_env(url, stack.certs.url, stack.gmail.url)
        env.pop("PYTHONPATH", None)
        command = uvicorn_command(APP_TARGET, port, QUIET, python=str(python))
        process = spawn(command, env, stack.cpu, cwd=other)  # on the app's CPU from the start
        try:
            wait_listening(port, process)
            apps = {"this checkout": (stack.app.pid, stack.url), str(other): (process.pid, url)}
            for name, ms in _alternate(apps, stack.event(), args.rounds, args.batch).items():
                print(
                    f"{name}: median {statistics.median(ms):.3f} ms CPU per open "
                    f"(min {min(ms):.3f}, max {max(ms):.3f}, {len(ms)} batches)"
                )
        finally:
            stop(process)
    return 0


def _alternate(
    apps: dict[str, tuple[int, str]], event: dict[str, object], rounds: int, batch: int
) -> dict[str, list[float]]:
    """CPU ms per request of each app, one figure per batch, the apps taking turns."""
    signer = shared_signer()
    headers = {
        name: {
            "Authorization": "Bearer "
            + signer.system_token(audience=base + MESSAGE_PATH, service_account=SERVICE_ACCOUNT)
        }
        for name, (_, base) in apps.items()
    }
    found: dict[str, list[float]] = {name: [] for name in apps}
    with httpx.Client(timeout=15) as client:
        for name, (_, base) in apps.items():
            for _ in range(WARM_UP):
                answer = client.post(base + MESSAGE_PATH, json=event, headers=headers[name])
            if answer.status_code != 200 or "Introduction spotted" not in answer.text:
                raise RuntimeError(f"{name} did not answer with the introduction card")
        for _ in range(rounds):
            for name, (pid, base) in apps.items():
                before = cpu_seconds(pid)
                for _ in range(batch):
                    client.post(base + MESSAGE_PATH, json=event, headers=headers[name])
                found[name].append((cpu_seconds(pid) - before) / batch * 1000)
    return found


if __name__ == "__main__":
    raise SystemExit(main())

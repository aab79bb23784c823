"""Cold start: process start to the first served card, next to a bare FastAPI app.

Spawns `python -m uvicorn app.main:app` (settings pointing at the loopback emulator
and certs server, production flags) and polls its message endpoint with a signed
event until the introduction card comes back; the baseline spawns
`scripts.bench_bare:app` and polls its one route until it answers. Alternates the two,
a few times each, and reports the medians and their ratio.
"""

from __future__ import annotations

import http.client
import json
import statistics
import subprocess
import time
from collections.abc import Mapping
from typing import Any

from scripts.bench_stack import (
    BARE_PATH,
    MESSAGE_PATH,
    QUIET,
    ROOT,
    app_env,
    emulator,
    free_port,
    stop,
    user_event,
    uvicorn_command,
)
from tests.addon.google_fakes import SERVICE_ACCOUNT, CertsServer, shared_signer

_POLL_SECONDS = 0.002


def first_answer(
    target: str, path: str, body: bytes, env: Mapping[str, str], port: int, expect: bytes
) -> float:
    """Seconds from spawning uvicorn with `target` to a 200 whose body contains `expect`."""
    url = f"http://127.0.0.1:{port}{path}"
    token = shared_signer().system_token(audience=url, service_account=SERVICE_ACCOUNT)
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    started = time.perf_counter()
    process = subprocess.Popen(uvicorn_command(target, port, QUIET), cwd=ROOT, env=dict(env))
    try:
        while time.perf_counter() - started < 60:
            if process.poll() is not None:
                raise RuntimeError(f"{target} exited with {process.returncode}")
            answer = _try_post(port, path, body, headers)
            if answer is not None and answer[0] == 200 and expect in answer[1]:
                return time.perf_counter() - started
            time.sleep(_POLL_SECONDS)
        raise RuntimeError(f"{target} served nothing within 60 s")
    finally:
        stop(process)


def _try_post(
    port: int, path: str, body: bytes, headers: Mapping[str, str]
) -> tuple[int, bytes] | None:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("POST", path, body=body, headers=dict(headers))
        response = connection.getresponse()
        return response.status, response.read()
    except OSError:
        return None
    finally:
        connection.close()


def cold_start(repeats: int = 5) -> dict[str, Any]:
    """Median seconds to the first card (ours) and first answer (bare), and their ratio."""
    ours: list[float] = []
    bare: list[float] = []
    with CertsServer(shared_signer().certs_json()) as certs, emulator() as gmail:
        message_id, thread_id = gmail.ids["intro"]
        body = json.dumps(user_event(message_id, thread_id)).encode()
        for _ in range(repeats):
            port = free_port()
            env = app_env(f"http://127.0.0.1:{port}", certs.url, gmail.url)
            ours.append(first_answer("app.main:app", MESSAGE_PATH, body, env, port, b"pushCard"))
            port = free_port()
            bare.append(first_answer("scripts.bench_bare:app", BARE_PATH, b"{}", env, port, b"ok"))
    return {
        "repeats": repeats,
        "app_s": [round(t, 3) for t in ours],
        "bare_s": [round(t, 3) for t in bare],
        "app_median_s": round(statistics.median(ours), 3),
        "bare_median_s": round(statistics.median(bare), 3),
        "ratio": round(statistics.median(ours) / statistics.median(bare), 2),
    }

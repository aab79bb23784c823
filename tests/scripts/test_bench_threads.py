"""`scripts.bench_threads`: the server's CPU per open, split by thread (no speed asserted)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.bench_threads import split

ROOT = Path(__file__).resolve().parents[2]
TICK_MS = 1000 / os.sysconf("SC_CLK_TCK")


def test_the_main_thread_is_the_loop_and_every_other_thread_a_worker() -> None:
    before = {100: (10, 5), 101: (3, 1)}
    after = {100: (14, 6), 101: (9, 3), 102: (2, 0)}  # 102 started meanwhile
    found = split(100, before, after, requests=2)
    assert found.loop_ms == pytest.approx(5 * TICK_MS / 2)
    assert found.workers_ms == pytest.approx((8 + 2) * TICK_MS / 2)
    assert found.user_ms == pytest.approx((4 + 6 + 2) * TICK_MS / 2)
    assert found.system_ms == pytest.approx((1 + 2) * TICK_MS / 2)
    assert found.total_ms == pytest.approx(found.loop_ms + found.workers_ms)


def test_a_tiny_run_reports_both_sides() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "scripts.bench_threads", "--requests", "5"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "event loop" in done.stdout
    assert "worker threads" in done.stdout

"""`make bench` machinery: it runs and reports; no speed is asserted here (the bench reports)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.bench_goals import verdicts
from scripts.bench_wrk import have_wrk

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
@pytest.mark.skipif(not have_wrk(), reason="the service part needs Debian's wrk")
def test_a_tiny_run_measures_our_app_and_the_bare_app_side_by_side(tmp_path: Path) -> None:
    """A one-second run drives both servers, reads their CPU and writes every goal."""
    argv = ["--only", "service,cold", "--clients", "2", "--seconds", "1", "--rounds", "1"]
    argv += ["--cold-repeats", "1", "--memory-requests", "100", "--out", str(tmp_path)]
    # In a process of its own: the bench runs its own event loops, and a test session
    # may already hold one (Playwright's sync API keeps one running in this thread).
    done = subprocess.run(
        [sys.executable, "-m", "scripts.bench", *argv], cwd=ROOT, check=False, timeout=600
    )
    assert done.returncode == 0
    results = json.loads((tmp_path / "bench-results.json").read_text())
    runs = {run["endpoint"]: run for run in results["service"]["runs"]}
    assert set(runs) == {"message open", "bare app"}
    for run in runs.values():
        assert run["connections"] == 2
        assert run["requests"] > 0
        assert run["server_cpu_s"] > 0
        assert not any(run["errors"].values())
    assert results["service"]["memory"]["non_2xx"] == 0
    assert len(results["cold_start"]["app_s"]) == len(results["cold_start"]["bare_s"]) == 1
    report = (tmp_path / "bench-results.md").read_text()
    assert "| What | Figure | Goal | Verdict |" in report
    assert "bare app CPU ms/req" in report


def test_goals_left_unmeasured_say_so_and_figures_over_a_goal_are_not_met() -> None:
    """Without core or service figures those goals read 'not measured'; 3x cold start is over."""
    cold = {"ratio": 3.0, "app_median_s": 3.0, "bare_median_s": 1.0}
    marks = {v.what: v.mark for v in verdicts({"cold_start": cold})}
    assert marks.pop("Cold start to first card vs bare FastAPI app") == "NOT met"
    assert set(marks.values()) == {"not measured"}


@pytest.mark.slow
def test_an_ab_run_against_this_same_checkout_reports_both_apps() -> None:
    """`scripts.bench_ab` serves two apps on one emulator and reads each one's CPU."""
    done = subprocess.run(
        [sys.executable, "-m", "scripts.bench_ab", str(ROOT), "--rounds", "2", "--batch", "5"],
        cwd=ROOT,
        check=False,
        timeout=300,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.strip().splitlines()
    assert [line.split(":")[0] for line in lines] == ["this checkout", str(ROOT)]
    assert all("ms CPU per open" in line and "2 batches" in line for line in lines)


def test_an_ab_run_refuses_a_checkout_without_its_environment(tmp_path: Path) -> None:
    """A checkout with no `.venv` gets a usage error naming what to run, not a traceback."""
    done = subprocess.run(
        [sys.executable, "-m", "scripts.bench_ab", str(tmp_path)],
        cwd=ROOT,
        check=False,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "make install" in done.stderr

"""The goals `make bench` reports against: each one a figure from the run and a verdict.

Goals from the issue "A house a newcomer can live in": cold start to first card at most
2.5x a bare FastAPI app's, server CPU per message open at most 2 ms, p99 at 20 clients at
most 100 ms, core median at most 1 ms, `check` p99 on the corpus at most 50 ms. The
standing ones of `scripts.bench_core` and the memory run follow. A goal whose figure was
not measured in this run (a part left out, no corpus, no wrk) says so; nothing fails.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from scripts.bench_service import side_by_side

Results = dict[str, Any]


@dataclass(frozen=True)
class Verdict:
    """One goal: what, this run's figure, the goal, and whether it is met (None: not measured)."""

    what: str
    figure: str
    goal: str
    met: bool | None

    @property
    def mark(self) -> str:
        return {True: "met", False: "NOT met", None: "not measured"}[self.met]


def verdicts(results: Results) -> list[Verdict]:
    """Every goal, in the order the report prints them."""
    return [check(results) for check in _CHECKS]


def _cold(results: Results) -> Verdict:
    what, goal = "Cold start to first card vs bare FastAPI app", "≤ 2.5×"
    cold = results.get("cold_start")
    if not cold:
        return Verdict(what, "—", goal, None)
    figure = f"{cold['ratio']}× ({cold['app_median_s']} s vs {cold['bare_median_s']} s)"
    return Verdict(what, figure, goal, cold["ratio"] <= 2.5)


def _cpu(results: Results) -> Verdict:
    what, goal = "Server CPU per message open, 1 / 20 / 100 clients", "≤ 2 ms"
    pairs = side_by_side(results.get("service", {}).get("runs", []))
    if not pairs:
        return Verdict(what, "—", goal, None)
    ours = " / ".join(f"{m['cpu_ms_per_request']:.2f}" for m, _ in pairs)
    bare = " / ".join(f"{b['cpu_ms_per_request']:.2f}" for _, b in pairs)
    worst = max(m["cpu_ms_per_request"] for m, _ in pairs)
    return Verdict(what, f"{ours} ms (bare app {bare} ms)", goal, worst <= 2.0)


def _p99(results: Results) -> Verdict:
    what, goal = "Message open p99 at 20 clients", "≤ 100 ms"
    pairs = side_by_side(results.get("service", {}).get("runs", []))
    at_20 = [(m, b) for m, b in pairs if m["connections"] == 20]
    if not at_20:
        return Verdict(what, "—", goal, None)
    message, bare = at_20[0]
    figure = f"{message['p99_ms']:.1f} ms (bare app {bare['p99_ms']:.1f} ms)"
    return Verdict(what, figure, goal, message["p99_ms"] <= 100)


def _core(results: Results) -> Verdict:
    what, goal = "Core: read + detect, corpus median", "≤ 1 ms"
    stats = results.get("core", {}).get("corpus_analysis")
    if not stats:
        return Verdict(what, "—", goal, None)
    figure = f"{stats['median_ms']:.2f} ms (p99 {stats['p99_ms']:.1f} ms)"
    return Verdict(what, figure, goal, stats["median_ms"] <= 1.0)


def _check(results: Results) -> Verdict:
    what, goal = "`check` on the corpus (read + check), p99", "≤ 50 ms"
    stats = results.get("core", {}).get("corpus_check")
    if not stats:
        return Verdict(what, "—", goal, None)
    figure = f"{stats['p99_ms']:.1f} ms (median {stats['median_ms']:.2f} ms)"
    return Verdict(what, figure, goal, stats["p99_ms"] <= 50)


def _sizes(results: Results) -> Verdict:
    what, goal = "Core: 1 MB vs 100 KB message", "≤ 12×"
    ratios = results.get("core", {}).get("size_ratios")
    if not ratios:
        return Verdict(what, "—", goal, None)
    ratio = ratios["1 MB / 100 KB"]
    return Verdict(what, f"{ratio}×", goal, ratio <= 12)


def _pathological(results: Results) -> Verdict:
    what, goal = "Core: worst pathological input", "≤ ~50 ms"
    worst = results.get("core", {}).get("pathological_worst")
    if not worst:
        return Verdict(what, "—", goal, None)
    return Verdict(what, f"{worst['ms']:.1f} ms ({worst['input']})", goal, worst["ms"] <= 50)


def _memory(results: Results) -> Verdict:
    what, goal = "Our app's RSS over the memory run", "flat (≤ +10 %), 0 errors"
    mem = results.get("service", {}).get("memory")
    if not mem:
        return Verdict(what, "—", goal, None)
    errors = mem["non_2xx"] + mem["socket_errors"]
    figure = f"{mem['growth_pct']:+} % over {mem['requests']} requests, {errors} errors"
    return Verdict(what, figure, goal, mem["growth_pct"] <= 10 and errors == 0)


_CHECKS: tuple[Callable[[Results], Verdict], ...] = (
    _cold,
    _cpu,
    _p99,
    _core,
    _check,
    _sizes,
    _pathological,
    _memory,
)

"""`make bench`: core, service, cold-start and memory figures, measured in one run.

Prints one report, our figures next to their baselines and every goal with its verdict
(`scripts.bench_goals`), and writes `bench-results.json` and `bench-results.md` (the
tables for docs/performance.md). Figures are measured, never asserted: tests hold
behaviour, this script reports speed. The service part needs Debian's `wrk`
(`apt-get install -y wrk`); without it that part is skipped, not failed.

    python -m scripts.bench [--only core,service,cold] [--clients 1,20,100] [--seconds 12]
        [--rounds 6] [--cold-repeats 7] [--memory-requests 10000] [--no-pin] [--out DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import time
from pathlib import Path
from typing import Any

from scripts import bench_cold, bench_core, bench_report, bench_service
from scripts.bench_stack import ROOT

PARTS = ("core", "service", "cold")


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    parts = [p.strip() for p in args.only.split(",") if p.strip()]
    started = time.monotonic()
    results: dict[str, Any] = {"machine": machine(), "database_url": args.database_url}
    results["load_average"] = {"start": load_average()}
    if "core" in parts:
        results["core"] = core()
        bench_report.print_core(results["core"])
        results["load_average"]["after core"] = load_average()
    if "service" in parts:
        results["service"] = bench_service.service_bench(
            tuple(int(c) for c in args.clients.split(",")),
            seconds=args.seconds,
            rounds=args.rounds,
            memory_requests=args.memory_requests,
            database_url=args.database_url,
            pin=not args.no_pin,
        )
        bench_report.print_service(results["service"])
        results["load_average"]["after service"] = load_average()
    if "cold" in parts:
        results["cold_start"] = bench_cold.cold_start(args.cold_repeats)
        bench_report.print_cold(results["cold_start"])
        results["load_average"]["after cold start"] = load_average()
    results["bench_seconds"] = round(time.monotonic() - started, 1)
    bench_report.print_goals(results)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "bench-results.json").write_text(json.dumps(results, indent=2) + "\n")
    (args.out / "bench-results.md").write_text(bench_report.markdown(results))
    print(f"\nwrote {args.out / 'bench-results.json'} and bench-results.md")
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default=",".join(PARTS), help="comma-separated parts to run")
    parser.add_argument("--clients", default="1,20,100", help="comma-separated wrk connections")
    parser.add_argument(
        "--seconds", type=float, default=12, help="wrk seconds per endpoint and client count"
    )
    parser.add_argument("--rounds", type=int, default=6, help="alternating rounds they split in")
    parser.add_argument("--cold-repeats", type=int, default=7, help="cold starts of each app")
    parser.add_argument(
        "--memory-requests", type=int, default=10_000, help="message opens in the memory run"
    )
    parser.add_argument(
        "--database-url",
        default="memory://",
        help="the app's INTRO_DATABASE_URL (memory:// by default; e.g. sqlite:///var/bench.db)",
    )
    parser.add_argument(
        "--no-pin",
        action="store_true",
        help="let the servers run on every CPU (by default they share one: see bench_stack)",
    )
    parser.add_argument("--out", type=Path, default=ROOT, help="where to write bench-results.*")
    return parser


def machine() -> dict[str, Any]:
    """Where and when: cores, CPU model, Python, date and time (UTC)."""
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    now = dt.datetime.now(dt.UTC)
    return {
        "date": now.date().isoformat(),
        "time_utc": now.strftime("%H:%M"),
        "cores": os.cpu_count(),
        "cpu": model,
        "python": platform.python_version(),
    }


def load_average() -> list[float]:
    """The machine's 1, 5 and 15 minute load averages (other work on a shared machine)."""
    return [round(x, 2) for x in os.getloadavg()]


def core() -> dict[str, Any]:
    """Corpus, sizes and pathological inputs."""
    files = bench_core.corpus_files()
    out: dict[str, Any] = {"corpus": str(bench_core.CORPUS)}
    if files:
        out["corpus_analysis"] = vars(bench_core.corpus_stats(bench_core.analyse, files))
        out["corpus_check"] = vars(bench_core.corpus_stats(bench_core.check, files))
    else:
        print(f"no corpus at {bench_core.CORPUS} (set INTRO_CORPUS): corpus figures skipped")
    sizes = bench_core.size_times()
    out["sizes_ms"] = sizes
    out["size_ratios"] = {
        "10 KB / 1 KB": round(sizes["10 KB"] / sizes["1 KB"], 2),
        "100 KB / 10 KB": round(sizes["100 KB"] / sizes["10 KB"], 2),
        "1 MB / 100 KB": round(sizes["1 MB"] / sizes["100 KB"], 2),
        "5 MB / 1 MB": round(sizes["5 MB"] / sizes["1 MB"], 2),
    }
    out["pathological_ms"] = bench_core.pathological_times()
    worst = max(out["pathological_ms"].items(), key=lambda item: item[1])
    out["pathological_worst"] = {"input": worst[0], "ms": worst[1]}
    return out


if __name__ == "__main__":
    raise SystemExit(main())

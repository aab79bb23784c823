"""`make bench`: core, service, cold-start and memory figures, measured in one run.

Prints a report of ratios and percentiles and writes `bench-results.json` and
`bench-results.md` (the tables for docs/performance.md). Figures are measured, never
asserted: tests hold behaviour, this script reports speed. The service part needs
Debian's `wrk` (`apt-get install -y wrk`); without it that part is skipped, not failed.

    python -m scripts.bench [--only core,service,cold] [--seconds 8] [--no-pin] [--out DIR]
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

from scripts import bench_cold, bench_core, bench_service
from scripts.bench_stack import BARE_PATH, MESSAGE_PATH, ROOT

PARTS = ("core", "service", "cold")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default=",".join(PARTS), help="comma-separated parts to run")
    parser.add_argument("--seconds", type=float, default=8, help="seconds per wrk run")
    parser.add_argument(
        "--database-url",
        default="memory://",
        help="the app's INTRO_DATABASE_URL (memory:// by default; e.g. sqlite:///var/bench.db)",
    )
    parser.add_argument(
        "--no-pin",
        action="store_true",
        help="let the app run on every CPU (by default it gets one to itself: see bench_stack)",
    )
    parser.add_argument("--out", type=Path, default=ROOT, help="where to write bench-results.*")
    args = parser.parse_args(argv)
    parts = [p.strip() for p in args.only.split(",") if p.strip()]
    started = time.monotonic()
    results: dict[str, Any] = {"machine": machine(), "database_url": args.database_url}
    if "core" in parts:
        results["core"] = core()
        print_core(results["core"])
    if "service" in parts:
        results["service"] = bench_service.service_bench(
            seconds=args.seconds, database_url=args.database_url, pin=not args.no_pin
        )
        print_service(results["service"])
    if "cold" in parts:
        results["cold_start"] = bench_cold.cold_start()
        print_cold(results["cold_start"])
    results["bench_seconds"] = round(time.monotonic() - started, 1)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "bench-results.json").write_text(json.dumps(results, indent=2) + "\n")
    (args.out / "bench-results.md").write_text(markdown(results))
    print(f"\nwrote {args.out / 'bench-results.json'} and bench-results.md")
    print(f"({results['bench_seconds']} s)")
    return 0


def machine() -> dict[str, Any]:
    """Where and when: cores, CPU model, Python, date."""
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    return {
        "date": dt.date.today().isoformat(),
        "cores": os.cpu_count(),
        "cpu": model,
        "python": platform.python_version(),
        "load_average_at_start": os.getloadavg()[0],
    }


def core() -> dict[str, Any]:
    """Corpus, sizes and pathological inputs."""
    files = bench_core.corpus_files()
    out: dict[str, Any] = {"corpus": str(bench_core.CORPUS)}
    if files:
        out["corpus_analysis"] = vars(bench_core.corpus_stats(bench_core.analyse, files))
        out["corpus_reply_check"] = vars(bench_core.corpus_stats(bench_core.check_as_reply, files))
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


def print_core(core: dict[str, Any]) -> None:
    print("== Core: parse_eml + detect_introduction per message")
    for key in ("corpus_analysis", "corpus_reply_check"):
        if key in core:
            s = core[key]
            print(
                f"  {key:20s} n={s['count']}  median {s['median_ms']:.2f} ms  "
                f"p99 {s['p99_ms']:.2f} ms  max {s['max_ms']:.2f} ms ({s['slowest']})"
            )
    sizes = "  ".join(f"{k}: {v:.2f} ms" for k, v in core["sizes_ms"].items())
    print(f"  sizes: {sizes}")
    print("  ratios: " + "  ".join(f"{k} = {v}x" for k, v in core["size_ratios"].items()))
    for name, ms in core["pathological_ms"].items():
        flag = "" if ms <= 50 else "   <-- over 50 ms"
        print(f"  pathological {name:24s} {ms:10.1f} ms{flag}")


def print_service(service: dict[str, Any]) -> None:
    pinned = service.get("app_cpu")
    where = f"app on CPU {pinned} alone" if pinned is not None else "app unpinned"
    print(f"== Service: wrk, same server, same run ({where})")
    for run in service["runs"]:
        print(
            f"  {run['path']:15s} c={run['connections']:<3d} {run['rps']:8.1f} req/s  "
            f"p50 {run['p50_ms']:7.2f} ms  p99 {run['p99_ms']:7.2f} ms  "
            f"errors {sum(run['errors'].values())}  app CPU {run['app_cpu_ms_per_request']} ms/req"
        )
    for count, ratio in bench_service.ratios(service["runs"]).items():
        print(f"  message / bare throughput at c={count}: {100 * ratio:.1f} %")
    mem = service["memory"]
    print(
        f"== Memory: {mem['requests']} requests, non-2xx {mem['non_2xx']}, socket errors "
        f"{mem['socket_errors']}; RSS after first 1000 {mem['rss_after_first_1000_kib']} KiB, "
        f"after last {mem['rss_after_last_1000_kib']} KiB ({mem['growth_pct']:+} %)"
    )


def print_cold(cold: dict[str, Any]) -> None:
    print(
        f"== Cold start (median of {cold['repeats']}): first card {cold['app_median_s']} s, "
        f"bare FastAPI {cold['bare_median_s']} s, ratio {cold['ratio']}x"
    )


def markdown(results: dict[str, Any]) -> str:
    """The tables for docs/performance.md."""
    m = results["machine"]
    lines = [
        f"Measured {m['date']} on {m['cores']} cores ({m['cpu']}), Python {m['python']}, "
        f"load average {m['load_average_at_start']:.2f} at start.",
        "",
    ]
    if "core" in results:
        lines += _core_md(results["core"])
    if "service" in results:
        lines += _service_md(results["service"])
    if "cold_start" in results:
        c = results["cold_start"]
        lines += [
            f"| cold start (median of {c['repeats']}) | seconds |",
            "| --- | --- |",
            f"| `app.main:app` to first card | {c['app_median_s']} |",
            f"| bare FastAPI to first answer | {c['bare_median_s']} |",
            f"| ratio | {c['ratio']}x |",
            "",
        ]
    return "\n".join(lines) + "\n"


def _core_md(core: dict[str, Any]) -> list[str]:
    lines = ["| core, per message | median ms | p99 ms | max ms |", "| --- | --- | --- | --- |"]
    for key, label in (
        ("corpus_analysis", "corpus: read + detect"),
        ("corpus_reply_check", "corpus: read + reply checks"),
    ):
        if key in core:
            s = core[key]
            lines.append(
                f"| {label} ({s['count']} messages) | {s['median_ms']:.2f} | "
                f"{s['p99_ms']:.2f} | {s['max_ms']:.2f} |"
            )
    lines += ["", "| synthetic size | ms | ratio to previous |", "| --- | --- | --- |"]
    previous = None
    for label, ms in core["sizes_ms"].items():
        ratio = f"{ms / previous:.1f}x" if previous else ""
        lines.append(f"| {label} | {ms:.2f} | {ratio} |")
        previous = ms
    lines += ["", "| pathological input | ms |", "| --- | --- |"]
    lines += [f"| {name} | {ms:.1f} |" for name, ms in core["pathological_ms"].items()]
    return [*lines, ""]


def _service_md(service: dict[str, Any]) -> list[str]:
    lines = [
        "| endpoint | connections | req/s | p50 ms | p99 ms | errors | app CPU ms/req |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for r in service["runs"]:
        name = (
            "message open"
            if r["path"] == MESSAGE_PATH
            else "bare"
            if r["path"] == BARE_PATH
            else r["path"]
        )
        lines.append(
            f"| {name} | {r['connections']} | {r['rps']:.0f} | {r['p50_ms']:.2f} | "
            f"{r['p99_ms']:.2f} | {sum(r['errors'].values())} | {r['app_cpu_ms_per_request']} |"
        )
    ratios = bench_service.ratios(service["runs"])
    if ratios:
        lines += ["", "| connections | message / bare throughput |", "| --- | --- |"]
        lines += [f"| {c} | {100 * r:.1f} % |" for c, r in ratios.items()]
    mem = service["memory"]
    lines += [
        "",
        f"Memory over {mem['requests']} message requests (20 connections): RSS "
        f"{mem['rss_after_first_1000_kib']} KiB after the first 1 000, "
        f"{mem['rss_after_last_1000_kib']} KiB after the last ({mem['growth_pct']:+} %); "
        f"non-2xx {mem['non_2xx']}, socket errors {mem['socket_errors']}.",
        "",
    ]
    return lines


if __name__ == "__main__":
    raise SystemExit(main())

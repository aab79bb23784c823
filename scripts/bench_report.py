"""The `make bench` report: printed as the parts finish, and as markdown for the docs.

Each service figure of our app stands next to the bare app's from the same run; the
goals (`scripts.bench_goals`) come last, each with this run's figure and its verdict.
"""

from __future__ import annotations

from typing import Any

from scripts.bench_goals import verdicts
from scripts.bench_service import side_by_side

Results = dict[str, Any]
_COLUMNS = (("rps", "req/s", 1), ("p50_ms", "p50 ms", 2), ("p99_ms", "p99 ms", 2))


def print_core(core: Results) -> None:
    print("== Core: per message, fastest of 5 repeats, one process")
    for key, label in (("corpus_analysis", "read + detect"), ("corpus_check", "read + check")):
        if key in core:
            s = core[key]
            print(
                f"  {label:14s} n={s['count']}  median {s['median_ms']:.2f} ms  "
                f"p99 {s['p99_ms']:.2f} ms  max {s['max_ms']:.2f} ms ({s['slowest']})"
            )
    sizes = "  ".join(f"{k}: {v:.2f} ms" for k, v in core["sizes_ms"].items())
    print(f"  sizes: {sizes}")
    print("  ratios: " + "  ".join(f"{k} = {v}x" for k, v in core["size_ratios"].items()))
    for name, ms in core["pathological_ms"].items():
        print(f"  pathological {name:24s} {ms:10.1f} ms")


def print_service(service: Results) -> None:
    print(f"== Service: {_setting(service)}")
    group = f"{'req/s':>9s} {'p50 ms':>8s} {'p99 ms':>8s} {'CPU ms/req':>11s}"
    titles = [f"{' ' + name + ' ':-^{len(group)}s}" for name in ("message open", "bare app")]
    print(f"  {'':7s} {titles[0]}  {titles[1]}")
    print(f"  {'clients':>7s} {group}  {group}  {'share':>7s}  errors")
    for message, bare in side_by_side(service["runs"]):
        cells = [
            f"{run['rps']:9.1f} {run['p50_ms']:8.2f} {run['p99_ms']:8.2f} "
            f"{run['cpu_ms_per_request']:11.3f}"
            for run in (message, bare)
        ]
        print(
            f"  {message['connections']:7d} {cells[0]}  {cells[1]}  "
            f"{_share(message, bare):>7s}  {_errors(message, bare)}"
        )
    mem = service["memory"]
    print(
        f"== Memory: {mem['requests']} message opens (20 clients), non-2xx {mem['non_2xx']}, "
        f"socket errors {mem['socket_errors']}; our app's RSS after the first tenth "
        f"{mem['rss_after_first_tenth_kib']} KiB, at the end {mem['rss_at_end_kib']} KiB "
        f"({mem['growth_pct']:+} %)"
    )


def print_cold(cold: Results) -> None:
    print(
        f"== Cold start, process start to first answer (median of {cold['repeats']}): "
        f"first card {cold['app_median_s']} s, bare app {cold['bare_median_s']} s, "
        f"ratio {cold['ratio']}x"
    )


def print_goals(results: Results) -> None:
    loads = "; ".join(
        f"{when} {' / '.join(f'{x:.2f}' for x in load)}"
        for when, load in results["load_average"].items()
    )
    print(f"== Load average (1 / 5 / 15 min): {loads}")
    print(f"== Goals ({results['bench_seconds']} s in all)")
    for v in verdicts(results):
        print(f"  {v.mark:12s} {v.what}: {v.figure}  (goal {v.goal})")


def markdown(results: Results) -> str:
    """The tables for docs/performance.md, goals first."""
    m = results["machine"]
    loads = ", ".join(f"{load[0]:.2f} {when}" for when, load in results["load_average"].items())
    lines = [
        f"Measured {m['date']} {m['time_utc']} UTC on {m['cores']} cores ({m['cpu']}), "
        f"Python {m['python']}; load average (1 min) {loads}; "
        f"{results['bench_seconds']} s in all.",
        "",
        "| What | Figure | Goal | Verdict |",
        "| --- | --- | --- | --- |",
        *(f"| {v.what} | {v.figure} | {v.goal} | {v.mark} |" for v in verdicts(results)),
        "",
    ]
    if "core" in results:
        lines += _core_md(results["core"])
    if "service" in results:
        lines += _service_md(results["service"])
    if "cold_start" in results:
        c = results["cold_start"]
        lines += [
            f"| cold start, median of {c['repeats']} | seconds | each run |",
            "| --- | --- | --- |",
            f"| `app.main:app` to first card | {c['app_median_s']} | {_each(c['app_s'])} |",
            f"| bare app to first answer | {c['bare_median_s']} | {_each(c['bare_s'])} |",
            f"| ratio | {c['ratio']}× | |",
            "",
        ]
    return "\n".join(lines) + "\n"


def _setting(service: Results) -> str:
    cpu = service.get("app_cpu")
    where = f"both on CPU {cpu}, kept free of what else we start" if cpu is not None else "unpinned"
    return (
        "message open on app.main:app vs the bare app (scripts.bench_bare:app), same uvicorn "
        f"flags, {where}, {service['rounds']} alternating wrk rounds, "
        f"{service['seconds']:g} s each in all"
    )


def _share(message: Results, bare: Results) -> str:
    return f"{100 * message['rps'] / bare['rps']:.1f} %" if bare["rps"] else "-"


def _errors(message: Results, bare: Results) -> int:
    return int(sum(message["errors"].values()) + sum(bare["errors"].values()))


def _each(times: list[float]) -> str:
    return ", ".join(f"{t:.2f}" for t in times)


def _core_md(core: Results) -> list[str]:
    lines = ["| core, per message | median ms | p99 ms | max ms |", "| --- | --- | --- | --- |"]
    for key, label in (
        ("corpus_analysis", "corpus: read + detect"),
        ("corpus_check", "corpus: read + `check`"),
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


def _service_md(service: Results) -> list[str]:
    head = ["clients"]
    for _, label, _ in _COLUMNS:
        head += [f"message open {label}", f"bare app {label}"]
    head += ["message open CPU ms/req", "bare app CPU ms/req", "throughput share", "errors"]
    lines = [f"Service: {_setting(service)}.", "", _row(head), _row(["---"] * len(head))]
    for message, bare in side_by_side(service["runs"]):
        cells = [str(message["connections"])]
        for key, _, digits in _COLUMNS:
            cells += [f"{message[key]:.{digits}f}", f"{bare[key]:.{digits}f}"]
        cells += [f"{message['cpu_ms_per_request']:.3f}", f"{bare['cpu_ms_per_request']:.3f}"]
        cells += [_share(message, bare), str(_errors(message, bare))]
        lines.append(_row(cells))
    mem = service["memory"]
    lines += [
        "",
        f"Memory over {mem['requests']} message opens (20 clients): our app's RSS "
        f"{mem['rss_after_first_tenth_kib']} KiB after the first tenth, "
        f"{mem['rss_at_end_kib']} KiB at the end ({mem['growth_pct']:+} %); "
        f"non-2xx {mem['non_2xx']}, socket errors {mem['socket_errors']}.",
        "",
    ]
    return lines


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"

"""`make fuzz`: the long fuzz run, 10 000 Hypothesis examples per target by default.

Targets (strategies and checks in `tests/fuzz/targets.py`, which the default test run
also uses with a few hundred examples): raw MIME into parse_eml + detect_introduction +
check_reply; Gmail message JSON into email_from_gmail; event JSON into parse_event;
and signed POSTs of any event shape to every live endpoint of a loopback stack (our
app, the Gmail emulator, a certs server), which must never answer 5xx.
Failures are collected, not stopped at: the report lists each distinct one (exception
type and innermost project frame) with a count. Exit 1 if anything failed.

    python -m scripts.fuzz [--examples 10000] [--only mime,gmail,event,live]
"""

from __future__ import annotations

import argparse
import logging
import time
import traceback
from collections import Counter
from collections.abc import Callable
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.api.harness import running_stack
from tests.fuzz import targets

TARGETS = ("mime", "gmail", "event", "live")


class Tally:
    """Examples run and distinct failures seen for one target."""

    def __init__(self) -> None:
        self.examples = 0
        self.failures: Counter[str] = Counter()
        self.outcomes: Counter[str] = Counter()

    def run(self, check: Callable[[Any], object], value: Any) -> None:
        self.examples += 1
        try:
            outcome = check(value)
        except Exception as exc:
            self.failures[_signature(exc)] += 1
            return
        if outcome is not None:
            self.outcomes[str(outcome)] += 1


def _signature(exc: Exception) -> str:
    if isinstance(exc, AssertionError):
        return str(exc)
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if "/app/" in f.filename]
    where = f"{frames[-1].filename.split('/app/')[-1]}:{frames[-1].lineno}" if frames else "?"
    return f"{type(exc).__name__} at app/{where}"


def fuzz(strategy: st.SearchStrategy[Any], check: Callable[[Any], object], n: int) -> Tally:
    """Run `check` on `n` examples of `strategy`, collecting failures."""
    tally = Tally()

    @settings(
        max_examples=n,
        deadline=None,
        database=None,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.filter_too_much,
        ],
    )
    @given(strategy)
    def run(value: Any) -> None:
        tally.run(check, value)

    run()
    return tally


class _Unexpected(logging.Handler):
    """Keeps the last "unexpected ..." error: a crash the last-resort card covered up."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.seen: str | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if record.getMessage().startswith("unexpected"):
            self.seen = record.getMessage()


def fuzz_live(n: int) -> Tally:
    """Signed POSTs of random events to every endpoint: no 5xx, no covered-up crash."""
    unexpected = _Unexpected()
    api_log = logging.getLogger("app.api")
    api_log.addHandler(unexpected)
    with running_stack() as stack:
        stack.add((targets.DATA / "api" / "intro_joe.eml").read_bytes())

        def check(call: tuple[str, Any]) -> str:
            path, event = call
            unexpected.seen = None
            status = stack.post(path, event).status_code
            if status >= 500:
                raise AssertionError(f"{path} answered {status}")
            if unexpected.seen:
                raise AssertionError(f"error card after {unexpected.seen}")
            return str(status)

        try:
            return fuzz(targets.live_call, check, n)
        finally:
            api_log.removeHandler(unexpected)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=10_000, help="examples per target")
    parser.add_argument("--only", default=",".join(TARGETS))
    args = parser.parse_args(argv)
    logging.getLogger("app").propagate = False  # expected warnings (404s...) stay quiet
    plan: dict[str, Callable[[], Tally]] = {
        "mime": lambda: fuzz(targets.raw_mime, targets.check_mime, args.examples),
        "gmail": lambda: fuzz(targets.gmail_message, targets.check_gmail, args.examples),
        "event": lambda: fuzz(targets.event_body, targets.check_event, args.examples),
        "live": lambda: fuzz_live(args.examples),
    }
    failed = 0
    for name in (t.strip() for t in args.only.split(",") if t.strip()):
        started = time.monotonic()
        tally = plan[name]()
        took = time.monotonic() - started
        bad = sum(tally.failures.values())
        failed += bad
        statuses = f", statuses {dict(tally.outcomes)}" if tally.outcomes else ""
        print(f"{name:6s} {tally.examples:6d} examples, {bad} failures ({took:.0f} s){statuses}")
        for signature, count in tally.failures.most_common():
            print(f"         {count:6d} x {signature}")
    print("FAIL" if failed else "OK: every example clean")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())

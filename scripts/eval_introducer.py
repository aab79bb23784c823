"""Precision and recall of the introducer checks on labelled introductions we wrote.

`tests/data/introducer_drafts.json` holds introductions as an introducer would write
them, good and flawed, in the seven languages, each with the codes it should get. They
were written by the developer of the checks (not by fluent readers, not real mail), so
the figures say the checks do what they were built to do, not how they fare on real
introductions. Run with `python -m scripts.eval_introducer` (`--verbose` lists misses;
`--corpus` adds how often each code fires on the corpus introductions, unlabelled).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from app.core.checks import INTRODUCER_CODES, Draft, check_introduction, written_introduction
from app.core.mail import parse_eml
from app.core.model import Email

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "introducer_drafts.json"


def load(path: Path = DATA) -> list[tuple[dict[str, object], Email]]:
    """Each labelled case with its message read as mail."""
    cases = json.loads(path.read_text("utf-8"))
    return [(case, parse_eml(as_eml(case))) for case in cases]


def as_eml(case: dict[str, object]) -> bytes:
    """One case as RFC 822 bytes (UTF-8 headers and body)."""
    head = [f"From: {case['from']}", f"Subject: {case['subject']}"]
    head += [f"To: {', '.join(case['to'])}"] if case["to"] else []  # type: ignore[arg-type]
    head += [f"Cc: {', '.join(case['cc'])}"] if case["cc"] else []  # type: ignore[arg-type]
    head += ["MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8"]
    return ("\r\n".join(head) + "\r\n\r\n" + str(case["body"])).encode("utf-8")


def report(verbose: bool = False) -> list[str]:
    """Per set (`dev`: written while building the checks; `holdout`: written afterwards
    and scored once before any change), one line per code; misses when `verbose`."""
    cases = load()
    found = {
        str(case["id"]): {f.code for f in check_introduction(Draft.from_email(email))}
        for case, email in cases
    }
    lines: list[str] = []
    for name in ("dev", "holdout", "all"):
        chosen = [case for case, _ in cases if name in ("all", case.get("set", "dev"))]
        languages = sorted({str(case["lang"]) for case in chosen})
        lines.append(
            f"introducer checks, {name}: {len(chosen)} written introductions "
            f"({', '.join(languages)})"
        )
        lines += _scores(chosen, found, verbose and name == "all")
    return lines


def _scores(cases: list[dict[str, object]], found: dict[str, set[str]], verbose: bool) -> list[str]:
    lines, misses = [], []
    for code in INTRODUCER_CODES:
        tp = fp = fn = 0
        for case in cases:
            want = code in case["codes"]  # type: ignore[operator]
            got = code in found[str(case["id"])]
            tp, fp, fn = tp + (want and got), fp + (got and not want), fn + (want and not got)
            if want != got:
                misses.append(f"  {'MISS' if want else 'FALSE ALARM'} {code}: {case['id']}")
        precision = f"{tp / (tp + fp):.2f}" if tp + fp else "—"
        recall = f"{tp / (tp + fn):.2f}" if tp + fn else "—"
        lines.append(
            f"  {code:<17} precision {precision}  recall {recall}  (tp {tp}, fp {fp}, fn {fn})"
        )
    return lines + (misses if verbose else [])


def corpus_rates() -> list[str]:
    """How often each code fires on the corpus introductions (real and written/), checked
    as if the user had written them. Unlabelled for these codes: a scale, not a score."""
    from scripts.intro_data import CORPUS, load_rows

    if not (CORPUS / "dev-labels.csv").exists():
        return ["introducer checks on corpus introductions: no corpus"]
    seen: Counter[str] = Counter()
    fired: Counter[tuple[str, str]] = Counter()
    for row in load_rows():
        if row.label != "positive":
            continue
        draft = Draft.from_email(row.email)
        intro = written_introduction(draft)
        if intro is None:
            continue
        source = "written" if row.source == "written" else "real"
        seen[source] += 1
        for code in {f.code for f in check_introduction(draft, intro)}:
            fired[(source, code)] += 1
    lines = ["introducer checks on corpus introductions (unlabelled for these codes: a rate)"]
    for source in ("real", "written"):
        rates = ", ".join(f"{c} {fired[(source, c)]}" for c in INTRODUCER_CODES)
        lines.append(f"  {source} ({seen[source]} read as an introduction): {rates}")
    return lines


if __name__ == "__main__":
    print("\n".join(report("--verbose" in sys.argv)))
    if "--corpus" in sys.argv:
        print("\n".join(corpus_rates()))

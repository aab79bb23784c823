"""`make eval`: measure detection (and the reply checks) on the labelled corpus.

Prints precision, recall and role accuracy over `../shared/corpus/dev-labels.csv`,
then every miss, so a change in judgement shows up as a change in these lines.
"""

from __future__ import annotations

import csv
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from app.core.intro import detect_introduction
from app.core.model import Address, Introduction
from app.core.names import matches
from app.core.rfc822 import parse_eml

CORPUS = Path(
    os.environ.get("INTRO_CORPUS", Path(__file__).resolve().parents[2] / "shared" / "corpus")
)


@dataclass
class Row:
    id: str
    label: str
    introducer: str
    introduced: list[str]
    path: Path


def load_rows(corpus: Path) -> list[Row]:
    rows = []
    with (corpus / "dev-labels.csv").open(newline="", encoding="utf-8") as handle:
        for rec in csv.DictReader(handle):
            path = next(
                (
                    corpus / d / f"{rec['id']}.eml"
                    for d in ("enron", "web")
                    if (corpus / d / f"{rec['id']}.eml").exists()
                ),
                None,
            )
            if path is None:
                continue
            names = [n.strip() for n in rec["introducee_names"].split(";") if n.strip()]
            rows.append(Row(rec["id"], rec["label"], rec["introducer"], names, path))
    return rows


def _person_matches(label: str, name: str, email: str) -> bool:
    label = label.split("(")[0].strip() or label
    if len(name.strip(". ")) == 1 and label[:1].lower() == name.strip(". ").lower():
        return True  # a sender who signs with an initial ("H") is named as the header says
    return matches(label, Address(name, email)) or matches(name, Address(label, ""))


def roles_right(row: Row, intro: Introduction) -> bool:
    who = intro.introducer
    if not _person_matches(row.introducer, who.name, who.email):
        return False
    got = intro.introduced
    every_label = all(any(_person_matches(n, p.name, p.email) for p in got) for n in row.introduced)
    every_pred = all(any(_person_matches(n, p.name, p.email) for n in row.introduced) for p in got)
    return every_label and every_pred


def detection_report(rows: list[Row]) -> list[str]:
    tp = fp = fn = tn = role_ok = 0
    misses: list[str] = []
    replies_seen = replies = 0
    for row in rows:
        verdict = detect_introduction(parse_eml(row.path.read_bytes()))
        intro = verdict.introduction
        own = intro is not None and intro.message_index >= 0
        if row.label == "intro_reply":
            replies += 1
            replies_seen += intro is not None
            continue
        if row.label == "positive":
            if own and intro is not None:
                tp += 1
                if roles_right(row, intro):
                    role_ok += 1
                else:
                    misses.append(
                        f"ROLE {row.id}: got {intro.introducer.name or intro.introducer.email} -> "
                        f"{[p.name or p.email for p in intro.introduced]}; "
                        f"want {row.introducer} -> {row.introduced}"
                    )
            else:
                fn += 1
                misses.append(f"MISS {row.id}: {verdict.reason}")
        elif own:
            fp += 1
            misses.append(
                f"FALSE {row.id}: {intro.kind if intro else ''} {list(verdict.evidence)[:2]}"
            )
        else:
            tn += 1
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    roles = role_ok / tp if tp else 0.0
    lines = [
        f"detection on {tp + fn} introductions and {fp + tn} non-introductions "
        f"({CORPUS.name}/dev-labels.csv)",
        f"  precision {precision:.3f}  recall {recall:.3f}  roles {roles:.3f} ({role_ok}/{tp})",
        f"  first replies recognised as introduction threads: {replies_seen}/{replies}",
        *[f"  {m}" for m in misses],
    ]
    return lines


def main() -> int:
    if not (CORPUS / "dev-labels.csv").exists():
        print(f"corpus not found at {CORPUS} (set INTRO_CORPUS)", file=sys.stderr)
        return 2
    rows = load_rows(CORPUS)
    for line in detection_report(rows):
        print(line)
    try:
        from scripts.eval_checks import run_checks_eval
    except ImportError:
        return 0
    for line in run_checks_eval(CORPUS):
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""`make eval`, reply part: precision/recall of the first-reply checks, and clean suggestions.

On the `intro_reply` rows of `dev-labels.csv` each reply is checked exactly as
`python -m app check` would (the introduction read from its quoted history).
Expected codes come from the labels: second-batch notes list `problems: ...`;
first-batch (Enron) notes describe in prose, so only `ask` (makes_ask=yes, and
not just a meeting request) and `dropped_introducer` (keeps_both=no and the
introducer "not copied") are known there. Then every suggested reply for the
corpus introductions is run back through `check_reply` and must come out clean,
and the resume check's file-name rules are scored on real file names
(`scripts/eval_resume_names.py`, dev and held-out halves).
Run alone with `python -m scripts.eval_checks`.
"""

from __future__ import annotations

import csv
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from app.core.checks import INTRODUCER_CODES, ORDER, Finding, ask_kind
from app.core.checks.draft import Draft, check_email, check_reply
from app.core.intro import detect_introduction
from app.core.mail.rfc822 import parse_eml
from app.core.model import Email, Thread
from app.core.reply import suggest_reply
from scripts.eval_resume_names import report as resume_name_report
from scripts.reporting import print_report

# The first-reply codes (the introducer's own checks are measured by eval_introducer).
REPLY_CODES = tuple(code for code in ORDER if code not in INTRODUCER_CODES)


CORPUS = Path(
    os.environ.get("INTRO_CORPUS", Path(__file__).resolve().parents[2] / "shared" / "corpus")
)
TARGETS = {"ask": 0.9, "resume_attached": 0.9, "dropped_introducer": 0.9}
MAX_FALSE_ALARMS = 0.05
_MEETING_ONLY = re.compile(r"\basks? (?:\w+ )?for a meeting\b")
_MEETING = re.compile(
    r"\b(?:meet|meeting|coffee|call|lunch|dinner|chat|schedule|time|available|calendar|drinks"
    r"|breakfast|get together|catch up|talk|discuss|visit|see you)\b",
    re.IGNORECASE,
)


@dataclass
class Reply:
    """One labelled reply: expected verdict per code (None = not labelled)."""

    id: str
    email: Email
    expected: dict[str, bool | None]
    good: bool


def run_checks_eval(corpus_dir: Path) -> list[str]:
    """Report lines: per-code precision/recall, false alarms, misses, suggestion round trip."""
    rows = list(_csv_rows(corpus_dir))
    replies = [r for r in (_reply(corpus_dir, row) for row in rows) if r is not None]
    lines = [f"reply checks: {len(replies)} intro_reply rows"]
    lines += _scores(replies)
    lines += _written_lines(corpus_dir / "written")
    lines += _suggestion_round_trip(corpus_dir, rows)
    lines += _intent_lines(corpus_dir / "intent" / "Ask0729-fixed.txt")
    lines += resume_name_report()
    return lines


def expected_codes(notes: str, keeps_both: str, makes_ask: str) -> dict[str, bool | None]:
    """What the labels say about each check code (None where they say nothing)."""
    if "problems:" in notes:
        listed = notes.split("problems:", 1)[1].split(";", 1)[0]
        found = {m.split(":", 1)[0] for m in re.findall(r"[a-z_]+(?::[a-z_]+)?", listed)}
        return {code: (code in found if code != "too_long" else None) for code in REPLY_CODES}
    known: dict[str, bool | None] = dict.fromkeys(REPLY_CODES)
    known["ask"] = makes_ask == "yes" and not _MEETING_ONLY.search(notes)
    known["dropped_introducer"] = keeps_both == "no" and "not copied" in notes
    return known


def _csv_rows(corpus: Path) -> Iterable[dict[str, str]]:
    with (corpus / "dev-labels.csv").open(newline="", encoding="utf-8") as handle:
        yield from csv.DictReader(handle)


def _path(corpus: Path, row_id: str) -> Path | None:
    return next(
        (
            corpus / d / f"{row_id}.eml"
            for d in ("enron", "web")
            if (corpus / d / f"{row_id}.eml").exists()
        ),
        None,
    )


def _reply(corpus: Path, row: dict[str, str]) -> Reply | None:
    path = _path(corpus, row["id"])
    if row["label"] != "intro_reply" or path is None:
        return None
    expected = expected_codes(row["notes"], row["keeps_both"], row["makes_ask"])
    good = "problems: good" in row["notes"]
    return Reply(row["id"], parse_eml(path.read_bytes()), expected, good)


def _scores(replies: list[Reply]) -> list[str]:
    lines: list[str] = []
    found = {r.id: {f.code for f in check_email(r.email)} for r in replies}
    for code in REPLY_CODES:
        tp = fp = fn = n = 0
        for reply in replies:
            want = reply.expected[code]
            if want is None:
                continue
            n += 1
            got = code in found[reply.id]
            tp, fp, fn = tp + (want and got), fp + (got and not want), fn + (want and not got)
            if want != got:
                lines.append(f"  {'MISS' if want else 'FALSE ALARM'} {code}: {reply.id}")
        lines.insert(len(lines) - (fp + fn), _score_line(code, tp, fp, fn, n))
    good = [r for r in replies if r.good]
    alarms = [r.id for r in good if found[r.id]]
    rate = len(alarms) / len(good) if good else 0.0
    verdict = "ok" if rate <= MAX_FALSE_ALARMS else f"ABOVE {MAX_FALSE_ALARMS:.0%}"
    lines.append(
        f"false alarms on good replies: {len(alarms)}/{len(good)} = {rate:.0%} ({verdict})"
    )
    lines += [f"  FALSE ALARM (good reply): {i}: {sorted(found[i])}" for i in alarms]
    return lines


WRITTEN_LANGUAGES = ("en", "es", "de", "fr", "pt", "it", "nl")
WRITTEN_GOAL = 0.85


def replies_with_threads(folder: Path) -> Iterator[tuple[dict[str, str], Email, Thread | None]]:
    """Each first reply of a labels file in the corpus scheme (`folder/labels.csv`), parsed,
    with the thread as it stood before it: the introduction of the folder it answers (the
    same language, introducer and people), when there is one."""
    with (folder / "labels.csv").open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    intros = {_answered(r): r["id"] for r in rows if r["label"] == "positive"}
    for row in rows:
        if row["label"] != "intro_reply":
            continue
        email = parse_eml((folder / f"{row['id']}.eml").read_bytes())
        intro = intros.get(_answered(row))
        thread = (
            None if intro is None else Thread((parse_eml((folder / f"{intro}.eml").read_bytes()),))
        )
        yield row, email, thread


def _answered(row: dict[str, str]) -> tuple[str, str, frozenset[str]]:
    """What ties a reply to its introduction: language, introducer, introduced people."""
    return row["lang"], row["introducer"], frozenset(row["introducee_names"].split(";"))


def _written_lines(written: Path) -> list[str]:
    """Every reply code on the written first replies, per language (development material).

    Each reply is checked as its writer's draft, against the thread as it stood before it:
    the written introduction it answers (same language, introducer and people), when there
    is one. Good replies expect no finding at all.
    """
    if not (written / "labels.csv").exists():
        return []
    counts: dict[tuple[str, str], list[int]] = {}
    alarms = good = 0
    for row, email, thread in replies_with_threads(written):
        is_good = row["notes"].startswith("good")
        expected = expected_codes(row["notes"], row["keeps_both"], row["makes_ask"])
        got = {f.code for f in check_email(email, thread)}
        good += is_good
        alarms += is_good and bool(got)
        language = row["lang"] if row["lang"] in WRITTEN_LANGUAGES else "other"
        for code in REPLY_CODES:
            want = False if is_good else expected[code]
            if want is None:
                continue
            tally = counts.setdefault((code, language), [0, 0, 0])
            hit = code in got
            tally[0] += want and hit
            tally[1] += hit and not want
            tally[2] += want and not hit
    lines = [
        f"written first replies (dev material; per language tp/fp/fn, goal P and R ≥ "
        f"{WRITTEN_GOAL:.2f}); good replies with any finding: {alarms}/{good}"
    ]
    for code in REPLY_CODES:
        cells, total = [], [0, 0, 0]
        for language in (*WRITTEN_LANGUAGES, "other"):
            tp, fp, fn = counts.get((code, language), (0, 0, 0))
            total = [total[0] + tp, total[1] + fp, total[2] + fn]
            cells.append(f"{language} {tp}/{fp}/{fn}")
        tp, fp, fn = total
        p = f"{tp / (tp + fp):.2f}" if tp + fp else "n/a"
        r = f"{tp / (tp + fn):.2f}" if tp + fn else "n/a"
        lines.append(f"  {code:<19} P {p} R {r}   " + "  ".join(cells))
    return lines


def _score_line(code: str, tp: int, fp: int, fn: int, n: int) -> str:
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else None
    shown = [f"{v:.2f}" if v is not None else "n/a" for v in (precision, recall)]
    target = TARGETS.get(code)
    flag = ""
    if target and any(v is not None and v < target for v in (precision, recall)):
        flag = f"  BELOW {target:.2f}"
    return (
        f"{code:<19} precision {shown[0]} recall {shown[1]} "
        f"(tp {tp} fp {fp} fn {fn}, {n} labelled){flag}"
    )


def _suggestion_round_trip(corpus: Path, rows: list[dict[str, str]]) -> list[str]:
    checked, dirty, skipped = 0, [], 0
    for row in rows:
        path = _path(corpus, row["id"])
        if row["label"] != "positive" or path is None:
            continue
        found = _recheck(Thread((parse_eml(path.read_bytes()),)))
        if found is None:
            skipped += 1
            continue
        checked += 1
        if found:
            dirty.append(f"  NOT CLEAN {row['id']}: {[f.label for f in found]}")
    status = "ok" if not dirty else "NOT CLEAN"
    head = (
        f"suggested replies re-checked: {checked - len(dirty)}/{checked} clean ({status}); "
        f"{skipped} positives without a suggestion (not detected or no one to answer)"
    )
    return [head, *dirty]


def _recheck(thread: Thread) -> tuple[Finding, ...] | None:
    """Findings on the suggested reply for this thread (None when nothing is suggested)."""
    intro = detect_introduction(thread).introduction
    advice = suggest_reply(intro, thread) if intro else None
    if intro is None or advice is None or advice.suggestion is None:
        return None
    s = advice.suggestion
    user = next((p for p in intro.introduced if p.address not in s.to), None)
    draft = Draft.from_suggestion(s, sender=user.address if user else None)
    return check_reply(draft, thread, introduction=intro, me=user.email if user else None)


def _intent_lines(path: Path) -> list[str]:
    """Development material only: how often `ask` fires on the intent training sentences."""
    if not path.exists():
        return []
    rows = [
        line.rstrip("\n").split("\t", 1) for line in path.open(encoding="utf-8", errors="replace")
    ]
    rows = [r for r in rows if len(r) == 2]
    fired = [(label, text) for label, text in rows if ask_kind(text)]
    no = sum(1 for label, _ in rows if label == "No")
    fired_no = sum(1 for label, _ in fired if label == "No")
    asks = [(lab, t) for lab, t in rows if lab == "Yes" and not _MEETING.search(t)]
    precision = (len(fired) - fired_no) / len(fired) if fired else 0.0
    return [
        f"intent training sentences (dev material, meeting proposals excluded from Yes): "
        f"ask fires on {fired_no}/{no} No sentences ({fired_no / no:.1%}); "
        f"{precision:.0%} of firings are labelled Yes; "
        f"fires on {sum(1 for _, t in asks if ask_kind(t))}/{len(asks)} non-meeting Yes sentences "
        "(the dataset's Yes also covers generic requests we do not flag)"
    ]


def main() -> int:
    """Print the report; exit 1 when a target is missed."""
    return print_report(run_checks_eval(CORPUS), ("BELOW", "ABOVE", "NOT CLEAN"))


if __name__ == "__main__":
    sys.exit(main())

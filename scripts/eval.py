"""`make eval`: measure detection (and the reply checks) on the labelled corpus.

Detection is reported cross-validated first (grouped 5-fold, leave-one-source-out),
per language on the written mail, then in-sample (the committed weights on the data
they were fitted on, which says little). Every cross-validated miss is listed, so a
change in judgement shows up as a change in these lines. Needs the dev dependencies
(scikit-learn) for the refits; serving does not.
"""

from __future__ import annotations

import sys

from scripts.eval_intro import (
    REAL,
    Outcome,
    cross_validated,
    in_sample,
    leave_source_out,
    line,
    repeated,
)
from scripts.eval_intro import misses as miss_lines
from scripts.intro_data import CORPUS, load_rows
from scripts.train_intro import design

LANGS = ("en", "es", "de", "fr", "pt", "it", "nl")
REPEAT_SEEDS = (2, 3)  # besides the reported split's seed 1


def detection_report() -> list[str]:
    rows = load_rows()
    data = design(rows)
    cv = cross_validated(rows, data)
    real = [o for o in cv if o.row.source in REAL]
    written = [o for o in cv if o.row.source == "written"]
    lines = [
        f"detection: {len(rows)} labelled messages ({CORPUS.name}/dev-labels.csv + written/)",
        "cross-validated, grouped 5-fold (weights, C and threshold fitted without the fold):",
        line("real mail", real, interval=True),
        line("written mail", written, interval=True),
    ]
    lines += [line(f"written {lang}", [o for o in written if o.row.lang == lang]) for lang in LANGS]
    others = [o for o in written if o.row.lang not in LANGS]
    lines.append(line("written, other languages", others))
    # The split above is one draw: the same 5-fold over seeds 1-3, pooled.
    pooled = cv + repeated(rows, data, REPEAT_SEEDS)
    lines.append(f"repeated grouped 5-fold (seeds 1, {', '.join(map(str, REPEAT_SEEDS))}; pooled):")
    lines.append(line("real mail", [o for o in pooled if o.row.source in REAL]))
    lines.append(line("written mail", [o for o in pooled if o.row.source == "written"]))
    lines.append("leave-one-source-out (fitted without the source, measured on it):")
    for source, outcomes in leave_source_out(rows, data).items():
        lines.append(line(source, outcomes, interval=True))
    lines.append("in-sample (committed weights on their own training data; says little):")
    fitted = in_sample(rows)
    lines.append(line("real mail", [o for o in fitted if o.row.source in REAL]))
    lines.append(line("written mail", [o for o in fitted if o.row.source == "written"]))
    lines.append(_replies(fitted))
    lines.append("cross-validated misses:")
    lines += miss_lines(cv)
    return lines


def _replies(outcomes: list[Outcome]) -> str:
    """Real first replies: recognised as part of an introduction thread (quoted intro)."""
    from app.core.intro import detect_introduction

    replies = [o.row for o in outcomes if o.row.label == "intro_reply"]
    seen = sum(detect_introduction(r.email).introduction is not None for r in replies)
    return f"  first replies recognised as introduction threads: {seen}/{len(replies)}"


def main() -> int:
    if not (CORPUS / "dev-labels.csv").exists():
        print(f"corpus not found at {CORPUS} (set INTRO_CORPUS)", file=sys.stderr)
        return 2
    for text in detection_report():
        print(text)
    from scripts.eval_replies import report as replies_report

    for text in replies_report():
        print(text)
    from scripts.eval_teams import report as teams_report

    for text in teams_report():
        print(text)
    from scripts.eval_requests import report as requests_report

    for text in requests_report():
        print(text)
    from scripts.eval_asks import report as asks_report
    from scripts.eval_checks import run_checks_eval

    for text in asks_report():
        print(text)

    for text in run_checks_eval(CORPUS):
        print(text)
    from scripts.eval_introducer import corpus_rates
    from scripts.eval_introducer import report as introducer_report

    for text in [*introducer_report(), *corpus_rates()]:
        print(text)
    from scripts.eval_reply import report as reply_report

    for text in reply_report():
        print(text)
    from scripts.eval_followup import report as followup_report

    for text in followup_report():
        print(text)
    from scripts.eval_probe import report as probe_report
    from scripts.eval_reply_probe import PROBE as REPLY_PROBE
    from scripts.eval_reply_probe import report as reply_probe_report
    from scripts.eval_reply_probe import run_probe

    print("probes written for issues 10 and 13 (their unseen 'before' figures: README):")
    for text in probe_report():
        print(text)
    for folder in sorted(REPLY_PROBE.parent.glob("reply-probe*")):
        print(f"{folder.name}:")
        for text in reply_probe_report(run_probe(folder)):
            print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

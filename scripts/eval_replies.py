"""Replies to an introduction the thread given does not hold (dev only; `make eval`).

Each labelled message is read alone, as a thread of one: a reply's quoted history is
all we have of its thread. For the first replies (`intro_reply` rows): how many are
recognised as answering an introduction — through the introduction in their quotes,
or, without it, from what the reply says (`from_reply`) — and whether the introducer
is the one labelled (written rows label it). For every other message: how often the
reply reading fires where no introduction was answered (false alarms). The reply
reading has fixed, hand-set rules: these figures are measured on the mail the rules
were written while reading, so treat them as in-sample.
"""

from __future__ import annotations

from collections import Counter

from app.core.intro import detect_introduction
from scripts.eval_intro import _person_matches
from scripts.intro_data import Row, load_rows


def _outcomes(rows: list[Row]) -> Counter[str]:
    count: Counter[str] = Counter()
    for row in rows:
        intro = detect_introduction(row.email, row.user or None).introduction
        real = "written" if row.source == "written" else "real"
        if row.label == "intro_reply":
            count[f"{real} replies"] += 1
            if intro is None:
                continue
            how = "from_reply" if intro.from_reply else "quoted"
            count[f"{real} recognised {how}"] += 1
            if row.introducer and intro.from_reply:
                count[f"{real} labelled introducer {how}"] += 1
                who = intro.introducer
                count[f"{real} introducer right {how}"] += _person_matches(
                    row.introducer, who.name, who.email
                )
        elif intro is not None and intro.from_reply:
            count[f"{real} false {row.label}"] += 1
        elif row.label == "negative":
            count[f"{real} negatives"] += 0
        if row.label != "intro_reply":
            count[f"{real} others"] += 1
    return count


def report(rows: list[Row] | None = None) -> list[str]:
    """The figures, one line per set."""
    count = _outcomes(rows if rows is not None else load_rows())
    lines = ["replies to an introduction, each message alone (in-sample: hand-set rules):"]
    for real in ("real", "written"):
        n = count[f"{real} replies"]
        quoted, said = count[f"{real} recognised quoted"], count[f"{real} recognised from_reply"]
        right, labelled = (
            count[f"{real} introducer right from_reply"],
            count[f"{real} labelled introducer from_reply"],
        )
        false = count[f"{real} false negative"] + count[f"{real} false positive"]
        lines.append(
            f"  {real:<8} {n:>3} replies: recognised {quoted + said}/{n} "
            f"({quoted} through the quoted introduction, {said} from the reply alone); "
            f"introducer right {right}/{labelled} of those labelled; "
            f"false alarms {false}/{count[f'{real} others']} other messages "
            f"({count[f'{real} false positive']} on missed introductions)"
        )
    return lines


if __name__ == "__main__":
    for text in report():
        print(text)

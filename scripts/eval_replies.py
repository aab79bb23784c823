"""Replies to an introduction the thread given does not hold (dev only; `make eval`).

Each labelled message is read alone, as a thread of one: a reply's quoted history is
all we have of its thread. For the first replies (`intro_reply` rows): how many are
recognised as answering an introduction — through the introduction in their quotes,
or, without it, from what the reply says (`from_reply`) — and whether the introducer
is the one labelled (written rows label it). For every other message: how often the
reply reading fires where no introduction was answered (false alarms).

The reply reading's weights are fitted (`scripts/train_replies.py`), so the figures to
read are cross-validated: grouped stratified 5-fold (a thread, or one text, never on both
sides) and leave-one-source-out between real and written mail, each fold's
regularisation, weights and threshold fitted without it. The in-sample line (the
committed weights on their own data) is printed beside them. The `reply_alone` lexicon
phrases were written with these messages in view, so even the cross-validated figures are
optimistic for phrasing they share.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np
from sklearn.model_selection import StratifiedGroupKFold

from app.core.intro import Signals, detect_introduction, signals_of
from app.core.intro.replied import REPLY_WEIGHTS, reply_to_introduction
from app.core.intro.weights import Weights
from app.core.model import Introduction
from scripts.eval_intro import _person_matches
from scripts.intro_data import Row, load_rows
from scripts.reporting import corpus_report
from scripts.train_replies import design, fit_reply_weights

FOLDS = 5


@dataclass
class Read:
    """One labelled message read alone: whether the quoted introduction is found, and its
    signals for the reply reading."""

    row: Row
    quoted: Introduction | None
    signals: Signals


def _read(rows: list[Row]) -> list[Read]:
    found = []
    for row in rows:
        intro = detect_introduction(row.email, row.user or None).introduction
        quoted = intro if intro is not None and not intro.from_reply else None
        found.append(Read(row, quoted, signals_of(row.email)))
    return found


def _outcomes(reads: list[Read], weights: list[Weights]) -> Counter[str]:
    """Counts per set; `weights[i]` is the model that reads message i."""
    count: Counter[str] = Counter()
    for read, w in zip(reads, weights, strict=True):
        row = read.row
        intro = read.quoted or reply_to_introduction(read.signals, row.user or None, weights=w)
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
                count[f"{real} introducer unknown {how}"] += not (who.name or who.email)
                count[f"{real} introducer right {how}"] += _person_matches(
                    row.introducer, who.name, who.email
                )
            continue
        count[f"{real} others"] += 1
        if intro is not None and intro.from_reply:
            count[f"{real} false {row.label}"] += 1
    return count


def _lines(title: str, count: Counter[str]) -> list[str]:
    lines = [f"  {title}:"]
    for real in ("real", "written"):
        n = count[f"{real} replies"]
        if not n and not count[f"{real} others"]:
            continue
        quoted, said = count[f"{real} recognised quoted"], count[f"{real} recognised from_reply"]
        right, labelled = (
            count[f"{real} introducer right from_reply"],
            count[f"{real} labelled introducer from_reply"],
        )
        false = count[f"{real} false negative"] + count[f"{real} false positive"]
        lines.append(
            f"    {real:<8} {n:>3} replies: recognised {quoted + said}/{n} "
            f"({quoted} through the quoted introduction, {said} from the reply alone); "
            f"introducer right {right}/{labelled} of those labelled "
            f"({count[f'{real} introducer unknown from_reply']} not named in the reply); "
            f"false alarms {false}/{count[f'{real} others']} other messages "
            f"({count[f'{real} false positive']} on missed introductions)"
        )
    return lines


def cross_validated(rows: list[Row], reads: list[Read]) -> list[str]:
    """Grouped 5-fold and leave-one-source-out (real / written): each fold fitted without it."""
    data = design(rows)
    fold_weights: list[Weights] = [REPLY_WEIGHTS] * len(rows)
    folds = StratifiedGroupKFold(n_splits=FOLDS, shuffle=True, random_state=0)
    for train, test in folds.split(data.x, data.y, data.g):
        weights, _ = fit_reply_weights(data.take(train))
        for i in test:
            fold_weights[i] = weights
    lines = _lines(f"grouped {FOLDS}-fold CV (by thread)", _outcomes(reads, fold_weights))
    written = np.array([r.source == "written" for r in rows])
    for name, held in (("real", ~written), ("written", written)):
        weights, _ = fit_reply_weights(data.take(np.flatnonzero(~held)))
        index = np.flatnonzero(held)
        count = _outcomes([reads[i] for i in index], [weights] * len(index))
        lines += _lines(f"leave-one-source-out, {name} held out (fitted on the other)", count)
    return lines


def report(rows: list[Row] | None = None) -> list[str]:
    """The figures, one line per set."""
    rows = rows if rows is not None else load_rows()
    reads = _read(rows)
    lines = [
        "replies to an introduction, each message alone (fitted weights: "
        "scripts/train_replies.py; reply_alone phrases written with these messages in view):",
        *cross_validated(rows, reads),
        *_lines(
            "in-sample (the committed weights on their own data)",
            _outcomes(reads, [REPLY_WEIGHTS] * len(rows)),
        ),
    ]
    return lines


def main() -> int:
    return corpus_report(report)


if __name__ == "__main__":
    raise SystemExit(main())

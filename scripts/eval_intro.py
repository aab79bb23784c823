"""Detection figures: cross-validated first, in-sample last (dev only; `make eval`).

- grouped, stratified 5-fold over all labelled mail (real and written): each fold's
  weights, C and threshold are fitted on the other four only;
- leave-one-source-out: fit without Enron / State Dept / NIH / web / intl / written,
  measure on it;
- in-sample: the committed weights on the data they were fitted on (labelled so).
Precision, recall and roles with a 95 % bootstrap interval (1,000 resamples of rows).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import numpy as np
from sklearn.model_selection import StratifiedGroupKFold

from app.core.intro import detect_introduction
from app.core.intro.weights import WEIGHTS, Weights
from app.core.mail.names import matches
from app.core.model import Address, Introduction, Person
from scripts.intro_data import Row
from scripts.train_intro import Data, fit_intro

REAL = ("enron", "state", "nih", "web", "intl")
FOLDS = 5
BOOTSTRAP = 1_000


@dataclass
class Outcome:
    """What detection said of one row."""

    row: Row
    found: bool
    roles: bool
    detail: str


def _person_matches(label: str, name: str, email: str) -> bool:
    label = label.split("(")[0].strip() or label
    if len(name.strip(". ")) == 1 and label[:1].lower() == name.strip(". ").lower():
        return True  # a sender who signs with an initial ("H") is named as the header says
    # The strict ruler: a nickname ("Gabi") is not the labelled name ("Gabriela Souza").
    strict = matches(label, Address(name, email), nicknames=False)
    return strict or matches(name, Address(label, ""), nicknames=False)


def roles_right(row: Row, intro: Introduction) -> bool:
    """Introducer and the introduced people as labelled (and the user's role, when given)."""
    who = intro.introducer
    if not _person_matches(row.introducer, who.name, who.email):
        return False
    # A team's named members are introduced people too (the labels list them).
    got = (*intro.introduced, *(Person(m, "") for p in intro.introduced for m in p.members))
    every_label = all(any(_person_matches(n, p.name, p.email) for p in got) for n in row.introduced)
    every_pred = all(any(_person_matches(n, p.name, p.email) for n in row.introduced) for p in got)
    if row.user and intro.user_role not in ("introduced", "unknown"):
        return False
    return every_label and every_pred


def judge(row: Row, weights: Weights) -> Outcome:
    """Detect on the row's message alone and compare with its label."""
    verdict = detect_introduction(row.email, row.user or None, weights=weights)
    intro = verdict.introduction
    found = intro is not None and intro.message_index >= 0
    if not found or intro is None:
        return Outcome(row, False, False, verdict.reason)
    people = [
        (p.name or p.email) + (f" {list(p.members)}" if p.members else "") for p in intro.introduced
    ]
    detail = f"{intro.kind} {intro.introducer.name or intro.introducer.email} -> {people}"
    return Outcome(row, True, row.positive and roles_right(row, intro), detail)


def cross_validated(rows: list[Row], data: Data, seed: int = 1) -> list[Outcome]:
    """Grouped, stratified k-fold: every row judged by weights fitted without its group.

    `seed` shuffles the groups into folds: with 45 real introductions, which ones share a
    fold moves the real figures by several points (see `repeated`)."""
    outcomes: list[Outcome | None] = [None] * len(rows)
    for test, weights in fitted_folds(data, seed):
        for i in test:
            outcomes[i] = judge(rows[i], weights)
    return [o for o in outcomes if o is not None]


def fitted_folds(data: Data, seed: int = 1) -> Iterator[tuple[np.ndarray, Weights]]:
    """Each fold of the grouped, stratified k-fold split of `seed`: its rows, and the
    weights fitted without them."""
    folds = StratifiedGroupKFold(n_splits=FOLDS, shuffle=True, random_state=seed)
    for train, test in folds.split(data.x, data.y, data.g):
        yield test, fit_intro(data.take(train))[0]


def repeated(rows: list[Row], data: Data, seeds: Iterable[int]) -> list[Outcome]:
    """Repeated grouped k-fold: the outcomes of every seed's split, pooled (each row is
    judged once per seed), a steadier estimate than one split."""
    return [o for seed in seeds for o in cross_validated(rows, data, seed)]


def leave_source_out(rows: list[Row], data: Data) -> dict[str, list[Outcome]]:
    """Fit without one source, judge that source; for each source."""
    sources = np.array([r.source for r in rows])
    result = {}
    for source in sorted(set(sources)):
        weights, _ = fit_intro(data.take(np.flatnonzero(sources != source)))
        result[source] = [judge(rows[i], weights) for i in np.flatnonzero(sources == source)]
    return result


def in_sample(rows: list[Row]) -> list[Outcome]:
    return [judge(row, WEIGHTS) for row in rows]


def scored(o: Outcome) -> bool:
    """Whether detection is scored on this row: a real reply's own text is not (its
    thread is)."""
    return not (o.row.label == "intro_reply" and o.row.source != "written")


def _counts(outcomes: Iterable[Outcome]) -> tuple[int, int, int, int]:
    tp = fp = fn = roles = 0
    for o in outcomes:
        if not scored(o):
            continue
        tp += o.found and o.row.positive
        fp += o.found and not o.row.positive
        fn += not o.found and o.row.positive
        roles += o.roles
    return tp, fp, fn, roles


def _figures(outcomes: list[Outcome]) -> tuple[float, float, float]:
    tp, fp, fn, roles = _counts(outcomes)
    precision = tp / (tp + fp) if tp + fp else float("nan")
    recall = tp / (tp + fn) if tp + fn else float("nan")
    return precision, recall, (roles / tp if tp else float("nan"))


def _interval(outcomes: list[Outcome], pick: Callable[[tuple[float, float, float]], float]) -> str:
    rng = np.random.default_rng(0)
    found = []
    for _ in range(BOOTSTRAP):
        sample = [outcomes[i] for i in rng.integers(0, len(outcomes), len(outcomes))]
        value = pick(_figures(sample))
        if value == value:  # not NaN
            found.append(value)
    if not found:
        return ""
    low, high = np.percentile(found, [2.5, 97.5])
    return f" [{low:.2f}–{high:.2f}]"


def line(label: str, outcomes: list[Outcome], *, interval: bool = False) -> str:
    """One row of the report: counts, precision, recall, roles (with intervals)."""
    tp, _, fn, _ = _counts(outcomes)
    p, r, roles = _figures(outcomes)
    parts = []
    for name, value, index in (("precision", p, 0), ("recall", r, 1), ("roles", roles, 2)):
        text = "  n/a" if value != value else f"{value:.3f}"
        if interval and value == value:
            text += _interval(outcomes, lambda f, i=index: f[i])
        parts.append(f"{name} {text}")
    return f"  {label:<24} {tp + fn:>3} intros {len(outcomes) - tp - fn:>4} others  " + "  ".join(
        parts
    )


def misses(outcomes: list[Outcome]) -> list[str]:
    """The rows judged wrong, for reading (cross-validated ones)."""
    found = []
    for o in outcomes:
        if o.row.label == "intro_reply" and o.row.source != "written":
            continue
        if o.row.positive and not o.found:
            found.append(f"  MISS {o.row.id}: {o.detail}")
        elif o.found and not o.row.positive:
            found.append(f"  FALSE {o.row.id} ({o.row.label}): {o.detail}")
        elif o.row.positive and not o.roles:
            want = f"{o.row.introducer} -> {o.row.introduced}"
            found.append(f"  ROLE {o.row.id}: got {o.detail}; want {want}")
    return found

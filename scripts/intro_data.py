"""The labelled mail the introduction model is fitted and measured on (dev only).

Rows come from `../shared/corpus/dev-labels.csv` (real mail: `enron/`, `web/`,
`intl/`) and `../shared/corpus/written/labels.csv` (mail written for development).
Each row carries its source (for leave-one-source-out) and a group: messages of
one thread, and copies of one text, share a group so they stay in one fold.
"""

from __future__ import annotations

import csv
import hashlib
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from app.core.intro.lexicon import fold
from app.core.mail.rfc822 import parse_eml
from app.core.model import Email

CORPUS = Path(
    os.environ.get("INTRO_CORPUS", Path(__file__).resolve().parents[2] / "shared" / "corpus")
)
WRITTEN_WEIGHT = 0.5  # written mail counts half: real mail dominates the fit
_SUBJECT_PREFIX = re.compile(r"^\s*(?:(?:re|fw|fwd|aw|wg|tr|rv|sv|r|rif|antw)\s*:\s*)+", re.I)
_THREAD_ID = re.compile(r"^(clinton-[a-z0-9]+|fauci-t\d+)-")


@dataclass
class Row:
    """One labelled message."""

    id: str
    label: str
    introducer: str
    introduced: list[str]
    path: Path
    lang: str
    user: str
    notes: str

    @property
    def source(self) -> str:
        """Enron / State Dept / NIH / web / intl / written (for leave-one-source-out)."""
        if self.id.startswith("syn-"):
            return "written"
        if self.id.startswith("intl-"):
            return "intl"
        if self.id.startswith("clinton-"):
            return "state"
        if self.id.startswith("fauci-"):
            return "nih"
        if self.id.startswith(("web", "gh-")):
            return "web"
        return "enron"

    @property
    def weight(self) -> float:
        """Sample weight in the fit."""
        return WRITTEN_WEIGHT if self.source == "written" else 1.0

    @property
    def positive(self) -> bool:
        """The message is itself an introduction."""
        return self.label == "positive"

    @cached_property
    def raw(self) -> bytes:
        """The message's bytes."""
        return self.path.read_bytes()

    @cached_property
    def email(self) -> Email:
        """The message, parsed."""
        return parse_eml(self.raw)


def labelled_rows_in(labels: Path, folders: tuple[Path, ...]) -> list[Row]:
    """The rows of a labels file (corpus scheme) whose message is in one of `folders`."""
    rows = []
    with labels.open(newline="", encoding="utf-8") as handle:
        for rec in csv.DictReader(handle):
            path = next(
                (d / f"{rec['id']}.eml" for d in folders if (d / f"{rec['id']}.eml").exists()), None
            )
            if path is None:
                continue
            names = [n.strip() for n in rec["introducee_names"].split(";") if n.strip()]
            rows.append(
                Row(
                    rec["id"], rec["label"], rec["introducer"], names, path,
                    (rec.get("lang") or "en").strip() or "en", (rec.get("user") or "").strip(),
                    rec.get("notes") or "",
                )
            )  # fmt: skip
    return rows


def load_rows(corpus: Path = CORPUS, *, written: bool = True) -> list[Row]:
    """Every labelled message whose file is present, real mail first."""
    real = tuple(corpus / d for d in ("enron", "web", "intl"))
    rows = labelled_rows_in(corpus / "dev-labels.csv", real)
    if written and (corpus / "written" / "labels.csv").exists():
        rows += labelled_rows_in(corpus / "written" / "labels.csv", (corpus / "written",))
    return rows


def groups(rows: list[Row]) -> list[int]:
    """A group number per row: one thread, or one text, is one group (union-find)."""
    parent = list(range(len(rows)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    seen: dict[str, int] = {}
    for i, row in enumerate(rows):
        for key in _keys(row):
            if key in seen:
                parent[find(i)] = find(seen[key])
            else:
                seen[key] = i
    roots = {r: n for n, r in enumerate(sorted({find(i) for i in range(len(rows))}))}
    return [roots[find(i)] for i in range(len(rows))]


def _keys(row: Row) -> list[str]:
    keys = []
    thread = _THREAD_ID.match(row.id)
    if thread:
        keys.append("thread:" + thread.group(1))
    subject = fold(_SUBJECT_PREFIX.sub("", row.email.subject))
    if len(subject) > 8:
        keys.append(f"subject:{row.source}:{subject}")
    text = fold(row.email.new_text)
    if len(text) > 40:
        keys.append("text:" + hashlib.sha256(text.encode()).hexdigest())
    return keys


def data_hash(rows: list[Row], labels: Sequence[object] | None = None) -> str:
    """A hash of the labels and bytes fitted on (to tell when the weights are stale):
    each row's own label, or the one `labels` gives it (a trainer's 0/1 target)."""
    digest = hashlib.sha256()
    for i, row in enumerate(rows):
        label = row.label if labels is None else labels[i]
        digest.update(f"{row.id}\t{label}\n".encode())
        digest.update(hashlib.sha256(row.raw).digest())
    return digest.hexdigest()[:16]

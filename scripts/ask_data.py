"""Labelled sentences the ask model is fitted and measured on (dev only).

- real: the Email Intent training split (`../shared/corpus/intent/Ask0729-fixed.txt`),
  relabelled by our definition (ask / meeting / none, with a kind for asks) in
  `scripts/data/intent-relabel-*.tsv`, which hold line numbers, not the text;
- written: `scripts/data/asks-written-<lang>.tsv`, sentences of first replies written
  for development in seven languages (breadth, not evidence of real-mail quality).
The dataset's own test split is never read here.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from scripts.intro_data import CORPUS

DATA = Path(__file__).resolve().parent / "data"
INTENT = CORPUS / "intent" / "Ask0729-fixed.txt"
WRITTEN_WEIGHT = 0.5


@dataclass(frozen=True)
class Sentence:
    """One labelled sentence."""

    text: str
    label: str  # ask | meeting | none
    kind: str
    source: str  # intent | written
    lang: str

    @property
    def weight(self) -> float:
        return WRITTEN_WEIGHT if self.source == "written" else 1.0


def load_sentences() -> list[Sentence]:
    """Every labelled sentence: the relabelled Intent training split, then written ones."""
    found: list[Sentence] = []
    if INTENT.exists():
        lines = INTENT.read_text(encoding="utf-8", errors="replace").split("\n")
        for path in sorted(DATA.glob("intent-relabel-*.tsv")):
            with path.open(encoding="utf-8", newline="") as handle:
                for rec in csv.DictReader(handle, delimiter="\t"):
                    raw = lines[int(rec["line"]) - 1]
                    text = raw.split("\t", 1)[1] if "\t" in raw else raw
                    found.append(Sentence(text.strip(), rec["label"], rec["kind"], "intent", "en"))
    for path in sorted(DATA.glob("asks-written-*.tsv")):
        lang = path.stem.rsplit("-", 1)[1]
        with path.open(encoding="utf-8", newline="") as handle:
            for rec in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
                found.append(
                    Sentence(rec["sentence"].strip(), rec["label"], rec["kind"], "written", lang)
                )
    return found

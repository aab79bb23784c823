"""Ask figures, cross-validated (dev only; part of `make eval`).

Stratified 5-fold over every labelled sentence: each fold's models, C and threshold
are fitted on the other four, and each sentence is judged as `asks.ask_kind` judges
it (the English request cues where they decide alone, else the fold's model, with the
cues' request forms among its features). The cues were developed
against the Email Intent training sentences, so the real-sentence figure leans
optimistic where they fire. Reported: precision and recall of `ask` on the real
(relabelled Email Intent) sentences and on the written ones per language, how many
meeting proposals are flagged, and how often a flagged ask gets its labelled kind.
"""

from __future__ import annotations

import numpy as np
from sklearn.model_selection import StratifiedKFold

from app.core.checks.ask_model import AskModel
from app.core.checks.asks import decide
from scripts.ask_data import Sentence, load_sentences
from scripts.train_asks import fit

FOLDS = 5
LANGS = ("en", "es", "de", "fr", "pt", "it", "nl")


def predictions(sentences: list[Sentence]) -> list[tuple[bool, str]]:
    """(flagged as ask, predicted kind) per sentence, each from a model fitted without it."""
    out: list[tuple[bool, str]] = [(False, "")] * len(sentences)
    labels = np.array([s.label for s in sentences])
    folds = StratifiedKFold(n_splits=FOLDS, shuffle=True, random_state=1)
    for train, test in folds.split(np.zeros(len(labels)), labels):
        model, _ = fit([sentences[i] for i in train])
        for i in test:
            out[i] = _decide(model, sentences[i].text)
    return out


def _decide(model: AskModel, text: str) -> tuple[bool, str]:
    """What `asks.ask_kind` decides, with this fold's model."""
    kind = decide(text, model)
    return kind is not None, kind or ""


def _line(label: str, rows: list[tuple[Sentence, tuple[bool, str]]]) -> str:
    tp = sum(f and s.label == "ask" for s, (f, _) in rows)
    fp = sum(f and s.label != "ask" for s, (f, _) in rows)
    fn = sum(not f and s.label == "ask" for s, (f, _) in rows)
    meetings = [f for s, (f, _) in rows if s.label == "meeting"]
    kinds = [k == s.kind for s, (f, k) in rows if f and s.label == "ask" and s.kind]
    precision = f"{tp / (tp + fp):.3f}" if tp + fp else "  n/a"
    recall = f"{tp / (tp + fn):.3f}" if tp + fn else "  n/a"
    flagged = f"{sum(meetings) / len(meetings):.1%}" if meetings else "n/a"
    kind = f"{sum(kinds) / len(kinds):.2f}" if kinds else "n/a"
    return (
        f"  {label:<22} {tp + fn:>4} asks {len(rows) - tp - fn:>5} others  precision {precision}"
        f"  recall {recall}  meetings flagged {flagged}  kind right {kind}"
    )


def report() -> list[str]:
    sentences = load_sentences()
    if not sentences:
        return ["asks: no labelled sentences (corpus not found)"]
    rows = list(zip(sentences, predictions(sentences), strict=True))
    lines = [
        f"asks: {len(sentences)} labelled sentences, cross-validated 5-fold "
        "(kind right: the flagged asks whose kind is the labelled one)",
        _line("real (Email Intent)", [r for r in rows if r[0].source == "intent"]),
        _line("written, all", [r for r in rows if r[0].source == "written"]),
    ]
    for lang in LANGS:
        lines.append(
            _line(
                f"written {lang}",
                [r for r in rows if r[0].source == "written" and r[0].lang == lang],
            )
        )
    return lines


if __name__ == "__main__":
    for text in report():
        print(text)

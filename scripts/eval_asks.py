"""Ask figures, cross-validated (dev only; part of `make eval`).

Stratified 5-fold over every labelled sentence: each fold's models, C and threshold
are fitted on the other four, and each sentence is judged as `asks.ask_kind` judges
it (the English request cues where they decide alone, else the fold's model, with the
cues' request forms among its features). The cues were developed
against the Email Intent training sentences, so the real-sentence figure leans
optimistic where they fire. Reported: precision and recall of `ask` on the real
(relabelled Email Intent) sentences and on the written ones per language, how many
meeting proposals are flagged, and how often a flagged ask gets its labelled kind.

Options: `--c C` fixes the regularisation instead of choosing it inside each fold (quicker
exploration on the same folds; say so when quoting its figures); `--misses PATH` writes
the out-of-fold misses, false alarms and wrong kinds as a TSV (label, kind, predicted
kind, P(ask), P(meeting), source, language, sentence) for reading, never for committing;
`--balance` fits with the classes balanced within each source and language
(`train_asks.balanced_weights`: a tried change, not the committed model's fit).
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

import numpy as np
from sklearn.model_selection import StratifiedKFold

from app.core.checks.ask_model import AskModel, features
from app.core.checks.asks import decide
from scripts.ask_data import Sentence, load_sentences
from scripts.train_asks import fit

FOLDS = 5
LANGS = ("en", "es", "de", "fr", "pt", "it", "nl")


def predictions(
    sentences: list[Sentence],
    c: float | None = None,
    scores: list[tuple[float, float]] | None = None,
    per_language: bool = False,
) -> list[tuple[bool, str]]:
    """(flagged as ask, predicted kind) per sentence, each from a model fitted without it
    (C chosen in each fold unless given); `scores`, when given, receives each sentence's
    out-of-fold P(ask) and P(meeting)."""
    out: list[tuple[bool, str]] = [(False, "")] * len(sentences)
    if scores is not None:
        scores[:] = [(0.0, 0.0)] * len(sentences)
    labels = np.array([s.label for s in sentences])
    folds = StratifiedKFold(n_splits=FOLDS, shuffle=True, random_state=1)
    for train, test in folds.split(np.zeros(len(labels)), labels):
        model, _ = fit([sentences[i] for i in train], c, per_language)
        for i in test:
            out[i] = _decide(model, sentences[i].text)
            if scores is not None:
                found = model.intent.probabilities(features(sentences[i].text))
                scores[i] = (found.get("ask", 0.0), found.get("meeting", 0.0))
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


def _ranking(scored: list[tuple[bool, float]]) -> str:
    """How well out-of-fold P(ask) ranks the real asks, whatever the threshold: average
    precision, and the recall at the lowest threshold reaching precision 0.80 and 0.90."""
    from sklearn.metrics import average_precision_score, precision_recall_curve

    truth = np.array([t for t, _ in scored])
    p = np.array([q for _, q in scored])
    precision, recall, _ = precision_recall_curve(truth, p)
    at = {goal: float(np.max(recall[precision >= goal], initial=0.0)) for goal in (0.8, 0.9)}
    return (
        f"  {'real, by P(ask) alone':<22} average precision {average_precision_score(truth, p):.3f}"
        f"  recall at precision 0.80 {at[0.8]:.3f}, at 0.90 {at[0.9]:.3f}"
    )


def report(
    c: float | None = None, misses: Path | None = None, per_language: bool = False
) -> list[str]:
    sentences = load_sentences()
    if not sentences:
        return ["asks: no labelled sentences (corpus not found)"]
    scores: list[tuple[float, float]] = []
    rows = list(zip(sentences, predictions(sentences, c, scores, per_language), strict=True))
    if misses is not None:
        _write_misses(misses, rows, scores)
    fixed = "" if c is None else f", C fixed at {c}"
    fixed += ", classes balanced per language" if per_language else ""
    lines = [
        f"asks: {len(sentences)} labelled sentences, cross-validated 5-fold{fixed} "
        "(kind right: the flagged asks whose kind is the labelled one)",
        _line("real (Email Intent)", [r for r in rows if r[0].source == "intent"]),
        _ranking(
            [
                (s.label == "ask", p)
                for s, (p, _) in zip(sentences, scores, strict=True)
                if s.source == "intent"
            ]
        ),
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


def _write_misses(
    path: Path,
    rows: list[tuple[Sentence, tuple[bool, str]]],
    scores: list[tuple[float, float]],
) -> None:
    """Out-of-fold misses, false alarms and wrong kinds, one per line."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, delimiter="\t", lineterminator="\n")
        out.writerow(
            [
                "error",
                "label",
                "kind",
                "predicted",
                "p_ask",
                "p_meeting",
                "source",
                "lang",
                "sentence",
            ]
        )
        for (s, (flagged, kind)), (p_ask, p_meeting) in zip(rows, scores, strict=True):
            if flagged == (s.label == "ask") and (not flagged or not s.kind or kind == s.kind):
                continue
            error = (
                "miss"
                if s.label == "ask" and not flagged
                else "kind"
                if flagged and s.label == "ask"
                else "false"
            )
            out.writerow(
                [
                    error,
                    s.label,
                    s.kind,
                    kind,
                    f"{p_ask:.3f}",
                    f"{p_meeting:.3f}",
                    s.source,
                    s.lang,
                    " ".join(s.text.split()),
                ]
            )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Ask figures, cross-validated.")
    parser.add_argument("--c", type=float, help="fix C instead of choosing it in each fold")
    parser.add_argument("--misses", type=Path, help="write the out-of-fold errors to this TSV")
    parser.add_argument(
        "--balance",
        action="store_true",
        help="balance the classes within each source and language (a tried change, not used)",
    )
    args = parser.parse_args(argv)
    for text in report(args.c, args.misses, args.balance):
        print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

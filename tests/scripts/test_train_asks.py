"""The per-language class balance tried for the ask model (`train_asks.balanced_weights`)."""

from __future__ import annotations

from collections import defaultdict

import pytest

from scripts.ask_data import Sentence
from scripts.train_asks import balanced_weights


def _sentences() -> list[Sentence]:
    # Real English sentences mostly not asks; written Spanish ones mostly asks.
    rows = [("ask", "intent", "en")] * 2 + [("none", "intent", "en")] * 6
    rows += [("meeting", "intent", "en")] * 2
    rows += [("ask", "written", "es")] * 6 + [("none", "written", "es")] * 2
    rows += [("meeting", "written", "es")] * 2
    return [
        Sentence(f"s{i}", label, "", source, lang) for i, (label, source, lang) in enumerate(rows)
    ]


def test_each_class_weighs_the_same_within_each_source_and_language() -> None:
    sentences = _sentences()
    weights = balanced_weights(sentences)
    by_group: dict[tuple[str, str], dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for s, w in zip(sentences, weights, strict=True):
        by_group[(s.source, s.lang)][s.label] += float(w)
    for classes in by_group.values():
        assert len({round(v, 9) for v in classes.values()}) == 1
    # The Spanish asks no longer outweigh the Spanish non-asks.
    es = by_group[("written", "es")]
    assert es["ask"] == pytest.approx(es["none"])


def test_each_group_keeps_its_weight_under_the_overall_balance() -> None:
    sentences = _sentences()
    weights = balanced_weights(sentences)
    counts = {c: sum(s.label == c for s in sentences) for c in ("ask", "meeting", "none")}
    overall = {c: len(sentences) / (3 * n) for c, n in counts.items()}
    for group in (("intent", "en"), ("written", "es")):
        members = [
            (s, w) for s, w in zip(sentences, weights, strict=True) if (s.source, s.lang) == group
        ]
        before = sum(s.weight * overall[s.label] for s, _ in members)
        assert sum(float(w) for _, w in members) == pytest.approx(before)

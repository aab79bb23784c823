"""ask_patterns._rx: sharing a leading \\b never changes what a pattern matches."""

from __future__ import annotations

import re

from app.core.checks.ask_patterns import _has_top_level_bar, _rx


def test_top_level_bar_detection() -> None:
    assert _has_top_level_bar(r"\ba|b")
    assert not _has_top_level_bar(r"\b(?:a|b)")
    assert not _has_top_level_bar(r"\b[|]x")
    assert not _has_top_level_bar(r"\b[]|]x")
    assert not _has_top_level_bar(r"\b[^]|]x")
    assert not _has_top_level_bar(r"\b\|x")


def test_shared_boundary_keeps_matches_and_order() -> None:
    parts = (r"x@\S+", r"\bcan you\b", r"\bcan\b", r"\bno|yes", r"\bplease", r"\bpl\w*")
    reference = re.compile("|".join(f"(?:{p})" for p in parts))
    text = "ok x@y.z scan you can you yes noyes please pleased cannot plz"
    found = [(m.span(), m.group(0)) for m in _rx(*parts).finditer(text)]
    assert found == [(m.span(), m.group(0)) for m in reference.finditer(text)]
    assert len(found) == 8

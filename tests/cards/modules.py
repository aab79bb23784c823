"""The modules under `app/cards`: which build a card and which are shared helpers.

One list, read by `tests/test_docs.py` (every card module has golden files) and
`tests/cards/test_golden.py` (every card module has a golden case), so the two cannot
drift. A helper builds no card of its own: it has no `build` (checked in `test_golden`).
"""

from __future__ import annotations

from pathlib import Path

CARDS_DIR = Path(__file__).resolve().parents[2] / "app" / "cards"

# Shared by the card modules: widgets, envelopes, URLs, findings, catalogues, thread parts.
HELPERS = frozenset({"__init__", "widgets", "responses", "urls", "findings", "i18n", "thread"})


def all_modules() -> set[str]:
    """Every module name under app/cards."""
    return {path.stem for path in CARDS_DIR.glob("*.py")}


def card_modules() -> set[str]:
    """The modules that build a card (or a card's section), helpers left out."""
    return all_modules() - HELPERS

"""Project-wide pytest options."""

from __future__ import annotations

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    """`--update-golden` rewrites golden card files instead of comparing."""
    parser.addoption(
        "--update-golden", action="store_true", help="rewrite tests/cards/golden/*.json"
    )

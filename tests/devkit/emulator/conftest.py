"""Fixtures for the emulator's own tests: the `.eml` corpus and a loaded mailbox."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from devkit.emulator import Mailbox

GMAIL_DATA = Path(__file__).parents[2] / "data" / "gmail"
FIXED_CLOCK = 1_762_000_000.0


@pytest.fixture
def eml() -> Callable[[str], bytes]:
    """Read one message of `tests/data/gmail/` by file name."""
    return lambda name: (GMAIL_DATA / name).read_bytes()


@pytest.fixture
def mailbox() -> Mailbox:
    """An empty mailbox with a fixed clock."""
    return Mailbox("sam@example.com", clock=lambda: FIXED_CLOCK)

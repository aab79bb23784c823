"""A loopback stack for the live-endpoint properties, with a message in the mailbox."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.api.harness import Stack, running_stack
from tests.fuzz.targets import DATA


@pytest.fixture(scope="module")
def live() -> Iterator[Stack]:
    """Our app, the Gmail emulator and a certs server on 127.0.0.1, holding Joe's intro."""
    with running_stack() as stack:
        stack.add((DATA / "api" / "intro_joe.eml").read_bytes())
        yield stack

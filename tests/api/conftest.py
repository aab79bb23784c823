"""A loopback add-on stack per test module; helpers to read cards out of responses."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.api.harness import Stack, running_stack

DATA = Path(__file__).parents[1] / "data" / "api"


@pytest.fixture(scope="module")
def stack() -> Iterator[Stack]:
    """Our app, the Gmail emulator and a certs server, all on 127.0.0.1."""
    with running_stack() as running:
        yield running


@pytest.fixture(autouse=True)
def _clean(stack: Stack) -> None:
    """Each test starts with no faults and an empty request log."""
    stack.faults.clear()
    stack.log.clear()
    stack.certs.mode = "ok"


@pytest.fixture
def intro(stack: Stack) -> tuple[str, str]:
    """A fresh copy of Joe's introduction of Sue and Dana (the user) in the mailbox."""
    return stack.add((DATA / "intro_joe.eml").read_bytes())


def pushed(body: dict[str, Any]) -> dict[str, Any]:
    """The card a trigger response pushes."""
    return body["action"]["navigations"][0]["pushCard"]


def updated(body: dict[str, Any]) -> dict[str, Any]:
    """The card a callback response puts in place."""
    return body["renderActions"]["action"]["navigations"][0]["updateCard"]


def widgets(card: dict[str, Any]) -> list[dict[str, Any]]:
    """Every widget of a card, in order."""
    return [w for s in card["sections"] for w in s["widgets"]]


def text_of(card: dict[str, Any]) -> str:
    """All visible text of a card, for loose assertions."""
    import json

    return json.dumps(card, ensure_ascii=False)


def footer_action(card: dict[str, Any]) -> tuple[str, dict[str, str]]:
    """The fixed footer's primary button: (path-less URL, parameters)."""
    action = card["fixedFooter"]["primaryButton"]["onClick"]["action"]
    return action["function"], {p["key"]: p["value"] for p in action["parameters"]}

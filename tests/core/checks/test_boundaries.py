"""own_words_end: the linear footer scan finds exactly what the reference regex finds."""

from __future__ import annotations

import random

from app.core.checks.boundaries import _FOOTER_LEGACY, _footer_start, own_words_end

_PIECES = [
    " ",
    "  ",
    "\n",
    "\n\n",
    "\t",
    "\r\n",
    "\u00a0",
    "x",
    "Hi",
    "*" * 10,
    "*" * 9,
    "=" * 12,
    "-" * 10,
    "-" * 3,
    "=-" * 6,
    "This email",
    "This e-mail and any files transmitted with it are confidential",
    "this message is privileged",
    "THIS COMMUNICATION is intended solely for",
    "Confidentiality Notice",
    "confidentiality footer",
    "Disclaimer:",
    "disclaimer",
    "thanks",
]


def _reference(text: str) -> int:
    match = _FOOTER_LEGACY.search(text)
    return match.start() if match else -1


def test_footer_scan_matches_reference_on_random_text() -> None:
    rng = random.Random(20261126)
    for _ in range(4000):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 14)))
        assert _footer_start(text) == _reference(text), repr(text)


def test_footer_after_rule_on_its_own_line() -> None:
    text = "Thanks,\nJo\n\n**********\n\nThis email is confidential."
    assert own_words_end(text) == text.index("\n\n*") + 1


def test_rule_glued_to_text_is_not_a_rule() -> None:
    text = "Thanks x**********\nThis email is confidential."
    assert own_words_end(text) == text.index("This")


def test_long_whitespace_runs_still_found() -> None:
    text = "Hi\n" + " \n" * 5000 + "Disclaimer: none"
    assert own_words_end(text) == 3
    assert own_words_end("Hi\n" + " \n" * 5000) == len("Hi\n" + " \n" * 5000)

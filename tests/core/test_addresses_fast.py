"""`parse_addresses`' regex fast path reads plain lists exactly as `getaddresses` does."""

from __future__ import annotations

import re
from email.utils import getaddresses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.mail.addresses import _LAST_FIRST, _mailboxes, _simple_pairs, decode_words

_TOKENS = [
    "Sue", "Park", " ", ",", ", ", '"', "<", ">", "@", "a@b.c", "x.y@z", "<s@x.example>",
    '"Park, Sue"', "Park, Sue <s@x.y>", "Lay, Kenneth ", ";", "(c)", ".", "..", ".a", "b.",
    "@.", "Jr.", "'", "\t", "é", "\\", ":", "[", "]", "<>", "O'Neil", "Dana Reyes", "\u2003",
]  # fmt: skip


def _quoted(value: str) -> str:
    return _LAST_FIRST.sub(r'\1"\3 \2" \4', value)


@pytest.mark.parametrize(
    "value",
    [
        "Sue Park <sue@x.example>",
        '"Park, Sue" <sue@x.example>, dana@y.example',
        "Barlota, Prameesh <prameesh.barlota@atosorigin.example>",
        "Mills, Cheryl D <cm@x.example>, Abedin, Huma <ha@x.example>",
        "<a@x.example>",
        "Sue <>",
        "a@x.example,b@y.example ,  c@z.example",
    ],
)
def test_plain_lists_take_the_fast_path(value: str) -> None:
    """Common shapes are read without the stdlib, with the stdlib's result."""
    pairs = _simple_pairs(value) or _simple_pairs(_quoted(value))
    assert pairs is not None
    assert _mailboxes(pairs) == _mailboxes(getaddresses([_quoted(value)]))


@pytest.mark.parametrize("value", ["<(c)a@b.c>", "<:a@b.c>", "<a@b@c>", "<a\\@b.c>", "<[a]@b>"])
def test_odd_angle_addresses_go_to_the_stdlib(value: str) -> None:
    """Comments, routes, quoting and literals inside <...> are left to `getaddresses`."""
    assert _simple_pairs(value) is None


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_TOKENS), min_size=1, max_size=9).map("".join))
def test_fast_path_agrees_with_getaddresses(value: str) -> None:
    """Whatever the fast path accepts, as written or quoted, the stdlib reads the same."""
    reference = _mailboxes(getaddresses([_quoted(value)]))
    for candidate in (value, _quoted(value)):
        pairs = _simple_pairs(candidate)
        assert pairs is None or _mailboxes(pairs) == reference


@given(st.text(max_size=60))
def test_decode_words_collapses_whitespace_like_the_regex(value: str) -> None:
    """Splitting and joining collapses whitespace exactly as `\\s+` -> " " and strip did."""
    plain = value.replace("=?", "")
    assert decode_words(plain) == re.sub(r"\s+", " ", plain).strip()

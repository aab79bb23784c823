"""Address headers into `Address` values: names, damage, legacy Exchange headers."""

from __future__ import annotations

import re
from email.utils import getaddresses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.mail.addresses import (
    _LAST_FIRST,
    _mailboxes,
    _simple_pairs,
    clean_name,
    decode_words,
    name_from_email,
    names_from_legacy,
    normalize_display,
    parse_addresses,
    with_names,
)
from app.core.model import Address


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Sue Park <Sue@Northwind.Example>", [("Sue Park", "sue@northwind.example")]),
        (
            '"Park, Sue" <sue@x.example>, joe@y.example',
            [("Park, Sue", "sue@x.example"), ("", "joe@y.example")],
        ),
        ("Mills, Cheryl D <cm@x.example>", [("Cheryl D Mills", "cm@x.example")]),
        ("=?UTF-8?B?Wm/DqyBNw7xsbGVy?= <z@x.example>", [("Zoë Müller", "z@x.example")]),
        ("Sue Park; Joe Brandt", [("Sue Park", ""), ("Joe Brandt", "")]),
        ("Park, Sue", [("Sue Park", "")]),
        ("Balderston, Kris M", [("Kris M Balderston", "")]),
        ("Sue Park, Joe Brandt", [("Sue Park", ""), ("Joe Brandt", "")]),
        ("undisclosed-recipients:;", []),
        ("Team: a@x.example, b@y.example;", [("", "a@x.example"), ("", "b@y.example")]),
        ("jdoe@x.example (John Doe)", [("John Doe", "jdoe@x.example")]),
        ("", []),
        ("   ", []),
    ],
)
def test_parse_addresses(value: str, expected: list[tuple[str, str]]) -> None:
    """Display names, quoted and unquoted 'Last, First', bare names, groups, comments."""
    assert [(a.name, a.email) for a in parse_addresses(value)] == expected


def test_address_as_name_is_dropped() -> None:
    """A display name that is just the address is no name."""
    assert parse_addresses('"sue@x.example" <sue@x.example>') == (Address("", "sue@x.example"),)


def test_thousands_of_recipients_are_capped() -> None:
    """A header with thousands of addresses stops at the cap."""
    value = ", ".join(f"p{i}@x.example" for i in range(3000))
    assert len(parse_addresses(value)) == 500


def test_decode_words_damage_falls_back() -> None:
    """Broken encoded words come back as written; good words around them still decode."""
    assert decode_words("=?utf-8?Q?Zo=C3=AB?=") == "Zoë"
    assert decode_words("=?nope?Q?abc?=  x") == "=?nope?Q?abc?= x"
    assert decode_words("=?utf-8?q?Zo=C3=AB?= =?utf-8?b?w?=") == "Zoë =?utf-8?b?w?="
    assert decode_words("=?\x80?q?x?=") == "=?\x80?q?x?="


@pytest.mark.parametrize("value", ["=?utf-8?b?w?= <a@b.example>", "=?\x80?q?x?= <a@b.example>"])
def test_damaged_encoded_names_keep_the_address(value: str) -> None:
    """A name that cannot be decoded keeps its address (found by fuzzing)."""
    assert [a.email for a in parse_addresses(value)] == ["a@b.example"]


def test_clean_name() -> None:
    """Quotes and Exchange X.500 paths are removed from names."""
    assert clean_name('"Sue Park"') == "Sue Park"
    assert clean_name("Lay, Kenneth </O=ENRON/OU=NA/CN=RECIPIENTS/CN=KLAY>") == "Lay, Kenneth"
    assert clean_name("sue@x.example") == ""


def test_legacy_x_headers() -> None:
    """Names from Exchange X-To headers, with or without addresses."""
    value = (
        "Dasovich, Jeff </O=ENRON/OU=NA/CN=RECIPIENTS/CN=JDASOVIC>, "
        "Kean, Steven </O=ENRON/OU=NA/CN=RECIPIENTS/CN=SKEAN>"
    )
    assert names_from_legacy(value) == ("Dasovich, Jeff", "Kean, Steven")
    assert names_from_legacy("Art Shaw (art@x.example), b@y.example") == ("Art Shaw", "b@y.example")
    assert names_from_legacy("") == ()


def test_with_names_fills_from_parallel_list_and_address() -> None:
    """Missing names come from X-To, else from the address; 'Last, First' is turned round."""
    found = with_names(
        (Address("", "jeff@x.example"), Address("", "sue.park@y.example")),
        ("Dasovich, Jeff", "sue.park@y.example"),
    )
    assert found == (
        Address("Jeff Dasovich", "jeff@x.example"),
        Address("Sue Park", "sue.park@y.example"),
    )


@pytest.mark.parametrize(
    ("email", "name"),
    [("sue.park@x", "Sue Park"), ("jo-ann.de-la-cruz@x", ""), ("sue@x", ""), ("a.b@x", "")],
)
def test_name_from_email(email: str, name: str) -> None:
    """Two or three alphabetic parts of the local part make a name."""
    assert name_from_email(email) == name


def test_normalize_display() -> None:
    """'Park, Sue' and shouted names are made readable; others are kept."""
    assert normalize_display("Park, Sue") == "Sue Park"
    assert normalize_display("PARK, SUE") == "Sue Park"
    assert normalize_display("Sue Park, PhD, MBA") == "Sue Park, PhD, MBA"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_never_raises(value: str) -> None:
    """Any header value gives addresses with lower-case emails."""
    for address in parse_addresses(value):
        assert address.email == address.email.lower()


# `parse_addresses`' regex fast path reads plain lists exactly as `getaddresses` does.
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


@pytest.mark.parametrize(
    "header",
    [
        '"\u202eeoJ Smith" <joe@x.example>',  # right-to-left override
        '"Joe \u2066Smith" <joe@x.example>',  # an isolate left open
        '"\u202bJoe Smith\u202c" <joe@x.example>',  # embedding, closed
        "=?utf-8?q?=E2=80=AEJoe_Smith?= <joe@x.example>",  # encoded
    ],
)
def test_a_display_name_sheds_direction_controls(header: str) -> None:
    """Embeddings, overrides and isolates reorder whatever text follows a name shown on a
    card ("Joe introduced you to Sue" read backwards): a name keeps none of them."""
    (person,) = parse_addresses(header)
    assert not any("\u202a" <= c <= "\u202e" or "\u2066" <= c <= "\u2069" for c in person.name)
    assert person.email == "joe@x.example"


def test_right_to_left_names_are_kept_as_written() -> None:
    (person,) = parse_addresses('"\u200fיוסי לוי" <yossi@x.example>')
    assert person.name == "\u200fיוסי לוי"

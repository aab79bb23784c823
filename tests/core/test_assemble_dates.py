"""Date headers: the fast reader of the usual shape agrees with `parsedate_to_datetime`."""

from __future__ import annotations

from email.utils import parsedate_to_datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.assemble import _date, _plain_date


# repr, not ==: aware datetimes in different zones compare equal at the same instant.
def _stdlib(value: str) -> tuple[str, list[str]]:
    problems: list[str] = []
    if not value.strip():  # a blank header is no date, and no problem
        return repr(None), problems
    try:
        return repr(parsedate_to_datetime(value)), problems
    except (TypeError, ValueError, IndexError, OverflowError):
        problems.append("unreadable Date header")
        return repr(None), problems


def _ours(value: str) -> tuple[str, list[str]]:
    problems: list[str] = []
    return repr(_date(value, problems)), problems


_USUAL = [
    "Mon, 14 May 2001 16:39:00 -0700 (PDT)",
    "Wed, 10 Jun 2009 19:38:00 -0000",
    "Tue, 1 Jan 2002 00:00:00 +0000",
    "1 Jan 2002 23:59:59 +0530",
    "Fri,11 Jan 2002 15:35:41 -0800 (Pacific Standard Time)",
    "  Sat, 29 Feb 2020 12:00:00 +1400  ",
    "Mon, 14 MAY 0099 16:39:00 -0700",
    "Mon, 14 May 0050 16:39:00 +0000",
]
_UNREADABLE = [
    "Mon, 31 Apr 2001 16:39:00 -0700",
    "Mon, 14 May 2001 24:00:00 -0700",
    "Mon, 14 May 2001 16:39:00 +2400",
    "Mon, 14 May 2001 16:61:00 -0700",
]


@pytest.mark.parametrize("value", _USUAL + _UNREADABLE)
def test_usual_dates_read_as_the_stdlib_reads_them(value: str) -> None:
    """Plain RFC 5322 dates, valid or not, give what `parsedate_to_datetime` gives."""
    assert _ours(value) == _stdlib(value)


@pytest.mark.parametrize("value", ["Mon, 14 Foo 2001 16:39:00 -0700", "14 May 2001 16:39 PDT", ""])
def test_other_shapes_go_to_the_stdlib(value: str) -> None:
    """Unknown months, zone names and short times are left to the stdlib."""
    assert _plain_date(value) is None
    if value:
        assert _ours(value) == _stdlib(value)


_PIECES = st.sampled_from(
    ["Mon, ", "Mon,", "1", "31", "09 ", " ", "May ", "feb ", "Foo ", "2001 ", "0068 ", "0069 ",
     "16:39:00", "24:00:00", "00:00:60", " -0700", " +0000", " -0000", " +2359", " +2400",
     " (PDT)", " (a b)", "\t", ","]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=9).map("".join))
def test_date_soup_reads_as_the_stdlib_reads_it(value: str) -> None:
    """Any mix of date-ish pieces gives the stdlib's datetime, or its failure note."""
    assert _ours(value) == _stdlib(value)

"""`Msg`: English text that keeps its message id and arguments (core, no catalogue)."""

from __future__ import annotations

import copy
import json
import pickle
from datetime import datetime

from app.core.i18n import N_, NP_, Msg


def test_a_marked_text_reads_as_its_english() -> None:
    """The value is the English text with its arguments in place: JSON and == see a str."""
    msg = N_("Put {name} on Cc.", name="Joe")
    assert msg == "Put Joe on Cc."
    assert json.dumps({"m": msg}) == '{"m": "Put Joe on Cc."}'
    assert msg.msgid == "Put {name} on Cc."
    assert dict(msg.args) == {"name": "Joe"}


def test_plural_picks_the_english_form_by_count() -> None:
    """`NP_` is singular for one, plural otherwise; the count is the `n` argument."""
    one = NP_("{n} second", "{n} seconds", 1)
    many = NP_("{n} second", "{n} seconds", 7)
    assert (one, many) == ("1 second", "7 seconds")
    assert (many.msgid, many.plural, many.n) == ("{n} second", "{n} seconds", 7)


def test_nested_and_formatted_arguments() -> None:
    """An argument may itself be marked; a date takes the template's own format spec."""
    msg = N_("ask about {who}'s work", who=N_("them"))
    assert msg == "ask about them's work"
    assert isinstance(msg.args["who"], Msg)
    on = N_("replied on {date:%d %B %Y}", date=datetime(2026, 3, 4))
    assert on == "replied on 04 March 2026"


def test_copies_and_pickles_keep_the_message_id() -> None:
    """A finding copied or sent across processes can still be translated."""
    msg = N_("Hi {name}", name=N_("you"))
    for back in (pickle.loads(pickle.dumps(msg)), copy.deepcopy(msg)):
        assert back == msg
        assert back.msgid == "Hi {name}"
        assert back.args["name"].msgid == "you"

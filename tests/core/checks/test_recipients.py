"""Tests for `dropped_introducer`: keep the introducer on To/Cc, or say you moved them to Bcc."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.checks import (
    acknowledges_bcc,
    check_introducer_kept,
    introducer_named_in,
    is_copied,
    same_person,
)
from app.core.checks.recipients import _NAMED_PATTERNS, _FromNameRuns
from app.core.model import Address

JOE = Address("Joe Smith", "joe@smith.example")
SUE = Address("Sue Park", "sue@acme.example")


def test_introducer_on_cc_is_kept() -> None:
    """No finding when the introducer is copied."""
    assert check_introducer_kept(JOE, (SUE, JOE), (), "Thanks Joe!") == ()


def test_dropped_introducer_is_a_warning() -> None:
    """An introducer missing from To/Cc gives a warning with a fix naming them."""
    (finding,) = check_introducer_kept(JOE, (SUE,), (), "Hi Sue, nice to meet you.")
    assert (finding.code, finding.severity) == ("dropped_introducer", "warning")
    assert "Joe" in finding.message
    assert "Cc" in finding.fix
    assert (finding.start, finding.end) == (0, 0)


def test_an_introducer_known_by_nothing_is_not_said_to_be_dropped() -> None:
    """A reply recognised alone that never says who introduced: no one to keep on Cc."""
    assert check_introducer_kept(Address("", ""), (SUE,), (), "Hi Sue, call Thursday?") == ()
    assert check_introducer_kept(Address("Joe", ""), (SUE,), (), "Hi Sue.") != ()


def test_bcc_with_acknowledgement_is_fine() -> None:
    """Moving the introducer to Bcc and saying so is good etiquette."""
    assert check_introducer_kept(JOE, (SUE,), (JOE,), "Moving Joe to Bcc, thanks Joe!") == ()


def test_bcc_without_acknowledgement_is_flagged() -> None:
    """A silent move to Bcc is flagged."""
    (finding,) = check_introducer_kept(JOE, (SUE,), (JOE,), "Hi Sue, great to meet you.")
    assert "Bcc" in finding.message


def test_recipients_only_bcc_is_an_info() -> None:
    """With recipients only, an introducer on Bcc is a gentle reminder, not a warning."""
    (finding,) = check_introducer_kept(JOE, (SUE,), (JOE,), None)
    assert finding.severity == "info"


def test_recipients_only_missing_is_a_warning() -> None:
    """With recipients only, a missing introducer is still a warning."""
    (finding,) = check_introducer_kept(JOE, (SUE,), (), None)
    assert finding.severity == "warning"


def test_same_person_by_address_or_name() -> None:
    """People match by address, by identical display name, or by full name."""
    assert same_person(JOE, Address("", "JOE@smith.example"))
    assert same_person(Address("H", "hdr22@x.example"), Address("H", "hrod17@x.example"))
    assert same_person(Address("Joe Smith", ""), Address("Smith, Joe", "j@x.example"))
    assert not same_person(JOE, Address("Joe Brown", "jb@x.example"))


def test_name_only_introducer_gets_benefit_of_doubt() -> None:
    """A name-only introducer is considered copied when a recipient has no display name."""
    assert is_copied(Address("Cheryl", ""), (Address("", "millscd@state.example"),))
    assert not is_copied(Address("Cheryl", ""), (Address("Steve Radelet", "s@x.example"),))


def test_introducer_named_in_reply_text() -> None:
    """The introducer is read from thanks, follow-up and subject phrasing."""
    assert (
        introducer_named_in("Alice, pleased to meet you, and thanks for the introduction Jim.")
        == "Jim"
    )
    assert introducer_named_in("Thanks Dave for the intro!") == "Dave"
    assert introducer_named_in("Following Phil Carroll's letter to you, I write.") == "Phil Carroll"
    assert introducer_named_in("", "Following up on John Doerr's Introduction") == "John Doerr"
    assert introducer_named_in("Cheryl, thank you again. Steve, welcome aboard.") == "Cheryl"
    assert introducer_named_in("Hi Sue, lovely to meet you.") == ""


def test_bcc_acknowledgements() -> None:
    """Several ways of saying "moved to Bcc" are recognised."""
    assert acknowledges_bcc("Thank you luni (moved to bcc).")
    assert acknowledges_bcc("bcc'ing Joe to spare his inbox")
    assert not acknowledges_bcc("Hi Sue, great to meet you.")


def test_group_words_are_not_introducer_names() -> None:
    """ "Thanks All for the intro" names nobody."""
    assert introducer_named_in("Thanks All for the intro. Thanks Everyone for the intro.") == ""


# Tests for the introducer-name patterns' gates: a text they turn away has no match.
_ASCII = st.characters(min_codepoint=32, max_codepoint=126)


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_gates_pass_every_text_the_pattern_matches(data: st.DataObject) -> None:
    """Strings drawn from each pattern, ASCII or not, pass all of its gates."""
    for named, gates in _NAMED_PATTERNS:
        pattern = named.pattern if isinstance(named, _FromNameRuns) else named
        for alphabet in (_ASCII, None):
            text = data.draw(st.from_regex(pattern, alphabet=alphabet))
            assert pattern.search(text)
            assert all(gate(text) for gate in gates)


def test_most_patterns_are_gated() -> None:
    """The costly patterns have gates (the one starting at a sentence end is cheap)."""
    assert sum(1 for _, gates in _NAMED_PATTERNS if gates) == len(_NAMED_PATTERNS) - 1


def test_gated_text_still_finds_the_introducer() -> None:
    """Mixed-case and non-ASCII replies still name the introducer."""
    assert introducer_named_in("THANKS for the intro, Jim.") == "Jim"
    assert introducer_named_in("Following Phil Carroll's note — café?") == "Phil Carroll"
    assert introducer_named_in("Nothing about anyone here.") == ""


_RUN_PIECES = st.sampled_from(
    ["A", "Ab", "Jim", "McCall", "O'Neil", "x", "-", ".", "'", " ", "  ", "de", "introduced us",
     "introduced me", " introduced usA", "put us in touch", "Suggested we meet", "1", "_", ",",
     "\n", "É", "ß"]
)  # fmt: skip


@settings(max_examples=800, deadline=None)
@given(st.lists(_RUN_PIECES, max_size=20).map("".join))
def test_patterns_opening_with_a_name_match_as_plain_finditer(text: str) -> None:
    """Tried once per run of name characters, the matches are `re.finditer`'s."""
    tried = 0
    for pattern, _gates in _NAMED_PATTERNS:
        if isinstance(pattern, _FromNameRuns):
            tried += 1
            got = [(m.span(), m.groups()) for m in pattern.finditer(text)]
            assert got == [(m.span(), m.groups()) for m in pattern.pattern.finditer(text)]
    assert tried

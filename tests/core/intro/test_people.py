"""People in a message: greetings, vocatives, names, sign-offs, blurbs."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.intro.people import (
    _GREETING,
    _NAME,
    _NOT_NAMES,
    Blurbs,
    _is_greeting,
    at_organisation,
    blurb_for,
    display_name,
    full_names,
    greeted,
    resolve,
    sign_off_name,
    vocatives,
)
from app.core.model import Address
from app.core.text import split_sentences

SUE = Address("Sue Park", "sue@northwind.example")
SUSAN = Address("Susan Lee", "slee@x.example")


def test_greetings_in_several_languages() -> None:
    """'Hi Sue and Dana', 'Hallo Anna, hallo Jonas', 'Hola Lucía y Tomás' name everyone."""
    assert greeted("Hi Sue and Dana,\nText") == ("Sue", "Dana")
    assert greeted("\n\nHallo Anna, hallo Jonas,\n") == ("Anna", "Jonas")
    assert greeted("Hola Lucía y Tomás:") == ("Lucía", "Tomás")
    assert greeted("Thanks for the note.") == ()


def test_vocatives_include_later_lines() -> None:
    """Lines such as 'Larry,' or 'Ed: meet ...' after the greeting are vocatives too."""
    assert vocatives("Hi Ann,\nSome text.\nLarry,\nMore.\nEd, meet Bo.") == ("Ann", "Larry", "Ed")


def test_full_names_in_order_without_repeats() -> None:
    """Names of two words or more, each once, in order; never across a sentence end."""
    text = "Please ask Elena Duarte today. Raj Kapoor knows Elena Duarte. And Sue."
    assert full_names(text) == ("Elena Duarte", "Raj Kapoor")


def test_resolve_prefers_the_exact_name() -> None:
    """'Sue' matches Sue Park and Susan Lee (nickname); the full name picks one."""
    assert resolve("Sue", [SUE, SUSAN]) is None
    assert resolve("Sue Park", [SUE, SUSAN]) == SUE
    assert resolve("Park", [SUE, SUSAN]) == SUE


def test_organisation_by_mail_domain() -> None:
    """'myCFO' names the people at mycfo.com; very short tokens name no one."""
    art = Address("Art Shaw", "art@mycfo.example")
    assert at_organisation("myCFO's", [art, SUE]) == [art]
    assert at_organisation("Mycfo", [art]) == [art]
    assert at_organisation("AB", [art]) == []
    assert at_organisation("Northwind", [Address("", "x@northwindlabs.example")])


def test_sign_off_names() -> None:
    """The name after a closing, the last name-like line, or a name ending the text."""
    assert sign_off_name("Thanks for this.\n\nThanks,\nSue Park\nNorthwind", "") == "Sue Park"
    assert sign_off_name("See you then.", "--\nJoe Brandt") == "Joe Brandt"
    assert sign_off_name("The vote passed tonight. Hooray! Sid", "") == "Sid"
    assert sign_off_name("no name here at all", "") == ""


def test_blurbs() -> None:
    """Sentences naming the person and pronoun follow-ups; capped at about 400 characters."""
    text = "Joe, meet Ann. Ann runs a lab. She hires engineers. The weather is nice."
    spans = split_sentences(text)
    assert blurb_for("Ann", spans, frozenset({0})) == "Ann runs a lab. She hires engineers."
    assert blurb_for("", spans, frozenset()) == ""
    long_text = " ".join(f"Ann built system number {i} for the company." for i in range(40))
    blurb = blurb_for("Ann", split_sentences(long_text), frozenset())
    assert 300 < len(blurb) <= 401
    assert blurb.endswith("…")


def test_display_names() -> None:
    """The header's name unless it is just the address's handle; else what was written."""
    assert display_name("Sue", SUE) == "Sue Park"
    assert display_name("Sid", Address("sbw", "sbw@x.example")) == "Sid"
    assert display_name("Dana.", None) == "Dana"


def test_a_closing_not_followed_by_a_name_is_passed_over() -> None:
    """'Thanks,' followed by a sentence is not a sign-off; the last name line is."""
    text = "Thanks,\nfor all the help with the permit this spring.\nSue"
    assert sign_off_name(text, "") == "Sue"


# Blurbs for several people of one message read each sentence once, with the same result.
TEXT = (
    "Hi Sue and Dana,\n\nSue, meet Dana. Dana runs growth at Reyes and has scaled two teams. "
    "She is thinking about her next chapter.\n\nDana, meet Sue. Sue leads product at Acme; "
    "Dana pilots sensors. Brent: Ed is part of the sales team here. I'll let you two take it."
)


def test_shared_blurbs_match_one_at_a_time() -> None:
    """Asking one Blurbs for each person, in any order, gives each person's own blurb."""
    spans = split_sentences(TEXT)
    cues = frozenset({1, 4})
    names = ["Dana", "Sue", "Ed", "Brent", "", "Nobody", "Dana"]
    shared = Blurbs(spans, cues)
    assert [shared.about(n) for n in names] == [blurb_for(n, spans, cues) for n in names]
    assert shared.about("Sue") == "Sue leads product at Acme"
    assert shared.about("Ed") == "Ed is part of the sales team here."


# The quick test for plain lower-case words never changes what counts as a greeting.
def _is_greeting_plain(text: str) -> bool:
    """`_is_greeting` as it was before the quick test, regular expressions only."""
    match = _GREETING.match(text[:160])
    if match is not None and not text[match.end() :].strip():
        return True
    return len(text) < 80 and not _NOT_NAMES.sub("", _NAME.sub("", text))


WORDS = st.sampled_from(
    " ".join(
        (
            "Hi Hey hi hello Dear Good morning thanks so much Thank you and und y et e",
            "de van della St. St J. Sue Dana Zoë O'Neil Jean-pierre Ørsted meet runs x a",
            "and. dex vanilla ande Sue, Dana: – — - / & + ( ) . , : ! ; ? 3 İ ı",
        )
    ).split(" ")
)
GAPS = st.sampled_from([" ", "  ", "\n", ", ", "", "\t"])


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.tuples(WORDS, GAPS), max_size=12))
def test_quick_test_agrees_with_the_patterns(pieces: list[tuple[str, str]]) -> None:
    """Word soups of names, greetings, particles and punctuation: same answer either way."""
    text = "".join(word + gap for word, gap in pieces)
    assert _is_greeting(text) == _is_greeting_plain(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=120))
def test_quick_test_agrees_on_any_text(text: str) -> None:
    """Arbitrary text: same answer either way."""
    assert _is_greeting(text) == _is_greeting_plain(text)


def test_greetings_and_name_exchanges() -> None:
    """Greetings and bare name exchanges still say nothing; sentences with verbs do."""
    assert _is_greeting("Hi Jeff:")
    assert _is_greeting("good morning Sue and Dana,")
    assert _is_greeting("Sue — Joe.")
    assert _is_greeting("Ludwig van Beethoven, Sue")
    assert not _is_greeting("Sue, meet Dana.")
    assert not _is_greeting("Dana runs growth at Reyes.")


def test_vocative_lines_need_a_comma_or_colon() -> None:
    """Lines addressing someone are found past the greeting; other lines are skipped."""
    text = "Hi Sue,\nthanks.\nLarry,\nEd: please meet Sue\nJoe meet Sue\n" + "x\n" * 70 + "Al,"
    assert vocatives(text) == ("Sue", "Larry", "Ed")


def test_resolve_prefers_a_name_word_to_a_nickname() -> None:
    """ "Erin" is Erin Shaw when she is on the message, though the nicknames list Erin for
    Aaron; alone, "Gabi" resolves to Gabriela by the prefix of her first name."""
    erin, aaron = Address("Erin Shaw", "erin@x.example"), Address("Aaron Lee", "aaron@x.example")
    assert resolve("Erin", [aaron, erin]) == erin
    gabriela = Address("Gabriela Souza", "gs@x.example")
    assert resolve("Gabi", [aaron, gabriela]) == gabriela


def test_a_blurb_is_found_under_the_nickname_the_writer_uses() -> None:
    """ "Gabi leads data at Lumen." is what was said about Gabriela Souza (display name)."""
    text = "Hi both, meet each other. Gabi leads data at Lumen. Bill runs analytics at Hart."
    blurbs = Blurbs(split_sentences(text), frozenset())
    assert blurbs.about("Gabriela Souza") == "Gabi leads data at Lumen."
    assert blurbs.about("William Hart") == "Bill runs analytics at Hart."

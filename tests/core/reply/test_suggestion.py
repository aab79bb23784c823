"""Tests for `suggest_reply`: recipients, threading, body, tone, thread state, MIME output."""

from __future__ import annotations

import email
import re
from email import policy
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from app.core.checks.draft import Draft, check_reply
from app.core.mail.rfc822 import parse_eml
from app.core.model import Address, Email, Introduction, Person, Thread
from app.core.preferences import NEXT_STEPS, TONES, NextStep, Preferences, Tone
from app.core.reply.message import render_rfc822
from app.core.reply.retell import fact_about
from app.core.reply.suggestion import ReplySuggestion, suggest_reply
from app.core.text.sentences import count_words

DATA = Path(__file__).resolve().parents[2] / "data" / "replies"
SEED = Path(__file__).resolve().parents[4] / "shared" / "seed"
JOE = Address("Joe Smith", "joe@smith.example")
SUE = Address("Sue Park", "sue@acme.example")
ANN = Address("Ann Lee", "ann@beta.example")


JOE_P = Person("Joe Smith", JOE.email)
SUE_P = Person("Sue Park", SUE.email, "Sue runs the design team at Acme.")
ANN_P = Person("Ann Lee", ANN.email)


def _intro(
    introducer: Person = JOE_P, sue: Person = SUE_P, ann: Person = ANN_P, index: int = 0
) -> Introduction:
    return Introduction(
        kind="classic",
        introducer=introducer,
        introduced=(sue, ann),
        user_role="introduced",
        confidence=0.9,
        evidence=(),
        message_index=index,
        subject="Intro: Sue <> Ann",
        message_id="<intro-1@smith.example>",
        references=("<older@smith.example>",),
    )


def _thread(*names: str) -> Thread:
    return Thread(tuple(parse_eml((DATA / f"{n}.eml").read_bytes()) for n in names))


def _suggest(prefs: Preferences | None = None, **kwargs: object) -> ReplySuggestion:
    advice = suggest_reply(_intro(**kwargs), _thread("intro"), ANN.email, prefs)  # type: ignore[arg-type]
    assert advice.suggestion is not None
    return advice.suggestion


def test_recipients_subject_and_threading() -> None:
    """Sue on To, Joe on Cc, never Ann; Re: subject; In-Reply-To and References set."""
    s = _suggest()
    assert s.to == (SUE,)
    assert s.cc == (JOE,)
    assert ANN not in s.to + s.cc
    assert s.subject == "Re: Intro: Sue <> Ann"
    assert s.in_reply_to == "<intro-1@smith.example>"
    assert s.references[-1] == "<intro-1@smith.example>"


def test_body_greets_thanks_shows_interest_and_proposes() -> None:
    """Both greeted by first name, Joe thanked, the blurb echoed, coffee proposed, signed."""
    s = _suggest()
    first_line = s.body_text.splitlines()[0]
    assert "Sue" in first_line
    assert "Joe" in first_line
    assert re.search(r"thank|grateful|appreciate", s.body_text, re.I)
    assert "you run the design team at Acme" in s.body_text
    assert "coffee" in s.body_text
    assert s.body_text.rstrip().endswith("Ann")
    assert count_words(s.body_text) <= 120
    assert any("Cc: Joe Smith" in r for r in s.reasons)


@pytest.mark.parametrize(
    ("step", "word"), [("coffee", "coffee"), ("call", "phone call"), ("video", "video call")]
)
def test_next_step_follows_the_preference(step: str, word: str) -> None:
    """The proposed next step is the one the user prefers."""
    assert word in _suggest(Preferences(next_step=step)).body_text  # type: ignore[arg-type]


def test_formal_tone_and_sign_off() -> None:
    """Formal tone changes greeting and sign-off; the user's name and sign-off are used."""
    s = _suggest(Preferences(tone="formal"))
    assert s.body_text.startswith(("Dear", "Hello"))
    assert s.body_text.rstrip().endswith("Ann Lee")
    custom = _suggest(Preferences(sign_off="Cheers,", name="Annie"))
    assert custom.body_text.rstrip().endswith("Cheers,\nAnnie")


def test_phrasing_is_deterministic_and_varies() -> None:
    """Same inputs give the same reply; other variants and other people read differently."""
    assert _suggest().body_text == _suggest().body_text
    variants = {_suggest(Preferences(variant=v)).body_text for v in range(4)}
    assert len(variants) >= 3
    other = _suggest(sue=Person("Maya Chen", "maya@x.example", "Maya runs a bakery in Lyon."))
    assert other.body_text != _suggest().body_text


def test_last_first_names_and_unknown_names() -> None:
    """ "Park, Sue" is greeted as Sue; nameless people never produce "None"."""
    s = _suggest(sue=Person("Park, Sue", SUE.email))
    assert s.body_text.splitlines()[0].startswith(("Hi Sue", "Hello Sue"))
    nameless = _suggest(introducer=Person("", "x1@intro.example"), sue=Person("", "q@z.example"))
    assert "None" not in nameless.body_text
    assert nameless.body_text.splitlines()[0] in ("Hi both,", "Hello both,", "Hi Intro,", "Hi Q,")


def test_names_only_in_the_address() -> None:
    """A name guessed from the address is used when the display name is missing."""
    s = _suggest(sue=Person("", "sue.park@acme.example"))
    assert "Sue" in s.body_text.splitlines()[0]


def test_other_person_replied_first() -> None:
    """Sue answered first: the reply answers her, thanks Joe again and keeps him on Cc."""
    advice = suggest_reply(_intro(), _thread("intro", "sue_replied"), ANN.email)
    assert advice.state == "other_replied"
    s = advice.suggestion
    assert s is not None
    assert s.to == (SUE,)
    assert s.cc == (JOE,)
    assert s.in_reply_to == "<sue-1@acme.example>"
    assert "Joe" in s.body_text
    assert "thank" in s.body_text.lower()
    assert check_reply(_draft(s), _thread("intro", "sue_replied"), me=ANN.email) == ()


def test_introducer_moved_to_bcc_by_the_other_side() -> None:
    """Sue moved Joe to Bcc: reply to Sue only and do not re-add Joe."""
    thread = _thread("intro", "sue_moved_bcc")
    advice = suggest_reply(_intro(), thread, ANN.email)
    assert advice.state == "introducer_moved"
    s = advice.suggestion
    assert s is not None
    assert s.to == (SUE,)
    assert s.cc == ()
    assert any("not re-added" in r for r in s.reasons)
    assert check_reply(_draft(s), thread, me=ANN.email) == ()


def test_user_already_replied() -> None:
    """Ann already replied: no new reply, but ways to give first and close the loop."""
    advice = suggest_reply(_intro(), _thread("intro", "ann_replied"), ANN.email)
    assert advice.state == "already_replied"
    assert advice.suggestion is None
    assert "03 March 2026" in advice.why
    assert any("close the loop with Joe" in m for m in advice.next_moves)
    assert any("Give first" in m for m in advice.next_moves)


def test_user_is_the_introducer() -> None:
    """Joe made the introduction: no reply suggestion, and we say so."""
    advice = suggest_reply(_intro(), _thread("intro"), JOE.email)
    assert (advice.state, advice.suggestion) == ("user_is_introducer", None)
    assert "You made this introduction" in advice.why


def test_bystander_gets_no_suggestion() -> None:
    """Someone who is neither introduced nor the introducer gets no reply."""
    advice = suggest_reply(_intro(), _thread("intro"), "someone@else.example")
    assert (advice.state, advice.suggestion) == ("not_involved", None)


def test_default_user_is_first_introduced_on_to() -> None:
    """Without `me`, the user is the first introduced person on the intro's To line."""
    advice = suggest_reply(_intro(), _thread("intro"))
    assert advice.suggestion is not None
    assert advice.suggestion.to == (ANN,)


def test_extra_people_copied_by_the_introducer_are_left_off() -> None:
    """Someone else on the introduction is not copied, and the reasons say so."""
    message = Email(
        subject="Intro", sender=JOE, to=(SUE, ANN), cc=(Address("Pat", "pat@x.example"),)
    )
    advice = suggest_reply(_intro(), Thread((message,)), ANN.email)
    assert advice.suggestion is not None
    assert Address("Pat", "pat@x.example") not in advice.suggestion.cc
    assert any("Left off Pat" in r for r in advice.suggestion.reasons)


def test_html_body_is_escaped() -> None:
    """The HTML body escapes what the text contains and wraps paragraphs."""
    s = _suggest(sue=Person("Sue <b>Park</b>", SUE.email, "Sue runs R&D at <Acme>."))
    assert "<b>" not in s.body_html.replace("<br>", "")
    assert s.body_html.startswith("<p>")


def test_render_rfc822_is_a_proper_reproducible_message() -> None:
    """The MIME message has threading headers, both bodies, and is byte-for-byte stable."""
    s = _suggest()
    raw = render_rfc822(s, ANN)
    assert raw == render_rfc822(s, ANN)
    message = email.message_from_bytes(raw, policy=policy.default)
    assert message["In-Reply-To"] == "<intro-1@smith.example>"
    assert "<intro-1@smith.example>" in message["References"]
    assert message["Subject"] == "Re: Intro: Sue <> Ann"
    assert "sue@acme.example" in message["To"]
    assert "joe@smith.example" in message["Cc"]
    body = message.get_body(("plain",))
    assert body is not None
    plain = body.get_content()
    assert plain.replace("\r\n", "\n").strip() == s.body_text.strip()
    assert message.get_body(("html",)) is not None
    assert "Date" not in message
    assert "Message-ID" not in message


def test_no_sentence_of_the_seed_article_is_reused() -> None:
    """No six-word run of the seed article appears in any phrasing we produce."""
    seed_files = sorted(SEED.glob("*.txt"))
    if not seed_files:
        pytest.skip("seed article not available")
    seed = _ngrams(seed_files[0].read_text(encoding="utf-8"))
    for tone in TONES:
        for step in NEXT_STEPS:
            for variant in range(6):
                prefs = Preferences(tone=tone, next_step=step, variant=variant)
                assert not _ngrams(_suggest(prefs).body_text) & seed


@pytest.mark.parametrize(
    ("blurb", "fact"),
    [
        ("Sue runs the design team at Acme and loves climbing.", "you run the design team at Acme"),
        ("Sue is the head of product at Stripe.", "you're the head of product at Stripe"),
        ("She studies marine biology at UCSD.", "you study marine biology at UCSD"),
        ("Sue recently joined Acme as CTO.", "you recently joined Acme as CTO"),
        ("Sue leads her team in Lyon.", "you lead your team in Lyon"),
        ("Sue's building a robotics startup.", "you're building a robotics startup"),
        ("I have known Sue for years.", ""),
        ("Sue can help you with pricing.", ""),
        ("Sue is the person who can help.", ""),
        ("Sue is great.", ""),
    ],
)
def test_blurb_is_retold_in_the_second_person(blurb: str, fact: str) -> None:
    """What the introducer said is echoed as "you ..." only when it reads cleanly."""
    assert fact_about(blurb, ["Sue Park", "Sue"]) == fact


NAMES = st.text(
    alphabet=st.characters(categories=["L"]), min_size=0, max_size=12
) | st.sampled_from(["None", "none", "Park, Sue", "Dr. Sue Park Jr.", "O'Neill", "José", "李"])
BLURBS = st.text(max_size=200) | st.sampled_from(
    [
        "{n} runs a climbing gym in Denver.",
        "{n} is hiring engineers and needs referrals.",
        "{n} is looking for a job, could you help?",
        "{n} has 20 years of experience in logistics.",
    ]
)


@settings(max_examples=150, deadline=None)
@example("", "CONNECT", "", "{n} AS HIRING", "warm", "coffee", 0)  # retold blurb read as an ask
@given(
    NAMES,
    NAMES,
    NAMES,
    BLURBS,
    st.sampled_from(["warm", "formal"]),
    st.sampled_from(["coffee", "call", "video"]),
    st.integers(0, 50),
)
def test_every_suggestion_passes_the_checks(
    intro_name: str, other: str, me_name: str, blurb: str, tone: Tone, step: NextStep, v: int
) -> None:
    """For any names and blurb, the suggested reply passes `check_reply` clean."""
    introducer = Person(f"{intro_name} Smith".strip(), "joe@smith.example")
    sue = Person(other, "sue@acme.example", blurb.replace("{n}", other or "She"))
    ann = Person(me_name, "ann@beta.example")
    intro = _intro(introducer=introducer, sue=sue, ann=ann)
    prefs = Preferences(tone=tone, next_step=step, variant=v)
    advice = suggest_reply(intro, _thread("intro"), ann.email, prefs)
    assert advice.suggestion is not None
    s = advice.suggestion
    assert "None" not in s.body_text
    assert count_words(s.body_text) <= 120 + count_words(f"{other} {me_name} {intro_name}") * 3
    assert check_reply(_draft(s), _thread("intro"), introduction=intro, me=ann.email) == ()


def _draft(s: ReplySuggestion) -> Draft:
    return Draft.from_suggestion(s, sender=ANN)


def _ngrams(text: str, n: int = 6) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z']+", text.lower().replace("’", "'"))
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def test_many_people_are_greeted_together() -> None:
    """With more than three names to greet, the greeting says "all"."""
    names = ("Ann Lee", "Bo Li", "Cy Ng", "Di Wu")
    people = tuple(Person(n, f"{n.split()[0].lower()}@x.example") for n in names)
    intro = Introduction("one_to_many", JOE_P, people, "introduced", 0.9, (), 0, "Intro")
    advice = suggest_reply(intro, None, "ann@x.example")
    assert advice.suggestion is not None
    assert advice.suggestion.body_text.startswith(("Hi all,", "Hello all,"))
    assert len(advice.suggestion.to) == 3


def test_unknown_introducer_and_no_thread() -> None:
    """An introducer without name or address is not copied; threading falls back to the intro."""
    intro = _intro(introducer=Person("", ""))
    advice = suggest_reply(intro, None, ANN.email)
    s = advice.suggestion
    assert s is not None
    assert s.cc == ()
    assert s.in_reply_to == "<intro-1@smith.example>"
    assert s.references == ("<older@smith.example>", "<intro-1@smith.example>")
    assert "Thank" in s.body_text or "grateful" in s.body_text


def test_sender_less_intro_message_and_missing_addresses() -> None:
    """A thread message without a sender still works; people without an address are noted."""
    message = Email(subject="", to=(SUE, ANN))
    advice = suggest_reply(_intro(sue=Person("Sue Park", "")), Thread((message,)), ANN.email)
    s = advice.suggestion
    assert s is not None
    assert s.subject == "Re: our introduction"
    assert any("No address was found for Sue Park" in r for r in s.reasons)


def test_default_user_when_nobody_introduced_is_on_to() -> None:
    """Without `me` and with nobody on the intro's To line, the first introduced is the user."""
    advice = suggest_reply(_intro(), Thread((Email(subject="Intro", sender=JOE),)))
    assert advice.suggestion is not None
    assert advice.suggestion.to == (ANN,)


def test_nobody_introduced_means_no_suggestion() -> None:
    """An introduction with nobody introduced gives nothing to suggest."""
    intro = Introduction("classic", JOE_P, (), "unknown", 0.5, (), 0)
    assert suggest_reply(intro, None, None).suggestion is None


def test_render_leaves_out_addressless_people_and_empty_threading() -> None:
    """People without an address are not put in headers; empty threading headers are omitted."""
    s = ReplySuggestion((Address("Sue", ""),), (), "Re: hi", "", (), "Hello", "<p>Hello</p>", ())
    message = email.message_from_bytes(render_rfc822(s, ANN), policy=policy.default)
    assert "To" not in message
    assert "In-Reply-To" not in message
    assert "References" not in message


def test_preferences_helpers() -> None:
    """`next_variant` asks for another phrasing; `is_enabled` reads `ask:job` as `ask`."""
    prefs = Preferences(enabled_checks=frozenset({"ask"}))
    assert prefs.next_variant().variant == 1
    assert prefs.is_enabled("ask:job")
    assert not prefs.is_enabled("too_long")


@pytest.mark.parametrize(
    ("blurb", "fact"),
    [
        ("Sue teaches design at RISD.", "you teach design at RISD"),
        ("She passes the bar exam every year.", "you pass the bar exam every year"),
        ("Sue can build furniture from scratch.", "you can build furniture from scratch"),
        ("Sue also is a keen climber.", "you're also a keen climber"),
        ("Sue recently.", ""),
        ("Sue walks.", ""),
        ("Sue 3D-prints houses.", ""),
        ("Sue and Tom run a bakery.", ""),
        ("Sue gave a talk.", ""),
    ],
)
def test_blurb_edge_cases(blurb: str, fact: str) -> None:
    """Odd blurbs either convert cleanly or give nothing."""
    assert fact_about(blurb, ["Sue"]) == fact


@pytest.mark.parametrize(
    "introducer",
    [
        Person("<yourname>", "you@example.com"),
        Person("unknown sender", "sender@example.com"),
        Person("", "info@acme.example"),
        Person("None", "x@y.example"),
    ],
)
def test_placeholder_and_role_names_are_not_greeted(introducer: Person) -> None:
    """Template placeholders, role accounts and "None" never become a greeting name."""
    s = _suggest(introducer=introducer)
    assert s.body_text.splitlines()[0] in ("Hi Sue,", "Hello Sue,", "Hi Sue!")
    assert not re.search(r"\b(?:You|Sender|Info|None),", s.body_text)

"""Tests for `check_reply`/`check_email`: what runs on which inputs, thread state, properties."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.checks import Finding
from app.core.checks.draft import Draft, check_email, check_reply
from app.core.mail.rfc822 import parse_eml
from app.core.model import Address, Email, Introduction, Person, Thread

DATA = Path(__file__).resolve().parents[2] / "data" / "replies"
JOE = Address("Joe Smith", "joe@smith.example")
SUE = Address("Sue Park", "sue@acme.example")
ANN = Address("Ann Lee", "ann@beta.example")
INTRO = Introduction(
    kind="classic",
    introducer=Person("Joe Smith", JOE.email),
    introduced=(
        Person("Sue Park", SUE.email, "Sue runs the design team at Acme."),
        Person("Ann Lee", ANN.email),
    ),
    user_role="introduced",
    confidence=0.9,
    evidence=(),
    message_index=0,
    subject="Intro: Sue <> Ann",
)


def _mail(name: str) -> Email:
    return parse_eml((DATA / f"{name}.eml").read_bytes())


def _codes(found: tuple[Finding, ...]) -> list[str]:
    return [f.code for f in found]


def test_good_reply_gets_no_finding() -> None:
    """Thanks, interest, a next step and both copied: nothing to say."""
    assert check_email(_mail("good_reply")) == ()


def test_self_centred_reply_gets_every_relevant_code() -> None:
    """The seed's bad reply, in our words, is caught on every count."""
    found = check_email(_mail("self_centred"))
    assert _codes(found) == [
        "ask",
        "ask",
        "dropped_introducer",
        "self_focus",
        "throwaway_offer",
        "no_thanks",
        "no_next_step",
    ]
    assert {f.kind for f in found if f.code == "ask"} == {"contacts", "target_companies"}


def test_spans_point_into_the_own_text_only() -> None:
    """Offsets index the draft's own text; the quoted introduction is never pointed at."""
    email = _mail("self_centred")
    draft = Draft.from_email(email)
    assert "wrote:" not in draft.text
    for finding in check_reply(draft, introduction=INTRO, me=ANN.email):
        assert 0 <= finding.start <= finding.end <= len(draft.text)
        assert draft.text[finding.start : finding.end] == finding.excerpt


def test_dropped_and_bcc_replies() -> None:
    """Dropping Joe is flagged; moving him to Bcc with thanks is not."""
    assert _codes(check_email(_mail("dropped_introducer"))) == ["dropped_introducer"]
    assert check_email(_mail("bcc_ack")) == ()


def test_recipients_only_runs_only_recipient_checks() -> None:
    """The compose trigger's metadata: only `dropped_introducer` can be judged."""
    draft = Draft.from_recipients((SUE,))
    assert _codes(check_reply(draft, introduction=INTRO, me=ANN.email)) == ["dropped_introducer"]
    kept = Draft.from_recipients((SUE,), (JOE,))
    assert check_reply(kept, introduction=INTRO, me=ANN.email) == ()


def test_text_only_skips_recipient_checks() -> None:
    """Pasted text has no recipients, so the introducer cannot be "dropped"."""
    text = "Hi Sue,\n\nJoe, thanks for connecting us! Coffee next week?\n\nAnn"
    assert check_reply(Draft.from_text(text), introduction=INTRO, me=ANN.email) == ()


def test_pasted_text_offsets_ignore_quoted_history() -> None:
    """Quoted history pasted below the reply is not analysed."""
    text = (
        "Hi Sue,\n\nJoe, thanks! Coffee next week?\n\nOn Mon, Joe wrote:\n"
        "> Could you introduce me to your investors?\n"
    )
    draft = Draft.from_text(text)
    assert draft.body_end <= text.index("On Mon")
    assert check_reply(draft, introduction=INTRO, me=ANN.email) == ()


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_pasted_text_keeps_an_ending_that_repeats_earlier_words(newline: str) -> None:
    """Own words whose last line repeats an earlier one are kept whole (the end was found
    at the first place those words appeared, and the ask after it went unchecked), with
    either line end a pasted text may carry."""
    repeated = "Looking forward to meeting you both soon."
    own = newline.join(
        [
            "Hi Sue,",
            "",
            f"Joe, thanks! {repeated}",
            "Could you refer me for the open product manager role at your company?",
            repeated,
        ]
    )
    text = f"{own}{newline}{newline}On Mon, Joe wrote:{newline}> Sue, meet Ann.{newline}"
    draft = Draft.from_text(text)
    assert draft.body_end == len(own)
    found = check_reply(draft, introduction=INTRO, me=ANN.email)
    assert "ask" in _codes(found)


def test_enabled_filters_codes() -> None:
    """Only enabled checks are reported."""
    found = check_email(_mail("self_centred"), enabled=frozenset({"ask"}))
    assert set(_codes(found)) == {"ask"}


def test_user_is_the_introducer() -> None:
    """The introducer's own follow-up is not a first reply: nothing is flagged."""
    draft = Draft.from_text("Hi both, just checking you connected!")
    assert check_reply(draft, introduction=INTRO, me=JOE.email) == ()
    assert check_email(_mail("intro")) == ()


def test_other_side_moved_introducer_to_bcc() -> None:
    """When Sue moved Joe to Bcc, Ann's reply to Sue alone is not flagged."""
    thread = Thread((_mail("intro"), _mail("sue_moved_bcc")))
    draft = Draft.from_email(_mail("dropped_introducer"))
    assert "dropped_introducer" not in _codes(check_reply(draft, thread, me=ANN.email))


def test_not_first_reply_skips_introducer_checks() -> None:
    """After Ann's first reply, later messages are not judged as first replies."""
    thread = Thread((_mail("intro"), _mail("ann_replied")))
    draft = Draft.from_recipients((SUE,))
    assert check_reply(draft, thread, me=ANN.email) == ()


def test_introducer_read_from_text_without_thread() -> None:
    """Without any thread, "thanks for the intro, Jim" names the introducer to check."""
    email = Draft(
        text="Alice, pleased to meet you, and thanks for the introduction Jim. Chat Friday?",
        to=(Address("Alice", "alice@x.example"),),
        body_end=76,
        text_known=True,
        recipients_known=True,
    )
    assert _codes(check_reply(email)) == ["dropped_introducer"]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=2000))
def test_check_reply_never_raises_and_spans_stay_inside(text: str) -> None:
    """Any text at all: no exception, every span inside the text."""
    draft = Draft.from_text(text)
    for finding in check_reply(draft, introduction=INTRO, me=ANN.email):
        assert 0 <= finding.start <= finding.end <= len(text)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Thanks Joe!",
                "Could you introduce me to your CEO?",
                "I have 20 years of experience.",
                "Coffee next week?",
                "\n\n",
                "Hi Sue,\n",
                "Let me know if I can help.",
                "résumé attached.",
                "> quoted line\n",
                "On Mon, Joe wrote:\n",
                "— ",
                "I'm looking for a job.",
                "\u00a0",
                "🙂",
            ]
        ),
        max_size=40,
    )
)
def test_check_reply_on_email_like_text(parts: list[str]) -> None:
    """Email-like fragments in any order: spans are valid and excerpts match."""
    text = " ".join(parts)
    draft = Draft.from_text(text)
    for finding in check_reply(draft, introduction=INTRO, me=ANN.email):
        assert 0 <= finding.start <= finding.end <= len(text)
        if finding.excerpt:
            assert text[finding.start : finding.end] == finding.excerpt


def test_ten_kilobyte_draft_is_checked_with_spans_inside() -> None:
    """A 10 KB draft is checked (speed is measured by `make bench`, not asserted here)."""
    body = (DATA / "self_centred.eml").read_text(encoding="utf-8").split("\n\n", 1)[1]
    text = ((body + "\n") * 20)[:10_000]
    draft = Draft.from_text(text)
    findings = check_reply(draft, introduction=INTRO, me=ANN.email)
    assert findings
    assert all(0 <= f.start <= f.end <= len(draft.text) for f in findings)


def test_recipients_only_without_introduction() -> None:
    """With only recipients and no known introduction there is nothing to judge."""
    assert check_reply(Draft.from_recipients((SUE,))) == ()


def test_an_empty_draft_has_nothing_to_check() -> None:
    """No words of the writer's own (blank, or only quoted history): no finding at all."""
    for text in ("", "   \n\n", "On Tue, Joe wrote:\n> Sue, meet Ann.\n"):
        draft = Draft.from_text(text)
        assert draft.empty
        assert check_reply(draft, introduction=INTRO, me=ANN.email) == ()
    assert not Draft.from_text("Thanks Joe!").empty


def test_the_writer_is_known_by_the_signature_when_from_has_no_name() -> None:
    """No display name on From: the signature's name line makes `RajKapadia.pdf` theirs."""
    from dataclasses import replace

    from app.core.model import Attachment

    text = "Hi Sue,\n\nThanks Joe for the introduction! Coffee next week?\n\nBest,\nRaj Kapadia\n"
    draft = Draft(
        text=text,
        to=(Address("Sue Park", "sue@acme.example"),),
        attachments=(Attachment("RajKapadia.pdf", "application/pdf", 1000),),
        sender=Address("", "rk@beta.example"),
        body_end=text.index("Best,"),
        text_known=True,
        attachments_known=True,
    )
    assert "resume_attached" in _codes(check_reply(draft))
    someone_else = replace(draft, text=text.replace("Raj Kapadia", "Dana Reyes"))
    assert "resume_attached" not in _codes(check_reply(someone_else))


def test_a_long_chinese_draft_is_too_long_and_its_wording_unjudged() -> None:
    """Pasted Chinese: not read for thanks or a next step, but measured by its characters."""
    lines = (f"我想跟你多介绍一下我们团队在第{n}季度做的工作和我自己的经历。" for n in range(10))
    text = "你好，\n\n" + "".join(lines)
    codes = _codes(check_reply(Draft.from_text(text), introduction=INTRO, me=ANN.email))
    assert codes == ["too_long"]

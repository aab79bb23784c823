"""First-reply checks on a draft: `check_reply` runs every check the inputs allow (pure).

A draft may be known only by its recipients (the compose trigger), only by its
pasted text, or fully (an `.eml` or a Gmail draft). Each check runs only when
what it needs is known, and findings point into the draft's own words: quoted
history is never analysed or pointed at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

from app.core.checks.asks import check_asks
from app.core.checks.boundaries import own_words_end
from app.core.checks.context import ReplyContext, reply_context
from app.core.checks.finding import ORDER, Finding
from app.core.checks.focus import check_self_focus, check_throwaway, measure_focus
from app.core.checks.recipients import check_introducer_kept, introducer_named_in
from app.core.checks.reply_words import reply_languages
from app.core.checks.resume import check_resume_attachments, check_resume_text, may_hold_resume
from app.core.checks.resume_owner import writer_names
from app.core.checks.structure import check_length, check_next_step, check_thanks
from app.core.intro import detect_introduction
from app.core.mail.body import split_body
from app.core.mail.names import first_name
from app.core.memo import one_analysis
from app.core.model import Address, Attachment, Email, Introduction, Thread
from app.core.text import split_sentences

NEXT_STEP_EXAMPLE = "Would you be up for a coffee or a short call in the next couple of weeks?"


class Suggested(Protocol):
    """A suggested reply as `Draft.from_suggestion` reads it (`ReplySuggestion` is one)."""

    @property
    def body_text(self) -> str: ...
    @property
    def to(self) -> tuple[Address, ...]: ...
    @property
    def cc(self) -> tuple[Address, ...]: ...


@dataclass(frozen=True, slots=True)
class Draft:
    """A reply being written. Offsets of findings refer to `text`.

    `body_end` is where the signature (or quoted history) starts; the `*_known`
    flags say which parts were actually seen, so unseen parts are not judged.
    """

    text: str = ""
    to: tuple[Address, ...] = ()
    cc: tuple[Address, ...] = ()
    bcc: tuple[Address, ...] = ()
    attachments: tuple[Attachment, ...] = ()
    subject: str = ""
    sender: Address | None = None
    body_end: int = 0
    text_known: bool = False
    recipients_known: bool = False
    attachments_known: bool = False

    @property
    def empty(self) -> bool:
        """Known text holding no word of the writer's own, and no attachment."""
        own = self.text[: self.body_end] if self.text_known else ""
        return (
            self.text_known
            and not any(c.isalnum() for c in own)
            and not (self.attachments_known and bool(self.attachments))
        )

    @classmethod
    def from_email(cls, email: Email) -> Draft:
        """A draft read from a whole message: own words plus signature, no quoted history."""
        own = email.new_text[: own_words_end(email.new_text)].rstrip()
        cut = len(own) < len(email.new_text.rstrip())
        signature = "" if cut else email.signature[: own_words_end(email.signature)].rstrip()
        text = f"{own}\n\n{signature}" if own and signature else own or signature
        return cls(
            text=text,
            to=email.to,
            cc=email.cc,
            bcc=email.bcc,
            attachments=email.attachments,
            subject=email.subject,
            sender=email.sender,
            body_end=len(own),
            text_known=True,
            recipients_known=email.headers_present,
            attachments_known=True,
        )

    @classmethod
    def from_suggestion(cls, suggestion: Suggested, sender: Address | None = None) -> Draft:
        """A suggested reply as sent unchanged: all of its text is the writer's own."""
        return cls(
            suggestion.body_text,
            suggestion.to,
            suggestion.cc,
            sender=sender,
            body_end=len(suggestion.body_text),
            text_known=True,
            recipients_known=True,
        )

    @classmethod
    def from_text(cls, text: str, subject: str = "") -> Draft:
        """A draft known only by its pasted text (which may include quoted history)."""
        split = split_body(text)
        body_end = _locate_end(text, split.own)
        body_end = min(body_end, own_words_end(text))
        return cls(text=text, subject=subject, body_end=body_end, text_known=True)

    @classmethod
    def from_recipients(
        cls,
        to: tuple[Address, ...],
        cc: tuple[Address, ...] = (),
        bcc: tuple[Address, ...] = (),
    ) -> Draft:
        """A draft known only by its recipients (the compose trigger's metadata)."""
        return cls(to=to, cc=cc, bcc=bcc, recipients_known=True)


def check_reply(
    draft: Draft,
    thread: Thread | None = None,
    *,
    introduction: Introduction | None = None,
    me: str | None = None,
    enabled: frozenset[str] | None = None,
) -> tuple[Finding, ...]:
    """Everything that would hurt this first reply to an introduction.

    Args:
        draft: the reply; only its known parts are checked.
        thread: the conversation, to find the introduction and its state.
        introduction: the introduction, when already detected.
        me: the user's address (defaults to the draft's sender).
        enabled: check codes to run (all when None).
    """
    mine = me or (draft.sender.email if draft.sender else "")
    context = reply_context(introduction, thread, mine, draft.to + draft.cc)
    if context.user_is_introducer:
        return ()
    introducer = context.introducer or _named_introducer(draft)
    with one_analysis():  # per-sentence answers shared by the checks, dropped on return
        attached = _attachment_findings(draft)
        found = [*attached, *_text_findings(draft, context, introducer, bool(attached))]
    if draft.recipients_known and introducer and context.first_reply:
        text = draft.text[: draft.body_end] if draft.text_known else None
        found.extend(check_introducer_kept(introducer, draft.to + draft.cc, draft.bcc, text))
    wanted = [f for f in found if enabled is None or f.code in enabled]
    return tuple(sorted(wanted, key=lambda f: (ORDER.index(f.code), f.start)))


def _attachment_findings(draft: Draft) -> tuple[Finding, ...]:
    # Without a possible resume among the attachments the check finds nothing, so the
    # draft is not split into sentences a second time just to look for a mention.
    if not draft.attachments_known:
        return ()
    signature = draft.text[draft.body_end :] if draft.text_known else ""
    writer = writer_names(draft.sender.name if draft.sender else "", signature)
    if not may_hold_resume(draft.attachments, writer):
        return ()
    sentences = split_sentences(draft.text, draft.body_end) if draft.text_known else ()
    return check_resume_attachments(draft.attachments, sentences, writer)


def _text_findings(
    draft: Draft, context: ReplyContext, introducer: Address | None, resume_attached: bool
) -> list[Finding]:
    if not draft.text_known or draft.empty:  # nothing written yet: nothing to check
        return []
    whole = split_sentences(draft.text)
    sentences = tuple(s for s in whole if s.end <= draft.body_end)
    found: list[Finding] = []
    if not resume_attached:
        found.extend(check_resume_text(draft.text, draft.body_end, sentences))
    asks = check_asks(sentences, context.reader)
    found.extend(asks)
    languages = reply_languages(draft.text[: draft.body_end])
    if languages is None:  # a language we do not read: no verdict on its wording
        found.extend(check_length(draft.text, sentences))
        return found
    focus = measure_focus(sentences, context.reader_names, languages)
    found.extend(check_self_focus(draft.text, focus, context.reader))
    found.extend(check_throwaway(sentences, focus, bool(asks), languages))
    if context.first_reply:
        name = context.introducer_first or _first(introducer)
        found.extend(check_thanks(draft.text, whole, name, languages))
    found.extend(check_next_step(whole, NEXT_STEP_EXAMPLE, languages))
    found.extend(check_length(draft.text, sentences))
    return found


def _named_introducer(draft: Draft) -> Address | None:
    if not draft.text_known:
        return None
    name = introducer_named_in(draft.text[: draft.body_end], draft.subject)
    return Address(name, "") if name else None


def _first(person: Address | None) -> str:
    return first_name(person.name) if person else ""


def _locate_end(text: str, own: str) -> int:
    """Offset in `text` just past the own words that `split_body` kept.

    The own words open the text (less leading blank space, with line ends made "\n"), so
    their last 40 characters sit no earlier in `text` than in `own`: the search starts
    there, not at the first place the same words appear (a closing line that repeats an
    earlier one cut the draft short), and a line end matches whichever the text uses."""
    own = own.rstrip()
    if not own:
        return 0
    tail = own[-40:]
    pattern = re.compile(r"(?:\r\n|\r|\n)".join(map(re.escape, tail.split("\n"))))
    found = pattern.search(text, len(own) - len(tail))
    return found.end() if found else len(text)


def check_email(
    email: Email,
    thread: Thread | None = None,
    *,
    me: str | None = None,
    enabled: frozenset[str] | None = None,
) -> tuple[Finding, ...]:
    """Check a draft read from a whole message.

    Without a thread, the introduction is looked for in the draft itself: its
    quoted history (a reply usually quotes the introduction below it), or its own
    text, in which case the user wrote the introduction and nothing is flagged.
    """
    mine = me or (email.sender.email if email.sender else None)
    intro = None if thread is not None else detect_introduction(email, mine).introduction
    return check_reply(
        Draft.from_email(email), thread, introduction=intro, me=mine, enabled=enabled
    )

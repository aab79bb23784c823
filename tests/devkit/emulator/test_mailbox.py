"""The mailbox: ids, threading by headers, drafts and lookups."""

from __future__ import annotations

import re
import threading

import pytest

from devkit.emulator import DRAFT_LABELS, EntityNotFound, Mailbox

from .conftest import FIXED_CLOCK

_HEX16 = re.compile(r"^[0-9a-f]{16}$")


def test_message_ids_look_like_gmail_ids(mailbox, eml):
    """Ids are 16 lowercase hex digits; a new thread is named after its first message."""
    message_id = mailbox.add_eml(eml("html_only.eml"))
    stored = mailbox.message(message_id)
    assert _HEX16.match(message_id)
    assert stored.thread_id == message_id
    assert stored.label_ids == ("INBOX", "UNREAD")


def test_reply_joins_thread_by_in_reply_to(mailbox, eml):
    """A reply whose In-Reply-To names a stored message lands in that message's thread."""
    intro = mailbox.add_eml(eml("intro_alternative_attachment.eml"))
    reply = mailbox.add_eml(eml("reply_to_intro.eml"))
    assert mailbox.message(reply).thread_id == intro
    assert [m.id for m in mailbox.thread(intro)] == [intro, reply]


def test_reply_joins_thread_by_references():
    """Without In-Reply-To, the References chain still finds the thread."""
    mailbox = Mailbox()
    first = mailbox.add_eml(b"Message-ID: <a@x>\r\nSubject: s\r\n\r\nbody\r\n")
    later = mailbox.add_eml(b"Message-ID: <c@x>\r\nReferences: <zz@x> <a@x>\r\n\r\nbody\r\n")
    assert mailbox.message(later).thread_id == first


def test_explicit_thread_id_wins(mailbox, eml):
    """An explicit thread id overrides header threading, and labels are kept as given."""
    mailbox.add_eml(eml("intro_alternative_attachment.eml"))
    reply = mailbox.add_eml(eml("reply_to_intro.eml"), thread_id="custom", label_ids=["SENT"])
    assert mailbox.message(reply).thread_id == "custom"
    assert mailbox.message(reply).label_ids == ("SENT",)
    assert "custom" in mailbox.thread_ids()


def test_unrelated_message_starts_its_own_thread(mailbox, eml):
    """A message naming no stored Message-ID starts a new thread."""
    one = mailbox.add_eml(eml("html_only.eml"))
    two = mailbox.add_eml(eml("latin1_8bit.eml"))
    assert mailbox.message(two).thread_id == two != one


def test_internal_date_from_date_header_else_clock(mailbox, eml):
    """internalDate follows the Date header, falls back to the clock, and can be forced."""
    dated = mailbox.add_eml(eml("reply_to_intro.eml"))
    undated = mailbox.add_eml(b"Subject: x\r\n\r\ny\r\n")
    forced = mailbox.add_eml(b"Subject: x\r\n\r\ny\r\n", internal_date_ms=42)
    assert mailbox.message(dated).internal_date_ms == 1_762_279_260_000
    assert mailbox.message(undated).internal_date_ms == int(FIXED_CLOCK * 1000)
    assert mailbox.message(forced).internal_date_ms == 42


def test_draft_joins_given_thread(mailbox, eml):
    """A draft created with a thread id is in that thread, labelled DRAFT, with an r-id."""
    intro = mailbox.add_eml(eml("intro_alternative_attachment.eml"))
    draft = mailbox.create_draft(b"Subject: Re: Intro\r\n\r\nHi\r\n", intro)
    assert re.match(r"^r\d+$", draft.id)
    assert draft.message.thread_id == intro
    assert draft.message.label_ids == DRAFT_LABELS
    assert mailbox.thread(intro)[-1].id == draft.message.id


def test_draft_without_thread_starts_one(mailbox, eml):
    """Drafts never thread by headers: without a thread id they start their own."""
    mailbox.add_eml(eml("intro_alternative_attachment.eml"))
    draft = mailbox.create_draft(eml("reply_to_intro.eml"))
    assert draft.message.thread_id == draft.message.id


def test_draft_into_unknown_thread_is_not_found(mailbox):
    """A draft naming a thread that does not exist is refused."""
    with pytest.raises(EntityNotFound):
        mailbox.create_draft(b"Subject: x\r\n\r\ny\r\n", "0000000000000bad")


def test_update_draft_replaces_its_message(mailbox, eml):
    """Updating a draft gives it a new message id in the same thread; the old one is gone."""
    intro = mailbox.add_eml(eml("intro_alternative_attachment.eml"))
    first = mailbox.create_draft(b"Subject: Re: Intro\r\n\r\nv1\r\n", intro)
    second = mailbox.update_draft(first.id, b"Subject: Re: Intro\r\n\r\nv2\r\n")
    assert second.id == first.id
    assert second.message.id != first.message.id
    assert second.message.thread_id == intro
    assert mailbox.draft(first.id).message.raw.endswith(b"v2\r\n")
    with pytest.raises(EntityNotFound):
        mailbox.message(first.message.id)


def test_update_draft_alone_in_its_thread_moves_to_a_new_one(mailbox):
    """A standalone draft's thread disappears with its old message; the update starts afresh."""
    draft = mailbox.create_draft(b"Subject: a\r\n\r\nv1\r\n")
    updated = mailbox.update_draft(draft.id, b"Subject: a\r\n\r\nv2\r\n")
    assert updated.message.thread_id == updated.message.id
    with pytest.raises(EntityNotFound):
        mailbox.thread(draft.message.thread_id)


def test_update_draft_into_unknown_thread_changes_nothing(mailbox):
    """A failed update leaves the draft as it was."""
    draft = mailbox.create_draft(b"Subject: a\r\n\r\nv1\r\n")
    with pytest.raises(EntityNotFound):
        mailbox.update_draft(draft.id, b"Subject: a\r\n\r\nv2\r\n", "0000000000000bad")
    assert mailbox.draft(draft.id).message.id == draft.message.id


def test_drafts_are_listed_newest_first(mailbox):
    """drafts() lists the most recent draft first."""
    older = mailbox.create_draft(b"Subject: 1\r\n\r\n1\r\n")
    newer = mailbox.create_draft(b"Subject: 2\r\n\r\n2\r\n")
    assert [d.id for d in mailbox.drafts()] == [newer.id, older.id]


@pytest.mark.parametrize(
    "lookup",
    [
        lambda box: box.message("ffffffffffffffff"),
        lambda box: box.thread("ffffffffffffffff"),
        lambda box: box.draft("r1"),
        lambda box: box.update_draft("r1", b"x"),
    ],
)
def test_unknown_ids_raise_entity_not_found(mailbox, lookup):
    """Every lookup of an unknown id raises EntityNotFound."""
    with pytest.raises(EntityNotFound):
        lookup(mailbox)


def test_unknown_attachment_raises_entity_not_found(mailbox, eml):
    """An attachment id the message does not have is not found."""
    message_id = mailbox.add_eml(eml("intro_alternative_attachment.eml"))
    with pytest.raises(EntityNotFound):
        mailbox.attachment(message_id, "ANGjdJnope")


def test_concurrent_adds_get_distinct_ids(mailbox):
    """Adds from many threads never collide on ids (the lock holds)."""
    ids: list[str] = []

    def add_some():
        ids.extend(mailbox.add_eml(b"Subject: x\r\n\r\ny\r\n") for _ in range(50))

    workers = [threading.Thread(target=add_some) for _ in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert len(set(ids)) == 200

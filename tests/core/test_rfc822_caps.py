"""Caps on pathological input in `parse_eml`: huge header blocks and huge base64 bodies."""

from __future__ import annotations

import base64
import email
from email import policy

import pytest

from app.core.mail import rfc822
from app.core.mail.assemble import MAX_TEXT
from app.core.mail.rfc822 import MAX_HEADER_BYTES, MAX_HEADER_LINES, parse_eml

HEAD = "From: Joe <joe@x.example>\r\nTo: Sue <sue@y.example>\r\nSubject: Intro\r\n"
BODY = "Sue, meet Dana. Dana runs growth at Reyes.\r\n"
CUT = "headers truncated for analysis"


@pytest.mark.parametrize("newline", ["\r\n", "\n", "\r"])
def test_a_header_block_of_too_many_lines_is_cut_and_flagged(newline: str) -> None:
    extra = f"X-Trace: hop{newline}" * (MAX_HEADER_LINES + 500)
    raw = (HEAD.replace("\r\n", newline) + extra + newline + BODY.replace("\r\n", newline)).encode()
    read = parse_eml(raw)
    assert CUT in read.problems
    assert read.subject == "Intro"
    assert read.sender is not None
    assert read.sender.email == "joe@x.example"
    assert read.text.startswith("Sue, meet Dana.")


def test_a_header_block_of_too_many_bytes_is_cut_at_a_line_start() -> None:
    long_line = "X-Blob: " + "a" * 2_000 + "\r\n"
    raw = (HEAD + long_line * (MAX_HEADER_BYTES // 2_000 + 20) + "\r\n" + BODY).encode()
    read = parse_eml(raw)
    assert CUT in read.problems
    assert read.text.startswith("Sue, meet Dana.")


def test_one_folded_header_of_megabytes_is_cut() -> None:
    raw = (HEAD + "X-Long: a" + "\r\n b" * 300_000 + "\r\n\r\n" + BODY).encode()
    read = parse_eml(raw)
    assert CUT in read.problems
    assert read.subject == "Intro"
    assert read.text.startswith("Sue, meet Dana.")


def test_headers_with_no_body_at_all_are_cut() -> None:
    raw = (HEAD + "X-Trace: hop\r\n" * (MAX_HEADER_LINES * 2)).encode()
    read = parse_eml(raw)
    assert CUT in read.problems
    assert read.subject == "Intro"


def test_usual_and_large_but_reasonable_headers_are_untouched() -> None:
    recipients = ", ".join(f"P{i} <p{i}@x.example>" for i in range(3_000))  # ~70 KB, one line
    raw = (HEAD + f"Cc: {recipients}\r\n" + "Received: by x\r\n" * 300 + "\r\n" + BODY).encode()
    read = parse_eml(raw)
    assert CUT not in read.problems
    assert len(read.cc) > 100


def test_a_bare_body_without_headers_is_not_taken_for_headers() -> None:
    raw = ("Just words, no header at all.\n" * 20_000).encode()
    read = parse_eml(raw)
    assert CUT not in read.problems
    assert read.text.startswith("Just words")


def _base64_message(text: str) -> bytes:
    encoded = base64.encodebytes(text.encode("utf-8")).decode("ascii").replace("\n", "\r\n")
    head = "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n"
    return (HEAD + head + "\r\n" + encoded).encode()


def test_a_huge_base64_text_body_reads_like_the_whole_decode() -> None:
    text = "Sue, meet Dana. Ünïcödé words follow the introduction. " * 60_000  # ~3.5 MB
    raw = _base64_message(text)
    read = parse_eml(raw)
    whole = email.message_from_bytes(raw, policy=policy.compat32).get_payload(decode=True)
    assert read.text == whole.decode("utf-8")[:MAX_TEXT].strip()
    assert "body truncated for analysis" in read.problems


@pytest.mark.parametrize("stray", [b"*", b"\xff", b"="])
def test_base64_with_stray_characters_never_breaks_the_read(
    monkeypatch: pytest.MonkeyPatch, stray: bytes
) -> None:
    """Stray characters are skipped, as the stdlib does; a count binascii refuses sends
    the body to the stdlib's own lenient decoding."""
    monkeypatch.setattr(rfc822, "_MAX_BASE64_TEXT", 100)
    raw = _base64_message("Sue, meet Dana. " * 40)
    head, body = raw.split(b"\r\n\r\n", 1)
    read = parse_eml(head + b"\r\n\r\n" + body[:40] + stray + body[40:])
    assert read.text.startswith("Sue, meet Dana.")

"""`parse_eml`: RFC 822 bytes into one `Email`, degrading on damage and never raising."""

from __future__ import annotations

import base64
import email
import time
from datetime import UTC, datetime
from email import policy
from email.policy import compat32
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.mail import rfc822
from app.core.mail.assemble import MAX_TEXT
from app.core.mail.rfc822 import (
    MAX_HEADER_BYTES,
    MAX_HEADER_LINES,
    _message,
    _read_single,
    _read_stdlib,
    decode_text,
    parse_eml,
)
from app.core.model import Address, Attachment
from tests.fuzz.targets import raw_mime

EMAILS = Path(__file__).parents[2] / "data" / "emails"


def _read(name: str):
    return parse_eml((EMAILS / name).read_bytes())


def test_headers_addresses_and_ids() -> None:
    """From/To/Cc with display names, Message-ID, In-Reply-To, References and date."""
    email = _read("handoff_copying.eml")
    assert email.sender == Address("Hilde Berg", "hilde.berg@cityworks.example")
    assert email.to == (Address("Jeff Dunn", "jeff.dunn@dunnbuild.example"),)
    assert email.cc == (Address("Misha Stein", "misha.stein@cityworks.example"),)
    assert email.subject == "RE: permit question for the Elm Street site"
    assert email.message_id == "<handoff-copying@cityworks.example>"
    assert email.in_reply_to == "<q-elm-street@dunnbuild.example>"
    assert email.references == ("<q-elm-street@dunnbuild.example>",)
    assert email.date is not None
    assert email.date.astimezone(UTC) == datetime(2025, 3, 7, 16, 45, tzinfo=UTC)
    assert email.problems == ()


def test_reply_to_and_recipients() -> None:
    """Reply-To is read; `recipients` is To then Cc."""
    raw = (
        b"From: a@x.example\r\nTo: B <b@y.example>\r\nCc: c@z.example\r\n"
        b"Reply-To: Desk <desk@x.example>\r\n\r\nhello\r\n"
    )
    email = parse_eml(raw)
    assert email.reply_to == (Address("Desk", "desk@x.example"),)
    assert [a.email for a in email.recipients] == ["b@y.example", "c@z.example"]


def test_encoded_word_headers() -> None:
    """RFC 2047 encoded words in names and subject are decoded (UTF-8 and Latin-1)."""
    email = _read("encoded_word_names.eml")
    assert email.sender == Address("Björn Lund", "bjorn@lund-advisory.example")
    assert [a.name for a in email.to] == ["Zoë Müller", "Jörg Straßer"]
    assert email.subject == "Intro: Zoë <> Jörg"


def test_raw_utf8_headers() -> None:
    """Unencoded 8-bit UTF-8 header bytes are read as UTF-8, not mojibake."""
    email = _read("intro_spanish.eml")
    assert email.sender is not None
    assert email.sender.name == "Marta Ibáñez"
    assert email.to[0].name == "Lucía Romero"


def test_raw_latin1_header_falls_back() -> None:
    """8-bit header bytes that are not UTF-8 are read as Latin-1."""
    email = parse_eml(b"From: Ren\xe9 <r@x.example>\nSubject: caf\xe9\n\nhi\n")
    assert email.sender == Address("René", "r@x.example")
    assert email.subject == "café"


def test_wrong_charset_is_read_and_flagged() -> None:
    """A body declared UTF-8 but written in Latin-1 is read as Latin-1 and says so."""
    email = _read("intro_latin1_wrong_charset.eml")
    assert "Françoise, meet José." in email.new_text
    assert any("Latin-1" in p for p in email.problems)


def test_unknown_charset_falls_back_to_utf8() -> None:
    """An unknown declared charset falls back to UTF-8."""
    raw = "Content-Type: text/plain; charset=x-klingon\n\nZoë\n".encode()
    assert parse_eml(raw).text.strip() == "Zoë"


def test_html_only_message() -> None:
    """HTML-only mail is turned into text; the gmail_quote becomes quoted history."""
    email = _read("html_only_intro.eml")
    assert email.new_text.startswith("Hi Omar and Ines,")
    assert "<" not in email.new_text
    assert "Do you know a designer" in email.quoted_text
    assert "HTML-only message: text taken from HTML" in email.problems


def test_plain_text_preferred_to_html() -> None:
    """With text/plain and text/html alternatives, the plain text is the body."""
    email = _read("read_nested_multipart.eml")
    assert email.new_text.startswith("Omar, here is a first pass")
    assert "café illustration" in email.new_text  # quoted-printable Latin-1 decoded
    assert "<p>" not in email.text


def test_attachment_with_size() -> None:
    """Attachments are listed with file name, MIME type and decoded size."""
    email = _read("read_attachment_pdf.eml")
    assert email.attachments == (Attachment("Okafor deck v3.pdf", "application/pdf", 1960),)


def test_nested_multiparts_list_files_not_inline_images() -> None:
    """mixed > alternative > related: the .docx is listed, the inline logo is not."""
    email = _read("read_nested_multipart.eml")
    assert [a.filename for a in email.attachments] == ["notes.docx"]
    assert email.attachments[0].size == 304


def test_forwarded_message_attachment() -> None:
    """A message/rfc822 part is listed and its text kept as a forwarded block."""
    email = _read("forwarded_as_attachment.eml")
    assert [a.mime_type for a in email.attachments] == ["message/rfc822"]
    assert email.attachments[0].filename == "Leo - Joe.eml"
    assert email.new_text.startswith("Ana, the intro from Kim is attached.")
    assert "From: Kim Adler <kim.adler@trellis.example>" in email.quoted_text
    assert "Leo, meet Joe." in email.quoted_text


def test_missing_boundary_is_rescued() -> None:
    """A multipart whose declared boundary is absent is read with the body's boundary."""
    email = _read("read_bad_boundary.eml")
    assert email.new_text.startswith("Lina, the sandbox keys")
    assert "Content-Type" not in email.new_text
    assert "multipart boundary not found: read from the body" in email.problems


def test_missing_boundary_without_any_boundary_reads_plain_text() -> None:
    """With no boundary line at all the body is read as plain text."""
    raw = b'Content-Type: multipart/mixed; boundary="nope"\n\nJust words here.\n'
    assert parse_eml(raw).new_text == "Just words here."


def test_truncated_base64_degrades() -> None:
    """A truncated base64 attachment still lists the file; the text part is read."""
    email = _read("read_truncated_base64.eml")
    assert email.new_text.startswith("Greta, the rates file is attached.")
    assert [a.filename for a in email.attachments] == ["rates.xls"]
    assert email.attachments[0].size > 0


def test_missing_headers() -> None:
    """A bare body has no sender, no recipients and says it had no headers."""
    email = _read("read_body_only_intro.eml")
    assert (email.sender, email.to, email.subject, email.date) == (None, (), "", None)
    assert not email.headers_present
    assert "no headers: read as a bare body" in email.problems
    assert email.new_text.startswith("Priya, meet Tom.")


def test_bad_date_is_flagged() -> None:
    """An unreadable Date header gives no date and a problem note."""
    email = parse_eml(b"From: a@x.example\nDate: the day after tomorrow\n\nhi\n")
    assert email.date is None
    assert "unreadable Date header" in email.problems


def test_quotes_and_signature_are_split() -> None:
    """Own words, signature ("Regards,") and the Outlook quote are three parts."""
    email = _read("handoff_copying.eml")
    assert email.new_text.endswith("knows the Elm Street history well.")
    assert email.signature == "Regards,\nHilde"
    assert email.quoted_text.startswith("-----Original Message-----")


def test_gmail_quote_split() -> None:
    """A Gmail "On ... wrote:" quote is history, not the sender's words."""
    email = _read("reply_quoting_intro.eml")
    assert "Sue, meet Joe" not in email.new_text
    assert email.quoted_text.startswith("On Tue, Mar 4, 2025 at 9:12 AM Maya Chen")


def test_forwarded_block_split() -> None:
    """A forwarded-message banner starts the quoted part."""
    email = _read("forwarded_intro.eml")
    assert email.new_text.endswith("Joe")
    assert email.quoted_text.startswith("---------- Forwarded message ---------")


def test_dash_dash_signature() -> None:
    """The "-- " delimiter starts the signature."""
    email = _read("neg_ordinary_report.eml")
    assert email.signature.startswith("--")
    assert "Freight desk" in email.signature
    assert email.new_text.endswith("in the shared drive.")


def test_lotus_notes_quote_split() -> None:
    """A Lotus Notes header block ("X@ORG on 04/02/2025 05:30 PM" + To:) is history."""
    email = _read("read_lotus_reply.eml")
    assert email.new_text.endswith("Greta")
    assert email.quoted_text.startswith("Bea Novak@RIDGELINE on 04/02/2025")


def test_huge_mime_tree_is_cut() -> None:
    """Hundreds of parts are read up to the cap and flagged."""
    parts = "".join(f"--b\nContent-Type: text/plain\n\npart {i}\n" for i in range(260))
    raw = f'Content-Type: multipart/mixed; boundary="b"\n\n{parts}--b--\n'.encode()
    assert "MIME tree too large: rest ignored" in parse_eml(raw).problems


def test_deep_nesting_is_cut() -> None:
    """Multiparts nested deeper than the cap degrade instead of recursing forever."""
    body = "hi\n"
    for depth in range(30):
        head = f'Content-Type: multipart/mixed; boundary="b{depth}"\n\n'
        body = f"{head}--b{depth}\n{body}--b{depth}--\n"
    email = parse_eml(body.encode())
    assert "MIME tree too large: rest ignored" in email.problems


def test_decode_text_order() -> None:
    """Declared charset first, then UTF-8, then Latin-1 with a note."""
    problems: list[str] = []
    assert decode_text("é".encode("cp1252"), "windows-1252", problems) == "é"
    assert decode_text("é".encode(), None, problems) == "é"
    assert decode_text(b"\xe9", "utf-8", problems) == "é"
    assert problems == ["text not in its declared charset utf-8: read as Latin-1"]


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b"\x00\xff\xfe",
        b"From:\n\n",
        b"Content-Type: multipart/mixed\n\n--\n",
        b'Content-Type: text/plain; charset=""\n\nx',
        b"Content-Transfer-Encoding: base64\n\n!!!not base64!!!",
        b"Content-Type: text/plain; name*=bogus''%ZZ\nContent-Disposition: attachment\n\nx",
        b"To: =?utf-8?B?broken?= <a@b.example>\n\nx",
        b"Subject: =?x-unknown?Q?abc?=\n\nx",
        b"Content-Type: message/rfc822\n\n",
        b"To: =?utf-8?b?w?= <a@b.example>\r\n\r\nhi",
        b"From: =?\x80?q?x?= <a@b.example>\r\n\r\nhi",
        b"Content-Type: text/plain; charset=\x00\r\n\r\nhi",
        b"ContenT-type:charset=\x00\r\x80",
    ],
)
def test_damaged_input_degrades(raw: bytes) -> None:
    """Damaged headers, encodings and structures give an Email, never an exception."""
    email = parse_eml(raw)
    assert isinstance(email.text, str)


@settings(max_examples=200, deadline=None)
@given(raw=st.binary(max_size=3000))
def test_parse_never_raises_on_arbitrary_bytes(raw: bytes) -> None:
    """Any bytes at all give an `Email`."""
    email = parse_eml(raw)
    assert isinstance(email.problems, tuple)


_FIXTURES = sorted(EMAILS.glob("*.eml"))


@settings(max_examples=200, deadline=None)
@given(
    index=st.integers(0, len(_FIXTURES) - 1),
    cut=st.integers(0, 4000),
    flips=st.lists(st.tuples(st.integers(0, 4000), st.integers(0, 255)), max_size=8),
)
def test_parse_never_raises_on_damaged_real_mail(
    index: int, cut: int, flips: list[tuple[int, int]]
) -> None:
    """Our cases truncated anywhere and with random bytes changed still parse."""
    raw = bytearray(_FIXTURES[index].read_bytes()[:cut])
    for position, value in flips:
        if raw:
            raw[position % len(raw)] = value
    email = parse_eml(bytes(raw))
    assert isinstance(email.new_text, str)


_HEADER_BITS = st.sampled_from(
    ["=?utf-8?b?w?=", "=?\x80?q?x?=", "=?utf-8?q?S=C3=BCe?=", "=?bogus?x?zz?=", "<a@b.example>",
     '"Park, Sue"', "charset=\x00", "charset=utf-8", "boundary=", "; name*=x''%ZZ", "Sue", ","]
)  # fmt: skip
_NAMES = st.sampled_from(["From", "To", "Cc", "Subject", "Content-Type", "Content-Disposition"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_NAMES, st.lists(_HEADER_BITS, max_size=5)), max_size=6))
def test_parse_never_raises_on_hostile_headers(headers: list[tuple[str, list[str]]]) -> None:
    """Damaged encoded words, charsets and parameters in any header give an Email."""
    head = "".join(f"{name}: {' '.join(bits)}\r\n" for name, bits in headers)
    email = parse_eml(head.encode("utf-8", "surrogateescape") + b"\r\nbody")
    assert isinstance(email.subject, str)


def test_base64_text_part() -> None:
    """A base64 text part is decoded."""
    body = base64.b64encode("Grüße aus Köln".encode()).decode()
    raw = f"Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n{body}\n"
    assert parse_eml(raw.encode()).new_text == "Grüße aus Köln"


@pytest.mark.parametrize(
    ("encoding", "body"),
    [
        ("7bit", b"Sue, meet Joe.\r\n" * 8000),
        ("base64", base64.encodebytes("Zoë, meet Jörg.\n".encode() * 8000)),
        ("quoted-printable", b"caf=E9 au lait=\r\n and more\r\n" * 4000),
        ("8bit", "Grüße aus Köln\n".encode("latin-1") * 8000),
    ],
)
def test_big_single_part_bodies_read_like_the_stdlib(encoding: str, body: bytes) -> None:
    """Bodies attached whole (large messages) decode exactly as a line-by-line parse."""
    raw = (
        b"From: a@x.example\r\nSubject: big\r\nContent-Type: text/plain; charset=latin-1\r\n"
        + f"Content-Transfer-Encoding: {encoding}\r\n\r\n".encode()
        + body
    )
    assert len(raw) > 64_000
    slow = email.message_from_bytes(raw, policy=compat32)
    fast = _message(raw)
    assert fast.items() == slow.items()
    assert fast.get_payload(decode=True) == slow.get_payload(decode=True)


def test_thousands_of_parts_are_cut_before_parsing() -> None:
    """Only the first few hundred parts are parsed; the cut is reported."""
    parts = "".join(
        f'--p\r\nContent-Type: application/pdf; name="f{i}.pdf"\r\n\r\nx\r\n' for i in range(3000)
    )
    raw = f'Content-Type: multipart/mixed; boundary="p"\r\n\r\n{parts}--p--\r\n'.encode()
    email_ = parse_eml(raw)
    assert len(email_.attachments) <= 200
    assert "MIME tree too large: rest ignored" in email_.problems


@pytest.mark.parametrize(
    "raw",
    [
        b"Content-Type: text/plain\r\n\r\n" + b"\r\n" * 2_500_000,
        b"Content-Type: text/html\r\n\r\n" + b"<div><p><b>Sue</b>, meet <i>Dana</i>.</p>" * 24_000,
    ],
    ids=["5 MB of newlines", "1 MB of nested HTML"],
)
def test_pathological_bodies_stay_fast(raw: bytes) -> None:
    """Huge bodies are read in well under a second (they once took seconds)."""
    started = time.perf_counter()
    parse_eml(raw)
    assert time.perf_counter() - started < 1.5


def test_rfc2231_damage_in_a_file_name() -> None:
    """A file name the stdlib cannot reassemble ('filename*;filename*0') is 'attachment'."""
    raw = (
        b"Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\n"
        b"hi\r\n--b\r\nContent-Type: application/pdf\r\n"
        b"Content-Disposition: attachment; filename*;filename*0\r\n\r\nx\r\n--b--\r\n"
    )
    assert [a.filename for a in parse_eml(raw).attachments] == ["attachment"]


def test_encoded_content_type_name_is_a_file_name() -> None:
    """An RFC 2231 'name*=' on Content-Type names the attachment."""
    raw = (
        b"Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\n"
        b"hi\r\n--b\r\nContent-Type: application/pdf; name*=utf-8''r%C3%A9sum%C3%A9.pdf\r\n\r\n"
        b"x\r\n--b--\r\n"
    )
    assert [a.filename for a in parse_eml(raw).attachments] == ["résumé.pdf"]


def test_big_message_with_a_broken_header_block_is_read_in_full() -> None:
    """A large message whose header block has a stray line takes the stdlib's full parse."""
    raw = b"Subject: x\r\nnot a header\r\n\r\n" + b"Sue, meet Joe.\r\n" * 5000
    email_ = parse_eml(raw)
    assert email_.subject == "x"
    assert "Sue, meet Joe." in email_.text


def test_a_found_boundary_that_splits_nothing_reads_plain_text() -> None:
    """A body with '--x' lines that still do not parse as parts is read as plain text."""
    raw = b'Content-Type: multipart/mixed; boundary="gone"\r\n\r\nhello\r\n--x--\r\n'
    email_ = parse_eml(raw)
    assert "hello" in email_.text


# Caps on pathological input in `parse_eml`: huge header blocks and huge base64 bodies.
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


# `parse_eml`'s fast reader for single-part mail gives exactly what the stdlib path gives.
_HEAD = b"From: Sue Park <sue@x.example>\r\nTo: Dana <dana@y.example>\r\nSubject: Intro\r\n"

# Shapes the fast reader takes: each must match the stdlib path exactly.
FAST = {
    "crlf": _HEAD + b"\r\nHi Dana,\r\nmeet Sue.\r\n",
    "lf": b"From: a@x.example\nTo: b@y.example\n\nhello\n",
    "folded": _HEAD.replace(b"Intro", b"Intro:\r\n\tSue <>\r\n  Dana") + b"\r\nhi\r\n",
    "folded lf": b"Subject: one\n two\nTo: A\n <a@x.example>\n\nhi\n",
    "empty then folded": b"Subject:\r\n Intro\r\nFrom:   \r\n\r\nhi\r\n",
    "encoded words": b"Subject: =?utf-8?q?Zo=C3=AB?= <> =?iso-8859-1?q?J=F6rg?=\n\nhi\n",
    "headers only": b"From: a@x.example\nSubject: no body\n",
    "body after headers": b"From: a@x.example\nSubject: s\nno blank line here\nmore\n",
    "no headers": b"Hello Sue,\n\nmeet Dana.\n",
    "header-like first line": b"Marcello:  By way of introduction\nI am a lawyer.\n",
    "leading blank line": b"\nFrom: a@x.example\n\nhi\n",
    "empty": b"",
    "blank line mix": b"From: a@x.example\r\n\nbody\r\n",
    "qp": _HEAD + b"Content-Transfer-Encoding: quoted-printable\r\n\r\ncaf=C3=A9 =\r\nok\r\n",
    "qp mixed case": _HEAD + b"Content-transfer-encoding: Quoted-Printable\r\n\r\n=E9t=E9\r\n",
    "7bit": _HEAD + b"Content-Transfer-Encoding: 7bit\r\n\r\nhi\r\n",
    "charset quoted": _HEAD + b'Content-Type: text/plain;charset="iso-8859-1"\r\n\r\ncaf\xe9\r\n',
    "charset key case": _HEAD + b"Content-Type: text/plain; CharSet = ISO-8859-1\r\n\r\n\xe9\r\n",
    "charset twice": _HEAD + b"Content-Type: text/plain; charset=latin-1; charset=utf-8\n\n\xe9\n",
    "charset unknown": _HEAD + b"Content-Type: text/plain; charset=x-klingon\r\n\r\nhi\r\n",
    "charset wrong": _HEAD + b"Content-Type: text/plain; charset=utf-8\r\n\r\ncaf\xe9\r\n",
    "charset ansi": _HEAD + b"Content-Type: text/plain; charset=ANSI_X3.4-1968\r\n\r\nhi\r\n",
    "charset unknown-8bit": _HEAD + b"Content-Type: text/plain; charset=unknown-8bit\n\n\xe9\n",
    "format flowed": _HEAD + b"Content-type: text/plain; charset=us-ascii; format=flowed\n\nhi\n",
    "trailing semicolon": _HEAD + b"Content-Type: text/html;\r\n\r\n<p>Sue, meet Dana</p>\r\n",
    "empty parameter": _HEAD + b"Content-Type: text/plain; ; charset=utf-8\n\nhi\n",
    "html": _HEAD + b"Content-Type: text/html; charset=utf-8\n\n<div>hi<br>there</div>\n",
    "not text": _HEAD + b"Content-Type: application/pdf\n\n%PDF-1.4\n",
    "type without slash": _HEAD + b"Content-Type: text\n\nhi\n",
    "type with two slashes": _HEAD + b"Content-Type: text/plain/x; charset=utf-8\n\nhi\n",
    "empty type": _HEAD + b"Content-Type:\n\nhi\n",
    "two types": _HEAD + b"Content-Type: text/html\nContent-Type: text/plain\n\n<b>hi</b>\n",
    "nul in body": _HEAD + b"\r\nhi\x00there\r\n",
    "bare cr in body": _HEAD + b"\r\nhi\rthere\r\n",
    "8-bit body, no charset": _HEAD + b"\r\nJos\xc3\xa9 and Fran\xe7oise\r\n",
    "colon-only name chars": b"X-Odd!#$%&'*+-.^_`{|}~: v\nFrom: a@x.example\n\nhi\n",
    "big body": _HEAD + b"\r\n" + b"line of text\r\n" * 7000,
}

# Shapes it leaves to the stdlib.
STDLIB = {
    "8-bit header": b"From: Ren\xe9 <r@x.example>\n\nhi\n",
    "bare cr header": b"Subject: a\rb\nFrom: a@x.example\n\nhi\n",
    "bare cr separator": b"Subject: a\n\rhi\n",
    "unix from": b"From sue@x.example Mon Jan  1 00:00:00 2024\nSubject: s\n\nhi\n",
    "continuation first": b" Subject: s\n\nhi\n",
    "colon first": b":oops\nSubject: s\n\nhi\n",
    "last line unfinished": b"From: a@x.example\nSubject: s",
    "multipart": b'Content-Type: multipart/mixed; boundary="b"\n\n--b\n\nhi\n--b--\n',
    "multipart in subject": b"Subject: multipart/ question\n\nhi\n",
    "multipart in body text": b"Subject: s\nmultipart/ in a body\n\nhi\n",
    "message": b"Content-Type: message/rfc822\n\nFrom: a@x.example\n\nhi\n",
    "base64": _HEAD + b"Content-Transfer-Encoding: base64\n\naGVsbG8=\n",
    "uuencode": _HEAD + b"Content-Transfer-Encoding: x-uuencode\n\nbegin 644 a\n`\nend\n",
    "attachment": _HEAD + b"Content-Disposition: attachment; filename=a.txt\n\nhi\n",
    "name": _HEAD + b'Content-Type: text/plain; name="a.txt"\n\nhi\n',
    "rfc 2231": _HEAD + b"Content-Type: text/plain; charset*=utf-8''latin-1\n\nhi\n",
    "quoted type": _HEAD + b'Content-Type: "text/plain"\n\nhi\n',
    "folded type": _HEAD + b"Content-Type: text/plain;\n charset=utf-8\n\nhi\n",
    "unusual encoding": _HEAD + b"Content-Transfer-Encoding: 8bit \r\n\r\nhi\r\n",
    "big attached message": b"Content-Type: message/rfc822\n\nSubject: s\n\n" + b"hi\n" * 40_000,
    "bare parameter": _HEAD + b"Content-Type: text/html;iso-8859-1\n\nhi\n",
}


@pytest.mark.parametrize("raw", FAST.values(), ids=list(FAST))
def test_fast_reader_matches_stdlib(raw: bytes) -> None:
    """Single-part shapes read by the fast reader come out exactly as the stdlib reads them."""
    fast = _read_single(raw)
    assert fast is not None
    assert fast == _read_stdlib(raw)


@pytest.mark.parametrize("raw", STDLIB.values(), ids=list(STDLIB))
def test_odd_shapes_go_to_the_stdlib(raw: bytes) -> None:
    """Shapes outside the fast reader's grammar are left to the stdlib path."""
    assert _read_single(raw) is None
    assert parse_eml(raw) == _read_stdlib(raw)


_PIECES = [
    b"From: Sue <sue@x.example>\r\n", b"To: a@x.example, B <b@y.example>\n", b"Subject: s\n",
    b" folded\r\n", b"\tfolded\n", b"\r\n", b"\n", b"\r", b":", b"From ", b"X-A:", b"body text",
    b"Content-Type: text/plain; charset=utf-8\n", b"Content-Type: text/html;\n",
    b'Content-Type: text/plain; charset="latin-1"\r\n', b"Content-Type: multipart/mixed\n",
    b"Content-Transfer-Encoding: quoted-printable\n", b"Content-Transfer-Encoding: base64\n",
    b"=C3=A9", b"=\r\n", b"\xe9", b"\xc3\xa9", b"\x00", b" ", b";", b"=?utf-8?q?a=C3=A9?=",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12).map(b"".join))
def test_fast_reader_agrees_on_header_soup(raw: bytes) -> None:
    """On any mix of header-ish pieces the fast reader declines or agrees with the stdlib."""
    fast = _read_single(raw)
    assert fast is None or fast == _read_stdlib(raw)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_fast_reader_agrees_on_bytes(raw: bytes) -> None:
    """On arbitrary bytes the fast reader declines or agrees with the stdlib."""
    fast = _read_single(raw)
    assert fast is None or fast == _read_stdlib(raw)


def test_fast_reader_declines_a_charset_with_control_characters() -> None:
    """A charset holding a NUL is left to the stdlib (found by Hypothesis)."""
    raw = b"ContenT-type:charset=\x00\n\x80"
    assert _read_single(raw) is None


@settings(max_examples=200, deadline=None)
@given(raw_mime)
def test_fast_reader_agrees_on_fuzzed_mime(raw: bytes) -> None:
    """On the fuzz targets' MIME (seeds, mutations, structure) it declines or agrees."""
    fast = _read_single(raw)
    assert fast is None or fast == _read_stdlib(raw)

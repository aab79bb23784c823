"""`parse_eml`: RFC 822 bytes into one `Email`, degrading on damage and never raising."""

from __future__ import annotations

import base64
import email
import time
from datetime import UTC, datetime
from email.policy import compat32
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.mail.rfc822 import _message, decode_text, parse_eml
from app.core.model import Address, Attachment

EMAILS = Path(__file__).parents[1] / "data" / "emails"


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

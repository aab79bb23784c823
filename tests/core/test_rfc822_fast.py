"""`parse_eml`'s fast reader for single-part mail gives exactly what the stdlib path gives."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.mail.rfc822 import _read_single, _read_stdlib, parse_eml
from tests.fuzz.targets import raw_mime

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

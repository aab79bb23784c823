"""RFC 822 to Gmail's part tree: shapes, headers, bodies and snippets."""

from __future__ import annotations

import base64
from email.mime.application import MIMEApplication
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText

from hypothesis import given, settings
from hypothesis import strategies as st

from devkit.emulator import base64url, parse_message


def _shape(part):
    """(partId, mimeType, filename, body kind, children) for compact assertions."""
    body = part["body"]
    kind = "attachment" if "attachmentId" in body else "data" if "data" in body else "empty"
    children = [_shape(child) for child in part.get("parts", [])]
    return (part["partId"], part["mimeType"], part["filename"], kind, children)


def _header(part, name):
    return next(h["value"] for h in part["headers"] if h["name"].lower() == name.lower())


def _data(part) -> bytes:
    return base64.urlsafe_b64decode(part["body"]["data"])


def test_alternative_with_attachment_tree(eml):
    """multipart/mixed holds the alternative pair and a PDF that carries an attachmentId."""
    parsed = parse_message(eml("intro_alternative_attachment.eml"), "18f0000000000001")
    assert _shape(parsed.payload) == (
        "",
        "multipart/mixed",
        "",
        "empty",
        [
            (
                "0",
                "multipart/alternative",
                "",
                "empty",
                [("0.0", "text/plain", "", "data", []), ("0.1", "text/html", "", "data", [])],
            ),
            ("1", "application/pdf", "Sam Okafor CV.pdf", "attachment", []),
        ],
    )
    assert parsed.payload["body"] == {"size": 0}


def test_nested_mixed_alternative_related_tree(eml):
    """Part ids follow nesting depth: mixed > alternative > related > html and inline image."""
    parsed = parse_message(eml("nested_mixed_alternative.eml"), "18f0000000000002")
    alternative = parsed.payload["parts"][0]
    related = alternative["parts"][1]
    assert [p["partId"] for p in related["parts"]] == ["0.1.0", "0.1.1"]
    assert _shape(related["parts"][1])[1:4] == ("image/png", "logo.png", "attachment")
    docx = parsed.payload["parts"][1]
    assert docx["filename"] == "Plan Q1 — v2.docx"
    assert len(parsed.attachments) == 2


def test_html_only_message_is_a_single_part(eml):
    """An HTML-only message is a root part with data and no `parts`."""
    parsed = parse_message(eml("html_only.eml"), "18f0000000000003")
    assert _shape(parsed.payload) == ("", "text/html", "", "data", [])
    assert b"Tom &amp; Jerry say hi." in _data(parsed.payload)
    assert parsed.snippet == "Tom &amp; Jerry say hi. Second para ✓"


def test_non_utf8_body_keeps_its_charset_bytes(eml):
    """An ISO-8859-1 body comes back as its original bytes, not transcoded."""
    parsed = parse_message(eml("latin1_8bit.eml"), "18f0000000000004")
    assert _header(parsed.payload, "Content-Type") == "text/plain; charset=ISO-8859-1"
    body = _data(parsed.payload)
    assert "Je te présente Chloé".encode("latin-1") in body
    assert parsed.snippet.startswith("Bonjour Sam, Je te présente Chloé")


def test_base64_bodies_decode_to_original_bytes(eml):
    """Transfer encodings are undone: the attachment bytes equal the encoded file."""
    raw = eml("intro_alternative_attachment.eml")
    parsed = parse_message(raw, "18f0000000000001")
    attachment_id = parsed.payload["parts"][1]["body"]["attachmentId"]
    pdf = parsed.attachments[attachment_id]
    assert pdf.startswith(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3")
    assert parsed.payload["parts"][1]["body"]["size"] == len(pdf)
    html = _data(parsed.payload["parts"][0]["parts"][1])
    assert b"data platform at Lumen" in html  # quoted-printable soft breaks removed


def test_headers_are_unfolded_and_encoded_words_left_alone(eml):
    """Header values are raw text: folding removed, RFC 2047 words kept as written."""
    parsed = parse_message(eml("nested_mixed_alternative.eml"), "18f0000000000002")
    subject = _header(parsed.payload, "Subject")
    assert subject == "=?UTF-8?Q?Quarterly_plan_=E2=80=94_draft?= for review"
    assert _header(parsed.payload, "From").startswith("=?UTF-8?B?")


def test_threading_headers_and_date_are_extracted(eml):
    """Message-ID, In-Reply-To, References and Date feed threading and internalDate."""
    parsed = parse_message(eml("reply_to_intro.eml"), "18f0000000000005")
    assert parsed.message_id == "<lumen-reply-0005@lumen.example>"
    assert parsed.in_reply_to == "<CAF3xq1-intro-0001@mail.northwind.example>"
    assert parsed.references == ("<CAF3xq1-intro-0001@mail.northwind.example>",)
    assert parsed.date_ms == 1_762_279_260_000


def test_snippet_prefers_plain_text_and_escapes_html(eml):
    """The snippet comes from text/plain, collapsed, with quotes escaped as Gmail does."""
    parsed = parse_message(eml("intro_alternative_attachment.eml"), "18f0000000000001")
    assert parsed.snippet.startswith("Hi Sam, hi Priya, Sam, meet Priya:")
    assert "I&#39;ll let you two" in parsed.snippet
    assert len(parsed.snippet) <= 250


def test_empty_body_has_no_data_and_bad_date_is_ignored():
    """An empty body is `{size: 0}`; an unparsable Date gives no timestamp."""
    parsed = parse_message(b"Subject: hi\r\nDate: someday\r\n\r\n", "18f0000000000006")
    assert parsed.payload["body"] == {"size": 0}
    assert parsed.date_ms is None
    assert parsed.message_id is None


def test_attached_message_is_a_leaf_with_its_bytes():
    """A message/rfc822 part is one leaf holding the inner message."""
    inner = MIMEText("inner body")
    inner["Subject"] = "forwarded"
    outer = MIMEMultipart()
    outer.attach(MIMEText("see attached"))
    wrapper = MIMEApplication(b"", "octet-stream")
    wrapper.set_type("message/rfc822")
    wrapper.set_payload([inner])
    del wrapper["Content-Transfer-Encoding"]
    outer.attach(wrapper)
    parsed = parse_message(outer.as_bytes(), "18f0000000000007")
    leaf = parsed.payload["parts"][1]
    assert leaf["mimeType"] == "message/rfc822"
    assert "parts" not in leaf
    assert b"inner body" in _data(leaf)


@settings(max_examples=60, deadline=None)
@given(
    st.binary(max_size=2048), st.text(st.characters(codec="ascii", categories=["L"]), min_size=1)
)
def test_any_attachment_round_trips(data, stem):
    """Whatever bytes are attached, the attachment store holds exactly those bytes."""
    message = MIMEMultipart()
    message.attach(MIMEText("body"))
    part = MIMEApplication(data, "octet-stream")
    part.add_header("Content-Disposition", "attachment", filename=f"{stem}.bin")
    message.attach(part)
    parsed = parse_message(message.as_bytes(), "18f0000000000008")
    assert list(parsed.attachments.values()) == [data]


@given(st.binary(max_size=512))
def test_base64url_round_trips_padded_or_not(data):
    """Our base64url decoder accepts Gmail's padded form and the unpadded one."""
    encoded = base64url.encode(data)
    assert base64url.decode(encoded) == data
    assert base64url.decode(encoded.rstrip("=")) == data


def test_unknown_charset_and_bad_encoded_filename_degrade():
    """An unknown charset still yields a snippet; an undecodable filename stays as written."""
    raw = (
        b"Content-Type: multipart/mixed; boundary=b\r\n\r\n"
        b"--b\r\nContent-Type: text/plain; charset=x-no-such-charset\r\n\r\ncaf\xe9\r\n"
        b"--b\r\nContent-Type: application/octet-stream\r\n"
        b'Content-Disposition: attachment; filename="=?x-bogus?Q?a=41?="\r\n\r\nzz\r\n'
        b"--b--\r\n"
    )
    parsed = parse_message(raw, "18f0000000000009")
    assert parsed.snippet == "café"
    assert parsed.payload["parts"][1]["filename"] == "=?x-bogus?Q?a=41?="

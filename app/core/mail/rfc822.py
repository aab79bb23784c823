"""RFC 822 / MIME bytes (`.eml`) into an `Email`, never raising (pure).

The standard library's `email` package with the `compat32` policy parses anything
without raising; we walk its tree ourselves so that damaged parts, unknown
charsets and missing headers degrade into a `problems` note instead of an error.
"""

from __future__ import annotations

import binascii
import email
import email.message
import itertools
import quopri
import re
from dataclasses import replace
from email import policy
from email.header import Header, decode_header

from app.core.mail.addresses import decode_words
from app.core.mail.assemble import MAX_TEXT, Part, build_email
from app.core.model import Email

MAX_PARTS = 200  # deeper or wider MIME trees are cut here (pathological input)
# Lines and bytes of a header block read; the rest of the block is dropped and flagged.
# Real header blocks are a few KB (a long Received chain, 20 KB); 5,000 recipients ~150 KB.
MAX_HEADER_BYTES = 256_000
MAX_HEADER_LINES = 2_000  # a long Received chain is ~100 lines
_HEADERS_CUT = "headers truncated for analysis"
# base64 characters of a text body decoded: 4 bytes of text per analysed character, at
# 4 base64 characters per 3 bytes (plus line breaks) - more than `MAX_TEXT` in any charset.
_MAX_BASE64_TEXT = MAX_TEXT * 4 * 4 // 3 + MAX_TEXT // 8
_FIELD_START = re.compile(rb"[!-9;-~]+:")
MAX_DEPTH = 20
_ESCAPED = re.compile("[\udc80-\udcff]")  # raw 8-bit header bytes, kept by the parser
_BLANK_LINE = re.compile(rb"\r?\n\r?\n")
_WHOLE_BODY_FROM = 64_000  # bytes; smaller messages parse fast enough line by line
_PART_START = re.compile(rb"\n--")
_MAX_BOUNDARIES = 2 * MAX_PARTS + 20  # boundary lines parsed; _collect flags the cut tree
_MULTIPART = re.compile(rb"content-type:[ \t]*multipart/", re.IGNORECASE)
_MAX_MULTIPARTS = 3 * MAX_DEPTH
_FOLDING = re.compile(r"\r?\n(?=[ \t])")
_BOUNDARY_LINE = re.compile(r"^--([^\s\"]{1,200}?)(?:--)?[ \t\r]*$", re.MULTILINE)
_FORWARD_BANNER = "---------- Forwarded message ---------"
_CHARSET_ALIASES = {"unknown-8bit": "latin-1", "x-unknown": "latin-1", "ascii": "us-ascii"}
# The fast reader's grammar is the stdlib feedparser's: a header line is "name:" in
# RFC 5322 ftext, or a continuation starting with a space or tab (its `headerRE`).
_HEAD_LINES = re.compile(rb"[!-9;-~]+:[^\n]*\n(?:(?:[!-9;-~]+:|[ \t])[^\n]*\n)*")
_HEADER_START = re.compile(rb"From |[!-9;-~]*:|[\t ]")
_FIELD = re.compile(r"([!-9;-~]+):[ \t]*([^\n]*\n(?:[ \t][^\n]*\n)*)")
_PARAM = re.compile(
    r'[ \t]*([A-Za-z][A-Za-z0-9-]*)[ \t]*=[ \t]*("?)([\w!#$%&+.^`{|}~-]+)\2[ \t]*', re.ASCII
)
_PLAIN_ENCODINGS = frozenset(("", "7bit", "8bit", "binary", "quoted-printable"))


def parse_eml(raw: bytes) -> Email:
    """Read one message from its raw bytes. Malformed input gives a degraded `Email`."""
    raw, cut = _bounded_headers(raw)
    read = _read_single(raw) or _read_stdlib(raw)
    return replace(read, problems=(*read.problems, _HEADERS_CUT)) if cut else read


def _bounded_headers(raw: bytes) -> tuple[bytes, bool]:
    """The message with its header block cut to `MAX_HEADER_LINES` lines and
    `MAX_HEADER_BYTES` bytes, and whether it was cut.

    Both header readers cost per header line: a header block of megabytes took up to
    seconds. The cut falls at a line start and the body is kept whole.
    """
    if not _FIELD_START.match(raw):
        return raw, False  # no header block: read as a bare body
    blank = _blank_line(raw, MAX_HEADER_BYTES)
    if blank < 0:
        blank = _blank_line(raw)  # a header block longer than the cap (rare): look further
    head_end = len(raw) if blank < 0 else blank
    newline = b"\n" if raw.find(b"\n", 0, MAX_HEADER_BYTES) >= 0 else b"\r"
    if head_end <= MAX_HEADER_BYTES and raw.count(newline, 0, head_end) <= MAX_HEADER_LINES:
        return raw, False
    keep = 0
    for _ in range(MAX_HEADER_LINES):
        found = raw.find(newline, keep, min(head_end, MAX_HEADER_BYTES))
        if found < 0:
            break
        keep = found + 1
    if keep == 0:
        return b"", True  # one header line of megabytes: nothing readable in it
    return raw[:keep] + (raw[blank:] if blank >= 0 else b""), True


def _blank_line(raw: bytes, within: int | None = None) -> int:
    """Where the empty line ending the header block starts (-1: none in `raw[:within]`).

    LF, CRLF and bare-CR line ends, mixed too: every blank line holds one of these.
    """
    first = -1
    for end in (b"\n\n", b"\n\r\n", b"\r\r"):
        # Once one is found, the others are only looked for before it (no long scans).
        limit = within if first < 0 else first + len(end) - 1
        at = raw.find(end, 0, limit)
        if at >= 0:
            first = at
    return first + 1 if first >= 0 else -1


def _read_stdlib(raw: bytes) -> Email:
    problems: list[str] = []
    try:
        message = _message(raw)
    except Exception:  # pragma: no cover - defensive: stdlib parser bugs must not escape
        return build_email([], [], ["unreadable message"])
    headers = [(k, _header_text(v)) for k, v in message.items()]
    if not headers:
        problems.append("no headers: read as a bare body")
    elif message.defects:
        problems.append("malformed MIME structure")
    parts: list[Part] = []
    _collect(message, parts, problems, depth=0)
    return build_email(headers, parts, problems)


def _read_single(raw: bytes) -> Email | None:
    """A single-part message read without the stdlib parser; None for anything else.

    The stdlib builds a `Message` line by line and looks every header up by a linear
    scan; a plain message needs one regex pass over its header block. This follows
    the feedparser's rules exactly (tests compare the two on tricky shapes), and
    leaves to it 8-bit or bare-CR headers, "From " lines, multipart and message/*
    bodies, and anything `_simple_leaf` does not read.
    """
    block = _HEAD_LINES.match(raw)
    end = block.end() if block else 0
    head = raw[:end]
    if not head.isascii() or head.count(b"\r") != head.count(b"\r\n"):
        return None
    after = raw[end : end + 2]
    start, defect = end, False
    if after[:1] == b"\n":
        start += 1  # the blank line between headers and body
    elif after == b"\r\n":
        start += 2
    elif after[:1] == b"\r" or _HEADER_START.match(raw, end):
        return None  # a bare CR or an unfinished header line: the stdlib's business
    elif after:
        defect = True  # text straight after the headers: the body, and a defect
    if start > end:  # the headers end at the first blank line, where `_message` looks
        seen = head
    else:
        blank = _BLANK_LINE.search(raw)
        seen = raw[: blank.start()] if blank else raw
    if b"multipart/" in seen.lower():
        return None  # `_message` bounds these before parsing
    fields = [(n, v.rstrip("\r\n")) for n, v in _FIELD.findall(head.decode("ascii"))]
    first: dict[str, str] = {}
    for name, value in fields:
        first.setdefault(name.lower(), value)
    problems = ["no headers: read as a bare body"] if not fields else []
    if defect and fields:
        problems.append("malformed MIME structure")
    part = _simple_leaf(first, raw[start:], problems)
    if part is None:
        return None
    # Unfolding: in this block every CR ends a line and every line break inside a value
    # comes before a continuation's space or tab, so removing them all is `_FOLDING`'s
    # work (str.replace is many times faster on long folded headers).
    headers = [(n, v.replace("\r\n", "").replace("\n", "") if "\n" in v else v) for n, v in fields]
    return build_email(headers, [part], problems)


def _simple_leaf(first: dict[str, str], body: bytes, problems: list[str]) -> Part | None:
    """The one leaf of a plain message, as `_leaf` reads it; None when it needs the stdlib
    (attachments, base64 or uuencode, RFC 2231 or quoted parameters, multipart)."""
    mime, charset = _simple_type(first.get("content-type"))
    encoding = first.get("content-transfer-encoding", "").lower()
    if not mime or "content-disposition" in first or encoding not in _PLAIN_ENCODINGS:
        return None
    data = quopri.decodestring(body) if encoding == "quoted-printable" else body
    text = decode_text(data, charset, problems) if mime.startswith("text/") else None
    return Part(mime, "", text, len(data))


def _unfolded(value: str) -> str:
    return value.replace("\r", " ").replace("\n", " ").replace("\t", " ")


def _simple_type(value: str | None) -> tuple[str, str | None]:
    """Content type and charset as `Message.get_content_type`/`get_content_charset` give
    them, for plain `type/sub; key=value` headers; ("", None) for anything else."""
    if value is None:
        return "text/plain", None
    if not value.isprintable() and not _unfolded(value).isprintable():
        return "", None  # a NUL or control character: the stdlib reads such bodies its own way
    head, _, params = value.partition(";")
    mime = head.strip().lower()
    if mime.count("/") != 1:
        mime = "text/plain"  # what the stdlib makes of a malformed type
    if '"' in head or "\\" in head or mime.startswith(("multipart/", "message/")):
        return "", None
    charset = None
    for param in params.split(";"):
        found = _PARAM.fullmatch(param)
        if found is None and param.strip(" \t"):
            return "", None  # quoted, RFC 2231 or broken: the stdlib parses these its own way
        key = found.group(1).lower() if found else ""
        if "name" in key:  # a filename: `_leaf` reads those
            return "", None
        if key == "charset" and charset is None and found:
            charset = found.group(3).lower()
    return mime, charset


def _message(raw: bytes) -> email.message.Message:
    """The stdlib's parse, bounded: multiparts read up to their first parts, and a
    single-part body attached whole instead of line by line.

    The stdlib parser walks a body one line at a time (seconds for 5 MB of short
    lines); a body that is not multipart needs no walking, only its bytes.
    """
    blank = _BLANK_LINE.search(raw)
    head = raw[: blank.start()] if blank else raw
    if b"multipart/" in head.lower():
        return email.message_from_bytes(_first_parts(raw), policy=policy.compat32)
    if blank is None or len(raw) <= _WHOLE_BODY_FROM:
        return email.message_from_bytes(raw, policy=policy.compat32)
    message = email.message_from_bytes(head + b"\n\n", policy=policy.compat32)
    if message.get_content_maintype() in ("multipart", "message") or message.get_payload():
        return email.message_from_bytes(raw, policy=policy.compat32)
    message.set_payload(raw[blank.end() :].decode("ascii", "surrogateescape"))
    return message


def _first_parts(raw: bytes) -> bytes:
    """The message up to its first few hundred parts and few dozen nested multiparts.

    The stdlib checks every line against every open boundary, so width and depth
    both cost; parts past these limits would be cut by `_collect` anyway.
    """
    ends = [len(raw)]
    for pattern, limit in ((_PART_START, _MAX_BOUNDARIES), (_MULTIPART, _MAX_MULTIPARTS)):
        found = next(itertools.islice(pattern.finditer(raw), limit, None), None)
        ends.append(found.start() if found else len(raw))
    return raw[: min(ends)]


def _header_text(value: str | Header) -> str:
    """A header value as text: 8-bit bytes decoded, folding undone (RFC 5322 2.2.3).

    The parser keeps a value as `str`, or as a `Header` of raw 8-bit chunks when
    the bytes were not ASCII; those are read as UTF-8, else Latin-1.
    """
    if isinstance(value, str):
        text = _unescape_8bit(value) if _has_escapes(value) else value
        return _FOLDING.sub("", text)
    try:
        return "".join(_chunk_text(chunk) for chunk, _ in decode_header(value))
    except Exception:  # pragma: no cover - defensive: email.header on a Header it built
        return ""


def _chunk_text(chunk: bytes | str) -> str:
    raw = chunk if isinstance(chunk, bytes) else chunk.encode("utf-8", "surrogateescape")
    return _unescape_8bit(raw.decode("ascii", "surrogateescape"))


def _has_escapes(value: str) -> bool:
    return _ESCAPED.search(value) is not None


def _unescape_8bit(value: str) -> str:
    """Raw 8-bit header bytes (kept as surrogates by the parser): UTF-8, else Latin-1."""
    raw = value.encode("utf-8", "surrogateescape")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def _collect(
    node: email.message.Message, parts: list[Part], problems: list[str], depth: int
) -> None:
    if len(parts) >= MAX_PARTS or depth > MAX_DEPTH:
        if "MIME tree too large: rest ignored" not in problems:
            problems.append("MIME tree too large: rest ignored")
        return
    payload = _payload(node)
    if node.get_content_type() == "message/rfc822" and isinstance(payload, list) and payload:
        parts.append(_attached_message(payload[0], _filename(node), problems, depth))
        return
    if node.is_multipart():
        for child in payload if isinstance(payload, list) else []:
            _collect(child, parts, problems, depth + 1)
        return
    if node.get_content_maintype() == "multipart" and isinstance(payload, str):
        _rescue(payload, parts, problems, depth)
        return
    parts.append(_leaf(node, problems))


def _payload(node: email.message.Message) -> object:
    try:
        return node.get_payload()
    except Exception:  # the stdlib decodes 8-bit payloads with the declared charset, and fails
        return None


def _attached_message(
    node: email.message.Message, filename: str, problems: list[str], depth: int
) -> Part:
    """A message forwarded as an attachment: listed, and its text kept as a forward."""
    name = filename or "forwarded-message.eml"
    inner: list[Part] = []
    _collect(node, inner, problems, depth + 1)
    headers = [(k, _header_text(v)) for k, v in node.items()]
    attached = build_email(headers, inner)
    shown = {k.lower(): v for k, v in reversed(headers)}
    head = [
        f"{k}: {shown[k.lower()]}"
        for k in ("From", "Date", "Subject", "To", "Cc")
        if k.lower() in shown
    ]
    text = "\n".join([_FORWARD_BANNER, *head, "", attached.text])
    return Part("message/rfc822", name, text, len(text))


def forwarded_part(raw: bytes, filename: str) -> Part:
    """A `message/rfc822` part given as bytes (Gmail API) read like an attached message."""
    problems: list[str] = []
    try:
        node = _message(raw)
    except Exception:  # pragma: no cover - defensive: stdlib parser bugs must not escape
        return Part("message/rfc822", filename or "forwarded-message.eml", None, len(raw))
    return _attached_message(node, filename, problems, 0)


def _rescue(body: str, parts: list[Part], problems: list[str], depth: int) -> None:
    """A multipart whose declared boundary never appears: use the one the body has."""
    problems.append("multipart boundary not found: read from the body")
    found = _BOUNDARY_LINE.search(body)
    if found is None:
        parts.append(Part("text/plain", text=body, size=len(body)))
        return
    head = f'Content-Type: multipart/mixed; boundary="{found.group(1)}"\n\n'
    repaired = email.message_from_string(head + body, policy=policy.compat32)
    if repaired.is_multipart():
        _collect(repaired, parts, problems, depth + 1)
    else:
        parts.append(Part("text/plain", text=body, size=len(body)))


def _leaf(node: email.message.Message, problems: list[str]) -> Part:
    mime = (node.get_content_type() or "text/plain").lower()
    filename = _filename(node)
    disposition = str(node.get("Content-Disposition", "")).lower()
    try:
        decoded = _huge_base64_text(node, mime, filename) or node.get_payload(decode=True)
    except Exception:  # pragma: no cover - defensive: not seen even in fuzzing
        decoded = None
    data = decoded if isinstance(decoded, bytes) else b""
    text = None
    if mime.startswith("text/") and not filename:
        text = decode_text(data, node.get_content_charset(), problems)
    inline = disposition.startswith("inline") and mime.startswith("image/")
    return Part(mime, filename, text, len(data), inline)


def _huge_base64_text(node: email.message.Message, mime: str, filename: str) -> bytes | None:
    """The first `_MAX_BASE64_TEXT` characters of a huge base64 text body, decoded.

    Only the first `MAX_TEXT` characters of a body are analysed (assemble.py), and the
    stdlib decodes the whole payload line by line (~50 ms for 5 MB); this prefix decodes
    to more text than is analysed, in any charset. Smaller bodies: None (the stdlib's).
    """
    payload = node.get_payload()
    if (
        not isinstance(payload, str)
        or len(payload) <= _MAX_BASE64_TEXT
        or not mime.startswith("text/")
        or filename
        or str(node.get("Content-Transfer-Encoding", "")).strip().lower() != "base64"
    ):
        return None
    prefix = payload[:_MAX_BASE64_TEXT].encode("ascii", "ignore")  # base64 is ASCII
    compact = prefix.translate(None, b" \t\r\n")
    try:
        return binascii.a2b_base64(compact[: len(compact) - len(compact) % 4])
    except binascii.Error:
        return None  # odd characters in it: the stdlib's lenient decoding, whole


def _filename(node: email.message.Message) -> str:
    try:
        name = node.get_filename() or ""  # also reads Content-Type's name=
    except Exception:  # RFC 2231 damage: 'filename*;filename*0' raises TypeError
        return "attachment"
    return decode_words(name)


def decode_text(data: bytes, charset: str | None, problems: list[str]) -> str:
    """Bytes of a text part into str: declared charset, then UTF-8, then Latin-1."""
    declared = _CHARSET_ALIASES.get((charset or "").lower(), charset or "utf-8")
    for candidate in (declared, "utf-8"):
        try:
            return data.decode(candidate)
        except (LookupError, UnicodeError, ValueError):  # unknown, wrong or NUL-ridden charset
            continue
    problems.append(f"text not in its declared charset {charset or 'none'}: read as Latin-1")
    return data.decode("latin-1")

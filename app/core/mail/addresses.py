"""Address headers into `Address` values, tolerant of real-world damage (pure).

Uses the standard library's `email.utils.getaddresses` and `email.header` decoders;
display names are recovered from Exchange-style `X-From`/`X-To` headers and, as a
last resort, from the address's local part ("sue.park@" -> "Sue Park").
"""

from __future__ import annotations

import re
from email.header import decode_header, make_header
from email.utils import getaddresses

from app.core.model import Address

_EMAIL_RE = re.compile(r"^[^@\s<>,;]+@[^@\s<>,;]+$")
_ENCODED_WORD = re.compile(r"=\?[^?\s]*\?[bBqQ]\?[^?\s]*\?=")
_LEGACY_X500 = re.compile(r"</?O=[^>]*>?", re.IGNORECASE)
_QUOTES = "\"'`"
_SIMPLE_ITEM = re.compile(
    r'\s*(?:"(?P<quoted>[^"\\]*)"\s*|(?P<plain>[^",;<>@()\\\[\]:]*?)\s*)'
    r"<(?P<angle>[^<>\s\"@,;()\\\[\]:]+@[^<>\s\"@,;()\\\[\]:]+|)>\s*"
    r'|\s*(?P<bare>[^\s",;<>()\\\[\]:@]+@[^\s",;<>()\\\[\]:@]+)\s*'
)
_NAME_PAREN_ADDRESS = re.compile(r'([^,;()<>"@]+?)\s*\(([^()\s<>"]+@[^()\s<>"]+)\)')
_GROUP = re.compile(r'^\s*[^:<>@"]*:\s*;?\s*$')
# Exchange prints "Mills, Cheryl <cm@x>" unquoted; quote it so the comma stays inside.
_LAST_FIRST = re.compile(r'(^|[,;]\s*)([^\s,;<>"@]+),\s*([^,;<>"@]+?)\s*(<[^<>]+@[^<>]+>)')
_X500_SPLIT = re.compile(r"</?O=[^>]*>?\s*,?", re.IGNORECASE)
_LOCAL_SPLIT = re.compile(r"[._-]+")
_COMMA_NAME = re.compile(r"([^,]+),\s*([^,]+)")
_MAX_ADDRESSES = 500  # thousands of recipients are capped: nobody introduces 500 people
_MAX_HEADER = 50_000  # characters of an address header read (500 addresses fit easily)


def decode_words(value: str) -> str:
    """Decode RFC 2047 encoded words; a damaged word stays as written, the rest decode."""
    if "=?" not in value:
        return " ".join(value.split())  # whitespace runs to one space, ends trimmed
    decoded = _decoded(value)
    if decoded is None:  # one bad word: decode the words one by one
        decoded = _ENCODED_WORD.sub(lambda m: _decoded(m.group(0)) or m.group(0), value)
    return " ".join(decoded.split())


def _decoded(value: str) -> str | None:
    try:
        return str(make_header(decode_header(value)))
    except Exception:  # email.header raises many kinds on hostile words (base64, charsets)
        return None


# Direction embeddings, overrides and isolates: in a name shown on a card they reorder
# the text that follows it. Right-to-left names need none of them (the marks U+200E and
# U+200F, which reorder nothing past themselves, stay).
_DIRECTION_CONTROLS = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A)])


def clean_name(name: str) -> str:
    """Tidy a display name: decoded, unquoted, direction controls dropped, 'Last, First'
    kept as written."""
    name = decode_words(name)
    if not name.isascii():
        name = name.translate(_DIRECTION_CONTROLS)
    name = name.strip().strip(_QUOTES).strip()
    if "<" in name:  # every regex here needs a "<" (they are the slow part of reading)
        name = _LEGACY_X500.sub("", name).strip()
    if "@" in name and _EMAIL_RE.match(name):
        return ""
    return name


def parse_addresses(value: str) -> tuple[Address, ...]:
    """All mailboxes in a header value such as `To:`; never raises."""
    if not value or not value.strip():
        return ()
    value = value[:_MAX_HEADER]
    decoded = decode_words(value) if "=?" in value else value
    if "@" not in decoded and "<" not in decoded:
        return _bare_names(decoded)
    pairs = _simple_pairs(decoded)
    if pairs is None:
        quoted = _LAST_FIRST.sub(r'\1"\3 \2" \4', decoded)
        # Exchange's "Last, First <a@x>" is a plain list once quoted: no need for the stdlib.
        pairs = (_simple_pairs(quoted) if quoted != decoded else None) or getaddresses([quoted])
    return _mailboxes(pairs)


def _mailboxes(pairs: list[tuple[str, str]]) -> tuple[Address, ...]:
    found: list[Address] = []
    for name, addr in pairs[:_MAX_ADDRESSES]:
        email = addr.strip().strip(_QUOTES).lower()
        if email and not _EMAIL_RE.match(email):
            if not name:
                name, email = email, ""
            else:
                email = ""
        display = clean_name(name)
        if display or email:
            found.append(Address(display, email))
    return tuple(found)


def _simple_pairs(value: str) -> list[tuple[str, str]] | None:
    """(name, address) pairs of a plain list ("Sue <s@x>, j@y"); None for anything odd.

    The standard library's parser handles every corner of RFC 5322 but costs a
    tenth of a millisecond per header; most headers need none of that.
    """
    pairs: list[tuple[str, str]] = []
    pos, end = 0, len(value)
    while pos < end and len(pairs) < _MAX_ADDRESSES:
        match = _SIMPLE_ITEM.match(value, pos)
        if match is None:
            return None
        name = match.group("quoted") or match.group("plain") or ""
        pairs.append((name.strip(), match.group("angle") or match.group("bare") or ""))
        pos = match.end()
        if pos < end and value[pos] != ",":
            return None
        pos += 1
    return pairs


def _bare_names(value: str) -> tuple[Address, ...]:
    """Names printed without addresses ("Sue Park; Joe Brandt", "Park, Sue")."""
    found: list[Address] = []
    value = _GROUP.sub("", value)  # "undisclosed-recipients:;" names nobody
    for group in value.split(";")[:_MAX_ADDRESSES]:
        parts = [clean_name(p) for p in group.split(",")]
        parts = [p for p in parts if p]
        if len(parts) == 2 and _last_first(parts[0], parts[1]):
            parts = [f"{parts[1]} {parts[0]}"]  # "Park, Sue" is one person
        found.extend(Address(p, "") for p in parts)
    return tuple(found)


def _last_first(last: str, first: str) -> bool:
    """ "Park" + "Sue" or "Balderston" + "Kris M." read as one name, written last first."""
    given = first.split()
    initial = len(given) == 2 and len(given[1].strip(".")) == 1
    return len(last.split()) == 1 and (len(given) == 1 or initial)


def names_from_legacy(value: str) -> tuple[str, ...]:
    """Display names from Exchange `X-To:`-style headers ("Dasovich, Jeff </O=...>, ...")."""
    if not value.strip():
        return ()
    cleaned = decode_words(value)
    if "<" in cleaned:
        cleaned = _LEGACY_X500.sub("", cleaned)
    if "(" in cleaned:  # the pattern needs one; it costs more than the rest when run
        cleaned = _NAME_PAREN_ADDRESS.sub(r'"\1" <\2>', cleaned)  # "Art Shaw (art@x.com)"
    if "<" in cleaned or "@" in cleaned:
        return tuple(a.name or a.email for a in parse_addresses(cleaned))
    # Without angle brackets commas are ambiguous ("Last, First"); one name per
    # X500 group is the reliable split, so we split on the original markers.
    parts = [p for p in (_X500_SPLIT.split(value) if "<" in value else [value]) if p.strip()]
    return tuple(clean_name(p.strip().strip(",")) for p in parts)


def name_from_email(email: str) -> str:
    """Guess a display name from an address's local part ("sue.park@x" -> "Sue Park")."""
    local = email.split("@", 1)[0]
    pieces = [p for p in _LOCAL_SPLIT.split(local) if p.isalpha() and len(p) > 1]
    if not 1 < len(pieces) <= 3:
        return ""
    return " ".join(p.capitalize() for p in pieces)


def with_names(addresses: tuple[Address, ...], names: tuple[str, ...]) -> tuple[Address, ...]:
    """Fill missing display names from a parallel list (X-To) or the address itself."""
    result = []
    use_parallel = len(names) == len(addresses)
    for i, addr in enumerate(addresses):
        name = addr.name
        if not name and use_parallel and "@" not in names[i]:
            name = names[i]
        if not name and addr.email:
            name = name_from_email(addr.email)
        result.append(Address(normalize_display(name), addr.email))
    return tuple(result)


def normalize_display(name: str) -> str:
    """'Park, Sue' -> 'Sue Park'; 'PARK, SUE' -> 'Sue Park'; other names unchanged."""
    name = name.strip()
    match = _COMMA_NAME.fullmatch(name) if "," in name else None
    if match and len(match.group(1).split()) <= 2 and len(match.group(2).split()) <= 2:
        last, first = match.group(1).strip(), match.group(2).strip()
        name = f"{first} {last}"
    if name.isupper() and len(name) > 3:
        name = name.title()
    return name

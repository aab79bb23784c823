"""Earlier messages quoted inside a reply or a forward, read back into `Email`s (pure).

A reply often carries the introduction only as quoted history; this recovers the
quoted messages one after the other (Outlook header blocks, "On ... wrote:" lines,
"> " quoting, forwarded-message banners) so the detector can find the introduction
a thread started with. Quoted headers are often partial (a Gmail attribution line
names only the sender; Outlook prints names without addresses), so people are
completed from the participants of the message that quotes them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from app.core.mail.addresses import parse_addresses, with_names
from app.core.mail.body import split_body
from app.core.mail.names import matches
from app.core.model import Address, Email

_BANNER = re.compile(
    r"^\s*(?:-{2,}\s*(?:original message|forwarded message|forwarded by|message d'origine|"
    r"ursprüngliche nachricht|mensaje original|messaggio originale|mensagem original|"
    r"oorspronkelijk bericht)[^\n]*|original message|forwarded message|"
    r"begin forwarded message:?|_{10,})\s*$",
    re.IGNORECASE,
)
_HEADER = re.compile(
    r"^\s*\*?(from|to|cc|subject|sent|date|de|von|an|à|para|objet|asunto|betreff|envoyé|"
    r"enviado|gesendet|da|a|oggetto|inviato|van|aan|onderwerp|verzonden|assunto)\*?\s*:\s*(.*)$",
    re.IGNORECASE,
)
_FIELDS = {"de": "from", "von": "from", "an": "to", "à": "to", "para": "to", "objet": "subject"}
_FIELDS |= {"asunto": "subject", "betreff": "subject", "da": "from", "a": "to"}
_FIELDS |= {"oggetto": "subject", "van": "from", "aan": "to", "onderwerp": "subject"}
_FIELDS |= {"assunto": "subject"}
_ON_LINE = re.compile(r"^\s*(?:on|am|le|el|em|il|op)\s", re.IGNORECASE)
_WROTE = re.compile(
    r"^\s*(?:on|am|le|el|em|il|op)\s(?P<head>.{0,240}?)\s*"
    r"(?:\bwrote|\bwrites|schrieb|a écrit|escribió|escreveu|ha scritto|schreef)"
    r"\s*(?P<tail>[^:]{0,120}):\s*$",
    re.IGNORECASE,
)
_ANGLE = re.compile(r"<(?P<addr>[^<>\s]+@[^<>\s]+)>|\[mailto:(?P<mailto>[^\]\s]+)\]")
_TIME_OR_YEAR = re.compile(
    r"\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?\b)?(?:\s*(?:uhr|h)\b)?|\b\d{4}\b", re.IGNORECASE
)
_LOTUS = re.compile(
    r"^\s*(?P<who>.{1,160}?)\s+on \d{1,2}/\d{1,2}/\d{2,4}\s+"
    r"\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AP]M)?\s*$",
    re.IGNORECASE,
)
# Lotus Notes addresses: "Greta Holm/HOU/ACME@ACME" is Greta Holm.
_LOTUS_ADDRESS = re.compile(r"([^,;/@<>\n]+?)\s*/[^,;@<>\s]+@[^,;<>\s]+")
_LOTUS_DOMAIN = re.compile(r"@[A-Za-z][\w-]*\b(?![.\w])")
_EMAILS_ONLY = re.compile(r"^[\s,;]*(?:[^\s@,;<>]+@[^\s@,;<>]+\.[^\s@,;<>]+[\s,;]*)+$")
_AT = re.compile(r"^\s*(?:at|um|à|a las)\s+", re.IGNORECASE)
_ONE_MARKER = re.compile(r"^\s*> ?")
# A quoted message without its own Subject line had the reply's subject less one "Re:".
_ONE_REPLY_PREFIX = re.compile(r"^\s*(?:re|aw|sv|r|rif|antw|res)\s*:\s*", re.IGNORECASE)
_MAILTO = re.compile(r"\[mailto:([^\]\s]+)\]")
_MAX_BLOCKS = 10
_MAX_QUOTED = 200_000
_MAX_HEAD = 16


@dataclass(frozen=True, slots=True)
class QuotedMessage:
    """One message read from quoted history; `forwarded` when it came in a forward."""

    email: Email
    forwarded: bool


def quoted_messages(email: Email) -> tuple[QuotedMessage, ...]:
    """The messages quoted in `email`, newest first."""
    return tuple(each_quoted(email))


def each_quoted(email: Email) -> Iterator[QuotedMessage]:
    """`quoted_messages` one at a time: a caller that stops early reads no older blocks."""
    text = email.quoted_text[:_MAX_QUOTED]
    people = _participants(email)
    for _ in range(_MAX_BLOCKS):
        if not text.strip():
            return
        message, rest = _read_block(text, email, people)
        yield message
        people = _learn(people, message.email)
        if len(rest) >= len(text):
            rest = text.split("\n", 1)[1] if "\n" in text else ""  # always make progress
        text = rest


def _read_block(text: str, outer: Email, people: tuple[Address, ...]) -> tuple[QuotedMessage, str]:
    lines = text.split("\n")
    fields, forwarded, start = _read_head(lines)
    body = _unquote(lines[start:])
    split = split_body("\n".join(body))
    sender = _complete(_first(fields.get("from", "")), people)
    others = tuple(p for p in people if not sender or not _same(p, sender))
    cc = _complete_all(_people(fields.get("cc", "")), people)
    message = Email(
        subject=fields.get("subject", _ONE_REPLY_PREFIX.sub("", outer.subject, count=1)),
        sender=sender,
        to=_recipients(fields.get("to"), people, others, cc),
        cc=cc,
        text="\n".join(body),
        new_text=split.own,
        quoted_text=split.quoted,
        signature=split.signature,
        headers_present=bool(fields),
        problems=("read from quoted history",),
    )
    return QuotedMessage(message, forwarded), split.quoted


def _recipients(
    value: str | None,
    people: tuple[Address, ...],
    others: tuple[Address, ...],
    cc: tuple[Address, ...],
) -> tuple[Address, ...]:
    """The quoted To, completed; when it is missing or names someone we cannot place
    (redacted, garbled), the thread's other participants stand in for it."""
    listed = _complete_all(_people(value), people) if value is not None else ()
    if listed and all(a.email for a in listed):
        return listed
    known = [a for a in listed if a.email]
    rest = [p for p in others if not any(_same(p, a) for a in (*known, *cc))]
    return tuple(known + rest)


def _read_head(lines: list[str]) -> tuple[dict[str, str], bool, int]:
    """Banner, attribution and header lines at the top of a block, and where the body starts."""
    fields: dict[str, str] = {}
    forwarded, start, last = False, 0, ""
    for i, line in enumerate(lines[:_MAX_HEAD]):
        if not line.strip():
            continue
        if not fields and _BANNER.match(line):
            forwarded, start = forwarded or "forward" in line.lower(), i + 1
            continue
        wrote = _attribution(lines, i) if not fields else None
        if wrote:
            fields["from"], start = wrote
            break
        lotus = None if fields else _LOTUS.match(line)
        if lotus:
            fields["from"], start, last = lotus.group("who").strip(), i + 1, "from"
            continue
        header = _HEADER.match(line)
        if header is None and last in ("to", "cc") and _continues(line, fields[last]):
            fields[last], start = f"{fields[last]} {line.strip()}", i + 1
            continue
        if header is None:
            break
        last = _FIELDS.get(header.group(1).lower(), header.group(1).lower())
        fields.setdefault(last, header.group(2).strip())
        start = i + 1
    return fields, forwarded, start


def _continues(line: str, value: str) -> bool:
    """A folded address list: an indented line, or one after a trailing separator."""
    return line[:1] in (" ", "\t") or value.rstrip().endswith((",", ";"))


def _attribution(lines: list[str], i: int) -> tuple[str, int] | None:
    """ "On <date>, Maya Chen <maya@x> wrote:" (possibly wrapped onto two lines)."""
    line = lines[i]
    if not _ON_LINE.match(line):
        return None
    match = _WROTE.match(line)
    end = i + 1
    if match is None and i + 1 < len(lines):
        match = _WROTE.match(line.rstrip() + " " + lines[i + 1].strip())
        end = i + 2
    if match is None:
        return None
    head = match.group("head") + " " + match.group("tail")
    angle = _ANGLE.search(head)
    name = _TIME_OR_YEAR.split(head[: angle.start()] if angle else head)[-1]
    name = name.split(",")[-1] if "," in name else name
    name = _AT.sub("", name.strip(" ,-\t"))
    address = (angle.group("addr") or angle.group("mailto")) if angle else ""
    return f'"{name.strip()}" <{address}>' if address else name.strip(), end


def _unquote(lines: list[str]) -> list[str]:
    """Drop one level of "> " quoting when the block's body is quoted that way."""
    first = next((line for line in lines if line.strip()), "")
    if not first.lstrip().startswith(">"):
        return lines
    return [_ONE_MARKER.sub("", line) for line in lines]


def _learn(people: tuple[Address, ...], message: Email) -> tuple[Address, ...]:
    """Participants known so far, plus those an older message names with an address.

    A handle-like name ("sradelet") gives way to a real one ("Steve Radelet").
    """
    known = list(people)
    first: dict[str, int] = {}  # where each address first appears in `known`
    for i, p in enumerate(known):
        first.setdefault(p.email, i)
    for person in _participants(message):
        same = first.get(person.email)
        if same is None:
            first[person.email] = len(known)
            known.append(person)
        elif _is_handle(known[same]) and not _is_handle(person):
            known[same] = person
    return tuple(known)


def _is_handle(person: Address) -> bool:
    return not person.name or person.name.lower() == person.email.split("@", 1)[0]


def _participants(email: Email) -> tuple[Address, ...]:
    people = ((email.sender,) if email.sender else ()) + email.to + email.cc + email.bcc
    return tuple(p for p in people if p.email)


def _complete(person: Address | None, people: tuple[Address, ...]) -> Address | None:
    """A quoted "Ravi Menon" without address becomes the participant of that name."""
    if person is None or person.email or not person.name:
        return person
    found = [p for p in people if matches(person.name, p)]
    return replace(person, email=found[0].email) if len(found) == 1 else person


def _complete_all(found: tuple[Address, ...], people: tuple[Address, ...]) -> tuple[Address, ...]:
    return tuple(p for a in found if (p := _complete(a, people)) is not None)


def _same(a: Address, b: Address) -> bool:
    if a.email and b.email:
        return a.email == b.email
    return bool(b.name) and matches(b.name, a)


def _people(value: str) -> tuple[Address, ...]:
    # Outlook prints "Last, First; Last2, First2": semicolons separate people there.
    if ";" in value:
        return tuple(a for part in value.split(";") for a in _people(part))
    value = _MAILTO.sub(r" <\1>", value)
    value = _LOTUS_ADDRESS.sub(r"\1", value)
    if "@" in value and "<" not in value and not _EMAILS_ONLY.match(value):
        value = _LOTUS_DOMAIN.sub("", value)  # "Bea Novak@ACME": a Notes name, no address
    return with_names(parse_addresses(value), ())


def _first(value: str) -> Address | None:
    found = _people(value)
    return found[0] if found else None

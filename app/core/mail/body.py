"""Split a message's own words from quoted history and its signature (pure).

Hand-written rather than quotequail/mail-parser-reply: those libraries cut at the
first reply header only, miss the Outlook/Exchange header blocks (`From: / Sent:`)
and OCR'd "Original Message" banners common in real archives, and cost more per
message than our ~1 ms budget allows. The rules here are line-based and linear.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Lines that open quoted or forwarded history by themselves, as one alternation (one
# regex call per line). "From:" lines and "> " quoting need context: see `_starts_quote`.
_QUOTE_LINE = re.compile(
    "|".join(
        f"(?:{p})"
        for p in (
            r"^\s*-{2,}\s*(original message|forwarded message|original|message d'origine)\s*-*\s*$",
            r"^\s*-{2,}\s*forwarded by .*$",
            r"^\s*-+\s*(forwarded|original) (message|e-?mail).*$",
            r"^\s*(original message|forwarded message)\s*$",
            r"^\s*begin forwarded message:?\s*$",
            r"^\s*_{10,}\s*$",
            r"^\s*on .{0,200}\b(wrote|writes|schrieb|a écrit|escribió|scrisse|skrev)\s*:\s*$",
            r"^\s*am .{0,120} schrieb .{0,120}:\s*$",
            r"^\s*le .{0,120} a écrit\s*:\s*$",
            r"^\s*el .{0,120} escribió\s*:\s*$",
            r"^\s*em .{0,160} escreveu\s*:\s*$",
            r"^\s*il .{0,160} ha scritto\s*:\s*$",
            r"^\s*op .{0,160} schreef .{0,120}:\s*$",
            r"^\s*op .{0,160} heeft .{0,120} geschreven\s*:\s*$",
            r"^\s*-{2,}\s*(ursprüngliche nachricht|mensaje original|messaggio originale|"
            r"mensagem original|oorspronkelijk bericht|doorgestuurd bericht|"
            r"mensaje reenviado|messaggio inoltrato|mensagem encaminhada|"
            r"weitergeleitete nachricht|message transféré)\s*-*\s*$",
        )
    ),
    re.IGNORECASE,
)
# Lines that can open quoted history (a superset of what `_starts_quote` accepts), and
# lines that can start a signature: found by one regex pass instead of a loop per line.
_CANDIDATE = re.compile(
    r"^[^\S\n]*(?:\*?(?:from|de|von|da|van):|(?:on|am|le|el|em|il|op)\s|[>_*-]|"
    r"original message|forwarded message|"
    r"begin forwarded)",
    re.MULTILINE,
)
_LOTUS_CANDIDATE = re.compile(r"on \d")  # a plain literal prefix: far faster than r"\bon \d+/"
_SIGNATURE_CANDIDATE = re.compile(r"^[^\S\n]*(?:--|__|—|sent |get outlook)", re.MULTILINE)
_QUOTED_LINE = re.compile(r"^[^\S\n]*>", re.MULTILINE)
_OPENERS = frozenset("-ofb_aleio")  # first letters of the lines _QUOTE_LINE can match
_WROTE_TAIL = re.compile(
    r"\b(wrote|writes|schrieb|a écrit|escribió|escreveu|ha scritto|schreef|geschreven)\s*:\s*$",
    re.IGNORECASE,
)
_ON_HEAD = re.compile(r"^\s*(on|am|le|el|em|il|op)\s", re.IGNORECASE)
# Outlook header labels in the seven languages (Sent/Enviado/Gesendet/Envoyé/Inviato/Verzonden...)
_HEADER_LINE = re.compile(
    r"^\s*\*?(sent|to|cc|subject|date|de|envoyé|à|objet|enviado|enviada em|para|asunto|assunto|"
    r"fecha|data|gesendet|an|betreff|datum|inviato|a|oggetto|verzonden|aan|onderwerp)\*?\s*:",
    re.I,
)
_LOTUS_HEAD = re.compile(
    r"^.{0,160}\bon \d{1,2}/\d{1,2}/\d{2,4}\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AP]M)?\s*$", re.I
)
_TO_LINE = re.compile(r"^\s*to:", re.IGNORECASE)
# Lotus Notes, as Enron's archives print it: "Tom Albers@ENRON" (or "Mary Fisk/HOU/ECT@ECT")
# on one line, the date on the next, then To:/cc:/Subject:.
_NOTES_CANDIDATE = re.compile(r"@[a-z][\w-]{1,24}[^\S\n]*\n[^\S\n]*\d{1,2}/\d{1,2}/\d{2,4}\s")
_NOTES_NAME = re.compile(r"^\s*[^\s@>][^@\n]{0,80}@[a-z][\w-]{1,24}\s*$", re.IGNORECASE)
_NOTES_DATE = re.compile(
    r"^\s*\d{1,2}/\d{1,2}/\d{2,4}\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AP]M)?\s*$", re.IGNORECASE
)
# A legal footer: a paragraph that says it is confidential and speaks to whoever received
# it by mistake, in the seven languages (a rule of *, =, _ or - around it goes with it).
_CONFIDENTIAL = re.compile(
    r"confidential|privileged|proprietary|confidencial|confidentiel|vertraulich|riservat|"
    r"vertrouwelijk|sigilos",
    re.IGNORECASE,
)
_ADDRESSEE = re.compile(
    r"recipient|addressee|named person|in error|by mistake|sole use|destinat|empfänger|adressat|"
    r"irrtümlich|por error|par erreur|per errore|por engano|geadresseerde|bestemd voor|"
    r"ten onrechte|abusievelijk",
    re.IGNORECASE,
)
# Characters of one legal-footer paragraph at most: the longest notices run to a few
# hundred words; a longer paragraph is the writer's own (and is not scanned).
_MAX_FOOTER = 4000
_RULE = re.compile(r"^\s*[*=_~-]{5,}\s*$")
_FORWARD_HINT = re.compile(r"forward|begin forwarded|fwd", re.IGNORECASE)
_SIGNOFF = re.compile(
    r"^\s*(best|best regards|best wishes|all the best|kind regards|warm regards|warmly|regards|"
    r"thanks|thank you|thanks again|many thanks|thx|cheers|sincerely|yours|yours truly|"
    r"yours sincerely|talk soon|take care|love|ciao|saludos|cordialement|viele grüße|"
    r"mit freundlichen grüßen|un saludo|abrazos|atentamente|bien à vous|grüße)\s*[,.!]*\s*$",
    re.IGNORECASE,
)
_SIG_DELIM = re.compile(r"^\s*(--|__|—)\s*$|^--\s?$")
_MOBILE = re.compile(
    r"^\s*(?:sent from my \w+|get outlook for|sent (?:via|from|using|with) .{0,60}"
    r"(?:blackberry|iphone|ipad|android|mobile|phone|device|wireless))",
    re.IGNORECASE,
)
_SIGNATURE_LINES = 10  # name, title, company, phones, links: more is a message, not a signature
_SIGNATURE_WIDTH = 80
_MARKERS = re.compile(r"^(\s*>)+ ?")
_MAX_LINES = 20_000  # a longer body is read up to here; the rest counts as quoted history


@dataclass(frozen=True, slots=True)
class Split:
    """The three parts of a body: own words, signature, quoted or forwarded history."""

    own: str
    signature: str
    quoted: str
    forwarded: bool


def split_body(text: str) -> Split:
    """Split a plain-text body into own words, signature and quoted history."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    cut = _quote_start(lines[:_MAX_LINES])
    body, signature = _own_and_signature(lines, cut)
    # A "> " line kept as own words because own words followed it, which the signature
    # then took, opens the quote after all: settle it so a second split changes nothing.
    while _QUOTED_LINE.search("\n".join(body)):
        again = _quote_start(body)
        if again >= len(body):
            break
        cut = again
        body, signature = _own_and_signature(lines, cut)
    quoted_lines = lines[cut:]
    forwarded = any(_FORWARD_HINT.search(line) for line in quoted_lines[:3])
    return Split(
        own="\n".join(body).strip(),
        signature="\n".join(signature).strip(),
        quoted="\n".join(quoted_lines).strip(),
        forwarded=forwarded,
    )


def _own_and_signature(lines: list[str], cut: int) -> tuple[list[str], list[str]]:
    """The own words above `cut` and the signature, a legal footer counted with it."""
    end = _disclaimer_start(lines, cut)
    body, signature = _split_signature(lines[:end])
    return body, signature + lines[end:cut]


def _disclaimer_start(lines: list[str], cut: int) -> int:
    """Where the legal footers at the end of `lines[:cut]` start (`cut` when there are none):
    paragraphs, from the bottom up, that are rules or confidentiality notices."""
    start, i = cut, cut
    while i > 0:
        while i > 0 and not lines[i - 1].strip():
            i -= 1
        top = i
        while top > 0 and lines[top - 1].strip():
            top -= 1
        if top == 0:
            break  # the whole message is never a footer
        if sum(len(x) for x in lines[top:i]) > _MAX_FOOTER:
            break  # a paragraph this long is prose, and a scan of it costs
        text = " ".join(x for x in lines[top:i] if not _RULE.match(x))
        if text and not (_CONFIDENTIAL.search(text) and _ADDRESSEE.search(text)):
            break
        if text:
            start = top
        i = top
    return start


def _quote_start(lines: list[str]) -> int:
    """The first line that opens quoted history (regexes find the few candidates)."""
    # Lower-cased once so the patterns are case-sensitive (and fast); lower() keeps every
    # newline, so line numbers counted here are those of `lines`.
    text = "\n".join(lines).lower()
    starts = {m.start() for m in _CANDIDATE.finditer(text)}
    starts |= {text.rfind("\n", 0, m.start()) + 1 for m in _LOTUS_CANDIDATE.finditer(text)}
    starts |= {text.rfind("\n", 0, m.start()) + 1 for m in _NOTES_CANDIDATE.finditer(text)}
    line_no, offset = 0, 0
    for start in sorted(starts):
        line_no += text.count("\n", offset, start)
        offset = start
        if lines[line_no].strip() and _starts_quote(lines, line_no):
            return line_no
    return len(lines)


def _starts_quote(lines: list[str], i: int) -> bool:
    line = lines[i]
    head = line.lstrip()[:6].lower()
    first = head[:1]  # cheap tests first: most lines open nothing
    if head.startswith(("from:", "*from:", "de:", "*de:", "von:", "*von:", "da:", "*da:", "van:")):
        # A From: line opens quoted history only when header lines follow it.
        following = [x for x in lines[i + 1 : i + 6] if x.strip()]
        return sum(bool(_HEADER_LINE.match(x)) for x in following) >= 1
    if _wrapped_attribution(lines, i, first):
        joined = line + " " + lines[i + 1]  # Gmail wraps long attribution lines
        return bool(_WROTE_TAIL.search(joined) or _QUOTE_LINE.match(line))
    if "/" in line and _LOTUS_HEAD.match(line):
        # Lotus Notes: "Jane Doe@ACME on 04/02/2025 05:30 PM" then a To: line.
        return any(_TO_LINE.match(x) for x in lines[i + 1 : i + 4])
    if "@" in line and i + 2 < len(lines) and _NOTES_DATE.match(lines[i + 1]):
        # Lotus Notes: "Tom Albers@ENRON", the date on the next line, then a To: line.
        notes = _NOTES_NAME.match(line) is not None
        return notes and any(_TO_LINE.match(x) for x in lines[i + 2 : i + 5])
    if first == ">":
        # One stray ">" line in the middle of prose is not a quote block; one
        # followed only by a closing ("Best, Sue") or by nothing is.
        nxt = next((x for x in lines[i + 1 : i + 3] if x.strip()), ">")
        return nxt.strip().startswith(">") or _no_own_words_after(lines, i)
    return first in _OPENERS and _QUOTE_LINE.match(line) is not None


def _wrapped_attribution(lines: list[str], i: int, first: str) -> bool:
    """ "On <date> <name>" whose "wrote:" may be on the next line."""
    line = lines[i]
    return (
        first in "oale"
        and i + 1 < len(lines)
        and _ON_HEAD.match(line) is not None
        and not _WROTE_TAIL.search(line)
    )


def _split_signature(lines: list[str]) -> tuple[list[str], list[str]]:
    cut = len(lines)
    text = "\n".join(lines).lower()  # newlines kept: line numbers stay those of `lines`
    i, offset = 0, 0
    for match in _SIGNATURE_CANDIDATE.finditer(text):
        i += text.count("\n", offset, match.start())
        offset = match.start()
        if _SIG_DELIM.match(lines[i]) or _MOBILE.match(lines[i]):
            cut = i
            break
    cut = _sign_off_start(lines, cut)
    return lines[:cut], lines[cut:]


def _sign_off_start(lines: list[str], cut: int) -> int:
    """Where a closing ("Best," + a short name block) starts above `cut`.

    Walks up from the end; each sign-off with text above it and at most
    `_SIGNATURE_LINES` short lines below it moves the cut up. Stopping once more
    lines than that lie between makes splitting the own words again a no-op.
    """
    seen = 0
    for i in range(cut - 1, -1, -1):
        line = lines[i]
        if not line.strip():
            continue
        if _SIGNOFF.match(line) and any(x.strip() for x in lines[:i]):
            cut, seen = i, 0
            continue
        seen += 1
        if seen > _SIGNATURE_LINES or _is_prose(line):
            break
    return cut


def _is_prose(line: str) -> bool:
    """A long line, or a sentence of five words or more: message text, not a signature."""
    stripped = line.strip()
    return len(line) > _SIGNATURE_WIDTH or (
        len(stripped.split()) >= 5 and stripped.endswith((".", "!", "?", ":"))
    )


def _no_own_words_after(lines: list[str], i: int) -> bool:
    """After line i: nothing, more quoted history, a signature, or a sign-off block."""
    rest = [line for line in lines[i + 1 :] if line.strip()]
    if not rest or _SIG_DELIM.match(rest[0]) or _MOBILE.match(rest[0]):
        return True
    following = next(j for j in range(i + 1, len(lines)) if lines[j].strip())
    if not rest[0].lstrip().startswith(">") and _starts_quote(lines, following):
        return True
    short = len(rest) <= _SIGNATURE_LINES + 1 and not any(_is_prose(x) for x in rest)
    return short and _SIGNOFF.match(rest[0]) is not None


def strip_quote_markers(text: str) -> str:
    """Remove leading "> " markers from quoted lines."""
    return "\n".join(_MARKERS.sub("", line) for line in text.split("\n"))

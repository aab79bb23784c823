"""Double opt-in drafts for a request for an introduction (pure).

Someone asked the user "could you introduce me to Sue?". Etiquette says: ask Sue first.
Two drafts come out of the request, in its language (`optin.json`, one block per
language, our own phrasing):

- `ask`: a new message (no threading) to the person to be introduced, asking whether
  they are open to it, with a forwardable blurb about the requester: the requester's
  own sentences saying who they are and why they want to meet, quoted;
- `reply`: a short threaded reply to the requester saying the user will ask first.

The blurb is drawn by general signals, per language: a sentence of the sender's own
text in the first person (`self` words), not a question, not addressed to the reader
(`you` words), not the request itself (its evidence phrases), not a pleasantry
(`skip`), at least four words long. Nothing is invented: with no such sentence the
draft says the requester would like to meet and leaves the rest to the user.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

from app.core.mail import first_name
from app.core.model import Address, Email, IntroRequest
from app.core.reply.suggestion import ReplySuggestion
from app.core.text import split_sentences

MAX_BLURB_SENTENCES = 3
MAX_BLURB_CHARS = 420
MIN_BLURB_WORDS = 4
_MAX_SCAN = 8_000
_MAX_TARGET_WORDS = 4
_WORD = re.compile(r"[\w']+")
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,253}\.[A-Za-z]{2,24}")
_QUOTED = re.compile(r"“([^”]+)”")
_RE_PREFIX = re.compile(r"^\s*(re|aw|r|sv|antw|rif|res)\s*:", re.IGNORECASE)
_NOT_NAMES = frozenset({"someone", "anyone", "somebody", "anybody", "the", "a", "an", "your"})


@dataclass(frozen=True, slots=True)
class OptInDrafts:
    """The two drafts a request calls for, and the blurb drawn from it."""

    ask: ReplySuggestion  # to the person to be introduced: a new message
    reply: ReplySuggestion  # to the requester: threaded under the request
    blurb: str  # the requester's own words ("" when the request gives none)
    language: str


@dataclass(frozen=True, slots=True)
class _Phrasing:
    texts: dict[str, str]
    self_words: tuple[str, ...]
    you_words: frozenset[str]
    skip: tuple[str, ...]
    quotes: tuple[str, str]


@cache
def _phrasing(language: str, tone: str = "warm") -> _Phrasing:
    data = json.loads(resources.files("app.core.reply").joinpath("optin.json").read_text("utf-8"))
    block = data.get(language) or data["en"]
    quotes = block.get("quotes", ["“", "”"])
    texts = {k: v for k, v in block.items() if isinstance(v, str)}
    if tone == "formal":
        texts.update(block.get("formal", {}))
    return _Phrasing(
        texts,
        tuple(_fold(w) for w in block.get("self", [])),
        frozenset(_fold(w) for w in block.get("you", [])),
        tuple(_fold(w) for w in block.get("skip", [])),
        (quotes[0], quotes[1]),
    )


def languages() -> tuple[str, ...]:
    """The languages the drafts are written in."""
    data = json.loads(resources.files("app.core.reply").joinpath("optin.json").read_text("utf-8"))
    return tuple(k for k in data if not k.startswith("_"))


def _fold(text: str) -> str:
    lowered = text.lower().replace("’", "'")
    decomposed = unicodedata.normalize("NFKD", lowered)
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def _has_word(words: list[str], entries: tuple[str, ...] | frozenset[str]) -> bool:
    for entry in entries:
        if entry.endswith("*"):
            if any(w.startswith(entry[:-1]) for w in words):
                return True
        elif entry in words:
            return True
    return False


def requester_blurb(request: IntroRequest, source: Email) -> str:
    """The requester's own sentences about who they are and why they want to meet."""
    phrasing = _phrasing(request.language)
    asked = [_fold(m) for line in request.evidence for m in _QUOTED.findall(line)]
    picked: list[str] = []
    for sentence in split_sentences(source.new_text[:_MAX_SCAN]):
        text = " ".join(sentence.text.split())
        folded = _fold(text)
        words = _WORD.findall(folded)
        if len(words) < MIN_BLURB_WORDS or "?" in text:
            continue
        if any(a and a in folded for a in asked) or any(s in folded for s in phrasing.skip):
            continue
        if _has_word(words, phrasing.you_words) or not _has_word(words, phrasing.self_words):
            continue
        if sum(len(p) + 1 for p in picked) + len(text) > MAX_BLURB_CHARS:
            break
        picked.append(text)
        if len(picked) >= MAX_BLURB_SENTENCES:
            break
    return " ".join(picked)


def target_name(request: IntroRequest) -> str:
    """The target as a person's name to greet: the leading run of capitalised words of
    the target as written ("Luis Ferreira" of "Luis Ferreira at Ferreira Labs"), or ""
    for a role or a company ("someone at Mahou"). A single capitalised word counts
    except in German, which capitalises every noun ("Designerin")."""
    run: list[str] = []
    for word in request.target.split():
        bare = word.strip(".,;:!?()\"'")
        if not bare[:1].isupper() or bare.lower() in _NOT_NAMES:
            break
        run.append(bare)
    if not run or len(run) > _MAX_TARGET_WORDS or (len(run) == 1 and request.language == "de"):
        return ""
    return " ".join(run)


def target_address(request: IntroRequest, source: Email, me: str = "") -> str:
    """An address the request gives for the person to be introduced, else ""."""
    known = {me.lower(), request.requester.email.lower()}
    known |= {a.email.lower() for a in source.recipients}
    for match in _EMAIL.finditer(source.new_text[:_MAX_SCAN]):
        address = match.group().strip(".").lower()
        if address not in known:
            return address
    return ""


def opt_in_drafts(
    request: IntroRequest,
    source: Email,
    user: Address,
    target: Address,
    *,
    ask_body: str = "",
    reply_body: str = "",
    tone: str = "warm",
    sign_off: str = "",
) -> OptInDrafts:
    """The note asking `target` first, and the reply telling the requester so.

    Args:
        request: the recognised request (its language picks the phrasing).
        source: the message that asked (for threading the reply and for the blurb).
        user: who signs (the user's name, else the greeting is unsigned).
        target: the person to be introduced (the address may still be empty).
        ask_body, reply_body: the user's own text for either draft, kept as written.
        tone: "warm" (informal you, first names) or "formal" (polite you, full names).
        sign_off: the user's own sign-off (else the language's for the tone).
    """
    phrasing = _phrasing(request.language, tone)
    texts = phrasing.texts
    requester = request.requester.name or request.requester.email or ""
    requester_first = first_name(requester) or requester
    named = target.name or target_name(request)
    blurb = requester_blurb(request, source)
    formal = tone == "formal"
    signature = [
        sign_off or texts["sign_off"],
        (user.name if formal else "") or first_name(user.name) or user.name,
    ]
    values = {"requester": requester, "requester_first": requester_first}
    greet = first_name(named) if named else ""
    paragraphs = [
        texts["greet_named"].format(name=greet, full=named) if greet else texts["greet_anyone"],
        texts["opening"].format(**values),
    ]
    if blurb:
        opening, closing = phrasing.quotes
        paragraphs += [texts["blurb_lead"].format(**values), f"{opening}{blurb}{closing}"]
    else:
        paragraphs.append(texts["no_blurb"].format(**values))
    paragraphs += [
        texts["question"],
        texts["no_pressure"].format(**values),
        "\n".join(s for s in signature if s),
    ]
    ask = _suggestion(
        to=(Address(named, target.email),),
        subject=texts["subject"].format(**values),
        paragraphs=_own(ask_body) or paragraphs,
        reasons=(
            "A new message to the person to be introduced: ask before you introduce.",
            "The requester's own words are quoted, so the note can be forwarded as is.",
        ),
    )
    said_target = named if formal else first_name(named) or named
    reply_line = texts["reply_named"].format(target=said_target) if named else texts["reply_anyone"]
    greet_requester = texts["greet_named"].format(name=requester_first, full=requester)
    reply_paragraphs = [
        greet_requester if requester_first else "",
        reply_line,
        "\n".join(s for s in signature if s),
    ]
    subject = source.subject.strip()
    if not _RE_PREFIX.match(subject):
        subject = f"{texts['reply_prefix']}{subject}".strip()
    refs = tuple(dict.fromkeys([*source.references, source.message_id]))
    reply = _suggestion(
        to=(Address(request.requester.name, request.requester.email),),
        subject=subject,
        paragraphs=_own(reply_body) or [p for p in reply_paragraphs if p],
        reasons=("A short reply to the requester: you will ask first.",),
        in_reply_to=source.message_id,
        references=tuple(r for r in refs if r),
    )
    return OptInDrafts(
        ask, reply, blurb, request.language if request.language in languages() else "en"
    )


def _own(text: str) -> list[str]:
    """The user's edited text, as paragraphs (empty: keep ours)."""
    return [p.strip() for p in text.strip().split("\n\n") if p.strip()]


def _suggestion(
    *,
    to: tuple[Address, ...],
    subject: str,
    paragraphs: list[str],
    reasons: tuple[str, ...],
    in_reply_to: str = "",
    references: tuple[str, ...] = (),
) -> ReplySuggestion:
    body = "\n\n".join(paragraphs)
    markup = "".join(f"<p>{html.escape(p).replace(chr(10), '<br>')}</p>" for p in paragraphs)
    return ReplySuggestion(to, (), subject, in_reply_to, references, body, markup, reasons)


__all__ = ["OptInDrafts", "opt_in_drafts", "requester_blurb", "target_address", "target_name"]

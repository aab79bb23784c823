"""The mood of a request: an imperative, a modal with a verb of doing, the writer as the
one who benefits (pure).

Features of the ask model (`ask_model`), read from `ask_mood.json` (seven languages):

- `m:imp`: the sentence, or its main clause after a short opening ("Carlos -", "Hi Ana,",
  "If that date doesn't work,"), opens with a verb of doing something for someone,
  optionally after a please word ("Please book it", "Schick mir bitte", "Merci de
  m'envoyer"); `m:imp+please` when a please word is there too;
- `m:modal`: a "could you" form (`ask_forms.json`, `modal_you`) that names the reader or
  opens its clause, followed by such a verb ("could you resend", "kannst du mir ...
  schicken", "pourriez-vous m'envoyer");
- `+me` on either when the writer benefits: a word of the writer after the verb ("send
  me", "book my flight", "mándame", "fammi").

None decides alone: each is one more weighed feature. Reading the package's own data
file at import is like importing a module.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib import resources

from app.core.intro.lexicon import fold

_ITEMS = re.compile(r"\w+|[,:;!?]|\s[-–—]+\s|--+")
_WORD = re.compile(r"\w+")
_SEPARATOR = frozenset({",", ":", ";", "!"})
_OPENING_WORDS = 8  # a vocative or a leading clause is short
_MODAL_REACH = 8  # "kannst du mir bitte das Deck von gestern schicken"
_MODAL_CHARS = 120  # the words of that reach, generously
_YOU = frozenset({"you", "u", "ya", "ye"})  # "do you", "can you": a question, not a command
_ATTACHED_ME = ("me", "mi", "nos", "ci", "mir")  # "mándame", "fammi", "dinos"


@dataclass(frozen=True, slots=True)
class _Lexicon:
    """`ask_mood.json`, folded and split into words."""

    act: frozenset[str]
    act_prefixes: tuple[str, ...]
    act_pairs: frozenset[tuple[str, str]]
    me: frozenset[str]
    greetings: frozenset[str]
    please: dict[str, tuple[tuple[str, ...], ...]]  # by first word, longest first
    clitics: frozenset[str]
    you: frozenset[str]


def _words(entry: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(fold(entry)))


def _load() -> _Lexicon:
    raw = resources.files("app.core.checks").joinpath("ask_mood.json").read_text("utf-8")
    data = json.loads(raw)
    act = [fold(e) for e in data["act"]]
    return _Lexicon(
        act=frozenset(e for e in act if " " not in e and not e.endswith("*")),
        act_prefixes=tuple(sorted(e[:-1] for e in act if e.endswith("*"))),
        act_pairs=frozenset((w[0], w[1]) for w in map(_words, act) if len(w) == 2),
        me=frozenset(fold(w) for w in data["me"]),
        greetings=frozenset(_words(w)[0] for w in data["greeting"]),
        please=_by_first_word({_words(w) for w in data["please"]}),
        clitics=frozenset(fold(w) for w in data["clitic"]),
        you=frozenset(fold(w) for w in data["you"]),
    )


def _by_first_word(forms: set[tuple[str, ...]]) -> dict[str, tuple[tuple[str, ...], ...]]:
    found: dict[str, list[tuple[str, ...]]] = {}
    for form in sorted(forms, key=len, reverse=True):
        found.setdefault(form[0], []).append(form)
    return {first: tuple(group) for first, group in found.items()}


_LEX = _load()


def _is_act(words: list[str], i: int) -> bool:
    """A verb of doing something for someone at `i` (one word, or two: "set up")."""
    word = words[i]
    following = words[i + 1] if i + 1 < len(words) else ""
    if following in _YOU or (word == "let" and following == "s"):
        return False  # "do you know", "let's meet": a question or a proposal
    if word in _LEX.act or (word, following) in _LEX.act_pairs:
        return True
    return word.startswith(_LEX.act_prefixes)


def _benefits_writer(words: list[str], verb: int) -> bool:
    """A word of the writer in the request ("send me", "kannst du mir", "pourriez-vous
    m'envoyer"), or a pronoun attached to its verb ("mándame", "fammi")."""
    word = words[verb]
    if any(word.endswith(s) and len(word) > len(s) + 2 for s in _ATTACHED_ME):
        return True
    return any(w in _LEX.me for w in words)


def _please_at(words: list[str], i: int) -> int:
    """How many words a please form at `i` takes (0: none)."""
    for form in _LEX.please.get(words[i], ()):
        if tuple(words[i : i + len(form)]) == form:
            return len(form)
    return 0


def _skip_please(words: list[str], i: int) -> int:
    """Past please forms and then one object pronoun ("please", "merci de m'", "bitte")."""
    start = i
    while i < len(words) and (taken := _please_at(words, i)):
        i += taken
    if i > start and i + 1 < len(words) and words[i] in _LEX.clitics:
        i += 1
    return i


def _openings(items: list[str]) -> list[int]:
    """Where a command may start (indices of words): the first word, and the first word
    after a short opening (a vocative, a greeting, a leading clause) ended by a separator."""
    for index, item in enumerate(items[: _OPENING_WORDS + 1]):
        if item in _SEPARATOR or not item[:1].isalnum():
            return [0, index] if index else [0]
    return [0]


def _imperative(words: list[str], items: list[str], please: bool) -> list[str]:
    for start in _openings(items):
        i = _skip_please(words, start + (start < len(words) and words[start] in _LEX.greetings))
        if i < len(words) and _is_act(words, i):
            found = ["m:imp"]
            found += ["m:imp+please"] if please else []
            found += ["m:imp+me"] if _benefits_writer(words[start:], i - start) else []
            return found
    return []


def _modal(
    text: str, words: list[str], items: list[str], modals: list[tuple[int, int]]
) -> list[str]:
    """A "could you" form with a verb of doing after it; the form must name the reader
    ("could you", "kannst du") or open its clause ("Poderia me enviar …"): "uma conversa
    curta poderia ajudar" is a third person."""
    openings = set()
    for start in _openings(items):
        openings |= {
            start,
            _skip_please(words, start + (start < len(words) and words[start] in _LEX.greetings)),
        }
    for start, end in modals:
        form = _WORD.findall(text[start:end])
        if not (_LEX.you.intersection(form) or len(_WORD.findall(text[:start])) in openings):
            continue
        rest = _WORD.findall(text[end : end + _MODAL_CHARS])[:_MODAL_REACH]
        verb = next((k for k in range(len(rest)) if _is_act(rest, k)), None)
        if verb is not None:
            return ["m:modal", "m:modal+me"] if _benefits_writer(rest, verb) else ["m:modal"]
    return []


def mood_features(text: str, modals: list[tuple[int, int]]) -> list[str]:
    """The mood features of a folded sentence; `modals`: where its "could you" forms
    start and end (character offsets in `text`)."""
    items = [i.strip() for i in _ITEMS.findall(text)]
    words = [i for i in items if i[:1].isalnum()]
    please = any(_please_at(words, i) for i, w in enumerate(words) if w in _LEX.please)
    return _imperative(words, items, please) + _modal(text, words, items, modals)

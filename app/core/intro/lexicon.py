"""Per-language lexicons of introduction language, compiled once (pure).

The phrases live in data files, one per language (`lexicon/<lang>.json`, written
and reviewed by fluent readers), never in branches through the code. Each category
("connect", "handoff", "request", ...) becomes one regular expression over folded
text (`fold`: lower case, accents removed, one space for any white space).

Entry syntax: words separated by spaces, matched at word boundaries; `word*`
matches any word starting with `word`; `_` is a slot of one to three words (a
name); `@` a name or one of the language's personal pronouns (`pronouns`: "so she
is aware", "zodat hij op de hoogte is", which a slot never takes since pronouns
are function words); `...` a gap of up to four words. Reading the package's own data files at
import is like importing a module: no mail, network, clock or randomness.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from importlib import resources

LANGUAGES = ("en", "es", "de", "fr", "pt", "it", "nl")
CATEGORIES = (
    "connect", "mutual", "handoff", "capable", "take_it", "reach_out", "self_contact",
    "meet_verbs", "self_intro", "request", "offer", "scheduling", "meet_writer", "announcement",
    "product", "after_fact", "thanks_intro", "fyi",
)  # fmt: skip
# A slot word: a word, or a title or initial with its period ("dr.", "j."); never a
# word carrying other punctuation, so a slot does not run on past a sentence or clause.
_SLOT_WORD = r"(?:(?:dr|mr|mrs|ms|mx|prof|sr|st|[a-z])\.|[\w'-]+)"
_SLOT = rf"{_SLOT_WORD}(?: {_SLOT_WORD}){{0,2}}"
_GAP = r"(?:[^\s]+ ){0,4}"
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})


def fold(text: str) -> str:
    """Lower case, accents removed, typographic apostrophes plain, white space single."""
    lowered = text.lower()
    if lowered.isascii():  # O(1) in CPython; most mail: no call for it (fold is hot)
        if "`" in lowered:
            lowered = lowered.replace("`", "'")
    else:
        lowered = _plain(lowered)
    return " ".join(lowered.split())  # str.split and re's \s both split on str.isspace


def _plain(lowered: str) -> str:
    """Accents removed, apostrophes plain; white space left as it is."""
    if lowered.isascii():
        return lowered.replace("`", "'") if "`" in lowered else lowered
    decomposed = unicodedata.normalize("NFKD", lowered.translate(_APOSTROPHES))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_WORD_PIECE = re.compile(r"[\w']")


def fold_mapped(text: str, *, words_only: bool = False) -> tuple[str, list[int]]:
    """`fold(text)` and, for each of its characters, the index in `text` it came from.

    With `words_only`, anything but a word character or an apostrophe counts as white
    space too (the folded form phrase patterns are matched on when punctuation must not
    matter). A match in the folded text maps back to the original through the list.
    """
    chars: list[str] = []
    origin: list[int] = []
    space = True  # no leading space
    for index, char in enumerate(text):
        for piece in _plain(char.lower()):  # "¨" is a space and a mark: one space
            if piece.isspace() or (words_only and _WORD_PIECE.match(piece) is None):
                if space:
                    continue
                piece, space = " ", True
            else:
                space = False
            chars.append(piece)
            origin.append(index)
    if chars and chars[-1] == " ":
        chars.pop()
        origin.pop()
    return "".join(chars), origin


_TOKEN = re.compile(r"[\w']+")


class LazyPattern:
    """A regular expression compiled the first time it is used.

    A language's lexicon holds hundreds of entries and most are never tried on a given
    message (the gate finds where one can start); compiling them all at import cost
    about a second of every cold start. Keyword-gated cues and vetoes are compiled the
    same way: most never meet their keyword in a process's first messages.
    """

    __slots__ = ("_compiled", "flags", "source")

    def __init__(self, source: str, flags: int = 0) -> None:
        self.source = source
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def pattern(self) -> str:
        """The source, as `re.Pattern.pattern`."""
        return self.source

    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (compiled now if it was not yet)."""
        if self._compiled is None:
            self._compiled = re.compile(self.source, self.flags)
        return self._compiled

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        """`re.Pattern.match`."""
        return self.compiled().match(text, pos)

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        """`re.Pattern.search`."""
        return self.compiled().search(text, pos)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """`re.Pattern.finditer`."""
        return self.compiled().finditer(text)

    def sub(self, repl: str | Callable[[re.Match[str]], str], text: str) -> str:
        """`re.Pattern.sub`."""
        return self.compiled().sub(repl, text)


_PREFIX_KEY = 3  # a word-prefix entry ("introduc*") is looked up by its first letters
Candidates = tuple[tuple[LazyPattern, tuple[str, ...]], ...]


def trie_pattern(words: list[str]) -> str:
    """One regular expression for a set of words, factored by shared prefixes.

    `re` tries an alternation's branches one by one; a trie tries one branch per
    letter, so a text is scanned at the cost of its words, not of the lexicon's size.
    """
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
    branches = [re.escape(c) + _trie_regex(child) for c, child in sorted(node.items()) if c]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


@dataclass(frozen=True, slots=True)
class Matcher:
    """Every entry of a language, found by its first word, then its first two.

    A trie pattern of the entries' first words or first two words (`gate`) finds, in C,
    the few places an entry can start; there only the entries keyed by that word (and
    the next) are tried. Word-prefix entries ("introduc*") are keyed by their first letters.
    """

    gate: re.Pattern[str]
    by_word: dict[str, Candidates]
    by_pair: dict[tuple[str, str], Candidates]
    by_prefix: dict[str, tuple[tuple[str, LazyPattern, tuple[str, ...]], ...]]
    rest: Candidates

    def scan(self, text: str) -> list[tuple[int, str, str]]:
        """(offset, category, words) for each entry found in a folded text."""
        found: list[tuple[int, str, str]] = []
        for gate in self.gate.finditer(text):
            start = gate.start()
            token = _TOKEN.match(text, start).group()  # type: ignore[union-attr]
            for pattern, categories in self.by_word.get(token, ()):
                _add_match(found, pattern.match(text, start), categories)
            end = start + len(token)
            following = _TOKEN.match(text, end + 1) if text[end : end + 1] == " " else None
            if following is not None:
                pair = (token, following.group())
                for pattern, categories in self.by_pair.get(pair, ()):
                    _add_match(found, pattern.match(text, start), categories)
            for prefix, pattern, categories in self.by_prefix.get(token[:_PREFIX_KEY], ()):
                if token.startswith(prefix):
                    _add_match(found, pattern.match(text, start), categories)
        for pattern, categories in self.rest:
            for match in pattern.finditer(text):
                _add_match(found, match, categories)
        return found


def _add_match(
    found: list[tuple[int, str, str]], match: re.Match[str] | None, categories: tuple[str, ...]
) -> None:
    if match is not None and (match.end() == len(match.string) or _ends_word(match)):
        found.extend((match.start(), category, match.group()) for category in categories)


def _ends_word(match: re.Match[str]) -> bool:
    after = match.string[match.end()]
    return not (after.isalnum() or after == "_")


def _word_lead(token: str) -> str:
    """The word a literal token starts with, when punctuation follows it in the token
    ("indicar" of "indicar-me", "gracias" of "gracias,"); "" for anything else."""
    lead = _TOKEN.match(token) if _literal(token) else None
    return lead.group() if lead is not None and "_" not in lead.group() else ""


def _literal(token: str) -> bool:
    return token not in ("_", "@", "...") and not token.endswith("*")


def matcher_for(
    found: dict[str, list[str]],
    stopwords: frozenset[str] = frozenset(),
    pronouns: frozenset[str] = frozenset(),
) -> Matcher:
    """A `Matcher` over entries by category (`found`); slots take no word of `stopwords`,
    and a `@` takes a slot or one of `pronouns`."""
    slot = _slot(stopwords)
    who = _who(slot, pronouns)
    owners: dict[str, list[str]] = {}
    for category, entries in found.items():
        for entry in entries:
            key = fold(entry)
            if key and category not in owners.setdefault(key, []):
                owners[key].append(category)
    by_word: dict[str, list[tuple[LazyPattern, tuple[str, ...]]]] = {}
    by_pair: dict[tuple[str, str], list[tuple[LazyPattern, tuple[str, ...]]]] = {}
    by_prefix: dict[str, list[tuple[str, LazyPattern, tuple[str, ...]]]] = {}
    rest = []
    for entry, categories in owners.items():
        pattern, owned = LazyPattern(_entry(entry, slot, who)), tuple(categories)
        tokens = entry.split(" ")
        first = tokens[0]
        if first.endswith("*") and _TOKEN.fullmatch(first[:-1]) and len(first) > _PREFIX_KEY:
            by_prefix.setdefault(first[:_PREFIX_KEY], []).append((first[:-1], pattern, owned))
        elif _literal(first) and _TOKEN.fullmatch(first):
            if len(tokens) > 1 and _literal(tokens[1]) and _TOKEN.fullmatch(tokens[1]):
                by_pair.setdefault((first, tokens[1]), []).append((pattern, owned))
            else:
                by_word.setdefault(first, []).append((pattern, owned))
        elif lead := _word_lead(first):
            # "indicar-me", "permettez-moi", "gracias, _": found where their first word
            # starts, not by a scan of the whole text per entry.
            by_word.setdefault(lead, []).append((pattern, owned))
        else:
            boundary = r"(?<!\w)" if entry[:1].isalnum() or entry[:1] == "_" else ""
            rest.append((LazyPattern(boundary + _entry(entry, slot, who)), owned))
    # The gate holds an entry's first word, or its first two when it is keyed by both:
    # "you two" does not stop at every "you".
    firsts = sorted({*by_word, *(f"{a} {b}" for a, b in by_pair)})
    prefixes = sorted({p for group in by_prefix.values() for p, _, _ in group})
    parts = [f"(?:{trie_pattern(prefixes)})[\\w']*"] if prefixes else []
    parts += [trie_pattern(firsts)] if firsts else []
    return Matcher(
        # Zero width: entries that overlap ("i'm copying", "copying _ who") are all tried.
        re.compile(rf"(?<![\w'])(?=(?:{'|'.join(parts) or '(?!)'})(?![\w']))"),
        {k: tuple(v) for k, v in by_word.items()},
        {k: tuple(v) for k, v in by_pair.items()},
        {k: tuple(v) for k, v in by_prefix.items()},
        tuple(rest),
    )


@dataclass(frozen=True, slots=True)
class Lexicon:
    """One language's compiled categories, greetings, description words and stop words."""

    language: str
    categories: frozenset[str]
    matcher: LazyMatcher
    greetings: frozenset[str]
    describe: frozenset[str]
    subject: re.Pattern[str] | None
    stopwords: frozenset[str]
    # "the team is …", "está formado por …" (folded) and the words a list of names is
    # joined with ("and", articles): see `team`.
    team: tuple[str, ...] = ()
    team_joiners: frozenset[str] = frozenset()
    # Words that thank someone ("thanks", "vielen dank"), folded: see `replied`.
    thanks: tuple[str, ...] = ()
    # Every word of the categories' entries (folded): words of the trade, not names.
    words: frozenset[str] = frozenset()


class LazyMatcher:
    """A language's `Matcher`, built the first time a text is scanned with it.

    English mail is scanned with the English lexicon alone, so a process whose first
    messages are English never builds the six others' matchers (part of every cold start).
    Two threads racing to build it build the same matcher twice; either may be kept.
    """

    __slots__ = ("_build", "_matcher")

    def __init__(self, build: Callable[[], Matcher]) -> None:
        self._build = build
        self._matcher: Matcher | None = None

    def scan(self, text: str) -> list[tuple[int, str, str]]:
        """`Matcher.scan`."""
        if self._matcher is None:
            self._matcher = self._build()
        return self._matcher.scan(text)


def _slot(stopwords: frozenset[str]) -> str:
    """One to three words, none of them a function word of the language ("please call
    _" names someone: "please call Sue", not "please call if you have questions")."""
    if not stopwords:
        return _SLOT
    stop = "|".join(sorted((re.escape(w) for w in stopwords), key=len, reverse=True))
    word = rf"(?!(?:{stop})(?![\w'-]))(?=[\w'-]|(?:dr|mr|mrs|ms|mx|prof|sr|st)\.){_SLOT_WORD}"
    return rf"{word}(?: {word}){{0,2}}"


def _who(slot: str, pronouns: frozenset[str]) -> str:
    """A name (`slot`) or one of the language's personal pronouns."""
    if not pronouns:
        return slot
    words = "|".join(sorted((re.escape(w) for w in pronouns), key=len, reverse=True))
    return rf"(?:(?:{words})(?![\w'-])|{slot})"


def _entry(entry: str, slot: str = _SLOT, who: str | None = None) -> str:
    parts: list[str] = []
    for token in fold(entry).split(" "):
        if token == "...":
            parts.append(_GAP)
        elif token == "@":
            parts.append((slot if who is None else who) + ",? ")
        elif token == "_":
            parts.append(slot + ",? ")  # a name may close its clause: "adding Sue, who"
        elif token.endswith("*") and len(token) > 1:
            parts.append(re.escape(token[:-1]) + r"\w* ")
        else:
            parts.append(re.escape(token) + " ")
    body = "".join(parts)
    return body[:-1] if body.endswith(" ") else body.removesuffix(" ")


def compile_entries(
    entries: list[str], stopwords: frozenset[str] = frozenset()
) -> re.Pattern[str] | None:
    """One pattern for a list of entries, longest first, at word boundaries.

    A slot (`_`) takes no word of `stopwords`, the language's function words.
    """
    slot = _slot(stopwords)
    alternatives = sorted({_entry(e, slot) for e in entries if fold(e)}, key=len, reverse=True)
    if not alternatives:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")


def _contracted(entries: list[str], contractions: dict[str, list[str]]) -> list[str]:
    """The entries, and for each ending in a preposition the forms it takes joined with an
    article (`contractions`, per language): "me permito presentarle a" also reads
    "me permito presentarle al Ing. Castañeda"; "je transmets à" also "je transmets au"."""
    found = list(entries)
    for entry in entries:
        head, _, last = fold(entry).rpartition(" ")
        found += [f"{head} {form}" for form in contractions.get(last, ())] if head else []
    return found


def _load(language: str) -> Lexicon:
    path = resources.files("app.core.intro").joinpath(f"lexicon/{language}.json")
    data = json.loads(path.read_text("utf-8"))
    contractions = {
        fold(k): [fold(v) for v in vs] for k, vs in data.get("contractions", {}).items()
    }
    found = {c: _contracted(e, contractions) for c, e in data.get("categories", {}).items()}
    stopwords = frozenset(fold(w) for w in data.get("stopwords", []))
    pronouns = frozenset(fold(w) for w in data.get("pronouns", []))
    return Lexicon(
        language=language,
        categories=frozenset(c for c in CATEGORIES if found.get(c)),
        matcher=LazyMatcher(
            partial(matcher_for, {c: found.get(c, []) for c in CATEGORIES}, stopwords, pronouns)
        ),
        greetings=frozenset(fold(g) for g in data.get("greetings", [])),
        describe=frozenset(fold(d) for d in found.get("describe", [])),
        subject=compile_entries(found.get("subject", [])),
        stopwords=stopwords,
        team=tuple(fold(e) for e in data.get("team", []) if fold(e)),
        team_joiners=frozenset(fold(w) for w in data.get("team_joiners", [])),
        thanks=tuple(fold(w) for w in data.get("thanks", []) if fold(w)),
        words=frozenset(
            w for c in CATEGORIES for e in found.get(c, []) for w in fold(e).split() if w.isalpha()
        ),
    )


LEXICONS: dict[str, Lexicon] = {language: _load(language) for language in LANGUAGES}

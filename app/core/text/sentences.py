"""Sentences of a draft with their offsets, and word counting (pure).

Mail is hard-wrapped at ~72 columns, so a single line break is not a sentence
end; a paragraph break, a short greeting line ("Hi Sue,"), a bullet or end
punctuation is. Every sentence keeps its `start`/`end` offsets into the text the
user wrote, so a finding can point at exactly the words it is about.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib import resources

from app.core.memo import per_analysis


def word_set(text: str) -> frozenset[str]:
    """The space-separated words of a literal, as a set (word lists stay readable)."""
    return frozenset(text.split())


_APOSTROPHES = (("’", "'"), ("‘", "'"), ("ʼ", "'"), ("`", "'"), ("“", '"'), ("”", '"'))
_PARAGRAPH = re.compile(r"\n[ \t\f\v\r]*\n\s*")
_LINE = re.compile(r"\n")
_END = re.compile(r"(?<=[.!?…])[\"')\]]*\s+")
_BULLET = re.compile(r"\s*(?:[-*•·▪–]|\d{1,2}[.)])\s+")


def _abbreviations() -> frozenset[str]:
    """Every language's abbreviations (`abbreviations.json`), as one set.

    The splitter runs before a text's language is known (detection reads the language
    from the sentences), so a full stop after an abbreviation of any of the seven
    languages is no sentence end; the file keeps out entries that are words ending
    sentences elsewhere.
    """
    raw = resources.files("app.core.text").joinpath("abbreviations.json").read_text("utf-8")
    lexicon: dict[str, list[str]] = json.loads(raw)
    languages = (entries for lang, entries in lexicon.items() if not lang.startswith("_"))
    return frozenset(entry for entries in languages for entry in entries)


_ABBREV = _abbreviations()


def is_abbreviation(word: str) -> bool:
    """Is `word` (lower case, no final full stop) an abbreviation of one of the seven
    languages ("dr", "ing", "sig.ra")? A full stop after it ends no sentence."""
    return word in _ABBREV


_WORD = re.compile(r"[^\W_][\w'’]*")
_LAST_TOKEN = re.compile(r"([\w.]+)[.!?…]+[\"')\]]*$")
_TOKEN_CHARS = frozenset(".!?…\"')]")  # what `_LAST_TOKEN` matches besides word characters


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence (or greeting line, or bullet) and where it sits in the text."""

    start: int
    end: int
    text: str


def normalize(text: str) -> str:
    """Same-length copy with typographic apostrophes and quotes made plain."""
    for typographic, plain in _APOSTROPHES:
        text = text.replace(typographic, plain)
    return text


@per_analysis  # the focus and length checks count every sentence of a draft
def count_words(text: str) -> int:
    """Words as a reader counts them (numbers and contractions count once)."""
    return len(_WORD.findall(text))


def split_sentences(text: str, end: int | None = None) -> tuple[Sentence, ...]:
    """The sentences of `text[:end]`, in order, trimmed, with their offsets."""
    limit = len(text) if end is None else min(end, len(text))
    found: list[Sentence] = []
    for p_start, p_end in _pieces(_PARAGRAPH, text, 0, limit):
        for l_start, l_end in _line_groups(text, p_start, p_end):
            found.extend(_split_line_group(text, l_start, l_end))
    return tuple(found)


def _pieces(pattern: re.Pattern[str], text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    cursor = start
    for match in pattern.finditer(text, start, end):
        spans.append((cursor, match.start()))
        cursor = match.end()
    spans.append((cursor, end))
    return [s for s in spans if text[s[0] : s[1]].strip()]


def _line_groups(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Join wrapped lines; break after greeting-like lines and before bullets."""
    groups: list[tuple[int, int]] = []
    group_start = start
    for line_start, line_end in _pieces(_LINE, text, start, end):
        if line_start > group_start and _breaks_before(text, group_start, line_start, line_end):
            groups.append((group_start, line_start))
            group_start = line_start
    groups.append((group_start, end))
    return groups


def _breaks_before(text: str, group_start: int, line_start: int, line_end: int) -> bool:
    # The last line of text[group_start:line_start].rstrip(), without copying the
    # whole group (which grows line by line: quadratic on long wrapped paragraphs).
    end = line_start
    while end > group_start and text[end - 1].isspace():
        end -= 1
    newline = text.rfind("\n", group_start, end)
    last_line = text[newline + 1 if newline >= 0 else group_start : end].strip()
    if _BULLET.match(text, line_start, line_end):
        return True
    if last_line.endswith((".", "!", "?", ":", ";", "…")):
        return True
    return last_line.endswith(",") and len(last_line.split()) <= 5


def _split_line_group(text: str, start: int, end: int) -> list[Sentence]:
    found: list[Sentence] = []
    cursor = start
    for match in _END.finditer(text, start, end):
        if _is_abbreviation(text, cursor, match.start()):
            continue
        found.extend(_trimmed(text, cursor, match.start()))
        cursor = match.end()
    found.extend(_trimmed(text, cursor, end))
    return found


def _is_abbreviation(text: str, start: int, end: int) -> bool:
    """Does text[start:end] end in an abbreviation ("Dr.", "e.g.", an initial)?

    `_LAST_TOKEN` has no look-behind or \\b, so searching text between pos and
    endpos is the same as searching the slice, without copying it.
    """
    match = _LAST_TOKEN.search(text, _last_run_start(text, start, end), end)
    if not match:
        return False
    token = match.group(1).lower().rstrip(".")
    return token in _ABBREV or (len(token) == 1 and token.isalpha())


def _last_run_start(text: str, start: int, end: int) -> int:
    """Start of the run of characters a `_LAST_TOKEN` match can hold that ends at `end`.

    Such a match holds only word characters and `_TOKEN_CHARS` and ends at `end`
    (`$`), so it lies in this run, and searching from the run's start finds the
    same match as searching from `start`: without it, each abbreviation of a long
    sentence ("Mr. Hahn ... Mr. McCall") rescanned the sentence from its start.
    `$` also matches before a final newline; then the whole range is searched.
    """
    end = min(end, len(text))
    if end <= start or text[end - 1] == "\n":
        return start
    run = end
    while run > start and _is_token_char(text[run - 1]):
        run -= 1
    return run


def _is_token_char(char: str) -> bool:
    # `\w` in `re` is exactly str.isalnum() plus the underscore.
    return char.isalnum() or char == "_" or char in _TOKEN_CHARS


def _trimmed(text: str, start: int, end: int) -> list[Sentence]:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return []
    lead = len(chunk) - len(chunk.lstrip())
    s = start + lead
    return [Sentence(s, s + len(stripped), stripped)]

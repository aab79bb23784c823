"""`self_focus` and `throwaway_offer`: is the reply about the reader or the sender? (pure)

Each sentence is sorted by who it is about: the reader (second person or their
name, pleasantries such as "thank you" and "as you know" not counted), the
sender (first person, or credential talk: "15 years of experience", "our
clients"), or neither. A reply is self-focused when few of its words are about
the reader and several sentences are about the sender, or when it carries a
paragraph of credentials. A closing "let me know if I can ever help you" after
such an email is flagged as a throw-away offer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from app.core.checks.caseless import Caseless
from app.core.checks.finding import Finding
from app.core.checks.reply_words import Said, formal_register, proposes, said
from app.core.checks.structure import is_greeting, is_next_step
from app.core.checks.wordstart import WordStart
from app.core.i18n import N_, NP_
from app.core.memo import per_analysis
from app.core.text.sentences import Sentence, count_words, normalize

# First person. Only searched, so "I'm", "we're" ... need no alternatives of their own
# ("I" is followed by a \b there), and literal alternatives let `re` reject a
# position on its first letter: twice as fast as "[Mm]e|[Mm]y|...".
_FIRST = WordStart(
    r"\b(?:I|me|Me|my|My|mine|Mine|myself|Myself|we|We|us|Us|our|Our|ours|Ours|ourselves"
    r"|Ourselves)\b"
)
# Counted only in sentences that also speak to the reader.
_FIRST_WORDS = re.compile(r"\b(?:I|me|my|mine|myself|we|us|our|ours|ourselves)\b", re.IGNORECASE)
_SECOND = Caseless(
    r"\b(?:you|your|yours|yourself|yourselves|y'all|you're|you've|you'd)\b", needs=("you", "y'all")
)
_PLEASANTRY = Caseless(
    r"\bthank(?:s| you)\b|\bhope (?:this finds )?(?:you|all)\b[^.!?,]{0,25}\bwell\b"
    r"|\bas you (?:know|may know|might know|can imagine|may recall|may have heard)\b"
    r"|\byou may recall\b|\b(?:nice|pleasure|pleased|great|glad|lovely|good|delighted) to "
    r"(?:e-?)?meet you\b|\bif you need to reach me\b|\b(?:hear|hearing) from you\b"
    r"|\b(?:talk|speak|see) (?:to |with )?you soon\b|\blet me know if you have any questions\b",
    needs=("thank", "hope", "you"),
)
_CREDENTIAL_PARTS = (
    r"\b\d+\+? (?:years|decades)\b",
    r"\bexperience (?:in|as|with|leading)\b",
    r"\b(?:my|our) (?:background|experience|expertise|track record|career|credentials|skills"
    r"|clients|firm|company|team|services|approach|product|portfolio|accomplishments)\b",
    r"\b(?:I|we) (?:have |had )?(?:led|managed|built|founded|launched|grew|ran|oversaw"
    r"|spearheaded|delivered|served|spent)\b",
    r"\b(?:MBA|PhD|degree|certified)\b",
    r"\b(?:rated|ranked|award-winning|recognized as)\b",
)
_CREDENTIAL = re.compile("|".join(_CREDENTIAL_PARTS))
# Most sentences hold no credential: one quick word-start search spares them the count.
_ANY_CREDENTIAL = WordStart(*_CREDENTIAL_PARTS)
_THROWAWAY = Caseless(
    r"\b(?:let me know|don't hesitate|do not hesitate|feel free|if there's|if there is|if I can"
    r"|(?:if|should|whenever) you (?:ever )?need)\b[^.!?]{0,60}"
    r"\b(?:anything|any way|anyway|something|help|assist\w*|return the favou?r)\b"
    r"|\b(?:any|some) way (?:I|we) (?:can|could|might) (?:help|return|repay)\b"
    r"|\b(?:return|repay) the favou?r\b|\b(?:I'm|I am) (?:always )?(?:happy|glad) to help\b",
    needs=(
        "let me know",
        "hesitate",
        "feel free",
        "if ",
        "should you",
        "whenever you",
        "way ",
        "the favo",
        "to help",
    ),
)
# An offer that names what it would help with ("help with the Austin meetup") is specific:
# only flagged after an email about the sender.
_SPECIFIC = Caseless(
    r"\b(?:help|assist|hand)\w*(?: you| out)? (?:with|on|for) "
    r"(?!that\b|it\b|anything|something)\w+",
    needs=("help", "assist", "hand"),
)
MIN_WORDS = 50
MAX_READER_SHARE = 0.3
MIN_SELF_SENTENCES = 3


@dataclass(frozen=True, slots=True)
class Focus:
    """Who the body's sentences are about, counted in sentences and words."""

    reader: tuple[Sentence, ...]
    sender: tuple[Sentence, ...]
    neither: tuple[Sentence, ...]
    credentials: int
    words: int = 0
    reader_words: int = 0

    @property
    def reader_share(self) -> float:
        """Share of the words that are about the reader."""
        return self.reader_words / self.words if self.words else 1.0

    @property
    def self_focused(self) -> bool:
        """Mostly about the sender, or carrying a run of credentials."""
        if self.credentials >= 3 and len(self.sender) >= 2:
            return True
        return (
            self.words >= MIN_WORDS
            and self.reader_share < MAX_READER_SHARE
            and len(self.sender) >= MIN_SELF_SENTENCES
        )


def measure_focus(
    sentences: Sequence[Sentence], reader_names: Sequence[str], languages: tuple[str, ...] = ()
) -> Focus:
    """Sort the body's sentences by whom they are about (throw-away offers left out).

    English is read by the patterns here; `languages` adds their reply lexicons.
    """
    names = _names_pattern(reader_names)
    formal = formal_register(" ".join(s.text for s in sentences), languages)
    reader: list[Sentence] = []
    sender: list[Sentence] = []
    neither: list[Sentence] = []
    credentials = words = reader_words = 0
    for sentence in sentences:
        n = count_words(sentence.text)
        if n < 3 or is_greeting(sentence):
            continue
        words += n  # a throw-away offer makes the email longer, not more about the reader
        if is_throwaway(sentence.text, languages):
            continue
        text = _PLEASANTRY.blank(normalize(sentence.text))
        other = said(sentence.text, languages)
        cues = len(_CREDENTIAL.findall(text)) if _ANY_CREDENTIAL.search(text) else 0
        cues += other.credentials
        credentials += cues
        if _about_reader(text, other, formal, names, len(languages) != 1):
            reader.append(sentence)
            reader_words += n
        elif is_next_step(sentence.text, languages) and not cues:
            neither.append(sentence)  # logistics ("I'll call you when I land") is not self-talk
        elif _FIRST.search(text) or other.first_person or cues:
            sender.append(sentence)
        else:
            neither.append(sentence)
    return Focus(tuple(reader), tuple(sender), tuple(neither), credentials, words, reader_words)


def _about_reader(
    text: str, other: Said, formal: bool, names: re.Pattern[str] | None, english: bool
) -> bool:
    """A sentence about the reader: it names them, or puts a question to them, or uses
    the second person at least as often as the first ("so that you know me a little: I
    spent twelve years at ..." is about the sender). In a formal reply "le" / "su" count
    as the second person."""
    if names and _names_reader(text, names):
        return True
    if names and text.rstrip().endswith("?") and _addresses_reader(text, names):
        return True  # "Ing. Rinaldi, come affronterebbe …?": a question put to them by name
    seconds = other.second_words + (other.register_words if formal else 0)
    seconds += _SECOND.count(text) if english else 0
    if not seconds:
        return other.second_person or (not english and _SECOND.search(text))
    if text.rstrip().endswith("?"):
        return True
    firsts = len(_FIRST_WORDS.findall(text)) if english else other.first_words
    return seconds >= firsts


_VOCATIVE_END = re.compile(r"\s*[,:!]")
_VOCATIVE_LEAD = 3  # words before the name: "Hi", "Dear", "Herr Dr.", "Gentile Ing."


def _names_reader(text: str, names: re.Pattern[str]) -> bool:
    """The sentence names the reader, other than as the vocative it opens with: "Marcus,
    I've been designing for two years" speaks to Marcus about the writer, while "Marcus's
    team" or "as Marcus said" is about him."""
    for found in names.finditer(text):
        lead = text[: found.start()].split()
        if len(lead) <= _VOCATIVE_LEAD and _VOCATIVE_END.match(text, found.end()):
            continue
        return True
    return False


def _addresses_reader(text: str, names: re.Pattern[str]) -> bool:
    """The sentence opens by calling the reader by name ("Marcus, …", "Gentile Ing. Rinaldi: …")."""
    for found in names.finditer(text):
        lead = text[: found.start()].split()
        return len(lead) <= _VOCATIVE_LEAD and bool(_VOCATIVE_END.match(text, found.end()))
    return False


def is_throwaway(sentence: str, languages: tuple[str, ...] = ()) -> bool:
    """A generic "let me know if I can ever help" line (English, or one of `languages`).

    A bare "don't hesitate" / "let me know" (the lexicons' ``invite``) counts unless the
    sentence proposes a next step: then it is about that step ("Ik bel je maandag op;
    komt een andere dag beter uit, laat het me gerust weten"), as the English pattern,
    which needs a word of help or "anything", reads it."""
    # `said` reads a sentence once for every category, memoised: the focus measure has
    # already read this one.
    if _is_english_throwaway(sentence):
        return True
    found = said(sentence, languages).categories
    return "throwaway" in found or ("invite" in found and not proposes(sentence, languages))


@per_analysis  # asked by the focus measure and by the throw-away check
def _is_english_throwaway(sentence: str) -> bool:
    return _THROWAWAY.search(normalize(sentence))


def check_self_focus(text: str, focus: Focus, reader: str) -> tuple[Finding, ...]:
    """`self_focus`, pointing at the longest run of sentences about the sender."""
    if not focus.self_focused:
        return ()
    start, end = _longest_sender_run(focus)
    n = len(focus.reader) + len(focus.sender) + len(focus.neither)
    share = round(focus.reader_share * 100)
    mine = len(focus.sender)
    if reader:
        message = NP_(
            "This email is mostly about you: {mine} of {n} sentence is about you or your work, "
            "and only {share}% of the words are about {who}.",
            "This email is mostly about you: {mine} of {n} sentences are about you or your work, "
            "and only {share}% of the words are about {who}.",
            n,
            mine=mine,
            share=share,
            who=reader,
        )
        fix = N_(
            "Cut this to a line at most and spend the words on {who}: what the introducer said "
            "about them and one question about their work.",
            who=reader,
        )
    else:
        message = NP_(
            "This email is mostly about you: {mine} of {n} sentence is about you or your work, "
            "and only {share}% of the words are about the reader.",
            "This email is mostly about you: {mine} of {n} sentences are about you or your work, "
            "and only {share}% of the words are about the reader.",
            n,
            mine=mine,
            share=share,
        )
        fix = N_(
            "Cut this to a line at most and spend the words on the reader: what the introducer "
            "said about them and one question about their work."
        )
    return (Finding("self_focus", "warning", message, start, end, fix, text[start:end]),)


def check_throwaway(
    sentences: Sequence[Sentence], focus: Focus, has_ask: bool, languages: tuple[str, ...] = ()
) -> tuple[Finding, ...]:
    """`throwaway_offer`: a generic "let me know if I can help" offer.

    The offer reads as an afterthought wherever it is; after an email about the
    sender or an ask, the message says so.
    """
    centred = (
        focus.self_focused
        or has_ask
        or (len(focus.sender) >= MIN_SELF_SENTENCES and len(focus.sender) > 2 * len(focus.reader))
    )
    message = (
        N_("After an email about yourself, this generic offer of help reads as an afterthought.")
        if centred
        else N_("A generic offer of help reads as a formula; a specific one shows you listened.")
    )
    return tuple(
        Finding(
            "throwaway_offer",
            "warning",
            message,
            s.start,
            s.end,
            N_(
                "Replace it with one specific, useful thing you can offer them (an article, an "
                "introduction), or drop it."
            ),
            s.text,
        )
        for s in sentences
        if is_throwaway(s.text, languages) and (centred or not _SPECIFIC.search(s.text))
    )


def _longest_sender_run(focus: Focus) -> tuple[int, int]:
    reader_starts = {s.start for s in focus.reader}
    ordered = sorted(focus.reader + focus.sender + focus.neither, key=lambda s: s.start)
    best: tuple[int, int, int] = (0, 0, 0)
    run: list[Sentence] = []
    for sentence in [*ordered, None]:
        if sentence is not None and sentence.start not in reader_starts:
            run.append(sentence)
            continue
        words = sum(count_words(s.text) for s in run)
        if run and words > best[0]:
            best = (words, run[0].start, run[-1].end)
        run = []
    return best[1], best[2]


def _names_pattern(names: Sequence[str]) -> re.Pattern[str] | None:
    usable = sorted({n for n in names if len(n) > 1}, key=len, reverse=True)
    if not usable:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in usable) + r")\b")

"""What an attachment is, from its file name and type: resume, cover letter, portfolio... (pure).

A person sends a document to be read - a PDF, a Word or Pages file, a picture of it - so only
document and image types count: `resume.py`, `cv.html`, `Lebenslauf.tex`, `cv.yml` and a
`Makefile` are code or the source of a resume, not one. The words come from
`resume_lexicon.json` (20 languages, kept as data): words that name the document outright
("Lebenslauf", "hoja de vida", "履歴書", "резюме", "lettre de motivation"); ambiguous words
("cv" is also computer vision, "curriculum" a course plan, "portfolio" investments) that count
only without a course, code or photo word beside them; and context words ("profile",
"background") that count only when the email says so (`needs_context`). "cv" glued after a
person's name counts ("audreycv.pdf"); after anything else it does not ("recv", "opencv").
Spanish `resumen` (a summary) is not `resume`. A template, sample or example
("cv_template.pdf", "plantilla_cv.docx", "Lebenslauf Vorlage.docx", "voorbeeld-cv.jpg") is
nobody's own document; a picture that is an
icon, logo, wireframe or screenshot ("resume-icon.png") is part of a web page. A photo word
("foto", "photo", a camera's "DSC_0042") rules out pictures only: "CV NL Foto.pdf" is a CV with
a photo on it; so does a button's action ("upload-cv.png", "pause_resume.png"). Software about
resumes ("resume-parser", "Bewerbungs-Chatbot") is nobody's own document; "cv" beside results,
scores, a figure or an analysis is cross-validation or a report on a CV. An ambiguous word in a
picture counts only named plainly ("cv.png") or beside a person's name ("portfolio-hero.png" is
a page's asset); "curriculum" beside an acronym ("KCNA_Curriculum.pdf") and an ambiguous word with
only a possessive or an article ("my_curriculum.pdf") need the email; "portfolio" and
"curriculum" are also read glued to another word ("annaportfolio.pdf"). Names are decoded
first (RFC 2047 words; UTF-8 read as Windows-1252), accents folded, and split on separators,
digits and camelCase.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources

from app.core.mail.addresses import decode_words

_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_TOKEN = re.compile(r"[^\W\d_]+")
_MOJIBAKE = re.compile("[ÃÂÐÑØÙ][\u0080-\u00ff\u0152-\u2122 ]")
_GLUED_MIN = 6  # shorter words only match as whole tokens ("cv" is in "recv", "cvpr")
_OWNER_MIN = 3  # "cv" glued after a name: "audreycv"; "recv", "iacv" have no name before it


@dataclass(frozen=True, slots=True)
class NameVerdict:
    """What a file name says the file is, and whether the email must confirm it."""

    kind: str  # "resume", "cover letter", "job application", "portfolio", "background"
    needs_context: bool = False


@dataclass(frozen=True, slots=True)
class _Vetoes:
    """Words that rule a name out: whole tokens, long ones also inside a token, other scripts."""

    tokens: frozenset[str]
    inside: re.Pattern[str] | None
    scripts: tuple[str, ...]

    def found(self, tokens: list[str], lowered: str) -> bool:
        if any(t in self.tokens for t in tokens):
            return True
        if self.inside is not None and any(self.inside.search(t) for t in tokens):
            return True
        return not lowered.isascii() and any(word in lowered for word in self.scripts)


@dataclass(frozen=True, slots=True)
class _Lexicon:
    words: dict[str, str]  # one-token Latin-script words
    phrases: tuple[tuple[tuple[str, ...], str], ...]  # Latin-script phrases, split into tokens
    glued: dict[str, str]  # long words and phrases written without spaces
    glued_re: re.Pattern[str]  # one of them at the start or end of a token
    scripts: tuple[tuple[str, str], ...]  # words matched anywhere (CJK, Cyrillic, ...)
    ambiguous: dict[str, str]
    alone: frozenset[str]  # ambiguous words that, alone in a name, need the email's support
    acronym: frozenset[str]  # ambiguous words that, beside an acronym, name a course plan
    determiners: frozenset[str]  # "my", "il", "mein": they say whose, not what
    glued_ambiguous: re.Pattern[str]  # a long ambiguous word glued to another ("ritikaportfolio")
    context: frozenset[str]
    blockers: frozenset[str]
    not_own: _Vetoes  # templates, samples, examples: any file
    pictures: _Vetoes  # icons, logos, wireframes, screenshots: pictures only
    photos: tuple[str, ...]
    documents: frozenset[str]
    images: frozenset[str]
    sheets: frozenset[str]
    document_mime: tuple[str, ...]


def classify_filename(filename: str, mime_type: str = "") -> NameVerdict | None:
    """The application document this file name names, or None for anything else."""
    stem, ext = _stem_and_ext(readable_name(filename))
    document = ext in _LEX.documents or (not ext and mime_type.startswith(_LEX.document_mime))
    if not (document or ext in _LEX.sheets):
        return None
    folded = fold(stem)
    tokens = _tokens(folded)
    lowered = folded.lower()
    picture = ext in _LEX.images or (not ext and mime_type.startswith("image/"))
    if _LEX.not_own.found(tokens, lowered):
        return None
    if picture and (any(_is_photo(t) for t in tokens) or _LEX.pictures.found(tokens, lowered)):
        return None
    kind = _phrase_kind(tokens) or _glued_kind(tokens)
    if not kind and not folded.isascii():
        kind = _script_kind(lowered)
    if kind:
        return NameVerdict(kind)
    if not document or any(t in _LEX.blockers for t in tokens):
        return None
    if any(_cv_after_a_name(t) for t in tokens):
        return NameVerdict("resume")
    found = _ambiguous_word(tokens)
    if found:
        word, others = found
        if picture and others and not any(_is_person(t) for t in others):
            # "brief_portfolio.png", "fig2_cv_results.png": a picture of a CV is named
            # plainly ("cv.png") or after its owner; beside other words it is a page's asset.
            return None
        # "curriculum.pdf", "portfolio_v2.pdf": the word alone may be a course plan, and so it
        # is beside a programme's acronym ("KCNA_Curriculum.pdf") unless a person is named too.
        alone = word in _LEX.alone and not others
        course = (
            word in _LEX.acronym and _has_acronym(folded) and not any(_is_person(t) for t in others)
        )
        return NameVerdict(_LEX.ambiguous[word], needs_context=alone or course)
    if any(t in _LEX.context for t in tokens):
        return NameVerdict("background", needs_context=True)
    return None


def is_resume_filename(filename: str, mime_type: str = "") -> bool:
    """Does the name alone say this is a resume, CV, cover letter or portfolio?"""
    verdict = classify_filename(filename, mime_type)
    return verdict is not None and not verdict.needs_context


def readable_name(filename: str) -> str:
    """The name as its writer saw it: RFC 2047 words decoded, UTF-8-as-Windows-1252 undone."""
    name = filename.strip().rsplit("/", 1)[-1].rsplit("\\", 1)[-1]
    if "=?" in name:
        name = decode_words(name)
    if _MOJIBAKE.search(name):
        name = _unmangled(name)
    return name


def fold(text: str) -> str:
    """Accents off (résumé = resume, Życiorys = Zyciorys), other scripts kept composed."""
    text = text.replace("ß", "ss").replace("ł", "l").replace("Ł", "L").replace("ı", "i")
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", bare)


def _unmangled(name: str) -> str:
    raw = bytearray()
    for char in name:
        if ord(char) < 256:
            raw.append(ord(char))
            continue
        try:
            raw += char.encode("cp1252")
        except UnicodeEncodeError:
            return name
    # A no-break space (the second byte of "Р", "ѐ"...) is often turned into a plain one.
    fixed = bytes(raw).replace(b"\xd0 ", b"\xd0\xa0").replace(b"\xd1 ", b"\xd1\xa0")
    try:
        return fixed.decode("utf-8")
    except UnicodeDecodeError:
        return name


def _stem_and_ext(name: str) -> tuple[str, str]:
    if "." in name.strip("."):
        stem, ext = name.rsplit(".", 1)
        return stem, ext.lower()
    return name, ""


def _tokens(folded: str) -> list[str]:
    return [t.lower() for t in _TOKEN.findall(_CAMEL.sub(" ", folded))]


def _is_photo(token: str) -> bool:
    return any(token == p or (len(token) > len(p) + 2 and token.endswith(p)) for p in _LEX.photos)


def _cv_after_a_name(token: str) -> bool:
    """ "audreycv", "juliecv": "cv" glued after a person's name (Faker's, loaded on first need)."""
    if not token.endswith("cv") or len(token) < len("cv") + _OWNER_MIN:
        return False
    # Imported here: resume_owner reads this module's helpers at import time.
    from app.core.checks.resume_owner import is_person_name

    return is_person_name(token[: -len("cv")])


def _ambiguous_word(tokens: list[str]) -> tuple[str, list[str]] | None:
    """An ambiguous word ("cv", "portfolio"; a long one also glued to another word, as in
    "ritikaportfolio") and the other words of the name that say something: not an initial,
    not a possessive or an article ("my_curriculum.pdf" is as unclear as "curriculum.pdf")."""
    for i, token in enumerate(tokens):
        if token in _LEX.ambiguous:
            word, rest = token, tokens[:i] + tokens[i + 1 :]
            break
        match = _LEX.glued_ambiguous.search(token)
        if match:
            word = match.group(1) or match.group(2)
            glued = token.replace(word, "", 1)
            if glued in _LEX.blockers:
                continue
            rest = [*tokens[:i], glued, *tokens[i + 1 :]]
            break
    else:
        return None
    return word, [t for t in rest if len(t) > 1 and t not in _LEX.determiners]


def _has_acronym(folded: str) -> bool:
    """An acronym of three capitals or more ("KCNA", "AIML") in a name not all in capitals."""
    words = _TOKEN.findall(folded)
    if not any(w != w.upper() for w in words):
        return False
    return any(len(w) >= 3 and w.isupper() for w in words)


def _is_person(token: str) -> bool:
    """A first or last name (Faker's, loaded on first need)."""
    from app.core.checks.resume_owner import is_person_name

    return is_person_name(token)


def _script_kind(lowered: str) -> str | None:
    return next((kind for word, kind in _LEX.scripts if word in lowered), None)


def _phrase_kind(tokens: list[str]) -> str | None:
    word = next((t for t in tokens if t in _LEX.words), None)
    if word:
        return _LEX.words[word]
    for phrase, kind in _LEX.phrases:
        n = len(phrase)
        if any(tuple(tokens[i : i + n]) == phrase for i in range(len(tokens) - n + 1)):
            return kind
    return None


def _glued_kind(tokens: list[str]) -> str | None:
    for token in tokens:
        if token in _LEX.blockers or len(token) <= _GLUED_MIN:
            continue
        for match in _LEX.glued_re.finditer(token):
            word = match.group(1) or match.group(2)
            if len(token) > len(word):
                return _LEX.glued[word]
    return None


def _vetoes(languages: dict[str, list[str]]) -> _Vetoes:
    words = {fold(w).lower() for words in languages.values() for w in words}
    latin = {w.replace(" ", "") for w in words if w.isascii()}
    long = sorted((w for w in latin if len(w) >= _GLUED_MIN), key=len, reverse=True)
    return _Vetoes(
        tokens=frozenset(latin),
        inside=re.compile("|".join(map(re.escape, long))) if long else None,
        scripts=tuple(sorted(w for w in words if not w.isascii())),
    )


def _load() -> _Lexicon:
    raw = resources.files("app.core.checks").joinpath("resume_lexicon.json").read_text("utf-8")
    data = json.loads(raw)
    words: dict[str, str] = {}
    phrases: list[tuple[tuple[str, ...], str]] = []
    glued: dict[str, str] = {}
    scripts: list[tuple[str, str]] = []
    for kind, languages in data["kinds"].items():
        for word in (fold(w).lower() for words in languages.values() for w in words):
            if not word.isascii():
                scripts.append((word, kind))
                continue
            if " " in word:
                phrases.append((tuple(word.split()), kind))
            else:
                words.setdefault(word, kind)
            if len(word.replace(" ", "")) >= _GLUED_MIN:
                glued.setdefault(word.replace(" ", ""), kind)
    ambiguous = {w: kind for kind, words in data["ambiguous"].items() for w in words}
    alternatives = "|".join(sorted(glued, key=len, reverse=True))
    long_ambiguous = "|".join(
        sorted((w for w in ambiguous if len(w) >= _GLUED_MIN), key=len, reverse=True)
    )
    return _Lexicon(
        words=words,
        phrases=tuple(phrases),
        glued=glued,
        glued_re=re.compile(f"^({alternatives})|({alternatives})$"),
        scripts=tuple(scripts),
        ambiguous=ambiguous,
        alone=frozenset(data.get("alone_needs_context", [])),
        acronym=frozenset(data.get("acronym_needs_context", [])),
        determiners=frozenset(fold(w).lower() for ws in data["determiners"].values() for w in ws),
        glued_ambiguous=re.compile(f"^({long_ambiguous})|({long_ambiguous})$"),
        context=frozenset(data["context"]),
        blockers=frozenset(data["course_words"])
        | frozenset(data["measure_words"])
        | frozenset(data["not_words"]),
        not_own=_vetoes(
            {**data["not_own"], **{f"tool:{k}": v for k, v in data["tool_words"].items()}}
        ),
        pictures=_vetoes(data["picture_words"]),
        photos=tuple(data["photo_words"]),
        documents=frozenset(data["document_ext"]) | frozenset(data["image_ext"]),
        images=frozenset(data["image_ext"]),
        sheets=frozenset(data["sheet_ext"]),
        document_mime=tuple(data["document_mime"]),
    )


_LEX = _load()

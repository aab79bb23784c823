"""`resume_attached`: a resume or CV attached, announced, or pasted into a first reply (pure).

File names are read in many languages and any format: "Lebenslauf_Mueller.pdf",
"CV-2026.docx", "hoja de vida.pdf", "履歴書.pdf". Ambiguous words need support
from the format: "cv" in "cv_joint_angles.csv" is a data file, not a CV.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from app.core.checks.caseless import Caseless
from app.core.checks.finding import Finding
from app.core.model import Attachment
from app.core.text.sentences import Sentence, word_set

_STRONG = word_set(
    "resume resumes lebenslauf lebenslaeufe lebenslaufe curriculo curriculos zyciorys "
    "zivotopis oneletrajz ozgecmis ansioluettelo meritforteckning levensloop biodata "
    "bewerbung bewerbungsunterlagen sollicitatie resumee"
)
_WEAK = frozenset({"cv", "cvs", "vita", "vitae", "curriculum"})
_PHRASES = (
    ("curriculum", "vitae"),
    ("hoja", "de", "vida"),
    ("cover", "letter"),
    ("lettre", "de", "motivation"),
    ("carta", "de", "presentacion"),
)
_SCRIPT_WORDS = (
    "резюме",
    "简历",
    "簡歷",
    "履歴書",
    "職務経歴書",
    "이력서",
    "βιογραφικό",
    "سيرة ذاتية",
    "קורות חיים",
)
_GLUED = ("resume", "lebenslauf", "curriculumvitae", "hojadevida")
_NOT_RESUME = frozenset({"presume", "presumed", "resumed", "resuming", "resumption"})
_DATA_EXT = word_set(
    "csv tsv xls xlsx xlsm ods numbers json xml yaml yml py ipynb r m mat npy npz h5 hdf5 pt "
    "pth onnx pkl sql log dat parquet js ts java c cpp"
)
_WEAK_BLOCK = word_set(
    "joint joints axle boot model models pipeline dataset data results score scores fold "
    "folds split planning plan design map mapping guide overview framework development unit "
    "units lesson lessons course courses syllabus school grade standards committee outline "
    "dolce"
)
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_TOKEN = re.compile(r"[^\W\d_]+")
_MENTION = Caseless(
    r"\b(?:attach\w*|enclos\w*|here(?:'s| is| are)|find|includ\w*|sending|send you)\b"
    r"[^.!?\n]{0,40}?\b(?:resume|résumé|cv|c\.v\.|curriculum vitae|lebenslauf)\b"
    r"|\b(?:my|the) (?:resume|résumé|cv|lebenslauf)\b[^.!?\n]{0,30}?"
    r"\b(?:is|are)? ?(?:attached|enclosed|below|included)\b"
    r"|\b(?:resume|résumé|cv|c\.v\.|lebenslauf)\s*(?:is |are )?(?:attached|enclosed|included)\b",
    needs=("resume", "cv", "c.v.", "curriculum vitae", "lebenslauf"),
)
_HEADING = Caseless(
    r"^[ \t]*(?:professional |work |relevant |career |technical |core )?"
    r"(experience|employment history|work history|education|skills|competencies|summary|"
    r"profile|objective|qualifications|summary of qualifications|certifications|achievements|"
    r"accomplishments|references|publications|berufserfahrung|ausbildung|kenntnisse|"
    r"experiencia|educación|formación|habilidades|expérience|formation|compétences)"
    r"[ \t]*:?[ \t]*$",
    re.MULTILINE,
)
_DATE_RANGE = Caseless(
    r"\b(?:19|20)\d{2}\s*(?:-|–|—|to|bis|a)\s*(?:(?:19|20)\d{2}|present|current|now|heute|hoy)\b",
    needs=("19", "20"),
)
_REFERENCES = Caseless(
    r"\breferences (?:are )?available (?:up)?on request\b", needs=("references",)
)
_FIX = "Remove the attachment; send a resume only when they ask for one, after you have talked."


def is_resume_filename(filename: str) -> bool:
    """Does this file name look like a resume / CV in any common language?"""
    stem, ext = _stem_and_ext(filename)
    folded = _fold(stem)
    if any(word in stem.lower() for word in _SCRIPT_WORDS):
        return True
    tokens = [t.lower() for t in _TOKEN.findall(_CAMEL.sub(" ", folded))]
    if _has_phrase(tokens) or any(t in _STRONG for t in tokens):
        return True
    if any(_glued(t) for t in tokens):
        return True
    weak = [t for t in tokens if t in _WEAK]
    blocked = any(t in _WEAK_BLOCK for t in tokens)
    return bool(weak) and not blocked and ext not in _DATA_EXT


def check_resume_attachments(
    attachments: Sequence[Attachment], sentences: Sequence[Sentence]
) -> tuple[Finding, ...]:
    """One finding per attached resume, pointing at the sentence announcing it if any."""
    mention = _mention(sentences)
    found = []
    for attachment in attachments:
        if not is_resume_filename(attachment.filename):
            continue
        start, end, excerpt = (mention.start, mention.end, mention.text) if mention else (0, 0, "")
        found.append(
            Finding(
                "resume_attached",
                "warning",
                f"“{attachment.filename}” looks like a resume; a first reply is not the "
                "place for one.",
                start,
                end,
                _FIX,
                excerpt,
            )
        )
    return tuple(found)


def check_resume_text(text: str, end: int, sentences: Sequence[Sentence]) -> tuple[Finding, ...]:
    """A resume announced in the text, or pasted into it."""
    mention = _mention(sentences)
    if mention:
        return (
            Finding(
                "resume_attached",
                "warning",
                "This sentence sends a resume with a first reply, before anyone asked for it.",
                mention.start,
                mention.end,
                "Drop this sentence and the attachment; offer background only when asked.",
                mention.text,
            ),
        )
    return _pasted(text, end)


def _pasted(text: str, end: int) -> tuple[Finding, ...]:
    # Only offsets and lower-cased groups are read from these matches (see Caseless).
    headings = list(_HEADING.finditer(text, 0, end))
    kinds = {m.group(1).lower() for m in headings}
    dates = _DATE_RANGE.count(text, 0, end)
    refs = _REFERENCES.first(text, 0, end)
    if not (len(kinds) >= 3 or (len(kinds) >= 2 and dates >= 2) or refs):
        return ()
    start = headings[0].start() if headings else refs.start() if refs else 0
    start += len(text[start:end]) - len(text[start:end].lstrip())
    return (
        Finding(
            "resume_attached",
            "warning",
            "A resume is pasted into the email; it turns a first hello into an application.",
            start,
            end,
            "Cut the pasted resume; keep the thanks, your interest in them and the next step.",
            text[start:end],
        ),
    )


def _mention(sentences: Sequence[Sentence]) -> Sentence | None:
    return next((s for s in sentences if _MENTION.search(s.text)), None)


def _stem_and_ext(filename: str) -> tuple[str, str]:
    name = filename.strip().rsplit("/", 1)[-1].rsplit("\\", 1)[-1]
    if "." in name.strip("."):
        stem, ext = name.rsplit(".", 1)
        return stem, ext.lower()
    return name, ""


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.replace("ß", "ss"))
    folded = "".join(c for c in decomposed if not unicodedata.combining(c))
    return folded.replace("ł", "l").replace("Ł", "L")


def _has_phrase(tokens: list[str]) -> bool:
    for phrase in _PHRASES:
        n = len(phrase)
        if any(tuple(tokens[i : i + n]) == phrase for i in range(len(tokens) - n + 1)):
            return True
    return False


def _glued(token: str) -> bool:
    if token in _NOT_RESUME or token.startswith(("presum", "resumed", "resuming")):
        return False
    return any(len(token) > len(w) and (w in token) for w in _GLUED)

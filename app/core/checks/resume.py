"""`resume_attached`: a resume or CV attached, announced, or pasted into a first reply (pure).

What an attachment is comes from `resume_names` (file name and type, 20 languages): a
resume, a cover letter, a portfolio or a job application all get this one finding code,
with a message naming what the file is. A "profile.pdf" or "background.pdf" counts only
when the email says it is the writer's background. A document named only after a person
(`RajKapadia.pdf`), the writer when their name is known, is a resume too (`resume_owner`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from app.core.checks.caseless import Caseless
from app.core.checks.finding import Finding
from app.core.checks.resume_names import NameVerdict, classify_filename
from app.core.checks.resume_owner import attachment_named_after_writer
from app.core.i18n import N_, Msg
from app.core.model import Attachment
from app.core.text.sentences import Sentence

_MENTION = Caseless(
    r"\b(?:attach\w*|enclos\w*|here(?:'s| is| are)|find|includ\w*|sending|send you)\b"
    r"[^.!?\n]{0,40}?\b(?:resume|résumé|cv|c\.v\.|curriculum vitae|lebenslauf)\b"
    r"|\b(?:my|the) (?:resume|résumé|cv|lebenslauf)\b[^.!?\n]{0,30}?"
    r"\b(?:is|are)? ?(?:attached|enclosed|below|included)\b"
    r"|\b(?:resume|résumé|cv|c\.v\.|lebenslauf)\s*(?:is |are )?(?:attached|enclosed|included)\b",
    needs=("resume", "cv", "c.v.", "curriculum vitae", "lebenslauf"),
)
# The writer calls the attachment their background: a "profile.pdf" is then a resume.
_BACKGROUND = Caseless(
    r"\b(?:attach\w*|enclos\w*|here(?:'s| is| are)|find|includ\w*|sending|send you)\b"
    r"[^.!?\n]{0,40}?\bmy (?:\w+ )?(?:background|profile|bio|experience|career|work history)\b"
    r"|\bmy (?:\w+ )?(?:background|profile|bio)\b[^.!?\n]{0,20}?"
    r"\b(?:is |are )?(?:attached|enclosed|included)\b"
    # The writer's own curriculum or portfolio, in our seven languages ("il mio curriculum",
    # "mi portafolio", "meu currículo"): a "curriculum.pdf" is then theirs, not a course plan.
    r"|\b(?:my|mi|mis|il mio|mio|meu|o meu|mon|ma|mein|meinen|mijn)\s+(?:\w+\s+)?"
    r"(?:curriculum|curr[ií]culo|portfolio|portf[oó]lio|portafolio|portefeuille)\b",
    needs=(
        "background", "profile", "bio", "experience", "career", "work history",
        "curr", "port",
    ),
)  # fmt: skip
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
_FIX = N_("Remove the attachment; send a resume only when they ask for one, after you have talked.")
_LOOKS_LIKE: dict[str, Callable[[str], Msg]] = {
    "cover letter": lambda filename: N_(
        "“{filename}” looks like a cover letter, part of a job application; a first reply is "
        "not the place for one.",
        filename=filename,
    ),
    "job application": lambda filename: N_(
        "“{filename}” looks like a job application, part of a job application; a first reply "
        "is not the place for one.",
        filename=filename,
    ),
    "portfolio": lambda filename: N_(
        "“{filename}” looks like a portfolio, part of a job application; a first reply is not "
        "the place for one.",
        filename=filename,
    ),
}


def check_resume_attachments(
    attachments: Sequence[Attachment], sentences: Sequence[Sentence], writer: Iterable[str] = ()
) -> tuple[Finding, ...]:
    """One finding per attached application document, pointing at the sentence sending it.

    `writer` holds the writer's names (`writer_names`: the From name, the signature's first
    line), so that a document named after them is known for their resume.
    """
    mention = _mention(sentences)
    background = mention or next((s for s in sentences if _BACKGROUND.search(s.text)), None)
    writer = tuple(writer)
    found = []
    for attachment in attachments:
        verdict = _verdict(attachment, writer)
        if verdict is None or (verdict.needs_context and background is None):
            continue
        said = background if verdict.needs_context else mention
        start, end, excerpt = (said.start, said.end, said.text) if said else (0, 0, "")
        found.append(
            Finding(
                "resume_attached",
                "warning",
                _message(attachment.filename, verdict),
                start,
                end,
                _FIX,
                excerpt,
            )
        )
    return tuple(found)


def may_hold_resume(attachments: Sequence[Attachment], writer: Iterable[str] = ()) -> bool:
    """Could any attachment be a resume (a "profile.pdf" too, before reading the text)?"""
    writer = tuple(writer)
    return any(_verdict(a, writer) is not None for a in attachments)


def _verdict(attachment: Attachment, writer: tuple[str, ...]) -> NameVerdict | None:
    name, mime = attachment.filename, attachment.mime_type
    return classify_filename(name, mime) or attachment_named_after_writer(name, mime, writer)


def _message(filename: str, verdict: NameVerdict) -> Msg:
    if verdict.kind == "resume":
        return N_(
            "“{filename}” looks like a resume; a first reply is not the place for one.",
            filename=filename,
        )
    if verdict.kind == "background":
        return N_(
            "“{filename}” is your background, a resume in all but name; a first reply "
            "is not the place for one.",
            filename=filename,
        )
    if verdict.kind == "named after you":
        return N_(
            "“{filename}” is named after you, as a resume usually is; a first reply is not "
            "the place for one.",
            filename=filename,
        )
    if verdict.kind == "named after a person":
        return N_(
            "“{filename}” is named after a person and nothing else, as a resume usually is; "
            "a first reply is not the place for one.",
            filename=filename,
        )
    known = _LOOKS_LIKE.get(verdict.kind)
    if known is not None:
        return known(filename)
    return N_(
        "“{filename}” looks like part of a job application; a first reply is not the place "
        "for one.",
        filename=filename,
    )


def check_resume_text(text: str, end: int, sentences: Sequence[Sentence]) -> tuple[Finding, ...]:
    """A resume announced in the text, or pasted into it."""
    mention = _mention(sentences)
    if mention:
        return (
            Finding(
                "resume_attached",
                "warning",
                N_("This sentence sends a resume with a first reply, before anyone asked for it."),
                mention.start,
                mention.end,
                N_("Drop this sentence and the attachment; offer background only when asked."),
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
            N_("A resume is pasted into the email; it turns a first hello into an application."),
            start,
            end,
            N_("Cut the pasted resume; keep the thanks, your interest in them and the next step."),
            text[start:end],
        ),
    )


def _mention(sentences: Sequence[Sentence]) -> Sentence | None:
    return next((s for s in sentences if _MENTION.search(s.text)), None)

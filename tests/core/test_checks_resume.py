"""Tests for `resume_attached`: file names in many languages, mentions and pasted resumes."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.checks import check_resume_text, is_resume_filename, split_sentences
from app.core.checks.draft import check_email
from app.core.mail.rfc822 import parse_eml

DATA = Path(__file__).resolve().parents[1] / "data" / "replies"


@pytest.mark.parametrize(
    "filename",
    [
        "Lebenslauf_Mueller.pdf",
        "CV-2026.docx",
        "hoja de vida.pdf",
        "currículo.pdf",
        "resume_final_v3.PDF",
        "Resume.pages",
        "Résumé - Sue Park.pdf",
        "JohnSmithResume.docx",
        "johnsmithresume.pdf",
        "Curriculum Vitae.doc",
        "curriculum_vitae_2024.odt",
        "CV_Jean_Dupont.pdf",
        "履歴書.pdf",
        "резюме.docx",
        "简历.pdf",
        "Życiorys.pdf",
        "Özgeçmiş.pdf",
        "Bewerbung_Schmidt.pdf",
        "HojaDeVida_Ana.pdf",
        "my_resume.txt",
        "cv.jpg",
        "Sue Park CV.pdf",
        "cover letter.docx",
    ],
)
def test_resume_file_names_are_recognised(filename: str) -> None:
    """Resume and CV file names in several languages and formats are recognised."""
    assert is_resume_filename(filename)


@pytest.mark.parametrize(
    "filename",
    [
        "invoice.pdf",
        "curriculum-planning-2026.xlsx",
        "resumed-session.txt",
        "cv_joint_angles.csv",
        "presume.pdf",
        "photo.jpg",
        "forwarded-message.eml",
        "Q3 deck.pptx",
        "recv_log.txt",
        "opencv_notes.pdf",
        "Curriculum Design Guide.pdf",
        "",
    ],
)
def test_look_alike_file_names_are_not_resumes(filename: str) -> None:
    """Names that merely contain resume-like letters are not flagged."""
    assert not is_resume_filename(filename)


@pytest.mark.parametrize("name", sorted(p.name for p in DATA.glob("resume_*.eml")))
def test_attached_resumes_are_flagged(name: str) -> None:
    """Every test draft with a resume attachment gets exactly one `resume_attached`."""
    found = check_email(parse_eml((DATA / name).read_bytes()))
    assert [f.code for f in found] == ["resume_attached"]
    assert found[0].severity == "warning"


def test_look_alike_attachments_pass() -> None:
    """A good reply with invoice/spreadsheet/log attachments gets no finding."""
    assert check_email(parse_eml((DATA / "lookalike_attachments.eml").read_bytes())) == ()


def test_announcing_sentence_is_the_span() -> None:
    """When the text announces the CV, the finding points at that sentence."""
    email = parse_eml((DATA / "resume_lebenslauf.eml").read_bytes())
    finding = check_email(email)[0]
    from app.core.checks.draft import Draft

    text = Draft.from_email(email).text
    assert text[finding.start : finding.end] == "I've attached my CV for context."


@pytest.mark.parametrize(
    "text",
    [
        "Hi Sue,\n\nPlease find my resume attached.\n\nAnn",
        "resume attached.",
        "Here is my CV, in case it helps.",
        "I have enclosed my curriculum vitae for your reference.",
    ],
)
def test_resume_mentions_in_text_are_flagged(text: str) -> None:
    """A sentence that sends a resume is flagged even without the attachment."""
    found = check_resume_text(text, len(text), split_sentences(text))
    assert [f.code for f in found] == ["resume_attached"]
    assert text[found[0].start : found[0].end] == found[0].excerpt != ""


@pytest.mark.parametrize(
    "text",
    [
        "I resumed work on the project after the holidays.",
        "Happy to share more about my background once we talk.",
        "Your resume of the meeting was very helpful, thank you.",
    ],
)
def test_ordinary_sentences_are_not_resumes(text: str) -> None:
    """Sentences that mention resuming or background are not flagged."""
    assert check_resume_text(text, len(text), split_sentences(text)) == ()


def test_pasted_resume_is_flagged_from_its_first_heading() -> None:
    """A resume pasted into the body is flagged from its first section heading."""
    text = (
        "Hi Sue,\n\nGreat to meet you. My background is below.\n\n"
        "EXPERIENCE\nAcme Corp, Product Lead, 2018 - Present\nBeta Inc, PM, 2014 - 2018\n\n"
        "EDUCATION\nMBA, State University\n\nSKILLS\nRoadmaps, research\n"
    )
    found = check_resume_text(text, len(text), split_sentences(text))
    assert [f.code for f in found] == ["resume_attached"]
    assert text[found[0].start :].startswith("EXPERIENCE")

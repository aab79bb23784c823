"""Tests for `resume_attached`: file names in many languages, mentions and pasted resumes."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.checks import (
    check_resume_attachments,
    check_resume_text,
    is_resume_filename,
    split_sentences,
)
from app.core.checks.draft import check_email
from app.core.mail.rfc822 import parse_eml
from app.core.model import Attachment

DATA = Path(__file__).resolve().parents[2] / "data" / "replies"


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


# Tests for resume attachments among other files.
def test_only_the_resume_among_attachments_is_flagged() -> None:
    """A photo next to the CV is not flagged; the CV points at the sentence sending it."""
    text = "Hi Sue, thanks. I have attached my resume for you."
    attachments = (
        Attachment("photo.jpg", "image/jpeg", 1000),
        Attachment("Jane_Doe_Resume.pdf", "application/pdf", 2000),
    )
    (finding,) = check_resume_attachments(attachments, split_sentences(text))
    assert "Jane_Doe_Resume.pdf" in finding.message
    assert finding.excerpt == "I have attached my resume for you."


@pytest.mark.parametrize(
    ("filename", "named"),
    [
        ("Lebenslauf.pdf", "looks like a resume"),
        ("lettre_de_motivation.pdf", "looks like a cover letter, part of a job application"),
        ("Portfolio_AnnLee_2024.pdf", "looks like a portfolio, part of a job application"),
        ("Bewerbung.pdf", "looks like a job application, part of a job application"),
    ],
)
def test_the_message_names_what_the_file_is(filename: str, named: str) -> None:
    """Cover letters and portfolios share the code; the message says which document it is."""
    attachments = (Attachment(filename, "application/pdf", 1000),)
    (finding,) = check_resume_attachments(attachments, ())
    assert finding.code == "resume_attached"
    assert f"“{filename}” {named}" in finding.message


def test_a_profile_file_is_flagged_only_when_the_text_calls_it_background() -> None:
    """'profile.pdf' alone passes; with 'my background is attached' it is a resume."""
    attachments = (Attachment("profile.pdf", "application/pdf", 1000),)
    plain = "Hi Sue, thanks for the introduction. The profile of our fund is attached."
    assert check_resume_attachments(attachments, split_sentences(plain)) == ()
    text = "Hi Sue, thanks so much. I've attached my background in case it is useful."
    (finding,) = check_resume_attachments(attachments, split_sentences(text))
    assert "your background" in finding.message
    assert finding.excerpt == "I've attached my background in case it is useful."


_MIME = (
    "From: Ann Lee <ann@example.com>\r\nTo: Sue Park <sue@example.org>\r\n"
    "Subject: Re: Intro: Ann <> Sue\r\nMIME-Version: 1.0\r\n"
    'Content-Type: multipart/mixed; boundary="b1"\r\n\r\n'
    "--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
    "Hi Sue, thanks Tom for connecting us. Would Tuesday work for a call?\r\n\r\n"
    "--b1\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n"
    "{disposition}\r\n\r\nJVBERi0xLjQK\r\n--b1--\r\n"
)


@pytest.mark.parametrize(
    ("disposition", "name"),
    [
        (
            'Content-Disposition: attachment; filename="=?UTF-8?B?0KDQtdC30Y7QvNC1LnBkZg==?="',
            "Резюме.pdf",
        ),
        (
            "Content-Disposition: attachment;\r\n filename*0*=utf-8''Curr%C3%ADculo%20Jo;\r\n"
            " filename*1*=%C3%A3o.pdf",
            "Currículo João.pdf",
        ),
        (
            'Content-Disposition: attachment; filename="=?ISO-8859-9?Q?=D6zge=E7mi=FE.pdf?="',
            "Özgeçmiş.pdf",  # Turkish Latin-5
        ),
    ],
)
def test_encoded_attachment_names_are_decoded_end_to_end(disposition: str, name: str) -> None:
    """RFC 2047 and RFC 2231 file names in a real MIME message are decoded and flagged."""
    raw = _MIME.format(disposition=disposition).encode("ascii")
    email = parse_eml(raw)
    assert [a.filename for a in email.attachments] == [name]
    found = [f for f in check_email(email) if f.code == "resume_attached"]
    assert len(found) == 1
    assert name in found[0].message


def test_resumen_attachment_in_a_real_message_is_not_flagged() -> None:
    """A Spanish summary ('resumen') attached to a reply is not a resume."""
    disposition = 'Content-Disposition: attachment; filename="resumen_reunion.pdf"'
    email = parse_eml(_MIME.format(disposition=disposition).encode("ascii"))
    assert [a.filename for a in email.attachments] == ["resumen_reunion.pdf"]
    assert [f.code for f in check_email(email) if f.code == "resume_attached"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Ti allego il mio curriculum, per conoscermi meglio.",
        "I've attached my portfolio so you can see my work.",
        "Te envío mi currículo por si te sirve.",
    ],
)
def test_a_bare_curriculum_file_is_flagged_when_the_email_calls_it_theirs(text: str) -> None:
    """ "curriculum.pdf" counts once the writer calls it their curriculum or portfolio."""
    for name in ("curriculum.pdf", "portfolio.pdf"):
        attachment = Attachment(name, "application/pdf", 20_000)
        found = check_resume_attachments([attachment], split_sentences(text))
        assert [f.code for f in found] == ["resume_attached"], (name, text)
    plain = split_sentences("Here are the notes from the workshop.")
    assert (
        check_resume_attachments([Attachment("curriculum.pdf", "application/pdf", 1)], plain) == ()
    )

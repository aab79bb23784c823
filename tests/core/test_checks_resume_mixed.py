"""Tests for resume attachments among other files."""

from __future__ import annotations

import pytest

from app.core.checks import check_resume_attachments, split_sentences
from app.core.checks.draft import check_email
from app.core.mail.rfc822 import parse_eml
from app.core.model import Attachment


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
        ("Portfolio_2024.pdf", "looks like a portfolio, part of a job application"),
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

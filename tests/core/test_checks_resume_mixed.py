"""Tests for resume attachments among other files."""

from __future__ import annotations

from app.core.checks import check_resume_attachments, split_sentences
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

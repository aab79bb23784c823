"""Tests for documents named only after a person (`resume_owner`): the writer's resume."""

from __future__ import annotations

import pytest

from app.core.checks import check_resume_attachments, split_sentences
from app.core.checks.resume_owner import (
    attachment_named_after_writer,
    named_after_person,
    writer_names,
)
from app.core.model import Attachment


@pytest.mark.parametrize(
    ("filename", "writer"),
    [
        ("RajKapadia.pdf", "Raj Kapadia"),
        ("raj_kapadia.docx", "Raj Kapadia"),
        ("rajkapadia.pdf", "Raj Kapadia"),
        ("RKapadia.pdf", "Raj Kapadia"),
        ("Kapadia, Raj.pdf", "Raj Kapadia"),
        ("Raj Kapadia - Backend Developer 2024 final.docx", "Raj Kapadia"),
        ("Jhon-Gerardo-Vega-Medina.pdf", "Jhon Vega"),
        ("Marta_Rossi_sviluppatrice_definitivo.pdf", "Marta Rossi"),
        ("Jonas_Mueller_Entwickler_neu.pdf", "Jonas Müller"),
        ("Camille Dubois - développeuse (1).odt", "Camille Dubois"),
        ("Lucía Fernández 2025 actualizado.pdf", "Lucía Fernández"),
        ("Joao_Silva_EN.pages", "João Silva"),
        ("Daan de Vries ontwikkelaar.rtf", "Daan de Vries"),
    ],
)
def test_a_document_named_after_the_writer_is_their_resume(filename: str, writer: str) -> None:
    """The writer's own name, alone or with a job title, a year, 'final' or a language tag."""
    assert named_after_person(filename, writer=(writer,))
    verdict = attachment_named_after_writer(filename, "", (writer,))
    assert verdict is not None
    assert verdict.kind == "named after you"


@pytest.mark.parametrize(
    "filename",
    [
        "Raj Kapadia invoice.pdf",
        "RajKapadia_contract_2024.pdf",
        "Raj Kapadia - slides.pdf",
        "Kapadia report final.docx",
        "Raj Kapadia factura.pdf",
        "Raj_Kapadia_Rechnung.pdf",
        "Raj Kapadia contrat.pdf",
        "Raj Kapadia presentazione.pdf",
        "Raj Kapadia offerte.pdf",
        "Raj Kapadia relatorio.pdf",
        "Raj Kapadia 040301.pdf",
        "RajKapadia_Google_Dialogflow.docx",
        "Raj Kapadia Price List.pdf",
    ],
)
def test_a_name_beside_what_the_document_is_about_is_not_a_resume(filename: str) -> None:
    """A subject (invoice, contract, slides, report, in seven languages) or a date number."""
    assert not named_after_person(filename, writer=("Raj Kapadia",))


@pytest.mark.parametrize(
    "filename",
    ["RajKapadia.jpg", "RajKapadia.png", "raj_kapadia.html", "RajKapadia.tex", "RajKapadia.py",
     "raj_kapadia.json", "RajKapadia.xlsx", "RajKapadia.zip", "RajKapadia.txt", "RajKapadia"],
)  # fmt: skip
def test_only_documents_count(filename: str) -> None:
    """Pictures, web pages, sources, data and archives named after you are not a resume."""
    assert not named_after_person(filename, writer=("Raj Kapadia",))


def test_a_name_without_extension_counts_when_its_type_is_a_document() -> None:
    """The MIME type stands in for a missing extension."""
    assert named_after_person("RajKapadia", "application/pdf", ("Raj Kapadia",))
    assert not named_after_person("RajKapadia", "image/jpeg", ("Raj Kapadia",))


def test_someone_elses_name_is_not_the_writers_resume() -> None:
    """With the writer known, a document named after another person is not flagged."""
    assert not named_after_person("Michael Milken.doc", writer=("Mark Duffey",))
    assert not named_after_person("Sue Park.pdf", writer=("Raj Kapadia",))
    assert named_after_person("Sue Park.pdf", writer=("Sue Park",))


def test_particles_and_initials_of_the_writer_do_not_make_a_match() -> None:
    """'de' or 'R' alone is not the writer's name."""
    assert not named_after_person("de_final.pdf", writer=("Ana de Souza",))
    assert not named_after_person("R.pdf", writer=("Raj Kapadia",))


@pytest.mark.parametrize(
    ("filename", "expected"),
    [
        ("Jhon-Gerardo-Vega-Medina.pdf", True),
        ("Marta Rossi.pdf", True),
        ("Marta Rossi - Data Analyst 2024 final.docx", True),
        ("Calvin.pdf", False),  # one name: could be anything
        ("Summer.pdf", False),
        ("Price List.pdf", False),  # names in some country, but a subject here
        ("Michael Milken 040301.doc", False),
        ("Cat_Design.pdf", False),
        ("Masterthesis_Linus-Ehmann.pdf", False),
        ("backend-developer.pdf", False),  # a job alone may be the job's description
    ],
)
def test_without_the_writer_two_names_one_a_first_name(filename: str, expected: bool) -> None:
    """No writer known: the name of someone, first name and surname, and nothing else."""
    assert named_after_person(filename) is expected


def test_writer_names_come_from_the_display_name_and_the_signature() -> None:
    """The From name, and the signature's first line when it reads as a name."""
    assert writer_names("Raj Kapadia") == ("Raj Kapadia",)
    assert writer_names("", "--\nMarta Rossi\n+39 333 000 0000") == ("Marta Rossi",)
    assert writer_names("", "Best,\nMarta") == ()
    assert writer_names("Raj", "Best regards,\nRaj Kapadia\nAcme") == ("Raj", "Raj Kapadia")
    assert writer_names("", "Sent from my phone, 2026") == ()


def test_the_finding_says_the_file_is_named_after_you() -> None:
    """The finding names the file and says why: it carries the writer's name."""
    attachments = (Attachment("RajKapadia.pdf", "application/pdf", 1000),)
    text = "Hi Sue, thanks Joe for the introduction! Coffee next week?"
    (finding,) = check_resume_attachments(attachments, split_sentences(text), ("Raj Kapadia",))
    assert finding.code == "resume_attached"
    assert "“RajKapadia.pdf” is named after you" in finding.message
    assert check_resume_attachments(attachments, split_sentences(text), ("Sue Park",)) == ()


def test_a_very_long_name_is_refused_not_a_crash() -> None:
    """A 5,000-letter word that starts with the writer's initial: no deep search, no."""
    assert not named_after_person("r" * 5000 + ".pdf", writer=("Raj Kapadia",))
    assert not named_after_person("rajkapadia" * 20 + ".pdf", writer=("Raj Kapadia",))

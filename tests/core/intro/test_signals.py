"""The named signals of one message: bounded, and fired by what they say they read."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.intro import FEATURES, signals_of
from app.core.model import Address, Email
from tests.core.intro.mail import email_of


def _email(
    text: str, to: tuple[Address, ...], cc: tuple[Address, ...] = (), subject: str = ""
) -> Email:
    return email_of(text, to, cc, subject)


def _on(email: Email) -> dict[str, float]:
    signals = signals_of(email)
    return {name: value for name, value in zip(FEATURES, signals.values, strict=True) if value}


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=400), st.text(max_size=40))
def test_every_value_is_between_zero_and_one(text: str, subject: str) -> None:
    """Whatever the text, each signal is in [0, 1] and there is one per feature."""
    signals = signals_of(_email(text, (Address("", "a@b.example"),), subject=subject))
    assert len(signals.values) == len(FEATURES)
    assert all(0.0 <= v <= 1.0 for v in signals.values)


def test_handoff_names_the_copied_person_by_the_address_local_part() -> None:
    """ "I'm copying Jake Sullivan who works with me" names sullivanjj@ (no display name)."""
    email = _email(
        "How would you frame it? I'm copying Jake Sullivan who works with me on this.",
        (Address("Sid", "sid@example.org"),),
        (Address("", "sullivanjj@state.example"),),
    )
    on = _on(email)
    assert on["handoff"] > 0
    assert on["handoff_named"] == 1.0
    assert on["has_cc"] == 1.0


def test_handoff_next_to_the_name_of_someone_copied() -> None:
    """ "Vincent has done work on this. I am copying him": the copied person is presented."""
    vincent = Address("Vincent Munro", "vm@lab.example")
    email = _email(
        "Peter: Vincent at our lab has done work on this. I am copying him on this e-mail.",
        (Address("Peter Marks", "peter@agency.example"),),
        (vincent,),
    )
    assert _on(email)["handoff_cc"] == 1.0
    # The same words with Vincent on To (already on the thread's front line): no hand-off
    # to someone copied.
    on_to = _email(email.new_text, (Address("Peter Marks", "peter@agency.example"), vincent))
    assert "handoff_cc" not in _on(on_to)


def test_scheduling_hand_off_reads_as_scheduling() -> None:
    """Copying an assistant "so she can find a time" fires the scheduling signal."""
    email = _email(
        "Happy to meet. I'm copying my assistant Lona so she can find a time next week.",
        (Address("Sam Ray", "sam@ray.example"),),
        (Address("Lona Vale", "lona@field.example"),),
    )
    assert _on(email)["scheduling"] > 0


def test_a_slot_that_is_no_time_to_meet_is_no_scheduling() -> None:
    """ "A slot" alone is a place on a team or a panel; finding or booking one is scheduling."""
    sam, jonas = Address("Sam Ray", "sam@ray.example"), Address("Jonas Kerr", "jonas@kerr.example")
    text = "Sam, I'd like to introduce you to Jonas, who has a slot open on his team."
    on = _on(_email(text, (sam,), (jonas,)))
    assert "scheduling" not in on
    assert on["connect"] > 0
    diary = "Sam, my assistant will find a slot in my diary next week."
    assert _on(_email(diary, (sam,), (jonas,)))["scheduling"] > 0


@pytest.mark.parametrize(
    "opening",
    [
        "Ing. Galli, Le presento la dott.ssa Rinaldi.",
        "Dr. Weber, ich möchte Ihnen Frau Rinaldi vorstellen.",
        "Sr. Galli: le presento a la Dra. Rinaldi.",
    ],
)
def test_a_reader_addressed_after_a_title_is_addressed(opening: str) -> None:
    """A title with its full stop before the name ("Ing. Galli,") still addresses the
    reader: since the splitter keeps "Ing." in its sentence, the name is no longer the
    sentence's first word."""
    to = (Address("Marco Galli Weber", "mg@example.it"), Address("Anna Rinaldi", "ar@example.it"))
    assert _on(_email(f"{opening}\n\nSaluti.", to)).get("addressed", 0.0) > 0


def test_two_people_greeted_and_described() -> None:
    """ "Sue, Joe —" greets both; "Sue leads product" describes one of them."""
    email = _email(
        "Sue, Joe,\n\nSue leads product at Northwind. Joe builds sensor networks.\n"
        "You two should talk.",
        (Address("Sue Park", "sue@northwind.example"), Address("Joe Brandt", "joe@fl.example")),
    )
    on = _on(email)
    assert on["addressed"] == 1.0
    assert on["described"] == 1.0
    assert on["named"] > 0
    assert on["mutual"] > 0


def test_subject_pair_and_reply() -> None:
    """ "Sue <> Joe" is a pair subject; on a reply ("Re: Sue <> Joe") it is also the thread's."""
    to = (Address("Sue", "sue@x.example"),)
    assert _on(_email("Sue, meet Joe.", to, subject="Sue <> Joe"))["subject_pair"] == 1.0
    on = _on(_email("Thanks!", to, subject="Re: Sue <> Joe"))
    assert on["subject_pair"] == 1.0
    assert on["subject_inherited"] == 1.0
    assert on["is_reply"] == 1.0
    assert "subject_inherited" not in _on(_email("Sue, meet Joe.", to, subject="Sue <> Joe"))


def test_a_slash_or_and_pairs_only_people_on_the_message() -> None:
    """ "Ana / Luis" with both on the message pairs them; "T&D Model" or
    "Analyst/Associate Meeting" joins words, not people."""
    to = (Address("Ana Gil", "ana@gil.example"), Address("Luis Mora", "luis@mora.example"))
    assert _on(_email("Hi both.", to, subject="Ana / Luis"))["subject_pair"] == 1.0
    assert _on(_email("Hi both.", to, subject="Ana and Luis"))["subject_pair"] == 1.0
    for subject in ("T&D Model", "Analyst/Associate Committee Meeting", "Ana / budget"):
        assert "subject_pair" not in _on(_email("Hi both.", to, subject=subject)), subject


def test_contact_me_and_service_contacts_are_not_reaching_out() -> None:
    """Pointing the reader to someone reaches out; pointing to the writer, or to a desk with
    a phone number, does not (seven languages share the rule, the words are per language)."""
    to = (Address("Ana Gil", "ana@gil.example"),)
    assert _on(_email("Please contact Tracy Warner, who runs recruiting.", to))["reach_out"] > 0
    for text in (
        "Please contact me if you have any questions.",
        "I will call you Monday morning to discuss.",
        "To reserve a seat, please call Stephanie Taylor at 5-7928.",
        "Bei Fragen melden Sie sich bei mir.",
        "Neem gerust contact met mij op.",
    ):
        assert "reach_out" not in _on(_email(text, to)), text


def test_words_that_fired_are_kept() -> None:
    """Each lexical signal remembers the words that fired it (the verdict's evidence)."""
    email = _email(
        "Hola Ana, te presento a Luis, que lleva el equipo de datos.",
        (Address("Ana Gil", "ana@gil.example"), Address("Luis Mora", "luis@mora.example")),
    )
    signals = signals_of(email)
    assert signals.language == "es"
    assert "te presento a" in signals.words["connect"]


def test_evidence_is_any_connecting_word_cue_subject_or_description() -> None:
    """A note to several people has no evidence of an introduction; describing one of
    them, or a connecting word, is some."""
    team = (
        Address("Gerald Nemec", "gerald@firm.example"),
        Address("Mark Holt", "mark@firm.example"),
    )
    plain = _email("Gerald, attached is the summary chart. Please review it.", team[:1], team[1:])
    assert not signals_of(plain).has_evidence()
    blurb = _email("Gerald, Mark is our lead on the deal.", team[:1], team[1:])
    assert signals_of(blurb).has_evidence()
    connect = _email("Gerald, I'd like you to meet Mark Holt.", team[:1], team[1:])
    assert signals_of(connect).has_evidence()


@pytest.mark.parametrize(
    "text",
    [
        "Hi Alice. May I have your permission to introduce you to Bob Stone?",
        "Hola Ana. ¿Me das permiso para presentarte a Luis Ortega?",
        "Hallo Anna, habe ich deine Erlaubnis, dich Jonas Weber vorzustellen?",
        "Bonjour Anne, ai-je ta permission pour te présenter Paul Girard ?",
        "Olá Ana, tenho a sua permissão para lhe apresentar o Rui Costa?",
        "Ciao Anna, ho il tuo permesso per presentarti Marco Bini?",
        "Hoi Anna, heb ik je toestemming om je aan Daan de Vries voor te stellen?",
    ],
)
def test_asking_permission_to_introduce_is_an_offer(text: str) -> None:
    """Asking the reader's permission first (the double opt-in) offers an introduction
    not yet made, in each of the seven languages."""
    assert _on(_email(text, (Address("Anna Berg", "anna@berg.example"),)))["offer"] > 0


@pytest.mark.parametrize(
    "text",
    [
        "Arturo, I'd like to discuss this with you, so I'm copying Lona to find a time.",
        "Luis, me gustaría reunirme contigo la semana que viene; pongo en copia a Marta.",
        "Jonas, ich würde mich gerne mit dir treffen. Ich setze Petra in CC.",
        "Paul, j'aimerais vous rencontrer la semaine prochaine ; je mets Claire en copie.",
        "Rui, gostaria de me reunir com você na próxima semana; estou copiando a Sofia.",
        "Marco, vorrei incontrarti la prossima settimana; metto in copia Giulia.",
        "Daan, ik zou je graag ontmoeten volgende week; ik zet Sanne in de cc.",
    ],
)
def test_the_writer_proposing_to_meet_the_reader_is_meet_writer(text: str) -> None:
    """The writer as one side of the meeting ("I'd like to discuss this with you"), the
    one copied to set it up: `meet_writer`, in each of the seven languages."""
    to = (Address("Ana Reyes", "ana@reyes.example"),)
    cc = (Address("Lona Vale", "lona@office.example"),)
    assert _on(_email(text, to, cc))["meet_writer"] > 0


def test_a_connecting_sentence_is_not_meet_writer() -> None:
    """ "You two should meet" connects others: the writer is no side of that meeting."""
    to = (Address("Ana Reyes", "ana@reyes.example"), Address("Joe Park", "joe@park.example"))
    on = _on(_email("Ana, meet Joe Park. You two should meet for coffee.", to))
    assert "meet_writer" not in on


def test_cheering_the_two_on_is_not_meet_writer() -> None:
    """ "Let's make it happen" urges anything on; the writer proposes no meeting of their own."""
    to = (Address("Ana Reyes", "ana@reyes.example"), Address("Joe Park", "joe@park.example"))
    text = "Ana, meet Joe Park. You two are building the same thing. Let's make it happen!"
    assert "meet_writer" not in _on(_email(text, to))


def test_the_page_stamps_of_a_records_release_do_not_count_as_length() -> None:
    """A released message prints "UNCLASSIFIED … Case No. … Doc No. … Date: …" on every
    page: the length signal counts the writer's words only."""
    to = (Address("Glyn Davies", "glyn@state.example"),)
    text = "Glyn, I am connecting you two by email. She has a matter on Korea."
    stamp = (
        "\n\n   UNCLASSIFIED U.S. Department of State Case No. F-2014-20439 "
        "Doc No. C05761587 Date: 06/30/2015"
    )
    plain = _on(_email(text, to))["length"]
    assert _on(_email(text + stamp * 3, to))["length"] == plain
    assert _on(_email(text + "\n\nCase closed, see the Doc No. list.", to))["length"] > plain

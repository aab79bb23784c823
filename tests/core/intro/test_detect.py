"""`detect_introduction` over our own cases in `tests/data/emails/`, threads and properties."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.intro import FEATURES, detect_introduction
from app.core.intro.weights import Weights
from app.core.mail.rfc822 import parse_eml
from app.core.model import Address, Email, Introduction, Person, Thread

EMAILS = Path(__file__).parents[2] / "data" / "emails"
MAYA = "maya.chen@harbor.example"
SUE = "sue@northwind.example"
JOE = "joe.brandt@fieldlabs.example"
RAVI = "ravi@menon-partners.example"
KIM = "kim.adler@trellis.example"
LEO = "leo@varga-farms.example"
OUTSIDER = "someone@elsewhere.example"


@dataclass(frozen=True)
class Case:
    """What one file should give: kind (None: not an introduction) and its people.

    People are named by address, or by name when the message gives no address;
    `blurbs` maps a person to a phrase their blurb must contain.
    """

    file: str
    kind: str | None
    introducer: str = ""
    introduced: tuple[str, ...] = ()
    blurbs: dict[str, str] = field(default_factory=dict)
    index: int = 0
    roles: dict[str, str] = field(default_factory=dict)


INTRODUCTIONS = [
    Case(
        "classic_e_introducing_over_to_you.eml", "classic", "ken@ito.example",
        ("alice@wong.example", "bob@stone.example"),
        {"alice@wong.example": "designer at Figma"},
    ),
    Case(
        "handoff_vocative_looping_in_appositive.eml", "handoff", "jane@roe.example",
        ("carl@diaz.example", "mo@ali.example"),
    ),
    Case(
        "classic_putting_you_two_in_touch.eml", "classic", "grace@liu.example",
        ("omar@haddad.example", "lena@berg.example"),
        {"lena@berg.example": "open data office"},
    ),
    Case(
        "classic_meet.eml", "classic", MAYA, (SUE, JOE),
        {SUE: "Sue leads product at Northwind", JOE: "sensor networks for vineyards"},
        roles={SUE: "introduced", MAYA: "introducer", OUTSIDER: "bystander"},
    ),
    Case(
        "classic_subject_pair.eml", "classic", RAVI, (SUE, JOE),
        {SUE: "head of product at Northwind", JOE: "mesh radios"},
        roles={JOE: "introduced"},
    ),
    Case(
        "classic_greeting_two.eml", "classic", "carla@brightwater.example",
        (SUE, "dana.okoro@okoro-law.example"),
        {"dana.okoro@okoro-law.example": "patent attorney", SUE: "about to file"},
        roles={"dana.okoro@okoro-law.example": "introduced"},
    ),
    Case(
        "handoff_copying.eml", "handoff", "hilde.berg@cityworks.example",
        ("jeff.dunn@dunnbuild.example", "misha.stein@cityworks.example"),
        {"misha.stein@cityworks.example": "zoning variances"},
        roles={"jeff.dunn@dunnbuild.example": "introduced"},
    ),
    Case(
        "handoff_looping_in.eml", "handoff", "tom@quarry.example",
        ("lina.farouk@saltmarsh.example", "priya.n@quarry.example"),
        {"priya.n@quarry.example": "partner integrations"},
        roles={"priya.n@quarry.example": "introduced", "tom@quarry.example": "introducer"},
    ),
    Case(
        "one_to_many.eml", "one_to_many", "greta.holm@ridgeline.example",
        ("owen.marsh@ridgeline.example", "alan.price@ridgeline.example",
         "bea.novak@ridgeline.example", "carlos.reyes@ridgeline.example",
         "dina.shah@ridgeline.example"),
        {"owen.marsh@ridgeline.example": "freight rates"},
        roles={"owen.marsh@ridgeline.example": "introduced"},
    ),
    Case(
        "one_to_many_team.eml", "one_to_many", "priya@larkspur.example",
        ("design@tidewell.example", "owen@fairbanks.example"),
        {"owen@fairbanks.example": "type systems"},
    ),
    Case(
        "one_to_many_prose_team.eml", "one_to_many", "brooke@sullivan.example",
        ("ezra@goldfarb.example", "noor@parcelpath.example", "caleb@parcelpath.example",
         "theo@parcelpath.example"),
        {"ezra@goldfarb.example": "pricing at Shopwise", "theo@parcelpath.example": "website"},
        roles={"ezra@goldfarb.example": "introduced"},
    ),
    Case(
        "one_sided.eml", "one_sided", "stefan@meridian-fund.example",
        ("raj.kapoor@clearwater.example", "Elena Duarte"),
        {"Elena Duarte": "rural clinic network"},
        roles={"raj.kapoor@clearwater.example": "introduced"},
    ),
    Case(
        "forwarded_intro.eml", "forwarded", KIM, (JOE, LEO), {LEO: "almonds"}, index=-1,
        roles={"ana.ruiz@fieldlabs.example": "bystander", JOE: "introduced"},
    ),
    Case(
        "forwarded_as_attachment.eml", "forwarded", KIM, (LEO, JOE),
        {LEO: "almonds", JOE: "farm radios"}, index=-1,
    ),
    Case(
        "double_opt_in_forward.eml", "double_opt_in_forward", MAYA,
        (SUE, "bob@lindqvist-capital.example"),
        {"bob@lindqvist-capital.example": "agriculture hardware", SUE: "product lead"},
        roles={"bob@lindqvist-capital.example": "introduced"},
    ),
    Case(
        "reply_quoting_intro.eml", "classic", MAYA, (SUE, JOE), {JOE: "vineyards"}, index=-1,
        roles={SUE: "introduced", MAYA: "introducer"},
    ),
    Case(
        "reply_outlook_quoting_intro.eml", "classic", RAVI, (SUE, JOE), {JOE: "mesh radios"},
        index=-1, roles={JOE: "introduced"},
    ),
    Case(
        "html_only_intro.eml", "classic", "nadia@lattice.example",
        ("omar.haddad@dunesoft.example", "ines@costa-design.example"),
        {"ines@costa-design.example": "Costa type family",
         "omar.haddad@dunesoft.example": "onboarding"},
    ),
    Case(
        "intro_latin1_wrong_charset.eml", "classic", "rene@atelier-lefevre.example",
        ("francoise.blanc@vignes.example", "jose@alvarez-trading.example"),
        {"francoise.blanc@vignes.example": "rosé", "jose@alvarez-trading.example": "imports wine"},
    ),
    Case(
        "encoded_word_names.eml", "classic", "bjorn@lund-advisory.example",
        ("zoe.mueller@kraftwerk.example", "joerg@strasser.example"),
        {"zoe.mueller@kraftwerk.example": "battery lab", "joerg@strasser.example": "trained"},
    ),
    Case(
        "intro_german.eml", "classic", "katrin.vogel@nordlicht.example",
        ("anna.weber@solarwerk.example", "jonas.richter@richter-bau.example"),
        {"anna.weber@solarwerk.example": "Dachanlagen",
         "jonas.richter@richter-bau.example": "Lagerhallen"},
    ),
    Case(
        "intro_spanish.eml", "classic", "marta@ibanez-consultores.example",
        ("lucia.romero@aguaclara.example", "tomas.vidal@vidal-riegos.example"),
        {"lucia.romero@aguaclara.example": "depuración",
         "tomas.vidal@vidal-riegos.example": "riego"},
    ),
    Case(
        "intro_french.eml", "classic", "claire.dubois@alpes-conseil.example",
        ("hugo.martin@boulangerie-martin.example", "lea.moreau@moreau-compta.example"),
        {"lea.moreau@moreau-compta.example": "expert-comptable",
         "hugo.martin@boulangerie-martin.example": "boulangerie"},
    ),
    Case(
        "classic_intro_to_company_team.eml", "classic", "paula@grantcapital.example",
        (SUE, "ken.obi@tallyworks.example", "rita@tallyworks.example"),
        {"ken.obi@tallyworks.example": "Ken runs the firm"},
        roles={SUE: "introduced", "rita@tallyworks.example": "introduced"},
    ),
    Case(
        "classic_dash_vocatives.eml", "classic", "maya@harbor.example",
        ("sue@northwind.example", "joe@fieldlabs.example"),
        {"joe@fieldlabs.example": "radios cover 40 km", "sue@northwind.example": "field pilot"},
    ),
    Case(
        "classic_eintro_subject.eml", "classic", "ravi@menon.example",
        ("sue@northwind.example", "joe@fieldlabs.example"),
        {"joe@fieldlabs.example": "Joe builds farm radios",
         "sue@northwind.example": "Sue is piloting"},
    ),
    Case(
        "classic_putting_in_touch.eml", "classic", "dana@northwind.example",
        ("priya@lumen.example", "sam@okafor.example"),
        {"priya@lumen.example": "data platform at Lumen", "sam@okafor.example": "streaming stack"},
        roles={"sam@okafor.example": "introduced"},
    ),
    Case(
        "classic_you_two_should_talk.eml", "classic", "dana@northwind.example",
        ("priya@lumen.example", "sam@okafor.example"), {"priya@lumen.example": "hiring"},
    ),
    Case(
        "handoff_ccd_colleague.eml", "handoff", "lee@clinic.example",
        ("sam@okafor.example", "anil.rao@clinic.example"),
        {"anil.rao@clinic.example": "clinical operations"},
    ),
    Case(
        "reply_outlook_no_banner.eml", "classic", "maya@harbor.example",
        ("sue@northwind.example", "joe@fieldlabs.example"),
        {"joe@fieldlabs.example": "field operations"}, index=-1,
        roles={"joe@fieldlabs.example": "introduced"},
    ),
    Case(
        "read_body_only_intro.eml", "classic", "Lena", ("Priya", "Tom"),
        {"Priya": "integration guide", "Tom": "weighbridge"},
    ),
]  # fmt: skip

NOT_INTRODUCTIONS = [
    "neg_self_introduction.eml",
    "neg_product_launch.eml",
    "neg_company_pitch.eml",
    "neg_request_for_intro.eml",
    "neg_offer_to_introduce.eml",
    "neg_referral_outreach.eml",
    "neg_course_introduction_to.eml",
    "neg_bill_introduced.eml",
    "neg_scheduling_assistant.eml",
    "neg_newsletter_welcome.eml",
    "neg_speaker_intro.eml",
    "neg_thanks_for_intro.eml",
    "neg_new_hire_broadcast.eml",
    "neg_recruiter_self_intro.eml",
    "neg_product_portal.eml",
    "neg_request_connect.eml",
    "neg_past_report.eml",
    "neg_future_intro.eml",
    "neg_consent_forward.eml",
    "neg_calendar_invite.eml",
    "neg_ordinary_meeting.eml",
    "neg_ordinary_report.eml",
    "read_attachment_pdf.eml",
    "read_nested_multipart.eml",
    "read_bad_boundary.eml",
    "read_truncated_base64.eml",
    "read_lotus_reply.eml",
]


def _read(name: str) -> Email:
    return parse_eml((EMAILS / name).read_bytes())


def _intro(name: str, me: str | None = None) -> Introduction:
    verdict = detect_introduction(_read(name), me)
    assert verdict.introduction is not None, verdict.reason
    return verdict.introduction


def _key(person: Person) -> str:
    return person.email or person.name


@pytest.mark.parametrize("case", INTRODUCTIONS, ids=lambda c: c.file)
def test_introduction_kind_and_message(case: Case) -> None:
    """Each introduction case is recognised with its kind, in the expected message."""
    intro = _intro(case.file)
    assert (intro.kind, intro.message_index) == (case.kind, case.index)
    assert 0.5 <= intro.confidence <= 1.0
    assert intro.evidence


@pytest.mark.parametrize("case", INTRODUCTIONS, ids=lambda c: c.file)
def test_introducer_and_introduced(case: Case) -> None:
    """The introducer and exactly the people introduced, by address (or name)."""
    intro = _intro(case.file)
    assert _key(intro.introducer) == case.introducer
    assert sorted(_key(p) for p in intro.introduced) == sorted(case.introduced)


@pytest.mark.parametrize("case", INTRODUCTIONS, ids=lambda c: c.file)
def test_blurbs_hold_what_was_said(case: Case) -> None:
    """Each blurb holds the introducer's sentence about that person, never a greeting."""
    intro = _intro(case.file)
    blurbs = {_key(p): p.blurb for p in intro.introduced}
    for person, phrase in case.blurbs.items():
        assert phrase in blurbs[person]
    for blurb in blurbs.values():
        assert not blurb.lower().startswith(("hi ", "hello ", "dear ", "hey ", "hallo ", "hola "))


@pytest.mark.parametrize(
    ("file", "me", "role"),
    [(c.file, me, role) for c in INTRODUCTIONS for me, role in c.roles.items()],
)
def test_user_role(file: str, me: str, role: str) -> None:
    """With `me`, the user is the introducer, one of the introduced, or a bystander."""
    assert _intro(file, me).user_role == role


@pytest.mark.parametrize("file", NOT_INTRODUCTIONS)
def test_hard_negatives_and_ordinary_mail(file: str) -> None:
    """Requests, offers, self-introductions, launches and ordinary mail are not introductions."""
    verdict = detect_introduction(_read(file))
    assert verdict.introduction is None
    assert verdict.reason
    assert verdict.confidence < 0.5


def test_every_email_file_has_an_expectation() -> None:
    """No case file is left without an expected verdict."""
    known = {c.file for c in INTRODUCTIONS} | set(NOT_INTRODUCTIONS)
    assert {p.name for p in EMAILS.glob("*.eml")} == known


def test_names_come_from_headers_with_accents() -> None:
    """Encoded-word display names are the names shown for the people introduced."""
    intro = _intro("encoded_word_names.eml")
    assert [p.name for p in intro.introduced] == ["Zoë Müller", "Jörg Straßer"]
    assert intro.introducer.name == "Björn Lund"


def test_role_ignores_case_and_spaces_of_me() -> None:
    """The user's address is compared without case or surrounding spaces."""
    assert _intro("classic_meet.eml", "  SUE@Northwind.Example ").user_role == "introduced"


def test_role_unknown_without_me() -> None:
    """Without `me` the role is unknown."""
    assert _intro("classic_meet.eml").user_role == "unknown"


def test_thread_points_at_the_introduction_message() -> None:
    """In a thread of the intro and a reply, the intro is message 0."""
    thread = Thread((_read("classic_meet.eml"), _read("reply_quoting_intro.eml")))
    intro = detect_introduction(thread, SUE).introduction
    assert intro is not None
    assert (intro.message_index, intro.introducer.email, intro.user_role) == (0, MAYA, "introduced")
    assert intro.message_id == "<intro-classic-meet@harbor.example>"


def test_thread_found_later_in_the_thread() -> None:
    """An introduction that is the second message is found there."""
    thread = Thread((_read("neg_request_for_intro.eml"), _read("classic_subject_pair.eml")))
    intro = detect_introduction(thread).introduction
    assert intro is not None
    assert intro.message_index == 1


def test_reply_alone_belongs_to_an_introduction_thread() -> None:
    """A lone reply quoting the intro gives the intro, found in its quotes (-1)."""
    thread = Thread((_read("reply_outlook_quoting_intro.eml"),))
    intro = detect_introduction(thread, SUE).introduction
    assert intro is not None
    assert (intro.message_index, intro.introducer.name, intro.user_role) == (
        -1,
        "Ravi Menon",
        "introduced",
    )


def test_thread_of_ordinary_mail_is_not_an_introduction() -> None:
    """A thread of ordinary messages gives no introduction and the best reason."""
    thread = Thread((_read("neg_ordinary_report.eml"), _read("read_lotus_reply.eml")))
    verdict = detect_introduction(thread)
    assert verdict.introduction is None
    assert verdict.reason


def test_empty_thread() -> None:
    """An empty thread is a verdict, not an error."""
    verdict = detect_introduction(Thread(()))
    assert (verdict.introduction, verdict.reason) == (None, "no message")


@pytest.mark.parametrize("case", INTRODUCTIONS[:6], ids=lambda c: c.file)
def test_crlf_line_endings_give_the_same_verdict(case: Case) -> None:
    """Reading CRLF mail gives the same introduction as LF mail."""
    raw = (EMAILS / case.file).read_bytes()
    crlf = raw.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    assert detect_introduction(parse_eml(crlf)) == detect_introduction(parse_eml(raw))


def test_names_lose_trailing_punctuation() -> None:
    """'Tom.' or 'Priya:' in the text become plain names."""
    text = "Tom: meet Priya. Priya runs the scales team.\n\nPriya: meet Tom. Tom runs logistics.\n"
    email = Email(
        sender=Address("Lena Fox", "lena@x.example"),
        to=(Address("", "tom@y.example"), Address("", "priya@z.example")),
        new_text=text,
    )
    intro = detect_introduction(email).introduction
    assert intro is not None
    assert all(p.name[-1].isalpha() for p in intro.introduced)


def test_handles_take_the_name_people_sign_with() -> None:
    """A recipient known only as 'sbw' is named as they sign their quoted mail."""
    email = Email(
        sender=Address("Hana Ito", "hana@x.example"),
        to=(Address("sbw", "sbw@y.example"),),
        cc=(Address("Jake Sullivan", "jake@x.example"),),
        new_text="How would you frame it? I'm copying Jake Sullivan who works with me on this.",
        quoted_text=(
            "-----Original Message-----\nFrom: sbw <sbw@y.example>\nTo: Hana Ito\n\n"
            "The vote passed tonight. Hooray! Sid\n\nSent via BlackBerry"
        ),
    )
    intro = detect_introduction(email).introduction
    assert intro is not None
    assert [p.name for p in intro.introduced] == ["Sid", "Jake Sullivan"]


def test_mass_mail_footer_is_never_an_introduction() -> None:
    """'Meet X' in a newsletter with an unsubscribe footer is not an introduction."""
    email = Email(
        subject="Meet Nova",
        sender=Address("News", "news@x.example"),
        to=(Address("", "sue@y.example"),),
        new_text="Meet Nova, our smartest planner yet.\n\nUnsubscribe here.",
    )
    verdict = detect_introduction(email)
    assert verdict.introduction is None
    assert any("mass mail" in e for e in verdict.evidence)


_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=600)
_VOCABULARY = (
    "Sue meet Joe , . : introduce you to each other I'm copying Misha who can help "
    "Hi and both two of intro <> / Re: Fwd: > On wrote -----Original Message----- "
    "From: To: \n \n\n"
)
_WORDS = st.lists(
    st.sampled_from(_VOCABULARY.split(" ")),
    max_size=80,
).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(text=st.one_of(_TEXT, _WORDS), subject=st.one_of(_TEXT, _WORDS))
def test_detection_never_raises_on_any_text(text: str, subject: str) -> None:
    """Arbitrary text (and intro-like word salad) gives a verdict, never an exception."""
    email = Email(
        subject=subject,
        sender=Address("Ann", "ann@x.example"),
        to=(Address("Sue", "sue@y.example"),),
        cc=(Address("Joe", "joe@z.example"),),
        new_text=text,
        quoted_text=text,
    )
    verdict = detect_introduction(Thread((email, email)), "sue@y.example")
    assert 0.0 <= verdict.confidence <= 1.0


@settings(max_examples=200, deadline=None)
@given(raw=st.binary(max_size=2000))
def test_detection_never_raises_on_any_bytes(raw: bytes) -> None:
    """Parsing then detecting arbitrary bytes gives a verdict."""
    verdict = detect_introduction(parse_eml(raw), "me@x.example")
    assert verdict.is_introduction in (True, False)


def test_thread_keeps_the_most_likely_non_introduction() -> None:
    """With no introduction, the verdict is the closest miss, not the last message's."""
    near = Email(
        sender=Address("Ann", "ann@x.example"),
        new_text="You two should meet. Would you be open to an introduction?",
    )
    far = Email(sender=Address("Bo", "bo@x.example"), new_text="Lunch at noon?")
    verdict = detect_introduction(Thread((near, far)))
    assert verdict.introduction is None
    # The near miss's reason (vetoed, or scored high with nobody to introduce), never the
    # far message's "no introduction cue": which one depends on the fitted weights.
    assert verdict.reason in ("vetoed: offer", "nobody to introduce")
    assert any("you two should" in said for said in verdict.evidence)


def test_cue_with_nobody_to_introduce() -> None:
    """'You two should meet each other' to nobody: a cue but nobody to introduce."""
    email = Email(
        sender=Address("Ann Lee", "ann@x.example"),
        new_text="I'd love to introduce you to each other.",
    )
    verdict = detect_introduction(email)
    assert (verdict.introduction, verdict.reason) == (None, "nobody to introduce")


def test_intro_sent_with_a_forward_but_no_consent_is_forwarded() -> None:
    """An introduction written over a forwarded note with no 'yes' in it is 'forwarded'."""
    email = Email(
        subject="Fwd: deck",
        sender=Address("Maya Chen", MAYA),
        to=(Address("Sue Park", SUE), Address("Joe Brandt", JOE)),
        new_text="Sue, meet Joe. Joe, meet Sue. His deck is below.",
        quoted_text="---------- Forwarded message ---------\nFrom: Joe <j@x.example>\n\nThe deck.",
    )
    intro = detect_introduction(email).introduction
    assert intro is not None
    assert intro.kind == "forwarded"


# Introductions and their look-alikes in the seven languages, in our own words.
#
# Each introduction greets both people, says what each does and why they should talk,
# with both on To/Cc; each look-alike uses the same vocabulary without introducing.
IN_LANGUAGES = {
    "en": (
        "Quick intro: Ana <> Luis",
        "Hi Ana and Luis,\n\nI'd like to introduce you to each other. Ana runs the data team at "
        "Gilworks and is hiring. Luis just finished his PhD on forecasting.\n\nI think you two "
        "should grab a coffee. I'll let you take it from here.\n\nBest,\nNora",
    ),
    "es": (
        "Presentación: Ana y Luis",
        "Hola Ana, hola Luis:\n\nOs presento. Ana dirige el equipo de datos de Gilworks y está "
        "buscando gente. Luis acaba de terminar su doctorado sobre predicción de demanda.\n\n"
        "Creo que os vendría muy bien hablar. Os dejo que os organicéis.\n\nUn abrazo,\nNora",
    ),
    "de": (
        "Kurze Vorstellung: Ana und Luis",
        "Hallo Ana, hallo Luis,\n\nich möchte euch gerne miteinander bekannt machen. Ana leitet "
        "das Datenteam bei Gilworks und sucht Verstärkung. Luis hat gerade seine Promotion über "
        "Nachfrageprognosen abgeschlossen.\n\nIch glaube, ihr beide solltet euch austauschen. "
        "Alles Weitere überlasse ich euch.\n\nViele Grüße\nNora",
    ),
    "fr": (
        "Mise en relation : Ana et Luis",
        "Bonjour Ana, bonjour Luis,\n\nJe me permets de vous mettre en relation. Ana dirige "
        "l'équipe data de Gilworks et recrute. Luis vient de terminer sa thèse sur la prévision "
        "de la demande.\n\nJe pense que vous auriez beaucoup à échanger. Je vous laisse prendre "
        "contact.\n\nBien à vous,\nNora",
    ),
    "pt": (
        "Apresentação: Ana e Luis",
        "Olá Ana, olá Luis,\n\nQueria apresentar vocês dois. A Ana lidera a equipe de dados da "
        "Gilworks e está contratando. O Luis acabou de terminar o doutorado sobre previsão de "
        "demanda.\n\nAcho que vale muito a pena vocês conversarem. Deixo com vocês a partir "
        "daqui.\n\nAbraço,\nNora",
    ),
    "it": (
        "Presentazione: Ana e Luis",
        "Ciao Ana, ciao Luis,\n\nvi metto in contatto. Ana guida il team dati di Gilworks e sta "
        "assumendo. Luis ha appena finito il dottorato sulla previsione della domanda.\n\n"
        "Credo che valga la pena che vi sentiate. Vi lascio organizzare.\n\nUn caro saluto,\nNora",
    ),
    "nl": (
        "Introductie: Ana en Luis",
        "Hoi Ana en Luis,\n\nGraag wil ik jullie aan elkaar voorstellen. Ana leidt het datateam "
        "bij Gilworks en zoekt versterking. Luis heeft net zijn promotie over vraagvoorspelling "
        "afgerond.\n\nIk denk dat jullie elkaar veel te vertellen hebben. Ik laat het verder "
        "aan jullie over.\n\nGroet,\nNora",
    ),
}

LOOK_ALIKES = {
    "en": "Hi Ana,\n\nAllow me to introduce myself: my name is Nora and I run sales at Fieldco. "
    "Could you introduce me to someone on your data team?\n\nThanks,\nNora",
    "es": "Hola Ana:\n\nMe presento: me llamo Nora y llevo las ventas de Fieldco. ¿Podrías "
    "presentarme a alguien de tu equipo de datos?\n\nGracias,\nNora",
    "de": "Hallo Ana,\n\nich möchte mich kurz vorstellen: mein Name ist Nora, ich leite den "
    "Vertrieb bei Fieldco. Könntest du mich jemandem aus deinem Datenteam vorstellen?"
    "\n\nDanke\nNora",
    "fr": "Bonjour Ana,\n\nPermettez-moi de me présenter : je m'appelle Nora et je dirige "
    "les ventes de Fieldco. Pourriez-vous me présenter quelqu'un de votre équipe data ?"
    "\n\nMerci,\nNora",
    "pt": "Olá Ana,\n\nMe apresento: meu nome é Nora e cuido das vendas da Fieldco. Você "
    "poderia me apresentar a alguém da sua equipe de dados?\n\nObrigada,\nNora",
    "it": "Ciao Ana,\n\nmi presento: mi chiamo Nora e mi occupo delle vendite di Fieldco. "
    "Potresti presentarmi qualcuno del tuo team dati?\n\nGrazie,\nNora",
    "nl": "Hoi Ana,\n\nMag ik mezelf even voorstellen: mijn naam is Nora en ik doe de verkoop "
    "bij Fieldco. Zou je me kunnen voorstellen aan iemand van je datateam?\n\nBedankt,\nNora",
}

OTHER_SCRIPTS = {
    "sv": "Hej Ana och Luis,\n\nJag vill gärna presentera er för varandra. Ana leder "
    "datateamet på Gilworks.",
    "pl": "Cześć Ano, cześć Luisie,\n\nchciałabym was sobie przedstawić. Ana kieruje zespołem "
    "danych w Gilworks.",
    "ja": "山田様、田中様\n\nお二人をご紹介いたします。"
    "山田様はGilworksのデータチームを率いています。",
    "zh": "王先生、李女士：\n\n我想介绍你们认识。王先生负责Gilworks的数据团队。",
}


def _mail(subject: str, body: str, to: str) -> bytes:
    return (
        f"From: Nora Field <nora@field.example>\nTo: {to}\nSubject: {subject}\n"
        "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n"
        f"{body}\n"
    ).encode()


BOTH = "Ana Gil <ana@gilworks.example>, Luis Mora <luis@mora.example>"


@pytest.mark.parametrize(("language", "mail"), IN_LANGUAGES.items())
def test_introduction_in_each_language(language: str, mail: tuple[str, str]) -> None:
    """A classic introduction is recognised, with its language, introducer and both people."""
    verdict = detect_introduction(parse_eml(_mail(*mail, BOTH)), "ana@gilworks.example")
    intro = verdict.introduction
    assert intro is not None, verdict.reason
    assert intro.language == language
    assert intro.introducer.email == "nora@field.example"
    assert {p.email for p in intro.introduced} == {"ana@gilworks.example", "luis@mora.example"}
    assert intro.user_role == "introduced"


@pytest.mark.parametrize(("language", "body"), LOOK_ALIKES.items())
def test_self_introduction_and_request_are_not_introductions(language: str, body: str) -> None:
    """Introducing oneself and asking for an introduction share the words, not the act."""
    verdict = detect_introduction(
        parse_eml(_mail("Hola / Hallo / Hi", body, "Ana Gil <ana@gilworks.example>"))
    )
    assert verdict.introduction is None, (language, verdict.evidence)


@pytest.mark.parametrize(("language", "body"), OTHER_SCRIPTS.items())
def test_other_languages_do_not_break(language: str, body: str) -> None:
    """Swedish, Polish, Japanese and Chinese mail gets a verdict (any), never an error."""
    verdict = detect_introduction(parse_eml(_mail("Intro", body, BOTH)))
    assert 0.0 <= verdict.confidence <= 1.0
    if verdict.introduction is not None:
        assert verdict.introduction.introducer.email == "nora@field.example"


def test_a_team_carries_the_members_the_introduction_names() -> None:
    """One person introduced to a team: the group's members, not the newcomer's."""
    intro = _intro("one_to_many_team.eml")
    assert [(p.email, p.members) for p in intro.introduced] == [
        ("design@tidewell.example", ("Mira", "Tomas", "Keiko")),
        ("owen@fairbanks.example", ()),
    ]


def test_without_a_phrase_cue_the_handoff_names_who_is_introduced() -> None:
    """Found by the lexicon alone, a hand-off introduces the person its sentence names,
    not the first few people copied."""
    email = Email(
        sender=Address("Rosa Vidal", "rosa@lab.example"),
        to=(Address("Omar Haddad", "omar@clinic.example"),),
        cc=(
            Address("Ines Moreau", "ines@lab.example"),
            Address("Paul Berg", "paul@lab.example"),
            Address("Dana Kirk", "dana@lab.example"),
            Address("Kelly Park", "kelly@lab.example"),
        ),
        new_text=(
            "Omar -\nThanks for the thoughts and the offer to help. We have talked about this "
            "before.\nI'm copying our head of clinical research, Kelly Park."
        ),
    )
    verdict = detect_introduction(email)
    intro = verdict.introduction
    assert intro is not None, verdict.reason
    assert [p.email for p in intro.introduced] == ["omar@clinic.example", "kelly@lab.example"]


def test_a_broken_name_after_copying_gives_way_to_the_copied_it_names() -> None:
    """A name the cue read wrong ("Directo r", a scan's broken word) resolves to nobody:
    the people copied whom the sentence names are the introduced."""
    email = Email(
        sender=Address("Rosa Vidal", "rosa@lab.example"),
        to=(Address("Omar Haddad", "omar@clinic.example"),),
        cc=(
            Address("Robert Stein", "rob@agency.example"),
            Address("Mia Lund", "mia@agency.example"),
        ),
        new_text=(
            "Omar:\nMany thanks for sending this. I am\ncopying CDC Directo r Rob Stein and his "
            "colleague Mia Lund on this e-\nmail. I am sure one of them will contact you."
        ),
    )
    intro = detect_introduction(email).introduction
    assert intro is not None
    assert sorted(p.email for p in intro.introduced) == [
        "mia@agency.example",
        "omar@clinic.example",
        "rob@agency.example",
    ]


def test_several_people_and_nothing_else_is_no_introduction() -> None:
    """The gate: weights that would take a message to several people for an introduction
    do not, when no connecting word, cue, subject or description is there."""
    recipients_only = Weights(
        tuple(10.0 if f == "recipients" else 0.0 for f in FEATURES), bias=0.0, threshold=0.5
    )
    team = tuple(Address(n, f"{n.lower()}@firm.example") for n in ("Gerald", "Mark", "Aileen"))
    email = Email(
        sender=Address("Eric Jenkins", "eric@counsel.example"),
        to=team[:1],
        cc=team[1:],
        new_text="Gerald, attached is the summary chart. Please review it before Monday.",
    )
    verdict = detect_introduction(email, weights=recipients_only)
    assert verdict.introduction is None
    assert verdict.reason == "no introduction cue"
    described = replace(email, new_text=email.new_text + " Mark is our lead on the deal.")
    assert detect_introduction(described, weights=recipients_only).introduction is not None


# What a rejected verdict's confidence says: the decision that rejected it.
_PEOPLE = tuple(Address(n, f"{n.lower()}@firm.example") for n in ("Gerald", "Mark", "Aileen"))


def _flat(bias: float, **weights: float) -> Weights:
    """A model that weighs only the named signals (threshold at 0.5)."""
    return Weights(tuple(weights.get(f, 0.0) for f in FEATURES), bias=bias, threshold=0.5)


def test_a_message_the_gate_rules_out_has_no_confidence_left() -> None:
    """The gate decides "no introduction" whatever the weights say: confidence 0, not a
    figure just under the line that still outranks a real near miss."""
    email = Email(
        sender=Address("Eric Jenkins", "eric@counsel.example"),
        to=_PEOPLE[:1],
        cc=_PEOPLE[1:],
        new_text="Gerald, attached is the summary chart. Please review it before Monday.",
    )
    verdict = detect_introduction(email, weights=_flat(0.0, recipients=10.0))
    assert (verdict.introduction, verdict.confidence) == (None, 0.0)
    assert verdict.reason == "no introduction cue"


def test_a_cue_with_nobody_to_introduce_has_no_confidence_left() -> None:
    """Nobody can be cast: no introduction, so no confidence in one."""
    email = Email(
        sender=Address("Ann Lee", "ann@x.example"),
        new_text="I'd love to introduce you to each other.",
    )
    verdict = detect_introduction(email, weights=_flat(5.0))
    assert (verdict.introduction, verdict.confidence) == (None, 0.0)
    assert verdict.reason == "nobody to introduce"


def test_a_cue_too_weak_to_make_an_introduction_is_not_called_no_cue() -> None:
    """The model's own figure, and a reason that does not deny the cue it read."""
    email = Email(
        sender=Address("Eric Jenkins", "eric@counsel.example"),
        to=_PEOPLE[:2],
        new_text="Gerald, Mark: you two should meet. Mark runs the Boston office.",
    )
    verdict = detect_introduction(email, weights=_flat(-2.0))
    assert verdict.introduction is None
    assert verdict.confidence == pytest.approx(0.119, abs=0.001)
    assert verdict.reason == "too little evidence"


def test_a_rejected_figure_never_rounds_up_to_the_line() -> None:
    """A model figure of 0.4996 rejects: the verdict must not read 0.5."""
    email = Email(
        sender=Address("Eric Jenkins", "eric@counsel.example"),
        to=_PEOPLE[:2],
        new_text="Gerald, Mark: you two should meet.",
    )
    verdict = detect_introduction(email, weights=_flat(-0.0016))
    assert verdict.introduction is None
    assert verdict.confidence < 0.5


def test_a_near_miss_outranks_a_gated_message_in_a_thread() -> None:
    """A vetoed or uncast message with connecting words is the closer miss: its reason
    is the thread's, even when the gated message after it weighs more."""
    near = Email(
        sender=Address("Ann", "ann@x.example"),
        new_text="You two should meet. Would you be open to an introduction?",
    )
    gated = Email(
        sender=Address("Eric Jenkins", "eric@counsel.example"),
        to=_PEOPLE[:1],
        cc=_PEOPLE[1:],
        new_text="Gerald, attached is the summary chart.",
    )
    verdict = detect_introduction(Thread((near, gated)), weights=_flat(0.0, recipients=10.0))
    assert verdict.reason == "nobody to introduce"

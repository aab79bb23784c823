"""Small threads for the follow-up tests: an introduction by Joe of Dana (the user) and Sue."""

from __future__ import annotations

from app.core.model import Address, Email, Introduction, Person, Thread

JOE = Address("Joe Whitfield", "joe@whitfield.example")
DANA = Address("Dana Reyes", "dana@reyes.example")
SUE = Address("Sue Okonkwo", "sue@tidewater.example")
ME = DANA.email

INTRO_TEXT = {
    "en": "Dana, meet Sue. Sue runs the freight analytics group at Tidewater. "
    "I think you two should talk, you are working on the same problem.",
    "es": "Dana, te presento a Sue. Sue dirige el equipo de análisis de Tidewater. "
    "Creo que las dos deberíais hablar, estáis trabajando en lo mismo y es muy útil.",
    "de": "Dana, darf ich dir Sue vorstellen? Sue leitet das Analyseteam bei Tidewater. "
    "Ich denke, ihr solltet euch unterhalten, weil ihr an dem gleichen Problem arbeitet.",
    "fr": "Dana, je te présente Sue. Sue dirige l'équipe d'analyse chez Tidewater. "
    "Je pense que vous devriez vous parler, vous travaillez sur le même sujet.",
    "pt": "Dana, apresento-te a Sue. A Sue lidera a equipe de análise da Tidewater. "
    "Acho que vocês duas deveriam conversar, estão trabalhando no mesmo problema.",
    "it": "Dana, ti presento Sue. Sue guida il gruppo di analisi di Tidewater. "
    "Penso che dovreste parlarvi, state lavorando sullo stesso problema e sarebbe utile.",
    "nl": "Dana, mag ik je voorstellen aan Sue? Sue leidt het analyseteam bij Tidewater. "
    "Ik denk dat jullie eens moeten praten, jullie werken aan hetzelfde probleem.",
}


def mail(
    sender: Address,
    to: tuple[Address, ...],
    text: str,
    cc: tuple[Address, ...] = (),
    n: int = 1,
) -> Email:
    """One message of the thread, numbered for its Message-ID."""
    return Email(
        subject="Re: Dana, meet Sue" if n > 1 else "Dana, meet Sue",
        sender=sender,
        to=to,
        cc=cc,
        message_id=f"<m{n}@example>",
        references=tuple(f"<m{i}@example>" for i in range(1, n)),
        text=text,
        new_text=text,
    )


def intro_thread(
    language: str = "en", *later: Email, blurb: str = ""
) -> tuple[Introduction, Thread]:
    """Joe's introduction (in `language`) followed by `later` messages."""
    first = mail(JOE, (DANA, SUE), INTRO_TEXT[language])
    thread = Thread(messages=(first, *later), thread_id="t1")
    sue = Person(SUE.name, SUE.email, blurb or "Sue runs the freight analytics group at Tidewater.")
    intro = Introduction(
        kind="classic",
        introducer=Person(JOE.name, JOE.email),
        introduced=(Person(DANA.name, DANA.email), sue),
        user_role="introduced",
        confidence=0.9,
        evidence=("test",),
        message_index=0,
        subject=first.subject,
        message_id=first.message_id,
        language=language,
    )
    return intro, thread


def first_reply(
    n: int = 2, text: str = "Thanks Joe! Sue, nice to e-meet you. Coffee next week?"
) -> Email:
    """Dana's first reply: Sue on To, Joe on Cc."""
    return mail(DANA, (SUE,), text, cc=(JOE,), n=n)

"""Introductions and first answers in the seven languages, in both registers (test data).

Written for these tests (not taken from the corpus or the seed). Ana/Anna/Anne is the
user; the introducer writes to both; the other person may answer first.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from app.core.model import Address, Email, Thread


@dataclass(frozen=True)
class Case:
    """One introduction and the other side's answer, in one language and register."""

    id: str
    lang: str  # the code the reply must be written with ("pt-PT" for European Portuguese)
    register: str  # the register the introducer (and the answer) used
    introducer: Address
    user: Address
    other: Address
    intro: str
    answer: str


def _a(name: str, email: str) -> Address:
    return Address(name, email)


CASES = (
    Case(
        "es-informal", "es", "informal",
        _a("Marta Gil", "marta@gil.example"), _a("Ana López", "ana@lumen.example"),
        _a("Carlos Ruiz", "carlos@ruta.example"),
        "Hola Ana y Carlos:\n\nOs presento. Ana dirige el equipo de datos de Lumen y Carlos "
        "acaba de fundar una empresa de logística en Valencia. Creo que tenéis mucho de qué "
        "hablar, así que os dejo seguir a vosotros.\n\nUn abrazo,\nMarta",
        "Hola Ana:\n\n¡Gracias, Marta! Ana, un placer conocerte. ¿Cuándo te viene bien "
        "hablar?\n\nCarlos",
    ),
    Case(
        "es-polite", "es", "polite",
        _a("Marta Gil", "marta@gil.example"), _a("Ana López", "ana@lumen.example"),
        _a("Carlos Ruiz", "carlos@ruta.example"),
        "Buenos días, Ana y Carlos:\n\nMe permito ponerles en contacto. Ana, le presento a "
        "Carlos Ruiz, que ha fundado una empresa de logística en Valencia. Carlos, Ana López "
        "dirige el equipo de datos de Lumen. Estoy segura de que una conversación sería útil "
        "para ambos.\n\nAtentamente,\nMarta Gil",
        "Buenos días, Ana:\n\nMuchas gracias, Marta. Es un placer conocerle. ¿Cuándo le "
        "vendría bien que habláramos?\n\nCarlos Ruiz",
    ),
    Case(
        "de-informal", "de", "informal",
        _a("Marta Kühn", "marta@kuehn.example"), _a("Anna Berger", "anna@kranich.example"),
        _a("Jonas Vogel", "jonas@vogel.example"),
        "Hallo Anna, hallo Jonas,\n\nich möchte euch gern miteinander bekannt machen. Anna "
        "baut bei Kranich das Datenteam auf, und Jonas hat gerade ein Logistik-Startup in "
        "Leipzig gegründet. Ihr solltet euch unbedingt austauschen!\n\nLiebe Grüße\nMarta",
        "Hallo Anna,\n\ndanke, Marta! Anna, freut mich sehr. Wann passt es dir?\n\nJonas",
    ),
    Case(
        "de-polite", "de", "polite",
        _a("Marta Kühn", "marta@kuehn.example"), _a("Anna Berger", "anna@kranich.example"),
        _a("Jonas Vogel", "jonas@vogel.example"),
        "Guten Tag Frau Berger, guten Tag Herr Vogel,\n\ngerne stelle ich Sie einander vor. "
        "Frau Berger leitet bei Kranich das Datenteam; Herr Vogel hat ein Logistikunternehmen "
        "in Leipzig gegründet. Ich bin sicher, dass ein Gespräch für Sie beide lohnend "
        "wäre.\n\nMit freundlichen Grüßen\nMarta Kühn",
        "Guten Tag Frau Berger,\n\nvielen Dank, Frau Kühn. Es freut mich, Sie "
        "kennenzulernen. Wann passt es Ihnen?\n\nJonas Vogel",
    ),
    Case(
        "fr-informal", "fr", "informal",
        _a("Marie Dubois", "marie@dubois.example"), _a("Anne Roux", "anne@lumen.example"),
        _a("Julien Petit", "julien@petit.example"),
        "Salut Anne, salut Julien,\n\nJe vous présente ! Anne, Julien vient de lancer une "
        "société de logistique à Lyon, et je pense que tu vas adorer échanger avec lui. "
        "Julien, Anne dirige l'équipe data chez Lumen. Je vous laisse continuer !\n\nBises,"
        "\nMarie",
        "Salut Anne,\n\nMerci Marie ! Anne, ravi de te rencontrer. Quand es-tu "
        "disponible ?\n\nJulien",
    ),
    Case(
        "fr-polite", "fr", "polite",
        _a("Marie Dubois", "marie@dubois.example"), _a("Anne Roux", "anne@lumen.example"),
        _a("Julien Petit", "julien@petit.example"),
        "Madame, Monsieur,\n\nJe me permets de vous mettre en relation. Madame Roux dirige "
        "l'équipe data de Lumen ; Monsieur Petit a fondé une société de logistique à Lyon. "
        "Je suis convaincue qu'un échange vous serait profitable.\n\nBien cordialement,"
        "\nMarie Dubois",
        "Madame,\n\nMerci beaucoup, Madame Dubois. Je serais heureux d'échanger avec vous. "
        "Quelles seraient vos disponibilités ?\n\nJulien Petit",
    ),
    Case(
        "it-informal", "it", "informal",
        _a("Marta Conti", "marta@conti.example"), _a("Anna Rossi", "anna@lumen.example"),
        _a("Luca Bianchi", "luca@bianchi.example"),
        "Ciao Anna, ciao Luca,\n\nvi presento! Anna guida il team dati di Lumen, Luca ha "
        "appena fondato una startup di logistica a Torino. Anna, secondo me con Luca hai "
        "tanto di cui parlare: ti lascio il suo contatto qui in copia.\n\nUn abbraccio,\nMarta",
        "Ciao Anna,\n\ngrazie Marta! Anna, piacere di conoscerti. Quando ti va di "
        "sentirci?\n\nLuca",
    ),
    Case(
        "it-polite", "it", "polite",
        _a("Marta Conti", "marta@conti.example"), _a("Anna Rossi", "anna@lumen.example"),
        _a("Luca Bianchi", "luca@bianchi.example"),
        "Gentile dottoressa Rossi, gentile dottor Bianchi,\n\nmi permetto di presentarvi. "
        "Dottoressa Rossi, Le presento il dottor Bianchi, che ha fondato un'azienda di "
        "logistica a Torino. La dottoressa Rossi dirige il team dati di Lumen. Sono certa "
        "che un incontro sarà utile a entrambi.\n\nCordiali saluti,\nMarta Conti",
        "Gentile dottoressa Rossi,\n\nLa ringrazio, e grazie alla dottoressa Conti. Sarà un "
        "piacere conoscerLa. Quando Le sarebbe comodo sentirci?\n\nLuca Bianchi",
    ),
    Case(
        "nl-informal", "nl", "informal",
        _a("Marloes Bakker", "marloes@bakker.example"), _a("Anna de Vries", "anna@lumen.example"),
        _a("Daan Jansen", "daan@jansen.example"),
        "Hoi Anna en Daan,\n\nIk wil jullie graag aan elkaar voorstellen. Anna leidt het "
        "datateam bij Lumen en Daan is net een logistiek bedrijf begonnen in Utrecht. "
        "Jullie moeten echt eens bijpraten!\n\nGroetjes,\nMarloes",
        "Hoi Anna,\n\nDank je, Marloes! Anna, leuk je te leren kennen. Wanneer heb jij "
        "tijd?\n\nDaan",
    ),
    Case(
        "nl-polite", "nl", "polite",
        _a("Marloes Bakker", "marloes@bakker.example"), _a("Anna de Vries", "anna@lumen.example"),
        _a("Daan Jansen", "daan@jansen.example"),
        "Geachte mevrouw De Vries, geachte heer Jansen,\n\nGraag stel ik u aan elkaar voor. "
        "Mevrouw De Vries leidt het datateam van Lumen; de heer Jansen heeft een logistiek "
        "bedrijf in Utrecht opgericht. Ik ben ervan overtuigd dat een gesprek u beiden van "
        "nut kan zijn.\n\nMet vriendelijke groet,\nMarloes Bakker",
        "Geachte mevrouw De Vries,\n\nHartelijk dank, mevrouw Bakker. Graag maak ik kennis "
        "met u. Wanneer komt het u uit?\n\nMet vriendelijke groet,\nDaan Jansen",
    ),
    Case(
        "pt-BR-informal", "pt-BR", "informal",
        _a("Mariana Souza", "mariana@souza.example"), _a("Ana Lima", "ana@lumen.example"),
        _a("Pedro Alves", "pedro@alves.example"),
        "Oi Ana, oi Pedro,\n\nQuero apresentar vocês dois. A Ana lidera a equipe de dados da "
        "Lumen, e o Pedro acabou de fundar uma startup de logística em Curitiba. Tenho "
        "certeza de que vocês vão ter muito o que conversar!\n\nAbraços,\nMariana",
        "Oi Ana,\n\nValeu, Mariana! Ana, prazer em te conhecer. Quando fica bom para você "
        "conversar?\n\nPedro",
    ),
    Case(
        "pt-PT-informal", "pt-PT", "informal",
        _a("Mariana Sousa", "mariana@sousa.example"), _a("Ana Lima", "ana@lumen.example"),
        _a("Pedro Alves", "pedro@alves.example"),
        "Olá Ana, olá Pedro,\n\nApresento-vos um ao outro! A Ana lidera a equipa de dados da "
        "Lumen e o Pedro acabou de criar uma empresa de logística no Porto. Ana, tens mesmo "
        "de falar com o Pedro, vais gostar.\n\nBeijinhos,\nMariana",
        "Olá Ana,\n\nObrigado, Mariana! Ana, gostava muito de te conhecer. Quando tens "
        "tempo?\n\nPedro",
    ),
    Case(
        "pt-PT-polite", "pt-PT", "polite",
        _a("Mariana Sousa", "mariana@sousa.example"), _a("Ana Lima", "ana@lumen.example"),
        _a("Pedro Alves", "pedro@alves.example"),
        "Bom dia Ana, bom dia Pedro,\n\nTenho todo o gosto em apresentá-los. A Ana lidera a "
        "equipa de dados da Lumen; o Pedro fundou uma empresa de logística no Porto. Ana, "
        "apresento-lhe o Pedro: estou certa de que uma conversa será útil para ambos.\n\n"
        "Com os melhores cumprimentos,\nMariana Sousa",
        "Bom dia Ana,\n\nAgradeço à Mariana a apresentação. Terei todo o gosto em conhecê-la. "
        "Quando lhe daria jeito conversarmos?\n\nCom os melhores cumprimentos,\nPedro Alves",
    ),
)  # fmt: skip

_DAY = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def intro_mail(case: Case) -> Email:
    """The introduction: from the introducer to the user and the other person."""
    return Email(
        subject="Intro",
        sender=case.introducer,
        to=(case.user, case.other),
        message_id=f"<intro-{case.id}@example>",
        date=_DAY,
        text=case.intro,
        new_text=case.intro,
    )


def answer_mail(case: Case, *, keep_introducer: bool = True) -> Email:
    """The other person's answer, to the user, with the introducer on Cc (or moved off)."""
    return Email(
        subject="Re: Intro",
        sender=case.other,
        to=(case.user,),
        cc=(case.introducer,) if keep_introducer else (),
        message_id=f"<answer-{case.id}@example>",
        in_reply_to=f"<intro-{case.id}@example>",
        references=(f"<intro-{case.id}@example>",),
        date=_DAY.replace(day=3),
        text=case.answer,
        new_text=case.answer,
    )


def fresh(case: Case) -> Thread:
    """Only the introduction."""
    return Thread((intro_mail(case),))


def answered(case: Case) -> Thread:
    """The introduction and the other side's answer."""
    return Thread((intro_mail(case), answer_mail(case)))

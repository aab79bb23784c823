"""Introductions and their look-alikes in the seven languages, in our own words.

Each introduction greets both people, says what each does and why they should talk,
with both on To/Cc; each look-alike uses the same vocabulary without introducing.
"""

from __future__ import annotations

import pytest

from app.core.intro import detect_introduction
from app.core.mail.rfc822 import parse_eml

INTRODUCTIONS = {
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


@pytest.mark.parametrize(("language", "mail"), INTRODUCTIONS.items())
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

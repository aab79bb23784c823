"""The fitted sentence ask model: its features, its file, its answers."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.checks.ask_model import (
    ASK_MODEL,
    MEETING_DOUBT,
    AskModel,
    Linear,
    features,
    model_from_json,
)

CORPUS = Path(__file__).resolve().parents[4] / "shared" / "corpus"


def test_features_are_folded_words_pairs_and_kind_words() -> None:
    """Words are folded (case, accents, digits), with pairs, the start, and kind words."""
    found = features("¿Podrías revisar MI CV antes del 15?")
    assert "w:podrias" in found
    assert "b:mi cv" in found
    assert "s:podrias" in found
    assert "w:0" in found
    assert "k:review" in found


def test_a_sentence_in_any_language_names_its_kind_words() -> None:
    """The kind lexicon reads the seven languages: a job, a referral, a review."""
    assert "k:job" in features("Gibt es bei euch eine offene Stelle im Vertrieb?")
    assert "k:referral" in features("Pourriez-vous me recommander auprès de votre DRH ?")
    assert "k:review" in features("Zou je even naar mijn cv willen kijken?")


def test_probabilities_sum_to_one() -> None:
    """Softmax over ask / meeting / none; unknown features change nothing."""
    probabilities = ASK_MODEL.intent.probabilities(["w:never-seen-feature"])
    assert set(probabilities) == {"ask", "meeting", "none"}
    assert sum(probabilities.values()) == pytest.approx(1.0)


def test_a_binary_model_reads_as_two_classes() -> None:
    """A two-class model (one score) gives the logistic of it to the second class."""
    model = Linear(("no", "yes"), (0.0,), {"w:x": (2.0,)})
    found = model.probabilities(["w:x"])
    assert found["yes"] > 0.85
    assert found["no"] == pytest.approx(1 - found["yes"])


def test_the_model_file_is_checked() -> None:
    """A model file without its parts is refused with a clear error."""
    with pytest.raises(ValueError, match="intent and kind"):
        model_from_json({"intent": [], "kind": {}, "threshold": 0.5})
    with pytest.raises(ValueError, match="threshold"):
        model_from_json({"intent": {}, "kind": {}, "threshold": "high"})


def test_clear_asks_and_clear_non_asks() -> None:
    """A request for a referral scores above the threshold; thanks far below it."""
    assert ASK_MODEL.ask_probability("Could you refer me for the PM role?") >= ASK_MODEL.threshold
    assert ASK_MODEL.ask_probability("Thanks so much, Joe!") < ASK_MODEL.threshold


@pytest.mark.skipif(not (CORPUS / "intent").exists(), reason="corpus not beside the repo")
def test_committed_ask_weights_are_current() -> None:
    """Refitting on the labelled sentences gives the committed file byte for byte."""
    from scripts.train_asks import main

    assert main(["--check"]) == 0


def test_request_forms_in_several_languages() -> None:
    """A request form is one family whatever the language, hyphenated or not."""
    from app.core.checks.ask_model import request_forms

    for sentence in (
        "Could you send me your notes?",
        "¿Podrías enviarme tus notas?",
        "Pourriez-vous m'envoyer vos notes ?",
        "Podes enviar-me as tuas notas?",
        "Kun je me je aantekeningen sturen?",
    ):
        assert {"modal_you", "give_me"} <= request_forms(sentence), sentence


def test_meeting_words_are_a_feature_of_their_own() -> None:
    """ "Could you do a coffee" pairs the request form with a meeting word: a next step."""
    found = features("Could you do a coffee next week?")
    assert "f:modal_you+meet" in found
    assert "f:modal_you+give_me" not in found


def _scores_by_loop(model: Linear, names: list[str]) -> list[float]:
    """The class scores as first written: a Python loop over the features and classes."""
    scores = list(model.bias)
    for name in set(names):
        row = model.weights.get(name)
        if row is not None:
            for i, weight in enumerate(row):
                scores[i] += weight
    return scores


@pytest.mark.parametrize(
    "sentence",
    [
        "Could you refer me for the open PM role at your company?",
        "Would you have time for a coffee next week?",
        "Thanks so much, Joe!",
        "¿Podrías presentarme a alguien en Mahou?",
        "Pourriez-vous m'envoyer la liste ?",
        "",
        "zzz qqq",
    ],
)
def test_probabilities_add_up_the_features_as_a_plain_loop_does(sentence: str) -> None:
    """Same floats, bit for bit, as the loop (the C-level sums keep its order)."""
    import math

    for model in (ASK_MODEL.intent, ASK_MODEL.kind):
        names = features(sentence)
        scores = _scores_by_loop(model, names)
        found = model.probabilities(names)
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        expected = {c: e / sum(exps) for c, e in zip(model.classes, exps, strict=True)}
        assert found == expected


def _three_class(meeting_weight: float) -> AskModel:
    """A hand-set ask / meeting / none model: "please" leans to an ask, "call" to a
    meeting by `meeting_weight` (no kind model needed for `asks`)."""
    intent = Linear(
        ("ask", "meeting", "none"),
        (0.0, 0.0, 0.0),
        {"w:please": (3.0, 0.0, 0.0), "w:call": (0.0, meeting_weight, 0.0)},
    )
    return AskModel(intent, Linear(("favour", "review"), (0.0,), {}), 0.5)


def test_a_request_that_reads_partly_as_a_meeting_asks_only_when_it_names_a_kind() -> None:
    """Past the threshold and above P(meeting), a sentence whose P(meeting) reaches
    MEETING_DOUBT still asks only when it names a kind of ask (a review here)."""
    model = _three_class(2.4)  # P(ask) ~0.6, P(meeting) ~0.37: an ask, but in doubt
    found = model.intent.probabilities(features("please arrange the call"))
    assert found["ask"] >= 0.5
    assert found["ask"] > found["meeting"] >= MEETING_DOUBT
    assert not model.asks("please arrange the call")
    assert model.asks("please review the deck before the call")


def test_a_request_with_no_doubt_of_a_meeting_asks_without_a_kind() -> None:
    """With P(meeting) under MEETING_DOUBT no kind word is needed."""
    model = _three_class(0.0)
    assert (
        model.intent.probabilities(features("please arrange the call"))["meeting"] < MEETING_DOUBT
    )
    assert model.asks("please arrange the call")


@pytest.mark.parametrize(
    "sentence",
    [
        "Before we talk, would you mind reviewing our pilot protocol?",
        "Antes de la llamada, ¿podrías revisar mi propuesta?",
        "Vor unserem Telefonat: könnten Sie bitte mein Konzept lesen?",
    ],
)
def test_a_meeting_word_only_in_an_opening_clause_before_a_request_sets_the_scene(
    sentence: str,
) -> None:
    """A meeting word only in a short opening clause, with the request form after it,
    is `meet_lead`, not a meeting proposal."""
    from app.core.checks.ask_model import request_forms

    forms = request_forms(sentence)
    assert "meet_lead" in forms
    assert "meet" not in forms


def test_a_meeting_word_in_the_request_itself_stays_a_meeting() -> None:
    """ "Could you talk on Tuesday, please?" proposes a meeting: the request form is in
    the clause with the meeting word, not after it."""
    from app.core.checks.ask_model import request_forms

    assert "meet" in request_forms("Could you talk on Tuesday, please?")
    assert "meet" in request_forms("Please, could you find a time for a call?")


@pytest.mark.parametrize(
    ("sentence", "family"),
    [
        ("I was wondering if you could send the notes when you get a chance.", "if_you_could"),
        ("Si pudieras revisarlo esta semana, genial.", "if_you_could"),
        ("Se riesci, mandami il file.", "if_you_could"),
        ("An intro to her would mean a lot.", "would_help"),
        ("Un petit mot de ta part m'aiderait vraiment.", "would_help"),
        ("Een goed woordje zou echt het verschil kunnen maken.", "would_help"),
        ("Would you be willing to speak at our meetup?", "willing"),
        ("¿Te animarías a dar una charla?", "willing"),
        ("Ti andrebbe di fare da giuria?", "willing"),
        ("I need you to sign the form.", "need_you"),
        ("Necesito que me confirmes la fecha.", "need_you"),
        ("Go ahead and file it.", "you_should"),
        ("Vergiss nicht, mir die Folien zu schicken.", "you_should"),
        ("Can I get a copy of the invoices?", "may_i"),
        ("Mag ik u vragen om een steunbrief?", "may_i"),
        ("Do you know anyone at Stripe?", "know_someone"),
        ("Kennst du jemanden bei Siemens?", "know_someone"),
        ("Who should I talk to next?", "who_should_i"),
        ("Con chi altro dovrei parlare?", "who_should_i"),
        ("Send it by Friday, please.", "deadline"),
        ("Pourriez-vous me répondre d'ici vendredi ?", "deadline"),
        ("Click here to unsubscribe.", "mass"),
        ("Soll ich Ihnen unser Whitepaper schicken?", "offer"),
        ("Tu veux que je te passe le nom ?", "offer"),
        ("Sucht ihr gerade noch Leute fürs Data-Team?", "hiring"),
        ("Vocês estão contratando pro time de dados?", "hiring"),
    ],
)
def test_further_shapes_of_a_request_in_several_languages(sentence: str, family: str) -> None:
    """The shapes of `ask_shapes.json` are request-form families like the others, read
    in the same scan, in any of the seven languages."""
    from app.core.checks.ask_model import request_forms

    assert family in request_forms(sentence)


def test_english_meeting_words_join_the_meeting_family() -> None:
    """ "meeting" and "call" are meeting words in English as "reunión" and "appel" are in
    Spanish and French; a request shape beside them is a pair of its own."""
    from app.core.checks.ask_model import request_forms

    assert "meet" in request_forms("Can you arrange this call?")
    assert "f:would_help+meet" in features("It would be great to set up a meeting.")
    assert "meet" not in request_forms("Please send me the report.")


# English "download", "the app", "our app" still fire on any mention of an app: narrowed
# to calls to action they cost written recall 0.769 -> 0.748-0.762 (`eval_asks --c 0.3`).
_BROAD_EN = pytest.mark.xfail(strict=True, reason="English mass entries kept broad")


@pytest.mark.parametrize(
    ("sentence", "family"),
    [
        # Dutch "uiterlijk" is "at the latest" before a time, "appearance" elsewhere.
        ("Het uiterlijk van de app is volledig vernieuwd.", "deadline"),
        ("Zijn uiterlijk doet er niet toe.", "deadline"),
        # "you might" on its own states a possibility, not a task.
        ("You might like this article on hiring.", "you_should"),
        ("I think you might know her already.", "you_should"),
        # Portuguese "se" before a verb is also the reflexive / impersonal pronoun.
        ("No início vai se precisar de mais gente no projeto.", "offer"),
        # Naming an app or a download is not a mass-mail call to action.
        pytest.param("I built the app with two friends last year.", "mass", marks=_BROAD_EN),
        pytest.param("Our app helps teachers plan their lessons.", "mass", marks=_BROAD_EN),
        pytest.param("I had to download the report before the meeting.", "mass", marks=_BROAD_EN),
        ("Tuve que descargar el informe antes de la reunión.", "mass"),
        ("Ich konnte die Datei gestern nicht herunterladen.", "mass"),
        ("J'ai dû télécharger le rapport hier soir.", "mass"),
        ("Consegui baixar o relatório ontem.", "mass"),
        ("Lei scarica sempre i dati il lunedì.", "mass"),
        ("Ik kon het bestand gisteren niet downloaden.", "mass"),
    ],
)
def test_ordinary_text_does_not_read_as_a_request_shape(sentence: str, family: str) -> None:
    """An entry of `ask_shapes.json` names the forms that mean its family, not a word
    that also has an everyday sense."""
    from app.core.checks.ask_model import request_forms

    assert family not in request_forms(sentence)


@pytest.mark.parametrize(
    ("sentence", "family"),
    [
        ("Stuur het me uiterlijk vrijdag, graag.", "deadline"),
        ("Graag uiterlijk op 15 maart een reactie.", "deadline"),
        ("Kun je het uiterlijk voor het einde van de maand sturen?", "deadline"),
        ("You might want to call her first.", "you_should"),
        ("You might consider sending her the deck.", "you_should"),
        ("Se você precisar de algo, é só falar.", "offer"),
        ("Se um dia precisar de ajuda com isso, me avisa.", "offer"),
        ("Caso precise de alguma coisa, estou por aqui.", "offer"),
        ("Se precisar de mim, é só chamar.", "offer"),
        ("Download the app to get started.", "mass"),
        ("Download our free guide today.", "mass"),
        ("Descarga la app y empieza hoy.", "mass"),
        ("Jetzt herunterladen und loslegen!", "mass"),
        ("Téléchargez l'application dès maintenant.", "mass"),
        ("Baixe o app e comece agora.", "mass"),
        ("Scarica l'app e inizia subito.", "mass"),
        ("Download de app en begin vandaag.", "mass"),
    ],
)
def test_the_narrowed_request_shapes_still_read_their_forms(sentence: str, family: str) -> None:
    """The narrowed entries still find the forms that mean the family."""
    from app.core.checks.ask_model import request_forms

    assert family in request_forms(sentence)

"""The sentence banks: every language has every slot and voice, lines format, no gendered guess."""

from __future__ import annotations

import re
import string

import pytest

from app.core.checks.asks import ask_kind
from app.core.checks.structure import is_next_step
from app.core.preferences import NEXT_STEPS, TONES
from app.core.reply.bank import ADDRESSING, GROUP, SLOTS, VARIETIES, bank_for, next_slot
from app.core.reply.phrasing import ACCEPT, COUNTER

OTHERS = tuple(code for code in VARIETIES if code != "en")
PLACEHOLDERS = {"names", "introducer", "fact", "other", "proposal", "alternative"}
# Words whose form depends on the gender of the writer or reader, which we do not know:
# the banks must say the same thing with a construction that needs none.
GENDERED = {
    "es": r"\b(?:estimad[oa]s?|querid[oa]s?|encantad[oa]|agradecid[oa]|seguro|segura|cada uno)\b",
    "de": r"\b(?:Liebe(?! Grüße)|Lieber|Sehr geehrte[r]?|Frau|Herr)\b",
    "fr": r"\b(?:cher|chère|ravie?|heureux|heureuse|curieux|curieuse|partante?)\b",
    "it": r"\b(?:car[oa] [A-Z{]|lieto|lieta|curios[oa]|gentile \{names\}|gentili|ciascuno)\b",
    "nl": r"\b(?:mevrouw|meneer|heer)\b",
    "pt-BR": r"\b(?:obrigad[oa]|prezad[oa]s?|car[oa] |curios[oa]|grat[oa])\b",
    "pt-PT": r"\b(?:obrigad[oa]|prezad[oa]s?|car[oa] |curios[oa]|grat[oa])\b",
}


def _fields(line: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(line) if name}


@pytest.mark.parametrize("code", VARIETIES)
def test_every_slot_has_both_tones(code: str) -> None:
    """Each bank answers every slot in the warm and the formal tone, with several lines where
    the reply varies most (greeting, thanks, next step)."""
    bank = bank_for(code)
    for slot in SLOTS:
        if slot == ("interest_ref" if code == "en" else "interest_fact"):
            continue  # English retells the blurb; the others refer to the introducer's words
        for tone in TONES:
            assert bank.lines(slot, tone), (code, slot, tone)
    for slot in ("greeting", "thanks", *(next_slot(s) for s in NEXT_STEPS)):
        assert len(bank.lines(slot, "warm")) >= 2, (code, slot)


@pytest.mark.parametrize("code", OTHERS)
def test_polite_and_group_voices_exist_where_the_reader_is_addressed(code: str) -> None:
    """Slots that say "you" have a warm-but-polite voice; slots used with several readers have
    lines for a group, which need no choice between plural forms of address."""
    slots = bank_for(code).slots
    for slot in ADDRESSING:
        assert slots[slot].get("warm_polite"), (code, slot)
    for slot in GROUP:
        assert slots[slot].get("group_warm"), (code, slot)
        assert slots[slot].get("group_formal"), (code, slot)


@pytest.mark.parametrize("code", VARIETIES)
def test_lines_use_known_placeholders_and_format(code: str) -> None:
    """Every line names only our placeholders; ACCEPT and COUNTER quote the proposal back."""
    for slot, voices in bank_for(code).slots.items():
        for lines in voices.values():
            for line in lines:
                assert _fields(line) <= PLACEHOLDERS, (code, slot, line)
                line.format(
                    names="A", introducer="B", fact="C", other="", proposal="D", alternative="E"
                )
                if slot in ("accept", "counter"):
                    assert "{proposal}" in line, (code, slot, line)


@pytest.mark.parametrize("code", OTHERS)
def test_no_line_guesses_a_gender(code: str) -> None:
    """No gendered salutation, adjective or participle in any line."""
    pattern = re.compile(GENDERED[code])
    for voices in bank_for(code).slots.values():
        for lines in voices.values():
            for line in lines:
                assert not pattern.search(line), (code, line)


# The other side wrote first: the user has not written (no "your reply", "getting back to
# me") nor thanked anyone yet (no "again").
PRESUMES = {
    "es": r"\b(?:de nuevo|otra vez|respuesta|responderme)\b",
    "de": r"\b(?:nochmals|noch einmal|erneut|Antwort|Rückmeldung)\b",
    "fr": r"\b(?:encore|de nouveau|réponses?|retours?)\b",
    "it": r"\b(?:ancora|di nuovo|rispost[ae]|riscontro)\b",
    "nl": r"\b(?:nogmaals|opnieuw|reacties?)\b",
    "pt-BR": r"\b(?:de novo|mais uma vez|novamente|respostas?|retorno)\b",
    "pt-PT": r"\b(?:de novo|mais uma vez|novamente|respostas?|retorno)\b",
}


@pytest.mark.parametrize("code", OTHERS)
def test_answering_them_first_presumes_nothing_the_user_did(code: str) -> None:
    """`answer` thanks them for writing and `thanks_again*` thanks the introducer without an
    "again": the user has neither written nor thanked anyone yet."""
    pattern = re.compile(PRESUMES[code], re.IGNORECASE)
    slots = bank_for(code).slots
    for slot in ("answer", "thanks_again", "thanks_again_bcc", "thanks_again_no_name"):
        for lines in slots.get(slot, {}).values():
            for line in lines:
                assert not pattern.search(line), (code, slot, line)


def test_english_accept_and_counter_for_the_thread_state_logic() -> None:
    """The English bank carries ACCEPT and COUNTER too (from `phrasing`)."""
    bank = bank_for("en")
    assert bank.lines("accept", "warm") == ACCEPT["warm"]
    assert bank.lines("counter", "formal") == COUNTER["formal"]


def test_voice_falls_back_to_the_tone() -> None:
    """A slot without a polite or group voice uses the tone's lines."""
    es = bank_for("es")
    assert es.lines("thanks", "warm", polite=True, group=True) == es.slots["thanks"]["warm"]
    assert es.lines("flexible", "warm", polite=True) == es.slots["flexible"]["warm_polite"]
    assert es.lines("flexible", "formal", group=True) == es.slots["flexible"]["group_formal"]


def test_unknown_codes_get_english_and_pt_is_brazilian() -> None:
    """A code we do not write falls back to English; bare "pt" is Brazilian Portuguese."""
    assert bank_for("sv").code == "en"
    assert bank_for("pt").code == "pt-BR"


@pytest.mark.parametrize(
    ("code", "names", "joined"),
    [
        ("en", ["Sue", "Tom", "Joe"], "Sue, Tom and Joe"),
        ("es", ["Carlos", "Inés"], "Carlos e Inés"),
        ("es", ["Carlos", "Hipólito"], "Carlos e Hipólito"),
        ("es", ["Carlos", "Hierro"], "Carlos y Hierro"),
        ("es", ["Inés", "Carlos"], "Inés y Carlos"),
        ("de", ["Jana", "Felix"], "Jana und Felix"),
        ("nl", ["Daan"], "Daan"),
    ],
)
def test_names_are_joined_in_the_language(code: str, names: list[str], joined: str) -> None:
    """The conjunction is the language's, Spanish "y" turning "e" before an i- sound."""
    assert bank_for(code).join(names) == joined


PROPOSALS = {
    "en": "a coffee near Union Square next Tuesday",
    "es": "un café el martes por la mañana",
    "de": "ein Kaffee am Dienstagmorgen",
    "fr": "un café mardi matin",
    "it": "un caffè martedì mattina",
    "nl": "een kop koffie dinsdagochtend",
    "pt-BR": "um café na terça de manhã",
    "pt-PT": "um café na terça de manhã",
}


# The user's own kind of meeting, offered beside theirs in a `counter` line (each bank's
# `step_nouns["video"]`, written out so a changed noun shows here).
ALTERNATIVE = {
    "en": "a video call",
    "es": "una videollamada",
    "de": "ein Videotelefonat",
    "fr": "un appel vidéo",
    "it": "una videochiamata",
    "nl": "een videogesprek",
    "pt-BR": "uma videochamada",
    "pt-PT": "uma videochamada",
}


@pytest.mark.parametrize("code", OTHERS)
def test_counter_lines_take_theirs_up_and_offer_the_users_meeting(code: str) -> None:
    """Every bank names the three kinds of meeting, and every COUNTER line quotes the
    proposal back and offers the user's own kind (`{alternative}`) beside it."""
    bank = bank_for(code)
    assert set(bank.step_nouns) == set(NEXT_STEPS), code
    assert all(noun.strip() for noun in bank.step_nouns.values()), code
    assert bank.step_nouns["video"] == ALTERNATIVE[code]
    for voice, lines in bank.slots["counter"].items():
        assert lines, (code, voice)
        for line in lines:
            assert "{proposal}" in line, (code, voice, line)
            assert "{alternative}" in line, (code, voice, line)


@pytest.mark.parametrize("code", VARIETIES)
def test_accept_and_counter_read_as_a_next_step_and_never_as_an_ask(code: str) -> None:
    """With a real proposal quoted back, every ACCEPT and COUNTER line proposes a meeting for
    our own next-step check and asks for nothing."""
    for slot in ("accept", "counter"):
        for lines in bank_for(code).slots[slot].values():
            for line in lines:
                text = line.format(proposal=PROPOSALS[code], alternative=ALTERNATIVE[code])
                assert ask_kind(text) is None, (code, text)
                assert is_next_step(text, (code[:2],)), (code, text)


@pytest.mark.parametrize("code", VARIETIES)
def test_interest_lines_without_a_retold_fact_never_read_as_an_ask(code: str) -> None:
    """The suggestion checks only lines that retell the introducer's words for asks; the
    bank's own lines of interest must therefore never read as one, in any voice."""
    for slot in ("interest_plain", "interest_ref"):
        for lines in bank_for(code).slots.get(slot, {}).values():
            for line in lines:
                text = line.format(introducer="Carmen", other="", names="Sue")
                assert ask_kind(text[:1].upper() + text[1:]) is None, (code, slot, text)

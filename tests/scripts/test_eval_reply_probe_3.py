"""The third reply probe of issue 13 (`scripts/data/reply-probe-3`): its files parse and
answer their introductions, every code is shown in every language, and the script runs."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from app.core.mail.rfc822 import parse_eml
from scripts.eval_checks import REPLY_CODES, WRITTEN_LANGUAGES
from scripts.eval_reply_probe import PROBE, load_rows, main, run_probe

THIRD = PROBE.parent / "reply-probe-3"
ROWS = load_rows(THIRD)
REPLIES = [r for r in ROWS if r["label"] == "intro_reply"]
INTROS = [r for r in ROWS if r["label"] == "positive"]


def _key(row: dict[str, str]) -> tuple[str, str, frozenset[str]]:
    return row["lang"], row["introducer"], frozenset(row["introducee_names"].split(";"))


def test_every_labelled_file_exists_and_every_file_is_labelled() -> None:
    assert {p.stem for p in THIRD.glob("*.eml")} == {r["id"] for r in ROWS}


@pytest.mark.parametrize("row", REPLIES, ids=lambda r: r["id"])
def test_reply_answers_its_introduction(row: dict[str, str]) -> None:
    intro_row = next(i for i in INTROS if _key(i) == _key(row))
    reply = parse_eml((THIRD / f"{row['id']}.eml").read_bytes())
    intro = parse_eml((THIRD / f"{intro_row['id']}.eml").read_bytes())
    assert reply.subject == f"Re: {intro.subject}"
    assert reply.in_reply_to == intro.message_id
    assert reply.sender is not None
    assert reply.sender.email == row["user"]
    assert reply.new_text.strip()
    assert not reply.problems
    assert intro.sender is not None
    copied = {a.email for a in (*reply.to, *reply.cc)}
    assert (intro.sender.email in copied) == (row["keeps_both"] == "yes")


def test_every_language_has_good_replies_and_every_code() -> None:
    good = Counter(r["lang"] for r in REPLIES if r["notes"].startswith("good"))
    bad = Counter(r["lang"] for r in REPLIES if r["notes"].startswith("problems:"))
    assert set(good) == set(bad) == set(WRITTEN_LANGUAGES)
    assert min(good.values()) >= 7
    assert min(bad.values()) >= 9
    outcomes = run_probe(THIRD)
    assert len(outcomes) == len(REPLIES)
    for lang in WRITTEN_LANGUAGES:
        shown = set().union(*(o.expected for o in outcomes if o.lang == lang))
        assert shown == set(REPLY_CODES), lang


def test_the_script_runs_on_the_third_batch(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(THIRD)]) in (0, 1)
    assert capsys.readouterr().out.startswith(f"reply probe: {len(REPLIES)} replies")


def test_the_third_batch_fits_nothing() -> None:
    """Held out: no training script or training file names it."""
    scripts = Path(__file__).resolve().parents[2] / "scripts"
    for path in (*scripts.glob("train_*.py"), scripts / "ask_data.py", scripts / "fitting.py"):
        assert "reply-probe-3" not in path.read_text(encoding="utf-8"), path.name

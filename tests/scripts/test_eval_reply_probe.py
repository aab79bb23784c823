"""The reply probe of issue 13: its files parse, its labels are whole, its script runs."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from app.cli import main as cli_main
from app.core.mail.rfc822 import parse_eml
from scripts.eval_checks import REPLY_CODES, WRITTEN_LANGUAGES
from scripts.eval_reply_probe import PROBE, load_rows, main, report, run_probe, score

ROWS = load_rows()
REPLIES = [r for r in ROWS if r["label"] == "intro_reply"]
INTROS = {r["id"]: r for r in ROWS if r["label"] == "positive"}


def _intro_of(reply: dict[str, str]) -> dict[str, str]:
    names = frozenset(reply["introducee_names"].split(";"))
    return next(
        i
        for i in INTROS.values()
        if (i["lang"], i["introducer"], frozenset(i["introducee_names"].split(";")))
        == (reply["lang"], reply["introducer"], names)
    )


def test_every_labelled_file_exists_and_every_file_is_labelled() -> None:
    on_disk = {p.stem for p in PROBE.glob("*.eml")}
    assert on_disk == {r["id"] for r in ROWS}


@pytest.mark.parametrize("row", REPLIES, ids=lambda r: r["id"])
def test_reply_parses_and_answers_its_introduction(row: dict[str, str]) -> None:
    """Each reply is a reply to its introduction: Re: subject, In-Reply-To, sender, Cc."""
    reply = parse_eml((PROBE / f"{row['id']}.eml").read_bytes())
    intro_row = _intro_of(row)
    intro = parse_eml((PROBE / f"{intro_row['id']}.eml").read_bytes())
    assert reply.subject == f"Re: {intro.subject}"
    assert reply.in_reply_to == intro.message_id
    assert reply.sender is not None
    assert reply.sender.email == row["user"]
    assert reply.new_text.strip()
    assert not reply.problems
    copied = {a.email for a in (*reply.to, *reply.cc)}
    assert intro.sender is not None
    assert (intro.sender.email in copied) == (row["keeps_both"] == "yes")


def test_every_language_has_good_replies_and_every_problem() -> None:
    """~6 good and ~10 flawed replies per language; every reply code shown in each."""
    good = Counter(r["lang"] for r in REPLIES if r["notes"].startswith("good"))
    bad = Counter(r["lang"] for r in REPLIES if r["notes"].startswith("problems:"))
    assert set(good) == set(bad) == set(WRITTEN_LANGUAGES)
    assert min(good.values()) >= 6
    assert min(bad.values()) >= 10
    outcomes = run_probe()
    for lang in WRITTEN_LANGUAGES:
        shown = set().union(*(o.expected for o in outcomes if o.lang == lang))
        assert shown == set(REPLY_CODES), lang


def test_report_scores_every_code_and_language() -> None:
    outcomes = run_probe()
    scores = score(outcomes)
    assert len(outcomes) == len(REPLIES)
    for code in REPLY_CODES:
        assert sum(t.tp + t.fn for (c, _), t in scores.cells.items() if c == code) > 0
    lines = report(outcomes, verbose=True)
    assert all(any(line.strip().startswith(code) for line in lines) for code in REPLY_CODES)
    assert any("good replies with any finding" in line for line in lines)


def test_main_prints_the_report(capsys: pytest.CaptureFixture[str]) -> None:
    status = main([])
    out = capsys.readouterr().out
    assert status in (0, 1)
    assert out.startswith(f"reply probe: {len(REPLIES)} replies")


def test_the_second_batch_parses_and_runs(capsys: pytest.CaptureFixture[str]) -> None:
    """`scripts/data/reply-probe-2`: every file labelled and read, every language there."""
    second = PROBE.parent / "reply-probe-2"
    rows = load_rows(second)
    assert {p.stem for p in second.glob("*.eml")} == {r["id"] for r in rows}
    outcomes = run_probe(second)
    assert {o.lang for o in outcomes} == set(WRITTEN_LANGUAGES)
    assert main([str(second)]) in (0, 1)
    assert capsys.readouterr().out.startswith(f"reply probe: {len(outcomes)} replies")


def test_command_line_check_agrees_with_the_probe(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`python -m app check --thread INTRO REPLY` finds what the probe script finds."""
    row = next(r for r in REPLIES if "dropped_introducer" in r["notes"])
    intro = PROBE / f"{_intro_of(row)['id']}.eml"
    status = cli_main(["check", "--json", "--thread", str(intro), str(PROBE / f"{row['id']}.eml")])
    record = json.loads(capsys.readouterr().out)
    outcome = next(o for o in run_probe() if o.id == row["id"])
    assert status == 0
    assert {f["code"] for f in record["findings"]} == set(outcome.found)
    assert "dropped_introducer" in outcome.expected


def test_the_probe_fits_nothing() -> None:
    """The probe is held out: no training script reads it."""
    scripts = Path(__file__).resolve().parents[2] / "scripts"
    for path in (*scripts.glob("train_*.py"), scripts / "ask_data.py", scripts / "fitting.py"):
        assert "reply-probe" not in path.read_text(encoding="utf-8"), path.name

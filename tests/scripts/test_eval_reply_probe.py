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
THIRD = PROBE.parent / "reply-probe-3"
# The batches written whole (good and flawed replies in every language), with the least
# number of good and of flawed replies each language holds.
WHOLE = {PROBE: (6, 10), THIRD: (7, 9)}
BATCHES = (PROBE, PROBE.parent / "reply-probe-2", THIRD)


def _replies(folder: Path) -> list[dict[str, str]]:
    return [r for r in load_rows(folder) if r["label"] == "intro_reply"]


def _intro_of(folder: Path, reply: dict[str, str]) -> dict[str, str]:
    def key(row: dict[str, str]) -> tuple[str, str, frozenset[str]]:
        return row["lang"], row["introducer"], frozenset(row["introducee_names"].split(";"))

    return next(i for i in load_rows(folder) if i["label"] == "positive" and key(i) == key(reply))


@pytest.mark.parametrize(
    ("folder", "row"),
    [(folder, row) for folder in WHOLE for row in _replies(folder)],
    ids=lambda v: v["id"] if isinstance(v, dict) else v.name,
)
def test_reply_parses_and_answers_its_introduction(folder: Path, row: dict[str, str]) -> None:
    """Each reply is a reply to its introduction: Re: subject, In-Reply-To, sender, Cc."""
    reply = parse_eml((folder / f"{row['id']}.eml").read_bytes())
    intro = parse_eml((folder / f"{_intro_of(folder, row)['id']}.eml").read_bytes())
    assert reply.subject == f"Re: {intro.subject}"
    assert reply.in_reply_to == intro.message_id
    assert reply.sender is not None
    assert reply.sender.email == row["user"]
    assert reply.new_text.strip()
    assert not reply.problems
    copied = {a.email for a in (*reply.to, *reply.cc)}
    assert intro.sender is not None
    assert (intro.sender.email in copied) == (row["keeps_both"] == "yes")


@pytest.mark.parametrize("folder", WHOLE, ids=lambda f: f.name)
def test_every_language_has_good_replies_and_every_problem(folder: Path) -> None:
    """Good and flawed replies in every language; every reply code shown in each."""
    replies = _replies(folder)
    least_good, least_bad = WHOLE[folder]
    good = Counter(r["lang"] for r in replies if r["notes"].startswith("good"))
    bad = Counter(r["lang"] for r in replies if r["notes"].startswith("problems:"))
    assert set(good) == set(bad) == set(WRITTEN_LANGUAGES)
    assert min(good.values()) >= least_good
    assert min(bad.values()) >= least_bad
    outcomes = run_probe(folder)
    assert len(outcomes) == len(replies)
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


@pytest.mark.parametrize("folder", BATCHES, ids=lambda f: f.name)
def test_every_batch_is_labelled_and_runs(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Every file of a batch labelled and every label a file; the script reads the batch,
    every language is there."""
    rows = load_rows(folder)
    assert {p.stem for p in folder.glob("*.eml")} == {r["id"] for r in rows}
    outcomes = run_probe(folder)
    assert {o.lang for o in outcomes} == set(WRITTEN_LANGUAGES)
    assert main([str(folder)]) in (0, 1)
    assert capsys.readouterr().out.startswith(f"reply probe: {len(outcomes)} replies")


def test_command_line_check_agrees_with_the_probe(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`python -m app check --thread INTRO REPLY` finds what the probe script finds."""
    row = next(r for r in REPLIES if "dropped_introducer" in r["notes"])
    intro = PROBE / f"{_intro_of(PROBE, row)['id']}.eml"
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

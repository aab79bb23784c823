"""`python -m app check` on an introduction the user wrote: the introducer checks."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from app.cli import main
from scripts.eval_introducer import as_eml, load

CASES = {str(case["id"]): case for case, _ in load()}


def _write(tmp_path: Path, case_id: str) -> str:
    path = tmp_path / f"{case_id}.eml"
    path.write_bytes(as_eml(CASES[case_id]))
    return str(path)


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[dict[str, Any]]]:
    status = main(list(argv))
    return status, [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_own_introduction_is_checked_as_introducer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The draft introduces two people and its sender is the user: introducer codes."""
    status, records = _run(
        capsys, "check", "--json", _write(tmp_path, "de-behalf"), _write(tmp_path, "fr-good")
    )
    assert status == 0
    behalf, good = records
    assert behalf["as"] == "introducer"
    codes = [f["code"] for f in behalf["findings"]]
    assert codes == ["one_side_missing", "no_reason", "ask_on_behalf"]
    ask = next(f for f in behalf["findings"] if f["code"] == "ask_on_behalf")
    assert ask["kind"] == "referral"
    assert "empfehlen" in ask["excerpt"]
    assert good == {"file": good["file"], "findings": [], "as": "introducer"}


def test_as_reply_keeps_the_first_reply_checks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--as reply: the old behaviour, no `as` field, no introducer codes."""
    _, (record,) = _run(capsys, "check", "--json", "--as", "reply", _write(tmp_path, "en-bare"))
    assert "as" not in record
    assert not {f["code"] for f in record["findings"]} & {"no_blurb", "no_reason"}


def test_someone_elses_introduction_is_not_checked_as_mine(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--me names someone other than the sender: not the user's introduction."""
    _, (record,) = _run(
        capsys, "check", "--json", "--me", "sue@acme.com", _write(tmp_path, "en-bare")
    )
    assert "as" not in record


def test_as_introducer_forces_and_only_filters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--as introducer with --only: only the codes asked for."""
    _, (record,) = _run(
        capsys,
        "check",
        "--json",
        "--as",
        "introducer",
        "--only",
        "no_blurb",
        _write(tmp_path, "it-bare"),
    )
    assert [f["code"] for f in record["findings"]] == ["no_blurb"]


def test_human_summary_and_help(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", _write(tmp_path, "en-senior")])
    out = capsys.readouterr().out
    assert "[info] no_consent" in out
    assert "“CEO”" in out
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    assert "--as {auto,reply,introducer}" in capsys.readouterr().out


def test_bad_role_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["check", "--as", "sender", _write(tmp_path, "en-good")])
    assert exit_.value.code == 2

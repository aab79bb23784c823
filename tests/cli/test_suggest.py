"""`python -m app suggest`: one suggestion (or why not) per thread; errors as objects."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from app.cli import main

DATA = Path(__file__).resolve().parents[1] / "data" / "replies"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[dict[str, Any]]]:
    status = main(list(argv))
    lines = capsys.readouterr().out.splitlines()
    return status, [json.loads(line) for line in lines]


def test_suggest_json_shape(capsys: pytest.CaptureFixture[str]) -> None:
    """One object per thread with to/cc/subject/body/reasons; the user defaults to Sue."""
    status, (record,) = _run(capsys, "suggest", "--json", str(DATA / "intro.eml"))
    assert status == 0
    assert record["file"].endswith("intro.eml")
    s = record["suggestion"]
    assert s["to"] == ["Ann Lee <ann@beta.example>"]
    assert s["cc"] == ["Joe Smith <joe@smith.example>"]
    assert s["subject"] == "Re: Intro: Sue <> Ann"
    assert "Joe" in s["body"]
    assert s["reasons"]


def test_suggest_with_me_and_preferences(capsys: pytest.CaptureFixture[str]) -> None:
    """--me picks the user; tone and next step options change the body."""
    _, (record,) = _run(
        capsys,
        "suggest",
        "--json",
        "--me",
        "ann@beta.example",
        "--tone",
        "formal",
        "--next-step",
        "video",
        str(DATA / "intro.eml"),
    )
    s = record["suggestion"]
    assert s["to"] == ["Sue Park <sue@acme.example>"]
    assert "video call" in s["body"]


def test_suggest_null_with_why(capsys: pytest.CaptureFixture[str]) -> None:
    """No suggestion (with a why) for the introducer; binary input is an error object."""
    _, records = _run(
        capsys,
        "suggest",
        "--json",
        "--me",
        "joe@smith.example",
        str(DATA / "intro.eml"),
        str(DATA / "not_an_email.eml"),
    )
    assert records[0]["suggestion"] is None
    assert records[0]["why"]
    assert records[1]["error"] == "not an email: binary data"


def test_suggest_unreadable_file(capsys: pytest.CaptureFixture[str]) -> None:
    """A missing file gives an error object and exit status 1, never a traceback."""
    status, (record,) = _run(capsys, "suggest", "--json", str(DATA / "missing.eml"))
    assert status == 1
    assert record == {
        "file": str(DATA / "missing.eml"),
        "suggestion": None,
        "error": "no such file",
    }


def test_human_readable_output(capsys: pytest.CaptureFixture[str]) -> None:
    """Without --json, the reply is printed as headers and body, or why there is none."""
    main(["suggest", str(DATA / "intro.eml")])
    out = capsys.readouterr().out
    assert out.splitlines()[1].startswith("To: Ann Lee")
    main(["suggest", "--me", "joe@smith.example", str(DATA / "intro.eml")])
    assert "no reply to suggest" in capsys.readouterr().out


def test_suggest_reads_standard_input(capsys: pytest.CaptureFixture[str]) -> None:
    """`suggest -` suggests a reply to the thread on standard input."""
    stdin = io.BytesIO((DATA / "intro.eml").read_bytes())
    status = main(["suggest", "--json", "-"], stdin=stdin)
    (record,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert status == 0
    assert record["file"] == "-"
    assert record["suggestion"]["to"] == ["Ann Lee <ann@beta.example>"]


def test_suggest_empty_file_is_an_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """An empty thread file is an error object with status 1, not "no introduction"."""
    empty = tmp_path / "empty.eml"
    empty.write_bytes(b"")
    status, (record,) = _run(capsys, "suggest", "--json", str(empty))
    assert status == 1
    assert record == {"file": str(empty), "suggestion": None, "error": "empty file"}


def test_suggest_reports_the_proposal_and_the_points(capsys: pytest.CaptureFixture[str]) -> None:
    """Amir answered first with a time: the record carries his proposal and the points that
    matter (none about timing: the command line reads no clock), and the body quotes it."""
    thread = Path(__file__).parents[2] / "devkit" / "demo" / "mailbox" / "04-replied-first.2.eml"
    _, (record,) = _run(capsys, "suggest", "--json", "--me", "dana@reyes.example", str(thread))
    assert record["state"] == "other_replied"
    assert record["proposal"]["kind"] == "call"
    assert record["proposal"]["phrase"] == "a 20-minute call next Tuesday or Wednesday"
    assert [p["title"] for p in record["points"]] == [
        "Amir proposed a 20-minute call next Tuesday or Wednesday"
    ]
    assert "a 20-minute call next tuesday or wednesday" in record["suggestion"]["body"].lower()
    _, (fresh,) = _run(capsys, "suggest", "--json", str(DATA / "intro.eml"))
    assert fresh["proposal"] is None
    assert fresh["points"] == []

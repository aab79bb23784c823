"""Tests for `python -m app suggest` and `python -m app check`: the JSON contract."""

from __future__ import annotations

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


def test_check_json_shape(capsys: pytest.CaptureFixture[str]) -> None:
    """One object per draft; findings carry code, severity, message, span, fix (and kind)."""
    status, records = _run(
        capsys, "check", "--json", str(DATA / "good_reply.eml"), str(DATA / "self_centred.eml")
    )
    assert status == 0
    assert records[0]["findings"] == []
    findings = records[1]["findings"]
    assert {"code", "severity", "message", "start", "end", "fix"} <= set(findings[0])
    asks = [f for f in findings if f["code"] == "ask"]
    assert {f["kind"] for f in asks} == {"contacts", "target_companies"}
    assert all("kind" not in f for f in findings if f["code"] != "ask")


def test_check_with_attachments(capsys: pytest.CaptureFixture[str]) -> None:
    """A draft .eml with a CV attached gets `resume_attached`."""
    _, (record,) = _run(capsys, "check", "--json", str(DATA / "resume_lebenslauf.eml"))
    assert [f["code"] for f in record["findings"]] == ["resume_attached"]


def test_check_with_thread(capsys: pytest.CaptureFixture[str]) -> None:
    """--thread gives the thread state: Sue moved Joe to Bcc, so replying to her alone is fine."""
    _, (record,) = _run(
        capsys,
        "check",
        "--json",
        "--thread",
        str(DATA / "sue_moved_bcc.eml"),
        "--me",
        "ann@beta.example",
        str(DATA / "dropped_introducer.eml"),
    )
    assert "dropped_introducer" not in [f["code"] for f in record["findings"]]


def test_check_only_and_errors(capsys: pytest.CaptureFixture[str]) -> None:
    """--only restricts codes; a missing draft or thread is an error object with status 1."""
    _, (record,) = _run(capsys, "check", "--json", "--only", "ask", str(DATA / "self_centred.eml"))
    assert {f["code"] for f in record["findings"]} == {"ask"}
    status, (missing,) = _run(capsys, "check", "--json", str(DATA / "nope.eml"))
    assert status == 1
    assert missing["error"] == "no such file"
    assert missing["findings"] == []
    status, (bad_thread,) = _run(
        capsys, "check", "--json", "--thread", str(DATA / "nope.eml"), str(DATA / "good_reply.eml")
    )
    assert status == 1
    assert bad_thread["error"].startswith("thread:")


def test_human_readable_output(capsys: pytest.CaptureFixture[str]) -> None:
    """Without --json, a short readable summary is printed."""
    main(["check", str(DATA / "good_reply.eml"), str(DATA / "dropped_introducer.eml")])
    out = capsys.readouterr().out
    assert "good_reply.eml: looks good" in out
    assert "[warning] dropped_introducer" in out
    assert "fix:" in out
    main(["suggest", str(DATA / "intro.eml")])
    out = capsys.readouterr().out
    assert out.splitlines()[1].startswith("To: Ann Lee")
    main(["suggest", "--me", "joe@smith.example", str(DATA / "intro.eml")])
    assert "no reply to suggest" in capsys.readouterr().out


def test_human_readable_errors_and_ask_kinds(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Readable output names ask kinds and reports unreadable input, e.g. a directory."""
    status = main(["check", str(DATA / "self_centred.eml"), str(tmp_path)])
    out = capsys.readouterr().out
    assert status == 1
    assert "ask:contacts" in out
    assert f"{tmp_path}: error: is a directory" in out


def test_empty_gmail_thread_has_no_findings(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A Gmail JSON thread with no messages gives an empty findings list."""
    empty = tmp_path / "thread.json"
    empty.write_text('{"id": "t1", "messages": []}', encoding="utf-8")
    _, (record,) = _run(capsys, "check", "--json", str(empty))
    assert record["findings"] == []

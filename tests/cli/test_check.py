"""`python -m app check`: one findings list per draft; errors as objects."""

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


def test_check_flags_a_document_named_after_the_writer(capsys: pytest.CaptureFixture[str]) -> None:
    """Ann Lee attaches `AnnLee_ProductManager_2026.pdf` without a word about it: her resume."""
    path = DATA / "resume_named_after_writer.eml"
    _, (record,) = _run(capsys, "check", "--json", str(path))
    (finding,) = record["findings"]
    assert finding["code"] == "resume_attached"
    assert "is named after you" in finding["message"]


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


def test_check_reads_the_draft_from_standard_input(capsys: pytest.CaptureFixture[str]) -> None:
    """`check -` checks the draft on standard input."""
    stdin = io.BytesIO((DATA / "self_centred.eml").read_bytes())
    status = main(["check", "--json", "-"], stdin=stdin)
    (record,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert status == 0
    assert record["file"] == "-"
    assert "ask" in {f["code"] for f in record["findings"]}


def test_check_reads_the_thread_from_standard_input(capsys: pytest.CaptureFixture[str]) -> None:
    """`--thread -` reads the thread from standard input; the draft is a named file."""
    stdin = io.BytesIO((DATA / "sue_moved_bcc.eml").read_bytes())
    argv = ["check", "--json", "--thread", "-", "--me", "ann@beta.example"]
    status = main([*argv, str(DATA / "dropped_introducer.eml")], stdin=stdin)
    (record,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert status == 0
    assert "dropped_introducer" not in [f["code"] for f in record["findings"]]


def test_empty_draft_has_no_findings_but_an_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """An empty draft (file or stdin) is reported as empty with status 1, never checked."""
    empty = tmp_path / "empty.eml"
    empty.write_bytes(b"")
    status = main(["check", str(empty), "-"], stdin=io.BytesIO(b"\n"))
    assert status == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{empty}: error: empty file",
        "-: error: empty standard input (whitespace only)",
    ]


def test_empty_thread_is_an_error_for_every_draft(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """An empty --thread file makes every draft's record an error, status 1."""
    empty = tmp_path / "thread.eml"
    empty.write_bytes(b"")
    status, records = _run(
        capsys, "check", "--json", "--thread", str(empty), str(DATA / "good_reply.eml")
    )
    assert status == 1
    assert [r["error"] for r in records] == ["thread: empty file"]

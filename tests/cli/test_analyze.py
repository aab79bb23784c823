"""`python -m app analyze`: one JSON object per file, in order; errors as objects."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from app.cli import main

DATA = Path(__file__).resolve().parents[1] / "data"
EMAILS = DATA / "emails"
CONTRACT = {"kind", "introducer", "introduced", "user_role", "confidence"}


def _analyze(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[dict[str, Any]]]:
    status = main(["analyze", "--json", *argv])
    return status, [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_json_lines_in_order_with_the_contract_shape(capsys: pytest.CaptureFixture[str]) -> None:
    """Each file gives one line, in argument order, with the contract's keys and types."""
    files = [str(EMAILS / n) for n in ("classic_meet.eml", "neg_offer_to_introduce.eml")]
    status, records = _analyze(capsys, *files)
    assert status == 0
    assert [r["file"] for r in records] == files
    intro = records[0]["introduction"]
    assert intro.keys() >= CONTRACT
    assert intro["kind"] == "classic"
    assert intro["introducer"] == {"name": "Maya Chen", "email": "maya.chen@harbor.example"}
    assert [set(p) for p in intro["introduced"]] == [{"name", "email", "blurb"}] * 2
    assert intro["user_role"] == "unknown"
    assert 0.0 <= intro["confidence"] <= 1.0
    assert intro["language"] == "en"
    assert records[1]["introduction"] is None


def test_the_introduction_says_its_language(capsys: pytest.CaptureFixture[str]) -> None:
    """A Spanish introduction is reported with "language": "es"."""
    _, (record,) = _analyze(capsys, str(EMAILS / "intro_spanish.eml"))
    assert record["introduction"]["language"] == "es"


def test_me_gives_the_role(capsys: pytest.CaptureFixture[str]) -> None:
    """--me makes the user introduced, introducer or bystander."""
    file = str(EMAILS / "classic_meet.eml")
    roles = []
    for me in ("sue@northwind.example", "maya.chen@harbor.example", "x@y.example"):
        _, (record,) = _analyze(capsys, "--me", me, file)
        roles.append(record["introduction"]["user_role"])
    assert roles == ["introduced", "introducer", "bystander"]


def test_gmail_json_thread(capsys: pytest.CaptureFixture[str]) -> None:
    """A Gmail API thread JSON file is analysed as a thread."""
    _, (record,) = _analyze(capsys, str(DATA / "gmail_json" / "thread_intro_reply.json"))
    assert record["introduction"]["introducer"]["email"] == "maya.chen@harbor.example"


def test_errors_are_objects_and_the_rest_goes_on(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Missing files, directories, bad paths and bad JSON give error objects; others still run."""
    bad_json = tmp_path / "broken.json"
    bad_json.write_text("{not json")
    binary_json = tmp_path / "binary.json"
    binary_json.write_bytes(b"\x89PNG\r\n\x1a\n\x00\xff")
    files = [
        str(tmp_path / "missing.eml"),
        str(tmp_path),
        str(EMAILS / "classic_meet.eml" / "child.eml"),
        str(bad_json),
        str(binary_json),
        str(EMAILS / "classic_meet.eml"),
    ]
    status, records = _analyze(capsys, *files)
    assert status == 1
    assert [r["file"] for r in records] == files
    assert [("error" in r) for r in records] == [True, True, True, True, True, False]
    assert records[0]["error"] == "no such file"
    assert records[1]["error"] == "is a directory"
    assert records[3]["error"].startswith("not valid JSON")
    assert records[5]["introduction"]["kind"] == "classic"


def test_binary_eml_is_an_error_object(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Binary bytes named .eml are refused with a clear error, not read as mail."""
    binary = tmp_path / "image.eml"
    binary.write_bytes(bytes(range(256)) * 8)
    status, (record,) = _analyze(capsys, str(binary))
    assert status == 1
    assert record["error"] == "not an email: binary data"


def test_human_summary(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Without --json: one readable line per file."""
    status = main(
        [
            "analyze",
            "--me",
            "sue@northwind.example",
            str(EMAILS / "classic_meet.eml"),
            str(EMAILS / "neg_self_introduction.eml"),
            str(tmp_path / "nope.eml"),
        ]
    )
    lines = capsys.readouterr().out.splitlines()
    assert status == 1
    assert lines[0].endswith(
        "classic_meet.eml: Maya Chen introduced Sue Park and Joe Brandt "
        "(classic, 1.00, you: introduced)"
    )
    assert "not an introduction (vetoed: self-introduction)" in lines[1]
    assert lines[2].endswith("nope.eml: error: no such file")


def test_three_hundred_files_in_one_call(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Hundreds of files are analysed in one call, in order, quickly."""
    sources = sorted(EMAILS.glob("*.eml"))
    files = []
    for i in range(300):
        target = tmp_path / f"{i:03d}-{sources[i % len(sources)].name}"
        shutil.copyfile(sources[i % len(sources)], target)
        files.append(str(target))
    status, records = _analyze(capsys, *files)
    assert status == 0
    assert [r["file"] for r in records] == files
    assert sum(r["introduction"] is not None for r in records) > 100


def test_dash_reads_standard_input(capsys: pytest.CaptureFixture[str]) -> None:
    """`analyze -` analyses the message on standard input and names it `-`."""
    stdin = io.BytesIO((EMAILS / "classic_meet.eml").read_bytes())
    status = main(["analyze", "--json", "-"], stdin=stdin)
    (record,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert status == 0
    assert record["file"] == "-"
    assert record["introduction"]["kind"] == "classic"


def test_empty_input_is_an_error_not_a_verdict(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """An empty file or empty stdin is reported as empty with status 1, not "not an intro"."""
    empty = tmp_path / "empty.eml"
    empty.write_bytes(b"")
    status = main(["analyze", str(empty), "-"], stdin=io.BytesIO(b""))
    assert status == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{empty}: error: empty file",
        "-: error: empty standard input",
    ]


def test_a_team_and_its_named_members(capsys: pytest.CaptureFixture[str]) -> None:
    """One person introduced to a team: the members named in the mail, under "teams"."""
    status, records = _analyze(capsys, str(EMAILS / "one_to_many_team.eml"))
    intro = records[0]["introduction"]
    assert status == 0
    assert intro["kind"] == "one_to_many"
    assert [set(p) for p in intro["introduced"]] == [{"name", "email", "blurb"}] * 2
    assert intro["teams"] == [
        {
            "name": "Design Crew",
            "email": "design@tidewell.example",
            "members": ["Mira", "Tomas", "Keiko"],
        }
    ]


def test_no_team_no_teams(capsys: pytest.CaptureFixture[str]) -> None:
    _, records = _analyze(capsys, str(EMAILS / "classic_meet.eml"))
    assert records[0]["introduction"]["teams"] == []


def test_a_team_named_in_prose(capsys: pytest.CaptureFixture[str]) -> None:
    """Each person described by name ("Noor runs lifecycle"): the individuals stay in
    "introduced" with their addresses; the team, with no address, lists them."""
    status, records = _analyze(capsys, str(EMAILS / "one_to_many_prose_team.eml"))
    intro = records[0]["introduction"]
    assert status == 0
    assert [p["name"] for p in intro["introduced"]] == [
        "Ezra Goldfarb", "Noor Haddad", "Caleb Ortiz", "Theo Lind"
    ]  # fmt: skip
    assert intro["teams"] == [
        {"name": "the team", "email": "", "members": ["Noor Haddad", "Caleb Ortiz", "Theo Lind"]}
    ]

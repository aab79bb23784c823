"""`python -m app migrate` (app/cli/migrate.py): migrates, or says why it could not."""

from __future__ import annotations

import argparse
import socket
import sqlite3
from pathlib import Path

import pytest

from app.cli import migrate
from app.store.migrate import HEAD_REVISION


def _run(*argv: str) -> int:
    parser = argparse.ArgumentParser()
    migrate.register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["migrate", *argv])
    return int(args.func(args))


def test_migrates_then_reports_head(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The first run creates the schema; the second finds it at head."""
    url = f"sqlite:///{tmp_path}/cli.sqlite3"
    assert _run("--database-url", url) == 0
    assert capsys.readouterr().out == f"schema at revision {HEAD_REVISION} (was empty)\n"
    assert _run("--database-url", url) == 0
    assert f"(was {HEAD_REVISION})" in capsys.readouterr().out


def test_defaults_to_the_setting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without --database-url the command migrates INTRO_DATABASE_URL."""
    monkeypatch.setenv("INTRO_DATABASE_URL", f"sqlite:///{tmp_path}/env.sqlite3")
    assert _run() == 0
    assert (tmp_path / "env.sqlite3").exists()


@pytest.mark.parametrize("url", ["mysql://db/x", "not a url"])
def test_bad_url_exits_2(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    """An unsupported or malformed URL is a usage error, exit status 2."""
    assert _run("--database-url", url) == 2
    assert capsys.readouterr().err.startswith("migrate: ")


def test_unreachable_database_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    """A server that doesn't answer gives exit status 1 and no URL (it may hold a password)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    assert _run("--database-url", f"postgresql://u:secret@127.0.0.1:{port}/x") == 1
    err = capsys.readouterr().err
    assert err.startswith("migrate: database error")
    assert "secret" not in err


def test_memory_url_is_accepted(capsys: pytest.CaptureFixture[str]) -> None:
    """`--database-url memory://` (as the README offers) says there is nothing to migrate."""
    assert _run("--database-url", "memory://") == 0
    out = capsys.readouterr()
    assert out.out == "memory:// keeps no schema: nothing to migrate\n"
    assert out.err == ""


def test_memory_setting_is_accepted(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """INTRO_DATABASE_URL=memory:// is accepted the same way."""
    monkeypatch.setenv("INTRO_DATABASE_URL", "memory://")
    assert _run() == 0
    assert "nothing to migrate" in capsys.readouterr().out


def test_bad_setting_exits_2_with_its_name(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """An invalid INTRO_ setting is named on stderr with status 2, not a traceback."""
    monkeypatch.setenv("INTRO_PROFILE", "bogus")
    assert _run() == 2
    assert capsys.readouterr().err.startswith("migrate: INTRO_PROFILE: ")


def test_uncreatable_folder_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A SQLite path whose folder can't be made gives status 1 and a message."""
    blocker = tmp_path / "file"
    blocker.write_text("")
    assert _run("--database-url", f"sqlite:///{blocker}/sub/x.sqlite3") == 1
    assert capsys.readouterr().err.startswith("migrate: cannot create the database folder: ")


def test_unknown_revision_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A database at a revision this release doesn't know gives status 1 and Alembic's reason."""
    path = tmp_path / "ahead.sqlite3"
    assert _run("--database-url", f"sqlite:///{path}") == 0
    with sqlite3.connect(path) as db:
        db.execute("UPDATE alembic_version SET version_num = '9999'")
    capsys.readouterr()
    assert _run("--database-url", f"sqlite:///{path}") == 1
    assert "9999" in capsys.readouterr().err

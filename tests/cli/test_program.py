"""The program: exit statuses in every --help, `python -m app` runs, imports flow one way."""

from __future__ import annotations

import ast
import io
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main
from app.cli.program import build_parser

ROOT = Path(__file__).resolve().parents[2]
CLI = ROOT / "app" / "cli"
COMMANDS = ("analyze", "suggest", "check", "manifest", "migrate")
COMMAND_STATUSES = {
    "analyze": ("0", "1", "2"),
    "suggest": ("0", "1", "2"),
    "check": ("0", "1", "2"),
    "manifest": ("0", "2"),
    "migrate": ("0", "1", "2"),
}


@pytest.mark.parametrize("command", COMMANDS)
def test_help_documents_the_exit_statuses(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Each command's --help ends with an "exit status:" list naming every status it uses."""
    with pytest.raises(SystemExit) as done:
        main([command, "--help"])
    assert done.value.code == 0
    epilog = capsys.readouterr().out.split("exit status:\n", 1)[1]
    listed = tuple(
        line.split()[0]
        for line in epilog.splitlines()
        if line.startswith("  ") and line.split()[0].isdigit()
    )
    assert listed == COMMAND_STATUSES[command]


def test_file_commands_say_dash_reads_standard_input(capsys: pytest.CaptureFixture[str]) -> None:
    """analyze, suggest and check say in --help that `-` is standard input."""
    for command in ("analyze", "suggest", "check"):
        with pytest.raises(SystemExit):
            main([command, "--help"])
        assert "may be - for standard input" in capsys.readouterr().out


def test_the_parser_knows_every_command() -> None:
    """The program registers the five commands, in the documented order."""
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    assert tuple(sub.choices or ()) == COMMANDS


def test_an_interrupt_exits_130(capsys: pytest.CaptureFixture[str]) -> None:
    """Ctrl-C while reading gives status 130 (as shells report SIGINT), no traceback."""

    class Interrupted(io.BytesIO):
        def read(self, size: int | None = -1) -> bytes:
            raise KeyboardInterrupt

    assert main(["analyze", "-"], stdin=Interrupted()) == 130
    assert capsys.readouterr().out == ""


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    """A missing command or FILE is a usage error: status 2 and a usage line on stderr."""
    for argv in ([], ["analyze"], ["check", "--only", "nope", "x.eml"]):
        with pytest.raises(SystemExit) as done:
            main(argv)
        assert done.value.code == 2
        assert "usage: python -m app" in capsys.readouterr().err


@pytest.mark.slow
def test_python_dash_m_app_reads_a_pipe() -> None:
    """`python -m app analyze -` (the real entry point) reads mail piped to it."""
    mail = (ROOT / "tests" / "data" / "emails" / "classic_meet.eml").read_bytes()
    done = subprocess.run(
        [sys.executable, "-m", "app", "analyze", "-"],
        input=mail,
        capture_output=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode().startswith("-: Maya Chen introduced Sue Park and Joe Brandt")
    empty = subprocess.run(
        [sys.executable, "-m", "app", "check", "-"],
        input=b"",
        capture_output=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )
    assert (empty.returncode, empty.stdout, empty.stderr) == (
        1,
        b"-: error: empty standard input\n",
        b"",
    )


def _cli_imports(path: Path) -> set[str]:
    """The app.cli modules a file imports (`from app.cli import x` counts as app.cli.x)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module == "app.cli":
            found |= {f"app.cli.{alias.name}" for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("app.cli."):
            found.add(str(node.module))
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("app.cli.")}
    return found


def test_imports_flow_one_way() -> None:
    """program -> commands -> mailfile, output: no command imports another or the program."""
    shared = {"app.cli.mailfile", "app.cli.output"}
    for name in COMMANDS:
        assert _cli_imports(CLI / f"{name}.py") <= shared, name
    for name in shared:
        assert _cli_imports(CLI / f"{name.rsplit('.', 1)[1]}.py") == set(), name
    assert _cli_imports(CLI / "program.py") == {f"app.cli.{c}" for c in COMMANDS} | {
        "app.cli.mailfile"
    }
    modules = {p.stem for p in CLI.glob("*.py")} - {"__init__"}
    assert modules == {*COMMANDS, "mailfile", "output", "program"}

"""Architecture rules, read from the source: the core is pure, only `gmail/` talks to Google."""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parents[1] / "app"
CORE = APP / "core"

# Pure third-party text libraries the core may use (each module docstring says why).
CORE_THIRD_PARTY = {"selectolax", "nameparser"}
# Standard-library modules that do I/O, talk to the network, read the clock or
# randomness, or log: none of them belongs in the core.
IMPURE_STDLIB = {
    "os", "sys", "io", "socket", "ssl", "select", "selectors", "http", "urllib", "ftplib",
    "smtplib", "imaplib", "poplib", "subprocess", "multiprocessing", "threading", "asyncio",
    "concurrent", "time", "random", "secrets", "uuid", "sqlite3", "shelve", "dbm", "shutil",
    "pathlib", "tempfile", "glob", "fileinput", "logging", "signal", "mmap", "ctypes",
    "webbrowser", "getpass", "platform", "locale",
}  # fmt: skip
FRAMEWORKS = {
    "fastapi", "starlette", "pydantic", "pydantic_settings", "uvicorn", "httpx", "requests",
    "google", "googleapiclient", "google_auth_httplib2", "httplib2", "sqlalchemy", "alembic",
    "psycopg", "cryptography", "jwt",
}  # fmt: skip
CLOCK_CALLS = {"now", "utcnow", "today", "fromtimestamp", "utcfromtimestamp"}
IO_BUILTINS = {"open", "input", "print", "exec", "eval", "__import__"}


def _modules(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*.py") if "__pycache__" not in p.parts)


def _imports(tree: ast.AST) -> Iterator[str]:
    """Every module a file imports, at any depth (function-level imports too)."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            yield node.module


def _tree(path: Path) -> ast.AST:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _rel(path: Path) -> str:
    return str(path.relative_to(APP.parent))


CORE_MODULES = _modules(CORE)


def _allowed_in_core(name: str) -> bool:
    top = name.split(".")[0]
    if top == "app":
        return name == "app.core" or name.startswith("app.core.")
    if top in IMPURE_STDLIB or top in FRAMEWORKS:
        return False
    return top in sys.stdlib_module_names or top in CORE_THIRD_PARTY or top == "__future__"


@pytest.mark.parametrize("path", CORE_MODULES, ids=_rel)
def test_core_imports_only_pure_modules(path: Path) -> None:
    """The core imports the standard library's pure parts, its two text libraries, itself."""
    bad = [name for name in _imports(_tree(path)) if not _allowed_in_core(name)]
    assert bad == [], f"{_rel(path)} imports {bad}"


@pytest.mark.parametrize("path", CORE_MODULES, ids=_rel)
def test_core_reads_no_clock_and_does_no_io(path: Path) -> None:
    """No datetime.now()/date.today(), no open(), print() or eval() in the core."""
    found = []
    for node in ast.walk(_tree(path)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr in CLOCK_CALLS:
            owner = ast.unparse(func.value)
            if owner.split(".")[-1] in {"datetime", "date"}:
                found.append(ast.unparse(func))
        if isinstance(func, ast.Name) and func.id in IO_BUILTINS:
            found.append(func.id)
    assert found == [], f"{_rel(path)} calls {found}"


@pytest.mark.parametrize("path", _modules(APP), ids=_rel)
def test_only_gmail_imports_the_google_client(path: Path) -> None:
    """googleapiclient (and its HTTP transports) is imported only under app/gmail/."""
    google_client = {"googleapiclient", "google_auth_httplib2", "httplib2", "httptools"}
    used = {n for n in _imports(_tree(path)) if n.split(".")[0] in google_client}
    if used:
        assert path.is_relative_to(APP / "gmail"), f"{_rel(path)} imports {sorted(used)}"


def test_gmail_mime_is_pure() -> None:
    """The Gmail JSON reader is pure like the core: no client, no network, no clock."""
    path = APP / "gmail" / "mime.py"
    tops = {n.split(".")[0] for n in _imports(_tree(path))}
    assert not tops & (IMPURE_STDLIB | FRAMEWORKS)
    assert {n for n in _imports(_tree(path)) if n.startswith("app.")} <= {
        "app.core.assemble",
        "app.core.model",
        "app.core.rfc822",
    }


def test_the_rules_see_the_core() -> None:
    """The scan really covers the core (a moved directory would make the rules vacuous)."""
    names = {p.name for p in CORE_MODULES}
    assert {"detect.py", "signals.py", "rfc822.py", "model.py", "quotes.py"} <= names


def test_the_rules_catch_a_violation(tmp_path: Path) -> None:
    """A file with forbidden imports and a clock call is caught by the same helpers."""
    bad = tmp_path / "bad.py"
    bad.write_text(
        "import os\nfrom datetime import datetime\n"
        "def f():\n    import requests\n    return datetime.now()\n"
    )
    tree = _tree(bad)
    assert set(_imports(tree)) == {"os", "datetime", "requests"}
    assert not any(_allowed_in_core(n) for n in ("os", "requests", "app.api.routes"))
    assert all(_allowed_in_core(n) for n in ("re", "email.utils", "nameparser", "app.core.x"))
    calls = [ast.unparse(n.func) for n in ast.walk(tree) if isinstance(n, ast.Call)]
    assert "datetime.now" in calls

"""Architecture rules, read from the source: the core is pure, only `gmail/` talks to Google.

No import circle inside `app/` (module-level imports); imports flow down the layers
(api -> service -> core, cards, gmail; cards -> core; gmail -> core); outside the core,
only a core package's surface (its `__init__`, with `__all__`) or model/preferences/memo
is imported. Each rule has a test showing it catches a planted violation.

And production stays free of the dev kit: `app/` imports `devkit` only at the demo switch
in `app.main.create_app`, and the default app loads no `devkit` module at all.
"""

from __future__ import annotations

import ast
import importlib
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.fresh import fresh_python

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "app"
CORE = APP / "core"

# Pure third-party text libraries the core may use (each module docstring says why).
CORE_THIRD_PARTY = {"selectolax", "nameparser", "faker"}  # faker: its person names, read only
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
        "app.core.mail",
        "app.core.model",
    }


def test_the_rules_see_the_core() -> None:
    """The scan really covers the core (a moved directory would make the rules vacuous)."""
    names = {p.name for p in CORE_MODULES}
    assert {"detect.py", "signals.py", "rfc822.py", "model.py", "body.py"} <= names


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


# The dev kit (demo, Gmail emulator, local signer) and the one place `app/` may import it.
DEVKIT = "devkit"
DEMO_SWITCH = (APP / "main.py", "create_app")


def _is_devkit(name: str) -> bool:
    return name == DEVKIT or name.startswith(DEVKIT + ".")


def _devkit_imports(tree: ast.AST) -> list[ast.stmt]:
    """Import statements of `devkit`, and dynamic imports of a literal `devkit` name."""
    return [node for node in ast.walk(tree) if _imports_devkit(node)]


def _imports_devkit(node: ast.AST) -> bool:
    if isinstance(node, ast.Import | ast.ImportFrom):
        return any(_is_devkit(name) for name in _imported_names(node))
    return isinstance(node, ast.Expr | ast.Assign) and _dynamic_devkit_import(node.value)


def _imported_names(node: ast.Import | ast.ImportFrom) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    return [node.module] if node.module and not node.level else []


def _dynamic_devkit_import(value: ast.expr) -> bool:
    """`importlib.import_module("devkit...")` or `__import__("devkit...")`."""
    if not isinstance(value, ast.Call) or not value.args:
        return False
    func = ast.unparse(value.func).split(".")[-1]
    first = value.args[0]
    return (
        func in {"import_module", "__import__"}
        and isinstance(first, ast.Constant)
        and isinstance(first.value, str)
        and _is_devkit(first.value)
    )


def _switch_imports(tree: ast.Module, function: str) -> list[ast.stmt]:
    """The `devkit` imports inside `if <settings>.demo:` in the module-level `function`."""
    (func,) = [n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == function]
    branches = [
        n
        for n in ast.walk(func)
        if isinstance(n, ast.If) and isinstance(n.test, ast.Attribute) and n.test.attr == "demo"
    ]
    return [imp for branch in branches for s in branch.body for imp in _devkit_imports(s)]


@pytest.mark.parametrize("path", _modules(APP), ids=_rel)
def test_app_imports_devkit_only_at_the_demo_switch(path: Path) -> None:
    """No module of app/ imports `devkit`, except `create_app` behind `if settings.demo`."""
    tree = _tree(path)
    found = _devkit_imports(tree)
    if path != DEMO_SWITCH[0]:
        assert found == [], f"{_rel(path)} imports the dev kit: {[ast.unparse(n) for n in found]}"
        return
    assert isinstance(tree, ast.Module)
    switch = _switch_imports(tree, DEMO_SWITCH[1])
    assert len(found) == 1, f"app/main.py imports the dev kit {len(found)} times, not once"
    assert switch == found, "app/main.py imports the dev kit outside `if ....demo:`"


def test_the_demo_switch_rule_catches_a_violation(tmp_path: Path) -> None:
    """Imports at module level, in another branch or by name are found; the switch is not."""
    bad = tmp_path / "main.py"
    bad.write_text(
        "import devkit.signing\n"
        "from importlib import import_module\n"
        "def create_app(settings):\n"
        "    if settings.demo:\n"
        "        from devkit.demo import install_demo\n"
        "    else:\n"
        "        from devkit import emulator\n"
        "    import_module('devkit.emulator')\n"
        "def other():\n"
        "    from devkitten import x\n"
    )
    tree = _tree(bad)
    assert isinstance(tree, ast.Module)
    found = {ast.unparse(n) for n in _devkit_imports(tree)}
    assert found == {
        "import devkit.signing",
        "from devkit.demo import install_demo",
        "from devkit import emulator",
        "import_module('devkit.emulator')",
    }
    switch = [ast.unparse(n) for n in _switch_imports(tree, "create_app")]
    assert switch == ["from devkit.demo import install_demo"]


# Imports app.main (which builds `app.main:app` from the environment) and builds one
# more app; prints the loaded `devkit` modules.
_LOADED_DEVKIT = """
import sys
import app.main
from app.settings import Settings
{build}
print(sorted(m for m in sys.modules if m == "devkit" or m.startswith("devkit.")))
"""


def _loaded_devkit(build: str, tmp_path: Path) -> str:
    """Run `_LOADED_DEVKIT` in a fresh interpreter with no `INTRO_*` variable set."""
    return fresh_python(_LOADED_DEVKIT.format(build=build), tmp_path)


def test_the_default_app_loads_no_devkit_module(tmp_path: Path) -> None:
    """`import app.main` and `create_app()` with default settings load no `devkit` module."""
    assert _loaded_devkit("app.main.create_app()", tmp_path) == "[]"


def test_the_demo_app_loads_the_devkit(tmp_path: Path) -> None:
    """The check above is not vacuous: building the demo app does load `devkit.demo`."""
    build = 'app.main.create_app(Settings(demo=True, public_url="http://127.0.0.1:8080"))'
    loaded = _loaded_devkit(build, tmp_path)
    assert "'devkit.demo'" in loaded
    assert "'devkit.emulator'" in loaded
    assert "'devkit.signing'" in loaded


# The module graph of app/: which modules a module loads when it is imported.
def _module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _module_level_imports(tree: ast.Module, me: str, is_package: bool) -> Iterator[str]:
    """Modules imported when the module loads: its body, `if`/`try` blocks, not functions."""
    stack: list[ast.stmt] = list(tree.body)
    while stack:
        node = stack.pop()
        if isinstance(node, ast.If | ast.Try):
            stack += node.body + node.orelse
            stack += getattr(node, "finalbody", [])
            stack += [s for h in getattr(node, "handlers", []) for s in h.body]
        elif isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = me if is_package else me.rpartition(".")[0]
                for _ in range(node.level - 1):
                    package = package.rpartition(".")[0]
                base = f"{package}.{base}" if base else package
            yield base
            yield from (f"{base}.{alias.name}" for alias in node.names)


def _import_graph(root: Path) -> dict[str, set[str]]:
    """Module -> the modules of `root` it loads, with the packages whose `__init__` runs.

    Importing `a.b.c` runs `a/__init__` and `a/b/__init__` too, except the packages the
    importer is itself inside (they are already loading).
    """
    paths = {_module_name(p, root): p for p in _modules(root)}
    graph: dict[str, set[str]] = {}
    for me, path in paths.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        targets: set[str] = set()
        for name in _module_level_imports(tree, me, path.name == "__init__.py"):
            parts = name.split(".")
            for i in range(1, len(parts) + 1):
                target = ".".join(parts[:i])
                if target in paths and target != me and not me.startswith(target + "."):
                    targets.add(target)
        graph[me] = targets
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle through each strongly connected group of modules (Tarjan), [] if none."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def test_no_import_circle_inside_app() -> None:
    """No module of app/ loads, through module-level imports, a module that loads it back."""
    assert _cycles(_import_graph(APP)) == []


def test_the_circle_rule_catches_a_circle(tmp_path: Path) -> None:
    """A two-module circle, one through a package `__init__` and TYPE_CHECKING are found."""
    pkg = tmp_path / "pkg"
    (pkg / "sub").mkdir(parents=True)
    files = {
        "__init__.py": "",
        "a.py": "from pkg import b\n",
        "b.py": "import pkg.a\n",
        "c.py": "def f():\n    from pkg import d\n",  # function-level: not a circle
        "d.py": "import pkg.c\n",
        "sub/__init__.py": "from pkg.sub.x import X\n",
        "sub/x.py": "from pkg.e import E\nX = 1\n",
        "e.py": "import typing\nif typing.TYPE_CHECKING:\n    from pkg.sub.x import X\n",
    }
    for name, text in files.items():
        (pkg / name).write_text(text)
    groups = _cycles(_import_graph(pkg))
    assert sorted(groups) == [["pkg.a", "pkg.b"], ["pkg.e", "pkg.sub", "pkg.sub.x"]]


# Layers, lowest first: a layer imports only lower ones (and itself). Modules outside
# these (addon, settings, state, store, manifest) are free for service and above.
LAYERS = {
    "core": 0,
    "cards": 1,
    "gmail": 1,
    "service": 2,
    "wiring": 3,
    "api": 4,
    "main": 5,
    "cli": 5,
    "__main__": 6,
}
# These import nothing of app/ but lower layers (cards -> core, gmail -> core).
STRICT_LAYERS = {"core", "cards", "gmail"}


def _layer(module: str) -> str:
    return module.split(".")[1] if module.count(".") else ""


def _layer_violations(graph: dict[str, set[str]]) -> list[str]:
    bad = []
    for module, targets in sorted(graph.items()):
        mine = _layer(module)
        if mine not in LAYERS:
            continue
        for target in sorted(targets):
            theirs = _layer(target)
            if theirs in ("", mine):
                continue
            below = LAYERS[theirs] < LAYERS[mine] if theirs in LAYERS else None
            if below is False or (below is None and mine in STRICT_LAYERS):
                bad.append(f"{module} -> {target}")
    return bad


def test_imports_flow_down_the_layers() -> None:
    """api -> service -> {core, cards, gmail}; cards -> core; gmail -> core; never back up."""
    assert _layer_violations(_import_graph(APP)) == []


def test_the_layer_rule_catches_a_violation() -> None:
    """Upward, sideways and strict-layer imports of support modules are all caught."""
    graph = {
        "app.core.x": {"app.cards.y", "app.core.z"},
        "app.cards.y": {"app.gmail.mime", "app.core.mail"},
        "app.gmail.mime": {"app.settings"},
        "app.service.s": {"app.api.routes", "app.state", "app.cards.y"},
        "app.api.routes": {"app.service.s", "app.wiring"},
    }
    assert _layer_violations(graph) == [
        "app.cards.y -> app.gmail.mime",
        "app.core.x -> app.cards.y",
        "app.gmail.mime -> app.settings",
        "app.service.s -> app.api.routes",
    ]


# What other layers may import of the core: a package's surface or a top-level module.
CORE_PACKAGES = sorted(p.parent.name for p in CORE.glob("*/__init__.py"))
CORE_SURFACES = {"app.core"} | {f"app.core.{name}" for name in CORE_PACKAGES}
CORE_SURFACES |= {"app.core.model", "app.core.preferences", "app.core.memo"}


def _core_reach_ins(tree: ast.AST) -> list[str]:
    """Imports of a core module behind a package's surface: `app.core.mail.rfc822`, or
    `from app.core.mail import rfc822`."""
    bad = []
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names = [node.module]
            names += [f"{node.module}.{a.name}" for a in node.names if node.module != "app.core"]
            names = [n for n in names if n == node.module or _is_core_module(n)]
        bad += [n for n in names if n.startswith("app.core.") and n not in CORE_SURFACES]
    return bad


def _is_core_module(name: str) -> bool:
    path = ROOT.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


OUTSIDE_CORE = [p for p in _modules(APP) + _modules(ROOT / DEVKIT) if not p.is_relative_to(CORE)]


@pytest.mark.parametrize("path", OUTSIDE_CORE, ids=lambda p: str(p.relative_to(ROOT)))
def test_other_layers_use_only_the_core_surfaces(path: Path) -> None:
    """Outside the core, `app.core.X` is a package's `__init__` or model/preferences/memo."""
    assert _core_reach_ins(_tree(path)) == [], f"{path.relative_to(ROOT)} reaches into the core"


def test_the_surface_rule_catches_a_reach_in(tmp_path: Path) -> None:
    """A module path behind a surface is caught however it is imported; surfaces pass."""
    bad = tmp_path / "bad.py"
    bad.write_text(
        "import app.core.mail.rfc822\n"
        "from app.core.mail.names import first_name\n"
        "from app.core.reply import suggestion\n"
        "from app.core.reply import suggest_reply\n"
        "from app.core import model\n"
        "from app.core.checks import Finding\n"
        "def f():\n    from app.core.intro.detect import detect_introduction\n"
    )
    assert sorted(_core_reach_ins(_tree(bad))) == [
        "app.core.intro.detect",
        "app.core.mail.names",
        "app.core.mail.rfc822",
        "app.core.reply.suggestion",
    ]


@pytest.mark.parametrize("name", CORE_PACKAGES)
def test_each_core_package_declares_its_surface(name: str) -> None:
    """Each core package's `__init__` lists its public names in `__all__`, all of them bound."""
    module = importlib.import_module(f"app.core.{name}")
    surface = getattr(module, "__all__", None)
    assert isinstance(surface, list), f"app.core.{name} has no __all__ list"
    assert surface == sorted(set(surface), key=surface.index)
    assert [n for n in surface if not hasattr(module, n)] == []


def test_the_rules_see_the_core_packages() -> None:
    """The surface rules cover the packages the core is grouped into."""
    assert {"mail", "intro", "reply", "checks", "text"} <= set(CORE_PACKAGES)

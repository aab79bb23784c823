"""The emulator stands alone: it imports nothing of app/, the demo or the signer, nor Google."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

EMULATOR = Path(__file__).parents[3] / "devkit" / "emulator"
FORBIDDEN = ("app.", "devkit.demo", "devkit.signing", "googleapiclient")


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("module", sorted(EMULATOR.glob("*.py")), ids=lambda p: p.name)
def test_emulator_module_imports_nothing_forbidden(module):
    """No emulator module imports app/, the demo, the signer or googleapiclient."""
    bad = {name for name in _imports(module) if name.startswith(FORBIDDEN)}
    assert not bad

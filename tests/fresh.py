"""Run Python in a fresh interpreter, as a server process would start (tests' helper)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def fresh_python(code: str, cwd: Path) -> str:
    """`python -c code` with this checkout importable, no `INTRO_*` setting but an
    in-memory store; its standard output (the run must succeed)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("INTRO_")}
    env.update(PYTHONPATH=str(ROOT), INTRO_DATABASE_URL="memory://")
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()

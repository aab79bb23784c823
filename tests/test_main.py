"""`app.main`: the served app's module, imported as uvicorn imports it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_GC_AFTER_IMPORT = """
import gc, json
import app.main
print(json.dumps({"thresholds": gc.get_threshold(), "frozen": gc.get_freeze_count(),
                  "expected": app.main.GC_THRESHOLDS}))
"""


def test_import_settles_the_garbage_collector(tmp_path: Path) -> None:
    """What import made is frozen out of later collections; the thresholds are ours."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("INTRO_")}
    env.update(PYTHONPATH=str(ROOT), INTRO_DATABASE_URL="memory://")
    done = subprocess.run(
        [sys.executable, "-c", _GC_AFTER_IMPORT],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    assert tuple(found["thresholds"]) == tuple(found["expected"])
    assert tuple(found["expected"]) != (700, 10, 10)  # not Python's default
    assert found["frozen"] > 10_000  # FastAPI, pydantic, googleapiclient, our lexicons

"""`app.main`: the served app's module, imported as uvicorn imports it."""

from __future__ import annotations

import json
from pathlib import Path

from tests.fresh import fresh_python

_GC_AFTER_IMPORT = """
import gc, json
import app.main
print(json.dumps({"thresholds": gc.get_threshold(), "frozen": gc.get_freeze_count(),
                  "expected": app.main.GC_THRESHOLDS}))
"""


def test_import_settles_the_garbage_collector(tmp_path: Path) -> None:
    """What import made is frozen out of later collections; the thresholds are ours."""
    found = json.loads(fresh_python(_GC_AFTER_IMPORT, tmp_path))
    assert tuple(found["thresholds"]) == tuple(found["expected"])
    assert tuple(found["expected"]) != (700, 10, 10)  # not Python's default
    assert found["frozen"] > 10_000  # FastAPI, pydantic, googleapiclient, our lexicons

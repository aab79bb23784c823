"""Writes the commands' records: one JSON object per line (`--json`) or a short summary.

Each line is flushed as it is written, so a pipe sees results while later files are read.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Any

JsonObject = dict[str, Any]


def emit(record: JsonObject, as_json: bool, summary: Callable[[JsonObject], str]) -> None:
    """Write one record: as a JSON line, or as the command's human summary."""
    line = json.dumps(record, ensure_ascii=False) if as_json else summary(record)
    sys.stdout.write(line + "\n")
    sys.stdout.flush()

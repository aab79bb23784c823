"""What each trainer does with its fitted file: write it, or with `--check` say if it is current."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def write_or_check(path: Path, text: str, argv: list[str]) -> int:
    """Write `text` to `path`; with `--check`, compare instead (1 when stale or missing)."""
    if "--check" in argv:
        current = path.read_text(encoding="utf-8") if path.exists() else ""
        if current != text:
            print(f"{path.relative_to(ROOT)} is stale: run `make train`", file=sys.stderr)
            return 1
        print(f"{path.name} is current")
        return 0
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path}")
    return 0

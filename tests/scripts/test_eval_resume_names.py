"""Tests for `scripts.eval_resume_names`: the labelled name files and the report's blocks."""

from __future__ import annotations

from pathlib import Path

from scripts.eval_resume_names import DATA, DATA2, _read, load_rows, report


def test_the_second_set_is_fresh_and_traceable() -> None:
    """Every name of the second file is new, once, labelled, and says where it came from."""
    first = {row.name for row in load_rows(DATA)}
    raw = _read(DATA2)
    names = [r["name"] for r in raw]
    assert len(names) == len(set(names))
    assert not first & set(names)
    assert all(r["label"] in {"0", "1"} and r["source"] and r["path"] and r["lang"] for r in raw)


def test_the_report_prints_each_file_as_its_own_set(tmp_path: Path) -> None:
    """Each file gets its halves and a whole-file line; a fresh file that is missing is skipped."""
    lines = report()
    assert any(DATA.name in line for line in lines)
    assert any(DATA2.name in line for line in lines)
    assert sum("whole file" in line for line in lines) == 3
    alone = report(fresh=(tmp_path / "absent.tsv",))
    assert sum("whole file" in line for line in alone) == 1

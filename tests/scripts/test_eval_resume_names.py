"""Tests for `scripts.eval_resume_names`: the labelled name files and the report's blocks."""

from __future__ import annotations

from pathlib import Path

from scripts.eval_resume_names import DATA, DATA2, DATA3, DATA4, DATA5, _read, load_rows, report


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
    assert sum("whole file" in line for line in lines) == 5
    alone = report(fresh=(tmp_path / "absent.tsv",))
    assert sum("whole file" in line for line in alone) == 1


def test_the_later_sets_are_fresh_and_traceable() -> None:
    """Files three to five hold names no earlier file holds, each labelled and sourced."""
    seen = {row.name for path in (DATA, DATA2) for row in load_rows(path)}
    for path in (DATA3, DATA4, DATA5):
        raw = _read(path)
        names = [r["name"] for r in raw]
        assert len(names) == len(set(names)), path.name
        assert not seen & set(names), path.name
        assert all(
            r["label"] in {"0", "1"} and r["source"] and r["path"] and r["lang"] for r in raw
        ), path.name
        seen |= set(names)

"""The README documents every setting and the two commands; every card has a golden file."""

from __future__ import annotations

import re
from pathlib import Path

from app.settings import Settings
from tests.cards.modules import card_modules

ROOT = Path(__file__).parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_documents_every_setting() -> None:
    """Each `INTRO_*` setting appears in the README's settings table."""
    for name in Settings.model_fields:
        assert f"`INTRO_{name.upper()}`" in README, f"INTRO_{name.upper()} is not documented"


def test_readme_names_no_unknown_setting() -> None:
    """Every `INTRO_*` name in the README is a real setting (no stale rows)."""
    known = {f"INTRO_{name.upper()}" for name in Settings.model_fields}
    mentioned = set(re.findall(r"`(INTRO_[A-Z_]+)`", README))
    assert mentioned <= known


def test_readme_shows_the_two_commands() -> None:
    """A newcomer finds how to run the service and how to run the tests."""
    assert "make run" in README
    assert "make test" in README


def test_ci_runs_the_readme_test_command() -> None:
    """CI's entry point calls the README's test command."""
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_every_card_module_has_golden_files() -> None:
    """Each card module has at least one golden JSON file."""
    golden = {p.stem for p in (ROOT / "tests" / "cards" / "golden").glob("*.json")}
    for module in card_modules():
        assert any(g == module or g.startswith(module + "_") for g in golden), module


def test_manifest_files_match_the_generator() -> None:
    """The committed deployment descriptors are what `python -m app manifest` prints."""
    import json

    from app.addon.manifest import descriptor

    base = "https://intro-coach.example.run.app"
    for profile, name in (
        ("default", "deployment.json"),
        ("draft-read", "deployment.draft-read.json"),
    ):
        committed = json.loads((ROOT / "addon_manifest" / name).read_text(encoding="utf-8"))
        assert committed == descriptor(base, profile)

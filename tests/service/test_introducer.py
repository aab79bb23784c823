"""What the introducer card gets: findings for the user's own introduction, a nudge when due."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from app.core.intro import detect_introduction
from app.core.model import Thread
from app.core.preferences import Preferences
from app.service.introducer import view, written_by_user
from scripts.eval_introducer import load

CASES = {str(case["id"]): email for case, email in load()}
ME = "joe@example.com"


def _thread(case_id: str) -> Thread:
    return Thread((CASES[case_id],), "t1")


def test_view_of_own_introduction() -> None:
    thread = _thread("en-behalf")
    intro = detect_introduction(thread, ME).introduction
    assert intro is not None
    seen = view(thread, intro, ME, Preferences(), datetime(2026, 12, 1, tzinfo=UTC))
    assert seen is not None
    assert {f.code for f in seen.findings} == {"ask_on_behalf", "one_side_missing", "no_reason"}
    assert seen.nudge is None  # the written cases carry no date: never "waited"


def test_preferences_switch_checks_off() -> None:
    thread = _thread("en-bare")
    intro = detect_introduction(thread, ME).introduction
    assert intro is not None
    prefs = Preferences(enabled_checks=frozenset({"no_reason"}))
    seen = view(thread, intro, ME, prefs, datetime(2026, 12, 1, tzinfo=UTC))
    assert seen is not None
    assert [f.code for f in seen.findings] == ["no_reason"]


def test_not_the_users_introduction() -> None:
    thread = _thread("en-good")
    intro = detect_introduction(thread, "sue@acme.com").introduction
    assert intro is not None
    assert written_by_user(thread, intro, "sue@acme.com") is None
    now = datetime(2026, 12, 1, tzinfo=UTC) + timedelta(days=30)
    assert view(thread, intro, "sue@acme.com", Preferences(), now) is None

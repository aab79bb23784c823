"""Validly signed calls with any event shape get a card or a 400, never a 5xx."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings

from tests.api.harness import Stack
from tests.fuzz import targets


@settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(call=targets.live_call)
def test_signed_events_of_any_shape_never_5xx(live: Stack, call: tuple[str, Any]) -> None:
    """Every endpoint answers 200 or 400 to a signed event, whatever its shape."""
    path, event = call
    response = live.post(path, event)
    assert response.status_code in targets.LIVE_OK, (path, response.status_code)

"""The fault queue: counting, path matching and validation."""

from __future__ import annotations

import pytest

from devkit.emulator import Fault, Faults


def test_fault_applies_to_next_requests_then_runs_out():
    """A fault queued for two requests hits exactly the next two."""
    faults = Faults()
    faults.fail(503, times=2)
    taken = [faults.take("/a") for _ in range(3)]
    assert taken == [Fault("status", status=503), Fault("status", status=503), None]
    assert faults.pending() == 0


def test_path_filter_skips_other_requests():
    """A path-scoped fault ignores requests elsewhere and waits for a match."""
    faults = Faults()
    faults.slow(1.5, path_contains="/threads/")
    assert faults.take("/gmail/v1/users/me/messages/1") is None
    assert faults.take("/gmail/v1/users/me/threads/1") == Fault("slow", seconds=1.5)


def test_persistent_fault_lasts_until_cleared():
    """times=None keeps a fault in force until clear()."""
    faults = Faults()
    faults.truncate(times=None)
    assert all(faults.take("/x") == Fault("truncated") for _ in range(5))
    faults.clear()
    assert faults.take("/x") is None


def test_retry_after_and_reason_are_carried():
    """A 429 carries its Retry-After text and a 403 its reason."""
    faults = Faults()
    faults.fail(429, retry_after=7)
    faults.fail(403, reason="forbidden")
    assert faults.take("/x") == Fault("status", status=429, retry_after="7")
    assert faults.take("/x") == Fault("status", status=403, reason="forbidden")


@pytest.mark.parametrize(("status", "times"), [(200, 1), (302, 1), (500, 0)])
def test_bad_fault_arguments_are_rejected(status, times):
    """Only error statuses, applied at least once, can be queued."""
    with pytest.raises(ValueError):  # noqa: PT011 - either message is fine
        Faults().fail(status, times=times)

"""Status changes are reported once; a missing device is retried later and later, up to a cap."""

import pytest

from drivers.device import Reconnect, StatusTracker
from drivers.errors import ERROR_CODES, Failure, Ok, register
from drivers.status import Capabilities, State, Status


def test_a_status_change_is_reported_once():
    heard = []
    tracker = StatusTracker(Capabilities("printer", port="/dev/ttyUSB0"))
    tracker.subscribe(lambda caps, old, new: heard.append((old.state, new.state)))
    assert tracker.set(Status.ready())
    assert not tracker.set(Status.ready())  # polled again: nothing new
    tracker.set(Status(State.USER_ACTION, None, "paper near end"))
    assert heard == [(State.DISCONNECTED, State.READY), (State.READY, State.USER_ACTION)]


def test_reconnect_backs_off_and_resets():
    now = [0.0]
    r = Reconnect(clock=lambda: now[0], delay=lambda attempt: min(30.0, 0.5 * 2**attempt))
    assert r.due()
    r.failed()
    assert not r.due()
    now[0] = 0.5
    assert r.due()
    for _ in range(10):
        r.failed()
    now[0] += 29.9
    assert not r.due()
    now[0] += 0.2
    assert r.due()
    r.succeeded()
    assert r.attempts == 0


def test_failures_carry_registered_codes_only():
    assert Failure("device.timeout").code in ERROR_CODES
    with pytest.raises(ValueError):
        Failure("made.up.code")
    assert Ok(3).ok and not Failure("device.timeout").ok


def test_codes_are_never_reused_for_another_meaning():
    register({"test.example": "An example."})
    register({"test.example": "An example."})
    with pytest.raises(ValueError):
        register({"test.example": "Something else."})
    with pytest.raises(ValueError):
        register({"Bad Code": "x"})

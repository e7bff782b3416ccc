"""The module stops answering: the caller gets device.timeout within the configured time, the status is
DISCONNECTED (it cannot be reached), and a poll brings it back once it answers again."""

from drivers.status import State

from .conftest import make_driver


def test_a_silent_module_times_out_and_comes_back(device, clock):
    driver = make_driver(device, clock, timeout_s=0.3)
    assert driver.open().ok
    device.mute = True
    assert driver.template_count().code == "device.timeout"
    status = driver.tracker.status
    assert status.state is State.DISCONNECTED and status.code == "device.timeout"
    assert "0.3 s" in status.detail

    assert driver.poll().code == "device.timeout"  # retried once at once: still silent, now backing off
    assert driver.poll().code == "device.timeout"  # not due yet: no new attempt
    device.mute = False
    clock.advance(60)
    assert driver.poll().state is State.READY
    assert driver.template_count().ok
    driver.close()


def test_a_module_that_never_answered_fails_to_open(device, clock):
    device.mute = True
    driver = make_driver(device, clock, timeout_s=0.3)
    assert driver.open().code == "device.timeout"
    assert driver.tracker.status.state is State.DISCONNECTED
    driver.close()

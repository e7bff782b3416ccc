"""The wedge scanner unplugged while the kiosk waits for a scan: a Failure, DISCONNECTED, back after replug."""

from evdev import ecodes as e

from drivers.status import State
from tests.drivers.fakes import FakeClock

from .wedge_fake import PATH, FakeInput, Socket, make_scanner

WAIT_S = 2.0


def test_unplugged_during_a_read_then_replugged_after_the_backoff():
    clock = FakeClock()
    socket = Socket(FakeInput())
    driver = make_scanner(socket, clock=clock, retry_delay=lambda attempt: 5.0)
    assert driver.open().ok
    socket.unplug()
    result = driver.read_code(WAIT_S)  # select wakes on the vanished device; its read fails with ENODEV
    assert result.code == "device.disconnected"
    assert "qr_scanner" in result.detail and PATH in result.detail
    assert driver.tracker.status.state is State.DISCONNECTED
    assert driver.tracker.status.code == "device.disconnected"

    assert driver.poll().state is State.DISCONNECTED  # not due yet, and nothing plugged in anyway
    keyboard = socket.plug(FakeInput())
    assert driver.poll().state is State.DISCONNECTED  # plugged in, but the backoff has not passed
    assert socket.opened == [PATH]
    clock.advance(5.0)
    assert driver.poll().state is State.READY
    assert keyboard.grabbed
    keyboard.scan("AFTER")
    assert driver.read_code(WAIT_S).value == "AFTER"
    driver.close()
    keyboard.close()


def test_poll_notices_an_unplug_without_a_read():
    socket = Socket(FakeInput())
    driver = make_scanner(socket)
    assert driver.open().ok
    socket.unplug()
    assert driver.poll().state is State.DISCONNECTED
    keyboard = socket.plug(FakeInput())
    assert driver.poll().state is State.READY
    keyboard.scan("BACK")
    assert driver.read_code(WAIT_S).value == "BACK"
    driver.close()
    keyboard.close()


def test_a_scan_cut_by_the_unplug_is_not_completed_by_the_next_device():
    socket = Socket(FakeInput())
    driver = make_scanner(socket)
    assert driver.open().ok
    socket.device.scan("FIRST")
    socket.device.press((e.KEY_A, 1), (e.KEY_A, 0))  # "a": the start of a scan the unplug cuts
    socket.unplug()
    assert driver.read_code(WAIT_S).value == "FIRST"  # read before the device went away
    assert driver.read_code(WAIT_S).code == "device.disconnected"
    keyboard = socket.plug(FakeInput())
    assert driver.poll().state is State.READY
    keyboard.scan("NEW")
    assert driver.read_code(WAIT_S).value == "NEW"
    driver.close()
    keyboard.close()


def test_read_while_disconnected_tries_the_device_again():
    socket = Socket()
    driver = make_scanner(socket)
    assert driver.read_code(0.1).code == "device.port_missing"
    keyboard = socket.plug(FakeInput())
    keyboard.scan("LATE")
    assert driver.read_code(WAIT_S).value == "LATE"
    driver.close()
    keyboard.close()

"""What an installer sees when the scanner's input device cannot be opened: a Failure naming device and
path, with what to do, and the status DISCONNECTED (retried with backoff)."""

import errno
import os

from evdev import ecodes as e

from drivers.scanner.wedge import WedgeScanner
from drivers.status import State

from .wedge_fake import PATH, FakeInput, Socket, make_scanner


def test_a_path_that_does_not_exist(tmp_path):
    path = str(tmp_path / "usb-Acme_QR_Scanner-event-kbd")
    driver = WedgeScanner(path)  # the real evdev.InputDevice
    result = driver.open()
    assert result.code == "device.port_missing"
    assert "qr_scanner" in result.detail and path in result.detail and "/dev/input/by-id/" in result.detail
    assert driver.tracker.status.state is State.DISCONNECTED
    assert driver.read_code(0.01).code == "device.port_missing"
    assert driver.poll().state is State.DISCONNECTED


def test_a_path_that_is_not_an_input_device():
    driver = WedgeScanner("/dev/null", device="front_scanner")  # the real evdev.InputDevice: ENOTTY
    result = driver.open()
    assert result.code == "scanner.not_keyboard"
    assert "front_scanner on /dev/null" in result.detail and "event-kbd" in result.detail


def test_another_program_holds_the_grab():
    keyboard = FakeInput()
    keyboard.grab_error = errno.EBUSY
    driver = make_scanner(Socket(keyboard))
    result = driver.open()
    assert result.code == "device.port_busy"
    assert f"qr_scanner on {PATH}" in result.detail and "grab" in result.detail
    assert driver.tracker.status.code == "device.port_busy"
    assert keyboard.fd == -1  # the device was closed again, not left open half-usable
    assert not driver.is_open


def test_permission_denied_names_the_input_group():
    def denied(path):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), path)

    result = WedgeScanner(PATH, input_factory=denied).open()
    assert result.code == "device.port_denied"
    assert PATH in result.detail and "`input` group" in result.detail


def test_the_mouse_interface_of_a_scanner_is_refused():
    mouse = FakeInput(keys=[e.BTN_LEFT, e.BTN_RIGHT, e.BTN_MIDDLE])
    result = make_scanner(Socket(mouse)).open()
    assert result.code == "scanner.not_keyboard"
    assert "ENTER key" in result.detail and PATH in result.detail
    assert mouse.fd == -1 and not mouse.grabbed


def test_the_busy_device_is_retried_and_opens_once_free():
    keyboard = FakeInput()
    keyboard.grab_error = errno.EBUSY
    socket = Socket(keyboard)
    driver = make_scanner(socket)
    assert driver.open().code == "device.port_busy"
    free = socket.plug(FakeInput())  # the other program quit: the next open gets a grab
    assert driver.poll().state is State.READY
    assert free.grabbed
    driver.close()
    free.close()

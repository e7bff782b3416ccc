"""Line noise and damaged scans: refused as a bad frame (scan again), the next code reads."""

from drivers.status import State

from .conftest import WAIT_S, poll_until


def test_garbage_line_then_a_good_code(driver, scanner):
    scanner.inject(b"\x00\xff\xfe\r")
    scanner.model.scan("GOOD")
    result = driver.read_code(WAIT_S)
    assert result.code == "device.bad_frame"
    assert result.detail == "the scanner sent a line that is not a whole code; scan again"
    assert driver.read_code(WAIT_S).value == "GOOD"
    assert driver.tracker.status.state is State.READY


def test_noise_inside_a_code_refuses_the_whole_code(driver, scanner):
    scanner.model.scan_raw(b"PICK\x00UP-1\r")
    assert driver.read_code(WAIT_S).code == "device.bad_frame"
    scanner.model.scan("PICKUP-1")
    assert driver.read_code(WAIT_S).value == "PICKUP-1"


def test_a_garbled_line_seen_by_poll_is_reported_by_the_next_read(driver, scanner):
    scanner.inject(b"\xff\r")
    poll_until(driver, lambda: driver.pending)
    assert driver.read_code(0.1).code == "device.bad_frame"

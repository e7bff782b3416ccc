"""The scanner driver against a simulated scanner on a real pty: codes, suffixes, split reads."""

import json

import pytest

from drivers.scanner import simulator
from drivers.status import State

from .conftest import PICKUP, WAIT_S, make_driver, poll_until, serve


def test_a_scanned_code_is_read(driver, scanner):
    scanner.model.scan("ABC-123")
    assert driver.read_code(WAIT_S).value == "ABC-123"
    assert driver.tracker.status.state is State.READY


@pytest.mark.parametrize("suffix", ["CR", "LF", "CRLF"])
def test_each_suffix_and_chinese_text(tmp_path, suffix):
    device = serve(tmp_path, suffix)
    try:
        driver = make_driver(device, suffix)
        assert driver.open().ok
        device.model.scan(PICKUP)
        device.model.scan("second")
        assert driver.read_code(WAIT_S).value == PICKUP
        assert driver.read_code(WAIT_S).value == "second"
        driver.close()
    finally:
        device.stop()


def test_a_code_split_across_reads(driver, scanner):
    scanner.model.scan_raw(b"PART-")
    assert driver.read_code(0.1).code == "scanner.no_code"
    scanner.model.scan_raw(b"ONE\rPART-TWO")
    assert driver.read_code(WAIT_S).value == "PART-ONE"
    scanner.model.scan_raw(b"\r")
    assert driver.read_code(WAIT_S).value == "PART-TWO"


def test_poll_keeps_a_code_for_the_next_read(driver, scanner):
    scanner.model.scan("EARLY")
    assert driver.read_code(WAIT_S).value == "EARLY"
    scanner.model.scan("KEPT")
    poll_until(driver, lambda: driver.pending)
    assert driver.read_code(0.1).value == "KEPT"


def test_discard_forgets_codes_scanned_before(driver, scanner):
    scanner.model.scan("STALE")
    poll_until(driver, lambda: driver.pending)
    assert driver.discard().ok
    scanner.model.scan("FRESH")
    assert driver.read_code(WAIT_S).value == "FRESH"


def test_simulator_state_and_scans_before_attach():
    model = simulator.create({"suffix": "CRLF", "scans": 2})
    model.scan("queued")
    sent = []
    model.attach(sent.append)
    assert sent == [b"queued\r\n"]
    assert json.loads(json.dumps(model.snapshot())) == {"suffix": "CRLF", "encoding": "utf-8", "scans": 3}
    assert model.receive(b"anything") == b""

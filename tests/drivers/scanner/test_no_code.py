"""Nobody scans: a timeout is a normal answer (scanner.no_code), and the scanner stays READY."""

from drivers.status import State


def test_no_scan_in_time(driver, scanner):
    result = driver.read_code(0.2)
    assert result.code == "scanner.no_code" and result.detail == "no code scanned within 0.2 s"
    assert driver.tracker.status.state is State.READY
    assert driver.poll().state is State.READY


def test_a_slow_scan_after_a_timeout_is_still_read(driver, scanner):
    assert driver.read_code(0.1).code == "scanner.no_code"
    scanner.model.scan("LATE")
    assert driver.read_code(2.0).value == "LATE"

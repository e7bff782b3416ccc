"""A pickup QR code may carry personal data: its text stays out of statuses, failures, reprs and logs."""

import logging

from .conftest import PICKUP, WAIT_S


def test_scanned_text_reaches_only_the_caller(driver, scanner, caplog):
    caplog.set_level(logging.DEBUG)
    seen = []
    driver.tracker.subscribe(lambda caps, old, new: seen.append(repr((caps, old, new))))
    scanner.model.scan(PICKUP)
    assert driver.read_code(WAIT_S).value == PICKUP
    scanner.model.scan_raw(PICKUP.encode() + b"\x07\r")  # a damaged scan of the same code
    failure = driver.read_code(WAIT_S)
    driver.poll()
    everything = " ".join([repr(failure), repr(driver.tracker.status), caplog.text, *seen,
                           repr(scanner.model.snapshot())])
    for part in ("310104198001011234", "ZHANG", "取件码"):
        assert part not in everything

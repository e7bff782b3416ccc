"""A pickup QR code may carry personal data: its text stays out of statuses, failures, reprs and logs."""

import logging

from evdev import ecodes as e

from drivers.scanner.keymap import keys_for

from .wedge_fake import FakeInput, Socket, make_scanner

PICKUP = "PICKUP:310104198001011234:ZHANG San"


def test_scanned_text_reaches_only_the_caller(caplog):
    caplog.set_level(logging.DEBUG)
    keyboard = FakeInput()
    driver = make_scanner(Socket(keyboard))
    seen = []
    driver.tracker.subscribe(lambda caps, old, new: seen.append(repr((caps, old, new))))
    assert driver.open().ok
    keyboard.scan(PICKUP)
    assert driver.read_code(2.0).value == PICKUP
    keyboard.press(*keys_for(PICKUP), (e.KEY_F5, 1), (e.KEY_F5, 0), (e.KEY_ENTER, 1), (e.KEY_ENTER, 0))
    failure = driver.read_code(2.0)
    assert failure.code == "device.bad_frame"
    keyboard.press(*keys_for(PICKUP))
    driver.poll()
    everything = " ".join([repr(failure), repr(driver.tracker.status), repr(driver.decoder), caplog.text,
                           *seen])
    for part in ("310104198001011234", "ZHANG"):
        assert part not in everything
    driver.close()
    keyboard.close()

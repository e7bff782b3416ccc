"""The keyboard-wedge driver reading codes from a grabbed input device (faked only at evdev's boundary)."""

import time

import pytest
from evdev import ecodes as e

from drivers.scanner.keymap import keys_for
from drivers.scanner.keystrokes import KeystrokeDecoder, KeySuffix
from drivers.status import State

from .wedge_fake import PATH, FakeInput, Socket, make_scanner

WAIT_S = 2.0  # how long a test waits for a code it sent (returns as soon as it arrives)


@pytest.fixture
def keyboard():
    device = FakeInput()
    yield device
    device.close()


@pytest.fixture
def scanner(keyboard):
    driver = make_scanner(Socket(keyboard))
    assert driver.open().ok
    yield driver
    driver.close()


def test_open_grabs_the_device_so_scans_never_reach_the_screen(keyboard, scanner):
    assert keyboard.grabbed
    assert scanner.tracker.status.state is State.READY
    assert scanner.tracker.capabilities.port == PATH
    scanner.close()
    assert not keyboard.grabbed
    assert scanner.tracker.status.state is State.DISCONNECTED


def test_a_scan_is_read(keyboard, scanner):
    keyboard.scan("https://gov.example/pickup?id=A-7&sum=100%25")
    assert scanner.read_code(WAIT_S).value == "https://gov.example/pickup?id=A-7&sum=100%25"


def test_several_codes_in_one_read_come_out_in_order(keyboard, scanner):
    for text in ("ONE", "TWO", "THREE"):
        keyboard.scan(text)
    assert [scanner.read_code(WAIT_S).value for _ in range(3)] == ["ONE", "TWO", "THREE"]


def test_a_code_typed_across_several_reads(keyboard, scanner):
    presses = keys_for("SPLIT-CODE") + [(e.KEY_ENTER, 1), (e.KEY_ENTER, 0)]
    keyboard.press(*presses[:7])
    assert scanner.read_code(0.01).code == "scanner.no_code"
    keyboard.press(*presses[7:])
    assert scanner.read_code(WAIT_S).value == "SPLIT-CODE"


def test_no_scan_returns_no_code_when_the_time_is_up():
    keyboard = FakeInput()
    driver = make_scanner(Socket(keyboard))
    assert driver.open().ok
    started = time.monotonic()
    result = driver.read_code(0.05)
    assert result.code == "scanner.no_code" and "0.05" in result.detail
    assert time.monotonic() - started < 1.0
    assert driver.tracker.status.state is State.READY
    driver.close()


def test_a_scan_under_way_does_not_hold_the_caller_past_its_timeout(keyboard, scanner):
    keyboard.press(*keys_for("HALF"))
    started = time.monotonic()
    assert scanner.read_code(0.02).code == "scanner.no_code"
    assert time.monotonic() - started < 0.3  # the decoder's pause (0.5 s) is not waited for
    keyboard.press((e.KEY_ENTER, 1), (e.KEY_ENTER, 0))
    assert scanner.read_code(WAIT_S).value == "HALF"


def test_a_scan_without_its_suffix_is_refused_after_the_pause():
    keyboard = FakeInput()
    driver = make_scanner(Socket(keyboard), decoder=KeystrokeDecoder(gap_s=0.05))
    assert driver.open().ok
    keyboard.press(*keys_for("NO-SUFFIX"))
    result = driver.read_code(WAIT_S)
    assert result.code == "device.bad_frame"
    assert "suffix" in result.detail and PATH in result.detail
    keyboard.scan("NEXT")
    assert driver.read_code(WAIT_S).value == "NEXT"
    driver.close()


def test_a_tab_suffix_scanner():
    keyboard = FakeInput()
    driver = make_scanner(Socket(keyboard), decoder=KeystrokeDecoder(KeySuffix.TAB))
    assert driver.open().ok
    keyboard.scan("TABBED", suffix=e.KEY_TAB)
    assert driver.read_code(WAIT_S).value == "TABBED"
    driver.close()


def test_poll_keeps_what_it_reads_for_the_next_read_code(keyboard, scanner):
    keyboard.scan("POLLED")
    keyboard.press((e.KEY_ESC, 1), (e.KEY_ESC, 0), (e.KEY_ENTER, 1), (e.KEY_ENTER, 0))
    for _ in range(100):
        scanner.poll()
        if scanner.pending == 2:
            break
    assert scanner.pending == 2
    assert scanner.read_code(0.0).value == "POLLED"
    assert scanner.read_code(0.0).code == "device.bad_frame"
    assert scanner.pending == 0


def test_discard_forgets_earlier_scans_and_the_tail_of_one_under_way(keyboard, scanner):
    keyboard.scan("BEFORE")
    keyboard.press(*keys_for("PICKUP:"))  # the citizen is scanning while the screen changes
    assert scanner.discard().ok
    keyboard.press(*keys_for("1234"), (e.KEY_ENTER, 1), (e.KEY_ENTER, 0))
    keyboard.scan("AFTER")
    assert scanner.read_code(WAIT_S).value == "AFTER"


def test_shift_held_across_a_discard_still_counts(keyboard, scanner):
    keyboard.press((e.KEY_LEFTSHIFT, 1))
    assert scanner.discard().ok
    keyboard.press((e.KEY_A, 1), (e.KEY_A, 0), (e.KEY_LEFTSHIFT, 0), (e.KEY_ENTER, 1), (e.KEY_ENTER, 0))
    assert scanner.read_code(WAIT_S).value == "A"


def test_a_scan_under_way_when_the_device_is_grabbed_is_dropped():
    keyboard = FakeInput()
    keyboard.held = [e.KEY_LEFTSHIFT]  # the scanner was mid-code when the kiosk opened it
    driver = make_scanner(Socket(keyboard))
    assert driver.open().ok
    keyboard.press((e.KEY_A, 1), (e.KEY_A, 0), (e.KEY_LEFTSHIFT, 0), (e.KEY_ENTER, 1), (e.KEY_ENTER, 0))
    keyboard.scan("WHOLE")
    assert driver.read_code(WAIT_S).value == "WHOLE"
    driver.close()

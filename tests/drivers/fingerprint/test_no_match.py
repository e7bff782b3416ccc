"""A finger the library does not know, or two different fingers: the answer is a result
(fingerprint.not_found, fingerprint.no_match), not a fault; the device stays READY."""

from drivers.status import State

from .test_operations import enrol_at


def test_an_unknown_finger_is_not_found(driver, module):
    enrol_at(driver, module, "alice", 0)
    module.place_finger("mallory", 90)
    assert driver.identify().code == "fingerprint.not_found"
    assert driver.tracker.status.state is State.READY


def test_two_different_fingers_do_not_match(driver, module):
    module.place_finger("alice", 90)
    assert driver.capture().ok and driver.convert(1).ok
    module.place_finger("bob", 90)
    assert driver.capture().ok and driver.convert(2).ok
    assert driver.match().code == "fingerprint.no_match"
    assert driver.register_model().code == "fingerprint.merge_failed"
    assert driver.tracker.status.state is State.USER_ACTION  # the citizen must scan the same finger


def test_an_empty_library_finds_nothing(driver, module):
    module.place_finger("alice", 90)
    assert driver.identify().code == "fingerprint.not_found"
    assert driver.tracker.status.state is State.READY

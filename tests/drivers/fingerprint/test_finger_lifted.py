"""The citizen lifts the finger while the module is imaging it: the capture fails with
fingerprint.capture_failed and the device waits for the citizen (USER_ACTION); placing the finger again
works. In an enrolment the scan is simply taken again."""

from drivers.fingerprint.enrol import Enrolment, Phase
from drivers.status import State


def test_a_capture_interrupted_by_a_lift(driver, module):
    module.place_finger("alice", 80)
    module.lift_finger(during_capture=True)
    assert driver.capture().code == "fingerprint.capture_failed"
    status = driver.tracker.status
    assert status.state is State.USER_ACTION and status.code == "fingerprint.capture_failed"
    assert driver.capture().code == "fingerprint.no_finger"  # the finger has gone
    module.place_finger("alice", 80)
    assert driver.capture().ok and driver.convert(1).ok
    assert driver.tracker.status.state is State.READY


def test_converting_after_a_lifted_capture_has_no_image(driver, module):
    module.place_finger("alice", 80)
    module.lift_finger(during_capture=True)
    assert driver.capture().code == "fingerprint.capture_failed"
    assert driver.convert(1).code == "fingerprint.no_image"


def test_an_enrolment_retakes_a_scan_interrupted_by_a_lift(driver, module):
    module.place_finger("bob", 90)
    e = driver.enrol_step(driver.enrol_step(Enrolment(page_id=3)))
    module.lift_finger()
    e = driver.enrol_step(driver.enrol_step(e))
    assert e.phase is Phase.PLACE_SECOND
    module.place_finger("bob", 80)
    module.lift_finger(during_capture=True)
    e = driver.enrol_step(e)
    assert (e.phase, e.retries) == (Phase.PLACE_SECOND, 1)
    assert driver.tracker.status.code == "fingerprint.capture_failed"
    module.place_finger("bob", 80)
    while not e.finished:
        e = driver.enrol_step(e)
    assert e.phase is Phase.DONE and 3 in module.library


def test_a_finger_lifted_too_soon_leaves_too_little_of_it(driver, module):
    module.place_finger("carol", 25)  # only the tip touched the glass
    assert driver.capture().ok
    assert driver.convert(1).code == "fingerprint.too_few_features"
    assert driver.tracker.status.state is State.USER_ACTION

"""Every library slot holds a template: an enrolment fails with fingerprint.library_full, the device needs a
technician (MAINTENANCE) but still identifies, and it is READY again once a template is deleted."""

from drivers.fingerprint import synthetic
from drivers.fingerprint.simulator import create
from drivers.sim.pty import PtyDevice
from drivers.status import State

from .conftest import make_driver


def full_library(capacity):
    return {str(page): synthetic.scan(f"person-{page}", 90).hex() for page in range(capacity)}


def test_a_full_library_refuses_an_enrolment_and_recovers_after_a_delete(tmp_path, clock):
    module = create({"capacity": 3, "library": full_library(3)})
    with PtyDevice(module, tmp_path / "ttyFP") as device:
        driver = make_driver(device, clock)
        assert driver.open().ok
        status = driver.tracker.status
        assert status.state is State.MAINTENANCE and status.code == "fingerprint.library_full"

        module.place_finger("newcomer", 90)
        assert driver.enrol().code == "fingerprint.library_full"
        assert driver.store(3).code == "fingerprint.bad_page"  # and no slot past the end either
        module.place_finger("person-1", 70)
        assert driver.identify().value.page_id == 1  # identifying still works
        assert driver.poll().code == "fingerprint.library_full"

        assert driver.delete(1).ok
        assert driver.tracker.status.state is State.READY
        module.place_finger("newcomer", 90)

        def citizen(caps, old, new):
            if new.code == "fingerprint.lift_finger":
                module.lift_finger()
            elif new.code == "fingerprint.no_finger":
                module.place_finger("newcomer", 80)
        driver.tracker.subscribe(citizen)
        clock.step = 0.01  # a wrong turn ends in enrol_timeout, not in a hung test
        assert driver.enrol().value == 1
        assert driver.tracker.status.code == "fingerprint.library_full"
        driver.close()

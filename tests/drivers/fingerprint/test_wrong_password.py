"""The module has a password and the kiosk is configured with another: open fails with
fingerprint.wrong_password, the device needs a technician (MAINTENANCE), and nothing else works. With the
right password it opens; a module that was reset and forgot the verification is verified again."""

from drivers.fingerprint.simulator import create
from drivers.sim.pty import PtyDevice
from drivers.status import State

from .conftest import make_driver


def test_the_wrong_password_stops_the_module(tmp_path, clock):
    module = create({"password": 0x12345678})
    with PtyDevice(module, tmp_path / "ttyFP") as device:
        driver = make_driver(device, clock)
        assert driver.open().code == "fingerprint.wrong_password"
        status = driver.tracker.status
        assert status.state is State.MAINTENANCE and status.code == "fingerprint.wrong_password"
        assert "12345678" not in status.detail
        assert driver.capture().code == "fingerprint.wrong_password"  # re-verified on 21, refused again
        clock.advance(60)
        assert driver.poll().code == "fingerprint.wrong_password"
        driver.close()


def test_the_right_password_opens_it_and_a_reset_module_is_verified_again(tmp_path, clock):
    module = create({"password": 0x12345678})
    with PtyDevice(module, tmp_path / "ttyFP") as device:
        driver = make_driver(device, clock, password=0x12345678)
        assert driver.open().ok and driver.tracker.status.state is State.READY
        module.power_cycle()
        assert driver.template_count().value == 0
        assert driver.tracker.status.state is State.READY
        driver.close()

"""The module is unplugged in the middle of an operation: the caller gets device.disconnected, the status
says DISCONNECTED, and polling finds the module again by its path once it is plugged back in."""

import threading

from drivers.fingerprint.enrol import Enrolment, Phase
from drivers.status import State


def test_unplugged_while_an_image_upload_waits_for_its_answer(driver, module, wire, device, clock):
    module.place_finger("alice", 80)
    assert driver.capture().ok
    wire.hold, result = True, {}
    wire.arrived.clear()
    worker = threading.Thread(target=lambda: result.setdefault("image", driver.upload_image()))
    worker.start()
    assert wire.arrived.wait(5)  # the command is at the module, which will not answer now
    device.unplug()
    worker.join(10)
    assert result["image"].code == "device.disconnected"
    assert driver.tracker.status.state is State.DISCONNECTED

    assert driver.poll().state is State.DISCONNECTED  # still gone: retried, then backed off
    clock.advance(60)
    wire.hold = False
    device.replug()
    assert driver.poll().state is State.READY
    assert driver.capture().ok and driver.upload_image().ok


def test_unplugged_between_enrolment_steps_fails_the_enrolment(driver, module, device, clock):
    module.place_finger("bob", 90)
    e = driver.enrol_step(driver.enrol_step(Enrolment(page_id=0)))
    assert e.phase is Phase.LIFT
    device.unplug()
    e = driver.enrol_step(e)
    assert e.phase is Phase.FAILED and e.failure in ("device.disconnected", "device.port_missing")
    status = driver.tracker.status
    assert status.state is State.DISCONNECTED and status.code == e.failure
    assert driver.template_count().code == "device.port_missing"  # the port itself is gone now

    device.replug()
    clock.advance(60)
    assert driver.poll().state is State.READY
    assert driver.template_count().value == 0  # nothing half-stored


def test_status_changes_are_heard_once_through_an_unplug(driver, device, clock):
    heard = []
    driver.tracker.subscribe(lambda caps, old, new: heard.append((new.state, new.code)))
    device.unplug()
    for _ in range(3):
        driver.poll()
    device.replug()
    clock.advance(60)
    driver.poll()
    driver.poll()
    # gone (noticed by the first poll), then its port missing (the retry), then back: each said once
    assert heard == [(State.DISCONNECTED, "device.disconnected"), (State.DISCONNECTED, "device.port_missing"),
                     (State.READY, None)]

"""The simulated camera unplugged: DISCONNECTED with a code, and back to READY with frames after replug."""

from drivers.camera.capture import CaptureCamera
from drivers.camera.simulated import SimulatedSource
from drivers.status import State

from .conftest import WAIT_S, wait_for_state


def test_unplugged_then_replugged(library):
    source = SimulatedSource(library, fps=60)
    camera = CaptureCamera(source, retry_delay=lambda attempt: 0.01)
    camera.start()
    assert camera.wait_frame(0, WAIT_S).ok
    assert camera.tracker.status.state is State.READY

    source.unplug()
    status = wait_for_state(camera, State.DISCONNECTED)
    assert status.code == "device.disconnected"
    assert "unplugged" in status.detail
    last = camera.latest.get().seq

    source.replug()
    wait_for_state(camera, State.READY)
    assert camera.wait_frame(last, WAIT_S).ok
    assert camera.reconnect.attempts == 0
    camera.stop()


def test_plugged_in_late(library):
    source = SimulatedSource(library, fps=60)
    source.unplug()
    camera = CaptureCamera(source, retry_delay=lambda attempt: 0.01)
    camera.start()
    assert "unplugged" in wait_for_state(camera, State.DISCONNECTED, code="device.disconnected").detail
    source.replug()
    wait_for_state(camera, State.READY)
    assert camera.wait_frame(0, WAIT_S).ok
    camera.stop()

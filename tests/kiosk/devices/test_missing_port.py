"""A real device whose port does not exist is reported once, naming the device and the port."""

from __future__ import annotations

from kiosk.config.schema import DeviceConfig
from kiosk.devices import DeviceManager
from tests.kiosk.devices.conftest import Seen, events


def test_a_missing_port_names_the_device_and_the_port_and_is_logged_once(tmp_path, kiosk_log):
    port = str(tmp_path / "ttyUSB-id-reader")
    manager = DeviceManager({"front_reader": DeviceConfig(kind="id_reader", driver="sam-serial", port=port)},
                            sim_dir=tmp_path / "sim", poll_s=0.01)
    seen = Seen()
    manager.on_status(seen.status)
    manager.start()
    try:
        seen.wait(lambda: bool(seen.views))
        for _ in range(20):  # more polls, each retrying the port when its backoff allows
            manager.call("front_reader", lambda reader: reader.poll()).result(timeout=5)
        view = manager.view("front_reader")
    finally:
        manager.stop()
    assert view.status.state.value == "disconnected" and view.status.code == "device.port_missing"
    assert "front_reader" in view.status.detail and port in view.status.detail
    logged = [e for e in events(kiosk_log, "device.status_changed") if e["device"] == "front_reader"]
    assert [(e["state"], e["code"], e["port"]) for e in logged][:1] == [("disconnected", "device.port_missing",
                                                                         port)]
    assert [e["state"] for e in logged][-1] == "disconnected"  # ... and "closed" only when the kiosk stops
    assert len([e for e in logged if e["code"] == "device.port_missing"]) == 1


def test_a_wall_the_board_family_cannot_address_needs_maintenance(tmp_path):
    doors = [{"door": 1, "size": "S", "board": 0, "channel": 99}]
    manager = DeviceManager({"wall": DeviceConfig.model_validate({"kind": "locker", "doors": doors})},
                            sim_dir=tmp_path, poll_s=0.01)
    seen = Seen()
    manager.on_status(seen.status)
    manager.start()
    try:
        seen.wait(lambda: bool(seen.views))
        answer = manager.call("wall", lambda driver: driver.open_door(1)).result(timeout=5)
    finally:
        manager.stop()
    view = manager.view("wall")
    assert view.status.state.value == "maintenance" and view.status.code == "device.misconfigured"
    assert "door 1" in view.status.detail
    assert not answer.ok and answer.code == "device.misconfigured"


def test_a_keyboard_wedge_scanner_that_is_not_there_is_named(tmp_path):
    path = str(tmp_path / "usb-scanner-event-kbd")
    manager = DeviceManager({"wedge": DeviceConfig(kind="qr_scanner", driver="evdev", port=path)},
                            sim_dir=tmp_path, poll_s=0.01)
    seen = Seen()
    manager.on_status(seen.status)
    manager.start()
    try:
        seen.wait(lambda: bool(seen.views))
        status = manager.view("wedge").status
    finally:
        manager.stop()
    assert status.state.value == "disconnected" and status.code == "device.port_missing"
    assert path in status.detail

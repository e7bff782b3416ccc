"""A device unplugged while the kiosk runs goes to disconnected once, and comes back by itself."""

from __future__ import annotations

from tests.kiosk.devices.conftest import events


def test_unplug_and_replug_are_each_logged_once(devices, hub, kiosk_log):
    manager, seen = devices
    seen.wait(lambda: "ready" in seen.states("locker"))
    hub.handle({"action": "act", "device": "locker", "do": "unplug"})
    seen.wait(lambda: seen.states("locker")[-1] == "disconnected")
    assert manager.view("locker").status.code in ("device.port_missing", "device.disconnected", "device.timeout")
    hub.handle({"action": "act", "device": "locker", "do": "replug"})
    seen.wait(lambda: seen.states("locker")[-1] == "ready")  # the worker's backoff reopens the port
    logged = [e["state"] for e in events(kiosk_log, "device.status_changed") if e["device"] == "locker"]
    assert logged == ["ready", "disconnected", "ready"]


def test_a_request_to_an_unplugged_device_is_a_failure_not_a_hang(devices, hub):
    manager, seen = devices
    seen.wait(lambda: "ready" in seen.states("id_reader"))
    hub.handle({"action": "act", "device": "id_reader", "do": "unplug"})
    result = manager.call("id_reader", lambda reader: reader.read_card()).result(timeout=15)
    assert not result.ok and result.code.startswith("device.")

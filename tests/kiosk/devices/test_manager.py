"""The kiosk opens its configured devices itself and hears about every status change once."""

from __future__ import annotations

from drivers.idcard.simcard import SAMPLE_IDENTITY
from kiosk.devices.manager import DeviceManager
from tests.kiosk.devices.conftest import SERIAL_KINDS, events


def test_every_simulated_device_is_opened_and_ready(devices, kiosk_log):
    manager, seen = devices
    seen.wait(lambda: all("ready" in seen.states(k) for k in SERIAL_KINDS))
    for name in SERIAL_KINDS:  # a request runs after the device's opening has finished
        manager.call(name, lambda driver: None).result(timeout=10)
    views = manager.snapshot()
    assert {v.status.state.value for v in views.values()} == {"ready"}
    assert views["id_reader"].port.endswith("/sim/id_reader")
    assert views["id_reader"].capabilities.serial_number  # the SAM's id, for technicians
    logged = {e["device"]: e for e in events(kiosk_log, "device.status_changed") if e["state"] == "ready"}
    assert logged["locker"]["port"].endswith("/sim/locker") and logged["locker"]["previous"] == "disconnected"


def test_a_status_is_logged_once_however_often_it_is_polled(devices, kiosk_log, hub):
    _manager, seen = devices
    seen.wait(lambda: "ready" in seen.states("fingerprint"))
    polls_before = hub.served["fingerprint"][2].sent
    seen.wait(lambda: hub.served["fingerprint"][2].sent >= polls_before + 5 * 12)  # five more polls at least
    fingerprint = [e for e in events(kiosk_log, "device.status_changed") if e["device"] == "fingerprint"]
    assert [e["state"] for e in fingerprint] == ["ready"]


def test_a_read_goes_through_the_kiosks_own_driver(devices, hub):
    manager, seen = devices
    seen.wait(lambda: "ready" in seen.states("id_reader"))
    put = hub.handle({"action": "act", "device": "id_reader", "do": "put_card",
                      "args": {"identity": SAMPLE_IDENTITY}})
    assert put["ok"], put
    result = manager.call("id_reader", lambda reader: reader.read_card()).result(timeout=10)
    assert result.ok and result.value.identity.id_number == SAMPLE_IDENTITY["id_number"]


def test_a_scan_reaches_the_listener_and_the_log_keeps_no_text(devices, hub, kiosk_log):
    _manager, seen = devices
    seen.wait(lambda: "ready" in seen.states("qr_scanner"))
    hub.handle({"action": "act", "device": "qr_scanner", "do": "scan", "args": {"text": "KIOSK-PICKUP-7"}})
    seen.wait(lambda: len(seen.scans) == 1)
    name, result = seen.scans[0]
    assert name == "qr_scanner" and result.ok and result.value == "KIOSK-PICKUP-7"
    assert events(kiosk_log, "device.code_scanned") == [
        {**events(kiosk_log, "device.code_scanned")[0], "device": "qr_scanner", "ok": True, "code": None}]
    assert "KIOSK-PICKUP-7" not in kiosk_log.text


def test_devices_without_a_driver_in_the_kiosk_yet_are_left_alone(tmp_path):
    from kiosk.config.schema import default_devices

    manager = DeviceManager(default_devices(), sim_dir=tmp_path)
    assert set(manager.workers) == set(SERIAL_KINDS) | {"printer", "pcsc_reader"}
    assert manager.first("locker") == "locker" and manager.first("camera") is None

"""The simulated PC/SC reader of a simulated run, as `kiosk sim` and the developer panel see it; and a kiosk
that cannot have one (pcscd does not start, or this process talks to another pcscd) still starts."""

# ruff: noqa: F401, F811
import socket

from kiosk.config.schema import DeviceConfig
from kiosk.devices import factory
from kiosk.sim_hub import SimHub
from kiosk.sim_pcsc import SOCKET_ENV
from tests.kiosk.pcsc_fixtures import kiosk_events, kiosk_pcscd, wait_until_empty

PCSC = DeviceConfig(kind="pcsc_reader")


def act(hub, device, do, **args):
    return hub.handle({"action": "act", "device": device, "do": do, "args": args})


def test_the_simulated_reader_is_listed_with_its_actions(kiosk_pcscd, tmp_path):
    hub = SimHub(tmp_path / "sim", {"pcsc_reader": PCSC}, pcscd=kiosk_pcscd)
    hub.start()
    try:
        listed = hub.handle({"action": "list"})["devices"]["pcsc_reader"]
        assert listed["actions"] == ["insert_card", "insert_forged_technician_card", "insert_technician_card",
                                     "pull_out_on_next_apdu", "remove_card", "unplug", "replug"]
        # the kiosk's driver finds the virtual reader's PC/SC name where a serial device finds its port
        assert (tmp_path / "sim" / "pcsc_reader").read_text().strip() == kiosk_pcscd.readers[0]
        assert factory.build("pcsc_reader", PCSC, hub.folder).wanted == kiosk_pcscd.readers[0]

        assert act(hub, "pcsc_reader", "insert_card") == {"ok": True, "result": "blank card"}
        assert hub.handle({"action": "list"})["devices"]["pcsc_reader"]["plugged"] is True
        assert "cannot 'teleport'" in act(hub, "pcsc_reader", "teleport")["error"]
        assert act(hub, "pcsc_reader", "mute")["error"] == "a PC/SC reader has no wire to mute; it can: unplug, replug"
        refused = act(hub, "pcsc_reader", "unplug")  # a pcscd the simulators did not start stays up
        assert not refused["ok"] and "is not the simulators' own" in refused["error"]
    finally:
        hub.stop()
    assert not (tmp_path / "sim" / "pcsc_reader").exists()
    wait_until_empty(kiosk_pcscd, kiosk_pcscd.readers[0])


def test_one_pcscd_serves_two_simulated_readers(kiosk_pcscd, tmp_path, kiosk_events):
    readers = {"technician": PCSC, "citizen": PCSC, "third": PCSC}
    hub = SimHub(tmp_path / "sim", readers, pcscd=kiosk_pcscd)
    hub.start()
    try:
        assert [factory.build(n, PCSC, hub.folder).wanted for n in ("technician", "citizen")] == \
            list(kiosk_pcscd.readers)
        unserved = kiosk_events.wait_for("sim.pcsc_unserved")[0]
        assert (unserved["device"], unserved["code"]) == ("third", "sim.pcsc_no_reader_left")
        assert "not served: see the sim.pcsc_unserved" in factory.build("third", PCSC, hub.folder).wanted
    finally:
        hub.stop()


def test_a_process_bound_to_another_pcscd_runs_on_without_the_simulated_reader(tmp_path, monkeypatch,
                                                                                kiosk_events):
    with socket.socket(socket.AF_UNIX) as other:  # a pcscd the simulators did not start answers there
        other.bind(str(tmp_path / "pcscd.comm"))
        other.listen()
        monkeypatch.setenv(SOCKET_ENV, str(tmp_path / "pcscd.comm"))
        hub = SimHub(tmp_path / "sim", {"pcsc_reader": PCSC, "qr_scanner": DeviceConfig(kind="qr_scanner")})
        hub.start()
        try:
            unserved = kiosk_events.wait_for("sim.pcsc_unserved")[0]
            assert (unserved["device"], unserved["code"], unserved["level"]) == \
                ("pcsc_reader", "sim.pcsc_bound_elsewhere", "warning")
            assert str(tmp_path / "pcscd.comm") in unserved["reason"]
            assert list(hub.served) == ["qr_scanner"]  # the other simulators are there
            answer = act(hub, "pcsc_reader", "insert_technician_card")
            assert not answer["ok"] and answer["error"].startswith("simulated device 'pcsc_reader' is not served: ")
            assert hub.handle({"action": "list"})["unserved"]["pcsc_reader"] == unserved["reason"]
        finally:
            hub.stop()


def test_a_pcscd_that_cannot_start_leaves_the_reader_unserved(tmp_path, monkeypatch, kiosk_events):
    """The socket this process's PC/SC client uses is a simulators' one of earlier, but its folder is broken."""
    (tmp_path / "pcscd").mkdir()
    (tmp_path / "pcscd" / "run").write_text("not a folder")
    monkeypatch.setenv(SOCKET_ENV, str(tmp_path / "pcscd" / "run" / "pcscd.comm"))
    hub = SimHub(tmp_path / "sim", {"pcsc_reader": PCSC})
    hub.start()
    try:
        unserved = kiosk_events.wait_for("sim.pcsc_unserved")[0]
        assert unserved["code"] == "sim.pcscd_failed" and "cannot prepare pcscd's folders" in unserved["reason"]
        assert hub.served == {} and hub.handle({"action": "list"})["ok"]
    finally:
        hub.stop()

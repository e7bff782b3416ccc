"""The technician-card watch on a simulated PC/SC reader: real pcscd, real pyscard, the kiosk's own
DeviceManager and PcscReader; only the card is simulated (through the sim hub's actions)."""

# ruff: noqa: F401, F811
import threading

import pytest

from drivers.pcsc.technician import TechnicianKeys
from drivers.status import State
from kiosk.config.schema import DeviceConfig
from kiosk.devices import DeviceManager
from kiosk.pcsc_setup import WAIT_S, start_technician_watch
from kiosk.sim_hub import SimHub
from tests.kiosk.pcsc_fixtures import kiosk_events, kiosk_pcscd, wait_until_empty

TECHNICIAN = "T-0042"
KEYS = TechnicianKeys({TECHNICIAN: bytes(range(32)), "T-0007": bytes(range(100, 132))})
READER = {"pcsc_reader": DeviceConfig(kind="pcsc_reader")}


class Heard:
    """The technician ids handed to the kiosk, as they come (on the reader's thread)."""

    def __init__(self):
        self.ids = []
        self.changed = threading.Condition()

    def __call__(self, technician_id):
        with self.changed:
            self.ids.append(technician_id)
            self.changed.notify_all()

    def wait_for(self, count):
        with self.changed:
            assert self.changed.wait_for(lambda: len(self.ids) >= count, 10), f"heard only {self.ids}"
        return list(self.ids)


@pytest.fixture
def reader(kiosk_pcscd, kiosk_events, tmp_path):
    """(act, heard, manager): act(action, **args) presents cards on the simulated reader."""
    hub = SimHub(tmp_path / "sim", READER, pcscd=kiosk_pcscd, technician_keys=KEYS)
    hub.start()
    manager = DeviceManager(READER, sim_dir=hub.folder, poll_s=0.05)
    heard = Heard()
    manager.start()
    watch = start_technician_watch(manager, KEYS, heard)
    waited = manager.call("pcsc_reader", lambda r: r.tracker.status.state).result(10)
    assert waited is State.USER_ACTION, manager.view("pcsc_reader").status  # open, and no card in it

    def act(do, **args):
        answer = hub.handle({"action": "act", "device": "pcsc_reader", "do": do, "args": args})
        assert answer["ok"], answer
        return answer

    yield act, heard, manager
    watch.stop()
    manager.stop()
    hub.stop()
    wait_until_empty(kiosk_pcscd, kiosk_pcscd.readers[0])


def test_a_technician_card_hands_its_id_to_the_kiosk(reader, kiosk_events):
    act, heard, _manager = reader
    assert act("insert_technician_card")["result"] == "technician card T-0007"  # the first of the keys
    assert heard.wait_for(1) == ["T-0007"]
    proven = kiosk_events.wait_for("pcsc.technician_proven")[0]
    assert proven == {**proven, "device": "pcsc_reader", "technician": "*0007"}
    assert "T-0007" not in str(kiosk_events.lines)  # an id is masked in the log


def test_a_plain_card_is_not_a_technician_card(reader, kiosk_events):
    act, heard, _manager = reader
    act("insert_card")
    event = kiosk_events.wait_for("pcsc.card_not_technician")[0]
    assert event["code"] == "pcsc.not_technician_card"
    assert heard.ids == [] and kiosk_events.named("pcsc.technician_proven") == []


def test_a_forged_technician_card_is_refused(reader, kiosk_events):
    act, heard, _manager = reader
    act("insert_forged_technician_card", technician_id=TECHNICIAN)
    event = kiosk_events.wait_for("pcsc.technician_refused")[0]
    assert (event["code"], event["level"]) == ("pcsc.technician_rejected", "warning")
    assert heard.ids == []


def test_a_technician_without_a_key_on_this_kiosk_is_refused(reader, kiosk_events):
    act, heard, _manager = reader
    act("insert_technician_card", technician_id="T-9999")
    assert kiosk_events.wait_for("pcsc.technician_refused")[0]["code"] == "pcsc.technician_unknown"
    assert heard.ids == []


def take_out(act, kiosk_events):
    """Take the card out and wait until the reader says it is empty (pcscd looks every 0.4 s)."""
    removed = kiosk_events.states("pcsc_reader").count("user_action") + 1
    act("remove_card")
    kiosk_events.wait_until(lambda: kiosk_events.states("pcsc_reader").count("user_action") == removed,
                            "the card noticed gone")


def test_each_presentation_counts_once(reader, kiosk_events):
    act, heard, _manager = reader
    act("insert_technician_card", technician_id=TECHNICIAN)
    assert heard.wait_for(1) == [TECHNICIAN]
    take_out(act, kiosk_events)
    act("insert_card")
    kiosk_events.wait_for("pcsc.card_not_technician")
    assert heard.ids == [TECHNICIAN]  # the technician's card, in until then, was not counted again
    take_out(act, kiosk_events)
    act("insert_technician_card", technician_id=TECHNICIAN)
    assert heard.wait_for(2) == [TECHNICIAN, TECHNICIAN]


def test_a_card_pulled_out_during_its_check_hands_on_nothing(reader, kiosk_events):
    act, heard, _manager = reader
    act("insert_technician_card", technician_id=TECHNICIAN)
    act("pull_out_on_next_apdu")  # before the check's first command (pcscd notices a card within 0.4 s)
    assert kiosk_events.wait_for("pcsc.card_not_technician")[0]["code"] == "pcsc.card_removed"
    assert heard.ids == []
    kiosk_events.wait_until(lambda: kiosk_events.states("pcsc_reader")[-2:] == ["ready", "user_action"],
                            "the card noticed gone")  # vpcd: gone with the emulator's connection
    act("insert_technician_card", technician_id=TECHNICIAN)  # presented again, properly
    assert heard.wait_for(1) == [TECHNICIAN]


def test_other_requests_for_the_reader_are_served_while_it_is_watched(reader):
    act, _heard, manager = reader
    act("insert_card")
    for _ in range(3):  # each waits at most for the watch's current wait, not for ever
        atr = manager.call("pcsc_reader", lambda r: r.atr()).result(timeout=WAIT_S + 2)
        assert atr.ok and atr.value.startswith(b"\x3b")

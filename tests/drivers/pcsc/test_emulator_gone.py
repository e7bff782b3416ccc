"""The card emulator goes away (vpcd's "card" side hangs up): pcscd sees an empty reader."""

from drivers.pcsc.reader import CardRemoved
from drivers.pcsc.simcard import blank_card
from drivers.pcsc.vicc import CardEmulator

from .conftest import insert, next_event


def test_emulator_stops_with_a_card_in(emulator, reader):
    insert(emulator, reader, blank_card())
    emulator.stop()
    assert not emulator.inserted and emulator.snapshot()["card"] is None
    next_event(reader, CardRemoved)
    assert reader.tracker.status.code == "pcsc.no_card"
    assert reader.uid().code == "pcsc.no_card"


def test_an_emulator_with_nothing_to_connect_to_says_where_it_looked():
    emulator = CardEmulator(port=1)  # nothing listens on port 1
    failure = emulator.insert(blank_card())
    assert failure.code == "device.disconnected"
    assert "127.0.0.1:1" in failure.detail and "vsmartcard-vpcd" in failure.detail
    assert not emulator.inserted

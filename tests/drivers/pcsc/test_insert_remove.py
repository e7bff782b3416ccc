"""A card goes in and comes out: events, ATR, UID, statuses."""

from drivers.pcsc.reader import CardInserted, CardRemoved, PcscReader
from drivers.pcsc.simcard import STORAGE_CARD_ATR, blank_card, technician_card
from drivers.status import State

from .conftest import insert, remove, wait_until_empty


def test_insert_then_remove(emulator, reader, heard):
    event = insert(emulator, reader, blank_card(uid=bytes.fromhex("04A1B2C3")))
    assert event == CardInserted(reader.name, STORAGE_CARD_ATR)
    assert reader.atr().value == STORAGE_CARD_ATR
    assert reader.uid().value == bytes.fromhex("04A1B2C3")
    assert reader.tracker.status.state is State.READY
    assert reader.wait_for_event(0.0).value is None  # talking to the card is not a card event

    assert remove(emulator, reader) == CardRemoved(reader.name)
    assert reader.tracker.status.code == "pcsc.no_card"
    assert reader.uid().code == "pcsc.no_card"
    assert [state for state, _ in heard] == [State.USER_ACTION, State.READY, State.USER_ACTION]


def test_another_card_after_the_first(emulator, reader):
    insert(emulator, reader, blank_card(uid=bytes.fromhex("04000001")))
    assert reader.uid().value == bytes.fromhex("04000001")
    remove(emulator, reader)
    event = insert(emulator, reader, technician_card("T-0042", bytes(32), uid=bytes.fromhex("04000002")))
    assert event.atr != STORAGE_CARD_ATR
    assert reader.uid().value == bytes.fromhex("04000002")


def test_a_card_already_in_the_reader_is_reported_at_open(pcscd, emulator, reader):
    insert(emulator, reader, blank_card())
    late = PcscReader(pcscd.readers[0])
    assert late.open().ok
    assert late.wait_for_event(0.0).value == CardInserted(late.name, STORAGE_CARD_ATR)
    assert late.tracker.status.state is State.READY
    late.close()


def test_poll_notices_events_and_keeps_them_for_the_next_wait(pcscd, emulator, reader):
    insert(emulator, reader, blank_card())
    emulator.remove()
    wait_until_empty(pcscd)  # another client saw pcscd notice the removal ...
    assert reader.poll().state is State.USER_ACTION  # ... so one poll (which never blocks) sees it too
    assert reader.wait_for_event(0.0).value == CardRemoved(reader.name)  # and the event was kept


def test_the_second_reader_is_independent(pcscd, emulator, reader):
    other = PcscReader(pcscd.readers[1])
    assert other.open().ok
    insert(emulator, reader, blank_card())
    assert other.wait_for_event(0.0).value is None
    assert other.tracker.status.code == "pcsc.no_card"
    other.close()

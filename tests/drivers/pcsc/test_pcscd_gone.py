"""pcscd stops (crash, upgrade) and comes back: DISCONNECTED, then the reader finds it again by itself."""

import pytest

from drivers.pcsc.reader import CardInserted, CardRemoved, PcscReader, list_readers
from drivers.pcsc.simcard import blank_card
from drivers.status import State
from tests.drivers.fakes import FakeClock

from .conftest import insert, next_event


@pytest.fixture
def restarted(pcscd):
    """Gives the test pcscd to stop; makes sure it runs again afterwards, for the other tests."""
    yield pcscd
    if not pcscd.running:
        pcscd.start()


def test_pcscd_stops_and_comes_back(restarted, emulator):
    clock = FakeClock()
    reader = PcscReader(restarted.readers[0], clock=clock, retry_delay=lambda attempt: 5.0)
    assert reader.open().ok
    insert(emulator, reader, blank_card())

    restarted.stop()
    next_event(reader, CardRemoved)  # whoever tracks the card hears it is gone ...
    failure = reader.wait_for_event(1.0)  # ... and then why
    assert failure.code == "device.disconnected" and "Service not available" in failure.detail
    assert reader.tracker.status.state is State.DISCONNECTED
    assert reader.uid().code == "device.disconnected"
    assert list_readers().code == "device.disconnected"
    assert reader.poll().state is State.DISCONNECTED

    restarted.start()
    assert reader.poll().state is State.DISCONNECTED  # the retry is not due yet
    clock.advance(5.0)
    assert reader.poll().state is State.USER_ACTION  # found again, empty (the emulator's line died with it)
    assert not emulator.inserted
    assert insert(emulator, reader, blank_card()) == CardInserted(reader.name, blank_card().atr)
    assert reader.uid().ok
    reader.close()


def test_pcscd_not_running_at_open(restarted):
    restarted.stop()
    reader = PcscReader(restarted.readers[0], retry_delay=lambda attempt: 0.0)
    assert reader.open().code == "device.disconnected"
    assert reader.tracker.status.state is State.DISCONNECTED
    restarted.start()
    assert reader.poll().state is State.USER_ACTION
    reader.close()

"""The card is taken out in the middle of a command: a Failure that says so, then the removal event."""

from drivers.pcsc.reader import CardRemoved
from drivers.pcsc.simcard import blank_card, technician_card
from drivers.pcsc.technician import TechnicianKeys, check_technician
from drivers.status import State

from .conftest import KEY, insert, next_event


def test_pulled_out_during_a_command(emulator, reader):
    insert(emulator, reader, blank_card())
    emulator.pull_out_on_next_apdu()
    failure = reader.uid()
    assert failure.code == "pcsc.card_removed"
    assert reader.name in failure.detail and "FF CA" in failure.detail
    next_event(reader, CardRemoved)
    assert reader.tracker.status.state is State.USER_ACTION


def test_pulled_out_during_a_technician_check_is_not_a_rejection(emulator, reader):
    """The technician is asked to put the card back, not told the card is forged."""
    insert(emulator, reader, technician_card("T-0042", KEY))
    emulator.pull_out_on_next_apdu()
    assert check_technician(reader, TechnicianKeys({"T-0042": KEY})).code == "pcsc.card_removed"
    next_event(reader, CardRemoved)

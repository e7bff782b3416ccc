"""Noise on the line before answers is skipped; a full read still works."""

from drivers.status import State


def test_garbage_before_every_answer_of_a_full_read(reader, sim, sample):
    sim.put_card(sample)
    for _ in range(3):
        sim.corrupt_next_answer("garbage")
    read = reader.read_card()
    assert read.ok and read.value.identity.id_number == "110101199001010015"
    assert reader.tracker.status.state is State.READY


def test_stale_bytes_from_before_a_command_are_not_taken_for_its_answer(reader, device, sim, sample):
    sim.put_card(sample)
    device.inject(bytes.fromhex("AAAAAA9669 0004 000080 84"))  # a late "no card" from earlier
    assert reader.find_card().ok

"""The reader stops answering: a timeout Failure, HARDWARE_ERROR, and READY again once it answers."""

from drivers.status import State


def test_a_silent_reader_times_out_and_recovers(reader, device, sim, sample):
    reader.timeout_s = 0.3
    sim.put_card(sample)
    device.mute = True
    result = reader.read_card()
    assert result.code == "device.timeout" and "idcard" in result.detail
    assert reader.tracker.status.state is State.HARDWARE_ERROR
    assert reader.poll().code == "device.timeout"
    device.mute = False
    assert reader.poll().state is State.READY
    assert reader.read_card().ok


def test_a_truncated_answer_times_out_and_does_not_spoil_the_next(reader, sim, sample):
    reader.timeout_s = 0.3
    sim.put_card(sample)
    sim.corrupt_next_answer("truncated")
    assert reader.find_card().code == "device.timeout"
    assert reader.read_card().ok
    assert reader.tracker.status.state is State.READY

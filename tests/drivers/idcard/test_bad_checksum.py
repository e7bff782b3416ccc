"""An answer with a bad checksum: a device.bad_checksum Failure; the reader stays usable."""

from drivers.idcard.codec import decode_response
from drivers.status import State


def test_a_bad_checksum_on_find(reader, sim, sample):
    sim.put_card(sample)
    sim.corrupt_next_answer("bad_checksum")
    assert reader.find_card().code == "device.bad_checksum"
    assert reader.tracker.status.state is State.READY
    assert reader.read_card().ok


def test_a_bad_checksum_on_the_big_read_answer_then_read_again(reader, sim, sample):
    sim.put_card(sample)
    assert reader.find_card().ok and reader.select_card().ok
    sim.corrupt_next_answer("bad_checksum")
    assert reader.read_base().code == "device.bad_checksum"
    assert reader.read_base().value.identity.name == "张三"


def test_a_command_garbled_on_its_way_to_the_sam_is_answered_sw3_10_and_the_reader_goes_on(reader):
    reader.transport.write(bytes.fromhex("AAAAAA9669 0003 11FF 00"))
    assert reader.transport.read_frame(decode_response, 2.0).sw3 == 0x10
    assert reader.sam_status().ok

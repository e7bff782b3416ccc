"""The module's answer arrives with a wrong checksum: the caller gets device.bad_checksum, the module stays
READY (a damaged frame says nothing about the device), and the next command works. A damaged data packet
in the middle of a transfer fails the whole transfer instead of returning a hole in the data."""

from drivers.status import State


def break_checksum(answer: bytes) -> bytes:
    return answer[:-1] + bytes([answer[-1] ^ 0xFF])


def break_packet(n):
    """Damage the n-th packet's checksum (0 = the acknowledgement)."""
    def change(answer: bytes) -> bytes:
        start = 0
        for _ in range(n):
            start += 9 + int.from_bytes(answer[start + 7:start + 9], "big")
        end = start + 9 + int.from_bytes(answer[start + 7:start + 9], "big")
        return answer[:end - 1] + bytes([answer[end - 1] ^ 0xFF]) + answer[end:]
    return change


def test_a_damaged_acknowledgement(driver, wire):
    wire.next_answer = break_checksum
    assert driver.template_count().code == "device.bad_checksum"
    assert driver.tracker.status.state is State.READY
    assert driver.template_count().value == 0


def test_a_damaged_data_packet_fails_the_upload_and_the_link_stays_in_step(driver, module, wire):
    module.place_finger("alice", 80)
    assert driver.capture().ok and driver.convert(1).ok
    wire.next_answer = break_packet(2)
    assert driver.upload_template(1).code == "device.bad_checksum"
    assert driver.tracker.status.state is State.READY
    assert driver.template_count().value == 0
    assert len(driver.upload_template(1).value) == 512


def test_a_damaged_acknowledgement_of_an_upload(driver, module, wire):
    module.place_finger("alice", 80)
    assert driver.capture().ok
    wire.next_answer = break_packet(0)
    assert driver.upload_image().code == "device.bad_checksum"
    assert driver.upload_image().ok


def test_a_command_damaged_on_the_way_is_refused_by_the_module(driver, wire):
    wire.next_command = break_checksum
    assert driver.template_count().code == "fingerprint.packet_error"
    assert driver.tracker.status.state is State.READY
    assert driver.template_count().value == 0

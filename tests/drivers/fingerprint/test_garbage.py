"""Noise on the line (a flaky cable, a module talking at power-up): the driver skips it and finds the
answer behind it; a false header in the noise costs at most that one command."""

from drivers.status import State

NOISE = b"\x00\xff\x55\x13garbage\xef"
FALSE_HEADER = bytes.fromhex("EF01FFFFFFFF0500")  # EF 01, then an impossible packet id


def test_noise_before_the_answer_is_skipped(driver, wire):
    wire.next_answer = lambda answer: NOISE + answer
    assert driver.template_count().value == 0
    assert driver.tracker.status.state is State.READY


def test_noise_between_data_packets_is_skipped(driver, module, wire):
    module.place_finger("alice", 80)
    assert driver.capture().ok and driver.convert(1).ok

    def interleave(answer: bytes) -> bytes:
        return answer.replace(b"\xef\x01\xff\xff\xff\xff\x02", NOISE + b"\xef\x01\xff\xff\xff\xff\x02")
    wire.next_answer = interleave
    assert driver.upload_template(1).value == module.buffers[1]


def test_a_false_header_in_the_noise_does_not_hide_the_answer(driver, wire):
    wire.next_answer = lambda answer: FALSE_HEADER + answer
    assert driver.template_count().value == 0


def test_noise_alone_after_the_answer_is_gone_by_the_next_command(driver, device):
    assert driver.template_count().ok
    device.inject(NOISE + FALSE_HEADER)
    assert driver.template_count().value == 0
    assert driver.tracker.status.state is State.READY


def test_noise_instead_of_an_answer_is_a_bad_frame(driver, wire):
    wire.next_answer = lambda answer: FALSE_HEADER + b"\x00" * 20
    assert driver.template_count().code == "device.bad_frame"
    assert driver.template_count().value == 0

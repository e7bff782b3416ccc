"""The serial transport against a simulated device on a real pseudo-terminal, through real pyserial."""

import pytest

from drivers.protocol import ChecksumError
from drivers.sim.pty import PtyDevice
from drivers.transport import DeviceTimeout, PortUnavailable, SerialTransport


def decode_lines(buffer: bytes):
    """A toy codec: frames are `<text>C;` with a one-letter checksum C."""
    start = buffer.find(b"<")
    if start < 0:
        return None, b""
    end = buffer.find(b";", start)
    if end < 0:
        return None, buffer[start:]
    body, check = buffer[start + 1:end - 2], buffer[end - 1:end]
    if checksum(body) != check:
        raise ChecksumError("bad checksum", buffer[end + 1:])
    return body, buffer[end + 1:]


def checksum(body: bytes) -> bytes:
    return bytes([65 + sum(body) % 26])


def frame(text: bytes) -> bytes:
    return b"<" + text + b">" + checksum(text) + b";"


class Echo:
    def receive(self, data):
        return frame(data.upper())


@pytest.fixture
def device(tmp_path):
    with PtyDevice(Echo(), tmp_path / "ttyECHO") as dev:
        yield dev


def test_request_and_answer_over_a_pty(device):
    t = SerialTransport(str(device.link), 115200, device="echo")
    assert t.request(b"hello", decode_lines, 2.0) == b"HELLO"
    t.close()


def test_garbage_before_a_frame_is_skipped(device):
    t = SerialTransport(str(device.link), 115200, device="echo")
    t.open()
    device.inject(b"\x00\xffnoise" + frame(b"OK"))
    assert t.read_frame(decode_lines, 2.0) == b"OK"
    t.close()


def test_bad_checksum_is_a_typed_error_and_the_next_frame_still_reads(device):
    t = SerialTransport(str(device.link), 115200, device="echo")
    t.open()
    device.inject(b"<AB>x;" + frame(b"NEXT"))
    with pytest.raises(ChecksumError):
        t.read_frame(decode_lines, 2.0)
    assert t.read_frame(decode_lines, 2.0) == b"NEXT"
    t.close()


def test_a_silent_device_times_out_naming_device_and_port(device):
    device.mute = True
    t = SerialTransport(str(device.link), 115200, device="echo")
    with pytest.raises(DeviceTimeout) as err:
        t.request(b"hello", decode_lines, 0.3)
    assert f"echo on {device.link} did not answer within 0.3 s" == str(err.value)
    t.close()


def test_missing_port_names_device_and_port(tmp_path):
    t = SerialTransport(str(tmp_path / "ttyNONE"), 115200, device="printer")
    with pytest.raises(PortUnavailable) as err:
        t.open()
    assert err.value.code == "device.port_missing"
    assert str(tmp_path / "ttyNONE") in str(err.value) and "printer" in str(err.value)


def test_unplug_then_replug_by_the_same_path(device):
    t = SerialTransport(str(device.link), 115200, device="echo")
    assert t.request(b"a", decode_lines, 2.0) == b"A"
    device.unplug()
    with pytest.raises(PortUnavailable) as err:
        t.request(b"b", decode_lines, 2.0)
    assert err.value.code in ("device.disconnected", "device.port_missing")
    assert not t.is_open
    device.replug()
    assert t.request(b"c", decode_lines, 2.0) == b"C"
    t.close()

"""Driver names and network addresses from the device config."""

import pytest

from drivers.printer.links import CharDeviceTransport, TcpTransport, make_link, parse_address
from drivers.transport import SerialTransport


@pytest.mark.parametrize(("address", "parsed"), [
    ("10.0.0.9", ("10.0.0.9", 9100)), ("10.0.0.9:9101", ("10.0.0.9", 9101)),
    ("tcp://printer.hall3:9100", ("printer.hall3", 9100)), ("[::1]:9100", ("::1", 9100)), ("[::1]", ("::1", 9100)),
])
def test_addresses(address, parsed):
    assert parse_address(address) == parsed


@pytest.mark.parametrize("address", ["", ":9100", "host:port", "host:70000"])
def test_bad_addresses(address):
    with pytest.raises(ValueError):
        parse_address(address)


def test_driver_names():
    assert isinstance(make_link("escpos-serial", "/dev/ttyS0"), SerialTransport)
    assert make_link("escpos-serial", "/dev/ttyS0", speed=115200).baudrate == 115200
    assert isinstance(make_link("escpos-network", "10.0.0.9"), TcpTransport)
    assert isinstance(make_link("escpos-usb", "/dev/usb/lp0"), CharDeviceTransport)
    with pytest.raises(ValueError, match='no driver "escpos-bluetooth"'):
        make_link("escpos-bluetooth", "x")

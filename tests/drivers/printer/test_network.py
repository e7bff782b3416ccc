"""A network printer (raw TCP, port 9100) against a simulator on loopback: prints, goes away, comes back."""

import pytest

from drivers.printer import simulator
from drivers.printer.netserve import TcpPrinterServer
from drivers.status import State
from tests.drivers.fakes import FakeClock

from .conftest import document, make_driver


@pytest.fixture
def server():
    srv = TcpPrinterServer(simulator.create({"paper_mm": 58})).start()
    yield srv
    srv.stop()


def test_print_over_the_network(server):
    driver = make_driver(server.address, driver="escpos-network")
    assert driver.open().ok
    assert driver.print_document("job-1", document(paper_mm=58)).ok
    assert driver.print_document("job-1", document(paper_mm=58)).value.already_printed
    assert server.model.printed == 1
    driver.close()


def test_printer_switched_off_and_on(server):
    clock = FakeClock()
    driver = make_driver(server.address, driver="escpos-network", clock=clock, retry_delay=lambda attempt: 3.0)
    assert driver.open().ok
    server.unplug()
    status = driver.poll()
    assert status.state is State.DISCONNECTED and server.address in status.detail
    assert driver.print_document("job-1", document()).code == "device.disconnected"
    server.replug()
    clock.advance(3.0)
    assert driver.poll().state is State.READY
    assert driver.print_document("job-1", document()).ok
    driver.close()


def test_nobody_listening(server):
    address = server.address
    server.stop()
    driver = make_driver(address, driver="escpos-network")
    result = driver.open()
    assert result.code == "device.disconnected"
    assert address in result.detail and "is the printer on?" in result.detail

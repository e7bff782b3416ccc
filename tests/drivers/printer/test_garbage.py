"""Noise on the line: dropped and asked again; a printer that answers only noise (a wrong baud rate) is a
hardware error that says so."""

from drivers.status import State

from .conftest import document


def test_noise_before_a_status_reply_is_dropped(driver, printer):
    printer.inject(b"\xff\x80")
    assert driver.poll().state is State.READY
    assert driver.print_document("job-1", document()).ok


def test_a_printer_answering_only_garbage(driver, printer):
    printer.model.receive = lambda data: b"\xff" * data.count(b"\x10\x04")
    status = driver.poll()
    assert (status.state, status.code) == (State.HARDWARE_ERROR, "device.bad_frame")
    assert "baud rate" in status.detail
    assert driver.print_document("job-1", document()).code == "device.bad_frame"


def test_garbage_sent_to_the_printer_is_not_printed_as_text(printer):
    printer.model.receive(b"\x1bZ\x01\x02\x03" + b"\x1b@OK\n\x1dV\x00")
    assert printer.model.bad_commands == 4  # ESC Z, then 01, 02, 03 each
    assert printer.model.receipts[0].lines == ("OK",)

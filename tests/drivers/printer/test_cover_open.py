"""The cover opened, or the cutter jammed: the printer stops; a job says why and what became of it."""

from drivers.status import State

from .conftest import document


def test_cover_open_is_maintenance_and_nothing_is_sent(driver, printer):
    printer.model.cover_open()
    assert driver.poll().state is State.MAINTENANCE
    result = driver.print_document("job-1", document())
    assert result.code == "printer.cover_open" and printer.model.printed == 0
    printer.model.clear()
    assert driver.poll().state is State.READY


def test_cutter_jam_is_a_hardware_error_found_through_dle_eot_3(driver, printer):
    printer.model.cutter_error()
    status = driver.poll()
    assert (status.state, status.code) == (State.HARDWARE_ERROR, "printer.cutter_error")
    assert b"\x10\x04\x03" in printer.received


def test_a_job_that_stops_for_another_reason_is_incomplete_and_may_be_retried(driver, printer):
    printer.model.paper_out(after_lines=4)  # stops mid-job; then the cover is opened to load paper
    first = driver.print_document("job-1", document())
    printer.model.clear()
    printer.model.cover_open()
    assert first.code == "printer.paper_out_mid_print"
    assert driver.print_document("job-1", document()).code == "printer.cover_open"
    printer.model.clear()
    assert driver.print_document("job-1", document()).ok
    assert [r.complete for r in printer.model.receipts] == [False, True]

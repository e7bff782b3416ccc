"""Paper out: before a job nothing is sent; mid-job the failure says the receipt is incomplete, and a retry
after loading paper prints it whole exactly once."""

from drivers.status import State

from .conftest import document


def test_paper_out_before_the_job_sends_nothing(driver, printer):
    printer.model.paper_out()
    result = driver.print_document("job-1", document())
    assert result.code == "printer.paper_out"
    assert driver.tracker.status.state is State.MAINTENANCE
    assert b"\x1b@" not in printer.received and printer.model.printed == 0
    printer.model.clear()
    assert driver.print_document("job-1", document()).ok  # never sent, so sending now is the first time
    assert printer.model.printed == 1


def test_paper_out_mid_print_is_reported_and_the_retry_prints_once(driver, printer):
    printer.model.paper_out(after_lines=6)
    result = driver.print_document("job-1", document())
    assert result.code == "printer.paper_out_mid_print"
    assert "job-1" in result.detail
    assert (driver.tracker.status.state, driver.tracker.status.code) == (State.MAINTENANCE, "printer.paper_out")
    (torn,) = printer.model.receipts
    assert not torn.complete and torn.cut == "torn"

    assert driver.print_document("job-1", document()).code == "printer.paper_out"  # still no paper: not sent
    printer.model.clear()  # a technician loads a roll
    retry = driver.print_document("job-1", document())
    assert retry.ok and not retry.value.already_printed
    assert [r.complete for r in printer.model.receipts] == [False, True]

    sent = len(printer.received)
    again = driver.print_document("job-1", document())
    assert again.ok and again.value.already_printed and len(printer.received) == sent
    assert [r.complete for r in printer.model.receipts] == [False, True]

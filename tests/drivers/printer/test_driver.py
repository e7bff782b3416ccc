"""A receipt printed through the real driver and pyserial on a pty: confirmed, seen in the simulator's PNG,
never printed twice under the same key."""

from drivers.printer.driver import JobJournal, JobOutcome
from drivers.status import State

from .conftest import RECEIPT_ZH, document
from .test_render import scan


def test_print_a_chinese_receipt(driver, printer):
    result = driver.print_document("job-1", document(paper_mm=80))
    assert result.ok and not result.value.already_printed and result.value.bytes_sent > 500
    assert driver.tracker.status.state is State.READY
    (receipt,) = printer.model.receipts
    assert receipt.complete and "110101********123X" in receipt.text
    assert scan(receipt.png) == RECEIPT_ZH.qr_data
    assert b"\x1dV\x01\x1dr\x01" in printer.received  # the job, then GS r 1 to confirm it


def test_a_retried_job_is_not_sent_again(driver, printer):
    assert driver.print_document("job-1", document()).ok
    sent = len(printer.received)
    again = driver.print_document("job-1", document())
    assert again.ok and again.value.already_printed
    assert len(printer.received) == sent and printer.model.printed == 1
    assert driver.journal == {"job-1": JobOutcome.PRINTED}
    assert driver.print_document("job-2", document()).ok and printer.model.printed == 2


def test_paper_near_end_still_prints_and_says_so(driver, printer):
    printer.model.paper_near_end()
    assert driver.poll().code == "printer.paper_near_end"
    assert driver.tracker.status.state is State.READY
    assert driver.print_document("job-1", document()).ok
    assert driver.tracker.status.code == "printer.paper_near_end"


def test_status_changes_are_reported_once(driver, printer):
    changes = []
    driver.tracker.subscribe(lambda caps, old, new: changes.append(new.code))
    for _ in range(3):
        driver.poll()
    printer.model.cover_open()
    for _ in range(3):
        driver.poll()
    printer.model.clear()
    driver.poll()
    assert changes == ["printer.cover_open", None]


def test_the_job_journal_keeps_the_last_thousand_keys_not_every_key_of_months_of_printing():
    journal = JobJournal()
    journal["first"] = JobOutcome.UNKNOWN
    for n in range(JobJournal.KEPT_JOBS - 1):
        journal[f"s{n}.receipt.1"] = JobOutcome.PRINTED
    journal["first"] = JobOutcome.PRINTED  # asked about again: now among the newest
    journal["one more"] = JobOutcome.PRINTED
    assert len(journal) == JobJournal.KEPT_JOBS
    assert journal.get("first") is JobOutcome.PRINTED
    assert "s0.receipt.1" not in journal and "s1.receipt.1" in journal

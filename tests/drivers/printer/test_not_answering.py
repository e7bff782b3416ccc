"""A printer that stops answering (power lost, firmware hung): DISCONNECTED, back by itself; a job whose end
was never confirmed is not sent again under the same key."""

from drivers.status import State
from tests.drivers.fakes import FakeClock

from .conftest import document, make_driver


def test_silent_printer_goes_disconnected_and_comes_back_by_itself(printer):
    clock = FakeClock()
    driver = make_driver(printer.link, clock=clock, retry_delay=lambda attempt: 5.0)
    assert driver.open().ok
    printer.model.offline()
    status = driver.poll()
    assert (status.state, status.code) == (State.DISCONNECTED, "printer.not_answering")
    assert str(printer.link) in status.detail
    assert driver.print_document("job-1", document()).code == "printer.not_answering"

    printer.model.clear()
    assert driver.poll().state is State.DISCONNECTED  # the retry is not due yet
    clock.advance(5.0)
    assert driver.poll().state is State.READY
    printed = driver.print_document("job-1", document())
    assert printed.ok, printed
    driver.close()


def test_a_job_whose_end_was_never_confirmed_is_not_sent_twice(printer):
    clock = FakeClock()
    clock.step = 0.05  # the driver's wait for the confirmation runs on this clock
    driver = make_driver(printer.link, clock=clock, print_timeout_s=1.0)
    assert driver.open().ok
    model, receive = printer.model, printer.model.receive

    def power_lost_at_the_cut(data: bytes) -> bytes:
        answer = receive(data)
        if b"\x1dV" in data:
            model.offline()
            return b""
        return answer

    model.receive = power_lost_at_the_cut
    result = driver.print_document("job-1", document())
    assert result.code == "printer.outcome_unknown"
    model.receive = receive
    model.clear()
    sent = len(printer.received)
    assert driver.print_document("job-1", document()).code == "printer.outcome_unknown"
    assert len(printer.received) == sent
    assert driver.print_document("job-1-reprint", document()).ok  # the flow's decision, under a new key
    driver.close()

"""The configured reader is not there (unplugged, wrong name in the config): DISCONNECTED, retried."""

from drivers.pcsc.reader import PcscReader
from drivers.status import State
from tests.drivers.fakes import FakeClock


def test_a_reader_pcscd_does_not_know(pcscd):
    clock = FakeClock()
    reader = PcscReader("ACS ACR1281U", clock=clock, retry_delay=lambda attempt: 5.0)
    failure = reader.open()
    assert failure.code == "pcsc.reader_missing"
    assert "ACS ACR1281U" in failure.detail and pcscd.readers[0] in failure.detail  # what is there instead
    assert reader.tracker.status.state is State.DISCONNECTED
    assert reader.wait_for_event(1.0).code == "pcsc.reader_missing"
    assert reader.uid().code == "pcsc.reader_missing"

    assert reader.poll().state is State.DISCONNECTED  # not due yet: nothing asked
    clock.advance(5.0)
    reader.wanted = pcscd.readers[0]  # the technician fixes the configuration; the retry finds it
    assert reader.poll().state is State.USER_ACTION
    reader.close()

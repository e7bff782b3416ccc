"""The SAM reports a fault (60 self-test failed, 66 not authorised): MAINTENANCE, every operation a Failure
with the SAM's code, and READY again once the SAM answers normally."""

import pytest

from drivers.idcard.driver import IdCardReader
from drivers.idcard.simulator import DEFAULT_BAUDRATE
from drivers.status import State
from drivers.transport import SerialTransport


@pytest.mark.parametrize("sw3, code", [(0x60, "idcard.sam_fault"), (0x66, "idcard.sam_unauthorised")])
def test_a_sam_fault_while_running(reader, sim, sample, heard, sw3, code):
    sim.put_card(sample)
    sim.sam_fault(sw3)
    assert reader.poll().state is State.MAINTENANCE
    assert reader.poll().code == code
    assert heard.count((State.READY, State.MAINTENANCE, code)) == 1  # told once, however often polled
    assert reader.read_card().code == code
    sim.clear_sam_fault()
    assert reader.poll().state is State.READY
    assert reader.read_card().ok


def test_a_faulty_sam_at_open(device, sim):
    sim.sam_fault(0x60)
    reader = IdCardReader(SerialTransport(str(device.link), DEFAULT_BAUDRATE, device="idcard"), timeout_s=2.0)
    opened = reader.open()
    assert opened.code == "idcard.sam_fault" and "60" in opened.detail
    assert reader.tracker.status.state is State.MAINTENANCE
    sim.clear_sam_fault()
    assert reader.poll().state is State.READY
    reader.close()

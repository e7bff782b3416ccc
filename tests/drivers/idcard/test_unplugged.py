"""The reader is unplugged in the middle of a card read: the read fails, the reader is DISCONNECTED, and it
comes back by itself (poll) once plugged in again."""

import threading

from drivers.idcard.codec import encode
from drivers.idcard.commands import READ_BASE
from drivers.idcard.driver import IdCardReader
from drivers.idcard.simulator import DEFAULT_BAUDRATE, create
from drivers.sim.pty import PtyDevice
from drivers.status import State
from drivers.transport import SerialTransport


class DiesOnRead:
    """The simulated reader, except that it goes silent once a read command arrives (and says so)."""

    def __init__(self, model):
        self.model, self.seen, self.armed, self.dead = model, b"", True, False
        self.read_arrived = threading.Event()

    def receive(self, data):
        self.seen += data
        if self.armed and encode(READ_BASE) in self.seen:
            self.armed, self.dead = False, True
            self.read_arrived.set()
        return b"" if self.dead else self.model.receive(data)

    def revive(self):
        self.dead = False


def test_unplugged_mid_read_then_replugged(tmp_path, clock, sample):
    sim = create({"card": sample})
    wire = DiesOnRead(sim)
    with PtyDevice(wire, tmp_path / "ttyIDCARD") as device:
        reader = IdCardReader(SerialTransport(str(device.link), DEFAULT_BAUDRATE, device="idcard"),
                              clock=clock, timeout_s=5.0)
        assert reader.open().ok
        results = []
        worker = threading.Thread(target=lambda: results.append(reader.read_card()))
        worker.start()
        assert wire.read_arrived.wait(5.0)
        device.unplug()
        worker.join(10.0)
        assert not worker.is_alive()

        [result] = results
        assert result.code in ("device.disconnected", "device.port_missing")
        assert reader.tracker.status.state is State.DISCONNECTED

        clock.advance(60)
        assert reader.poll().state is State.DISCONNECTED  # still unplugged: the retry fails
        assert reader.tracker.status.code == "device.port_missing"
        assert reader.find_card().code == "device.disconnected"  # not due yet: no port opened

        wire.revive()
        device.replug()
        clock.advance(60)
        assert reader.poll().state is State.READY
        read = reader.read_card()
        assert read.ok and read.value.identity.id_number == sample["id_number"]
        reader.close()


def test_an_operation_on_an_unplugged_reader_is_a_failure_and_reopens_after_replug(reader, device, clock, sim,
                                                                                  sample):
    device.unplug()
    assert reader.find_card().code in ("device.disconnected", "device.port_missing")
    assert reader.tracker.status.state is State.DISCONNECTED
    device.replug()
    sim.put_card(sample)
    clock.advance(60)
    assert reader.read_card().ok  # the operation itself reopens the port when a retry is due
    assert reader.tracker.status.state is State.READY

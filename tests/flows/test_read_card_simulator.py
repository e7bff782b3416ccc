"""The read_id_card step against the real IdCardReader and its simulator on a pseudo-terminal."""

import threading

from drivers.idcard.driver import IdCardReader
from drivers.idcard.simcard import SAMPLE_IDENTITY
from drivers.idcard.simulator import DEFAULT_BAUDRATE, create
from drivers.sim.pty import PtyDevice
from drivers.transport import SerialTransport
from flows.ports import SystemClock


def test_pickup_by_id_card_reads_the_simulated_card(tmp_path, make_engine, world):
    sim = create()
    with PtyDevice(sim, tmp_path / "ttyIDCARD") as device:
        reader = IdCardReader(SerialTransport(str(device.link), DEFAULT_BAUDRATE, device="idcard"), timeout_s=2.0)
        assert reader.open().ok
        try:
            sim.put_card(dict(SAMPLE_IDENTITY))
            engine = make_engine("id_card_pickup", id_card=reader)
            engine.start()
            engine.submit("id_card")
            action = engine.pending_action()
            view = engine.complete(action, action.run())
            assert view.step_id == "lookup_card"
            view = engine.run_pending()
            assert view.step_id == "rating" and world.count("door_opened") == 1
        finally:
            reader.close()


def test_the_step_waits_for_the_card_to_be_put_down(tmp_path, make_engine, world):
    """No card yet: the step keeps asking (real clock, real reader) until the citizen puts it down."""
    sim = create()
    with PtyDevice(sim, tmp_path / "ttyIDCARD") as device:
        reader = IdCardReader(SerialTransport(str(device.link), DEFAULT_BAUDRATE, device="idcard"), timeout_s=2.0)
        assert reader.open().ok
        try:
            engine = make_engine("id_card_pickup", id_card=reader, clock=SystemClock())
            engine.start()
            engine.submit("id_card")
            action = engine.pending_action()
            asked = threading.Event()
            results = []
            worker = threading.Thread(target=lambda: results.append(action.run(lambda shown: asked.set())))
            worker.start()
            assert asked.wait(10)  # the screen says "place your card"
            sim.put_card(dict(SAMPLE_IDENTITY))
            worker.join(20)
            assert results and results[0].outcome == "ok"
            assert results[0].values["id_number"] == SAMPLE_IDENTITY["id_number"]
        finally:
            reader.close()

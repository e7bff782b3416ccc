"""A simulated lock-board bus on a real pty, and the real driver on it through pyserial."""

import pytest

from drivers.locker import simulator
from drivers.locker.board import board_protocol
from drivers.locker.driver import LockerDriver
from drivers.locker.wall import LockerWall
from drivers.sim.pty import PtyDevice
from drivers.transport import SerialTransport

TIMEOUT_S = 0.3

#: doors 1-4 on board 0 (channels 1-4), doors 5-6 on board 1 (channels 1-2)
WALL = {"doors": [{"door": 1, "size": "S", "board": 0, "channel": 1},
                  {"door": 2, "size": "S", "board": 0, "channel": 2},
                  {"door": 3, "size": "M", "board": 0, "channel": 3},
                  {"door": 4, "size": "L", "board": 0, "channel": 16},
                  {"door": 5, "size": "M", "board": 1, "channel": 1},
                  {"door": 6, "size": "L", "board": 1, "channel": 2}]}



def serve(tmp_path, state=None):
    return PtyDevice(simulator.create({"wall": WALL, **(state or {})}), tmp_path / "ttyLOCK").start()


def make_driver(device, *, wall=WALL, family="kerong_cu16", settings=None, **options):
    transport = SerialTransport(str(device.link), 19200, device="locker")
    options.setdefault("retry_delay", lambda attempt: 0.0)
    return LockerDriver(transport, LockerWall.from_dict(wall), board_protocol(family, **(settings or {})),
                        timeout_s=TIMEOUT_S, **options)


@pytest.fixture
def bus(tmp_path):
    device = serve(tmp_path)
    yield device
    device.stop()


@pytest.fixture
def driver(bus):
    drv = make_driver(bus)
    assert drv.open().ok
    yield drv
    drv.close()

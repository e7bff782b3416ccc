"""A real kiosk shell (QML engine, adapters, translations) on a fake clock, for each test; and simulated
devices driven by the kiosk's own device manager."""

import pytest

from kiosk.config import load_config
from kiosk.config.schema import DeviceConfig
from kiosk.devices import DeviceManager
from kiosk.sim_hub import SimHub
from kiosk.ui.app import KioskApp


@pytest.fixture
def make_kiosk(qapp, tmp_path, clock, log_lines):
    made = []

    def make(size=(1080, 1920), toml=""):
        path = tmp_path / "kiosk.toml"
        path.write_text(toml, encoding="utf-8")
        config = load_config(path, env={}, simulate=True)
        kapp = KioskApp(config, voice_engine="mock", full_screen=False, size=size, clock=clock)
        made.append(kapp)
        return kapp

    yield make
    for kapp in made:
        kapp.close()
    qapp.processEvents()


@pytest.fixture
def kiosk(make_kiosk):
    return make_kiosk()


SERIAL_KINDS = ("id_reader", "fingerprint", "locker", "qr_scanner")


@pytest.fixture
def sim_devices(tmp_path):
    """`sim_devices(kinds)` -> (hub, manager): those simulators served and driven, fast polls; stopped after."""
    started = []

    def start(kinds=SERIAL_KINDS):
        configs = {k: DeviceConfig(kind=k) for k in kinds}
        hub = SimHub(tmp_path / "sim", configs)
        hub.start()
        manager = DeviceManager(configs, sim_dir=hub.folder, poll_s=0.05, scanner_poll_s=0.01)
        manager.start()
        started.append((hub, manager))
        return hub, manager

    yield start
    for hub, manager in started:
        manager.stop()
        hub.stop()

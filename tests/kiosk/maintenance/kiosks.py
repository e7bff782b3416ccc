"""Fixtures for the maintenance screens' tests (tests/kiosk/ui/test_maintenance_*.py import them):
a real kiosk shell on a real store, with the technician PIN and card configured, and optionally the
simulated devices (SimHub + DeviceManager) attached, as `kiosk run --simulate` has them."""

import pytest

from kiosk.config import load_config
from kiosk.devices import DeviceManager
from kiosk.sim_hub import SimHub
from kiosk.store import Store
from kiosk.ui.app import KioskApp
from tests.kiosk.maintenance.secrets import PIN, maintenance_toml
from tests.kiosk.pcsc_fixtures import shared_pcscd, wait_until_empty


@pytest.fixture
def make_tech_kiosk(qapp, qtbot, tmp_path, clock, log_lines):
    """make(pin=True, extra="", size=...) -> KioskApp on the store in tmp_path/data; a second call is a
    restart of the terminal (the previous shell is closed first, as a power cycle would)."""
    made, stores = [], []

    def make(*, pin=True, extra="", size=(1080, 1920)):
        for kapp in made:
            kapp.close()
        for store in stores:
            store.close()
        made.clear()
        stores.clear()
        path = tmp_path / "kiosk.toml"
        path.write_text(maintenance_toml(pin=pin, extra=extra), encoding="utf-8")
        config = load_config(path, env={}, simulate=True)
        store = Store.open(tmp_path / "data")
        stores.append(store)
        kapp = KioskApp(config, store=store, voice_engine="mock", full_screen=False, size=size, clock=clock,
                        wall_clock=clock)
        made.append(kapp)
        # the first frame, as on a terminal: it switches the keyboard on, which moves things about once
        qtbot.waitUntil(lambda: kapp.window.grabWindow() is not None and kapp._first_frame_seen)
        qapp.processEvents()
        return kapp

    yield make
    for kapp in made:
        kapp.close()
    for store in stores:
        store.close()
    qapp.processEvents()


@pytest.fixture
def tech_kiosk(make_tech_kiosk):
    return make_tech_kiosk()


@pytest.fixture
def devices(tech_kiosk, tmp_path, qtbot, request):
    """The kiosk's configured devices, simulated and opened by the kiosk's own drivers, all ready (the PC/SC
    reader, on the tests' shared pcscd, waits for a card)."""
    config = tech_kiosk.config
    pcscd = shared_pcscd(request.config)
    hub = SimHub(tmp_path / "sim", config.devices, pcscd=pcscd)
    hub.start()
    manager = DeviceManager(config.devices, sim_dir=hub.folder, poll_s=0.05, scanner_poll_s=0.01)
    manager.start()
    tech_kiosk.attach_devices(manager, hub)
    usable = {"pcsc_reader": "user_action"}
    qtbot.waitUntil(lambda: all(v.status.state.value == usable.get(v.kind, "ready")
                                for v in manager.snapshot().values()), timeout=15000)
    yield hub, manager
    manager.stop()
    hub.stop()
    wait_until_empty(pcscd, pcscd.readers[0])


def enter_pin(kapp, pin=PIN):
    """Type `pin` on the PIN pad the way a technician does, and press Enter."""
    from tests.kiosk.ui.helpers import tap

    for digit in pin:
        tap(kapp, f"pinDigit{digit}")
    tap(kapp, "pinEnter")


def scroll_to(kapp, name):
    """Scroll the technician's board so the item called `name` is on screen (a finger scrolls first)."""
    from tests.kiosk.ui.helpers import find

    kapp.window.grabWindow()  # a frame: the board's layout is finished, so its height is known
    flick, item = find(kapp, "maintenanceBoard"), find(kapp, name)
    assert item is not None, f"nothing called {name!r} on the board"
    top = item.mapToItem(flick.property("contentItem"), 0, 0).y()
    most = max(0.0, flick.property("contentHeight") - flick.height())
    flick.setProperty("contentY", max(0.0, min(top - flick.height() / 3, most)))
    kapp.window.grabWindow()
    centre = item.mapToScene(item.boundingRect().center())
    assert 0 <= centre.y() < kapp.window.height(), f"{name!r} cannot be scrolled into view"


def row(kapp, name):
    """The board's row of device `name`, as the adapter gives it to QML."""
    return next(d for d in kapp.maintenance.devices if d["name"] == name)

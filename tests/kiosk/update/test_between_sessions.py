"""Never mid-service: with a citizen's session (or the technician's PIN pad) open, a downloaded update
waits; once the session ends the terminal is held out of service and the installer is asked. If the
installer never comes, the terminal goes back into service. A real kiosk shell, a real central server."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from kiosk.config import load_config
from kiosk.log import log_event
from kiosk.store import Store
from kiosk.ui.app import KioskApp
from kiosk.update.hold import UiHold
from kiosk.update.state import REQUEST, UPDATES
from kiosk.update.updater import Updater, UpdaterSettings
from sync.bundles import load_public_keys
from sync.central import CentralServer
from sync.central.software import publish_package
from sync.client import CentralClient
from sync.db import connect, utc_now
from sync.pull import BundlePuller
from sync.transport import RequestsTransport

FAST = UpdaterSettings(first_check_s=0, check_s=3600, idle_poll_s=0.05, handover_timeout_s=30)


@pytest.fixture
def kiosk(qapp, tmp_path, clock, log_lines):
    path = tmp_path / "kiosk.toml"
    path.write_text("", encoding="utf-8")
    kapp = KioskApp(load_config(path, env={}, simulate=True), voice_engine="mock", full_screen=False,
                    size=(1080, 1920), clock=clock)
    yield kapp
    kapp.close()
    qapp.processEvents()


@pytest.fixture
def world(tmp_path):
    """A published 0.2.0 on the central platform, its software bundle already pulled into the kiosk's store."""
    with CentralServer(tmp_path / "central" / "central.db", port=0) as central:
        deb = tmp_path / "kiosk_0.2.0_amd64.deb"
        deb.write_bytes(hashlib.sha256(b"0.2.0").digest() * 1000)
        publish_package(central.ctx, deb)
        keys = load_public_keys([central.public_key_path])
        client = CentralClient(RequestsTransport(central.url), terminal_id="t-0001")
        with Store.open(tmp_path / "data") as store:
            conn = connect(store.path)
            assert BundlePuller(conn, client, keys, clock=utc_now, on_event=log_event).pull("software").ok
            conn.close()
            yield store, client, keys


@pytest.fixture
def start(kiosk, world, tmp_path):
    started = []

    def go(settings=FAST) -> Updater:
        store, client, keys = world
        hold = UiHold(kiosk.shell, maintenance_open=lambda: kiosk.maintenance.screen != "")
        updater = Updater(store.path, tmp_path / "data", client, keys, hold=hold, installed="0.1.0",
                          state_dir=tmp_path / "root-state", settings=settings, on_event=log_event).start()
        started.append(updater)
        return updater

    yield go
    for updater in started:
        updater.stop()


def _request(tmp_path: Path) -> Path:
    return tmp_path / "data" / UPDATES / REQUEST


def test_with_a_session_open_the_update_waits_and_goes_ahead_once_it_ends(kiosk, start, tmp_path, qtbot,
                                                                          log_lines):
    kiosk.shell.start()  # a citizen touched the screen
    assert kiosk.shell.session is not None
    start()
    qtbot.waitUntil(lambda: bool(log_lines.events("update.waiting_for_pause")), timeout=20000)
    assert log_lines.events("update.downloaded")[0]["version"] == "0.2.0"
    assert not _request(tmp_path).exists() and not kiosk.shell.outOfService

    kiosk.shell.endSession("finished")

    qtbot.waitUntil(lambda: _request(tmp_path).exists(), timeout=10000)
    assert kiosk.shell.outOfService, "held out of service until the installer restarts the kiosk"
    kiosk.shell.start()
    assert kiosk.shell.session is None, "no citizen can start a session while the update is handed over"
    assert json.loads(_request(tmp_path).read_text())["id"] == log_lines.events("update.handed_over")[0][
        "request_id"]


def test_the_technicians_pin_pad_counts_as_a_session(kiosk, start, tmp_path, qtbot, log_lines):
    kiosk.maintenance.openPinPad()
    assert kiosk.maintenance.screen == "pin"
    start()
    qtbot.waitUntil(lambda: bool(log_lines.events("update.waiting_for_pause")), timeout=20000)
    assert not _request(tmp_path).exists()

    kiosk.maintenance.cancel()

    qtbot.waitUntil(lambda: _request(tmp_path).exists(), timeout=10000)


def test_an_installer_that_never_comes_puts_the_terminal_back_in_service(kiosk, start, tmp_path, qtbot,
                                                                         log_lines):
    start(UpdaterSettings(first_check_s=0, check_s=3600, idle_poll_s=0.05, handover_timeout_s=0.3))
    qtbot.waitUntil(lambda: bool(log_lines.events("update.handover_timeout")), timeout=20000)
    qtbot.waitUntil(lambda: not kiosk.shell.outOfService, timeout=5000)
    assert not _request(tmp_path).exists()
    kiosk.shell.start()
    assert kiosk.shell.session is not None

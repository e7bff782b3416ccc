"""A technician card presented on the simulated PC/SC reader while the attract screen shows: the technician's
card opens maintenance mode; a plain card, a forged card or a card during a citizen's session does not.
Real pcscd, pyscard, DeviceManager and PcscReader; the card is presented with the developer panel's buttons."""

# The fixtures are imported from tests/kiosk/maintenance/kiosks.py and tests/kiosk/pcsc_fixtures.py.
# ruff: noqa: F401, F811

import pytest

from kiosk.config.schema import DeviceConfig
from kiosk.devices import DeviceManager
from kiosk.pcsc_setup import configured_keys, start_technician_watch
from kiosk.sim_hub import SimHub
from tests.kiosk.maintenance.kiosks import make_tech_kiosk
from tests.kiosk.maintenance.secrets import CARD
from tests.kiosk.pcsc_fixtures import kiosk_pcscd, wait_until_empty
from tests.kiosk.ui.helpers import find, tap, visible_texts

READER = {"pcsc_reader": DeviceConfig(kind="pcsc_reader")}


@pytest.fixture
def card_kiosk(make_tech_kiosk, kiosk_pcscd, tmp_path, qtbot):
    """A kiosk whose technician (CARD, listed in technician_cards) has a card key, with a simulated PC/SC reader
    watched for technician cards, as `kiosk run --simulate` wires it."""
    keys_path = tmp_path / "technician-keys.toml"
    keys_path.write_text(f'"{CARD}" = "{bytes(range(32)).hex()}"\n', encoding="utf-8")
    keys_path.chmod(0o600)
    kapp = make_tech_kiosk(extra=f'technician_keys = "{keys_path}"\n')
    keys = configured_keys(kapp.config.maintenance)
    hub = SimHub(tmp_path / "sim", READER, pcscd=kiosk_pcscd, technician_keys=keys)
    hub.start()
    manager = DeviceManager(READER, sim_dir=hub.folder, poll_s=0.05)
    manager.start()
    kapp.attach_devices(manager, hub)
    watch = start_technician_watch(manager, keys, kapp.maintenance.present_technician)
    qtbot.waitUntil(lambda: manager.view("pcsc_reader").status.state.value == "user_action", timeout=10000)
    tap(kapp, "devPanelTab")
    yield kapp
    watch.stop()
    manager.stop()
    hub.stop()
    wait_until_empty(kiosk_pcscd, kiosk_pcscd.readers[0])


def present(kapp, label):
    """Press the developer panel's button `label` of the PC/SC reader."""
    reader = next(d for d in kapp.devpanel.devices if d["name"] == "pcsc_reader")
    index = next(a["index"] for a in reader["actions"] if a["label"] == label)
    tap(kapp, f"devAction_pcsc_reader_{index}")
    assert kapp.devpanel.message == f"pcsc_reader: {label}"


def test_the_technician_card_on_the_attract_screen_opens_maintenance(card_kiosk, qtbot, log_lines):
    assert find(card_kiosk, "attractScreen") is not None and card_kiosk.shell.session is None
    present(card_kiosk, "Present the technician card")
    qtbot.waitUntil(lambda: find(card_kiosk, "maintenanceScreen") is not None, timeout=10000)
    assert "已用技术员卡进入" in visible_texts(card_kiosk)
    assert [e["who"] for e in log_lines.events("maintenance.entered")] == ["card"]
    assert log_lines.events("pcsc.technician_proven")[0]["technician"] == "*" * 10 + CARD[-4:]
    assert CARD not in log_lines.text()


@pytest.mark.parametrize(("label", "event", "code"), [
    ("Present a plain card", "pcsc.card_not_technician", "pcsc.not_technician_card"),
    ("Present a forged technician card", "pcsc.technician_refused", "pcsc.technician_rejected"),
])
def test_another_card_leaves_the_attract_screen_as_it_is(card_kiosk, qtbot, qapp, log_lines, label, event,
                                                         code):
    present(card_kiosk, label)
    qtbot.waitUntil(lambda: bool(log_lines.events(event)), timeout=10000)
    assert log_lines.events(event)[0]["code"] == code
    qapp.processEvents()
    assert card_kiosk.maintenance.screen == "" and find(card_kiosk, "attractScreen") is not None
    assert log_lines.events("maintenance.entered") == []


def test_a_technician_card_never_interrupts_a_citizen(card_kiosk, qtbot, qapp, log_lines):
    card_kiosk.shell.start()
    present(card_kiosk, "Present the technician card")
    qtbot.waitUntil(lambda: bool(log_lines.events("pcsc.technician_proven")), timeout=10000)
    qapp.processEvents()  # the id, handed on before that line was written, reaches the maintenance gate
    assert card_kiosk.maintenance.screen == "" and card_kiosk.shell.screen == "catalogue"
    assert log_lines.events("maintenance.entered") == []

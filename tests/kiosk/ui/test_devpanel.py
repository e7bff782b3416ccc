"""The developer panel of a simulated run: devices' statuses, and simulator buttons the kiosk reacts to."""

import pytest

from tests.kiosk.ui.helpers import find, tap, visible_texts


@pytest.fixture
def simulated(kiosk, sim_devices):
    hub, manager = sim_devices()
    kiosk.attach_devices(manager, hub)
    return kiosk, hub, manager


def states(kiosk):
    return {d["name"]: d["state"] for d in kiosk.devpanel.devices}


def test_the_panel_is_absent_on_a_terminal_with_real_devices(kiosk):
    assert find(kiosk, "devPanelTab") is None


def test_the_panel_shows_each_device_and_its_buttons_act_on_the_simulator(simulated, qtbot):
    kiosk, hub, _manager = simulated
    qtbot.waitUntil(lambda: set(states(kiosk).values()) == {"ready"}, timeout=10000)
    tap(kiosk, "devPanelTab")
    assert "id_reader  ·  ready" in visible_texts(kiosk)

    tap(kiosk, "devAction_id_reader_0")  # put the sample ID card
    assert hub.served["id_reader"][1].model.card is not None
    assert kiosk.devpanel.message == "id_reader: Put the sample ID card"

    unplug = next(a["index"] for a in kiosk.devpanel.devices[2]["actions"] if a["label"] == "Unplug")
    tap(kiosk, f"devAction_locker_{unplug}")
    qtbot.waitUntil(lambda: states(kiosk)["locker"] == "disconnected", timeout=10000)
    assert "locker  ·  disconnected  (" in " ".join(visible_texts(kiosk))

"""The maintenance screens render in portrait and landscape, in both languages, with touch targets a finger
can hit. The PNGs land in the test's temporary folder, for looking at (docs/screenshots/maintenance-*.png
are copies of these)."""

# The fixtures are imported from tests/kiosk/maintenance/kiosks.py; a test's parameter names them.
# ruff: noqa: F401, F811

import pytest

from kiosk.ui import screenshot
from tests.kiosk.maintenance.kiosks import devices, enter_pin, make_tech_kiosk, scroll_to, tech_kiosk
from tests.kiosk.maintenance.secrets import CARD
from tests.kiosk.ui.helpers import find
from tests.kiosk.ui.test_touch_targets import MIN, pressables


def small_targets(kiosk):
    return [(i.objectName(), i.width(), i.height()) for i in pressables(kiosk)
            if i.width() < MIN or i.height() < MIN]


def shot(kiosk, tmp_path, name):
    image = screenshot.render(kiosk)
    assert (image.width(), image.height()) == (kiosk.window.width(), kiosk.window.height())
    screenshot.save(image, tmp_path / f"maintenance-{name}.png")


@pytest.mark.parametrize("size", [(1080, 1920), (1920, 1080)])
@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_pin_pad_renders_with_large_targets(make_tech_kiosk, qtbot, tmp_path, size, language):
    kiosk = make_tech_kiosk(size=size)
    kiosk.shell.setLanguage(language)
    kiosk.maintenance.openPinPad()
    qtbot.waitUntil(lambda: find(kiosk, "pinPad") is not None)
    enter_pin(kiosk, "7391")
    for digit in "25":
        kiosk.maintenance.pressDigit(int(digit))
    shot(kiosk, tmp_path, f"pin-{language}-{size[0]}x{size[1]}")
    assert small_targets(kiosk) == []


def test_the_locked_pin_pad_renders(tech_kiosk, qtbot, tmp_path):
    tech_kiosk.maintenance.openPinPad()
    qtbot.waitUntil(lambda: find(tech_kiosk, "pinPad") is not None)
    for _ in range(5):
        enter_pin(tech_kiosk, "7391")
    shot(tech_kiosk, tmp_path, "pin-locked-zh")


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_board_renders_a_failed_test_and_an_unplugged_device(tech_kiosk, devices, qtbot, tmp_path,
                                                                 language):
    hub, _manager = devices
    hub.handle({"action": "act", "device": "locker", "do": "jam", "args": {"door": 3}})
    hub.handle({"action": "act", "device": "qr_scanner", "do": "unplug", "args": {}})
    tech_kiosk.shell.setLanguage(language)
    assert tech_kiosk.maintenance.technician_card(CARD) == ""
    qtbot.waitUntil(lambda: find(tech_kiosk, "maintenanceScreen") is not None)
    tech_kiosk.maintenance.runSelfTest("id_reader")
    tech_kiosk.maintenance.openDoor("locker", 3)
    qtbot.waitUntil(lambda: find(tech_kiosk, "testVerdict_locker") is not None
                    and find(tech_kiosk, "testVerdict_id_reader") is not None
                    and find(tech_kiosk, "code_qr_scanner") is not None
                    and not tech_kiosk.maintenance._running, timeout=15000)
    shot(tech_kiosk, tmp_path, f"board-{language}")
    assert small_targets(tech_kiosk) == []
    scroll_to(tech_kiosk, "testResult_locker")
    shot(tech_kiosk, tmp_path, f"board-locker-{language}")
    scroll_to(tech_kiosk, "writeReport")
    shot(tech_kiosk, tmp_path, f"board-system-{language}")


@pytest.mark.parametrize("size", [(1080, 1920), (1920, 1080)])
def test_the_out_of_service_screen_renders(tech_kiosk, qtbot, tmp_path, size):
    tech_kiosk.window.setProperty("width", size[0])
    tech_kiosk.window.setProperty("height", size[1])
    tech_kiosk.maintenance.technician_card(CARD)
    tech_kiosk.maintenance.setOutOfService(True)
    tech_kiosk.maintenance.leave()
    qtbot.waitUntil(lambda: find(tech_kiosk, "outOfServiceScreen") is not None)
    shot(tech_kiosk, tmp_path, f"out-of-service-{size[0]}x{size[1]}")

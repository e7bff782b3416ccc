"""Everything a finger can press is at least 120 px both ways, in portrait and landscape."""

import pytest

from kiosk.ui import screenshot

MIN = 120


def pressables(kiosk):
    found = []

    def walk(item):
        if not item.isVisible():
            return
        if item.inherits("QQuickAbstractButton") and item.objectName():
            found.append(item)
        for child in item.childItems():
            walk(child)

    walk(kiosk.window.contentItem())
    return found


@pytest.mark.parametrize("size", [(1080, 1920), (1920, 1080)])
@pytest.mark.parametrize("screen", ["attract", "catalogue", "service", "idle", "offline-notice"])
def test_touch_targets_are_large_enough(make_kiosk, clock, screen, size):
    kiosk = make_kiosk(size=size)
    screenshot.stage(kiosk, screen, clock, online=screen != "offline-notice", waiting=0)
    screenshot.render(kiosk)
    items = pressables(kiosk)
    assert items
    small = [(i.objectName(), i.width(), i.height()) for i in items if i.width() < MIN or i.height() < MIN]
    assert small == []

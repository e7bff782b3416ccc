"""The on-screen keyboard: pinyin for Chinese text, the digits layout for numbers."""

from pathlib import Path

import pytest
from PySide6.QtCore import Q_ARG, Q_RETURN_ARG, QMetaObject, QUrl
from PySide6.QtQml import QQmlComponent, QQmlEngine

from kiosk.ui import screenshot
from tests.kiosk.ui.helpers import find

PINYIN, NUMERIC = 3, 1  # QtVirtualKeyboard InputEngine.InputMode


class Keys:
    """Presses keys through the virtual keyboard's own input engine, as a finger on its keys would."""

    def __init__(self, kiosk):
        probe = Path(__file__).parent / "qml" / "KeyboardProbe.qml"
        self.component = QQmlComponent(kiosk.engine, QUrl.fromLocalFile(str(probe)))
        self.probe = self.component.create()
        assert self.probe is not None, self.component.errorString()
        QQmlEngine.setObjectOwnership(self.probe, QQmlEngine.ObjectOwnership.CppOwnership)
        self.probe.setParent(kiosk.engine)

    def call(self, name, *args):
        arguments = [Q_ARG("QVariant", a) for a in args]
        return QMetaObject.invokeMethod(self.probe, name, Q_RETURN_ARG("QVariant"), *arguments)


@pytest.fixture
def search(kiosk, clock):
    screenshot.stage(kiosk, "search", clock, online=True, waiting=0)
    return find(kiosk, "searchField")


def test_pinyin_turns_into_chinese_and_finds_the_service(kiosk, qtbot, search):
    keys = Keys(kiosk)
    assert keys.call("locale") == "zh_CN"
    # The layout (and with it the pinyin input method) is loaded after the locale is set: wait for it, as a
    # citizen's finger waits the moment it takes to appear (asserted at once, it failed once under load).
    qtbot.waitUntil(lambda: keys.call("inputMode") == PINYIN)
    keys.call("type", "shenfenzheng")
    qtbot.waitUntil(lambda: search.property("preeditText") == "shen fen zheng")
    keys.call("choose", 0)
    qtbot.waitUntil(lambda: search.property("text") == "身份证")
    assert [s["id"] for d in kiosk.shell.departments for s in d["services"]] == ["id_card_replace"]


def test_keyboard_follows_the_language(kiosk, qtbot, search):
    keys = Keys(kiosk)
    kiosk.shell.setLanguage("en")
    qtbot.waitUntil(lambda: keys.call("locale") == "en_US")


def test_number_fields_get_the_digits_layout(kiosk, qtbot, search):
    keys = Keys(kiosk)
    component = QQmlComponent(kiosk.engine)
    component.setData(b"import Kiosk\nKioskTextField { digits: true }", QUrl("file:///digits-probe.qml"))
    field = component.create()
    QQmlEngine.setObjectOwnership(field, QQmlEngine.ObjectOwnership.CppOwnership)
    field.setParentItem(kiosk.window.contentItem())
    field.forceActiveFocus()
    qtbot.waitUntil(lambda: keys.call("inputMode") == NUMERIC)
    search.forceActiveFocus()
    qtbot.waitUntil(lambda: keys.call("inputMode") == PINYIN)
    field.deleteLater()

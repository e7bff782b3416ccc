"""Guards on the Qt binding itself: a PySide6 release that mishandles references crashes the kiosk."""

import sys

from PySide6.QtCore import QObject


def test_qt_calls_that_return_nothing_keep_none_alive(qapp):
    # PySide6 6.12.0 dropped a reference to None on every such call; Python 3.11 then aborts with
    # "deallocating None" at some later, unrelated moment. Keep the pin in pyproject.toml until fixed.
    orphan = QObject()
    before = sys.getrefcount(None)
    for _ in range(100):
        assert orphan.findChild(QObject, "nothing") is None
        assert orphan.parent() is None
        assert orphan.property("nothing") is None
    assert sys.getrefcount(None) - before >= 0

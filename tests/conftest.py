"""Test-wide set-up: Qt offscreen with the software renderer, the virtual keyboard, strict Qt logs."""

import os

import pytest
from PySide6.QtGui import QGuiApplication

from kiosk.ui.app import prepare_qt

# The same Qt set-up as `kiosk run --platform offscreen`, made before pytest-qt creates the application.
prepare_qt(os.environ.get("QT_QPA_PLATFORM", "offscreen").split(":")[0] or "offscreen", (1080, 1920))


@pytest.fixture(scope="session")
def qapp_cls():
    """The kiosk is a Qt Quick application: QGuiApplication, no widgets."""
    return QGuiApplication

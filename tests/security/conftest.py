"""The claims of docs/threat-model.md are tested on the real kiosk: its screens (offscreen), its store, its
transport, its maintenance entry. The fixtures are the ones the kiosk's own tests use."""

# Fixtures are imported by name: pytest finds them in this module's namespace.
# ruff: noqa: F401

import pytest

from kiosk import build_flavour
from tests.kiosk.conftest import clock, log_lines
from tests.kiosk.maintenance.kiosks import make_tech_kiosk, tech_kiosk
from tests.kiosk.ui.conftest import kiosk, make_kiosk, sim_devices
from tests.kiosk.ui.test_keyboard import search


@pytest.fixture
def production(monkeypatch):
    """This test runs as the packaged build does (the marker kiosk/_production is there)."""
    monkeypatch.setattr(build_flavour, "PRODUCTION", True)

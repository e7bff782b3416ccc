"""A real kiosk shell (QML engine, adapters, translations) on a fake clock, for each test."""

import io
import json

import pytest

from kiosk.config import load_config
from kiosk.log import configure_logging
from kiosk.ui.app import KioskApp
from kiosk.ui.screenshot import FakeClock


class LogLines:
    """The JSON log lines the application wrote, for assertions on named events."""

    def __init__(self):
        self.stream = io.StringIO()

    def events(self, name=None):
        lines = [json.loads(line) for line in self.stream.getvalue().splitlines() if line.strip()]
        return [e for e in lines if name is None or e["event"] == name]

    def text(self):
        return self.stream.getvalue()


@pytest.fixture
def log_lines():
    lines = LogLines()
    configure_logging("debug", stream=lines.stream)
    yield lines
    configure_logging("info", stream=io.StringIO())


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def make_kiosk(qapp, tmp_path, clock, log_lines):
    made = []

    def make(size=(1080, 1920), toml=""):
        path = tmp_path / "kiosk.toml"
        path.write_text(toml, encoding="utf-8")
        config = load_config(path, env={}, simulate=True)
        kapp = KioskApp(config, voice_engine="mock", full_screen=False, size=size, clock=clock)
        made.append(kapp)
        return kapp

    yield make
    for kapp in made:
        kapp.close()
    qapp.processEvents()


@pytest.fixture
def kiosk(make_kiosk):
    return make_kiosk()

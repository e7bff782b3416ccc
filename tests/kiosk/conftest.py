"""What the kiosk's tests share: the JSON log lines the application wrote, a fake clock, and the
environment a `kiosk` subprocess runs in (its own folders, offline, mock voice)."""

import io
import json
import os

import pytest

from kiosk.log import configure_logging
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
def env(tmp_path):
    # PCSCLITE_CSOCK_NAME: the pcscd this test process talks to; a kiosk started here chooses its own
    e = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK__") and k != "PCSCLITE_CSOCK_NAME"}
    e.update(
        HOME=str(tmp_path / "home"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        QT_QPA_PLATFORM="offscreen",
        KIOSK__STORE__DATA_DIR=str(tmp_path / "store"),
        KIOSK__UI__VOICE_ENGINE="mock",
        KIOSK__CENTRAL__URL="http://127.0.0.1:9",  # nothing listens there: the kiosk is offline
    )
    return e

"""Maintenance tests: JSON log lines to assert on, a fake clock, and a real store in a temporary folder."""

import io
import json

import pytest

from kiosk.log import configure_logging
from kiosk.store import Store
from kiosk.ui.screenshot import FakeClock


class LogLines:
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
def open_store(tmp_path):
    """Open the store in tmp_path/data (again: a restart); every one opened is closed after the test."""
    opened = []

    def open_():
        store = Store.open(tmp_path / "data")
        opened.append(store)
        return store

    yield open_
    for store in opened:
        store.close()

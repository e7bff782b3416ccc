"""Maintenance tests: a real store in a temporary folder (log lines and the clock: tests/kiosk/conftest.py)."""

import pytest

from kiosk.store import Store


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

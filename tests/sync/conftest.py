"""Fixtures for sync tests: a real migrated store, a sealer with its own key file, the reference central
server on a free loopback port, and an agent wired to them with fast (but real) backoff."""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from kiosk.log import log_event
from kiosk.store import Store
from sync.agent import AgentSettings, SyncAgent
from sync.central import CentralServer
from sync.client import CentralClient
from sync.sealing import Sealer
from sync.transport import RequestsTransport

TERMINAL = "t-0001"
FAST = AgentSettings(max_events=100, backoff_base_s=0.001, backoff_cap_s=0.01, poll_s=0.01, heartbeat_s=3600,
                     pull_s=3600)


def wait_until(condition: Callable[[], bool], timeout_s: float = 20.0, what: str = "condition") -> None:
    """Wait for `condition` (checked on a short event wait, never a blind sleep); fail naming `what`."""
    deadline = time.monotonic() + timeout_s
    tick = threading.Event()
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {timeout_s} s waiting for {what}")
        tick.wait(0.005)


class Recorder:
    """An agent's event sink that also writes through the kiosk's log catalogue (so names are checked)."""

    def __init__(self) -> None:
        self.events: list[tuple[str, dict[str, Any]]] = []

    def __call__(self, name: str, **fields: Any) -> None:
        log_event(name, **fields)
        self.events.append((name, fields))

    def named(self, name: str) -> list[dict[str, Any]]:
        return [fields for n, fields in list(self.events) if n == name]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "data") as opened:
        yield opened


@pytest.fixture
def sealer(tmp_path: Path) -> Sealer:
    return Sealer.from_key_file(tmp_path / "keys" / "seal.key")


@pytest.fixture
def central(tmp_path: Path) -> Iterator[CentralServer]:
    with CentralServer(tmp_path / "central" / "central.db", port=0) as server:
        yield server


def make_client(url: str, terminal: str = TERMINAL, timeout_s: float = 5.0) -> CentralClient:
    return CentralClient(RequestsTransport(url), terminal_id=terminal, timeout_s=timeout_s)


@pytest.fixture
def client(central: CentralServer) -> CentralClient:
    return make_client(central.url)


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def start_agent(store: Store, sealer: Sealer, recorder: Recorder) -> Iterator[Callable[..., SyncAgent]]:
    agents: list[SyncAgent] = []

    def start(client: CentralClient, **kwargs: Any) -> SyncAgent:
        kwargs.setdefault("settings", FAST)
        kwargs.setdefault("rng", random.Random(7))
        agent = SyncAgent(store.path, client, sealer=sealer, on_event=recorder, **kwargs).start()
        agents.append(agent)
        return agent

    yield start
    for agent in agents:
        agent.stop()


def central_event_ids(server: CentralServer, terminal: str = TERMINAL) -> list[str]:
    return server.ctx.db.read(lambda c: [r[0] for r in c.execute(
        "SELECT id FROM events WHERE terminal = ? ORDER BY rowid", (terminal,))])

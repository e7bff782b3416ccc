"""The sd_notify client: what systemd receives on a real AF_UNIX datagram socket, and what happens without one.

A hung kiosk is restarted only if systemd hears WATCHDOG=1 while the kiosk is healthy; a wrong socket address
or a message systemd never receives would leave a frozen screen in a hall all night.
"""

import socket
import uuid
from pathlib import Path

import pytest

from kiosk.watchdog import Notifier, ping_interval_s


@pytest.fixture
def notify_socket(tmp_path: Path):
    """A stand-in for systemd's notify socket: a bound datagram socket we read from."""
    path = tmp_path / "notify"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind(str(path))
        sock.settimeout(5)
        yield str(path), sock


def test_ready_ping_and_stopping_reach_systemd_in_order(notify_socket):
    address, sock = notify_socket
    notifier = Notifier.from_environment({"NOTIFY_SOCKET": address})

    assert notifier.enabled
    assert notifier.ready().ok and notifier.ping().ok and notifier.stopping().ok
    assert [sock.recv(4096) for _ in range(3)] == [b"READY=1", b"WATCHDOG=1", b"STOPPING=1"]


def test_an_abstract_socket_address_is_reached():
    name = f"kiosk-test-{uuid.uuid4().hex}"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind(b"\0" + name.encode())
        sock.settimeout(5)

        result = Notifier(f"@{name}").ping()

        assert result.ok and result.value is True
        assert sock.recv(4096) == b"WATCHDOG=1"


def test_without_notify_socket_every_call_is_a_no_op():
    notifier = Notifier.from_environment({})

    assert not notifier.enabled
    for result in (notifier.ready(), notifier.ping(), notifier.stopping()):
        assert result.ok and result.value is False


def test_a_vanished_socket_is_a_failure_not_an_exception(tmp_path: Path):
    result = Notifier(str(tmp_path / "gone")).ping()

    assert not result.ok
    assert result.code == "watchdog.notify_failed"
    assert str(tmp_path / "gone") in result.detail


def test_a_malformed_address_is_named_in_the_failure():
    result = Notifier("relative/notify").ready()

    assert not result.ok
    assert result.code == "watchdog.notify_socket_bad"
    assert "relative/notify" in result.detail


@pytest.mark.parametrize(("env", "expected"), [
    ({"WATCHDOG_USEC": "30000000"}, 15.0),                          # WatchdogSec=30: ping every 15 s
    ({"WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "1"}, 15.0),     # cage is the main process, not us
    ({}, None),
    ({"WATCHDOG_USEC": "0"}, None),
    ({"WATCHDOG_USEC": "soon"}, None),
])
def test_ping_interval_is_half_the_watchdog_timeout(env, expected):
    assert ping_interval_s(env) == expected


def test_from_environment_reads_the_process_environment(monkeypatch, notify_socket):
    address, sock = notify_socket
    monkeypatch.setenv("NOTIFY_SOCKET", address)

    assert Notifier.from_environment().ready().ok
    assert sock.recv(4096) == b"READY=1"

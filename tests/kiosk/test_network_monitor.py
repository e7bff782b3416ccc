"""The network state the attract screen shows comes from a real HTTP probe of the central platform."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from kiosk.network_monitor import NetworkMonitor, probe


class Central(BaseHTTPRequestHandler):
    status = 200

    def do_GET(self):  # noqa: N802
        self.send_response(self.status if self.path == "/health" else 404)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def central():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Central)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join()


def test_probe_answers(central):
    assert probe(central, 2.0)
    assert not probe("http://127.0.0.1:9", 2.0)


def test_monitor_reports_online_and_waiting_records(qtbot, central):
    waiting = {"n": 4}
    monitor = NetworkMonitor(central, 3600, 2.0, waiting=lambda: waiting["n"])
    with qtbot.waitSignal(monitor.changed, timeout=10000) as changed:
        monitor.start()
    assert changed.args == [True, 4]
    monitor.stop()


def test_monitor_reports_offline_when_the_platform_answers_garbage(qtbot, central):
    Central.status = 500
    try:
        monitor = NetworkMonitor(central, 3600, 2.0, waiting=lambda: 2)
        with qtbot.waitSignal(monitor.changed, timeout=10000) as changed:
            monitor.start()
        assert changed.args == [False, 2]
        monitor.stop()
    finally:
        Central.status = 200


def test_the_pinned_probe_finds_a_platform_whose_ca_is_pinned_and_refuses_one_signed_by_another(tmp_path):
    # The terminal's own CA is private: "online" must mean the sync agent can talk to it, not the public CA list.
    from sync.central.serve import CentralServer, TlsFiles
    from sync.devpki import make_dev_pki

    from kiosk.config.schema import CentralConfig
    from kiosk.network_monitor import pinned_probe

    ours, theirs = make_dev_pki(tmp_path / "ours"), make_dev_pki(tmp_path / "theirs")
    with CentralServer(tmp_path / "central.db", port=0, tls=TlsFiles(ours.server_cert, ours.server_key)) as server:
        pinned = pinned_probe(CentralConfig(url=server.url, ca_file=str(ours.ca_cert)))
        other = pinned_probe(CentralConfig(url=server.url, ca_file=str(theirs.ca_cert)))
        assert pinned(server.url, 5.0) is True
        assert other(server.url, 5.0) is False

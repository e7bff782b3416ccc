"""The sync agent of a running kiosk: the client for the configured central platform, the store's sealing
key, the pinned bundle key, and device statuses for heartbeats. It forwards the outbox in the background, for ever, and is woken
as soon as a flow has written a record."""

from __future__ import annotations

from pathlib import Path

from kiosk.log import log_event

KEY_FILE = ("keys", "store.key")


def store_sealer(store):
    """The key that seals personal data in this store (created 0600 on first use)."""
    from sync.sealing import Sealer

    return Sealer.from_key_file(store.path.parent.joinpath(*KEY_FILE))


def central_transport(central, url: str | None = None):
    """The transport to the platform of `central` (a CentralConfig): its CA pinned, this terminal's
    certificate for mutual TLS; `url` instead of central.url when given."""
    from sync.transport import RequestsTransport

    cert = (Path(central.client_cert), Path(central.client_key)) if central.client_cert else None
    return RequestsTransport(url or central.url, ca_file=Path(central.ca_file) if central.ca_file else None,
                             client_cert=cert)


def central_client(config):
    from sync.client import CentralClient

    return CentralClient(central_transport(config.central), terminal_id=config.terminal.terminal_id,
                         timeout_s=config.central.timeout_s)


def start_agent(config, store, devices=None):
    from kiosk.diag.health import Health
    from sync.agent import SyncAgent

    health = Health(devices)  # statuses and self-tests' faults, for heartbeats (kiosk/diag/health.py)
    agent = SyncAgent(store.path, central_client(config), sealer=store_sealer(store), on_event=log_event,
                      devices=health.snapshot, bundle_keys=bundle_keys(config))
    health.wire(agent)
    return agent.start()


def bundle_keys(config):
    """The pinned bundle key of [central] bundle_key_file; none configured, or a file that is not an Ed25519
    public key (logged), and no bundle is pulled: the last good bundles stay in force."""
    from sync.bundles import load_public_keys

    key_file = config.central.bundle_key_file
    if not key_file:
        return []
    try:
        return load_public_keys([Path(key_file)])
    except ValueError as e:
        log_event("sync.bundle_key_refused", path=key_file, detail=str(e))
        return []


class PlatformRefresher:
    """The central platform as the flows see it (kiosk/flow_platform.py), with its pickup records pulled
    now and every `every_s` seconds on a thread of its own, so the locker wall works offline."""

    def __init__(self, config, every_s: float = 300.0, on_key=lambda key: None) -> None:
        import threading

        from kiosk.flow_platform import CentralPlatform, read_pickup_key

        self.platform = CentralPlatform(central_client(config), on_event=log_event)
        key_file = config.central.pickup_key_file
        self.pickup_key = read_pickup_key(Path(key_file)) if key_file else b""
        self._every_s, self._on_key = every_s, on_key
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="platform-refresh", daemon=True)

    def set_on_key(self, on_key) -> None:
        self._on_key = on_key

    def start(self) -> PlatformRefresher:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(10)

    def _run(self) -> None:
        while not self._stop.is_set():
            if not self.pickup_key:  # development: no pinned key configured, ask the platform
                fetched = self.platform.fetch_pickup_key()
                if fetched.ok:
                    self.pickup_key = fetched.value
                    self._on_key(fetched.value)
            self.platform.refresh()
            self._stop.wait(self._every_s)

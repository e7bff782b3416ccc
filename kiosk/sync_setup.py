"""The sync agent of a running kiosk: the client for the configured central platform, the store's sealing
key, and device statuses for heartbeats. It forwards the outbox in the background, for ever, and is woken
as soon as a flow has written a record."""

from __future__ import annotations

from pathlib import Path

from kiosk.log import log_event

KEY_FILE = ("keys", "store.key")


def store_sealer(store):
    """The key that seals personal data in this store (created 0600 on first use)."""
    from sync.sealing import Sealer

    return Sealer.from_key_file(store.path.parent.joinpath(*KEY_FILE))


def central_client(config):
    from sync.client import CentralClient
    from sync.transport import RequestsTransport

    central = config.central
    cert = (Path(central.client_cert), Path(central.client_key)) if central.client_cert else None
    transport = RequestsTransport(central.url, ca_file=Path(central.ca_file) if central.ca_file else None,
                                  client_cert=cert)
    return CentralClient(transport, terminal_id=config.terminal.terminal_id, timeout_s=central.timeout_s)


def start_agent(config, store, devices=None):
    from sync.agent import SyncAgent

    def statuses() -> dict[str, str]:
        return {n: v.status.state.value for n, v in devices.snapshot().items()} if devices is not None else {}

    agent = SyncAgent(store.path, central_client(config), sealer=store_sealer(store), on_event=log_event,
                      devices=statuses)
    return agent.start()

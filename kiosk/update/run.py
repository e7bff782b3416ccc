"""Updates in a running kiosk: called once `kiosk run` has started everything (first frame, devices, sync).

Writes the health report the installer waits for after an update, then starts the updater when a bundle
key is pinned ([central] bundle_key_file): without one no signed bundle can be trusted, so nothing is
installed either.
"""

from __future__ import annotations

from kiosk.health_report import report_healthy
from kiosk.log import log_event
from kiosk.update.updater import Updater


def start_updates(config, store, kapp, keys) -> Updater | None:
    """`keys`: the pinned bundle keys, as the sync agent loaded them (read once, a bad file logged once)."""
    from kiosk.sync_setup import central_client
    from kiosk.update.hold import UiHold

    data_dir = store.path.parent
    report_healthy(data_dir)
    if not keys:
        log_event("update.off", reason="no bundle key is pinned ([central] bundle_key_file)")
        return None
    hold = UiHold(kapp.shell, maintenance_open=lambda: kapp.maintenance.screen != "")
    return Updater(store.path, data_dir, central_client(config), keys, hold=hold, on_event=log_event).start()

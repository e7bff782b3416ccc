"""Technician cards on the PC/SC reader: the keys that prove them, and the watch that hands their ids on.

    keys = configured_keys(config.maintenance)       # [maintenance] technician_keys, or no keys at all
    watch = start_technician_watch(devices, keys, kapp.maintenance.present_technician)
    ...
    watch.stop()

A technician card proves its id by answering a fresh challenge with its key (drivers/pcsc/technician.py).
The kiosk holds one key per technician in a small TOML file, readable by the kiosk user only:

    "T-0042" = "8f1c...e2"        # 32 to 64 hex digits (16 to 32 bytes)

The watch runs on the reader's own device thread, through the DeviceManager: one short job at a time that
waits for a card event (at most WAIT_S, so other requests for the reader wait no longer than that) and queues
itself again. A card coming in is checked there; a proven id goes to `on_technician`, still on that thread
(the UI layer hands it to Qt with a queued signal), and from there to the maintenance gate, which lets in
only the ids listed in [maintenance] technician_cards. While pcscd or the reader is gone the job stops, and
the reader's next status change (it reconnects by itself) starts it again.

The watch owns the reader's card events: a future flow that reads citizens' cards on the same reader takes
its cards from here, not from a second waiter.
"""

from __future__ import annotations

import stat
import threading
import tomllib
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import Any, Self

from drivers.errors import Failure, Ok, Result, register
from drivers.pcsc.reader import CardInserted
from drivers.pcsc.technician import ID_LIMIT, TechnicianKeys, check_technician
from drivers.status import State
from kiosk.config.locate import locate
from kiosk.config.schema import MaintenanceConfig
from kiosk.log import log_event

register({
    "maintenance.technician_keys_unreadable": "The technician card keys file cannot be read.",
    "maintenance.technician_keys_invalid": "The technician card keys file is not a valid list of keys.",
})

#: Seconds one watch job waits for a card event; other requests for the reader wait at most this long.
WAIT_S = 0.25
#: Failures that mean "a technician card, but not one this kiosk accepts" (a security event, not a plain card).
REFUSALS = ("pcsc.technician_unknown", "pcsc.technician_rejected")
MIN_KEY_BYTES = 16


def _invalid(detail: str) -> Failure:
    return Failure("maintenance.technician_keys_invalid", detail)


def load_technician_keys(path: Path) -> Result[TechnicianKeys]:
    """The keys in `path`. A failure names the file (and the line); it never shows a key."""
    try:
        mode = path.stat().st_mode
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        return Failure("maintenance.technician_keys_unreadable", f"{path}: {e.strerror or e}")
    except UnicodeDecodeError:
        return _invalid(f"{path}: not UTF-8 text")
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        return _invalid(f"{path}: other users may read it (mode {stat.S_IMODE(mode):04o}); it holds secrets, "
                        "make it the kiosk user's only (chmod 600)")
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        message, _, where = str(e).partition(" (at line ")
        line = where.split(",")[0] if where else "?"
        return _invalid(f"{path}:{line}: not valid TOML ({message})")
    keys: dict[str, bytes] = {}
    for technician_id, value in raw.items():
        found = locate(text, (technician_id,))
        where = f"{path}:{found.line}" if found else str(path)
        if not (0 < len(technician_id) <= ID_LIMIT and technician_id.isascii() and technician_id.isprintable()):
            return _invalid(f"{where}: a technician id is 1-{ID_LIMIT} printable ASCII characters, such as "
                            '"T-0042"')
        if not isinstance(value, str):
            return _invalid(f"{where}: technician {technician_id!r}: the key is a text of hex digits, in quotes")
        try:
            key = bytes.fromhex(value)
        except ValueError:
            return _invalid(f"{where}: technician {technician_id!r}: the key is not hex digits")
        if len(key) < MIN_KEY_BYTES:
            return _invalid(f"{where}: technician {technician_id!r}: the key has {len(key)} bytes; it needs at "
                            f"least {MIN_KEY_BYTES} ({2 * MIN_KEY_BYTES} hex digits)")
        keys[technician_id] = key
    return Ok(TechnicianKeys(keys))


def configured_keys(maintenance: MaintenanceConfig) -> TechnicianKeys:
    """The configured keys; none (every technician card refused) when there is no file or it is refused."""
    if maintenance.technician_keys is None:
        return TechnicianKeys({})
    path = Path(maintenance.technician_keys)
    loaded = load_technician_keys(path)
    if isinstance(loaded, Failure):
        log_event("maintenance.technician_keys_refused", path=str(path), code=loaded.code, detail=loaded.detail)
        return TechnicianKeys({})
    return loaded.value


class TechnicianWatch:
    """Watches the PC/SC reader `device` of `devices` (a DeviceManager) for technician cards."""

    def __init__(self, devices: Any, device: str, keys: TechnicianKeys, on_technician: Callable[[str], None],
                 *, wait_s: float = WAIT_S) -> None:
        self._devices, self.device, self._keys = devices, device, keys
        self._on_technician = on_technician
        self._wait_s = wait_s
        self._lock = threading.Lock()
        self._looping = False
        self._stopped = False

    def start(self) -> Self:
        self._devices.on_status(self._status_changed)
        log_event("pcsc.watch_started", device=self.device, technicians=len(self._keys.keys))
        self._kick()
        return self

    def stop(self) -> None:
        """No card is checked after this; a wait under way ends within WAIT_S."""
        with self._lock:
            self._stopped = True

    # ---- the job on the reader's thread ---------------------------------------------------------

    def _status_changed(self, view: Any) -> None:
        if view.name == self.device and view.status.state is not State.DISCONNECTED:
            self._kick()  # the reader is back (or opened late): watch it again

    def _kick(self) -> None:
        with self._lock:
            if self._stopped or self._looping:
                return
            self._looping = True
        self._submit()

    def _submit(self) -> None:
        self._devices.call(self.device, self._step).add_done_callback(self._finished)

    def _finished(self, future: Future) -> None:
        error = future.exception()
        if error is not None:
            log_event("pcsc.watch_failed", device=self.device, error=error)
        again = error is None and bool(future.result())
        with self._lock:
            again = again and not self._stopped
            self._looping = again
        if again:
            self._submit()  # queued behind any request that came meanwhile

    def _step(self, reader: Any) -> bool:
        """One wait for a card event; False when the reader is gone (its comeback restarts the watch)."""
        if self._stopped:
            return False
        event = reader.wait_for_event(self._wait_s)
        if isinstance(event, Failure):
            return False
        if isinstance(event.value, CardInserted) and not self._stopped:
            self._check(reader)
        return True

    def _check(self, reader: Any) -> None:
        result = check_technician(reader, self._keys)
        reader.release()  # the card stays in; whoever needs it next connects again
        if isinstance(result, Ok):
            technician_id = result.value.technician_id
            self._on_technician(technician_id)
            log_event("pcsc.technician_proven", device=self.device, technician=technician_id)  # handed on
        elif result.code in REFUSALS:
            log_event("pcsc.technician_refused", device=self.device, code=result.code)
        else:
            log_event("pcsc.card_not_technician", device=self.device, code=result.code)


def start_technician_watch(devices: Any, keys: TechnicianKeys,
                           on_technician: Callable[[str], None]) -> TechnicianWatch | None:
    """Watch the first configured PC/SC reader for technician cards; None when the kiosk has none."""
    name = devices.first("pcsc_reader")
    if name is None:
        return None
    return TechnicianWatch(devices, name, keys, on_technician).start()

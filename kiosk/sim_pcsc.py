"""The simulated PC/SC readers of a simulated run: a private pcscd with vpcd readers, and our card in them.

The kiosk's own PcscReader talks to a real pcscd through the real pyscard; only the card is simulated
(drivers/pcsc: PcscDaemon, CardEmulator, VirtualCard). One pcscd has two virtual readers, so a simulated
run serves its first two simulated PC/SC readers; kiosk/sim_hub.py exposes each as:

    CardSlot   the actions (`kiosk sim do DEVICE ACTION`, the developer panel): insert_technician_card,
               insert_forged_technician_card, insert_card, remove_card, pull_out_on_next_apdu
    PcscPort   `<sim dir>/<device name>`, a file holding the virtual reader's PC/SC name (the kiosk's driver
               opens that reader); unplug and replug stop and start pcscd

A process talks PC/SC to one pcscd only: libpcsclite reads PCSCLITE_CSOCK_NAME at the first call and keeps
it. So the simulators' pcscd must listen where this process's client goes. When PCSCLITE_CSOCK_NAME is unset
it is set to the new pcscd's socket (before the kiosk's devices start); when it is set already, pcscd starts
at that same socket if it is a simulator's one from earlier in this process, and otherwise the reader is
left unserved, with the reason in the log. pcscd needs root (it runs in a private mount namespace).
"""

from __future__ import annotations

import os
import secrets
import signal
import socket
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from drivers.errors import Failure
from drivers.pcsc.pcscd import PcscDaemon, PcscdError
from drivers.pcsc.simcard import VirtualCard, blank_card, technician_card
from drivers.pcsc.technician import TechnicianKeys
from drivers.pcsc.vicc import CardEmulator

PCSC_KIND = "pcsc_reader"
#: pcscd calls its two virtual readers "Kiosk sim 00 00" and "Kiosk sim 00 01"
SIM_READERS = "Kiosk sim"
SOCKET_ENV = "PCSCLITE_CSOCK_NAME"
#: the technician on a simulated card when the kiosk has no keys (the kiosk refuses that card)
SAMPLE_TECHNICIAN = "T-0042"


class ActionFailed(Exception):
    """A simulator action could not be done; the message says why (for `kiosk sim do` and the panel)."""


class CardSlot:
    """What is in one simulated PC/SC reader. The public methods are the actions."""

    def __init__(self, emulator: CardEmulator, keys: TechnicianKeys | None) -> None:
        self._emulator = emulator
        self._keys = keys.keys if keys is not None else {}

    def insert_technician_card(self, technician_id: str | None = None) -> str:
        """A genuine card of `technician_id` (default: the kiosk's first technician); a technician the kiosk
        has no key for gets a card with a key of its own, which the kiosk refuses."""
        technician_id, key = self._technician(technician_id)
        return self._insert(technician_card(technician_id, key))

    def insert_forged_technician_card(self, technician_id: str | None = None) -> str:
        """A card that claims a known technician's id but does not hold the key (a copied card)."""
        technician_id, key = self._technician(technician_id)
        return self._insert(technician_card(technician_id, bytes(b ^ 0x5A for b in key)))

    def insert_card(self) -> str:
        """A plain contactless card (a staff badge, a bank card): not a technician card."""
        return self._insert(blank_card())

    def remove_card(self) -> None:
        self._emulator.remove()

    def pull_out_on_next_apdu(self) -> None:
        """The card leaves the reader in the middle of the next command (pulled out while read)."""
        self._emulator.pull_out_on_next_apdu()

    def snapshot(self) -> dict[str, object]:
        return self._emulator.snapshot()

    def close(self) -> None:
        self._emulator.stop()

    def _technician(self, technician_id: str | None) -> tuple[str, bytes]:
        if technician_id is None:
            technician_id = min(self._keys, default=SAMPLE_TECHNICIAN)
        return technician_id, self._keys.get(technician_id) or secrets.token_bytes(32)

    def _insert(self, card: VirtualCard) -> str:
        inserted = self._emulator.insert(card)
        if isinstance(inserted, Failure):
            raise ActionFailed(f"{inserted.code}: {inserted.detail}")
        return card.label


class PcscPort:
    """Where the kiosk finds a simulated reader (`link` holds its PC/SC name), and the pcscd behind it."""

    def __init__(self, daemon: PcscDaemon, link: Path, reader: str, *, owned: bool) -> None:
        self.daemon, self.link, self.owned = daemon, link, owned
        link.write_text(reader + "\n", encoding="utf-8")

    @property
    def plugged(self) -> bool:
        return self.daemon.running if self.owned else True

    def unplug(self) -> None:
        """Stops pcscd: every simulated PC/SC reader goes (DISCONNECTED), as when pcscd dies."""
        self._own("unplug")
        self.daemon.stop()

    def replug(self) -> None:
        self._own("replug")
        if not self.daemon.running:
            try:
                self.daemon.start()
            except PcscdError as e:
                raise ActionFailed(str(e).splitlines()[0]) from None

    def stop(self) -> None:
        self.link.unlink(missing_ok=True)

    def _own(self, action: str) -> None:
        if not self.owned:
            raise ActionFailed(f"pcscd at {self.daemon.socket_path} is not the simulators' own: they cannot "
                               f"{action} it")


@dataclass
class ServedPcsc:
    slots: dict[str, tuple[CardSlot, PcscPort]] = field(default_factory=dict)
    unserved: dict[str, tuple[str, str]] = field(default_factory=dict)  # name -> (code, reason)
    stop: Callable[[], None] = lambda: None


def serve_pcsc(folder: Path, names: Iterable[str], *, pcscd: PcscDaemon | None = None,
               keys: TechnicianKeys | None = None) -> ServedPcsc:
    """A card slot on a virtual reader for each of `names` (two at most), on `pcscd` or on a pcscd of ours."""
    names = list(names)
    served = ServedPcsc()
    daemon, owned, problem = process_pcscd(folder / "pcscd", pcscd)
    if daemon is None:
        served.unserved = {name: problem for name in names}
        return served
    for index, name in enumerate(names):
        if index >= len(daemon.readers):
            served.unserved[name] = ("sim.pcsc_no_reader_left",
                                     f"one pcscd has {len(daemon.readers)} virtual readers, and they are taken")
            continue
        emulator = CardEmulator(port=daemon.port + index)  # vpcd: reader i listens on port + i
        served.slots[name] = (CardSlot(emulator, keys), PcscPort(daemon, folder / name, daemon.readers[index],
                                                                 owned=owned))
    served.stop = daemon.stop if owned else (lambda: None)
    return served


def process_pcscd(workdir: Path, given: PcscDaemon | None) -> tuple[PcscDaemon | None, bool, tuple[str, str]]:
    """(daemon, started by us, ("", "")) or (None, False, (code, reason)): the pcscd this process's PC/SC
    client reaches, with the simulators' virtual readers."""
    bound = os.environ.get(SOCKET_ENV)
    if given is not None:
        if bound is not None and bound != str(given.socket_path):
            return None, False, _elsewhere(bound)
        os.environ[SOCKET_ENV] = str(given.socket_path)
        return given, False, ("", "")
    if bound is not None:
        path = Path(bound)
        if path.name != "pcscd.comm" or path.parent.name != "run" or pcscd_answers(path):
            return None, False, _elsewhere(bound)
        workdir = path.parent.parent  # a simulators' pcscd of this process ran there: the same socket again
    if os.geteuid() != 0:
        why = "a simulated PC/SC reader needs root: its pcscd runs in a private mount namespace (or use a real reader)"
        return None, False, ("sim.pcscd_needs_root", why)
    daemon = PcscDaemon(workdir, name=SIM_READERS)
    _end_left_behind(daemon)
    try:
        daemon.start()
    except PcscdError as e:
        return None, False, ("sim.pcscd_failed", " ".join(str(e).split()))
    os.environ[SOCKET_ENV] = str(daemon.socket_path)  # before the kiosk's first PC/SC call
    return daemon, True, ("", "")


def _end_left_behind(daemon: PcscDaemon, timeout_s: float = 5.0) -> None:
    """Ends a pcscd that a simulated run killed without warning left running in this folder (it would keep the
    socket folder, and the new pcscd would refuse to start). Only ours: its command line names our folder."""
    try:
        pid = int((daemon.socket_dir / "pcscd.pid").read_text().split()[0])
        command = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except (OSError, ValueError, IndexError):
        return
    if str(daemon.config_dir).encode() not in command:
        return
    os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline and _alive(pid):
        time.sleep(0.02)


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


def _elsewhere(bound: str) -> tuple[str, str]:
    why = f"this process talks PC/SC to the pcscd at {bound} ({SOCKET_ENV}), which the simulators did not start"
    return "sim.pcsc_bound_elsewhere", why


def pcscd_answers(path: Path) -> bool:
    """Something listens on the pcscd socket at `path`."""
    with socket.socket(socket.AF_UNIX) as probe:
        try:
            probe.connect(str(path))
        except OSError:
            return False
        return True

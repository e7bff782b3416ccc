"""Which driver object serves a configured device, and on which port.

A simulated device ("sim") is opened on the pseudo-terminal kiosk/sim_hub.py serves for it at
`<sim_dir>/<device name>`, exactly as a real one is opened on its configured port. A PC/SC reader's port is
its PC/SC name; for a simulated one the hub writes the name of its virtual reader in that file. Kinds whose drivers are
not part of the kiosk yet are left out (`buildable` says which).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from drivers.transport import SerialTransport
from kiosk.config.schema import SIM_DRIVER, DeviceConfig

#: Serial speed of each kind when the configuration names none (the devices' factory defaults).
DEFAULT_SPEED = {"id_reader": 115200, "fingerprint": 57600, "qr_scanner": 9600}


def port_of(name: str, device: DeviceConfig, sim_dir: Path) -> str:
    return str(sim_dir / name) if device.driver == SIM_DRIVER else str(device.port)


def _transport(name: str, device: DeviceConfig, sim_dir: Path, speed: int) -> SerialTransport:
    return SerialTransport(port_of(name, device, sim_dir), device.speed or speed, device=name)


def _id_reader(name: str, device: DeviceConfig, sim_dir: Path) -> Any:
    from drivers.idcard.driver import IdCardReader

    return IdCardReader(_transport(name, device, sim_dir, DEFAULT_SPEED["id_reader"]))


def _fingerprint(name: str, device: DeviceConfig, sim_dir: Path) -> Any:
    from drivers.fingerprint.driver import FingerprintDriver

    extra = {} if device.address is None else {"address": device.address}
    return FingerprintDriver(_transport(name, device, sim_dir, DEFAULT_SPEED["fingerprint"]), **extra)


def _locker(name: str, device: DeviceConfig, sim_dir: Path) -> Any:
    from drivers.locker.board import board_protocol
    from drivers.locker.driver import LockerDriver
    from drivers.locker.simulator import DEFAULT_WALL
    from drivers.locker.wall import LockerWall

    protocol = board_protocol(device.family or "kerong_cu16")
    wall = LockerWall.from_dict(device.wall() or DEFAULT_WALL)
    return LockerDriver(_transport(name, device, sim_dir, protocol.baudrate), wall, protocol)


def _scanner(name: str, device: DeviceConfig, sim_dir: Path) -> Any:
    if device.driver == "evdev":  # a USB keyboard-wedge scanner, grabbed so its keys never reach the UI
        from drivers.scanner.wedge import WedgeScanner

        return WedgeScanner(str(device.port), device=name)
    from drivers.scanner.driver import ScannerDriver

    return ScannerDriver(_transport(name, device, sim_dir, DEFAULT_SPEED["qr_scanner"]))


def _printer(name: str, device: DeviceConfig, sim_dir: Path) -> Any:
    from drivers.printer.driver import PrinterDriver
    from drivers.printer.links import make_link

    return PrinterDriver(make_link(device.driver, port_of(name, device, sim_dir), speed=device.speed, device=name))


def sim_pcsc_reader(link: Path) -> str:
    """The PC/SC name of the simulated reader kiosk/sim_hub.py serves at `link` (it writes the name there)."""
    try:
        return link.read_text(encoding="utf-8").strip()
    except OSError:
        return f"simulated reader {link.name} (not served: see the sim.pcsc_unserved log line)"


def _pcsc_reader(name: str, device: DeviceConfig, sim_dir: Path) -> Any:
    from drivers.pcsc.reader import PcscReader

    if device.driver == SIM_DRIVER:
        return PcscReader(sim_pcsc_reader(sim_dir / name))
    return PcscReader(device.port)  # the reader's PC/SC name, or the start of it ("ACS ACR39U ICC Reader")


BUILDERS: dict[str, Callable[[str, DeviceConfig, Path], Any]] = {
    "id_reader": _id_reader,
    "fingerprint": _fingerprint,
    "locker": _locker,
    "qr_scanner": _scanner,
    "printer": _printer,
    "pcsc_reader": _pcsc_reader,
}


def buildable(device: DeviceConfig) -> bool:
    return device.kind in BUILDERS


def build(name: str, device: DeviceConfig, sim_dir: Path) -> Any:
    """The driver for `device`, not yet opened (opening is the worker's job, on its own thread)."""
    return BUILDERS[device.kind](name, device, sim_dir)


def sim_state(device: DeviceConfig) -> dict | None:
    """The simulator's starting state that matches the configuration (a locker's wall and board family)."""
    if device.kind == "locker":
        state: dict = {"family": device.family or "kerong_cu16"}
        if device.wall() is not None:
            state["wall"] = device.wall()
        return state
    return None

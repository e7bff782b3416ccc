"""One self-test per kind of device: a clear pass or fail, the error code, and the evidence.

Each test runs on the device's own thread (DeviceManager.call) with the kiosk's driver, so it tests exactly
what a citizen's service would use. Evidence never holds personal data: a card's ID number is masked to its
first 6 and last 4 characters, a scanned code is given by its length only, a contactless card's UID by its
length and last two bytes. (The camera's test is kiosk/diag/camera_test.py: the camera is not a manager's
device.)
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from drivers.errors import ERROR_CODES, Failure
from drivers.idcard.idnumber import mask


@dataclass(frozen=True)
class SelfTest:
    passed: bool
    summary: str                 # one English line for the technician
    code: str | None = None      # the error code when it failed
    evidence: Mapping[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict:
        return {"passed": self.passed, "summary": self.summary, "code": self.code,
                "description": ERROR_CODES.get(self.code, "") if self.code else "",
                "evidence": dict(self.evidence)}


def failed(result: Failure, what: str) -> SelfTest:
    return SelfTest(False, f"{what}: {result.detail or ERROR_CODES.get(result.code, result.code)}", result.code)


def test_id_reader(reader: Any, options: Mapping[str, Any]) -> SelfTest:
    status = reader.sam_status()
    if not status.ok:
        return failed(status, "SAM status")
    evidence: dict[str, Any] = {"sam_id": reader.tracker.capabilities.serial_number}
    read = reader.read_card()
    if read.ok:
        evidence["card"] = {"id_number": mask(read.value.identity.id_number),
                            "photo_bytes": len(read.value.photo_wlt)}
        return SelfTest(True, "SAM answers; a card on the reader was read", evidence=evidence)
    if read.code == "idcard.no_card":
        evidence["card"] = None
        return SelfTest(True, "SAM answers; no card on the reader (put one on to test a read)",
                        evidence=evidence)
    return failed(read, "card read")


def test_fingerprint(module: Any, options: Mapping[str, Any]) -> SelfTest:
    params = module.read_system_parameters()
    if not params.ok:
        return failed(params, "system parameters")
    count = module.template_count()
    if not count.ok:
        return failed(count, "template count")
    evidence: dict[str, Any] = {"capacity": params.value.capacity,
                                "security_level": params.value.security_level, "templates": count.value}
    present = module.finger_present()
    if present.ok and present.value:
        captured = module.capture()
        if not captured.ok:
            return failed(captured, "capture")
        quality = module.image_quality()
        if not quality.ok:
            return failed(quality, "capture")
        evidence["image_quality"] = quality.value
        return SelfTest(True, f"module answers; a finger was captured (quality {quality.value})",
                        evidence=evidence)
    return SelfTest(True, "module answers; no finger on the sensor (place one to test a capture)",
                    evidence=evidence)


def test_locker(driver: Any, options: Mapping[str, Any]) -> SelfTest:
    doors = options.get("doors") or []
    if options.get("all_doors"):
        doors = [d.number for d in driver.wall.doors]
    opened, jammed = [], []
    for number in doors:
        result = driver.open_door(int(number))
        if result.ok:
            opened.append(int(number))
        elif result.code == "locker.door_jammed":
            jammed.append(int(number))
        else:
            return failed(result, f"opening door {number}")
    states = driver.door_states()
    if not states.ok:
        return failed(states, "reading the doors")
    wall = states.value
    evidence = {"doors": len(driver.wall.doors),
                "open": sorted(n for n, d in wall.doors.items() if d.open),
                "unread_boards": list(wall.unread_boards), "opened": opened, "jammed": jammed}
    if jammed:
        return SelfTest(False, f"door(s) {', '.join(map(str, jammed))} stay shut when unlocked (jammed)",
                        "locker.door_jammed", evidence)
    if wall.unread_boards:
        return SelfTest(False, f"board(s) {', '.join(map(str, wall.unread_boards))} do not answer",
                        "device.timeout", evidence)
    return SelfTest(True, f"every board answers; {len(evidence['open'])} door(s) open", evidence=evidence)


def test_qr_scanner(scanner: Any, options: Mapping[str, Any]) -> SelfTest:
    wait_s = float(options.get("scan_wait_s", 0))
    status = scanner.poll()
    if status.state.value == "disconnected":
        return SelfTest(False, status.detail or "the scanner's port is gone", status.code)
    if wait_s <= 0:
        return SelfTest(True, "port open (scan a code with scan_wait_s to test a read)")
    code = scanner.read_code(wait_s)
    if not code.ok:
        return failed(code, "scan")
    return SelfTest(True, "a code was scanned", evidence={"length": len(code.value)})


def test_printer(printer: Any, options: Mapping[str, Any]) -> SelfTest:
    """Reads the real-time status; with `print_test`, prints a short test receipt (confirmed by the printer)."""
    status = printer.read_status()
    if not status.ok:
        return failed(status, "status")
    state = printer.tracker.status
    evidence: dict[str, Any] = {"state": state.state.value, "code": state.code, "paper_mm": printer.profile.paper_mm}
    if state.state.value not in ("ready", "busy"):
        return SelfTest(False, state.detail or f"the printer is {state.state.value}", state.code, evidence)
    if not options.get("print_test"):
        return SelfTest(True, "the printer answers and has paper (print_test to print a test receipt)",
                        evidence=evidence)
    from datetime import datetime

    from drivers.printer import layout

    columns = printer.profile.page.columns
    stamp = datetime.now().strftime("%Y-%m-%d %H:%M:%S")
    blocks = (layout.Line("TEST / 测试", "center", True, True), layout.Line("-" * columns),
              *[layout.Line(t) for t in layout.row("kiosk self-test", stamp, columns)],
              layout.Qr(f"kiosk-selftest {stamp}"), layout.Feed(2), layout.Cut(True))
    printed = printer.print_document(f"selftest-{stamp}", blocks)
    if not printed.ok:
        return failed(printed, "test receipt")
    evidence["printed"] = True
    return SelfTest(True, "a test receipt was printed and confirmed by the printer", evidence=evidence)


def masked_uid(uid: bytes) -> str:
    """A card UID as '******A1B2': enough to tell two cards apart on the bench, not to copy one."""
    shown = uid[-2:].hex().upper()
    return "*" * (2 * len(uid) - len(shown)) + shown


def test_pcsc_reader(reader: Any, options: Mapping[str, Any]) -> SelfTest:
    """The reader answers through pcscd and a card on it gives its ATR (and its UID when contactless).
    No card fails, since a reader's test is a read: the technician puts any card on it. Runs of every test
    at once (`--test all`, the readiness report) pass `card_optional`: there no card is a pass that says so."""
    status = reader.poll()
    evidence: dict[str, Any] = {"reader": reader.name or reader.wanted or ""}
    if status.state.value == "disconnected":
        return SelfTest(False, status.detail or "the reader is not connected", status.code, evidence)
    atr = reader.atr()
    if not atr.ok:
        if atr.code == "pcsc.no_card" and options.get("card_optional"):
            return SelfTest(True, "the reader answers; no card on it (put one on to test a read)",
                            evidence=evidence)
        if atr.code == "pcsc.no_card":
            return SelfTest(False, "no card on the reader: put any card on it and test again", atr.code, evidence)
        return failed(atr, "ATR")
    evidence["atr"] = atr.value.hex(" ").upper()
    uid = reader.uid()
    reader.release()  # the card stays in: whoever needs it next connects again
    if uid.ok:
        evidence["uid"] = masked_uid(uid.value)
        return SelfTest(True, f"a card answered (ATR {len(atr.value)} bytes, UID {len(uid.value)} bytes)",
                        evidence=evidence)
    evidence["uid"] = None  # a contact card has no UID to give: its ATR is the read
    return SelfTest(True, f"a card answered (ATR {len(atr.value)} bytes; no UID: {uid.code})", evidence=evidence)


SELF_TESTS: dict[str, Callable[[Any, Mapping[str, Any]], SelfTest]] = {
    "id_reader": test_id_reader,
    "fingerprint": test_fingerprint,
    "locker": test_locker,
    "qr_scanner": test_qr_scanner,
    "printer": test_printer,
    "pcsc_reader": test_pcsc_reader,
}

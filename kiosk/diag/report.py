"""The diagnostics report: every configured device with its status and self-test, and the system's figures.

JSON fields (documented for technicians' scripts and the central platform):

    ok               true when every device is usable, every self-test run passed, the disk has room and the
                     clock is within a minute of the central platform's (when measured)
    generated_at     ISO-8601 UTC
    terminal_id      this terminal at the central platform
    devices          one entry per configured device:
        name, kind, driver, port        what the configuration says
        state            ready | busy | user_action | disconnected | hardware_error | maintenance
        code, detail     the last error code and an English sentence (null / "" when ready)
        description      what the code means
        model, firmware, serial_number  what the device says about itself
        since_s          seconds since the status last changed
        managed          false for a kind whose driver the kiosk does not drive yet
        self_test        null when not run, else {passed, summary, code, description, evidence}
    system           software_version, clock_utc, uptimes, disk {free_mb, total_mb}, memory, disk_ok,
                     platform_clock {offset_s (platform minus terminal; null: not measured yet), measured_at,
                     last_heartbeat_at, tolerance_s, ok, sentence, code}, clock_ok
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping
from concurrent.futures import TimeoutError as FutureTimeout
from datetime import UTC, datetime
from typing import Any

from drivers.errors import ERROR_CODES
from drivers.status import State
from kiosk.config.schema import DeviceConfig
from kiosk.devices import DeviceManager
from kiosk.diag.outside import OutsideDevice
from kiosk.diag.selftests import SELF_TESTS, SelfTest

#: States in which a device can serve a citizen (user_action: it waits for a card, a finger, a door).
USABLE = {State.READY, State.BUSY, State.USER_ACTION}
TEST_TIMEOUT_S = 60.0


def run_self_test(manager: DeviceManager, name: str, options: Mapping[str, Any]) -> SelfTest:
    kind = manager.workers[name].kind
    test = SELF_TESTS[kind]
    try:
        return manager.call(name, lambda driver: test(driver, options)).result(TEST_TIMEOUT_S)
    except FutureTimeout:
        return SelfTest(False, f"the self-test did not finish within {TEST_TIMEOUT_S:g} s", "device.timeout")


def testable_names(configs: Mapping[str, DeviceConfig], manager: DeviceManager | None,
                   outside: Mapping[str, OutsideDevice]) -> list[str]:
    """The configured devices that have a self-test here (what `--test all` and the readiness report run)."""
    workers = manager.workers if manager is not None else {}
    return [n for n in configs if n in outside or (n in workers and workers[n].kind in SELF_TESTS)]


def _outside_entry(device: OutsideDevice, result: SelfTest | None) -> dict:
    status, caps = device.tracker.status, device.tracker.capabilities
    return {"port": caps.port, "state": status.state.value, "code": status.code, "detail": status.detail,
            "description": ERROR_CODES.get(status.code, "") if status.code else "", "model": caps.model,
            "firmware": caps.firmware, "serial_number": caps.serial_number, "since_s": None,
            "self_test": None if result is None else result.to_json()}


def build_report(configs: Mapping[str, DeviceConfig], manager: DeviceManager | None, *, terminal_id: str,
                 system: Mapping[str, Any], tests: Iterable[str] = (),
                 options: Mapping[str, Any] | None = None,
                 outside: Mapping[str, OutsideDevice] | None = None) -> dict:
    """`outside`: configured devices the manager does not drive (the camera), with their own self-tests;
    `manager` None: no device opened (a screenshot), the configuration alone."""
    outside = outside or {}
    workers = manager.workers if manager is not None else {}
    tests = set(tests)
    unknown = tests - set(configs)
    if unknown:
        raise KeyError(f"no configured device {', '.join(sorted(unknown))}; there are: {', '.join(configs)}")
    now = time.time()
    devices, ok = [], bool(system.get("disk_ok", True)) and bool(system.get("clock_ok", True))
    for name, config in configs.items():
        entry: dict[str, Any] = {"name": name, "kind": config.kind, "driver": config.driver,
                                 "managed": name in workers or name in outside, "self_test": None}
        if name in outside:
            result = outside[name].test(options or {}) if name in tests else None
            entry.update(_outside_entry(outside[name], result))
            ok = ok and entry["state"] in {s.value for s in USABLE} and (result is None or result.passed)
        elif name in workers:
            assert manager is not None
            result = run_self_test(manager, name, options or {}) if name in tests else None
            view = manager.view(name)  # after the test: its status is the freshest
            caps = view.capabilities
            entry.update(port=view.port, state=view.status.state.value, code=view.status.code,
                         detail=view.status.detail,
                         description=ERROR_CODES.get(view.status.code, "") if view.status.code else "",
                         model=caps.model, firmware=caps.firmware, serial_number=caps.serial_number,
                         since_s=round(now - view.changed_at, 1))
            ok = ok and view.status.state in USABLE
            if result is not None:
                entry["self_test"] = result.to_json()
                ok = ok and result.passed
        else:
            entry.update(port=config.port or "", state=None, code=None, detail="no driver in this version",
                         description="", model="", firmware="", serial_number="", since_s=None)
        devices.append(entry)
    return {"ok": ok, "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "terminal_id": terminal_id, "devices": devices, "system": dict(system)}


def render_text(report: Mapping[str, Any]) -> str:
    """The report for a terminal window: one block per device, failures first in each line."""
    lines = [f"Terminal {report['terminal_id']} at {report['generated_at']}: "
             + ("everything passes" if report["ok"] else "PROBLEMS FOUND")]
    for d in report["devices"]:
        if not d["managed"]:
            lines.append(f"  {d['name']:<14} {d['kind']:<12} not driven by this version")
            continue
        state = d["state"] + (f" ({d['code']})" if d["code"] else "")
        lines.append(f"  {d['name']:<14} {d['kind']:<12} {state:<40} {d['port']}")
        if d["detail"] and d["state"] != "ready":
            lines.append(f"      {d['detail']}")
        ident = ", ".join(x for x in (d["model"], d["firmware"], d["serial_number"]) if x)
        if ident:
            lines.append(f"      {ident}")
        if d["self_test"]:
            t = d["self_test"]
            lines.append(f"      self-test {'PASS' if t['passed'] else 'FAIL'}: {t['summary']}")
    s = report["system"]
    disk = s.get("disk", {})
    lines.append(f"  system: kiosk {s.get('software_version')}, disk {disk.get('free_mb', '?')} MB free of "
                 f"{disk.get('total_mb', '?')} MB{'' if s.get('disk_ok', True) else ' (TOO LITTLE)'}, "
                 f"clock {s.get('clock_utc')}")
    clock = s.get("platform_clock")
    if clock:
        lines.append(f"  clock: {'' if clock['ok'] else 'FAIL ' + clock['code'] + ': '}{clock['sentence']}")
    return "\n".join(lines)

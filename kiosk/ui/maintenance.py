"""The technician's maintenance mode as QML sees it: the PIN pad, the board of devices, and their actions.

A thin adapter over kiosk/maintenance (entry and lockout, board rows, self-tests and the readiness report).
QML reaches it as the singleton `Maintenance` of `import KioskBackend`; `screen` says what the maintenance
layer shows above the citizen's screens: "" (nothing, or "out of service" while the terminal is), "pin" or
"board".

The PIN's digits stay here and never reach QML, which sees only how many were typed. Self-tests, door
openings and the readiness report run on the workbench's threads; their results come back to the UI thread
through queued signals, so the screen never waits on a device.

Beside the board: the network and sync panel (read from the store; "send now" wakes the sync agent), the
readiness report printed or saved to a USB stick, the camera's last test frame (in memory only, dropped when
maintenance ends), the voice test, and the last log events filtered by device.
"""

from __future__ import annotations

import base64
import time
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Property, QObject, QTimer, QTranslator, Signal, Slot

from kiosk.config.schema import DeviceConfig, MaintenanceConfig
from kiosk.diag import recent
from kiosk.diag.selftests import SelfTest
from kiosk.log import log_event
from kiosk.maintenance.gate import MaintenanceGate
from kiosk.maintenance.lockout import LockoutPolicy
from kiosk.maintenance.media import removable_media
from kiosk.maintenance.persist import Settings
from kiosk.maintenance.pin import PIN_DIGITS, parse_hash
from kiosk.maintenance.syncpanel import panel
from kiosk.maintenance.workbench import Workbench
from kiosk.ui.maintenance_voice import VoiceProbe
from kiosk.ui.translations import LANGUAGES

#: Seconds an abandoned PIN pad stays before the attract screen comes back.
PIN_PAD_TIMEOUT_S = 60
#: Seconds between refreshes of the board's ages and system figures (status changes refresh at once).
REFRESH_S = 5
#: How many log events the viewer shows.
LOG_ROWS = 60
#: gate's refusal code -> what the PIN pad says
_PIN_MESSAGES = {"maintenance.pin_wrong": "wrong", "maintenance.locked": "locked",
                 "maintenance.pin_disabled": "disabled", "maintenance.card_unknown": "card_unknown"}


class Maintenance(QObject):
    screenChanged = Signal()
    pinChanged = Signal()
    boardChanged = Signal()
    reportChanged = Signal()
    outOfServiceChanged = Signal()
    _device_changed = Signal(object)   # a device's new status, from its thread
    _test_done = Signal(str, object)   # device name, SelfTest, from the workbench
    _report_done = Signal(object)      # (report, Result of writing it), from the workbench
    _technician_presented = Signal(str)  # a technician id its card proved, from the PC/SC reader's thread
    syncChanged = Signal()
    exportChanged = Signal()
    printChanged = Signal()
    cameraShotChanged = Signal()
    voiceTestChanged = Signal()
    logChanged = Signal()
    _export_done = Signal(object)     # (report, Result), from the workbench
    _print_done = Signal(object)      # (report, Result), from the workbench

    def __init__(self, config: MaintenanceConfig, *, shell, devices: Mapping[str, DeviceConfig],
                 terminal_id: str, data_dir: Path, store=None, i18n_dir: Path | None = None,
                 wall_clock: Callable[[], float] = time.time, clock: Callable[[], float] = time.monotonic,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._shell, self._i18n_dir, self._clock = shell, i18n_dir, clock
        self.gate = MaintenanceGate(
            pin_hash=parse_hash(config.pin_hash) if config.pin_hash else None,
            card_hashes=[parse_hash(line) for line in config.technician_cards],
            policy=LockoutPolicy(5, config.lockout_base_s, config.lockout_cap_s),
            settings=Settings(store), idle_timeout_s=config.idle_timeout_s, wall_clock=wall_clock,
            clock=clock)
        report_dir = Path(config.report_dir) if config.report_dir else data_dir / "reports"
        self.bench = Workbench(devices, terminal_id=terminal_id, data_dir=data_dir, report_dir=report_dir)
        shell.setOutOfService(self.gate.out_of_service)
        self._screen, self._digits = "", ""
        self._pin_message, self._attempts_left, self._locked_s = "", 0, 0
        self._pad_touched, self._ticks = 0.0, 0
        self._tests: dict[str, dict] = {}  # device name -> its last self-test, as the report writes it
        self._running: set[str] = set()
        self._devices: list[dict] = []
        self._system: dict = {}
        self._report_state, self._report_path = "", ""
        self._translators: dict[str, QTranslator] = {}
        self._store, self._agent, self._sync_url = store, None, ""
        self._sync: dict = {}
        self.find_media: Callable[[], list] = removable_media  # tests point it at a folder of their own
        self._media: list[dict] = []
        self._export_state, self._export_path = "", ""
        self._print_state, self._print_message = "", ""
        self._camera_shot = ""
        self._voice = VoiceProbe("mock", self)
        self._voice.done.connect(self._on_voice_done)
        self._voice_test: dict = {"state": "none", "summary": "", "code": ""}
        self._recent = recent.install()
        self._log_device, self._log_events = "", []
        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self.tick)
        self._device_changed.connect(self._refresh_board)
        self._test_done.connect(self._on_test_done)
        self._report_done.connect(self._on_report_done)
        self._technician_presented.connect(self._on_technician_presented)
        self._export_done.connect(self._on_export_done)
        self._print_done.connect(self._on_print_done)

    def attach(self, manager) -> None:
        """The running devices: the board shows them and their self-tests use them."""
        self.bench.manager = manager
        manager.on_status(self._device_changed.emit)
        self._refresh_board()

    def attach_camera(self, face) -> None:
        """The running camera and its face models (`face`: the flows' CameraFacePort), for its self-test."""
        self.bench.attach_camera(face.camera, face.verifier.analyzer)
        self._refresh_board()

    def attach_sync(self, agent) -> None:
        """The running sync agent: the panel shows its platform and "send now" wakes it."""
        self._agent = agent
        self._sync_url = str(getattr(agent.client.transport, "base_url", ""))
        self._refresh_board()

    def use_voice(self, engine: str) -> None:
        """The speech engine the kiosk's voice uses ("speechd" on a terminal, "mock" in tests)."""
        self._voice.engine = engine

    def close(self) -> None:
        self._ticker.stop()
        self.gate.exit("shutdown")
        self._voice.close()
        self.bench.close()

    # ---- properties -------------------------------------------------------------------------------

    screen = Property(str, lambda self: self._screen, notify=screenChanged)
    pinEnabled = Property(bool, lambda self: self.gate.pin_enabled, constant=True)
    pinMaxDigits = Property(int, lambda self: PIN_DIGITS[1], constant=True)
    pinDigits = Property(int, lambda self: len(self._digits), notify=pinChanged)
    #: "", "wrong", "locked", "disabled" or "card_unknown": what the PIN pad says
    pinMessage = Property(str, lambda self: self._pin_message, notify=pinChanged)
    attemptsLeft = Property(int, lambda self: self._attempts_left, notify=pinChanged)
    lockedSeconds = Property(int, lambda self: self._locked_s, notify=pinChanged)
    who = Property(str, lambda self: self.gate.session.who if self.gate.session else "", notify=screenChanged)
    devices = Property("QVariantList", lambda self: self._devices, notify=boardChanged)
    system = Property("QVariantMap", lambda self: self._system, notify=boardChanged)
    #: "", "running", "written" or "failed"; the path is the HTML page's (or why it failed)
    reportState = Property(str, lambda self: self._report_state, notify=reportChanged)
    reportPath = Property(str, lambda self: self._report_path, notify=reportChanged)
    outOfService = Property(bool, lambda self: self.gate.out_of_service, notify=outOfServiceChanged)
    sync = Property("QVariantMap", lambda self: self._sync, notify=syncChanged)
    #: removable media found by the last findMedia(): [{path, label}]
    media = Property("QVariantList", lambda self: self._media, notify=exportChanged)
    #: "", "none" (no medium found), "choose" (several), "running", "written" or "failed"
    exportState = Property(str, lambda self: self._export_state, notify=exportChanged)
    exportPath = Property(str, lambda self: self._export_path, notify=exportChanged)
    #: "", "running", "printed" or "failed"; the message is the printer's name, or the code and why
    printState = Property(str, lambda self: self._print_state, notify=printChanged)
    printMessage = Property(str, lambda self: self._print_message, notify=printChanged)
    #: the camera's last test frame as a data: URL (memory only), "" when none
    cameraShot = Property(str, lambda self: self._camera_shot, notify=cameraShotChanged)
    voiceTest = Property("QVariantMap", lambda self: self._voice_test, notify=voiceTestChanged)
    logDevice = Property(str, lambda self: self._log_device, notify=logChanged)
    logEvents = Property("QVariantList", lambda self: self._log_events, notify=logChanged)

    def _set_screen(self, screen: str) -> None:
        if screen != self._screen:
            self._screen = screen
            self._ticker.start() if screen else self._ticker.stop()
            self.screenChanged.emit()

    # ---- the way in -------------------------------------------------------------------------------

    def _set_pin(self, digits: str, message: str | None = None) -> None:
        """The PIN pad's state: the digits typed, and what it says (None: keep the message)."""
        self._digits = digits
        if message is not None:
            self._pin_message = message
        self._locked_s = self.gate.seconds_locked()
        self._attempts_left = self.gate.attempts_left()
        if self._locked_s and self.gate.pin_enabled:
            self._pin_message = "locked"
        elif self._pin_message == "locked":
            self._pin_message = ""
        self.pinChanged.emit()

    @Slot()
    def openPinPad(self) -> None:
        """The long press on a corner of the attract (or out-of-service) screen."""
        if self._screen or self._shell.session is not None:
            return
        self._pad_touched = self._clock()
        self._set_pin("", "" if self.gate.pin_enabled else "disabled")
        self._set_screen("pin")

    @Slot(int)
    def pressDigit(self, digit: int) -> None:
        if (self._screen == "pin" and self.gate.pin_enabled and len(self._digits) < PIN_DIGITS[1]
                and not self.gate.seconds_locked()):
            self._set_pin(self._digits + str(int(digit) % 10))

    @Slot()
    def deleteDigit(self) -> None:
        self._set_pin(self._digits[:-1])

    @Slot()
    def clearPin(self) -> None:
        self._set_pin("")

    @Slot()
    def submitPin(self) -> None:
        if self._screen != "pin" or not self._digits:
            return
        entry = self.gate.try_pin(self._digits)
        self._set_pin("", "" if entry.entered else _PIN_MESSAGES.get(entry.code or "", "wrong"))
        if entry.entered:
            self._enter()

    @Slot()
    def cancel(self) -> None:
        if self._screen == "pin":
            self._set_pin("", "")
            self._set_screen("")

    def present_technician(self, technician_id: str) -> None:
        """A technician card proved `technician_id` on the PC/SC reader (kiosk/pcsc_setup.py), on the reader's
        thread: it is handled as technician_card(technician_id) on the UI thread."""
        self._technician_presented.emit(technician_id)

    @Slot(str)
    def _on_technician_presented(self, technician_id: str) -> None:
        self.technician_card(technician_id)

    @Slot(str, result=str)
    def technicianCard(self, card_id: str) -> str:
        return self.technician_card(card_id)

    def technician_card(self, card_id: str) -> str:
        """A card read on the technician's reader: "" when maintenance mode opened, else the refusal's code.
        A citizen's session is never torn away: the card is refused while one is open."""
        if self.gate.session is not None:
            self.gate.touch()
            return ""
        if self._shell.session is not None:
            return "maintenance.citizen_session"
        entry = self.gate.try_card(card_id)
        if not entry.entered:
            if self._screen == "pin":
                self._set_pin("", _PIN_MESSAGES[entry.code])
            return entry.code or ""
        self._set_pin("", "")
        self._enter()
        return ""

    def _enter(self) -> None:
        self._tests.clear()
        self._report_state, self._report_path = "", ""
        self.reportChanged.emit()
        self._media, self._export_state, self._export_path = [], "", ""
        self.exportChanged.emit()
        self._print_state, self._print_message = "", ""
        self.printChanged.emit()
        self._voice_test = {"state": "none", "summary": "", "code": ""}
        self.voiceTestChanged.emit()
        self._log_device = ""
        self._refresh_board()  # before the board shows, so it opens with every device in place
        self._set_screen("board")

    # ---- while in, and the way out ----------------------------------------------------------------

    @Slot()
    def activity(self) -> None:
        """Any touch anywhere: the technician (or whoever opened the PIN pad) is still there."""
        self.gate.touch()
        self._pad_touched = self._clock()

    @Slot()
    def tick(self) -> None:
        if self._screen == "pin":
            if self._clock() - self._pad_touched >= PIN_PAD_TIMEOUT_S:
                self.cancel()
            elif self._locked_s:
                self._set_pin(self._digits)  # the lock's countdown
        elif self._screen == "board":
            if self.gate.timed_out():
                self.exit("timeout")
                return
            self._ticks += 1
            if self._ticks % REFRESH_S == 0:
                self._refresh_board()

    @Slot()
    def leave(self) -> None:
        """The technician's Exit button."""
        self.exit("exit")

    def exit(self, reason: str) -> None:
        if self._screen != "board":
            return
        self.gate.exit(reason)
        self._set_camera_shot(b"")  # whoever stood before the camera is not kept
        self._set_screen("")
        self._shell.endSession("maintenance")  # the next citizen starts from the terminal's defaults

    @Slot(bool)
    def setOutOfService(self, enabled: bool) -> None:
        if self._screen == "board" and enabled != self.gate.out_of_service:
            self.gate.set_out_of_service(enabled)
            self._shell.setOutOfService(enabled)
            self.outOfServiceChanged.emit()

    # ---- self-tests and the readiness report ------------------------------------------------------

    @Slot(str)
    def runSelfTest(self, name: str) -> None:
        self._start_test(name, {})

    @Slot(str, int)
    def openDoor(self, name: str, door: int) -> None:
        self._start_test(name, {"doors": [door]})

    @Slot(str)
    def openAllDoors(self, name: str) -> None:
        self._start_test(name, {"all_doors": True})

    def _start_test(self, name: str, options: dict) -> None:
        if self._screen != "board" or name in self._running or not self.bench.testable(name):
            return
        self._running.add(name)
        self._refresh_board()
        self.bench.run_test(name, options, self._test_done.emit)

    @Slot(str, object)
    def _on_test_done(self, name: str, result: SelfTest) -> None:
        self._running.discard(name)
        self._tests[name] = result.to_json()
        camera = self.bench.camera
        if camera is not None and name == self.bench.camera_name and camera.last_shot:
            self._set_camera_shot(camera.last_shot.jpeg or b"")
        log_event("maintenance.self_test", device=name, passed=result.passed, code=result.code)
        self._refresh_board()

    @Slot()
    def writeReport(self) -> None:
        """Run every self-test (no door is opened) and write the readiness report as JSON and HTML."""
        if self._screen != "board" or self._report_state == "running":
            return
        self._report_state, self._report_path = "running", ""
        self.reportChanged.emit()
        self.bench.write_readiness(lambda report, written: self._report_done.emit((report, written)))

    @Slot(object)
    def _on_report_done(self, outcome) -> None:
        report, written = outcome
        self._take_tests(report)
        if written.ok:
            self._report_state, self._report_path = "written", str(written.value[1])
            log_event("maintenance.report_written", path=str(written.value[0]), passed=report["ok"])
        else:
            self._report_state, self._report_path = "failed", f"{written.code}: {written.detail}"
            log_event("maintenance.report_written", path=str(self.bench.report_dir), code=written.code)
        self.reportChanged.emit()
        self._refresh_board()

    @Slot()
    def _refresh_board(self, *_args) -> None:
        if self.gate.session is None:
            return
        rows, system = self.bench.rows(self._tests, self._running)
        if (rows, system) != (self._devices, self._system):
            self._devices, self._system = rows, system
            self.boardChanged.emit()
        self._refresh_sync()
        self._refresh_log()

    # ---- the readiness report printed, or saved to a USB stick --------------------------------------

    @Slot()
    def findMedia(self) -> None:
        """Look for USB sticks: one is written to at once, several are offered, none is said."""
        if self._screen != "board" or self._export_state == "running":
            return
        self._media = [{"path": str(m.path), "label": m.label} for m in self.find_media()]
        if len(self._media) == 1:
            self.exportReport(self._media[0]["path"])
            return
        self._export_state, self._export_path = ("none" if not self._media else "choose"), ""
        self.exportChanged.emit()

    @Slot(str)
    def exportReport(self, folder: str) -> None:
        """Run every self-test and write the report's JSON and HTML into `folder` (a stick's mount point)."""
        if self._screen != "board" or self._export_state == "running" or not folder:
            return
        self._export_state, self._export_path = "running", folder
        self.exportChanged.emit()
        self.bench.write_readiness(lambda report, written: self._export_done.emit((report, written)),
                                   Path(folder))

    @Slot(object)
    def _on_export_done(self, outcome) -> None:
        report, written = outcome
        self._take_tests(report)
        if written.ok:
            self._export_state, self._export_path = "written", str(written.value[1])
            log_event("maintenance.report_written", path=str(written.value[0]), passed=report["ok"])
        else:
            self._export_state, self._export_path = "failed", f"{written.code}: {written.detail}"
            log_event("maintenance.report_written", path=self._export_path[:200], code=written.code)
        self.exportChanged.emit()
        self._refresh_board()

    @Slot()
    def printReport(self) -> None:
        """Run every self-test and print the readiness report on the receipt printer."""
        if self._screen != "board" or self._print_state == "running":
            return
        self._print_state, self._print_message = "running", ""
        self.printChanged.emit()
        self.bench.print_readiness(lambda report, printed: self._print_done.emit((report, printed)))

    @Slot(object)
    def _on_print_done(self, outcome) -> None:
        report, printed = outcome
        self._take_tests(report)
        if printed.ok:
            self._print_state, self._print_message = "printed", str(printed.value)
        else:
            self._print_state, self._print_message = "failed", f"{printed.code}: {printed.detail}"
        log_event("maintenance.report_printed", device=self.bench.printer_name(), passed=bool(report and report["ok"]),
                  code=None if printed.ok else printed.code)
        self.printChanged.emit()
        self._refresh_board()

    def _take_tests(self, report) -> None:
        if report is not None:
            self._tests.update((d["name"], d["self_test"]) for d in report["devices"] if d["self_test"])
            log_event("diag.report", tests=sum(1 for d in report["devices"] if d["self_test"]),
                      passed=report["ok"])

    # ---- the camera's picture and the voice -------------------------------------------------------

    def _set_camera_shot(self, jpeg: bytes) -> None:
        shot = "data:image/jpeg;base64," + base64.b64encode(jpeg).decode("ascii") if jpeg else ""
        if shot != self._camera_shot:
            self._camera_shot = shot
            self.cameraShotChanged.emit()

    @Slot()
    def runVoiceTest(self) -> None:
        """Speak a prompt through the speech engine; PASS when the engine reports it spoke."""
        if self._screen == "board" and self._voice.start():
            self._voice_test = {"state": "running", "summary": "", "code": ""}
            self.voiceTestChanged.emit()

    @Slot(object)
    def _on_voice_done(self, result: SelfTest) -> None:
        self._voice_test = {"state": "pass" if result.passed else "fail", "summary": result.summary,
                            "code": result.code or ""}
        log_event("maintenance.self_test", device="voice", passed=result.passed, code=result.code)
        self.voiceTestChanged.emit()

    # ---- network and sync -------------------------------------------------------------------------

    def _refresh_sync(self) -> None:
        if self._store is None:
            return
        from sync.status import dead_letter_list, sync_status

        now = datetime.now(UTC)
        status = sync_status(self._store.db, now)
        figures = panel(status, dead_letter_list(self._store.db), online=bool(self._shell.online),
                        url=self._sync_url, now=now, agent_running=self._agent is not None)
        if figures != self._sync:
            self._sync = figures
            self.syncChanged.emit()

    @Slot()
    def sendNow(self) -> None:
        """Wake the sync agent: it sends the queue and a heartbeat now instead of after its backoff."""
        if self._screen != "board" or self._agent is None:
            return
        self._agent.beat_soon()
        log_event("maintenance.send_now", waiting=int(self._sync.get("waiting", 0)))

    @Slot()
    def refresh(self) -> None:
        """The panel's refresh button: read everything again now."""
        self._refresh_board()

    # ---- the log ----------------------------------------------------------------------------------

    @Slot(str)
    def setLogDevice(self, device: str) -> None:
        """Show only the events about `device` ("" for every event)."""
        self._log_device = device
        self._refresh_log(force=True)

    def _refresh_log(self, force: bool = False) -> None:
        rows = [{"ts": e["ts"][11:19], "event": e["event"], "level": e["level"],
                 "device": str(e.get("device") or ""), "text": recent.fields_text(e)}
                for e in self._recent.events(self._log_device, LOG_ROWS)]
        if force or rows != self._log_events:
            self._log_events = rows
            self.logChanged.emit()

    # ---- the other language, for the out-of-service screen ----------------------------------------

    @Slot(str, str, result=str)
    def inLanguage(self, text_id: str, language: str) -> str:
        """The translation of `text_id` in `language` ("zh" or "en"), whatever language the screen is in."""
        if self._i18n_dir is None or language not in LANGUAGES:
            return ""
        if language not in self._translators:
            translator = QTranslator(self)
            translator.load(str(self._i18n_dir / f"kiosk_{LANGUAGES[language]}.qm"))
            self._translators[language] = translator
        return self._translators[language].translate("", text_id) or ""

"""Wiring: the Qt application, the QML engine and the adapters, built from a validated configuration.

`KioskApp` is used three ways: `kiosk run` (a window, full screen), `kiosk screenshot` (offscreen, one
frame) and the tests (pytest-qt's QApplication). It owns nothing that outlives `close()`.
"""

from __future__ import annotations

import gc
import os
import tempfile
import time
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QLoggingCategory, QObject, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtQml import QQmlApplicationEngine, QQmlEngine, qmlRegisterSingletonType
from PySide6.QtQuick import QQuickWindow, QSGRendererInterface

from kiosk import paths
from kiosk.log import log_event
from kiosk.network_monitor import NetworkMonitor, pinned_probe
from kiosk.ui.devpanel import DevPanel
from kiosk.ui.flow import FlowAdapter
from kiosk.ui.guards import KioskGuard
from kiosk.ui.icons import IconProvider
from kiosk.ui.maintenance import Maintenance
from kiosk.ui.qr_image import QrImageProvider
from kiosk.ui.shell import Shell
from kiosk.ui.translations import Translations
from kiosk.ui.voice import Voice

QML_DIR = Path(__file__).parent / "qml"


class UiLoadError(Exception):
    """The QML could not be loaded; the message carries Qt's own file:line errors."""


def prepare_qt(platform: str | None, size: tuple[int, int]) -> None:
    """Environment Qt reads when the application object is made; call before creating it."""
    os.environ.setdefault("QT_IM_MODULE", "qtvirtualkeyboard")
    # Our window has its own InputPanel; never let the keyboard open a separate desktop window of its own.
    os.environ.setdefault("QT_VIRTUALKEYBOARD_DESKTOP_DISABLE", "1")
    # Qt Virtual Keyboard 6.12's own PopupList.qml trips this type-cache notice; it is Qt's to fix, and
    # noise in a kiosk's journal hides the messages that matter.
    QLoggingCategory.setFilterRules("qt.qml.propertyCache.append.warning=false")
    os.environ.setdefault("QT_QUICK_CONTROLS_STYLE", "Basic")
    if platform == "vnc":
        os.environ["QT_QPA_PLATFORM"] = f"vnc:size={size[0]}x{size[1]}:port=5900"
    elif platform:
        os.environ["QT_QPA_PLATFORM"] = platform
    if os.environ.get("QT_QPA_PLATFORM", "").split(":")[0] in ("offscreen", "vnc"):
        # No GPU behind these platforms: Qt Quick's software renderer draws the same screens.
        QQuickWindow.setGraphicsApi(QSGRendererInterface.GraphicsApi.Software)


def process_age_ms() -> int:
    """Milliseconds since this process started (Linux), for the first-frame log event."""
    try:
        fields = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()
        started = int(fields[19]) / os.sysconf("SC_CLK_TCK")
        return int((time.clock_gettime(time.CLOCK_BOOTTIME) - started) * 1000)
    except (OSError, IndexError, ValueError):
        return -1


#: the QML singletons of `import KioskBackend`: QML name -> (adapter type, the engine property holding it)
BACKEND = {"Shell": (Shell, "kioskShell"), "DevPanel": (DevPanel, "kioskDevPanel"),
           "Maintenance": (Maintenance, "kioskMaintenance"), "ServiceFlow": (FlowAdapter, "kioskFlow")}


def _singleton(prop: str):
    """The singleton provider for one adapter: the instance the engine's KioskApp made, owned by Python."""
    def provide(engine: QQmlEngine) -> QObject:
        adapter = engine.property(prop)
        QQmlEngine.setObjectOwnership(adapter, QQmlEngine.ObjectOwnership.CppOwnership)
        return adapter
    return provide


_registered = False


def _register_backend() -> None:
    """`import KioskBackend` gives each engine its own adapters (tests make many engines in one process)."""
    global _registered
    if not _registered:
        for name, (kind, prop) in BACKEND.items():
            qmlRegisterSingletonType(kind, "KioskBackend", 1, 0, name, _singleton(prop))
        _registered = True


class KioskApp(QObject):
    def __init__(self, config, *, store=None, voice_engine: str | None = None,
                 full_screen: bool | None = None, size: tuple[int, int] | None = None,
                 clock=time.monotonic, wall_clock=time.time, defer_catalogue: bool = False) -> None:
        """`defer_catalogue`: start with an empty catalogue and take the services from attach_flows (what
        `kiosk run` does, so the attract screen is up before the service definitions are read)."""
        super().__init__()
        self.config = config
        self.store = store
        self.qt_app = QGuiApplication.instance()
        assets = paths.assets_dir()
        ui = config.ui
        if defer_catalogue:
            from flows.catalogue import Catalogue

            self.catalogue = Catalogue((), ())
        else:
            from flows.catalogue import catalogue
            from flows.loader import load_definitions

            self.catalogue = catalogue(load_definitions())
        self.shell = Shell(
            self.catalogue,
            hall_names={"zh": config.terminal.hall_name_zh, "en": config.terminal.hall_name_en},
            language=ui.language,
            idle_timeout_s=ui.idle_timeout_s,
            countdown_s=ui.countdown_s,
            large_text_factor=ui.large_text_timeout_factor,
            clock=clock,
        )
        self.shell.collect_garbage = self._collect_garbage
        self.voice = Voice(voice_engine or ui.voice_engine, enabled=ui.voice)
        self.shell.speak.connect(self.voice.say)
        self.shell.mutedChanged.connect(lambda: self.shell.muted and self.voice.stop())

        self.guard = KioskGuard()
        self.guard.activity.connect(self.shell.activity)
        self.maintenance = Maintenance(
            config.maintenance, shell=self.shell, devices=config.devices,
            terminal_id=config.terminal.terminal_id, store=store, i18n_dir=assets / "i18n",
            data_dir=store.path.parent if store is not None else paths.data_dir(config.store.data_dir),
            wall_clock=wall_clock, clock=clock)
        self.guard.activity.connect(self.maintenance.activity)
        self.maintenance.use_voice(voice_engine or ui.voice_engine)  # for its voice self-test
        self.qt_app.installEventFilter(self.guard)

        _register_backend()  # before the engine exists, or Qt 6.11 mixes up the module's types
        self.engine = QQmlApplicationEngine()
        self.engine.addImportPath(str(QML_DIR))
        self.engine.addImageProvider("icon", IconProvider(assets / "icons"))
        self.engine.addImageProvider("qr", QrImageProvider())
        self.translations = Translations(assets / "i18n", self.engine)
        self.translations.use(self.shell.language)
        self.shell.languageChanged.connect(lambda: self.translations.use(self.shell.language))
        self.engine.setProperty("kioskShell", self.shell)
        self.devpanel = DevPanel()
        self.engine.setProperty("kioskDevPanel", self.devpanel)
        self.engine.setProperty("kioskMaintenance", self.maintenance)
        self.flow = FlowAdapter()
        self.shell.flow = self.flow
        self.flow.finished.connect(self.shell.serviceFinished)
        self.engine.setProperty("kioskFlow", self.flow)

        self.monitor = NetworkMonitor(
            config.central.url, config.central.probe_interval_s, config.central.timeout_s,
            waiting=store.outbox_waiting if store is not None else (lambda: 0), prober=pinned_probe(config.central),
        )
        self.monitor.changed.connect(self.shell.setNetwork)

        self._keyboard_data = tempfile.TemporaryDirectory(prefix="kiosk-keyboard-")
        width, height = size or (ui.width, ui.height)
        self.engine.setInitialProperties({
            "keyboardDataPath": self._keyboard_data.name,
            "kioskFullScreen": ui.fullscreen if full_screen is None else full_screen,
            "width": width, "height": height,
        })
        self._first_frame_seen = False
        self._closed = False
        self._background_wanted = False
        errors: list[str] = []

        def collect(warnings) -> None:
            errors.extend(w.toString() for w in warnings)

        self.engine.warnings.connect(collect)  # only while loading: connected for good, it would keep every
        try:  # warning of the whole run in `errors`
            self.engine.loadFromModule("Kiosk", "Main")
        finally:
            self.engine.warnings.disconnect(collect)
        roots = self.engine.rootObjects()
        if not roots:
            raise UiLoadError("the kiosk's screens did not load:\n" + "\n".join(errors or ["(no message from Qt)"]))
        self.window: QQuickWindow = roots[0]
        self.window.frameSwapped.connect(self._on_frame)

    def _collect_garbage(self) -> None:
        """After a session: carry out the pending deleteLater()s (the session's pages), collect the QML heap
        and Python's cycles. Their garbage still held the citizen's strings, and the memory they free can
        then be given back to the system straight after (Shell._release_memory)."""
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        if shiboken6.isValid(self.engine):  # (not once the kiosk has been closed)
            self.engine.collectGarbage()
        gc.collect()

    def _on_frame(self) -> None:
        if self._first_frame_seen:
            return
        self._first_frame_seen = True
        self.window.frameSwapped.disconnect(self._on_frame)
        log_event("ui.first_frame", startup_ms=process_age_ms())
        self.window.setProperty("keyboardEnabled", True)
        if self._background_wanted:
            self._start_rest()

    def attach_devices(self, manager, hub=None) -> None:
        """The running devices (and, in a simulated run, their simulators for the developer panel)."""
        self.devices = manager
        self.devpanel.attach(manager, hub)
        self.maintenance.attach(manager)

    def attach_flows(self, runtime) -> None:
        """Run services through the flow engine (kiosk/flow_setup.py); without it the shell says a service
        is not open on this terminal."""
        from flows.catalogue import catalogue

        self.flows = runtime
        self.flow.configure(runtime.new_engine, runtime.titles())
        discard = getattr(runtime.ports.scanner, "discard", None)
        if discard is not None:  # a code nobody's step read (scanned on the attract screen, or left by a
            self.shell.sessionStarted.connect(discard)  # citizen who walked away) is never the next
            self.shell.sessionEnded.connect(discard)  # citizen's: each session's steps read only its own scans
        self.catalogue = catalogue(runtime.definitions.values())
        self.shell.setCatalogue(self.catalogue)

    def attach_camera(self, face) -> None:
        """Show the camera's live picture on the photo and face screens; `face` is the flows' CameraFacePort
        (kiosk/flow_face.py). Without a camera those screens show an icon instead."""
        from kiosk.ui.camera_preview import preview_of

        if getattr(self, "camera_preview", None) is None:
            self.shell.sessionEnded.connect(face.rest)  # the citizen's face is forgotten now, not when idle
            self.camera_preview = preview_of(face, parent=self)
            self.engine.addImageProvider("camera", self.camera_preview.provider)
            self.engine.rootContext().setContextProperty("kioskCamera", self.camera_preview)
            self.devpanel.attach_camera(face.camera)
            self.maintenance.attach_camera(face)

    def start_background(self, then=None) -> None:
        """Start what may wait until the first frame (the network probe, and `then`: devices, sync and the
        services), once it has been shown: the attract screen comes first, the rest right after it."""
        self._background_wanted = True
        self._then = then
        if self._first_frame_seen:
            self._start_rest()

    def _start_rest(self) -> None:
        self.monitor.start()
        if getattr(self, "_then", None) is not None:
            then, self._then = self._then, None
            QTimer.singleShot(0, then)  # after this frame is out

    def close(self) -> None:
        """Stop everything this shell runs and delete its screens. A second call does nothing."""
        if self._closed:
            return
        self._closed = True
        self.monitor.stop()
        self.maintenance.close()
        self.shell.endSession("shutdown")
        self.shell.stop()
        self.flow.wait_idle()
        self.qt_app.removeEventFilter(self.guard)
        self.voice.stop()
        self.voice.close()
        # The keyboard goes first, while the style it reads still exists; then the engine, now rather than
        # later, with the window it owns: nothing of this shell outlives close().
        self.window.setProperty("keyboardEnabled", False)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        shiboken6.delete(self.engine)
        self._keyboard_data.cleanup()

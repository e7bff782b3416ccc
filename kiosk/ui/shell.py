"""The shell's state as QML sees it: which screen, which language, the citizen's session and its timeout.

A thin adapter: the rules (when a session expires, what a session holds, which services need the network)
live in plain Python (`kiosk.session`, `flows.catalogue`); this class only turns them into properties and
slots for QML. QML reaches it as the singleton `Shell` of `import KioskBackend`.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot, qtTrId

from flows.catalogue import Catalogue
from kiosk.log import log_event
from kiosk.memory import release_free_memory
from kiosk.session.idle import IdleWatch, Phase
from kiosk.session.session import Session

SCREENS = ("attract", "catalogue", "service", "flow")
#: after a session ends, once the attract screen is up and the session's threads have let go of most of their
#: buffers (kiosk/memory.py); what they free later goes back after the next session
RELEASE_MEMORY_AFTER_MS = 500


class Shell(QObject):
    screenChanged = Signal()
    languageChanged = Signal()
    largeTextChanged = Signal()
    mutedChanged = Signal()
    networkChanged = Signal()
    idleChanged = Signal()
    sessionChanged = Signal()
    sessionStarted = Signal()  # a citizen touched the attract screen and a new session began
    sessionEnded = Signal()  # a citizen's session ended and was wiped (not emitted when none was running)
    catalogueChanged = Signal()
    noticeChanged = Signal()
    outOfServiceChanged = Signal()
    speak = Signal(str, str)  # text, language

    def __init__(
        self,
        catalogue: Catalogue,
        *,
        hall_names: dict[str, str],
        language: str = "zh",
        idle_timeout_s: float = 60,
        countdown_s: float = 20,
        large_text_factor: float = 2.0,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._catalogue = catalogue
        self._hall_names = hall_names
        self._default_language = language
        self._language = language
        self._large_text = False
        self._muted = False
        self._online = False
        self._waiting = 0
        self._screen = "attract"
        self._notice = ""
        self._out_of_service = False
        self._idle_timeout_s = idle_timeout_s
        self._countdown_s = countdown_s
        self._large_text_factor = large_text_factor
        self._idle = IdleWatch(idle_timeout_s, countdown_s, clock)
        self._phase = Phase.NO_SESSION
        self._seconds_left = 0
        self.session: Session | None = None
        self.memory_releases = 0  # how many times the heap's free pages were given back (kiosk/memory.py)
        self.collect_garbage: Callable[[], None] = lambda: None  # the app's: collect what the session left
        self.flow = None  # kiosk.ui.flow.FlowAdapter: runs the services that have a definition
        self._ticker = QTimer(self)
        self._ticker.setInterval(250)
        self._ticker.timeout.connect(self.tick)
        self._release = QTimer(self)  # gives memory back a little after a session ends (_release_memory)
        self._release.setSingleShot(True)
        self._release.setInterval(RELEASE_MEMORY_AFTER_MS)
        self._release.timeout.connect(self._release_memory)

    def stop(self) -> None:
        """The kiosk is closing: no timer of this shell fires any more (a release after close would collect
        and delete on behalf of a kiosk that is gone, in the middle of whatever runs next)."""
        self._ticker.stop()
        self._release.stop()

    # ---- properties -------------------------------------------------------------------------------

    def _get_screen(self) -> str:
        return self._screen

    screen = Property(str, _get_screen, notify=screenChanged)

    def _get_language(self) -> str:
        return self._language

    language = Property(str, _get_language, notify=languageChanged)

    def _get_hall_name(self) -> str:
        return self._hall_names.get(self._language, "")

    hallName = Property(str, _get_hall_name, notify=languageChanged)

    def _get_large_text(self) -> bool:
        return self._large_text

    largeText = Property(bool, _get_large_text, notify=largeTextChanged)

    def _get_muted(self) -> bool:
        return self._muted

    muted = Property(bool, _get_muted, notify=mutedChanged)

    def _get_online(self) -> bool:
        return self._online

    online = Property(bool, _get_online, notify=networkChanged)

    def _get_waiting(self) -> int:
        return self._waiting

    waiting = Property(int, _get_waiting, notify=networkChanged)

    def _get_warning(self) -> bool:
        return self._phase == Phase.WARNING

    idleWarning = Property(bool, _get_warning, notify=idleChanged)

    def _get_seconds_left(self) -> int:
        return self._seconds_left

    secondsLeft = Property(int, _get_seconds_left, notify=idleChanged)

    def _get_session_id(self) -> str:
        return self.session.id if self.session else ""

    sessionId = Property(str, _get_session_id, notify=sessionChanged)

    def _get_search(self) -> str:
        return self.session.data.get("search", "") if self.session else ""

    search = Property(str, _get_search, notify=catalogueChanged)

    def _get_departments(self) -> list:
        return self._departments()

    departments = Property(list, _get_departments, notify=catalogueChanged)

    def _get_service(self) -> dict:
        if not self.session or not self.session.service_id:
            return {}
        return self._service_entry(self._catalogue.service(self.session.service_id))

    service = Property(dict, _get_service, notify=sessionChanged)

    def _get_notice(self) -> str:
        return self._notice

    notice = Property(str, _get_notice, notify=noticeChanged)

    def _get_out_of_service(self) -> bool:
        return self._out_of_service

    #: set by a technician in maintenance mode: the citizen side shows "out of service" and starts nothing
    outOfService = Property(bool, _get_out_of_service, notify=outOfServiceChanged)

    @Slot(bool)
    def setOutOfService(self, enabled: bool) -> None:  # noqa: N802
        if enabled != self._out_of_service:
            self._out_of_service = enabled
            self.outOfServiceChanged.emit()

    # ---- the catalogue as QML shows it ------------------------------------------------------------

    def _service_entry(self, s) -> dict:
        return {
            "id": s.id, "title": s.title, "icon": s.icon, "feeYuan": s.fee_fen / 100,
            "needsNetwork": s.needs_network, "available": self._online or not s.needs_network,
        }

    def _departments(self) -> list:
        needle = self._get_search().strip().casefold()
        result = []
        for dept in self._catalogue.departments:
            services = [
                self._service_entry(s) for s in self._catalogue.services
                if s.department == dept.id and (not needle or needle in qtTrId(s.title).casefold())
            ]
            if services:
                result.append({"id": dept.id, "title": dept.title, "icon": dept.icon, "services": services})
        return result

    # ---- what the citizen does --------------------------------------------------------------------

    def _set_screen(self, screen: str) -> None:
        assert screen in SCREENS, screen
        if screen != self._screen:
            self._screen = screen
            log_event("ui.screen_shown", screen=screen)
            self.screenChanged.emit()

    @Slot()
    def start(self) -> None:
        """The citizen touched the attract screen."""
        if self._out_of_service:
            return
        if self.session is None:
            self.session = Session()
            self._idle.start()
            self._ticker.start()
            log_event("session.started", session_id=self.session.id)
            self.sessionChanged.emit()
            self.catalogueChanged.emit()
            self.sessionStarted.emit()
        self._set_screen("catalogue")

    @Slot()
    def activity(self) -> None:
        """Any press or key anywhere: the citizen is still here."""
        self._idle.touch()
        self.tick()

    @Slot()
    def stillHere(self) -> None:  # noqa: N802 (QML name)
        self._idle.confirm()
        self.tick()

    @Slot(str)
    def setSearch(self, text: str) -> None:  # noqa: N802
        if self.session is not None and text != self._get_search():
            self.session.data["search"] = text
            self.catalogueChanged.emit()

    @Slot(str)
    def openService(self, service_id: str) -> None:  # noqa: N802
        if self.session is None or self._out_of_service:
            return
        service = self._catalogue.service(service_id)
        if service.needs_network and not self._online:
            self._set_notice("offline_service")
            return
        self.session.service_id = service_id
        self.sessionChanged.emit()
        if self.flow is not None and self.flow.available(service_id):
            self._set_screen("flow")  # the step screen first, so the first step is drawn on it
            self.flow.start(service_id)
            return
        self._set_screen("service")

    @Slot()
    def back(self) -> None:
        if self._notice:
            self._set_notice("")
        elif self._screen == "flow":
            self.flow.back()
        elif self._screen == "service":
            self.session.service_id = None
            self.sessionChanged.emit()
            self._set_screen("catalogue")
        elif self._screen == "catalogue":
            self.endSession("cancelled")

    def setCatalogue(self, catalogue: Catalogue) -> None:  # noqa: N802
        """The services this terminal offers (from the service definitions, once they are read)."""
        self._catalogue = catalogue
        self.catalogueChanged.emit()

    def serviceFinished(self, service_id: str, outcome: str) -> None:  # noqa: N802
        """The flow ended: a delivered service (or a timeout) ends the session, which wipes it; a cancelled
        or failed one returns to the catalogue, for another service."""
        if self._screen != "flow":
            return
        if outcome in ("done", "timeout"):
            self.endSession("finished" if outcome == "done" else "timeout")
            return
        if self.session is not None:
            self.session.service_id = None
            self.sessionChanged.emit()
        self._set_screen("catalogue")

    @Slot()
    def dismissNotice(self) -> None:  # noqa: N802
        self._set_notice("")

    def _set_notice(self, notice: str) -> None:
        if notice != self._notice:
            self._notice = notice
            self.noticeChanged.emit()

    @Slot(str)
    def endSession(self, reason: str) -> None:  # noqa: N802
        """Finished, cancelled or timed out: forget everything the session held, back to the attract screen."""
        session, self.session = self.session, None
        if self.flow is not None:
            self.flow.abandon()
        self._idle.stop()
        self._ticker.stop()
        self._phase, self._seconds_left = Phase.NO_SESSION, 0
        if session is not None:
            log_event("session.ended", session_id=session.id, reason=reason)
            session.wipe()
            log_event("session.wiped", session_id=session.id)
        self._set_notice("")
        self._set_screen("attract")
        # The next citizen starts from the terminal's defaults, not from this one's choices.
        self.setLanguage(self._default_language)
        self._set_large_text(False)
        self._set_muted(False)
        self.sessionChanged.emit()
        self.catalogueChanged.emit()
        self.idleChanged.emit()
        if session is not None:
            self.sessionEnded.emit()
            self._release.start()

    def _release_memory(self) -> None:
        # Tens of milliseconds on this thread; harmless even if the next citizen has already touched the screen.
        # What the session left is collected first (its pages, the QML and Python objects that held its
        # data), so that the memory it freed is given back now, not left in the heap until some later trim.
        started = time.monotonic()
        self.collect_garbage()
        figures = release_free_memory()
        self.memory_releases += 1
        if figures is not None:
            before, after = figures
            log_event("memory.released", rss_before_mb=round(before, 1), rss_after_mb=round(after, 1),
                      took_ms=round((time.monotonic() - started) * 1000, 1))

    @Slot()
    def tick(self) -> None:
        phase, left = self._idle.phase(), self._idle.seconds_left()
        if phase == Phase.EXPIRED:
            self.endSession("timeout")
            return
        if (phase, left) != (self._phase, self._seconds_left):
            entering_warning = phase == Phase.WARNING and self._phase != Phase.WARNING
            self._phase, self._seconds_left = phase, left
            if entering_warning and self.session is not None:
                log_event("session.idle_warning", session_id=self.session.id, seconds_left=left)
            self.idleChanged.emit()

    # ---- preferences ------------------------------------------------------------------------------

    @Slot(str)
    def setLanguage(self, language: str) -> None:  # noqa: N802
        if language != self._language:
            self._language = language
            log_event("ui.language_changed", language=language)
            self.languageChanged.emit()
            self.catalogueChanged.emit()  # the search matches titles in the shown language

    @Slot()
    def toggleLanguage(self) -> None:  # noqa: N802
        self.setLanguage("en" if self._language == "zh" else "zh")

    @Slot()
    def toggleLargeText(self) -> None:  # noqa: N802
        self._set_large_text(not self._large_text)

    def _set_large_text(self, enabled: bool) -> None:
        if enabled != self._large_text:
            self._large_text = enabled
            # Older citizens read and reach more slowly: give them longer before asking.
            factor = self._large_text_factor if enabled else 1.0
            self._idle.idle_after_s = self._idle_timeout_s * factor
            self._idle.countdown_s = self._countdown_s * factor
            log_event("ui.large_text_changed", enabled=enabled)
            self.largeTextChanged.emit()

    @Slot()
    def toggleMute(self) -> None:  # noqa: N802
        self._set_muted(not self._muted)

    def _set_muted(self, muted: bool) -> None:
        if muted != self._muted:
            self._muted = muted
            self.mutedChanged.emit()

    @Slot(str)
    def say(self, text: str) -> None:
        """A screen's spoken prompt, in the current language, unless muted."""
        if not self._muted:
            self.speak.emit(text, self._language)

    @Slot(bool, int)
    def setNetwork(self, online: bool, waiting: int) -> None:  # noqa: N802
        if (online, waiting) != (self._online, self._waiting):
            self._online, self._waiting = online, waiting
            self.networkChanged.emit()
            self.catalogueChanged.emit()

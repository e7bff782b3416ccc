"""The thin QObject adapter between the flow engine (flows/, no Qt) and the QML step screens.

QML sees one singleton, `ServiceFlow`: the current step's type (which step screen to show), its title and prompt
(translation ids), "step n of m", whether Back is offered, whether the terminal is working, what the step
displays, and a refused input's error. QML answers with submit(outcome, data), back() and cancel().

The engine runs on the UI thread (its journal's SQLite connection lives there); each action (read a card,
print, pay) runs on a worker thread, and its result comes back through a queued signal, so the screen never
waits on a device. Progress an action reports (the camera's instruction, the locker door) is merged into
what the screen displays.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot

EngineFactory = Callable[[str], Any]  # service id -> a new flows.engine.Engine


def _plain(value: Any) -> Any:
    """Engine values (mapping proxies, tuples) as what QML takes: dicts and lists."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


class FlowAdapter(QObject):
    stepChanged = Signal()
    activeChanged = Signal()
    finished = Signal(str, str)          # service id, outcome: done, failed, cancelled, timeout
    _actionDone = Signal(object, object)  # (action, result) from a worker thread
    _progressed = Signal(object, object)  # (action, display) from a worker thread

    def __init__(self, factory: EngineFactory | None = None, titles: Mapping[str, tuple[str, str]] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._factory = factory
        self._titles = dict(titles or {})   # service id -> (title id, icon)
        self._engine: Any = None
        self._view: Any = None
        self._action: Any = None
        self._progress: dict = {}
        self._threads: list[threading.Thread] = []
        self._orphans: dict[Any, Any] = {}  # action -> engine of an abandoned session, until it returns
        #: called with each newly entered step's View, after the screen was told and before its action
        #: starts (`kiosk demo` sets the scene and takes its screenshot here)
        self.on_step_entered: Callable[[Any], None] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._timed_out)
        self._actionDone.connect(self._on_action_done)
        self._progressed.connect(self._on_progress)

    # ---- set-up and the shell's side -----------------------------------------------------------

    def configure(self, factory: EngineFactory, titles: Mapping[str, tuple[str, str]]) -> None:
        self._factory, self._titles = factory, dict(titles)

    def available(self, service_id: str) -> bool:
        return self._factory is not None and service_id in self._titles

    @Slot(str, result=bool)
    def start(self, service_id: str) -> bool:
        """Begin `service_id` for a new citizen; False when the kiosk has no definition for it."""
        if not self.available(service_id):
            return False
        self.abandon()
        self._engine = self._factory(service_id)
        self.activeChanged.emit()
        self._apply(self._engine.start())
        return True

    def abandon(self) -> None:
        """The session ended from outside (idle timeout, shutdown): cancel and forget it."""
        if self._engine is None:
            return
        if not self._engine.finished:
            if self._action is not None:  # journaled as cancelled once the action has returned
                self._orphans[self._action] = self._engine
                self._action.cancel()
            self._engine.cancel()
        self._clear()

    def wait_idle(self, timeout_s: float = 30.0) -> None:
        """Let running actions return (at shutdown and in tests)."""
        for thread in list(self._threads):
            thread.join(timeout_s)

    @property
    def view(self) -> Any:
        """The engine's current View (flows/view.py), None when no service runs; for Python callers."""
        return self._view

    @property
    def running_action(self) -> bool:
        return self._action is not None

    # ---- what QML binds to ---------------------------------------------------------------------

    def _v(self, name: str, default: Any = "") -> Any:
        return getattr(self._view, name) if self._view is not None else default

    @Property(bool, notify=activeChanged)
    def active(self) -> bool:
        return self._engine is not None

    @Property(str, notify=stepChanged)
    def serviceId(self) -> str:
        return self._v("service_id")

    @Property(str, notify=stepChanged)
    def serviceTitle(self) -> str:
        return self._titles.get(self._v("service_id"), ("", ""))[0]

    @Property(str, notify=stepChanged)
    def serviceIcon(self) -> str:
        return self._titles.get(self._v("service_id"), ("", ""))[1]

    @Property(str, notify=stepChanged)
    def stepId(self) -> str:
        return self._v("step_id")

    @Property(str, notify=stepChanged)
    def stepType(self) -> str:
        return self._v("step_type")

    @Property(str, notify=stepChanged)
    def stepTitle(self) -> str:
        return self._v("title")

    @Property(str, notify=stepChanged)
    def stepPrompt(self) -> str:
        return self._v("prompt")

    @Property(int, notify=stepChanged)
    def stepNumber(self) -> int:
        return self._v("index", 0)

    @Property(int, notify=stepChanged)
    def stepCount(self) -> int:
        return self._v("total", 0)

    @Property(bool, notify=stepChanged)
    def canBack(self) -> bool:
        return bool(self._v("can_back", False)) and self._action is None

    @Property(bool, notify=stepChanged)
    def working(self) -> bool:
        return bool(self._v("busy", False))

    @Property("QVariantMap", notify=stepChanged)
    def display(self) -> dict:
        shown = _plain(self._v("display", {}) or {})
        shown.update(self._progress)
        return shown

    @Property(str, notify=stepChanged)
    def error(self) -> str:
        code = self._v("error", None)
        return f"error.{code}" if code else ""

    @Property(str, notify=stepChanged)
    def outcome(self) -> str:
        return self._v("outcome", None) or ""

    # ---- what QML calls ------------------------------------------------------------------------

    @Slot(str, "QVariantMap")
    def submit(self, outcome: str, data: dict) -> None:
        if self._engine is None or self._action is not None or not self._view.waiting:
            return  # a second touch while the first is being handled
        self._apply(self._engine.submit(outcome, _plain(data)))

    @Slot()
    def back(self) -> None:
        if self._engine is not None and self._action is None:
            self._apply(self._engine.back())

    @Slot()
    def cancel(self) -> None:
        if self._engine is not None:
            if self._action is not None:
                self._action.cancel()
            self._apply(self._engine.cancel())

    # ---- inside --------------------------------------------------------------------------------

    def _apply(self, view: Any) -> None:
        changed_step = self._view is None or view.visit != self._view.visit
        self._view = view
        if changed_step:
            self._progress = {}
        self._timer.stop()
        if not view.finished and view.waiting and view.timeout_s > 0:
            self._timer.start(int(view.timeout_s * 1000))
        self.stepChanged.emit()
        if changed_step and not view.finished and self.on_step_entered is not None:
            self.on_step_entered(view)
        if view.finished:  # the engine has journaled the end and wiped the session's values
            self.finished.emit(view.service_id, view.outcome or "")
            if self._engine is not None and self._engine.finished:
                self._clear()
            return
        action = self._engine.pending_action()
        if action is not None and action is not self._action:
            self._run(action)

    def _run(self, action: Any) -> None:
        self._action = action

        def work() -> None:
            result = action.run(lambda display: self._progressed.emit(action, display))
            self._actionDone.emit(action, result)

        thread = threading.Thread(target=work, name=f"flow-{action.step_id}", daemon=True)
        self._threads = [t for t in self._threads if t.is_alive()] + [thread]
        thread.start()

    @Slot(object, object)
    def _on_action_done(self, action: Any, result: Any) -> None:
        if action in self._orphans:  # its session was abandoned meanwhile: let the engine journal the end
            engine = self._orphans.pop(action)
            engine.complete(action, result)
            return
        if action is not self._action or self._engine is None:
            return
        self._action = None
        self._apply(self._engine.complete(action, result))

    @Slot(object, object)
    def _on_progress(self, action: Any, display: Any) -> None:
        if action is self._action:
            self._progress.update(_plain(display))
            self.stepChanged.emit()

    def _timed_out(self) -> None:
        if self._engine is not None and self._action is None:
            self._apply(self._engine.timeout())

    def _clear(self) -> None:
        self._engine, self._view, self._action, self._progress = None, None, None, {}
        self._timer.stop()
        self.activeChanged.emit()
        self.stepChanged.emit()

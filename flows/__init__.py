"""The flow engine and the service definitions a citizen walks through. Plain Python: no Qt, no kiosk.

The model is Electrum's wizard: the engine knows the steps and their order; a thin QObject adapter in
kiosk/ shows the current step's QML screen (one component per step type) and passes the citizen's input
back. Everything here is testable without a QApplication.

Definitions (data, one TOML file per service in flows/definitions/; format in flows/loader.py)
    load_definitions(folder=DEFINITIONS_DIR) -> tuple[Definition, ...]   raises DefinitionError
    check_files(paths) -> list[Problem]          every problem with file, line and step (`kiosk flows check`)
    catalogue(definitions) -> Catalogue          departments + services for the shell (flows.catalogue)

A session (flows.engine.Engine; the adapter owns one per citizen)
    engine = Engine(definition, ports, journal, observer=log_callback)
    view = engine.start()                        -> View (flows.view): what to show now
    action = engine.pending_action()             -> PendingAction | None   (view.busy is True)
        result = action.run(on_progress)         run it on a WORKER thread; on_progress(display) may be
                                                 called from there (payment QR, door number, instructions)
        view = engine.complete(action, result)   back on the engine's thread (it journals)
    view = engine.submit(outcome="ok", data={})  when view.waiting: the citizen's answer. A choice's outcome
                                                 is the option; a notice's the way on chosen. A refused
                                                 input keeps the step with view.error set (a flow code).
    view = engine.back()                         when view.can_back
    view = engine.cancel()                       always; while an action runs, it is told to stop and the
                                                 session ends once complete() got its result
    view = engine.timeout()                      the adapter's timer (view.timeout_s) ran out while waiting
    engine.run_pending()                         runs actions in place (tests, headless demos)

View fields the adapter binds: step_type (-> QML component), title and prompt (translation ids; the prompt
is spoken), display (step-specific, masked; labels are translation ids), error (show qsTrId("error." +
error)), index/total ("step n of m"), can_back, busy, waiting, timeout_s, visit (changes on every step
entry, also re-entry of the same step), finished and outcome (done, failed, cancelled, timeout).
The engine's thread must be the one that opened the store's Database; only actions go to a worker.

Ports (flows.ports: typing.Protocol each; flows.fakes has in-memory ones steered by named conditions)
    Ports(clock, outbox, platform, id_card, fingerprint, face, printer, lockers, scanner, queue,
          pickup_public_key)           a port left None makes the steps that need it fail gracefully

Journal and recovery
    Journal(db, sealer, clock=...)     sqlite-utils Database of the store (tables of the flow migration);
                                       sealer: sync.sealing.Sealer or anything with its seal/open
    recover(journal, ports)            at start, before any session: unfinished sessions are queued for
                                       staff (outbox stream "interrupted_session") and marked interrupted

Observer events (no personal data; for the catalogued log): session_started, step_entered,
input_refused, effect_intended, effect_finished, step_finished, session_ended, session_wiped.

Demo scripts (flows.demo): [demo.*] tables in each definition; run_demo(engine, script, set_world)
replays one headless; CONDITIONS names the world conditions a script may set (payment_declined ...).
"""

import importlib
from typing import Any

#: where each public name lives; imported on first use, so `import flows.catalogue` (the shell's start)
#: does not pay for the engine, the journal and the ports
_PUBLIC = {
    "Catalogue": "catalogue", "Department": "catalogue", "Service": "catalogue", "catalogue": "catalogue",
    "Definition": "definition", "DemoScript": "definition", "Step": "definition",
    "Engine": "engine", "EngineMisuse": "engine", "PendingAction": "engine", "Journal": "journal",
    "check_files": "loader", "load_definition": "loader", "load_definitions": "loader", "Ports": "ports",
    "DefinitionError": "problems", "Problem": "problems", "recover": "recovery", "View": "view",
}
__all__ = sorted(_PUBLIC)


def __getattr__(name: str) -> Any:
    if name not in _PUBLIC:
        raise AttributeError(f"module 'flows' has no attribute {name!r}")
    return getattr(importlib.import_module(f"flows.{_PUBLIC[name]}"), name)

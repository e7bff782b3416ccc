"""The catalogue of log events: every line the kiosk writes is one of these, with declared fields only.

To log something new, add an EventSpec here: a dotted name, its type and disposition, its level, one line
saying what happened, and each field with its kind (kiosk/log/fields.py says how each kind is written).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal, get_args

from kiosk.log.fields import FIELD_KINDS, FieldKind

EventType = Literal["application", "device", "session", "sync", "security", "user-action"]
Disposition = Literal["success", "failure", "na"]
Level = Literal["debug", "info", "warning", "error"]

#: Keys every line has; no field may use them.
RESERVED_KEYS = frozenset({"ts", "event", "type", "disposition", "level"})


class UnknownEventError(Exception):
    """log_event was called with a name that is not in the catalogue (a programming error)."""


class UndeclaredFieldError(Exception):
    """log_event was given a field its event does not declare (a programming error)."""


@dataclass(frozen=True)
class EventSpec:
    name: str
    type: EventType
    disposition: Disposition
    level: Level
    description: str
    fields: Mapping[str, FieldKind] = field(default_factory=dict)

    def __post_init__(self) -> None:
        problems = [] if "." in self.name else ["name is not dotted"]
        checks = (("type", self.type, EventType), ("disposition", self.disposition, Disposition),
                  ("level", self.level, Level))
        for what, value, allowed in checks:
            if value not in get_args(allowed):
                problems.append(f"{what} {value!r}")
        problems += [f"field {name!r} of kind {kind!r}" for name, kind in self.fields.items()
                     if kind not in FIELD_KINDS or name in RESERVED_KEYS]
        if problems:
            raise ValueError(f"event {self.name!r} is malformed: {', '.join(problems)}")
        object.__setattr__(self, "fields", MappingProxyType(dict(self.fields)))


_E = EventSpec
_CATALOGUE = (
    _E("app.started", "application", "success", "info", "The kiosk process started.",
       {"version": "code", "platform": "text", "config_source": "path", "simulate": "bool"}),
    _E("app.stopped", "application", "success", "info", "The kiosk process is stopping.", {"reason": "code"}),
    _E("app.config_invalid", "application", "failure", "error", "The configuration was refused at start.",
       {"source": "path", "line": "int", "key": "code"}),
    _E("ui.first_frame", "application", "success", "info", "The first frame of the UI was shown.",
       {"startup_ms": "int"}),
    _E("app.ready", "application", "success", "info",
       "Devices, diagnostics, sync and the services are running (started right after the first frame).",
       {"services": "int", "devices": "int"}),
    _E("ui.screen_shown", "user-action", "na", "info", "A screen was shown.", {"screen": "code"}),
    _E("ui.language_changed", "user-action", "success", "info", "The citizen changed the language.",
       {"language": "code"}),
    _E("ui.large_text_changed", "user-action", "success", "info", "Large-text mode was switched on or off.",
       {"enabled": "bool"}),
    _E("session.started", "session", "na", "info", "A citizen session started.", {"session_id": "code"}),
    _E("session.idle_warning", "session", "na", "info", "The 'are you still there?' countdown started.",
       {"session_id": "code", "seconds_left": "int"}),
    _E("session.ended", "session", "na", "info", "A session ended (timeout, cancel or finished).",
       {"session_id": "code", "reason": "code"}),
    _E("session.wiped", "security", "success", "info", "A session's personal data was wiped from memory.",
       {"session_id": "code"}),
    _E("memory.released", "application", "success", "debug",
       "After a session, what it left was collected (QML, Python) and the heap's free pages went back to the "
       "system (resident memory before, after; milliseconds it took on the UI thread).",
       {"rss_before_mb": "float", "rss_after_mb": "float", "took_ms": "float"}),
    _E("store.opened", "application", "success", "info", "The SQLite store was opened.",
       {"path": "path", "schema_version": "int"}),
    _E("store.migrated", "application", "success", "info", "The store schema was migrated one version up.",
       {"from_version": "int", "to_version": "int"}),
    _E("store.integrity_failed", "application", "failure", "error",
       "The store failed its integrity check and was moved to quarantine.",
       {"path": "path", "quarantined_to": "path", "reason": "text"}),
    _E("network.state_changed", "sync", "na", "info", "The central platform became reachable or unreachable.",
       {"online": "bool", "waiting": "int"}),
    _E("speech.unavailable", "application", "failure", "warning", "Voice guidance cannot speak.",
       {"engine": "code", "reason": "text"}),
    _E("security.shortcut_blocked", "security", "success", "warning",
       "A keyboard shortcut that could leave the kiosk was blocked.", {"key": "code"}),
    _E("sim.device_served", "device", "success", "info",
       "A simulated device is served on a pseudo-terminal for the kiosk's driver.",
       {"device": "code", "kind": "code", "path": "path"}),
    _E("sim.control_listening", "device", "success", "info",
       "The simulators' control handle listens for `kiosk sim` commands.", {"path": "path"}),
    _E("sim.control_action", "device", "na", "info",
       "A simulator was acted on through its control handle (arguments are not logged).",
       {"device": "code", "action": "code", "ok": "bool"}),
    _E("device.status_changed", "device", "na", "info",
       "A device's status changed (logged once per change, not on every poll).",
       {"device": "code", "kind": "code", "port": "path", "state": "code", "code": "code", "previous": "code",
        "detail": "text"}),
    _E("device.code_scanned", "device", "na", "info",
       "A scanner read a code (its text is never logged: it may carry personal data).",
       {"device": "code", "ok": "bool", "code": "code"}),
    _E("diag.report", "user-action", "na", "info",
       "A technician asked for the diagnostics report (`kiosk diag` or the maintenance screen).",
       {"tests": "int", "passed": "bool"}),
    _E("sync.agent_started", "sync", "success", "info", "The sync agent started forwarding the outbox.",
       {"url": "url"}),
    _E("sync.agent_stopped", "sync", "success", "info", "The sync agent stopped."),
    _E("sync.batch_sent", "sync", "success", "debug", "A batch of events was answered by the central platform.",
       {"events": "int", "acknowledged": "int", "dead": "int"}),
    _E("sync.blob_uploaded", "sync", "success", "debug", "A photo or template reached the central platform.",
       {"size": "int"}),
    _E("sync.upload_failed", "sync", "failure", "warning",
       "Sending to the central platform failed; it is tried again after a pause, for ever.",
       {"reason_code": "code", "status": "int", "attempt": "int", "retry_in_ms": "int"}),
    _E("sync.recovered", "sync", "success", "info", "Sending works again after failures.",
       {"failed_attempts": "int"}),
    _E("sync.dead_lettered", "sync", "failure", "error",
       "The central platform refused an event; it moved to the dead-letter table for a technician.",
       {"event_id": "code", "stream": "code", "reason_code": "code"}),
    _E("sync.retention_exceeded", "sync", "failure", "error",
       "Records have waited longer than the retention limit (they are kept, never deleted unsent).",
       {"waiting": "int", "oldest_days": "float"}),
    _E("sync.bundle_accepted", "sync", "success", "info", "A signed bundle was verified and is now in force.",
       {"kind": "code", "version": "int"}),
    _E("sync.bundle_rejected", "security", "failure", "error",
       "A downloaded bundle failed verification; the last good one stays in force.",
       {"kind": "code", "reason_code": "code", "reason": "text"}),
    _E("central.started", "sync", "success", "info", "The reference central platform server is listening.",
       {"url": "url", "tls": "bool", "db": "path"}),
    _E("maintenance.entered", "security", "success", "warning",
       "A technician entered maintenance mode (who: pin or card).", {"who": "code"}),
    _E("maintenance.exited", "security", "na", "info", "Maintenance mode ended (exit, timeout, shutdown).",
       {"who": "code", "reason": "code", "duration_s": "int"}),
    _E("maintenance.pin_refused", "security", "failure", "warning",
       "A wrong maintenance PIN was entered (the PIN itself is never logged).", {"attempts_left": "int"}),
    _E("maintenance.locked", "security", "failure", "error",
       "Security alert: too many wrong maintenance PINs; the entry is locked for a while.",
       {"seconds": "int", "lockouts": "int"}),
    _E("maintenance.card_refused", "security", "failure", "warning",
       "A card that is not a technician card was offered for maintenance mode.",
       {"card": "masked_id", "reason": "code"}),
    _E("maintenance.self_test", "user-action", "na", "info", "A technician ran a device's self-test.",
       {"device": "code", "passed": "bool", "code": "code"}),
    _E("maintenance.out_of_service", "user-action", "success", "warning",
       "The terminal was taken out of service, or put back in service.", {"enabled": "bool", "who": "code"}),
    _E("maintenance.report_written", "user-action", "na", "info",
       "A readiness report was written (JSON and HTML), or could not be.",
       {"path": "path", "passed": "bool", "code": "code"}),
    _E("flow.step_entered", "session", "na", "info", "A citizen's service reached a step.",
       {"session_id": "code", "step": "code", "step_type": "code"}),
    _E("flow.step_finished", "session", "na", "info", "A step ended with an outcome (and a flow error code).",
       {"session_id": "code", "step": "code", "outcome": "code", "error": "code"}),
    _E("flow.effect_finished", "session", "na", "info",
       "A side effect (payment, print, door, submission) finished: done, failed or unknown.",
       {"session_id": "code", "step": "code", "kind": "code", "state": "code"}),
    _E("flow.session_ended", "session", "na", "info", "A service ended: done, failed, cancelled or timeout.",
       {"session_id": "code", "outcome": "code"}),
    _E("flow.session_interrupted", "session", "failure", "warning",
       "A session cut short by a crash or power cut was found at start and queued for staff.",
       {"session_id": "code", "service": "code", "step": "code", "effects": "int"}),
    _E("platform.pickups_refreshed", "sync", "success", "info",
       "The terminal pulled the pickup records of its locker wall from the central platform.", {"records": "int"}),
    _E("platform.pickups_refresh_failed", "sync", "failure", "warning",
       "The pickup records could not be pulled; the records pulled before still answer.",
       {"code": "code", "kept": "int"}),
    _E("camera.started", "device", "success", "info", "The camera started capturing (it reconnects by itself).",
       {"device": "code", "driver": "code", "port": "path"}),
    _E("camera.unavailable", "device", "failure", "error",
       "The configured camera could not be set up (face models missing, no scenes); face steps are off.",
       {"device": "code", "code": "code"}),
    _E("sim.pcsc_unserved", "device", "failure", "warning",
       "A simulated PC/SC reader is not served (no root, pcscd or vsmartcard-vpcd missing, or this process "
       "talks to another pcscd); the kiosk runs on without it.", {"device": "code", "code": "code", "reason": "text"}),
    _E("pcsc.watch_started", "application", "success", "info",
       "The PC/SC reader is watched for technician cards (technicians: how many keys the kiosk holds).",
       {"device": "code", "technicians": "int"}),
    _E("pcsc.watch_failed", "application", "failure", "error",
       "Watching the PC/SC reader for cards stopped on an unexpected error; the reader's next status change "
       "starts it again.", {"device": "code", "error": "text"}),
    _E("pcsc.technician_proven", "security", "success", "info",
       "A card on the PC/SC reader proved it is a technician's card; its id goes on to the maintenance gate.",
       {"device": "code", "technician": "masked_id"}),
    _E("pcsc.technician_refused", "security", "failure", "warning",
       "A technician card was refused: a technician without a key here, or a wrong answer to the challenge "
       "(a copied or forged card).", {"device": "code", "code": "code"}),
    _E("pcsc.card_not_technician", "device", "na", "info",
       "A card on the PC/SC reader is not a technician card, or left before its check ended.",
       {"device": "code", "code": "code"}),
    _E("maintenance.technician_keys_refused", "security", "failure", "error",
       "The technician card keys file cannot be used; every technician card is refused until it is fixed.",
       {"path": "path", "code": "code", "detail": "text"}),
    _E("sync.bundle_key_refused", "security", "failure", "error",
       "The pinned bundle key file ([central] bundle_key_file) cannot be used; no bundle is pulled until it "
       "is fixed (run `kiosk provision` again).", {"path": "path", "detail": "text"}),
    _E("update.health_reported", "application", "success", "info",
       "The kiosk is up (first frame, devices, sync) and said so in health.json for the update installer.",
       {"version": "text"}),
    _E("update.health_unwritten", "application", "failure", "error",
       "The health report could not be written; an update just installed will be rolled back.",
       {"path": "path", "error": "code"}),
    _E("update.off", "application", "na", "info", "Software updates are off on this terminal.", {"reason": "text"}),
    _E("update.bad_release", "security", "failure", "error",
       "The signed software bundle does not describe an installable package; nothing is downloaded.",
       {"version": "text", "code": "code", "detail": "text"}),
    _E("update.skipped", "application", "na", "warning",
       "The published version was rolled back here before; it waits for another one to be published.",
       {"version": "text"}),
    _E("update.available", "application", "na", "info", "A software update is published: downloading it.",
       {"version": "text", "from_version": "text"}),
    _E("update.download_failed", "application", "failure", "warning",
       "The update package could not be fetched or does not match the signed bundle (then it was deleted); "
       "tried again at the next check.", {"version": "text", "code": "code", "detail": "text"}),
    _E("update.downloaded", "application", "success", "info",
       "The update package is here and matches the signed bundle (size and SHA-256).",
       {"version": "text", "size": "int"}),
    _E("update.waiting_for_pause", "application", "na", "info",
       "The update waits for a pause between sessions (a citizen or a technician is using the terminal).",
       {"version": "text"}),
    _E("update.handed_over", "application", "success", "info",
       "Between sessions: the terminal is held out of service and the installer asked to install the update.",
       {"version": "text", "request_id": "code"}),
    _E("update.handover_timeout", "application", "failure", "error",
       "The installer did not act on the update request in time; the terminal is back in service.",
       {"version": "text"}),
    _E("update.outcome", "application", "na", "info",
       "What became of an update request (applied, rolled_back, refused, rollback_failed), as the installer "
       "recorded it; also sent to the central platform.",
       {"version": "text", "from_version": "text", "result": "code", "code": "code"}),
    _E("update.apply_started", "application", "na", "info", "The installer is installing an update.",
       {"version": "text", "from_version": "text"}),
    _E("update.previous_kept", "application", "success", "info",
       "The running version was saved as a package (dpkg-repack) to roll back to.", {"version": "text"}),
    _E("update.restart_failed", "application", "failure", "error",
       "The installer's command to restart the kiosk failed.", {"exit_code": "int"}),
    _E("update.applied", "application", "success", "info",
       "The update is installed and the new version reported healthy in time.",
       {"version": "text", "from_version": "text"}),
    _E("update.rolled_back", "application", "failure", "error",
       "The update did not install or did not report healthy in time; the previous version is back and this "
       "version will not be tried again.", {"version": "text", "from_version": "text", "code": "code",
                                              "detail": "text"}),
    _E("update.rollback_failed", "application", "failure", "error",
       "Installing the previous version again failed too: the terminal needs a technician.",
       {"version": "text", "from_version": "text", "code": "code", "detail": "text"}),
    _E("update.refused", "security", "failure", "error",
       "The installer refused an update request (signature, replayed bundle, package mismatch, or not wanted).",
       {"version": "text", "from_version": "text", "code": "code", "detail": "text"}),
    _E("maintenance.report_printed", "user-action", "na", "info",
       "A technician printed the readiness report on the receipt printer (or it could not print: code).",
       {"device": "code", "passed": "bool", "code": "code"}),
    _E("maintenance.send_now", "user-action", "na", "info",
       "A technician pressed \"send now\": the sync agent sends its queue and a heartbeat at once.",
       {"waiting": "int"}),
)

EVENTS: Mapping[str, EventSpec] = MappingProxyType({spec.name: spec for spec in _CATALOGUE})
if len(EVENTS) != len(_CATALOGUE):
    raise ValueError("the log catalogue names an event twice")

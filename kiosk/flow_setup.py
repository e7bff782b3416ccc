"""Everything the flow engine needs in a running kiosk: definitions, journal, ports, and recovery at start.

    runtime = FlowRuntime.create(store, devices, platform=client)   # recovers unfinished sessions first
    engine = runtime.new_engine("id_card_replace")

Personal data in the journal and the outbox is sealed with the store's key (`<data dir>/keys/store.key`,
readable by the kiosk user only). What the engine reports is logged as catalogued events without values.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from flows.definition import Definition
from flows.engine import Engine
from flows.journal import Journal
from flows.loader import load_definitions
from flows.ports import Ports, SystemClock
from flows.recovery import recover
from kiosk.flow_ports import StoreOutbox, device_ports
from kiosk.log import log_event


def _observe(event: str, **fields: Any) -> None:
    """The engine's events, as log lines: ids, steps and codes only, never a value a citizen gave."""
    session = fields.get("session_id")
    if event == "step_entered":
        log_event("flow.step_entered", session_id=session, step=fields.get("step"), step_type=fields.get("type"))
    elif event == "step_finished":
        log_event("flow.step_finished", session_id=session, step=fields.get("step"),
                  outcome=fields.get("outcome"), error=fields.get("error"))
    elif event == "effect_finished":
        log_event("flow.effect_finished", session_id=session, step=fields.get("step"), kind=fields.get("kind"),
                  state=fields.get("state"))
    elif event == "session_ended":
        log_event("flow.session_ended", session_id=session, outcome=fields.get("outcome"))


@dataclass
class FlowRuntime:
    definitions: Mapping[str, Definition]
    journal: Journal
    ports: Ports
    recovered: list = field(default_factory=list)
    last_engine: Engine | None = None  # the most recent session's engine (its side effects, for `kiosk demo`)

    @classmethod
    def create(cls, store, devices=None, *, sealer=None, platform=None, printer=None, face=None, queue=None,
               pickup_public_key: bytes = b"", clock=None, hall_name=lambda: "",
               language=lambda: "zh", on_enqueued=lambda: None) -> FlowRuntime:
        from kiosk.sync_setup import store_sealer

        sealer = sealer or store_sealer(store)
        clock = clock or SystemClock()
        if printer is None and devices is not None and devices.first("printer") is not None:
            from kiosk.flow_printing import PrinterPort

            printer = PrinterPort(devices, devices.first("printer"), hall_name=hall_name, language=language)
        ports = Ports(clock=clock, outbox=StoreOutbox(store.path, sealer, on_enqueued), platform=platform, printer=printer,
                      face=face, queue=queue, pickup_public_key=pickup_public_key,
                      **(device_ports(devices) if devices is not None else {}))
        runtime = cls({d.id: d for d in load_definitions()}, Journal(store.db, sealer, clock=clock), ports)
        runtime.recovered = recover(runtime.journal, ports)
        for found in runtime.recovered:
            log_event("flow.session_interrupted", session_id=found.session_id, service=found.service_id,
                      step=found.step_id, effects=len(found.effects))
        return runtime

    def use_face(self, face) -> None:
        """The camera and face pipeline are ready (they load after the devices); new sessions use them."""
        from dataclasses import replace

        self.ports = replace(self.ports, face=face)

    def use_pickup_key(self, key: bytes) -> None:
        """The platform's pickup-code key arrived (development: asked of the platform); new sessions use it."""
        from dataclasses import replace

        self.ports = replace(self.ports, pickup_public_key=key)

    def new_engine(self, service_id: str) -> Engine:
        self.last_engine = Engine(self.definitions[service_id], self.ports, self.journal, observer=_observe)
        return self.last_engine

    def titles(self) -> dict[str, tuple[str, str]]:
        return {d.id: (d.title, d.icon) for d in self.definitions.values()}

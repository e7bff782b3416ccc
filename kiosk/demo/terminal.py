"""A whole simulated terminal in this process, offscreen: store, simulators, devices, the kiosk's screens,
the flows, and the demo world. Used by `kiosk demo`, bench/flows.py and the end-to-end tests.

    with simulated_terminal(folder, size=(1080, 1920), lang="zh") as t:
        DemoRunner(t.kapp, t.runtime, t.world, screenshots=...).run(definition, script)
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass
class Terminal:
    kapp: Any
    runtime: Any
    world: Any
    hub: Any
    manager: Any
    store: Any

    def act(self, kind: str, action: str, arguments: dict) -> dict:
        name = self.manager.first(kind)
        if name is None:
            return {}
        return self.hub.handle({"action": "act", "device": name, "do": action, "args": arguments})


@contextmanager
def simulated_terminal(folder: Path, *, size: tuple[int, int] = (1080, 1920), lang: str = "zh",
                       online: bool = True) -> Iterator[Terminal]:
    from kiosk.config import load_config
    from kiosk.demo.citizen import SimCitizen
    from kiosk.demo.world import DemoWorld
    from kiosk.devices import DeviceManager
    from kiosk.flow_setup import FlowRuntime
    from kiosk.sim_hub import SimHub
    from kiosk.store import Store
    from kiosk.ui import screenshot as shots
    from kiosk.ui.app import KioskApp, prepare_qt

    config = load_config(None, env={"KIOSK__STORE__DATA_DIR": str(folder / "store"),
                                    "KIOSK__UI__VOICE_ENGINE": "mock"}, simulate=True)
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:  # Qt is set up once per process (bench runs several terminals)
        from kiosk.cli import _qt_app

        prepare_qt("offscreen", size)
        _qt_app(sys.argv[0])
    store = Store.open(folder / "store")
    hub = SimHub(folder / "sim", config.devices)
    hub.start()
    manager = DeviceManager(config.devices, sim_dir=hub.folder)
    manager.start()
    kapp = world = None
    try:
        for worker in manager.workers.values():
            worker.opened.wait(30)
        terminal = Terminal(None, None, None, hub, manager, store)
        world = DemoWorld(SimCitizen(terminal.act), terminal.act)
        kapp = KioskApp(config, store=store, voice_engine="mock", full_screen=False, size=size,
                        clock=shots.FakeClock())
        runtime = FlowRuntime.create(store, manager, hall_name=lambda: kapp.shell.hallName,
                                     language=lambda: kapp.shell.language, **world.ports())
        kapp.attach_devices(manager, hub)
        kapp.attach_flows(runtime)
        if getattr(world, "rig", None):
            kapp.attach_camera(world.face)
        kapp.shell.setLanguage(lang)
        kapp.shell.setNetwork(online, 0)
        terminal.kapp, terminal.runtime, terminal.world = kapp, runtime, world
        yield terminal
    finally:
        if kapp is not None:
            kapp.close()
        if world is not None:
            world.close()
        manager.stop()
        hub.stop()
        store.close()

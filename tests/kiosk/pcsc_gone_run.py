"""A simulated kiosk process with a PC/SC reader of its own (run by tests/kiosk/test_pcsc_pcscd_gone.py):
`python -m tests.kiosk.pcsc_gone_run FOLDER` starts the sim hub (which starts its own pcscd, as `kiosk run
--simulate` does), the DeviceManager and the technician watch, then presents a technician card, unplugs
pcscd, plugs it back in and presents the card again. Its kiosk log goes to stdout as JSON lines; the last
line is {"heard": [technician ids handed on]}.

A process of its own, because libpcsclite talks to one pcscd per process (the test process has its own).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from drivers.pcsc.technician import TechnicianKeys
from kiosk.config.schema import DeviceConfig
from kiosk.devices import DeviceManager
from kiosk.log import configure_logging
from kiosk.log.emit import LOGGER_NAME
from kiosk.pcsc_setup import start_technician_watch
from kiosk.sim_hub import SimHub
from tests.kiosk.pcsc_fixtures import Events

KEYS = TechnicianKeys({"T-0042": bytes(range(32))})


def main(folder: Path) -> int:
    import logging

    configure_logging("info", stream=sys.stdout)
    events = Events()
    logging.getLogger(LOGGER_NAME).addHandler(events)
    devices = {"pcsc_reader": DeviceConfig(kind="pcsc_reader")}
    hub = SimHub(folder / "sim", devices, technician_keys=KEYS)
    hub.start()
    manager = DeviceManager(devices, sim_dir=hub.folder, poll_s=0.05)
    heard: list[str] = []
    manager.start()
    watch = start_technician_watch(manager, KEYS, heard.append)

    def act(do: str) -> None:
        answer = hub.handle({"action": "act", "device": "pcsc_reader", "do": do, "args": {}})
        assert answer["ok"], answer

    def reached(state: str, count: int = 1) -> None:
        events.wait_until(lambda: events.states("pcsc_reader").count(state) >= count, f"{count} {state}", 20)

    try:
        reached("user_action")
        act("insert_technician_card")
        events.wait_for("pcsc.technician_proven")
        act("unplug")  # pcscd stops: the reader is gone, the card with it
        reached("disconnected")
        act("replug")
        reached("user_action", 2)  # back by itself, with the reader empty
        act("insert_technician_card")
        events.wait_for("pcsc.technician_proven", 2)
    finally:
        watch.stop()
        manager.stop()
        hub.stop()
    print(json.dumps({"heard": heard}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))

"""The central platform sees a simulated kiosk's faults: a printer out of paper (its status) and a jammed
locker door (found by a self-test), carried by the heartbeat and shown by the reference server."""

import json
import signal
import urllib.request

from sync.central import CentralServer
from tests.kiosk.kiosk_process import read_events_until, run, running_kiosk
from tests.sync.conftest import wait_until


def terminals(central):
    with urllib.request.urlopen(central.url + "/control/terminals", timeout=5) as answer:
        return json.load(answer)["terminals"]


def faults_of(central, terminal="dev-0001"):
    return {f["device"]: f for f in terminals(central).get(terminal, {}).get("faults", [])}


def test_the_platform_sees_a_printer_out_of_paper_and_a_jammed_door(env, tmp_path):
    with CentralServer(tmp_path / "central" / "central.db", port=0) as central:
        env["KIOSK__CENTRAL__URL"] = central.url
        with running_kiosk(env) as proc:
            read_events_until(proc, "app.ready")
            wait_until(lambda: "dev-0001" in terminals(central), 30, "the kiosk's first heartbeat")
            # the first heartbeat may go out while devices still open; their coming up is sent at once too
            wait_until(lambda: not {"printer", "locker"} & set(faults_of(central)), 30, "a healthy heartbeat")

            assert run(["sim", "do", "printer", "paper_out"], env).returncode == 0
            assert run(["sim", "do", "locker", "jam", '{"door": 3}'], env).returncode == 0
            found = run(["diag", "--test", "locker", "--door", "3", "--json"], env)
            assert found.returncode == 1, found.stderr

            wait_until(lambda: {"printer", "locker"} <= set(faults_of(central)), 30,
                       "both faults at the platform")
            faults = faults_of(central)
            assert (faults["printer"]["state"], faults["printer"]["code"]) == ("maintenance", "printer.paper_out")
            assert faults["locker"]["fault"] == "locker.door_jammed" and "3" in faults["locker"]["summary"]

            with urllib.request.urlopen(central.url + "/", timeout=5) as page:
                text = page.read().decode()
            assert "printer.paper_out" in text and "locker.door_jammed" in text
            proc.send_signal(signal.SIGTERM)
            assert proc.wait(timeout=30) == 0

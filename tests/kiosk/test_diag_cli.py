"""`kiosk diag` as a technician on SSH meets it: the board, self-tests, exit codes, JSON."""

import json
import signal
from pathlib import Path

from tests.kiosk.kiosk_process import read_events_until, run, running_kiosk

SERIAL = ("id_reader", "fingerprint", "locker", "qr_scanner")


def test_without_a_running_kiosk_diag_opens_the_simulated_devices_itself(env):
    result = run(["diag", "--simulate", "--test", "all", "--json"], env)
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout)
    devices = {d["name"]: d for d in report["devices"]}
    assert report["ok"] is True and set(devices) >= set(SERIAL)
    for name in SERIAL:
        assert devices[name]["state"] in ("ready", "user_action"), devices[name]  # user_action: no card
        assert devices[name]["self_test"]["passed"], devices[name]
    assert devices["locker"]["self_test"]["evidence"]["doors"] == 24
    assert devices["id_reader"]["serial_number"]
    assert report["system"]["disk"]["free_mb"] > 0


def test_a_jammed_door_in_the_running_kiosk_is_found_named_and_fails_the_exit_code(env):
    with running_kiosk(env) as proc:
        read_events_until(proc, "app.ready")  # devices and their simulators are up
        assert run(["sim", "do", "locker", "jam", '{"door": 3}'], env).returncode == 0
        result = run(["diag", "--test", "locker", "--door", "3", "--door", "4", "--json"], env)
        assert result.returncode == 1, result.stderr
        locker = next(d for d in json.loads(result.stdout)["devices"] if d["name"] == "locker")
        test = locker["self_test"]
        assert test["passed"] is False and test["code"] == "locker.door_jammed"
        assert test["evidence"]["jammed"] == [3] and test["evidence"]["opened"] == [4]
        assert "3" in test["summary"] and test["description"]

        text = run(["diag", "--test", "locker", "--door", "3"], env)
        assert text.returncode == 1
        assert "PROBLEMS FOUND" in text.stdout and "self-test FAIL" in text.stdout
        events = read_events_until(proc, "diag.report")
        assert events[-1]["passed"] is False
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0


def test_a_missing_port_is_named_and_fails(env, tmp_path):
    config = tmp_path / "kiosk.toml"
    port = tmp_path / "ttyUSB-fingerprint"
    config.write_text(f'[devices.fp]\nkind = "fingerprint"\ndriver = "as608"\nport = "{port}"\n')
    result = run(["diag", "--config", str(config), "--test", "fp", "--json"], env)
    assert result.returncode == 1
    fp = json.loads(result.stdout)["devices"][0]
    assert fp["state"] == "disconnected" and fp["code"] == "device.port_missing" and fp["port"] == str(port)
    assert "fp" in fp["detail"] and str(port) in fp["detail"]
    assert fp["self_test"]["passed"] is False


def test_an_unknown_device_is_refused_naming_the_configured_ones(env):
    result = run(["diag", "--simulate", "--test", "toaster"], env)
    assert result.returncode == 2
    assert "no configured device toaster" in result.stderr and "locker" in result.stderr


def test_a_printer_out_of_paper_is_found_and_a_test_receipt_prints_once_refilled(env, tmp_path):
    with running_kiosk(env) as proc:
        read_events_until(proc, "app.ready")
        assert run(["sim", "do", "printer", "paper_out"], env).returncode == 0
        out = run(["diag", "--test", "printer", "--json"], env)
        assert out.returncode == 1
        printer = next(d for d in json.loads(out.stdout)["devices"] if d["name"] == "printer")
        assert printer["self_test"]["passed"] is False and printer["state"] == "maintenance"
        assert printer["self_test"]["code"] == printer["code"] and "paper" in printer["code"]

        assert run(["sim", "do", "printer", "clear"], env).returncode == 0
        ok = run(["diag", "--test", "printer", "--print-test", "--json"], env)
        printer = next(d for d in json.loads(ok.stdout)["devices"] if d["name"] == "printer")
        assert printer["self_test"]["passed"] and printer["self_test"]["evidence"]["printed"], printer
        exported = json.loads(run(["sim", "do", "printer", "export", json.dumps({"folder": str(tmp_path)})],
                                  env).stdout)
        assert exported["ok"] and len(exported["result"]) == 1  # the test receipt, as a picture
        assert Path(exported["result"][0]).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0

"""The `kiosk` command as an installer and a technician meet it: real subprocesses, real files."""

import json
import signal
import subprocess
import time

from tests.kiosk.kiosk_process import KIOSK, read_events_until, run, running_kiosk


def test_version(env):
    from kiosk import __version__

    result = run(["--version"], env)
    assert result.returncode == 0
    assert result.stdout.strip() == f"kiosk {__version__}"


def test_bad_config_stops_the_start_naming_file_line_and_key(tmp_path, env):
    config = tmp_path / "kiosk.toml"
    config.write_text('[ui]\nlanguage = "zh"\nidle_timeout_s = "soon"\n', encoding="utf-8")
    result = run(["run", "--config", str(config), "--platform", "offscreen"], env)
    assert result.returncode == 2
    assert f"{config}:3: [ui] idle_timeout_s: expected a whole number of seconds" in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_device_port_stops_the_start(tmp_path, env):
    config = tmp_path / "kiosk.toml"
    config.write_text('[devices.printer]\nkind = "printer"\ndriver = "escpos-serial"\n', encoding="utf-8")
    result = run(["run", "--config", str(config), "--platform", "offscreen"], env)
    assert result.returncode == 2
    assert f"{config}:1: [devices.printer] port" in result.stderr


def test_damaged_store_is_kept_aside_and_the_start_refused(tmp_path, env):
    store = tmp_path / "store"
    store.mkdir()
    (store / "kiosk.db").write_bytes(b"this is not a database" * 500)
    result = run(["run", "--simulate", "--platform", "offscreen"], env)
    assert result.returncode == 3
    assert str(store / "kiosk.db") in result.stderr
    kept = list((store / "quarantine").iterdir())
    assert len(kept) == 1 and kept[0].read_bytes() == b"this is not a database" * 500


def test_run_shows_the_attract_screen_and_stops_cleanly_on_sigterm(env):
    with running_kiosk(env) as proc:
        events = read_events_until(proc, "ui.first_frame")
        names = [e["event"] for e in events]
        assert names.index("app.started") < names.index("store.opened") < names.index("ui.first_frame")
        assert events[-1]["startup_ms"] > 0
        proc.send_signal(signal.SIGTERM)
        events = read_events_until(proc, "app.stopped")
        assert proc.wait(timeout=30) == 0


def test_screenshot_writes_the_named_screen(tmp_path, env):
    out = tmp_path / "attract.png"
    result = run(["screenshot", "attract", "--out", str(out), "--lang", "en", "--size", "1920x1080"], env)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    from PySide6.QtGui import QImage

    assert QImage(str(out)).size().toTuple() == (1920, 1080)


def test_screenshot_rejects_a_bad_size(tmp_path, env):
    result = run(["screenshot", "attract", "--out", str(tmp_path / "x.png"), "--size", "huge"], env)
    assert result.returncode == 2
    assert "expected WIDTHxHEIGHT such as 1080x1920" in result.stderr


def test_run_without_a_display_says_how_to_choose_one(env):
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        env.pop(name, None)
    result = run(["run", "--simulate"], env)
    assert result.returncode == 4
    assert "there is no display here" in result.stderr


def read_events_while(proc, done, timeout_s=60):
    """JSON log lines from the kiosk's stderr until `done(events)` holds."""
    events = []
    deadline = time.monotonic() + timeout_s
    while not done(events):
        left = deadline - time.monotonic()
        states = {d: device_states(events, d) for d in sorted({e.get("device") for e in events
                                                               if e["event"] == "device.status_changed"})}
        assert left > 0, f"not there in time; device states {states}; events {[e['event'] for e in events]}"
        events += read_events_until(proc, "device.status_changed", left)
    return events


def device_states(events, device):
    return [e["state"] for e in events if e["event"] == "device.status_changed" and e["device"] == device]


def test_the_running_kiosk_drives_its_simulated_devices_and_hears_kiosk_sim(env):
    from drivers.idcard.idnumber import mask
    from drivers.idcard.simcard import SAMPLE_IDENTITY

    with running_kiosk(env) as proc:
        events = read_events_while(proc, lambda ev: all(
            {"ready", "user_action"} & set(device_states(ev, d)) for d in ("id_reader", "fingerprint", "locker",
                                                                           "qr_scanner")))
        served = {e["device"]: e["path"] for e in events if e["event"] == "sim.device_served"}
        opened = {e["device"]: e["port"] for e in events if e["event"] == "device.status_changed"}
        assert opened["id_reader"] == served["id_reader"]  # the kiosk's own driver holds the port

        assert run(["sim", "do", "locker", "unplug"], env).returncode == 0
        events += read_events_while(proc, lambda ev: device_states(ev, "locker")[-1:] == ["disconnected"])
        assert run(["sim", "do", "locker", "replug"], env).returncode == 0
        events += read_events_while(proc, lambda ev: device_states(ev, "locker")[-1:] == ["ready"])
        assert device_states(events, "locker") == ["ready", "disconnected", "ready"]  # each change once

        assert run(["sim", "do", "qr_scanner", "scan", '{"text": "PICKUP-0042"}'], env).returncode == 0
        events += read_events_until(proc, "device.code_scanned")
        assert events[-1]["ok"] is True and "PICKUP-0042" not in json.dumps(events)

        put = run(["sim", "put-card"], env)
        assert put.returncode == 0, put.stderr
        diag = run(["diag", "--test", "id_reader", "--json"], env)  # read by the kiosk's own driver
        reader = next(d for d in json.loads(diag.stdout)["devices"] if d["name"] == "id_reader")
        assert reader["self_test"]["passed"], reader
        assert reader["self_test"]["evidence"]["card"]["id_number"] == mask(SAMPLE_IDENTITY["id_number"])
        assert run(["sim", "remove-card"], env).returncode == 0
        listing = json.loads(run(["sim", "list"], env).stdout)
        assert "put_card" in listing["devices"]["id_reader"]["actions"]
        refused = run(["sim", "do", "id_reader", "teleport"], env)
        assert refused.returncode == 1 and "cannot 'teleport'" in refused.stdout
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0


def test_kiosk_sim_without_a_running_kiosk_says_so(env):
    result = run(["sim", "list"], env)
    assert result.returncode == 2
    assert "no running `kiosk run --simulate` answers" in result.stderr


def test_under_systemd_the_kiosk_says_ready_pings_the_watchdog_and_says_stopping(env, tmp_path):
    import socket

    address = str(tmp_path / "notify.sock")
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as listener:
        listener.bind(address)
        listener.settimeout(60)
        env.update(NOTIFY_SOCKET=address, WATCHDOG_USEC="400000")  # WatchdogSec=0.4: a ping every 0.2 s
        proc = subprocess.Popen(KIOSK + ["run", "--simulate", "--platform", "offscreen"], env=env,
                                stderr=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
        try:
            said = []
            while said.count("WATCHDOG=1") < 3:
                said.append(listener.recv(4096).decode())
            assert "READY=1" in said
            proc.send_signal(signal.SIGTERM)
            while said[-1] != "STOPPING=1":
                said.append(listener.recv(4096).decode())
            assert proc.wait(timeout=30) == 0
        finally:
            proc.kill()
            proc.wait()

"""The technician's board rows: state tones, ages at a glance, evidence as lines, system figures."""

from kiosk.maintenance.board import age, evidence_lines, row, system_values


def entry(**kw):
    base = {"name": "locker", "kind": "locker", "driver": "sim", "port": "/dev/ttyS1", "managed": True,
            "state": "ready", "code": None, "detail": "", "description": "", "model": "CU16",
            "firmware": "1.2", "serial_number": "A7", "since_s": 125.0, "self_test": None}
    return base | kw


def test_ages_read_at_a_glance():
    assert [age(s) for s in (None, 0, 59.9, 60, 3599, 3600, 3725, 90061)] == \
        ["", "0 s", "59 s", "1 min", "59 min", "1 h 0 min", "1 h 2 min", "1 d 1 h"]


def test_a_row_carries_the_state_tone_and_the_last_test():
    ok = row(entry(), doors=24)
    assert (ok["tone"], ok["since"], ok["testable"], ok["doors"], ok["test"]["state"]) == \
        ("ok", "2 min", True, 24, "none")
    broken = row(entry(state="disconnected", code="device.disconnected", detail="port gone"),
                 test={"passed": False, "summary": "opening door 3: gone", "code": "device.disconnected",
                       "description": "The device cannot be reached",
                       "evidence": {"opened": [], "jammed": [3]}})
    assert broken["tone"] == "bad" and broken["code"] == "device.disconnected"
    assert broken["test"]["state"] == "fail" and broken["test"]["evidence"] == ["opened: -", "jammed: 3"]
    assert row(entry(), running=True)["test"]["state"] == "running"
    unmanaged = row(entry(kind="printer", managed=False, state=None, since_s=None))
    assert (unmanaged["tone"], unmanaged["testable"], unmanaged["since"]) == ("none", False, "")


def test_evidence_lines_flatten_nested_values():
    evidence = {"card": {"id_number": "110101********1234"}, "sam_id": "05.01", "card2": None}
    assert evidence_lines(evidence) == \
        ['card: {"id_number": "110101********1234"}', "sam_id: 05.01", "card2: -"]


def test_system_values_say_when_the_disk_is_too_full():
    values = system_values({"software_version": "0.1", "python": "3.11.9", "disk": {"path": "/var/lib/kiosk",
                            "free_mb": 100, "total_mb": 8000}, "disk_ok": False, "memory": {},
                            "system_uptime_s": 7300, "kiosk_uptime_s": 30})
    assert values["disk"] == "100 MB free of 8000 MB (/var/lib/kiosk) - TOO LITTLE" and not values["diskOk"]
    assert values["uptime"] == "system 2 h 1 min, kiosk 30 s"

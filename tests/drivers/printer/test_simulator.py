"""The simulated printer's control handle, state, real-time status bytes, and kept receipts."""

from pathlib import Path

from drivers.printer import simulator
from drivers.printer.compose import PrinterProfile, compose
from kiosk.sim_hub import model_actions

from .conftest import document

JOB = b"\x1b@\x1c&" + "测试".encode("gb18030") + b"\n\x1dV\x01"


def test_control_actions_offered_to_kiosk_sim():
    assert model_actions(simulator.create()) == ["clear", "cover_open", "cutter_error", "export", "offline",
                                                 "paper_near_end", "paper_out"]


def test_status_bytes_follow_the_faults():
    model = simulator.create()
    ask = lambda: model.receive(b"\x10\x04\x01\x10\x04\x02\x10\x04\x03\x10\x04\x04").hex(" ")
    assert ask() == "12 12 12 12"
    model.paper_near_end()
    assert ask() == "12 12 12 1e"
    model.paper_out()
    assert ask() == "1a 32 12 7e"
    model.clear()
    model.cover_open()
    assert ask() == "1a 16 12 12"
    model.clear()
    model.cutter_error()
    assert ask() == "1a 52 1a 12"
    model.offline()
    assert ask() == ""
    model.clear()
    assert ask() == "12 12 12 12"


def test_gs_r_is_answered_only_when_printing_is_possible():
    model = simulator.create()
    assert model.receive(JOB + b"\x1dr\x01") == b"\x00"
    model.paper_near_end()
    assert model.receive(b"\x1dr\x01") == b"\x03"
    model.paper_out()
    assert model.receive(JOB + b"\x1dr\x01") == b""
    assert model.printed == 1


def test_state_round_trip_and_receipts_written_to_a_folder(tmp_path):
    model = simulator.create({"paper_mm": 58, "native_qr": False, "folder": str(tmp_path / "out")})
    model.paper_near_end()
    model.receive(compose(document(paper_mm=58), PrinterProfile(58, native_qr=False)))
    state = model.snapshot()
    assert state == {"paper_mm": 58, "native_qr": False, "chinese": True, "paper": "near_end",
                     "cover_open": False, "cutter_error": False, "offline": False, "printed": 1,
                     "folder": str(tmp_path / "out")}
    assert simulator.create(state).snapshot() == state
    assert (tmp_path / "out" / "receipt-0001.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    paths = model.export(str(tmp_path / "export"))
    assert [Path(p).name for p in paths] == ["receipt-0001.png"]


def test_only_the_last_receipts_are_kept():
    model = simulator.create()
    for _ in range(simulator.KEEP + 3):
        model.receive(JOB)
    assert len(model.receipts) == simulator.KEEP and model.printed == simulator.KEEP + 3

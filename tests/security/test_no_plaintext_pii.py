"""Claim: after citizens have used every service, no test citizen's name, ID number or phone number is in
plain text in the database file, its WAL, the logs or any other file the kiosk wrote.

A whole simulated terminal (kiosk/demo/terminal.py: the real store with WAL, the real screens offscreen, the
kiosk's drivers on the device simulators) runs the demo citizens through every service, finished, cancelled
and abandoned, with the log written to a file in the data folder at debug level. Then every file the kiosk
wrote (the store folder, its keys, the log, the on-screen keyboard's data folder) is searched in every
encoding (kiosk/security/pii_scan.py). The simulators' folder is the devices' side (the card in the reader,
the paper in the printer) and is not searched."""

from __future__ import annotations

import io
import json
import shutil
import sqlite3

import pytest

from drivers.idcard.simcard import SAMPLE_IDENTITY
from flows.loader import load_definitions
from kiosk.demo.run import DemoRunner
from kiosk.demo.terminal import simulated_terminal
from kiosk.log import configure_logging
from kiosk.security.pii_scan import citizen_needles, files_under, scan_bytes, scan_files
from sync.outbox import waiting

PHONE = "13800138000"  # the demo scripts' phone number (flows/definitions/*.toml)
NEEDLES = citizen_needles(name=SAMPLE_IDENTITY["name"], id_number=SAMPLE_IDENTITY["id_number"], phone=PHONE)
#: every service, finished, refused input and abandoned (about 45 s, most of it the ID card replacement's
#: face and fingerprint steps; a cancelled session seals the same way as these)
RUNS = [("id_card_replace", "happy"), ("id_card_replace", "timeout"), ("id_card_pickup", "by_id_card"),
        ("forms", "happy"), ("rating", "bad_contact"), ("queue_ticket", "happy"), ("id_photo", "happy")]


@pytest.fixture(scope="module")
def soaked(qapp, tmp_path_factory):
    """The terminal after the runs, still running (so the WAL is there): (folder, terminal, log text)."""
    folder = tmp_path_factory.mktemp("soak")
    stream = io.StringIO()
    (folder / "store").mkdir()
    configure_logging("debug", file=folder / "store" / "kiosk.log", stream=stream)
    definitions = {d.id: d for d in load_definitions()}
    try:
        with simulated_terminal(folder) as t:
            outcomes = []
            for service, script in RUNS:
                definition = definitions[service]
                summary = DemoRunner(t.kapp, t.runtime, t.world).run(definition, definition.demo(script))
                outcomes.append((service, script, summary.outcome, definition.demo(script).expect))
            yield folder, t, stream, outcomes
    finally:
        configure_logging("info", stream=io.StringIO())


def kiosk_files(folder, t):
    return files_under(folder / "store", t.kapp._keyboard_data.name)


def test_every_service_ran_as_its_script_says(soaked):
    _folder, t, _stream, outcomes = soaked
    assert [(s, n, got) for s, n, got, want in outcomes if got != want] == []
    journaled = t.store.db.execute("SELECT count(*) FROM flow_sessions").fetchone()[0]
    assert journaled >= len(RUNS) and t.store.db.execute("SELECT count(*) FROM outbox").fetchone()[0] > 0


def test_no_file_the_kiosk_wrote_holds_a_name_id_number_or_phone(soaked):
    folder, t, _stream, _outcomes = soaked
    files = kiosk_files(folder, t)
    names = {p.name for p in files}
    assert {"kiosk.db", "kiosk.db-wal", "kiosk.log"} <= names, names  # the WAL is there, not checkpointed away
    assert [str(h) for h in scan_files(files, NEEDLES)] == []


def test_the_log_holds_none_of_it(soaked):
    _folder, _t, stream, _outcomes = soaked
    text = stream.getvalue()
    assert '"flow.session_ended"' in text and '"flow.step_finished"' in text  # debug level: everything
    assert scan_bytes(text.encode("utf-8"), NEEDLES) == []


def test_the_citizens_data_went_through_the_store_and_left_with_the_session(soaked):
    """Not a scan of sessions that never got that far: the finished ID card replacements' journal outlines
    show the steps that capture the card's name and number, the phone and the photo, done. While a session
    runs its journal holds those sealed (tests/flows/test_journal.py); once it ends, the journal keeps none,
    and the records waiting for the central platform hold none either."""
    _folder, t, _stream, _outcomes = soaked
    sessions = [r[0] for r in t.store.db.execute(
        "SELECT id FROM flow_sessions WHERE service_id = 'id_card_replace' AND state = 'done'")]
    assert sessions
    for session in sessions:
        steps = t.runtime.journal.steps(session)
        assert {"identity", "phone", "photo"} <= {s.step_id for s in steps if s.outcome == "ok"}
        assert all(s.captured == {} for s in steps)
    events = waiting(t.store.db, max_events=10_000, max_bytes=1 << 30)
    assert events and all(e.sealed for e in events)
    opened = json.dumps([e.payload(t.runtime.journal.sealer) for e in events], ensure_ascii=False)
    assert scan_bytes(opened.encode("utf-8"), NEEDLES) == []


def test_after_shutdown_the_checkpointed_database_holds_none_of_it(soaked, tmp_path):
    folder, _t, _stream, _outcomes = soaked
    copy = tmp_path / "copy"
    shutil.copytree(folder / "store", copy)
    with sqlite3.connect(copy / "kiosk.db") as db:  # what a stolen disk shows once SQLite has checkpointed
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    assert [str(h) for h in scan_files(files_under(copy), NEEDLES)] == []

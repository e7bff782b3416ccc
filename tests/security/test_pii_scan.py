"""The plaintext search the threat model's claims rest on (kiosk/security/pii_scan.py) finds a citizen's
data however a program wrote it, and reports where without repeating it."""

import json
import sqlite3

from kiosk.security.pii_scan import Needle, citizen_needles, files_under, scan_bytes, scan_files

NAME, ID_NUMBER, PHONE = "李四", "11010119900307803X", "13912345678"
NEEDLES = citizen_needles(name=NAME, id_number=ID_NUMBER, phone=PHONE)


def test_each_encoding_is_found():
    for encoding in ("utf-8", "utf-16-le", "utf-16-be", "gb18030"):
        data = b"\x00junk" + NAME.encode(encoding) + b"more"
        assert [(o, k) for o, k, _ in scan_bytes(data, NEEDLES)] == [(5, "name")], encoding
    escaped = json.dumps({"name": NAME}).encode()  # ensure_ascii: \u674e\u56db
    assert [k for _o, k, e in scan_bytes(escaped, NEEDLES)] == ["name"]


def test_an_id_number_with_a_lower_case_check_letter_is_found():
    assert [k for _o, k, _e in scan_bytes(ID_NUMBER.lower().encode(), NEEDLES)] == ["id_number"]


def test_hits_name_the_file_and_offset_never_the_value(tmp_path):
    (tmp_path / "logs").mkdir()
    (tmp_path / "logs" / "kiosk.log").write_text(f'{{"phone": "{PHONE}"}}\n', encoding="utf-8")
    (tmp_path / "clean.txt").write_text("nothing here")
    [hit] = scan_files(files_under(tmp_path), NEEDLES)
    assert (hit.path.name, hit.offset, hit.kind, hit.encoding) == ("kiosk.log", 11, "phone", "utf-8")
    assert PHONE not in str(hit) + repr(hit) and "kiosk.log at byte 11: a phone (utf-8)" in str(hit)
    assert ID_NUMBER not in repr(NEEDLES)


def test_a_sqlite_utf16_database_and_its_wal_are_searched(tmp_path):
    db = sqlite3.connect(tmp_path / "x.db")
    db.execute("PRAGMA encoding = 'UTF-16le'")
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("CREATE TABLE t (v TEXT)")
    db.execute("INSERT INTO t VALUES (?)", [NAME])
    db.commit()
    hits = scan_files(files_under(tmp_path), NEEDLES)
    assert {(h.path.name, h.encoding) for h in hits} == {("x.db-wal", "utf-16-le")}
    db.close()


def test_excluded_folders_and_vanished_files_are_skipped(tmp_path):
    (tmp_path / "sim").mkdir()
    (tmp_path / "sim" / "card.json").write_text(NAME)
    assert files_under(tmp_path, exclude=[tmp_path / "sim"]) == []
    assert scan_files([tmp_path / "gone"], [Needle("name", NAME)]) == []

"""`kiosk sync status --json` and `kiosk central`, as a technician and a developer run them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import requests

from kiosk.cli import main
from kiosk.store import Store
from sync import outbox
from sync.db import transaction, utc_now


def test_sync_status_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Store.open(tmp_path) as store:
        for n in range(3):
            outbox.enqueue(store.db, stream="application", payload={"n": n})
        bad = outbox.enqueue(store.db, stream="rating", payload={"stars": 9})
        with transaction(store.db) as conn:
            outbox.dead_letter(conn, bad, "rating.out_of_range", "stars must be 1 to 5", utc_now())
    assert main(["sync", "status", "--json", "--data-dir", str(tmp_path)]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["waiting"] == 3 and status["streams"]["application"]["waiting"] == 3
    assert status["streams"]["application"]["oldest_age_s"] >= 0
    assert status["dead_letters"] == 1 and status["dead_letter_codes"] == {"rating.out_of_range": 1}
    assert status["last_success_at"] is None and status["last_error_code"] is None


def test_sync_status_without_a_store_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sync", "status", "--json", "--data-dir", str(tmp_path / "none")]) == 3
    assert "there is no store" in capsys.readouterr().err


def test_central_serves_health_and_its_protocol(tmp_path: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "central", "--port", "0", "--db", str(tmp_path / "c.db")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = process.stdout.readline()
        assert line.startswith("central platform on http://127.0.0.1:"), process.stderr.read()
        url = line.split()[3]
        assert requests.get(url + "/health", timeout=5).json() == {"status": "ok"}
        assert requests.get(url + "/openapi.json", timeout=5).json()["openapi"].startswith("3.")
        assert (tmp_path / "bundle-signing.pub.pem").exists()
    finally:
        process.terminate()
        process.wait(10)
        process.stdout.close()
        process.stderr.close()


def test_central_refuses_half_a_tls_setup(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["central", "--tls-cert", str(tmp_path / "x.pem"), "--db", str(tmp_path / "c.db")]) == 2
    assert "--tls-key" in capsys.readouterr().err


def test_make_dev_pki(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["central", "--make-dev-pki", str(tmp_path / "pki"), "--terminal", "t-7"]) == 0
    written = json.loads(capsys.readouterr().out)
    assert Path(written["terminals"]["t-7"][0]).exists() and Path(written["ca_cert"]).exists()

"""CentralPlatform: the flows' PlatformPort over HTTP against the real reference server on loopback.

A citizen replaces an ID card and later collects it from the locker wall through the real platform; the
pickup works with the platform gone; every call returns within the client's timeout, even from a platform
that answers a byte at a time; nothing about a citizen shows in a repr."""

from __future__ import annotations

import json
import shutil
import socket
import socketserver
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest

from drivers.errors import Failure, Ok
from flows.engine import Engine
from flows.fakes import SAMPLE_ID_NUMBER, World
from flows.journal import Journal
from flows.loader import load_definitions
from flows.pickup import read_code
from flows.ports import Payment, PlatformPort, Submission
from flows.view import View
from kiosk.flow_platform import CentralPlatform, platform_key, read_pickup_key
from kiosk.store import Store
from sync.central import CentralServer
from sync.client import CentralClient
from sync.errors import SyncFailure
from sync.sealing import Sealer
from tests.sync.conftest import Recorder, make_client

FACES = Path(__file__).resolve().parents[1] / "data" / "faces"
DEFINITIONS = {d.id: d for d in load_definitions()}
PHONE = "13800138000"
UNKNOWN_ID = "11010119900307803X"


@pytest.fixture
def server(tmp_path: Path) -> Iterator[CentralServer]:
    registry = tmp_path / "registry"
    registry.mkdir()
    shutil.copy(FACES / "obama.jpg", registry / f"{SAMPLE_ID_NUMBER}.jpg")
    with CentralServer(tmp_path / "central" / "central.db", port=0, registry=registry,
                       auto_payment="paid") as running:
        yield running


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def platform(server: CentralServer, recorder: Recorder) -> CentralPlatform:
    return CentralPlatform(make_client(server.url), on_event=recorder)


def control(client: CentralClient, method: str, path: str, body: dict | None = None) -> Any:
    reply = client.call(method, path, body=json.dumps(body or {}).encode(),
                        headers={"Content-Type": "application/json"})
    assert not isinstance(reply, SyncFailure), reply
    return json.loads(reply.body)


def last_sms_code(server: CentralServer) -> str:
    return control(make_client(server.url), "GET", "/control/sms")["challenges"][0]["code"]


def test_it_answers_every_call_the_flows_make() -> None:
    wanted = {name for name in vars(PlatformPort) if not name.startswith("_")}
    assert wanted and wanted <= set(dir(CentralPlatform))


# ---- each call --------------------------------------------------------------------------------------------


def test_payments_are_idempotent_and_pay(platform: CentralPlatform, server: CentralServer) -> None:
    control(make_client(server.url), "POST", "/control/next-payments", {"outcome": "never", "count": 1})
    created = platform.create_payment("s1.pay.1", 2000, "id_card_replace")
    assert isinstance(created, Ok) and isinstance(created.value, Payment) and "2000" in created.value.qr_text
    assert platform.create_payment("s1.pay.1", 2000, "id_card_replace") == created  # a retry: the same payment
    assert platform.payment_state(created.value.id) == Ok("pending")
    other = platform.create_payment("s2.pay.1", 2000, "id_card_replace").value
    assert platform.pay_with_code(other.id, "284912345678901234") == Ok(None)
    assert platform.payment_state(other.id) == Ok("paid")


def test_sms_codes_are_sent_once_and_checked(platform: CentralPlatform, server: CentralServer) -> None:
    challenge = platform.send_sms_code("s1.sms.v1", PHONE)
    assert isinstance(challenge, Ok) and platform.send_sms_code("s1.sms.v1", PHONE) == challenge
    code = last_sms_code(server)
    assert platform.check_sms_code(challenge.value, "000000" if code != "000000" else "111111") == Ok(False)
    assert platform.check_sms_code(challenge.value, code) == Ok(True)


def test_an_application_is_one_application(platform: CentralPlatform, server: CentralServer) -> None:
    record = {"service_id": "id_card_replace", "id_number": SAMPLE_ID_NUMBER, "name": "张三", "pickup": "locker",
              "photo": b"\xff\xd8application", "fingerprints": [b"T" * 512, b"U" * 512]}
    sent = platform.submit_application("s1.submit.1", record)
    assert isinstance(sent, Ok) and isinstance(sent.value, Submission)
    assert platform.submit_application("s1.submit.1", record) == sent
    claim = read_code(sent.value.pickup_code, server.pickup_public_key)
    assert claim is not None and claim.application_no == sent.value.application_no


def test_registry_photo_and_a_clear_not_found(platform: CentralPlatform) -> None:
    assert platform.registry_photo(SAMPLE_ID_NUMBER) == Ok((FACES / "obama.jpg").read_bytes())
    missing = platform.registry_photo(UNKNOWN_ID)
    assert type(missing) is Failure and missing.code == "registry.not_found"  # a plain Failure for the flows


def test_the_pickup_key_can_be_fetched_for_pinning(platform: CentralPlatform, server: CentralServer) -> None:
    assert platform.fetch_pickup_key() == Ok(server.pickup_public_key)


def test_the_pinned_key_file_reads_as_raw_bytes(server: CentralServer, tmp_path: Path) -> None:
    assert read_pickup_key(server.pickup_public_key_path) == server.pickup_public_key
    broken = tmp_path / "broken.pem"
    broken.write_text("not a key")
    with pytest.raises(ValueError, match="broken.pem"):
        read_pickup_key(broken)


def test_a_key_the_platform_would_refuse_is_digested_the_same_each_time(platform: CentralPlatform) -> None:
    long_key = "session-" + "x" * 80 + ".pay.1"
    assert platform_key(long_key) == platform_key(long_key) != long_key
    assert platform_key("a1b2.pay.1") == "a1b2.pay.1"
    first = platform.create_payment(long_key, 100, "svc")
    assert isinstance(first, Ok) and platform.create_payment(long_key, 100, "svc") == first


# ---- pickup records, offline ----------------------------------------------------------------------------


def test_pickup_lookups_answer_after_the_platform_is_gone(platform: CentralPlatform, server: CentralServer,
                                                          recorder: Recorder) -> None:
    sent = platform.submit_application("s1.submit.1", {"service_id": "id_card_replace",
                                                       "id_number": SAMPLE_ID_NUMBER, "pickup": "locker"}).value
    assert platform.pickup_record(sent.application_no) is None  # not pulled yet
    assert platform.refresh() == Ok(1)
    server.stop()
    record = platform.pickup_record(sent.application_no)
    assert record is not None and record.door == 1
    assert record.photo == (FACES / "obama.jpg").read_bytes()  # no application photo: the registry's
    assert platform.pickup_record_for(SAMPLE_ID_NUMBER.lower()) == record
    assert platform.pickup_record_for(UNKNOWN_ID) is None and platform.pickup_record("A1") is None
    failed = platform.refresh()
    assert isinstance(failed, Failure) and failed.code == "sync.offline"
    assert platform.pickup_record(sent.application_no) == record  # the records pulled before still answer
    assert recorder.named("platform.pickups_refreshed") == [{"records": 1}]
    assert recorder.named("platform.pickups_refresh_failed") == [{"code": "sync.offline", "kept": 1}]
    assert SAMPLE_ID_NUMBER not in repr(record) + repr(platform) and "photo" not in repr(record)


def test_records_staff_added_by_hand_are_left_out(platform: CentralPlatform, server: CentralServer) -> None:
    control(make_client(server.url), "POST", "/control/pickups",
            {"terminal": "t-0001", "receipt_code": "R123", "door": "A07", "service_id": "id_card_replace"})
    assert platform.refresh() == Ok(0)


def test_a_dead_platform_fails_fast_with_a_code() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    platform = CentralPlatform(make_client(f"http://127.0.0.1:{port}", timeout_s=2.0))
    for call in (lambda: platform.create_payment("k", 100, "svc"), lambda: platform.payment_state("pay-1"),
                 lambda: platform.send_sms_code("k", PHONE), lambda: platform.check_sms_code("sms-1", "123456"),
                 lambda: platform.submit_application("k", {"id_number": SAMPLE_ID_NUMBER}),
                 lambda: platform.registry_photo(SAMPLE_ID_NUMBER), lambda: platform.pay_with_code("p", "1" * 18),
                 platform.refresh):
        result = call()
        assert isinstance(result, Failure) and result.code == "sync.offline"
    assert platform.pickup_record_for(SAMPLE_ID_NUMBER) is None


# ---- the deadline -----------------------------------------------------------------------------------------


class _Dripping(socketserver.ThreadingTCPServer):
    """Answers every request one header byte at a time, 0.2 s apart (at most 100 bytes): the library's
    per-read timeout never fires."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self) -> None:
        self.stopping = threading.Event()
        super().__init__(("127.0.0.1", 0), _DripHandler)


class _DripHandler(socketserver.BaseRequestHandler):
    def handle(self) -> None:
        self.request.recv(65536)
        self.request.sendall(b"HTTP/1.1 200 OK\r\n")
        for _ in range(100):
            if self.server.stopping.wait(0.2):
                return
            self.request.sendall(b"X")


def test_every_call_returns_within_the_clients_timeout() -> None:
    dripping = _Dripping()
    thread = threading.Thread(target=dripping.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        platform = CentralPlatform(make_client(f"http://127.0.0.1:{dripping.server_address[1]}", timeout_s=1.0))
        started = time.monotonic()
        result = platform.create_payment("s1.pay.1", 2000, "id_card_replace")
        elapsed = time.monotonic() - started
        assert isinstance(result, Failure) and result.code == "sync.timeout"
        assert 0.9 <= elapsed < 2.0  # the platform would have dripped for 20 s
        assert platform.refresh().code == "sync.timeout"
    finally:
        dripping.stopping.set()
        dripping.shutdown()
        dripping.server_close()
        thread.join(5)


# ---- a citizen, end to end --------------------------------------------------------------------------------


Answer = tuple[str, Mapping[str, Any]] | Callable[[], tuple[str, Mapping[str, Any]]]


def drive(engine: Engine, answers: Mapping[str, Answer], errors: list[str] | None = None) -> View:
    """Run the session to its end: actions run, waiting steps get their answer (default ok); the flow
    errors the screens showed are added to `errors`."""
    view = engine.start()
    for _ in range(200):
        if view.finished:
            return view
        if (action := engine.pending_action()) is not None:
            view = engine.complete(action, action.run())
            continue
        if errors is not None:
            errors += [e for e in (view.error, view.display.get("error")) if e]
        answer = answers.get(view.step_id, ("ok", {}))
        outcome, data = answer() if callable(answer) else answer
        view = engine.submit(outcome, data)
    raise AssertionError(f"the session did not end (at {view.step_id})")


def test_a_card_replaced_then_collected_through_the_real_platform(tmp_path: Path, server: CentralServer,
                                                                   platform: CentralPlatform) -> None:
    world = World()
    ports = world.ports(platform=platform, pickup_public_key=server.pickup_public_key)
    with Store.open(tmp_path / "data") as store:
        journal = Journal(store.db, Sealer.from_key_file(tmp_path / "seal.key"), clock=world.clock)
        replaced = drive(Engine(DEFINITIONS["id_card_replace"], ports, journal), {
            "reason": ("lost", {}), "identity": ("ok", {"id_number": SAMPLE_ID_NUMBER, "name": "张三"}),
            "phone": ("ok", {"phone": PHONE}), "sms": lambda: ("ok", {"code": last_sms_code(server)}),
            "pickup": ("locker", {}), "rating": ("ok", {"level": 1, "reasons": []})})
        assert replaced.outcome == "done"
        [receipt] = [d for d in world.printed if d.template == "id_card_receipt"]
        assert read_code(receipt.qr, server.pickup_public_key) is not None

        assert platform.refresh() == Ok(1)
        server.stop()  # the pickup needs no network
        world.scanned.append(receipt.qr)
        collected = drive(Engine(DEFINITIONS["id_card_pickup"], ports, journal), {
            "how": ("code", {}), "rating": ("ok", {"level": 1, "reasons": []})})
        assert collected.outcome == "done"
        assert ["door_opened", 1] in world.ledger
        world.scanned.append(receipt.qr)  # the same receipt again: the door stays shut
        shown: list[str] = []
        drive(Engine(DEFINITIONS["id_card_pickup"], ports, journal), {
            "how": ("code", {}), "scan_failed": ("staff_help", {}), "staff_done": ("finish", {}),
            "rating": ("ok", {"level": 1, "reasons": []})}, shown)
        assert "flow.pickup_used" in shown and world.count("door_opened") == 1

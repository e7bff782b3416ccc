"""Claim: a pickup QR code cannot be forged, altered or used twice, online or offline.

The code is issued by the real reference platform (over HTTP on loopback) for a real application; the
terminal pulls its pickup records ahead of time and checks code and record with the platform's pinned
Ed25519 key. "Online": the platform is up while the citizen scans. "Offline": it has gone away after the
pull. Each scan is a whole pickup session of the flow engine on the terminal's real store; a refused code
leaves the locker door shut. A code used once stays used after a restart (the store's journal knows)."""

from __future__ import annotations

import base64
import json

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from flows.engine import Engine
from flows.fakes import SAMPLE_ID_NUMBER, World
from flows.journal import Journal
from flows.pickup import PickupClaim, id_digest, make_code
from kiosk.store import Store
from sync.sealing import Sealer
from tests.kiosk.test_flow_platform import DEFINITIONS, drive, platform, recorder, server  # noqa: F401

RATING = ("ok", {"level": 1, "reasons": []})
REFUSED = {"how": ("code", {}), "scan_failed": ("staff_help", {}), "staff_done": ("finish", {}),
           "staff_counter": ("finish", {}), "rating": RATING}


class Terminal:
    """The terminal's side: its store (journal) and the platform port with the records it pulled."""

    def __init__(self, folder, central_platform, central_server):
        self.folder, self.platform, self.server = folder, central_platform, central_server
        self.world = World()
        self.store = Store.open(self.folder)
        self._journal()

    def _journal(self):
        sealer = Sealer.from_key_file(self.folder / "keys" / "store.key")
        self.journal = Journal(self.store.db, sealer, clock=self.world.clock)

    def restart(self):
        self.store.close()
        self.store = Store.open(self.folder)
        self._journal()

    def scan(self, code):
        """A citizen scans `code` at the locker wall: (errors the screens showed, whether a door opened)."""
        before = self.world.count("door_opened")
        self.world.scanned.append(code)
        ports = self.world.ports(platform=self.platform, pickup_public_key=self.server.pickup_public_key)
        errors: list[str] = []
        view = drive(Engine(DEFINITIONS["id_card_pickup"], ports, self.journal), REFUSED, errors)
        assert view.finished
        return errors, self.world.count("door_opened") - before


@pytest.fixture(params=["online", "offline"])
def terminal(request, tmp_path, platform, server):  # noqa: F811 (fixtures from test_flow_platform)
    """A terminal holding the pulled record of one application; its code is `terminal.code`."""
    sent = platform.submit_application("s1.submit.1", {"service_id": "id_card_replace",
                                                       "id_number": SAMPLE_ID_NUMBER, "pickup": "locker"})
    made = Terminal(tmp_path / "terminal", platform, server)
    made.code, made.application_no = sent.value.pickup_code, sent.value.application_no
    assert platform.refresh().value == 1  # the records arrive ahead of the citizen
    if request.param == "offline":
        server.stop()
    yield made
    made.store.close()


def claim_of(code):
    body = code.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))


def test_the_genuine_code_opens_its_door_once(terminal):
    errors, opened = terminal.scan(terminal.code)
    assert opened == 1 and errors == []
    assert terminal.application_no in terminal.journal.collected()


def test_a_code_signed_with_another_key_opens_nothing(terminal):
    claim = claim_of(terminal.code)  # everything right, only the key is not the platform's
    forged = make_code(Ed25519PrivateKey.generate(),
                       PickupClaim(claim["a"], id_digest(SAMPLE_ID_NUMBER), claim["t"]))
    errors, opened = terminal.scan(forged)
    assert opened == 0 and "flow.pickup_forged" in errors


@pytest.mark.parametrize("part", [1, 2])  # the claim, the signature
def test_a_code_with_one_byte_changed_opens_nothing(terminal, part):
    pieces = terminal.code.split(".")
    raw = bytearray(base64.urlsafe_b64decode(pieces[part] + "=" * (-len(pieces[part]) % 4)))
    raw[len(raw) // 2] ^= 0x01
    pieces[part] = base64.urlsafe_b64encode(bytes(raw)).rstrip(b"=").decode()
    errors, opened = terminal.scan(".".join(pieces))
    assert opened == 0 and "flow.pickup_forged" in errors


def test_a_claim_rewritten_to_another_application_opens_nothing(terminal):
    head, _body, signature = terminal.code.split(".")
    claim = claim_of(terminal.code) | {"a": "A209912345"}
    body = base64.urlsafe_b64encode(json.dumps(claim, separators=(",", ":")).encode()).rstrip(b"=").decode()
    errors, opened = terminal.scan(f"{head}.{body}.{signature}")
    assert opened == 0 and "flow.pickup_forged" in errors


def test_the_same_code_a_second_time_opens_nothing(terminal):
    assert terminal.scan(terminal.code)[1] == 1
    errors, opened = terminal.scan(terminal.code)
    assert opened == 0 and "flow.pickup_used" in errors


def test_the_code_stays_used_after_a_restart(terminal):
    assert terminal.scan(terminal.code)[1] == 1
    terminal.restart()  # power cut: the record of the pickup is in the store, not in memory
    errors, opened = terminal.scan(terminal.code)
    assert opened == 0 and "flow.pickup_used" in errors

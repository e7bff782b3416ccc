"""The reference platform writes pickup codes and records in the terminal's format (flows/pickup.py), which
sync may not import: what the server signs, the terminal's own checks accept; anything forged or altered
they refuse. The key comes from GET /v1/pickup-key and from the file beside the server's database."""

from __future__ import annotations

import ast
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat, load_pem_public_key

from flows import pickup as flows_pickup
from flows.ports import PickupRecord
from sync.central import CentralServer, pickup_codes
from sync.client import CentralClient
from sync.errors import Ok

ID_NUMBER = "110101199001010015"
ROOT = Path(__file__).resolve().parents[2]


def application(client: CentralClient, key: str = "s1.submit.1", id_number: str = ID_NUMBER):
    result = client.submit_application(key, {"service_id": "id_card_replace", "id_number": id_number,
                                             "pickup": "locker"})
    assert isinstance(result, Ok), result
    return result.value


def test_the_pinned_key_is_the_one_the_server_signs_with(central: CentralServer, client: CentralClient) -> None:
    assert client.pickup_public_key() == Ok(central.pickup_public_key)
    pem = load_pem_public_key(central.pickup_public_key_path.read_bytes())
    assert pem.public_bytes(Encoding.Raw, PublicFormat.Raw) == central.pickup_public_key
    assert central.pickup_key_path.stat().st_mode & 0o077 == 0  # the private key: owner only


def test_a_code_made_by_the_server_is_read_by_the_terminal(central: CentralServer, client: CentralClient) -> None:
    made = application(client)
    claim = flows_pickup.read_code(made.pickup_code, central.pickup_public_key)
    assert claim is not None
    assert claim.application_no == made.application_no
    assert claim.id_digest == flows_pickup.id_digest(ID_NUMBER) == pickup_codes.id_digest(ID_NUMBER)
    assert claim.issued == central.ctx.clock().date().isoformat()


def test_a_forged_or_altered_code_is_refused(central: CentralServer, client: CentralClient) -> None:
    genuine = application(client).pickup_code
    other_key = Ed25519PrivateKey.generate()
    forged = pickup_codes.make_code(other_key, "A202600001", pickup_codes.id_digest(ID_NUMBER), "2026-01-01")
    head, body, signature = genuine.split(".")
    altered = f"{head}.{body[:-2]}{'A' if body[-2] != 'A' else 'B'}{body[-1]}.{signature}"
    for text in (forged, altered, genuine[:-4], genuine.replace("KP1", "KP2", 1)):
        assert flows_pickup.read_code(text, central.pickup_public_key) is None, text
    assert flows_pickup.read_code(genuine, pickup_codes.public_raw(other_key)) is None  # another platform's


def test_a_pulled_record_verifies_and_a_moved_door_does_not(central: CentralServer, client: CentralClient) -> None:
    made = application(client)
    [pulled] = client.pickup_records().value
    record = PickupRecord(pulled.application_no, int(pulled.door), pulled.id_digest, pulled.signature)
    assert record.application_no == made.application_no and record.door == made.door == 1
    assert flows_pickup.record_is_genuine(record, central.pickup_public_key)
    moved = PickupRecord(record.application_no, record.door + 1, record.id_digest, record.signature)
    assert not flows_pickup.record_is_genuine(moved, central.pickup_public_key)
    assert pickup_codes.record_bytes("A1", 2, "ab") == flows_pickup.record_bytes("A1", 2, "ab")


def test_sync_imports_neither_flows_nor_kiosk() -> None:
    """The copy of the format exists because of this rule: keep it true."""
    offenders = []
    for path in sorted((ROOT / "sync").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            offenders += [f"{path.relative_to(ROOT)}: {n}" for n in names if n.split(".")[0] in ("flows", "kiosk")]
    assert offenders == []

"""Seed inputs for every fuzz target, made by the simulators and the encoders (so they are real frames and
files), written to fuzz/corpus/<target>/seed-NN. Reproducible: `python -m fuzz.seed` writes the same bytes.

The driver targets' seeds are recorded conversations: the real driver talks to the device's simulator
through a RecordingLine, and the answers the simulator gave become the script of the seed.
"""

from __future__ import annotations

import argparse
import base64
import gzip
import json
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import cv2
import numpy as np

from drivers.fingerprint import codec as fp_codec
from drivers.fingerprint.commands import SystemParameters
from drivers.idcard import codec as id_codec
from drivers.idcard import commands as id_commands
from drivers.idcard.driver import IdCardReader
from drivers.idcard.simcard import normalise, text_block
from drivers.idcard.simulator import SamReader
from drivers.locker import kerong, xor8a
from drivers.locker.driver import LockerDriver
from drivers.locker.simulator import LockerBus
from drivers.locker.wall import LockerWall
from drivers.pcsc.apdu import Command, Response
from drivers.pcsc.technician import expected_answer
from drivers.printer.status import real_time_byte
from drivers.scanner.codec import ScanCodec, ScannedCode, Suffix
from drivers.scanner.keymap import keys_for
from drivers.transport import SerialTransport
from flows.pickup import PickupClaim, id_digest, make_code
from fuzz.cards import CHALLENGE, KEYS
from fuzz.devices import wall_for
from fuzz.documents import PICKUP_KEY
from fuzz.harness import join
from fuzz.network import BUNDLE_KEY, NOW
from sync.bundles import sign_bundle

CORPUS = Path(__file__).resolve().parent / "corpus"
ID_NUMBER = "110101199003070011"  # a made-up number with a valid check character
RESIDENT = {"name": "张三", "sex": "male", "nation_code": "01", "birth_date": "1990-03-07",
            "address": "北京市东城区测试街1号", "id_number": ID_NUMBER, "issuing_authority": "北京市公安局东城分局",
            "valid_from": "2020-01-01", "valid_to": "2040-01-01", "fingerprints": 2}
FOREIGNER = {"card_type": "foreign_permanent", "english_name": "TEST, PERSON", "sex": "female",
             "id_number": "USA110090010195", "nationality": "USA", "name": "测试", "birth_date": "1990-01-01",
             "valid_from": "2023-12-01", "valid_to": None, "card_version": "01", "issuing_authority": "1500"}


class RecordingLine:
    """A serial_factory whose line is a simulator: each write is answered by `receive`, and recorded."""

    def __init__(self, receive: Callable[[bytes], bytes]) -> None:
        self.receive, self.answers, self._pending, self.is_open = receive, [], b"", True

    def __call__(self, *args: object, **kwargs: object) -> RecordingLine:
        return self

    in_waiting = property(lambda self: len(self._pending))

    def write(self, data: bytes) -> int:
        answer = self.receive(data)
        self.answers.append(answer)
        self._pending += answer
        return len(data)

    def read(self, size: int = 1) -> bytes:
        out, self._pending = self._pending[:size], self._pending[size:]
        return out

    def flush(self) -> None: pass
    def reset_input_buffer(self) -> None: pass
    def close(self) -> None: self.is_open = False


def idcard_reader_seeds() -> list[bytes]:
    seeds = []
    for card in (RESIDENT, FOREIGNER, None):
        line = RecordingLine(SamReader({"card": card} if card else {}).receive)
        reader = IdCardReader(SerialTransport("sim", 115200, serial_factory=line))
        reader.open(), reader.sam_id(), reader.read_card(), reader.read_card(with_fingerprint=True), reader.poll()
        seeds.append(bytes([63]) + join(line.answers))  # first byte: the line's chunk size
    return seeds


def locker_driver_seeds() -> list[bytes]:
    seeds = []
    for index, family in enumerate((kerong.KerongCU16(), xor8a.Xor8A80())):
        wall = LockerWall.from_dict(wall_for(family))
        line = RecordingLine(LockerBus(wall, family=family.family).receive)
        driver = LockerDriver(SerialTransport("sim", family.baudrate, serial_factory=line), wall, family)
        driver.open(), driver.door_states(), driver.open_door(1)
        seeds.append(bytes([0, 1, index]) + join(line.answers))  # door 1, closed bit 1, channel base 1
    return seeds


def read_answer(card: dict, with_fingerprint: bool) -> bytes:
    sim = SamReader({"card": card})
    for command in (id_commands.FIND_CARD, id_commands.SELECT_CARD):
        sim.receive(id_codec.encode(command))
    command = id_commands.READ_WITH_FINGERPRINT if with_fingerprint else id_commands.READ_BASE
    response, _ = id_codec.decode_response(sim.receive(id_codec.encode(command)))
    return response.data


def pcsc_card_seeds() -> list[bytes]:
    ok = (0x9000).to_bytes(2, "big")
    technician = [ok, b"T-0042" + ok, expected_answer(KEYS.keys["T-0042"], CHALLENGE, "T-0042") + ok]
    social = [ok, bytes([7, 9]) + b"A12345678" + ok, bytes([8, 18]) + ID_NUMBER.encode() + ok]
    chained = [ok, b"T-00" + b"\x61\x02", b"42" + ok, b"\x6c\x20"]
    return [join(technician), join(social), join(chained)]


def sync_response_seeds() -> list[bytes]:
    def answer(status_index: int, body: object = b"", **headers: str) -> bytes:
        raw = body if isinstance(body, bytes) else json.dumps(body).encode()
        head = "\n".join(f"{k.replace('_', '-')}: {v}" for k, v in headers.items()).encode()
        return bytes([status_index]) + head + b"\n\n" + raw

    photo = cv2.imencode(".jpg", np.full((8, 8, 3), 128, np.uint8))[1].tobytes()
    record = {"pickup_id": "p1", "receipt_code": "r1", "door": "3", "service_id": "id_card_replace",
              "ready_at": "2026-11-23T03:00:00Z", "application_no": "A1", "id_digest": id_digest(ID_NUMBER),
              "signature": base64.b64encode(bytes(64)).decode(), "photo": base64.b64encode(photo).decode()}
    happy = [answer(0, {"results": [{"id": "e1", "status": "stored"}]}),
             answer(5, upload_offset="0"), answer(0, upload_offset="16"), answer(0, upload_offset="32"),
             answer(0, upload_offset="40", upload_complete="true"),
             answer(0, b'{"kind":"catalogue"}', etag='"v1"'), answer(0, {}), answer(0, {"records": [record]}),
             answer(0, {"algorithm": "Ed25519", "public_key": base64.b64encode(bytes(32)).decode()}),
             answer(1, {"application_no": "A1", "pickup_code": "KP1.x.y", "door": 3}), answer(0, photo),
             answer(1, {"payment_id": "p1", "qr_text": "pay://p1"}), answer(0, {"state": "pending"}),
             answer(0, {"state": "paid"}), answer(1, {"challenge_id": "c1"}), answer(0, {"ok": True})]
    refusals = [answer(8, {"code": "rate.limited"}, retry_after="7"),
                answer(10, b"", retry_after="Mon, 23 Nov 2026 03:00:05 GMT"), answer(4, {"code": "auth.no"}),
                answer(5, {"code": "registry.not_found"}), answer(2)]
    return [join(happy), join(refusals)]


def bundle_seeds() -> list[bytes]:
    content = {"services": ["id_card_replace", "id_photo"]}
    good = sign_bundle(BUNDLE_KEY, kind="catalogue", version=4, content=content, issued_at=NOW,
                       expires_at=NOW + timedelta(days=30))
    document = json.loads(base64.b64decode(json.loads(good)["signed"]))
    return [b"\x00" + good, b"\x02" + good, b"\x01" + json.dumps(document).encode()]


def seeds() -> dict[str, list[bytes]]:
    """target name -> its seed inputs."""
    root = Path(__file__).resolve().parent.parent
    cards = [text_block(normalise(card)) for card in (RESIDENT, FOREIGNER)]
    sam = SamReader({"card": RESIDENT})
    id_frames = [sam.receive(id_codec.encode(c)) for c in (id_commands.SAM_ID, id_commands.FIND_CARD)]
    pickup = make_code(PICKUP_KEY, PickupClaim("A20261123001", id_digest(ID_NUMBER), date(2026, 11, 23).isoformat()))
    events = {"events": [{"id": "e1", "stream": "session.done", "created_at": "2026-11-23T03:00:00.000Z",
                          "payload": {"service": "id_photo"}}]}
    return {
        "idcard_frames": id_frames + [id_codec.encode(id_commands.READ_WITH_FINGERPRINT)],
        "idcard_text_block": cards,
        "idcard_read_answer": [b"\x00" + read_answer(RESIDENT, False), b"\x01" + read_answer(RESIDENT, True)],
        "idcard_reader": idcard_reader_seeds(),
        "fingerprint_packets": [fp_codec.encode(p) for p in [fp_codec.ack(b"\x00\x00\x05\x00\x64")]
                                + fp_codec.data_packets(bytes(range(200)), 128)],
        "fingerprint_acks": [SystemParameters(0, 0x9, 300, 3, 0xFFFFFFFF, 128, 57600).encode(),
                             b"\x00\x01" + bytes([0xFF, 0x0F]) + bytes(30)],
        "locker_frames": [kerong.encode(kerong.BoardData(0x10, 0x00FF, 0x0101)),
                          xor8a.Xor8A80().query_reply(1, frozenset({1, 5, 24})),
                          xor8a.Xor8A80().open_reply(1, 3, closed=False), kerong.encode(kerong.Command(0x12, 0x31))],
        "locker_driver": locker_driver_seeds(),
        "scanner_serial": [ScanCodec(s).encode(ScannedCode(pickup)) for s in Suffix],
        "scanner_wedge": [b"".join(bytes([0]) + key.to_bytes(2, "big") + bytes([value, 0, 2])
                                   for key, value in keys_for(pickup[:60]) + [(28, 1), (28, 0)])],
        "printer_status": [bytes([real_time_byte(b) for b in (0, 0x08, 0x24, 0x0C)]) + b"\x00\x03"],
        "pcsc_apdu": [Response(b"T-0042", 0x9000).encode(), Response(b"", 0x6A82).encode(),
                      Command(0x00, 0xA4, 0x04, 0x0C, b"\xf0KIOSKTC", le=256).encode()],
        "pcsc_cards": pcsc_card_seeds(),
        "config_toml": [(root / "kiosk" / "config" / "example.toml").read_bytes()],
        "config_env": [b"UI__IDLE_TIMEOUT_S=90", b"DEVICES__PRINTER__PORT=/dev/ttyS1", b"UI__VOICE=false"],
        "service_definition": [p.read_bytes() for p in sorted((root / "flows" / "definitions").glob("*.toml"))],
        "pickup_code": [pickup.encode()],
        "registry_photo": [cv2.imencode(".jpg", np.full((16, 12, 3), 90, np.uint8), [cv2.IMWRITE_JPEG_QUALITY, q])[1]
                           .tobytes() for q in (50, 95)],
        "sync_responses": sync_response_seeds(),
        "bundle": bundle_seeds(),
        "central_batches": [b"\x00" + json.dumps(events).encode(),
                            b"\x01" + gzip.compress(json.dumps(events).encode(), mtime=0)],
    }


def write(corpus: Path = CORPUS) -> dict[str, int]:
    counts = {}
    for target, inputs in seeds().items():
        folder = corpus / target
        folder.mkdir(parents=True, exist_ok=True)
        for i, data in enumerate(inputs):
            (folder / f"seed-{i:02d}").write_bytes(data)
        counts[target] = len(inputs)
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=CORPUS, help="corpus folder (default fuzz/corpus)")
    for target, count in write(parser.parse_args().out).items():
        print(f"{target}: {count} seeds")


if __name__ == "__main__":
    main()

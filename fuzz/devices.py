"""Fuzz targets for what devices send: frame codecs, answer layouts, and whole drivers on a scripted line.

Each `target_*(data)` feeds `data` to one parser and returns when the outcome is one its contract allows;
anything else raises (see fuzz/harness.py). fuzz/targets.py lists them with their documented errors.
"""

from __future__ import annotations

from drivers.errors import ERROR_CODES
from drivers.fingerprint import codec as fp_codec
from drivers.fingerprint import commands as fp_commands
from drivers.idcard import codec as id_codec
from drivers.idcard.commands import CardData, format_sam_id, parse_read
from drivers.idcard.driver import CardRead, IdCardReader
from drivers.idcard.idnumber import is_valid
from drivers.idcard.textblock import TEXT_SIZE, IdentityCard, TextBlockError, decode_text_block
from drivers.locker import kerong, xor8a
from drivers.locker.board import BoardReply
from drivers.locker.driver import LockerDriver
from drivers.locker.wall import LockerWall
from drivers.pcsc.apdu import BadApdu, Command, Response
from drivers.printer import status as printer_status
from drivers.protocol import FrameError, ProtocolError
from drivers.scanner.codec import ScanCodec, ScannedCode, Suffix
from drivers.scanner.keystrokes import BadScan, KeystrokeDecoder, KeySuffix
from drivers.transport import SerialTransport
from fuzz.harness import MAX_INPUT, ScriptedSerial, decode_stream, expect, expect_result, split


def _fixed_clock() -> float:
    return 1000.0  # time stands still: a lost device is never retried within one fuzz input


def target_idcard_frames(data: bytes) -> None:
    """SAM frames both ways (drivers/idcard/codec.py): frames, FrameError or ChecksumError."""
    data = data[:MAX_INPUT]
    for frame in decode_stream(id_codec.decode_response, data):
        expect(isinstance(frame, id_codec.Response), "not a Response")
    for frame in decode_stream(id_codec.decode_command, data):
        expect(isinstance(frame, id_codec.Command), "not a Command")


def target_idcard_text_block(data: bytes) -> None:
    """The card's 256-byte UCS-2 text block: an IdentityCard or TextBlockError (idcard.bad_text_block,
    idcard.unsupported_card). Inputs of 256 bytes or more are cut to 256, so most inputs reach the fields."""
    block = data[:TEXT_SIZE] if len(data) >= TEXT_SIZE else data
    try:
        card = decode_text_block(block)
    except TextBlockError as e:
        expect(e.code in ("idcard.bad_text_block", "idcard.unsupported_card"), f"code {e.code}")
        return
    expect(isinstance(card, IdentityCard), "not an IdentityCard")
    repr(card)  # the masked repr must work for any card the decoder accepts
    is_valid(card.id_number)
    card.valid_on(card.valid_from)


def target_idcard_read_answer(data: bytes) -> None:
    """The data of a 30 01 / 30 10 read answer (lengths, text, photo, fingerprints): CardData or FrameError."""
    with_fingerprint = bool(data[:1]) and data[0] & 1 == 1
    try:
        parsed = parse_read(data[1:MAX_INPUT], with_fingerprint=with_fingerprint)
    except FrameError:
        return
    expect(isinstance(parsed, CardData) and len(parsed.text) == TEXT_SIZE, "read answer split wrongly")
    try:
        format_sam_id(parsed.photo_wlt)
    except FrameError:
        pass


def target_idcard_reader(data: bytes) -> None:
    """The whole reader (drivers/idcard/driver.py) on a serial line answering with fuzz bytes (first byte: how
    many bytes a read returns; then the answers, see harness.split): open, SAM id, read with and without
    fingerprints. Every outcome is Ok or a Failure with a registered code."""
    line = ScriptedSerial(split(data[1:MAX_INPUT], limit=12), chunk=1 + (data[0] if data else 0) % 97)
    reader = IdCardReader(SerialTransport("scripted", 115200, device="idcard", serial_factory=line),
                          clock=_fixed_clock, timeout_s=5.0)
    expect_result(reader.open())
    expect_result(reader.sam_id())
    for with_fingerprint in (False, True):
        result = reader.read_card(with_fingerprint=with_fingerprint)
        expect_result(result)
        if result.ok:
            expect(isinstance(result.value, CardRead), "read_card gave no CardRead")
            repr(result.value)
    reader.poll()
    reader.close()


def target_fingerprint_packets(data: bytes) -> None:
    """EF01 packets (drivers/fingerprint/codec.py): packets, FrameError or ChecksumError."""
    for packet in decode_stream(fp_codec.decode, data[:MAX_INPUT]):
        expect(isinstance(packet, fp_codec.Packet), "not a Packet")
        fp_codec.encode(packet)  # what decodes must be a packet the codec can write back


def target_fingerprint_acks(data: bytes) -> None:
    """What acknowledgements carry after the confirmation byte: SystemParameters.parse and parse_u16
    raise ValueError for a short or impossible answer (the driver turns it into device.unexpected_reply)."""
    data = data[:MAX_INPUT]
    try:
        fp_commands.SystemParameters.parse(data).encode()
    except ValueError:
        pass
    for offset in (0, 2):
        try:
            fp_commands.parse_u16(data, offset)
        except ValueError:
            pass
    expect(all(0 <= page < 1024 for page in fp_commands.used_pages(data, (data[:1] or b"\0")[0] % 4)),
           "index table page outside the library")


def _locker_codecs(data: bytes) -> list:
    base = 1 + (data[0] % 2 if data else 0)
    closed = data[1] % 2 if len(data) > 1 else 1
    return [kerong.KerongCU16(closed_bit=closed, channel_base=base), xor8a.Xor8A80(closed_bit=closed,
                                                                                    channel_base=base)]


def target_locker_frames(data: bytes) -> None:
    """Lock-board replies and commands of both families (kerong.py, xor8a.py): frames or ProtocolError; a
    decoded reply only names channels the family has."""
    data = data[:MAX_INPUT]
    decode_stream(kerong.decode_command, data)
    decode_stream(xor8a.decode_command, data)
    for codec in _locker_codecs(data):
        for reply in decode_stream(codec.decode, data):
            expect(isinstance(reply, BoardReply), "not a BoardReply")
            channels = set(codec.channel_range())
            expect(reply.reported <= channels and reply.closed <= reply.reported, "channels outside the board")


def wall_for(family) -> dict:
    """24 doors on the family's first boards, channels in its numbering (as an installer would write it)."""
    channels = family.channel_range()
    return {"doors": [{"door": n, "size": "S", "board": family.boards[(n - 1) // len(channels)],
                       "channel": channels[(n - 1) % len(channels)]} for n in range(1, 25)]}


def target_locker_driver(data: bytes) -> None:
    """The locker driver (drivers/locker/driver.py) on a bus answering with fuzz bytes: door states and an
    opening. Ok or a Failure with a registered code, whatever the boards say."""
    family = _locker_codecs(data)[data[2] % 2 if len(data) > 2 else 0]
    wall = LockerWall.from_dict(wall_for(family))
    line = ScriptedSerial(split(data[3:MAX_INPUT], limit=16), chunk=16)
    driver = LockerDriver(SerialTransport("scripted", family.baudrate, device="lockers", serial_factory=line),
                          wall, family, clock=_fixed_clock, timeout_s=5.0)
    expect_result(driver.open())
    expect_result(driver.door_states())
    expect_result(driver.open_door(1 + (data[0] if data else 0) % 24))
    driver.poll()
    driver.close()


def target_scanner_serial(data: bytes) -> None:
    """Serial QR scanner lines (drivers/scanner/codec.py), every suffix setting: codes or FrameError."""
    data = data[:MAX_INPUT]
    for suffix in Suffix:
        for code in decode_stream(ScanCodec(suffix).decode, data):
            expect(isinstance(code, ScannedCode) and code.text, "empty or untyped code")


def target_scanner_wedge(data: bytes) -> None:
    """Keyboard-wedge key events (drivers/scanner/keystrokes.py), 6 bytes each (type, code, value, gap):
    a ScannedCode, a BadScan or None per event, never an exception."""
    data = data[:MAX_INPUT]
    for suffix in KeySuffix:
        decoder, at = KeystrokeDecoder(suffix, max_length=64), 0.0
        for i in range(0, len(data) - 5, 6):
            kind, code, value, gap = data[i] % 4, int.from_bytes(data[i + 1:i + 3], "big") % 256, \
                data[i + 3] % 3, int.from_bytes(data[i + 4:i + 6], "big") / 1000
            at += gap
            kind = {0: 1, 1: 0, 2: 1, 3: 4}[kind]  # EV_KEY mostly, EV_SYN (SYN_REPORT or SYN_DROPPED), EV_MSC
            scan = decoder.feed(kind, code if kind != 0 else code % 4, value, at)
            expect(scan is None or isinstance(scan, ScannedCode | BadScan), "not a scan result")
            if isinstance(scan, BadScan):
                scan.describe()
        decoder.expire(at + 10.0)


def target_printer_status(data: bytes) -> None:
    """ESC/POS status bytes (drivers/printer/status.py): replies or FrameError; any reply bytes map to a
    status with a registered code."""
    data = data[:MAX_INPUT]
    replies = decode_stream(printer_status.decode_reply, data)
    bytes_ = [reply.byte for reply in replies] + [0x12] * 4
    status = printer_status.Condition.from_replies(*bytes_[:4]).to_status()
    expect(status.code is None or status.code in ERROR_CODES, f"status code {status.code!r}")


def target_pcsc_apdu(data: bytes) -> None:
    """Response and command APDUs (drivers/pcsc/apdu.py): values or BadApdu; check() gives Ok or a
    Failure with a pcsc.* code."""
    data = data[:MAX_INPUT]
    try:
        response = Response.decode(data)
    except BadApdu:
        expect(len(data) < 2, "a response of two bytes or more was refused")
    else:
        expect(response.encode() == data, "a response does not encode back to its bytes")
        expect_result(response.check("fuzz"), {"pcsc.not_found", "pcsc.refused", "pcsc.unsupported",
                                               "pcsc.card_error"})
        repr(response)
    try:
        Command.decode(data)
    except ProtocolError:
        pass


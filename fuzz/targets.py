"""Every parser that takes bytes or text from outside, as a fuzz target, with the outcome its contract allows.

A target is `target_NAME(data: bytes) -> None`: it feeds `data` (cut to a bounded size) to the parser and
returns when the outcome is a success or the documented error; anything else raises (UnexpectedOutcome for
a wrong answer, or the parser's own exception: a crash). tests/fuzz runs each with hypothesis in CI,
`python -m fuzz.run NAME` coverage-guided with atheris. The inventory:

Devices (drivers/)
  idcard_frames          idcard/codec.py decode_response, decode_command: (frame | None, rest), or
                         FrameError (device.bad_frame) / ChecksumError (device.bad_checksum), bad frame dropped
  idcard_text_block      idcard/textblock.py decode_text_block (UCS-2 fields, dates, sex, card type):
                         IdentityCard, or TextBlockError (idcard.bad_text_block) / UnsupportedCardError
                         (idcard.unsupported_card)
  idcard_read_answer     idcard/commands.py parse_read (length fields), format_sam_id: FrameError
  idcard_reader          idcard/driver.py IdCardReader on a line answering fuzz bytes: Ok, or Failure with a
                         registered code (idcard.*, device.*)
  fingerprint_packets    fingerprint/codec.py decode: Packet, or FrameError / ChecksumError
  fingerprint_acks       fingerprint/commands.py SystemParameters.parse, parse_u16: ValueError (the driver
                         reports device.unexpected_reply); used_pages: slots of the library only
  locker_frames          locker/kerong.py and locker/xor8a.py decode_reply / decode_command / the families'
                         decode: BoardReply naming the board's channels only, or FrameError / ChecksumError
  locker_driver          locker/driver.py LockerDriver on a bus answering fuzz bytes: Ok, or Failure
                         (locker.*, device.*)
  scanner_serial         scanner/codec.py ScanCodec.decode, each suffix: ScannedCode, or FrameError
  scanner_wedge          scanner/keystrokes.py KeystrokeDecoder.feed/expire: ScannedCode | BadScan | None
  printer_status         printer/status.py decode_reply: RealTimeStatus | PaperSensorStatus, or FrameError;
                         Condition.to_status: a registered printer.* code
  pcsc_apdu              pcsc/apdu.py Response.decode (BadApdu), check (Failure pcsc.*), Command.decode
  pcsc_cards             pcsc/technician.py check_technician, pcsc/socialsecurity.py read_social_security
                         over PcscReader.transmit with fuzzed card answers: Ok, or Failure (pcsc.*, device.*)
Files and text
  config_toml            kiosk/config/load.py load_config (kiosk.toml): Config, or ConfigError naming the file
  config_env             kiosk/config/overrides.py KIOSK__ variables: Config, or ConfigError naming the variable
  service_definition     flows/loader.py load_definition: Definition, or DefinitionError naming the file
  pickup_code            flows/pickup.py read_code (scanned QR text): PickupClaim or None;
                         record_is_genuine: True or False
  registry_photo         the registry's photo: sync/client.py registry_photo (JPEG only, else SyncFailure
                         sync.bad_response), then drivers/face/imagefile.py decode_image: image, or Failure
                         face.image_unreadable
Network (sync/)
  sync_responses         sync/client.py CentralClient, every call, over a Transport answering fuzzed
                         HttpResponses: Ok, or SyncFailure (sync.*, registry.not_found); never a loop
  bundle                 sync/bundles.py verify_bundle (raw envelopes, and fuzzed documents under a valid
                         signature): Ok(Bundle), or Failure bundle.*
  central_batches        sync/central/ingest.py POST /v1/batches (reference server, Flask test client):
                         200 with per-event results, or 4xx JSON {"code", "message"}; never a 5xx

Not here, on purpose: the ESC/POS interpreter (drivers/printer/interpreter.py) reads what the kiosk itself
sends to the printer simulator, not outside bytes; camera frames come from OpenCV, not parsed by us.
"""

from __future__ import annotations

from collections.abc import Callable

from fuzz.cards import target_pcsc_cards
from fuzz.devices import (
    target_fingerprint_acks,
    target_fingerprint_packets,
    target_idcard_frames,
    target_idcard_read_answer,
    target_idcard_reader,
    target_idcard_text_block,
    target_locker_driver,
    target_locker_frames,
    target_pcsc_apdu,
    target_printer_status,
    target_scanner_serial,
    target_scanner_wedge,
)
from fuzz.documents import (
    target_config_env,
    target_config_toml,
    target_pickup_code,
    target_registry_photo,
    target_service_definition,
)
from fuzz.network import target_bundle, target_central_batches, target_sync_responses

Target = Callable[[bytes], None]

#: name -> target, in the order of the inventory above
TARGETS: dict[str, Target] = {fn.__name__.removeprefix("target_"): fn for fn in (
    target_idcard_frames, target_idcard_text_block, target_idcard_read_answer, target_idcard_reader,
    target_fingerprint_packets, target_fingerprint_acks, target_locker_frames, target_locker_driver,
    target_scanner_serial, target_scanner_wedge, target_printer_status, target_pcsc_apdu, target_pcsc_cards,
    target_config_toml, target_config_env, target_service_definition, target_pickup_code, target_registry_photo,
    target_sync_responses, target_bundle, target_central_batches,
)}

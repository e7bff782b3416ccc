"""The configuration schema: one frozen, strict pydantic model per TOML table.

Each field carries a one-line description and, for error messages, what a valid value looks like in plain
words (`expected`). kiosk/config/example.toml shows every key with its default; a test keeps the two equal.
"""

from __future__ import annotations

from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError, PydanticUndefined

DeviceKind = Literal["id_reader", "fingerprint", "locker", "qr_scanner", "printer", "camera", "pcsc_reader"]
DEVICE_KINDS: tuple[str, ...] = get_args(DeviceKind)

#: The driver name of every simulator; a device with any other driver is real and needs a port.
SIM_DRIVER = "sim"


def setting(default: Any = PydanticUndefined, description: str = "", expected: str = "", **kw: Any) -> Any:
    """A field with a description and the plain-words `expected` used when a value is wrong."""
    return Field(default, description=description, json_schema_extra={"expected": expected}, **kw)


class Section(BaseModel):
    """A TOML table: strict types (no "90" for 90), no unknown keys, read-only once loaded."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class TerminalConfig(Section):
    terminal_id: str = setting("dev-0001", "Identifier of this terminal at the central platform.",
                               'a non-empty text such as "hall3-0001"', min_length=1)
    hall_name_zh: str = setting("市民中心24小时自助服务区", "Name of the hall, in Chinese, shown on screens.",
                                "a text")
    hall_name_en: str = setting("Citizen Centre 24-hour Self-Service Area",
                                "Name of the hall, in English, shown on screens.", "a text")


class UiConfig(Section):
    language: Literal["zh", "en"] = setting("zh", "Language a new session starts in.", '"zh" or "en"')
    idle_timeout_s: int = setting(60, "Seconds without a touch before the kiosk asks whether you are there.",
                                  "a whole number of seconds between 10 and 600", ge=10, le=600)
    countdown_s: int = setting(20, "Seconds of the 'are you still there?' countdown before the session ends.",
                               "a whole number of seconds between 5 and 120", ge=5, le=120)
    large_text_timeout_factor: float = setting(
        2.0, "Idle time and countdown are multiplied by this in large-text mode.",
        "a number between 1.0 and 4.0", ge=1.0, le=4.0)
    voice: bool = setting(True, "Speak guidance aloud.", "true or false")
    voice_engine: str = setting("speechd", "QtTextToSpeech engine: speechd on a terminal, mock in tests.",
                                'an engine name such as "speechd"', min_length=1)
    fullscreen: bool = setting(True, "Cover the whole screen (false: a window, for development).",
                               "true or false")
    width: int = setting(1080, "Window width in pixels when not full screen.",
                         "a whole number of pixels, at least 1", ge=1)
    height: int = setting(1920, "Window height in pixels when not full screen.",
                          "a whole number of pixels, at least 1", ge=1)


class CentralConfig(Section):
    url: str = setting("http://127.0.0.1:8600", "Base address of the central platform.",
                       "an address starting with http:// or https://", validate_default=True)
    probe_interval_s: int = setting(30, "Seconds between checks whether the central platform is reachable.",
                                    "a whole number of seconds between 5 and 3600", ge=5, le=3600)
    timeout_s: float = setting(5.0, "Seconds to wait for one answer from the central platform.",
                               "a number of seconds between 0.5 and 60", ge=0.5, le=60)
    ca_file: str | None = setting(None, "The central platform's CA certificate (PEM), pinned for https "
                                  "(required in a production build).",
                                  "a file path such as /etc/kiosk/central-ca.pem", min_length=1,
                                  validate_default=True)
    client_cert: str | None = setting(None, "This terminal's client certificate (PEM) for mutual TLS.",
                                      "a file path such as /etc/kiosk/terminal.crt", min_length=1)
    client_key: str | None = setting(None, "The private key of the client certificate (PEM), readable by the "
                                     "kiosk user only.", "a file path such as /etc/kiosk/terminal.key",
                                     min_length=1)
    pickup_key_file: str | None = setting(
        None, "The platform's public key for pickup codes (PEM), pinned; without it the key is asked of the "
        "platform (development only).", "a file path such as /etc/kiosk/pickup-signing.pub.pem", min_length=1)
    bundle_key_file: str | None = setting(
        None, "The platform's public key for signed bundles (PEM), pinned; without it no bundle is pulled.",
        "a file path such as /etc/kiosk/identity/bundle-signing.pub.pem", min_length=1)

    @model_validator(mode="after")
    def _cert_and_key_together(self) -> CentralConfig:
        if (self.client_cert is None) != (self.client_key is None):
            raise PydanticCustomError("central_cert_pair", "client_cert and client_key go together", {})
        return self

    @field_validator("url")
    @classmethod
    def _http_only(cls, url: str) -> str:
        if not url.startswith(("http://", "https://")):
            raise ValueError("not an http(s) address")
        from kiosk import build_flavour

        if build_flavour.PRODUCTION and not url.startswith("https://"):
            raise PydanticCustomError(
                "central_production_https", "a production build talks to the central platform over https only, "
                "got \"{url}\"", {"url": url, "kiosk_rule": "an address starting with https://"})
        return url

    @field_validator("ca_file")
    @classmethod
    def _pinned_in_production(cls, ca_file: str | None) -> str | None:
        """A production build trusts the platform's own CA only: it must be named (kiosk/build_flavour.py)."""
        from kiosk import build_flavour

        if build_flavour.PRODUCTION and ca_file is None:
            raise PydanticCustomError(
                "central_production_ca", "missing; a production build pins the central platform's CA",
                {"kiosk_rule": "a file path such as /etc/kiosk/central-ca.pem"})
        return ca_file


class StoreConfig(Section):
    data_dir: str | None = setting(None, "Store folder (default: /var/lib/kiosk as root, else XDG data).",
                                   "a folder path such as /var/lib/kiosk", min_length=1)


class MaintenanceConfig(Section):
    pin_hash: str | None = setting(
        None, "Technician PIN as a salted hash from `kiosk pin-hash` (none: PIN entry is off, cards only).",
        'a hash line from `kiosk pin-hash`, such as "$scrypt$ln=14,r=8,p=1$...$..."', min_length=1)
    technician_cards: list[str] = setting(
        [], "Technician cards' IDs, each as a hash from `kiosk pin-hash --card`.",
        "a list of hash lines from `kiosk pin-hash --card`")
    technician_keys: str | None = setting(
        None, "Technician card keys (TOML: technician id = key in hex), readable by the kiosk user only; "
        "without it a technician card on the PC/SC reader is refused.",
        "a file path such as /etc/kiosk/technician-keys.toml", min_length=1)
    idle_timeout_s: int = setting(300, "Seconds without a touch before maintenance mode closes by itself.",
                                  "a whole number of seconds between 30 and 3600", ge=30, le=3600)
    lockout_base_s: int = setting(60, "Seconds the first lock lasts after 5 wrong PINs (each next one doubles).",
                                  "a whole number of seconds between 10 and 3600", ge=10, le=3600)
    # The floor keeps a 6-digit PIN out of reach: at 600 s it still takes about two years from the screen
    # (docs/threat-model.md); at 10 s it fell in three weeks.
    lockout_cap_s: int = setting(3600, "Longest lock after wrong PINs, in seconds (it wins over the base).",
                                 "a whole number of seconds between 600 and 86400", ge=600, le=86400)
    report_dir: str | None = setting(None, "Folder for readiness reports (default: <data dir>/reports).",
                                     "a folder path such as /media/usb/reports", min_length=1)

    @field_validator("pin_hash")
    @classmethod
    def _pin_hash(cls, line: str | None) -> str | None:
        from kiosk.maintenance.pin import parse_hash

        if line is not None:
            parse_hash(line)  # BadHashLine (a ValueError) says what is wrong
        return line

    @field_validator("technician_cards")
    @classmethod
    def _card_hashes(cls, lines: list[str]) -> list[str]:
        from kiosk.maintenance.pin import parse_hash

        for line in lines:
            parse_hash(line)
        return lines


class LogConfig(Section):
    level: Literal["debug", "info", "warning", "error"] = setting(
        "info", "Least important event written.", '"debug", "info", "warning" or "error"')
    file: str | None = setting(None, "File that also receives the JSON lines (default: standard error only).",
                               "a file path such as /var/log/kiosk/kiosk.jsonl", min_length=1)


#: Driver names each kind of device accepts ("sim" is always one: the simulator of kiosk/sim_hub.py).
KNOWN_DRIVERS: dict[str, tuple[str, ...]] = {
    "id_reader": (SIM_DRIVER, "sam-serial"),
    "fingerprint": (SIM_DRIVER, "as608"),
    "locker": (SIM_DRIVER, "serial"),
    "qr_scanner": (SIM_DRIVER, "serial", "evdev"),
    "printer": (SIM_DRIVER, "escpos-serial", "escpos-network", "escpos-usb"),
    "camera": (SIM_DRIVER, "v4l2"),
    "pcsc_reader": (SIM_DRIVER, "pcsc"),
}

LockerFamily = Literal["kerong_cu16", "xor_8a80"]


class LockerDoor(Section):
    """One door of the locker wall: the number citizens see, its size, and the board channel that opens it."""

    door: int = setting(description="Door number shown on the wall.", expected="a whole number from 1", ge=1)
    size: Literal["S", "M", "L"] = setting(description="Door size.", expected='"S", "M" or "L"')
    board: int = setting(description="Bus address of the lock board.", expected="a whole number 0 to 255",
                         ge=0, le=255)
    channel: int = setting(description="Lock channel on that board, as printed on its connector.",
                           expected="a whole number from 0", ge=0)


class DeviceConfig(Section):
    kind: DeviceKind = setting(description="What the device is.",
                               expected="one of " + ", ".join(DEVICE_KINDS))
    driver: str = setting(SIM_DRIVER, 'Driver name; "sim" is the simulator.',
                          'a driver name such as "sim" or "escpos-serial"', min_length=1)
    port: str | None = setting(None, "Where the device is attached; required unless the driver is sim.",
                               "a port such as /dev/serial/by-id/...", min_length=1)
    speed: int | None = setting(None, "Serial speed in baud, when the device has one.",
                                "a positive whole number of baud such as 9600", gt=0)
    address: int | None = setting(None, "Bus address, for devices on a shared RS-485 line.",
                                  "a whole number between 0 and 255", ge=0, le=255)
    family: LockerFamily | None = setting(None, "Lock-board family of a locker wall (default kerong_cu16).",
                                          '"kerong_cu16" or "xor_8a80"')
    doors: list[LockerDoor] | None = setting(
        None, "The locker wall's doors (default: 24 doors on two boards).",
        "a list of tables such as {door = 1, size = \"S\", board = 0, channel = 1}", min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> DeviceConfig:
        known = KNOWN_DRIVERS[self.kind]
        if self.driver not in known:
            raise PydanticCustomError(
                "device_driver", 'a {kind} has no driver "{driver}"; known: {known}',
                {"kind": self.kind, "driver": self.driver, "known": ", ".join(known),
                 "expected": "one of " + ", ".join(known)})
        if self.driver != SIM_DRIVER and self.port is None:
            raise PydanticCustomError(
                "device_needs_port",
                'a device with driver "{driver}" needs a port (for example /dev/serial/by-id/...)',
                {"driver": self.driver})
        if self.kind != "locker" and (self.family is not None or self.doors is not None):
            raise PydanticCustomError("device_locker_only", "family and doors belong to a locker only",
                                      {"expected": f"no family or doors for a {self.kind}"})
        if self.doors is not None:
            seen: dict[int, str] = {}
            wires: dict[tuple[int, int], int] = {}
            for index, d in enumerate(self.doors):
                if d.door in seen:
                    raise PydanticCustomError("locker_door_twice", "door {door} is listed twice",
                                              {"door": d.door, "index": index, "expected": "each door once"})
                if (d.board, d.channel) in wires:
                    raise PydanticCustomError(
                        "locker_wire_twice", "door {door}: board {board} channel {channel} already opens door "
                        "{other}", {"door": d.door, "board": d.board, "channel": d.channel, "index": index,
                                    "other": wires[(d.board, d.channel)], "expected": "one door per channel"})
                seen[d.door], wires[(d.board, d.channel)] = d.size, d.door
        return self

    def wall(self) -> dict | None:
        """The locker wall as drivers.locker.wall.LockerWall.from_dict takes it, or None for the default."""
        if self.doors is None:
            return None
        return {"doors": [d.model_dump() for d in self.doors]}


#: What a [devices.NAME] table must be, for the message when it is something else.
DEVICE_TABLE_EXPECTED = ("a table with kind, and optionally driver, port, speed and address "
                         "(and family and doors for a locker)")


def default_devices() -> dict[str, DeviceConfig]:
    """One simulated device of each kind, named after its kind."""
    return {kind: DeviceConfig(kind=kind) for kind in DEVICE_KINDS}


class Settings(Section):
    """Everything kiosk.toml may contain."""

    terminal: TerminalConfig = setting(description="Who this terminal is.", expected="a table",
                                       default_factory=TerminalConfig)
    ui: UiConfig = setting(description="The touch screen.", expected="a table", default_factory=UiConfig)
    central: CentralConfig = setting(description="The central platform.", expected="a table",
                                     default_factory=CentralConfig)
    store: StoreConfig = setting(description="The local SQLite store.", expected="a table",
                                 default_factory=StoreConfig)
    log: LogConfig = setting(description="JSON-lines logging.", expected="a table", default_factory=LogConfig)
    maintenance: MaintenanceConfig = setting(description="The technician's maintenance mode.",
                                             expected="a table", default_factory=MaintenanceConfig)
    devices: dict[str, DeviceConfig] = setting(
        description="Devices by name (defaults: one simulated device of each kind).",
        expected="tables such as [devices.printer]", default_factory=default_devices)


class Config(Settings):
    """The loaded settings, and where they came from."""

    source: str = Field("built-in defaults",
                        description='The file path, or "built-in defaults", for messages.')

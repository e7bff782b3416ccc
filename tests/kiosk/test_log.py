"""kiosk.log: the catalogue, field kinds, the PII scrubber, and the JSON lines written."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from kiosk.log import EVENTS, EventSpec, UndeclaredFieldError, UnknownEventError, configure_logging, log_event
from kiosk.log.emit import LOGGER_NAME
from kiosk.log.fields import FIELD_KINDS, render
from kiosk.log.redact import scrub

ID_NUMBER = "11010119900307123X"
OLD_ID_NUMBER = "110101900307123"
PHONE = "13812345678"
NAME = "张三丰"
SECRETS = (ID_NUMBER, OLD_ID_NUMBER, PHONE, NAME, "19900307123", "12345678")
FIXED = datetime(2026, 11, 23, 3, 15, 0, 123456, tzinfo=UTC)


@pytest.fixture(autouse=True)
def restore_logger() -> Iterator[None]:
    """Each test leaves the "kiosk" logger as it found it."""
    logger = logging.getLogger(LOGGER_NAME)
    handlers, level = list(logger.handlers), logger.level
    yield
    for handler in [h for h in logger.handlers if h not in handlers]:
        logger.removeHandler(handler)
        handler.close()
    logger.setLevel(level)


@pytest.fixture
def out() -> io.StringIO:
    stream = io.StringIO()
    configure_logging("debug", stream=stream, clock=lambda: FIXED)
    return stream


def lines(stream: io.StringIO) -> list[dict[str, Any]]:
    return [json.loads(line) for line in stream.getvalue().splitlines()]


# --- the catalogue ----------------------------------------------------------------------------------------

REQUIRED = {
    "app.started": {"version", "platform", "config_source", "simulate"}, "app.stopped": {"reason"},
    "app.config_invalid": {"source", "line", "key"}, "ui.first_frame": {"startup_ms"},
    "ui.screen_shown": {"screen"}, "ui.language_changed": {"language"}, "ui.large_text_changed": {"enabled"},
    "session.started": {"session_id"}, "session.idle_warning": {"session_id", "seconds_left"},
    "session.ended": {"session_id", "reason"}, "session.wiped": {"session_id"},
    "store.opened": {"path", "schema_version"}, "store.migrated": {"from_version", "to_version"},
    "store.integrity_failed": {"path", "quarantined_to", "reason"},
    "network.state_changed": {"online", "waiting"}, "speech.unavailable": {"engine", "reason"},
    "security.shortcut_blocked": {"key"},
}


def test_catalogue_has_the_required_events() -> None:
    for name, fields in REQUIRED.items():
        assert set(EVENTS[name].fields) == fields, name


def test_catalogue_entries_are_well_formed() -> None:
    for name, spec in EVENTS.items():
        assert spec.name == name
        assert spec.description and "\n" not in spec.description


@pytest.mark.parametrize("bad", [
    {"type": "nonsense"}, {"disposition": "maybe"}, {"level": "loud"}, {"fields": {"x": "secret"}},
    {"fields": {"ts": "int"}}, {"name": "undotted"},
])
def test_malformed_spec_is_refused(bad: dict[str, Any]) -> None:
    spec = {"name": "a.b", "type": "application", "disposition": "na", "level": "info", "description": "d",
            **bad}
    with pytest.raises(ValueError, match="malformed"):
        EventSpec(**spec)


# --- writing lines ----------------------------------------------------------------------------------------


def test_line_is_json_with_documented_keys(out: io.StringIO) -> None:
    log_event("store.opened", path="/var/lib/kiosk/kiosk.db", schema_version=3)
    assert out.getvalue().endswith("\n")
    assert lines(out) == [{"ts": "2026-11-23T03:15:00.123Z", "event": "store.opened", "type": "application",
                           "disposition": "success", "level": "info", "path": "/var/lib/kiosk/kiosk.db",
                           "schema_version": 3}]
    assert list(lines(out)[0])[:5] == ["ts", "event", "type", "disposition", "level"]


def test_timestamp_is_utc() -> None:
    stream = io.StringIO()
    configure_logging("info", stream=stream,
                      clock=lambda: datetime(2026, 11, 23, 11, 15, tzinfo=timezone(timedelta(hours=8))))
    log_event("app.stopped", reason="signal")
    assert lines(stream)[0]["ts"] == "2026-11-23T03:15:00.000Z"


def test_non_ascii_is_written_as_is_not_escaped(out: io.StringIO) -> None:
    logging.getLogger("kiosk.test").info("done，ok")
    assert '"message":"done，ok"' in out.getvalue()


def test_unknown_event_raises(out: io.StringIO) -> None:
    with pytest.raises(UnknownEventError, match="no.such"):
        log_event("no.such", x=1)
    assert out.getvalue() == ""


def test_undeclared_field_raises(out: io.StringIO) -> None:
    with pytest.raises(UndeclaredFieldError, match="citizen_name"):
        log_event("session.started", session_id="s1", citizen_name="x")
    assert out.getvalue() == ""


def test_configure_twice_gives_one_line_per_event(tmp_path: Path) -> None:
    first, second = io.StringIO(), io.StringIO()
    configure_logging("info", stream=first)
    configure_logging("info", stream=second, file=tmp_path / "logs" / "kiosk.jsonl")
    configure_logging("info", stream=second, file=tmp_path / "logs" / "kiosk.jsonl")
    log_event("app.stopped", reason="signal")
    assert first.getvalue() == ""
    assert len(second.getvalue().splitlines()) == 1
    assert len((tmp_path / "logs" / "kiosk.jsonl").read_text(encoding="utf-8").splitlines()) == 1


def test_level_filters(out: io.StringIO) -> None:
    configure_logging("warning", stream=out)
    log_event("app.stopped", reason="signal")  # info
    log_event("speech.unavailable", engine="speechd", reason="no voice")  # warning
    assert [line["event"] for line in lines(out)] == ["speech.unavailable"]
    with pytest.raises(ValueError):
        configure_logging("loud")


def test_caplog_still_sees_events(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger=LOGGER_NAME)
    log_event("session.ended", session_id="s-1", reason="timeout")
    [record] = caplog.records
    assert record.getMessage() == "session.ended"
    assert record.kiosk_event["reason"] == "timeout"  # type: ignore[attr-defined]


def test_other_loggers_are_scrubbed(out: io.StringIO) -> None:
    try:
        raise RuntimeError(f"card {ID_NUMBER} of {NAME}")
    except RuntimeError:
        logging.getLogger("kiosk.flows").exception("reading %s failed", PHONE)
    [line] = lines(out)
    assert line["event"] == "log.message" and line["logger"] == "kiosk.flows"
    assert "RuntimeError" in line["exception"]
    assert not any(secret in out.getvalue() for secret in SECRETS)


# --- redaction by construction ----------------------------------------------------------------------------

PII_VALUES = [ID_NUMBER, OLD_ID_NUMBER, PHONE, NAME, f"id={ID_NUMBER}", "tel:+86 138 1234 5678",
              f"姓名：{NAME}", f"name={NAME}", f"/var/lib/kiosk/{ID_NUMBER}.png",
              f"https://user:{PHONE}@central/api/{ID_NUMBER}?name={NAME}#x", ValueError(ID_NUMBER),
              "110101 19900307 123X", "138-1234-5678"]


@pytest.mark.parametrize("kind", FIELD_KINDS)
@pytest.mark.parametrize("value", PII_VALUES, ids=range(len(PII_VALUES)))
def test_personal_data_never_survives_any_field_kind(kind: str, value: Any) -> None:
    written = json.dumps(render(kind, value), ensure_ascii=False)  # type: ignore[arg-type]
    assert not any(secret in written for secret in SECRETS)


def test_personal_data_never_reaches_a_line(out: io.StringIO) -> None:
    log_event("app.started", version=ID_NUMBER, platform=f"linux {NAME} {PHONE}", config_source=ID_NUMBER,
              simulate=True)
    log_event("speech.unavailable", engine=PHONE, reason=f"姓名={NAME}")
    assert not any(secret in out.getvalue() for secret in SECRETS)


@pytest.mark.parametrize("kind, value, written", [
    ("code", "timeout", "timeout"), ("code", "has space", "[invalid]"), ("code", "x" * 65, "[invalid]"),
    ("code", 7, "[invalid]"), ("int", 3, 3), ("int", True, "[invalid]"), ("int", "3", "[invalid]"),
    ("float", 2, 2.0), ("float", float("nan"), None), ("bool", False, False), ("bool", 0, "[invalid]"),
    ("path", Path("/etc/kiosk/kiosk.toml"), "/etc/kiosk/kiosk.toml"),
    ("url", "https://u:p@central.example:8443/api/v1?token=abc#f", "https://central.example:8443/api/v1"),
    ("url", "http://[::1]:8600/x", "http://[::1]:8600/x"), ("url", "http://[::1", "[invalid]"),
    ("text", "OSError", "OSError"), ("text", KeyError("secret"), "KeyError"),
    ("text", "x" * 300, "x" * 199 + "…"),
    ("masked_id", ID_NUMBER, "**************123X"), ("masked_id", "123", "***"),
    ("masked_id", "110101 19900307 123X", "**************123X"), ("masked_id", "ab=张三丰", "******"),
    ("personal", "anything", "[redacted]"), ("personal", None, "[redacted]"), ("code", None, None),
])
def test_field_kinds(kind: str, value: Any, written: Any) -> None:
    assert render(kind, value) == written  # type: ignore[arg-type]


@pytest.mark.parametrize("text, scrubbed", [
    (f"reading {ID_NUMBER} failed", "reading [number] failed"),
    (f"old card {OLD_ID_NUMBER}.", "old card [number]."),
    (f"call {PHONE} now", "call [phone] now"),
    ("call +86 138 1234 5678", "call [phone]"),
    ("mail a.b@example.cn", "mail [email]"),
    (f"姓名：{NAME}，ok", "[cjk]：[name]，ok"),
    ("name=Zhang San", "name=[name] San"),
    (f"{NAME}的卡", "[cjk]"),
    ("timeout after 12345 ms at 2026-11-23T03:15:00Z", "timeout after 12345 ms at 2026-11-23T03:15:00Z"),
    ("port /dev/ttyUSB0 at 115200 baud", "port /dev/ttyUSB0 at 115200 baud"),
])
def test_scrub(text: str, scrubbed: str) -> None:
    assert scrub(text) == scrubbed

"""CentralClient: every call the terminal makes to the central platform, as typed results.

Each method returns Ok(value) or a SyncFailure with a stable code (sync/errors.py); nothing raises for a
network or platform failure, and no library's exception text reaches a caller. Requests that create
something (a payment, an SMS challenge, an application, a batch) carry the caller's Idempotency-Key, so a
retry after a lost answer returns the first result instead of doing it twice.
"""

from __future__ import annotations

import base64
import binascii
import gzip
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import Any, Literal

from drivers.errors import register
from sync.db import utc_now
from sync.errors import Ok, SyncFailure
from sync.transport import HttpRequest, HttpResponse, Transport, TransportError

PaymentState = Literal["pending", "paid", "declined", "expired"]
ItemStatus = Literal["stored", "duplicate", "rejected", "retry"]
_TOKEN = re.compile(r"^[A-Za-z0-9_.:-]{1,64}$")


@dataclass(frozen=True)
class ItemResult:
    id: str
    status: ItemStatus
    code: str = ""
    reason: str = ""


@dataclass(frozen=True)
class BundleDownload:
    raw: bytes
    etag: str | None


@dataclass(frozen=True)
class Payment:
    payment_id: str
    qr_text: str


@dataclass(frozen=True)
class PickupRecord:
    """A document waiting in this terminal's locker wall. Records the platform filed for an application
    carry its number, the holder's ID digest, the pickup key's signature and the photo for the face check
    (memory only); records staff added by hand may have none of these."""

    pickup_id: str
    receipt_code: str
    door: str
    service_id: str
    ready_at: str
    application_no: str = ""
    id_digest: str = field(default="", repr=False)
    signature: bytes = field(default=b"", repr=False)
    photo: bytes | None = field(default=None, repr=False)


@dataclass(frozen=True)
class Application:
    """What the platform answered for a submitted application: its number, the signed pickup code for the
    receipt's QR code, and the locker door it will wait behind (None: post, or no door free yet)."""

    application_no: str
    pickup_code: str
    door: int | None


register({"registry.not_found": "The registry has no reference photo for this ID number."})


def retry_after_s(value: str | None) -> float | None:
    """Retry-After as seconds: delta-seconds or an HTTP date; None if absent or unreadable."""
    if not value:
        return None
    if value.strip().isascii() and value.strip().isdigit():  # "²".isdigit() too, and float() refuses it
        return float(value.strip())
    try:
        return max(0.0, (parsedate_to_datetime(value) - utc_now()).total_seconds())
    except (TypeError, ValueError):
        return None


def _failure(response: HttpResponse) -> SyncFailure:
    try:
        server_code = str(json.loads(response.body).get("code", ""))
    except (ValueError, AttributeError, RecursionError):
        server_code = ""
    detail = f"HTTP {response.status}" + (f" {server_code}" if _TOKEN.match(server_code) else "")
    status, wait = response.status, retry_after_s(response.headers.get("retry-after"))
    if status == 429 or (status == 503 and wait is not None):
        code = "sync.throttled"
    elif status >= 500:
        code = "sync.server_error"
    elif status in (401, 403):
        code = "sync.unauthorized"
    elif status == 404:
        code = "sync.not_found"
    elif status >= 400:
        code = "sync.rejected"
    else:
        code = "sync.bad_response"
    return SyncFailure(code, detail, retry_after_s=wait, status=status)


def server_code(failure: SyncFailure) -> str:
    """The platform's own code for a refusal ("payment.bad_amount"), or "" if it gave none."""
    parts = failure.detail.split(" ")
    return parts[2] if len(parts) > 2 else ""


class CentralClient:
    """The terminal's side of the protocol. `terminal_id` is sent as X-Terminal-Id for plain-HTTP
    development; over mutual TLS the platform knows the terminal by its certificate instead."""

    def __init__(self, transport: Transport, *, terminal_id: str, timeout_s: float = 5.0) -> None:
        self.transport = transport
        self.terminal_id = terminal_id
        self.timeout_s = timeout_s

    def call(self, method: str, path: str, *, body: bytes = b"", headers: Mapping[str, str] | None = None,
             ok: tuple[int, ...] = (200, 201)) -> HttpResponse | SyncFailure:
        request = HttpRequest(method, path, {"X-Terminal-Id": self.terminal_id, **(headers or {})}, body)
        try:
            response = self.transport.send(request, self.timeout_s)
        except TransportError as e:
            return SyncFailure(e.code, e.detail)
        return response if response.status in ok else _failure(response)

    def _json(self, method: str, path: str, value: Any = None, *, key: str | None = None
              ) -> Ok[dict[str, Any]] | SyncFailure:
        headers = {"Content-Type": "application/json"} if value is not None else {}
        if key is not None:
            headers["Idempotency-Key"] = key
        body = json.dumps(value).encode() if value is not None else b""
        response = self.call(method, path, body=body, headers=headers)
        if isinstance(response, SyncFailure):
            return response
        try:
            parsed = json.loads(response.body)
        except (ValueError, RecursionError):  # RecursionError: JSON nested deeper than Python's stack
            return SyncFailure("sync.bad_response", f"HTTP {response.status} with a body that is not JSON")
        if not isinstance(parsed, dict):
            return SyncFailure("sync.bad_response", f"HTTP {response.status} with JSON that is not an object")
        return Ok(parsed)

    # --- store and forward --------------------------------------------------------------------------------

    def submit_batch(self, events: Sequence[Mapping[str, Any]], idempotency_key: str
                     ) -> Ok[list[ItemResult]] | SyncFailure:
        body = gzip.compress(json.dumps({"events": list(events)}, ensure_ascii=False,
                                        separators=(",", ":")).encode(), compresslevel=5)
        response = self.call("POST", "/v1/batches", body=body, headers={
            "Content-Type": "application/json", "Content-Encoding": "gzip", "Idempotency-Key": idempotency_key})
        if isinstance(response, SyncFailure):
            return response
        try:
            results = [ItemResult(str(r["id"]), r["status"], str(r.get("code", "")), str(r.get("reason", "")))
                       for r in json.loads(response.body)["results"]]
            if any(r.status not in ("stored", "duplicate", "rejected", "retry") for r in results):
                raise ValueError
        except (ValueError, KeyError, TypeError, RecursionError):
            return SyncFailure("sync.bad_response", "the batch answer is not a list of per-event results")
        return Ok(results)

    def upload_blob(self, digest: str, data: bytes, *, chunk_bytes: int = 256 << 10) -> Ok[None] | SyncFailure:
        """Upload a blob by SHA-256, continuing where the platform's copy ends (resumable)."""
        head = self.call("HEAD", f"/v1/blobs/{digest}", ok=(200, 404))
        if isinstance(head, SyncFailure):
            return head
        if head.headers.get("upload-complete") == "true":
            return Ok(None)
        offset, restarts = _offset(head.headers.get("upload-offset", "0") or "0", len(data)), 0
        if offset is None:
            return SyncFailure("sync.bad_response", "a blob upload answer with an impossible Upload-Offset")
        # Each chunk once, plus as many resynchronisations (409) and one restart (422): a platform that keeps
        # answering with offsets that do not add up would otherwise keep this loop going for ever.
        puts_left = 2 * (len(data) // chunk_bytes + 1) + 2
        while offset < len(data):
            if puts_left == 0:
                return SyncFailure("sync.bad_response", "the platform's Upload-Offset answers do not add up")
            puts_left -= 1
            chunk = data[offset:offset + chunk_bytes]
            end = offset + len(chunk) - 1
            reply = self.call("PUT", f"/v1/blobs/{digest}", body=chunk, headers={
                "Content-Range": f"bytes {offset}-{end}/{len(data)}",
                "Content-Type": "application/octet-stream"}, ok=(200, 409))
            if isinstance(reply, SyncFailure):
                if reply.status == 422 and restarts == 0:  # the platform's copy was damaged: once more from 0
                    offset, restarts = 0, 1
                    continue
                return reply
            confirmed = _offset(reply.headers.get("upload-offset", ""), len(data))
            if confirmed is None:
                return SyncFailure("sync.bad_response", "a blob upload answer without a possible Upload-Offset")
            offset = confirmed
            if reply.headers.get("upload-complete") == "true":
                return Ok(None)
        return SyncFailure("sync.bad_response", "the platform did not confirm the whole blob")

    def pull_bundle(self, kind: str, etag: str | None = None) -> Ok[BundleDownload | None] | SyncFailure:
        """The signed bundle of `kind`, or Ok(None) if the one with `etag` is still current."""
        response = self.call("GET", f"/v1/bundles/{kind}", headers={"If-None-Match": etag} if etag else {},
                             ok=(200, 304))
        if isinstance(response, SyncFailure):
            return response
        if response.status == 304:
            return Ok(None)
        return Ok(BundleDownload(response.body, response.headers.get("etag")))

    def heartbeat(self, devices: Mapping[str, str], queue: Mapping[str, Any]) -> Ok[None] | SyncFailure:
        result = self._json("POST", "/v1/heartbeat", {"devices": dict(devices), "queue": dict(queue)})
        return result if isinstance(result, SyncFailure) else Ok(None)

    # --- services ---------------------------------------------------------------------------------------

    def pickup_records(self) -> Ok[list[PickupRecord]] | SyncFailure:
        result = self._json("GET", "/v1/pickups")
        if isinstance(result, SyncFailure):
            return result
        try:
            return Ok([_pickup_record(r) for r in result.value["records"]])
        except (KeyError, TypeError, ValueError, binascii.Error):
            return SyncFailure("sync.bad_response", "the pickup answer is not a list of records")

    def pickup_public_key(self) -> Ok[bytes] | SyncFailure:
        """The platform's Ed25519 key for pickup codes and records (32 raw bytes). Fetched over a pinned
        TLS connection it may be trusted; over plain HTTP only for development."""
        result = self._json("GET", "/v1/pickup-key")
        if isinstance(result, SyncFailure):
            return result
        try:
            raw = base64.b64decode(str(result.value["public_key"]), validate=True)
        except (KeyError, ValueError, binascii.Error):
            raw = b""
        if len(raw) != 32 or result.value.get("algorithm") != "Ed25519":
            return SyncFailure("sync.bad_response", "the pickup key answer is not an Ed25519 public key")
        return Ok(raw)

    def submit_application(self, idempotency_key: str, record: Mapping[str, Any]) -> Ok[Application] | SyncFailure:
        """Hand in a completed application. `record`: JSON values, bytes as {"$b64": base64}; it must hold
        the applicant's id_number. Asked again with the same key, the platform answers the first result."""
        result = self._json("POST", "/v1/applications", dict(record), key=idempotency_key)
        if isinstance(result, SyncFailure):
            return result
        try:
            door = result.value.get("door")
            return Ok(Application(str(result.value["application_no"]), str(result.value["pickup_code"]),
                                  None if door is None else int(door)))
        except (KeyError, TypeError, ValueError, OverflowError):  # OverflowError: int(inf), door 1e999
            return SyncFailure("sync.bad_response", "the application answer lacks application_no or pickup_code")

    def registry_photo(self, id_number: str) -> Ok[bytes] | SyncFailure:
        """The registry's reference photo (JPEG) for the face check. The ID number travels in the body, never
        in a URL. None known: SyncFailure registry.not_found."""
        response = self.call("POST", "/v1/registry/photo", body=json.dumps({"id_number": id_number}).encode(),
                             headers={"Content-Type": "application/json"})
        if isinstance(response, SyncFailure):
            if server_code(response) == "registry.not_found":
                return SyncFailure("registry.not_found", response.detail, status=response.status)
            return response
        if not response.body.startswith(b"\xff\xd8\xff"):
            return SyncFailure("sync.bad_response", "the registry answer is not a JPEG photo")
        return Ok(response.body)

    def create_payment(self, idempotency_key: str, amount_fen: int, service_id: str) -> Ok[Payment] | SyncFailure:
        result = self._json("POST", "/v1/payments", {"amount_fen": amount_fen, "service_id": service_id},
                            key=idempotency_key)
        if isinstance(result, SyncFailure):
            return result
        try:
            return Ok(Payment(str(result.value["payment_id"]), str(result.value["qr_text"])))
        except KeyError:
            return SyncFailure("sync.bad_response", "the payment answer lacks payment_id or qr_text")

    def payment_state(self, payment_id: str) -> Ok[PaymentState] | SyncFailure:
        result = self._json("GET", f"/v1/payments/{payment_id}")
        return _payment_state(result)

    def pay_with_code(self, payment_id: str, code: str) -> Ok[PaymentState] | SyncFailure:
        """The citizen's payment barcode, scanned at the terminal: the platform charges it and answers the
        payment's state (asked again: the same state, never a second charge)."""
        result = self._json("POST", f"/v1/payments/{payment_id}/code", {"code": code})
        return _payment_state(result)

    def send_sms_code(self, idempotency_key: str, phone: str) -> Ok[str] | SyncFailure:
        """Ask the platform to text a code to `phone`; Ok(challenge id)."""
        result = self._json("POST", "/v1/sms/challenges", {"phone": phone}, key=idempotency_key)
        if isinstance(result, SyncFailure):
            return result
        challenge = result.value.get("challenge_id")
        return Ok(str(challenge)) if challenge else SyncFailure("sync.bad_response", "no challenge_id")

    def check_sms_code(self, challenge_id: str, code: str) -> Ok[bool] | SyncFailure:
        result = self._json("POST", f"/v1/sms/challenges/{challenge_id}/check", {"code": code})
        if isinstance(result, SyncFailure):
            return result
        return Ok(result.value.get("ok") is True)


def _payment_state(result: Ok[Any] | SyncFailure) -> Ok[PaymentState] | SyncFailure:
    """A payment answer's state, which must be one the terminal knows."""
    if isinstance(result, SyncFailure):
        return result
    state = result.value.get("state")
    if state not in ("pending", "paid", "declined", "expired"):
        return SyncFailure("sync.bad_response", "the payment answer has no known state")
    return Ok(state)


def _offset(value: str, size: int) -> int | None:
    """An Upload-Offset header as a byte count within 0..size, None when it is not one."""
    value = value.strip()
    if not value.isascii() or not value.isdigit() or int(value) > size:
        return None
    return int(value)


def _pickup_record(r: Mapping[str, Any]) -> PickupRecord:
    def raw(name: str) -> bytes | None:
        value = r.get(name)
        return base64.b64decode(str(value), validate=True) if value else None

    return PickupRecord(*(str(r[k]) for k in ("pickup_id", "receipt_code", "door", "service_id", "ready_at")),
                        application_no=str(r.get("application_no") or ""), id_digest=str(r.get("id_digest") or ""),
                        signature=raw("signature") or b"", photo=raw("photo"))

"""The enrolment call: POST /v1/enrol {token, csr} over a connection that pins the platform's CA (https) and
shows no client certificate yet; the answer read into an Enrolment, every failure a sentence."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from kiosk.provision import codes
from sync.errors import Failure, Ok
from sync.transport import HttpRequest, Transport, TransportError

TIMEOUT_S = 20.0


@dataclass(frozen=True)
class Enrolment:
    terminal_id: str
    hall_name_zh: str
    hall_name_en: str
    certificate: str = field(repr=False)
    ca: str | None = field(repr=False)
    bundle_public_key: str = field(repr=False)
    pickup_public_key: str = field(repr=False)


def _reason(status: int, body: bytes) -> tuple[str, str]:
    """The platform's code and message for a refusal, or ("", "")."""
    try:
        answer = json.loads(body)
        return str(answer.get("code", ""))[:60], str(answer.get("message", ""))[:200]
    except (ValueError, AttributeError):
        return "", ""


def enrol(transport: Transport, url: str, token: str, csr: str, *, ca_file: str | None) -> Ok[Enrolment] | Failure:
    body = json.dumps({"token": token, "csr": csr}).encode()
    request = HttpRequest("POST", "/v1/enrol", {"Content-Type": "application/json"}, body)
    try:
        response = transport.send(request, TIMEOUT_S)
    except TransportError as e:
        if e.code == "sync.tls":
            pinned = f"the CA in {ca_file}" if ca_file else "a trusted CA"
            return Failure(codes.TLS, f"the secure connection to {url} failed: its certificate is not signed by "
                                      f"{pinned}, or the connection was refused (check --ca)")
        why = "no answer in time" if e.code == "sync.timeout" else "no connection"
        return Failure(codes.UNREACHABLE, f"the central platform at {url} cannot be reached ({why})")
    if response.status != 200:
        code, message = _reason(response.status, response.body)
        if 400 <= response.status < 500 and code:
            return Failure(codes.REFUSED, f"the central platform refused the enrolment: {code}"
                                          + (f" ({message})" if message else ""))
        return Failure(codes.BAD_ANSWER, f"the central platform at {url} answered HTTP {response.status}"
                                         + (f" {code}" if code else "") + " to the enrolment (is it the platform?)")
    try:
        answer = json.loads(response.body)
        hall = answer["hall"]
        enrolment = Enrolment(str(answer["terminal_id"]), str(hall["name_zh"]), str(hall["name_en"]),
                              str(answer["certificate"]), str(answer["ca"]) if answer.get("ca") else None,
                              str(answer["bundle_public_key"]), str(answer["pickup_public_key"]))
    except (ValueError, KeyError, TypeError):
        return Failure(codes.BAD_ANSWER, f"the central platform at {url} sent an enrolment answer without its "
                                         "certificate, terminal id, hall or keys")
    return Ok(enrolment)

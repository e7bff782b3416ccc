"""Every way a call to the platform can fail becomes a SyncFailure with a stable code and our own words,
never a library's exception text. A fake transport stands in for the network (the boundary)."""

from __future__ import annotations

import pytest

from drivers.errors import ERROR_CODES
from sync.client import CentralClient, retry_after_s
from sync.errors import SyncFailure
from sync.transport import HttpRequest, HttpResponse, TransportError


class Canned:
    def __init__(self, outcome: HttpResponse | TransportError) -> None:
        self.outcome = outcome

    def send(self, request: HttpRequest, timeout_s: float) -> HttpResponse:
        if isinstance(self.outcome, TransportError):
            raise self.outcome
        return self.outcome


def reply(status: int, body: bytes = b"{}", **headers: str) -> HttpResponse:
    return HttpResponse(status, {k.replace("_", "-").lower(): v for k, v in headers.items()}, body)


@pytest.mark.parametrize(("outcome", "code", "transient"), [
    (TransportError("sync.offline", "ConnectionError"), "sync.offline", True),
    (TransportError("sync.timeout", "no answer within 5 s"), "sync.timeout", True),
    (TransportError("sync.tls", "the TLS handshake failed"), "sync.tls", False),
    (reply(500, b"Traceback (most recent call last): secret"), "sync.server_error", True),
    (reply(429, retry_after="7"), "sync.throttled", True),
    (reply(503, retry_after="3"), "sync.throttled", True),
    (reply(401), "sync.unauthorized", False),
    (reply(404, b'{"code": "payment.unknown"}'), "sync.not_found", False),
    (reply(400, b'{"code": "payment.bad_amount", "message": "13800138000 is wrong"}'), "sync.rejected", False),
    (reply(200, b"\x00\xffnot json"), "sync.bad_response", True),
    (reply(200, b"[1, 2]"), "sync.bad_response", True),
])
def test_failure_codes(outcome, code: str, transient: bool) -> None:
    result = CentralClient(Canned(outcome), terminal_id="t").payment_state("pay-1")
    assert isinstance(result, SyncFailure)
    assert (result.code, result.transient) == (code, transient)
    assert code in ERROR_CODES
    assert "Traceback" not in result.detail and "13800138000" not in result.detail


def test_retry_after_is_read_in_seconds_or_as_a_date() -> None:
    assert CentralClient(Canned(reply(429, retry_after="7")), terminal_id="t").payment_state("p").retry_after_s == 7
    assert retry_after_s("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # in the past: go now
    assert retry_after_s("soon") is None and retry_after_s(None) is None


def test_batch_answer_that_is_not_per_event_results_is_bad() -> None:
    result = CentralClient(Canned(reply(200, b'{"results": [{"id": "e1", "status": "maybe"}]}')),
                           terminal_id="t").submit_batch([], "k")
    assert isinstance(result, SyncFailure) and result.code == "sync.bad_response"

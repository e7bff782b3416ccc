"""Answers the fuzzing (tests/fuzz) found to crash or hang the client, kept literally: each is now a
SyncFailure (or a harmless None), the terminal's sync thread goes on."""

from __future__ import annotations

from collections import deque

from sync.client import CentralClient, retry_after_s
from sync.errors import SyncFailure
from sync.transport import HttpRequest, HttpResponse, TransportError


class Script:
    """The platform answering each request with the next response; then offline."""

    def __init__(self, *responses: HttpResponse) -> None:
        self.responses, self.requests = deque(responses), 0

    def send(self, request: HttpRequest, timeout_s: float) -> HttpResponse:
        self.requests += 1
        if not self.responses:
            raise TransportError("sync.offline", "no more answers")
        return self.responses.popleft()


def client(*responses: HttpResponse) -> CentralClient:
    return CentralClient(Script(*responses), terminal_id="t-0001")


def test_a_retry_after_of_superscript_two_is_ignored() -> None:
    """"²".isdigit() is True but float("²") fails: a header byte B2 (latin-1) crashed every failed call."""
    assert retry_after_s("²") is None
    failed = client(HttpResponse(201, {"retry-after": "²"}, b"")).payment_state("p1")
    assert isinstance(failed, SyncFailure) and failed.code == "sync.bad_response"


def test_an_upload_offset_that_is_not_a_number_is_a_bad_response() -> None:
    failed = client(HttpResponse(200, {"upload-offset": ":"})).upload_blob("ab" * 32, b"x" * 40)
    assert isinstance(failed, SyncFailure) and failed.code == "sync.bad_response"


def test_an_upload_offset_past_the_blob_or_negative_is_a_bad_response() -> None:
    for offset in ("41", "-5"):
        failed = client(HttpResponse(404, {"upload-offset": offset})).upload_blob("ab" * 32, b"x" * 40)
        assert isinstance(failed, SyncFailure) and failed.code == "sync.bad_response"


def test_a_platform_that_never_takes_the_chunk_does_not_keep_the_upload_going() -> None:
    stuck = [HttpResponse(409, {"upload-offset": "0"})] * 1000
    script = Script(HttpResponse(404, {}), *stuck)
    failed = CentralClient(script, terminal_id="t-0001").upload_blob("ab" * 32, b"x" * 40, chunk_bytes=16)
    assert isinstance(failed, SyncFailure) and failed.code == "sync.bad_response"
    assert script.requests < 20


def test_json_nested_deeper_than_the_stack_is_a_bad_response() -> None:
    deep = b"[" * 100_000 + b"]" * 100_000
    assert client(HttpResponse(200, {}, deep)).payment_state("p1").code == "sync.bad_response"
    assert client(HttpResponse(200, {}, deep)).submit_batch([], "k1").code == "sync.bad_response"
    assert client(HttpResponse(400, {}, deep)).payment_state("p1").code == "sync.rejected"


def test_an_application_door_of_1e999_is_a_bad_response() -> None:
    answer = b'{"application_no": "A1", "pickup_code": "KP1.x.y", "door": 1e999}'
    failed = client(HttpResponse(201, {}, answer)).submit_application("k1", {"id_number": "x"})
    assert isinstance(failed, SyncFailure) and failed.code == "sync.bad_response"

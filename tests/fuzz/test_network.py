"""Structured property tests of the network targets: platform answers with the right shape and odd values,
bundles whose signed document is anything, batches with odd events."""

from __future__ import annotations

import gzip
import json

from hypothesis import example, given
from hypothesis import strategies as st

from fuzz import network
from fuzz.harness import ScriptedTransport
from sync.transport import HttpResponse
from tests.fuzz.conftest import fuzz_settings
from tests.fuzz.strategies import deep_json, json_bytes, json_values

FIELDS = ["results", "id", "status", "code", "reason", "records", "pickup_id", "receipt_code", "door",
          "service_id", "ready_at", "signature", "photo", "public_key", "algorithm", "application_no",
          "pickup_code", "payment_id", "qr_text", "state", "challenge_id", "ok"]
header_text = st.text(st.characters(max_codepoint=0xFF), max_size=12)
headers = st.dictionaries(st.sampled_from(["retry-after", "upload-offset", "upload-complete", "etag",
                                           "content-type"]), st.one_of(header_text, st.sampled_from(
                                               ["7", "-1", "²", "1e3", "Mon, 23 Nov 2026 03:00:05", "true"])))
shaped = st.recursive(st.dictionaries(st.sampled_from(FIELDS), json_values, max_size=5),
                      lambda inner: st.dictionaries(st.sampled_from(FIELDS), inner | st.lists(inner, max_size=3),
                                                    max_size=4), max_leaves=10)
bodies = st.one_of(shaped.map(json_bytes), json_values.map(json_bytes), st.binary(max_size=40),
                   st.integers(1, 3000).map(deep_json), st.just(b"\xff\xd8\xff"))
responses = st.builds(HttpResponse, st.sampled_from([200, 201, 304, 400, 404, 409, 422, 429, 500, 503]),
                      headers, bodies)


@fuzz_settings(1000, examples=3)
@given(st.lists(responses, max_size=30))
@example([HttpResponse(200, {}, b"{}"), HttpResponse(200, {}), HttpResponse(201, {"retry-after": "\u00b2"}, b"")])
@example([HttpResponse(500, {}), HttpResponse(200, {"upload-offset": ":"})])
def test_sync_responses_of_the_right_shape_with_odd_values(answers: list[HttpResponse]) -> None:
    network.run_client(ScriptedTransport(answers))


@fuzz_settings(1000)
@given(st.lists(st.builds(HttpResponse, st.sampled_from([200, 404, 409, 422]), headers, st.just(b"")),
                max_size=60))
def test_sync_responses_blob_upload_never_loops(answers: list[HttpResponse]) -> None:
    """A platform answering uploads with any offsets: the upload ends (ok or failed), it never spins."""
    network.run_client(ScriptedTransport([HttpResponse(200, {}, b"{}")] + answers))


times = st.one_of(st.datetimes().map(lambda d: d.isoformat()), st.sampled_from(
    ["2027-01-01T00:00:00Z", "2027-01-01", "2025-01-01T00:00:00+00:00", "", "x"]), json_values)
documents = st.fixed_dictionaries({}, optional={
    "kind": st.one_of(st.just("catalogue"), json_values), "version": st.one_of(st.integers(), json_values,
                                                                                 st.just(float("inf"))),
    "issued_at": times, "expires_at": times, "content": st.one_of(st.just({}), json_values)})


@fuzz_settings(1000, examples=2)
@given(st.one_of(documents.map(json_bytes), json_values.map(json_bytes), st.integers(1, 3000).map(deep_json)),
       st.booleans())
def test_bundle_any_document_under_a_valid_signature(document: bytes, trusted: bool) -> None:
    network.check_bundle(network.signed_envelope(document), 3 if trusted else None)


@fuzz_settings(1000)
@given(st.dictionaries(st.sampled_from(["format", "key_id", "signed", "signature"]), json_values))
def test_bundle_envelopes_with_odd_fields(envelope: dict) -> None:
    network.check_bundle(json_bytes(envelope), None)


events = st.lists(st.one_of(json_values, st.fixed_dictionaries({}, optional={
    "id": st.one_of(st.text(max_size=10), json_values), "stream": st.sampled_from(["pickup", "s.x", "Bad", ""]),
    "created_at": st.one_of(st.text(max_size=30), json_values), "payload": st.one_of(st.dictionaries(
        st.text(max_size=5), json_values, max_size=3), json_values), "blobs": json_values})), max_size=5)


@fuzz_settings(3000)
@given(st.one_of(events.map(lambda e: {"events": e}), json_values), st.booleans())
@example({"events": [{"id": "e9", "stream": "s.x", "created_at": "\ud800", "payload": {"a": "\udc00"}}]}, False)
def test_central_batches_with_odd_events(body: object, compressed: bool) -> None:
    raw = json.dumps(body).encode()
    network.target_central_batches(bytes([compressed]) + (gzip.compress(raw, mtime=0) if compressed else raw))

"""A batch the fuzzing (tests/fuzz) found to crash the reference server's intake, kept literally: JSON may
escape lone surrogates ("\\ud800"), which SQLite cannot store as UTF-8. Such an event is rejected with a
code (the terminal dead-letters it); the rest of the batch is stored; the server answers 200, not 500."""

from __future__ import annotations

import json

from sync.central import CentralServer
from sync.client import CentralClient


def test_events_with_lone_surrogates_are_rejected_and_the_rest_stored(central: CentralServer,
                                                                      client: CentralClient) -> None:
    body = (b'{"events": [{"id": "e9", "stream": "s.x", "created_at": "\\ud800", "payload": {}},'
            b' {"id": "e8", "stream": "s.x", "created_at": "2026-11-23T03:00:00Z", "payload": {"a": "\\udc00"}},'
            b' {"id": "e7", "stream": "s.x", "created_at": "2026-11-23T03:00:00Z", "payload": {"a": "ok"}}]}')
    reply = client.call("POST", "/v1/batches", body=body, headers={
        "Content-Type": "application/json", "Idempotency-Key": "k-surrogates"})
    assert reply.status == 200
    results = {r["id"]: (r["status"], r.get("code")) for r in json.loads(reply.body)["results"]}
    assert results == {"e9": ("rejected", "event.bad_time"), "e8": ("rejected", "event.bad_payload"),
                       "e7": ("stored", None)}

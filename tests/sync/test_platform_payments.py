"""Payments a citizen makes at the terminal: a scanned payment code pays once, however often it is sent;
the control handle decides how the next payments end (declined, expired, never), as a demo or test needs."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sync.central import CentralServer
from sync.client import CentralClient, server_code
from sync.errors import Ok, SyncFailure
from tests.sync.conftest import make_client

CODE = "284912345678901234"


def next_payments(client: CentralClient, outcome: str, count: int | None = None) -> None:
    body = {"outcome": outcome} | ({"count": count} if count is not None else {})
    reply = client.call("POST", "/control/next-payments", body=json.dumps(body).encode(),
                        headers={"Content-Type": "application/json"})
    assert not isinstance(reply, SyncFailure), reply


def new_payment(client: CentralClient, key: str) -> str:
    return client.create_payment(key, 2000, "id_card_replace").value.payment_id


def test_a_scanned_code_pays_once(client: CentralClient) -> None:
    payment = new_payment(client, "s1.pay.1")
    assert client.pay_with_code(payment, CODE) == Ok("paid")
    assert client.pay_with_code(payment, CODE) == Ok("paid")  # sent again after a lost answer
    assert client.payment_state(payment) == Ok("paid")


def test_a_bad_code_or_unknown_payment_is_refused(client: CentralClient) -> None:
    payment = new_payment(client, "s1.pay.1")
    refused = client.pay_with_code(payment, "KP1.not-a-payment-code")
    assert isinstance(refused, SyncFailure) and server_code(refused) == "payment.bad_code"
    assert client.payment_state(payment) == Ok("pending")
    unknown = client.pay_with_code("pay-nope", CODE)
    assert isinstance(unknown, SyncFailure) and unknown.code == "sync.not_found"


def test_the_next_payment_is_declined_then_back_to_normal(client: CentralClient) -> None:
    next_payments(client, "declined", count=1)
    declined, normal = new_payment(client, "s1.pay.1"), new_payment(client, "s2.pay.1")
    assert client.payment_state(declined) == Ok("declined")
    assert client.pay_with_code(declined, CODE) == Ok("declined")  # a declined payment stays declined
    assert client.payment_state(normal) == Ok("pending")
    assert client.pay_with_code(normal, CODE) == Ok("paid")


def test_the_same_key_keeps_its_payment_and_its_fate(client: CentralClient) -> None:
    next_payments(client, "expired", count=1)
    payment = new_payment(client, "s1.pay.1")
    assert new_payment(client, "s1.pay.1") == payment  # a retry does not use up another fate
    assert client.payment_state(payment) == Ok("expired")
    assert client.payment_state(new_payment(client, "s2.pay.1")) == Ok("pending")


def test_never_stays_pending_past_the_timeout_even_with_a_code(tmp_path: Path) -> None:
    now = [datetime(2026, 11, 23, 3, 0, tzinfo=UTC)]
    with CentralServer(tmp_path / "c.db", port=0, clock=lambda: now[0], payment_timeout_s=120,
                       auto_payment="paid") as server:
        client = make_client(server.url)
        next_payments(client, "never")
        stuck = [new_payment(client, f"s{n}.pay.1") for n in range(2)]
        now[0] += timedelta(seconds=600)
        assert [client.payment_state(p) for p in stuck] == [Ok("pending")] * 2
        assert client.pay_with_code(stuck[0], CODE) == Ok("pending")
        next_payments(client, "normal")
        assert client.payment_state(new_payment(client, "s9.pay.1")) == Ok("paid")  # --auto-payment again


def test_a_code_after_the_timeout_does_not_pay(tmp_path: Path) -> None:
    now = [datetime(2026, 11, 23, 3, 0, tzinfo=UTC)]
    with CentralServer(tmp_path / "c.db", port=0, clock=lambda: now[0], payment_timeout_s=120) as server:
        client = make_client(server.url)
        payment = new_payment(client, "s1.pay.1")
        now[0] += timedelta(seconds=121)
        assert client.pay_with_code(payment, CODE) == Ok("expired")


def test_a_bad_control_request_is_refused(client: CentralClient) -> None:
    for body in ({"outcome": "maybe"}, {"outcome": "declined", "count": 0}, {"outcome": "paid", "count": True}):
        reply = client.call("POST", "/control/next-payments", body=json.dumps(body).encode(),
                            headers={"Content-Type": "application/json"})
        assert isinstance(reply, SyncFailure) and server_code(reply).startswith("control.bad_"), body

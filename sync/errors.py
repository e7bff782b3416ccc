"""Stable error codes of everything that crosses the network, registered in the kiosk-wide code table.

The codes live in drivers/errors.py's one registry, so the kiosk maps every code a citizen can meet to a
translated sentence in one place. A failed call to the central platform is a SyncFailure: a Failure that
also says how long the platform asked us to wait (Retry-After) and the HTTP status, if there was one.
Raw exception text never travels in a failure's `detail`: only our own words, safe for a technician's log.
"""

from __future__ import annotations

from dataclasses import dataclass

from drivers.errors import Failure, Ok, register

register({
    "sync.offline": "The central platform cannot be reached (no network, refused or dropped connection).",
    "sync.timeout": "The central platform did not answer in time.",
    "sync.tls": "The secure connection failed: a certificate was not trusted or ours was refused.",
    "sync.server_error": "The central platform failed while handling the request (5xx).",
    "sync.throttled": "The central platform asked the terminal to wait before trying again (429 or 503).",
    "sync.unauthorized": "The central platform refused this terminal's identity (401 or 403).",
    "sync.rejected": "The central platform refused the request as invalid (4xx).",
    "sync.not_found": "The central platform does not know what was asked for (404).",
    "sync.bad_response": "The central platform's answer could not be understood.",
    "sync.store_busy": "The store could not be read or written just now (locked, or an I/O error).",
    "bundle.malformed": "A downloaded bundle is truncated or not a bundle at all.",
    "bundle.bad_signature": "A downloaded bundle's signature does not verify with a trusted key.",
    "bundle.wrong_kind": "A downloaded bundle is of another kind than the one asked for.",
    "bundle.expired": "A downloaded bundle has expired.",
    "bundle.rollback": "A downloaded bundle is older than the one this terminal already trusts.",
    "disk.nearly_full": "The disk is nearly full: no new session may start until space is freed.",
})

#: Failures worth trying again after a pause; any other failure of a request needs a change somewhere.
TRANSIENT = frozenset({"sync.offline", "sync.timeout", "sync.server_error", "sync.throttled",
                       "sync.bad_response", "sync.store_busy"})


@dataclass(frozen=True)
class SyncFailure(Failure):
    """A failed call to the central platform. `retry_after_s`: the platform's Retry-After, if it sent one."""

    retry_after_s: float | None = None
    status: int | None = None

    @property
    def transient(self) -> bool:
        return self.code in TRANSIENT


__all__ = ["TRANSIENT", "Failure", "Ok", "SyncFailure"]

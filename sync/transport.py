"""The transport boundary between the central-platform client and the network (as httpx's BaseTransport).

    Transport.send(HttpRequest, timeout_s) -> HttpResponse, or raises TransportError(code)

RequestsTransport is the real one: requests over a keep-alive session, the platform's CA pinned (only that
CA is trusted, not the system store) and this terminal's client certificate for mutual TLS. Tests may put
any other Transport in its place; the CentralClient above it never sees an exception of the library.

Pinning cannot be switched off: https without a pinned CA is refused (sync.tls) instead of trusting the
system or certifi store, the environment (REQUESTS_CA_BUNDLE, CURL_CA_BUNDLE, proxies) is never read, and
a session whose verification was turned off (verify=False) sends nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import requests


@dataclass(frozen=True)
class HttpRequest:
    method: str
    path: str  # starting with "/"
    headers: Mapping[str, str] = field(default_factory=dict)
    body: bytes = field(default=b"", repr=False)


@dataclass(frozen=True)
class HttpResponse:
    status: int
    headers: Mapping[str, str]  # names in lower case
    body: bytes = field(default=b"", repr=False)


class TransportError(Exception):
    """No HTTP answer at all. `code`: sync.offline, sync.timeout or sync.tls."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(f"{code}: {detail}")
        self.code, self.detail = code, detail


class Transport(Protocol):
    def send(self, request: HttpRequest, timeout_s: float) -> HttpResponse: ...


class RequestsTransport:
    """HTTP(S) with requests. `ca_file`: the pinned CA bundle; `client_cert`: (certificate, key) PEM files."""

    def __init__(self, base_url: str, *, ca_file: Path | None = None,
                 client_cert: tuple[Path, Path] | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self._session = requests.Session()
        self._session.trust_env = False  # no proxy or CA bundle from the environment: the CA is pinned
        # Without a pinned CA only plain http (development) can work: https is refused in send().
        self._unpinned = ca_file is None and self.base_url.lower().startswith("https://")
        self._session.verify = str(ca_file) if ca_file else True
        if client_cert:
            self._session.cert = (str(client_cert[0]), str(client_cert[1]))

    def send(self, request: HttpRequest, timeout_s: float) -> HttpResponse:
        if self._unpinned:
            raise TransportError("sync.tls", "https needs the platform's CA pinned (central.ca_file)")
        if self._session.verify is False or self._session.trust_env:  # never, whoever changed the session
            raise TransportError("sync.tls", "certificate verification or pinning was turned off")
        try:
            reply = self._session.request(request.method, self.base_url + request.path, data=request.body or None,
                                          headers=dict(request.headers), timeout=timeout_s,
                                          allow_redirects=False)
            body = reply.content
        except requests.exceptions.SSLError:
            raise TransportError("sync.tls", "the TLS handshake failed") from None
        except requests.exceptions.Timeout:
            raise TransportError("sync.timeout", f"no answer within {timeout_s:g} s") from None
        except requests.exceptions.RequestException as e:
            raise TransportError("sync.offline", type(e).__name__) from None
        except OSError:  # requests' own check of the pinned CA file or the client certificate's files
            raise TransportError("sync.tls", f"the pinned CA file or the client certificate cannot be read "
                                 f"({self._session.verify}, {self._session.cert})") from None
        return HttpResponse(reply.status_code, {k.lower(): v for k, v in reply.headers.items()}, body)

    def close(self) -> None:
        self._session.close()

"""The steps of `kiosk provision`, in an order that makes running it again safe.

1. Check the address; https needs the platform's CA (given, or <config dir>/central-ca.pem): no trust on
   first use. Plain http is allowed for development, with a warning (never in a production build).
2. The key: kept if there is one, else made (0600).
3. Already provisioned (the drop-in names this platform, and the certificate beside it fits the key, the
   terminal and today)? Then nothing is asked. Otherwise the token and a certificate request go to the
   platform; a run that stopped after the platform answered asks again with the same key and gets the
   same certificate.
4. The certificate, CA and public keys are written, then the drop-in last (it is what says "done").
5. The first signed bundle (config) is pulled with the new identity, verified with the pinned bundle key
   and stored in the kiosk's store. If that fails, running again resumes here.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from kiosk import build_flavour
from kiosk.provision import codes
from kiosk.provision.enrol import Enrolment, enrol
from kiosk.provision.files import Layout, Owner, give_to, make_folder, read_dropin, render_dropin, write_file
from kiosk.provision.identity import (
    certificate_request,
    common_name,
    fitting_certificate,
    load_or_make_key,
    read_certificate,
    same_key,
)
from sync.errors import Failure, Ok
from sync.transport import RequestsTransport, Transport

BUNDLE_KIND = "config"


@dataclass(frozen=True)
class Request:
    central_url: str
    token: str = field(repr=False)
    config_dir: Path
    data_dir: Path | None = None  # None: the kiosk's ([store] data_dir of its configuration, or the default)
    ca_file: Path | None = None  # None: <config dir>/central-ca.pem when it exists


@dataclass(frozen=True)
class Outcome:
    already: bool  # True: an earlier run had finished enrolment; nothing was asked of the platform
    terminal_id: str
    hall_name_zh: str
    hall_name_en: str
    dropin: Path
    identity_dir: Path
    key_created: bool
    bundle_version: int | None
    warnings: tuple[str, ...] = ()


TransportFactory = Callable[..., Transport]


def provision(request: Request, *, now: Callable[[], datetime], owner: Owner | None = None,
              env: Mapping[str, str] | None = None,
              transport: TransportFactory = RequestsTransport) -> Ok[Outcome] | Failure:
    url = request.central_url.rstrip("/")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return Failure(codes.BAD_URL, f"{request.central_url!r} is not an http:// or https:// address")
    warnings: list[str] = []
    layout = Layout(request.config_dir.absolute())  # the drop-in names files by absolute paths
    ca_file = request.ca_file or _default_ca(request.config_dir, layout)
    ca_pem = b""
    if parts.scheme == "https":
        if ca_file is None:
            return Failure(codes.NO_CA, f"{url} is https, but no CA was given to check it: pass the platform's CA "
                                        f"certificate with --ca (or put it at {request.config_dir / 'central-ca.pem'}"
                                        "); it is never trusted on first use")
        checked = _read_ca(ca_file)
        if isinstance(checked, Failure):
            return checked
        ca_pem = checked.value
    elif build_flavour.PRODUCTION:
        return Failure(codes.BAD_URL, f"{url} is plain http: a production build enrols over https only")
    else:
        warnings.append(f"{url} is plain http: the platform is not authenticated and the token travels in the "
                        "clear; for development only")
    for folder, private in ((layout.identity_dir, True), (layout.dropin.parent, False)):
        try:
            make_folder(folder, owner, private=private)
        except OSError as e:
            return _unwritable(folder, e)

    def write_key(path: Path, data: bytes) -> None:
        write_file(path, data, mode=0o600, owner=owner)

    try:
        key = load_or_make_key(layout.key, write_key)
    except OSError as e:
        return _unwritable(layout.key, e)
    except ValueError:
        return Failure(codes.BAD_KEY, f"{layout.key} is not an EC private key this tool can use; it was left alone "
                                      "(move it aside to make a new one)")

    recorded = read_dropin(layout.dropin)
    terminal, central = recorded.get("terminal", {}), recorded.get("central", {})
    already = (central.get("url") == url and isinstance(terminal.get("terminal_id"), str)
               and fitting_certificate(layout.certificate, key.private, terminal["terminal_id"], now()))
    if already:
        enrolment = Enrolment(terminal["terminal_id"], str(terminal.get("hall_name_zh", "")),
                              str(terminal.get("hall_name_en", "")), "", None, "", "")
    else:
        link = transport(url, ca_file=ca_file if parts.scheme == "https" else None)
        answered = enrol(link, url, request.token, certificate_request(key.private),
                         ca_file=str(ca_file) if ca_file else None)
        _close(link)
        if isinstance(answered, Failure):
            return answered
        enrolment = answered.value
        cert = read_certificate(enrolment.certificate)
        if cert is None or not same_key(cert, key.private) or common_name(cert) != enrolment.terminal_id:
            return Failure(codes.BAD_ANSWER, f"the central platform at {url} sent a certificate that is not for this "
                                             "terminal's key and id")
        written = _write_identity(layout, enrolment, ca_pem, url, owner)
        if isinstance(written, Failure):
            return written
    pinned_ca = str(layout.ca) if layout.ca.exists() and parts.scheme == "https" else None
    pulled = _first_bundle(request, layout, url, pinned_ca, enrolment.terminal_id, now, owner, env)
    if isinstance(pulled, Failure):
        return pulled
    return Ok(Outcome(already, enrolment.terminal_id, enrolment.hall_name_zh, enrolment.hall_name_en,
                      layout.dropin, layout.identity_dir, key.created, pulled.value, tuple(warnings)))


def _default_ca(config_dir: Path, layout: Layout) -> Path | None:
    """The CA an installer put at <config dir>/central-ca.pem, else the one an earlier run was given."""
    for path in (config_dir / "central-ca.pem", layout.ca):
        if path.is_file():
            return path
    return None


def _read_ca(path: Path) -> Ok[bytes] | Failure:
    from cryptography import x509

    try:
        pem = path.read_bytes()
        x509.load_pem_x509_certificates(pem)
    except OSError as e:
        return Failure(codes.NO_CA, f"the CA file {path} cannot be read ({e.strerror})")
    except ValueError:
        return Failure(codes.NO_CA, f"the CA file {path} is not a PEM certificate")
    return Ok(pem)


def _unwritable(path: Path, error: OSError) -> Failure:
    return Failure(codes.UNWRITABLE, f"cannot write {path} ({error.strerror}); run as root, or choose a folder "
                                     "with --config-dir / --data-dir")


def _close(link: Transport) -> None:
    close = getattr(link, "close", None)
    if close is not None:
        close()


def _write_identity(layout: Layout, enrolment: Enrolment, ca_pem: bytes, url: str,
                    owner: Owner | None) -> Ok[None] | Failure:
    """The certificate, the pinned CA and keys, and last the drop-in that names them."""
    ca = ca_pem or (enrolment.ca or "").encode()
    files = [(layout.certificate, enrolment.certificate.encode()), (layout.bundle_key,
             enrolment.bundle_public_key.encode()), (layout.pickup_key, enrolment.pickup_public_key.encode())]
    if ca:
        files.append((layout.ca, ca))
    dropin = render_dropin(terminal_id=enrolment.terminal_id, hall_name_zh=enrolment.hall_name_zh,
                           hall_name_en=enrolment.hall_name_en, url=url, layout=layout,
                           ca_file=layout.ca if ca else None)
    files.append((layout.dropin, dropin.encode()))
    for path, data in files:
        try:
            write_file(path, data, mode=0o644)
        except OSError as e:
            return _unwritable(path, e)
    return Ok(None)


def data_dir_of(config_dir: Path, env: Mapping[str, str]) -> Path:
    """The kiosk's data folder as its configuration says ([store] data_dir in kiosk.toml, its drop-ins or
    KIOSK__STORE__DATA_DIR), read leniently: the rest of the file is the kiosk's to judge, not ours.
    Raises ConfigError when a file is not TOML."""
    from kiosk import paths
    from kiosk.config.load import DROPIN_DIR, dropin_files, merge, read_toml

    raw: dict[str, Any] = {}
    files = [config_dir / "kiosk.toml"] if (config_dir / "kiosk.toml").is_file() else []
    for path in files + dropin_files(config_dir / DROPIN_DIR):
        merge(raw, read_toml(path)[1])
    store = raw.get("store")
    configured = env.get("KIOSK__STORE__DATA_DIR") or (store.get("data_dir") if isinstance(store, dict) else None)
    return paths.data_dir(str(configured) if configured else None)


def _first_bundle(request: Request, layout: Layout, url: str, ca_file: str | None, terminal_id: str,
                  now: Callable[[], datetime], owner: Owner | None,
                  env: Mapping[str, str] | None) -> Ok[int | None] | Failure:
    """Pull the config bundle into the kiosk's store with the new identity; Ok(the version now trusted)."""
    from kiosk.config import ConfigError
    from kiosk.store import Store, StoreError
    from sync.bundles import load_public_keys
    from sync.client import CentralClient, server_code
    from sync.pull import BundlePuller, trusted

    try:
        data_dir = request.data_dir or data_dir_of(request.config_dir, os.environ if env is None else env)
    except (ConfigError, tomllib.TOMLDecodeError) as e:
        return Failure(codes.CONFIG, f"the kiosk's configuration cannot be read to find its data folder: {e}")
    try:
        keys = load_public_keys([layout.bundle_key])
    except ValueError as e:
        return Failure(codes.BAD_ANSWER, f"the pinned bundle key cannot be used: {e}")
    existed = data_dir.exists()
    try:
        store = Store.open(data_dir)
    except StoreError as e:
        return Failure(codes.STORE, f"the kiosk's store in {data_dir} cannot be opened: {e}")
    with store:
        store_files = [store.path, store.path.with_name(store.path.name + "-wal"),
                       store.path.with_name(store.path.name + "-shm")]
        give_to(store_files + ([] if existed else [data_dir]), owner)
        client = CentralClient(RequestsTransport(url, ca_file=Path(ca_file) if ca_file else None,
                                                 client_cert=(layout.certificate, layout.key)),
                               terminal_id=terminal_id, timeout_s=20.0)
        result = BundlePuller(store.db.conn, client, keys, clock=now, on_event=_quiet).pull(BUNDLE_KIND)
        _close(client.transport)
        if isinstance(result, Failure):
            said = server_code(result) if hasattr(result, "status") else ""
            return Failure(codes.BUNDLE, f"enrolled, but the first {BUNDLE_KIND} bundle from {url} was not taken "
                                         f"({result.code}{' ' + said if said else ''}: {result.detail}); run "
                                         "`kiosk provision` again to retry")
        bundle = trusted(store.db, BUNDLE_KIND, keys, now())
        return Ok(bundle.version if bundle else None)


def _quiet(name: str, **fields: Any) -> None:
    """The puller's events: provisioning prints its own outcome."""

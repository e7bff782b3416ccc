"""`kiosk central ...` (the reference central platform) and `kiosk sync ...` (the terminal's sync state).

    kiosk central [--host 127.0.0.1] [--port 8600] [--db PATH] [--tls-cert F --tls-key F [--client-ca F]]
                  [--signing-key F] [--auto-payment paid|declined] [--payment-timeout S] [--sms-outbox F]
                  [--no-control] [--enrol-token TOKEN=TERMINAL_ID:HALL ...]
                  [--terminal-ca-cert F --terminal-ca-key F] [--enrol-ca F]
    kiosk central --make-dev-pki DIR [--terminal ID ...]   a development CA, server and terminal certificates
    kiosk sync status --json [--config F | --data-dir D]   queue depth per stream, oldest age, last success,
                                                           last error, dead letters, bundles
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

EXIT_BAD_INPUT, EXIT_STORE = 2, 3


def add_parser(sub) -> None:
    central = sub.add_parser("central", help="run the reference central platform server")
    central.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    central.add_argument("--port", type=int, default=8600,
                         help="port (default 8600, the kiosk's default central.url; 8443 is usual with TLS)")
    central.add_argument("--db", type=Path, help="SQLite file (default: DATA_DIR/central/central.db)")
    central.add_argument("--tls-cert", type=Path, help="server certificate chain (PEM): serve HTTPS")
    central.add_argument("--tls-key", type=Path, help="server private key (PEM)")
    central.add_argument("--client-ca", type=Path, help="CA of terminal certificates: require mutual TLS")
    central.add_argument("--signing-key", type=Path, help="Ed25519 bundle signing key (PEM; made if missing)")
    central.add_argument("--auto-payment", choices=("paid", "declined"), help="settle every payment so at once")
    central.add_argument("--payment-timeout", type=float, default=120.0, help="seconds before a payment expires")
    central.add_argument("--sms-outbox", type=Path, help="append each SMS code sent to this file (JSON lines)")
    central.add_argument("--no-control", action="store_true", help="switch off the /control endpoints")
    central.add_argument("--registry", type=Path, metavar="DIR",
                         help="reference photos for face checks: JPEGs named by ID number")
    central.add_argument("--locker-doors", type=int, default=24, help="doors of the terminals' locker wall")
    central.add_argument("--publish-package", type=Path, metavar="DEB",
                         help="publish this kiosk_<version>_amd64.deb as the software update terminals install")
    central.add_argument("--pickup-key", type=Path, help="Ed25519 pickup-code signing key (PEM; made if missing)")
    central.add_argument("--enrol-token", action="append", default=[], metavar="TOKEN=TERMINAL_ID:HALL",
                         help="a single-use enrolment token for `kiosk provision` (valid 72 h; HALL: a name, or "
                         "中文名|English name); repeatable")
    central.add_argument("--terminal-ca-cert", type=Path,
                         help="CA certificate that signs enrolled terminals (default: made beside --db)")
    central.add_argument("--terminal-ca-key", type=Path, help="its private key (PEM)")
    central.add_argument("--enrol-ca", type=Path,
                         help="CA of the server certificate, handed to enrolling terminals (default: --client-ca)")
    central.add_argument("--make-dev-pki", type=Path, metavar="DIR",
                         help="write a development CA and certificates to DIR, then exit")
    central.add_argument("--terminal", action="append", default=[], help="terminal id for --make-dev-pki")
    central.set_defaults(func=cmd_central)

    sync = sub.add_parser("sync", help="the terminal's store-and-forward state")
    syncsub = sync.add_subparsers(dest="sync_command", required=True, metavar="SYNC_COMMAND")
    status = syncsub.add_parser("status", help="queue, last success and error, dead letters, bundles")
    status.add_argument("--json", action="store_true", help="print JSON (the only format so far)")
    status.add_argument("--config", type=Path, help="the kiosk's configuration (to find its data folder)")
    status.add_argument("--data-dir", type=Path, help="the kiosk's data folder (overrides --config)")
    status.set_defaults(func=cmd_sync_status)


def cmd_central(args: argparse.Namespace) -> int:
    from kiosk import paths
    from kiosk.log import configure_logging, log_event
    from sync.central import CentralServer, TlsFiles
    from sync.devpki import make_dev_pki

    if args.make_dev_pki:
        pki = make_dev_pki(args.make_dev_pki, tuple(args.terminal) or ("dev-0001",))
        print(json.dumps({"ca_cert": str(pki.ca_cert), "server_cert": str(pki.server_cert),
                          "server_key": str(pki.server_key),
                          "terminals": {t: [str(c), str(k)] for t, (c, k) in pki.terminals.items()}}, indent=2))
        return 0
    if bool(args.tls_cert) != bool(args.tls_key) or (args.client_ca and not args.tls_cert):
        print("kiosk central: give --tls-cert and --tls-key together (and --client-ca only with them)",
              file=sys.stderr)
        return EXIT_BAD_INPUT
    if bool(args.terminal_ca_cert) != bool(args.terminal_ca_key):
        print("kiosk central: give --terminal-ca-cert and --terminal-ca-key together", file=sys.stderr)
        return EXIT_BAD_INPUT
    from sync.central.enrolment import parse_token_option

    try:
        tokens = [parse_token_option(text) for text in args.enrol_token]
    except ValueError as e:
        print(f"kiosk central: --enrol-token {e}", file=sys.stderr)
        return EXIT_BAD_INPUT
    for option in ("tls_cert", "tls_key", "client_ca", "terminal_ca_cert", "terminal_ca_key", "enrol_ca"):
        path = getattr(args, option)
        if path is not None and not path.is_file():
            print(f"kiosk central: --{option.replace('_', '-')} {path}: no such file", file=sys.stderr)
            return EXIT_BAD_INPUT
    configure_logging("info")
    db = args.db or paths.data_dir() / "central" / "central.db"
    tls = TlsFiles(args.tls_cert, args.tls_key, args.client_ca) if args.tls_cert else None
    from sync.central.registry import RegistryError

    try:
        server = CentralServer(db, host=args.host, port=args.port, tls=tls, signing_key=args.signing_key,
                               control=not args.no_control, auto_payment=args.auto_payment,
                               payment_timeout_s=args.payment_timeout, sms_outbox=args.sms_outbox,
                               registry=args.registry, locker_doors=args.locker_doors,
                               pickup_key=args.pickup_key, enrol_tokens=tokens, enrol_ca=args.enrol_ca,
                               terminal_ca=(args.terminal_ca_cert, args.terminal_ca_key)
                               if args.terminal_ca_cert else None)
    except OSError as e:
        print(f"kiosk central: cannot listen on {args.host}:{args.port} ({e.strerror})", file=sys.stderr)
        return EXIT_BAD_INPUT
    except (RegistryError, ValueError) as e:  # a bad photo folder, or a CA key that is not the CA's
        print(f"kiosk central: {e}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.publish_package:
        from sync.central.software import PackageError, publish_package

        try:
            published = publish_package(server.ctx, args.publish_package)
        except PackageError as e:
            print(f"kiosk central: --publish-package {e}", file=sys.stderr)
            server.stop()
            return EXIT_BAD_INPUT
        print(f"software update published: {published['package']} (sha256 {published['sha256']})", flush=True)
    log_event("central.started", url=server.url, tls=tls is not None, db=str(db))
    print(f"central platform on {server.url} (store {db}; bundle public key {server.public_key_path})",
          flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


def cmd_sync_status(args: argparse.Namespace) -> int:
    from kiosk import paths
    from kiosk.store import Store, StoreError
    from sync.db import utc_now
    from sync.status import sync_status

    data_dir = args.data_dir
    if data_dir is None:
        from kiosk.config import ConfigError, load_config

        try:
            config = load_config(args.config, simulate=False)
        except ConfigError as e:
            print(f"kiosk: the configuration was refused:\n{e}", file=sys.stderr)
            return EXIT_BAD_INPUT
        data_dir = paths.data_dir(config.store.data_dir)
    if not (Path(data_dir) / "kiosk.db").exists():
        print(f"kiosk sync: there is no store in {data_dir} yet (the kiosk creates it when it starts)",
              file=sys.stderr)
        return EXIT_STORE
    try:
        with Store.open(Path(data_dir)) as store:
            status = sync_status(store.db, utc_now())
    except StoreError as e:
        print(f"kiosk sync: {e}", file=sys.stderr)
        return EXIT_STORE
    print(json.dumps(status.as_json(), indent=2, ensure_ascii=False))
    return 0

"""The reference central platform: what terminals talk to in development and tests (`kiosk central`).

    CentralServer(db_path, host=, port=, tls=TlsFiles(cert, key, client_ca), registry=photo_dir,
                  locker_doors=24, auto_payment=, ...).start() / .url / .pickup_public_key / .stop()
"""

from sync.central.serve import CentralServer, TlsFiles

__all__ = ["CentralServer", "TlsFiles"]

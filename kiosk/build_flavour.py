"""Which build this is: a production build (the Debian package) or a development checkout.

The package builder (packaging/build_deb.py) writes the marker file `_production` beside this module in
the packaged copy of `kiosk`, which lives in /opt/kiosk, owned by root. Nothing else turns it on or off:
no configuration key and no environment variable, so a mistake in kiosk.toml or a KIOSK__ variable cannot
make a production terminal talk to the platform without TLS or without the pinned CA.

In a production build (kiosk/config/schema.py CentralConfig):
* the central platform's address must be https://;
* its CA must be pinned (central.ca_file): the transport then trusts that CA only (sync/transport.py).
"""

from __future__ import annotations

from pathlib import Path

MARKER_NAME = "_production"
MARKER = Path(__file__).with_name(MARKER_NAME)


def detect(marker: Path = MARKER) -> bool:
    """True when the marker file is there: this copy of the kiosk was installed from the package."""
    return marker.is_file()


#: Decided once, at import. Code reads it as `build_flavour.PRODUCTION` at the time of use (tests of the
#: production rules set it for one test; nothing in the product writes it).
PRODUCTION: bool = detect()

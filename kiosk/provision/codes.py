"""The error codes of `kiosk provision`, in the kiosk-wide code table (drivers/errors.py)."""

from __future__ import annotations

from drivers.errors import register

BAD_URL = "provision.bad_url"
NO_CA = "provision.no_ca"
UNWRITABLE = "provision.unwritable"
BAD_KEY = "provision.bad_key"
UNREACHABLE = "provision.unreachable"
TLS = "provision.tls"
REFUSED = "provision.refused"
BAD_ANSWER = "provision.bad_answer"
CONFIG = "provision.config"
STORE = "provision.store"
BUNDLE = "provision.bundle"

register({
    BAD_URL: "The central platform's address is not an http:// or https:// address.",
    NO_CA: "An https central platform needs its CA certificate given; it is never trusted on first use.",
    UNWRITABLE: "A folder or file for the terminal's identity or configuration cannot be written.",
    BAD_KEY: "The terminal's existing private key cannot be read; it is left alone.",
    UNREACHABLE: "The central platform cannot be reached at the given address.",
    TLS: "The secure connection to the central platform failed (another CA, or a refused certificate).",
    REFUSED: "The central platform refused the enrolment (unknown, used or expired token; bad request).",
    BAD_ANSWER: "The central platform's enrolment answer cannot be used.",
    CONFIG: "The kiosk's configuration files cannot be read to find its data folder.",
    STORE: "The kiosk's store cannot be opened to keep the first bundle.",
    BUNDLE: "The first signed bundle could not be pulled or did not verify.",
})

#: Failures of the installer's input, of the central platform, and of this machine's files: exit codes.
EXIT_CODES = {BAD_URL: 2, NO_CA: 2, CONFIG: 2, UNREACHABLE: 3, TLS: 3, REFUSED: 3, BAD_ANSWER: 3, BUNDLE: 3,
              UNWRITABLE: 4, BAD_KEY: 4, STORE: 4}

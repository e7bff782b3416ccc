"""First-boot enrolment of a terminal with its central platform (`kiosk provision`).

    provision(Request(central_url, token, config_dir, data_dir, ca_file), now=...) -> Ok[Outcome] | Failure

The terminal makes its EC P-256 key (kept across runs), sends a certificate request with the operator's
single-use token, stores the certificate, the pinned CA and the platform's public keys in
<config dir>/identity/, records its terminal id and hall in <config dir>/kiosk.d/50-provisioned.toml (never
in kiosk.toml, the installer's file), and pulls its first signed bundle with the new mutual-TLS identity.
Every expected failure is a Failure whose detail is a whole sentence for the installer.

    codes.py     the error codes
    identity.py  key pair, certificate request, does a stored certificate still fit
    files.py     where everything goes, writing it with the right modes and owner, the drop-in
    enrol.py     the one HTTP call, and reading its answer
    run.py       the steps in order, resuming a half-finished run
"""

from kiosk.provision.run import Outcome, Request, provision

__all__ = ["Outcome", "Request", "provision"]

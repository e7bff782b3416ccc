"""Running things in the root as the installed system would: as the `kiosk` user, with its groups."""

from __future__ import annotations

from tests.packaging.debian_root import DebianRoot

#: What the kiosk's environment looks like under kiosk.service, less the screen.
KIOSK_ENV = {"HOME": "/var/lib/kiosk", "USER": "kiosk", "LOGNAME": "kiosk"}


def as_kiosk(args: list[str]) -> list[str]:
    """`args` run as the kiosk user with its supplementary groups; setpriv execs, so signals reach `args`."""
    return ["setpriv", "--reuid=kiosk", "--regid=kiosk", "--init-groups", *args]


def run_as_kiosk(root: DebianRoot, args: list[str], **kw):
    return root.run(as_kiosk(args), env={**KIOSK_ENV, **kw.pop("env", {})}, **kw)

"""The one boundary of the installer: dpkg and its tools, run as commands found on the PATH.

    Dpkg().installed_version()        dpkg-query: the version of kiosk installed now ("" if none)
    Dpkg().fields(deb)                dpkg-deb --field: Package and Version of a package file
    Dpkg().install(deb)               dpkg --install, never asking (an edited conffile is kept)
    Dpkg().repack(folder)             dpkg-repack: the installed version as a package file again

dpkg --install, not apt: the terminal may have no way to the Debian archive, and an update that needs
new Debian packages is refused by dpkg (and rolled back) instead of half-installed. dpkg-repack makes the
package to roll back to when the running version came from the installer's own `apt install` (only
packages that `kiosk update apply` installed are kept as files).
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from drivers.errors import Failure, Ok, register

register({
    "update.install_failed": "dpkg could not install the package.",
    "update.repack_failed": "The running version could not be kept as a package; the update was not tried.",
    "update.bad_package": "The package file is not the kiosk package of the version the bundle names.",
})

PACKAGE = "kiosk"
ENV = {"DEBIAN_FRONTEND": "noninteractive"}


@dataclass(frozen=True)
class Dpkg:
    timeout_s: float = 900.0

    def _run(self, args: list[str], cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run(args, capture_output=True, text=True, check=False, timeout=self.timeout_s,
                              cwd=cwd, env={**os.environ, **ENV}, stdin=subprocess.DEVNULL)

    def installed_version(self) -> str:
        done = self._run(["dpkg-query", "--show", "--showformat=${Status}\t${Version}", PACKAGE])
        status, _, version = done.stdout.partition("\t")
        return version.strip() if done.returncode == 0 and status.endswith(" installed") else ""

    def fields(self, deb: Path) -> Ok[tuple[str, str]] | Failure:
        """(Package, Version) of a package file."""
        done = self._run(["dpkg-deb", "--show", "--showformat=${Package}\t${Version}", str(deb)])
        package, _, version = done.stdout.strip().partition("\t")
        if done.returncode != 0 or not version:
            return Failure("update.bad_package", f"{deb.name}: not a Debian package")
        return Ok((package, version))

    def install(self, deb: Path) -> Ok[None] | Failure:
        done = self._run(["dpkg", "--install", "--force-confdef", "--force-confold", str(deb)])
        if done.returncode != 0:
            last = (done.stderr.strip().splitlines() or [""])[-1][:160]
            return Failure("update.install_failed", f"{deb.name}: dpkg exited {done.returncode}: {last}")
        return Ok(None)

    def repack(self, folder: Path) -> Ok[Path] | Failure:
        """The installed kiosk, repacked into `folder` (zstd: xz would take minutes over 700 MB)."""
        folder.mkdir(parents=True, exist_ok=True)
        before = set(folder.glob("*.deb"))
        done = self._run(["dpkg-repack", "--deb-option=-Zzstd", PACKAGE], cwd=folder)
        made = sorted(set(folder.glob("*.deb")) - before)
        if done.returncode != 0 or len(made) != 1:
            return Failure("update.repack_failed", f"dpkg-repack exited {done.returncode}")
        return Ok(made[0])

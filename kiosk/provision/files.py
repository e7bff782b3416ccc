"""Where provisioning puts things, and writing them safely.

    <config dir>/identity/terminal.key            this terminal's private key (0600, the kiosk user's)
    <config dir>/identity/terminal.pem            its client certificate
    <config dir>/identity/central-ca.pem          the platform's CA, pinned
    <config dir>/identity/bundle-signing.pub.pem  the platform's bundle key, pinned
    <config dir>/identity/pickup-signing.pub.pem  the platform's pickup-code key, pinned
    <config dir>/kiosk.d/50-provisioned.toml      [terminal] and [central] settings naming the files above

Each file is written to a temporary name and renamed, so a run stopped half-way leaves whole files only.
Run as root, the key (and the store) belong to the kiosk user, who runs the kiosk; the identity folder is
root's, readable by the kiosk group.
"""

from __future__ import annotations

import json
import os
import pwd
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.config.load import DROPIN_DIR

DROPIN_NAME = "50-provisioned.toml"
KIOSK_USER = "kiosk"


@dataclass(frozen=True)
class Owner:
    uid: int
    gid: int


def kiosk_owner(user: str = KIOSK_USER) -> Owner | None:
    """The kiosk user, when running as root and the user exists (installed package); else None."""
    if os.geteuid() != 0:
        return None
    try:
        entry = pwd.getpwnam(user)
    except KeyError:
        return None
    return Owner(entry.pw_uid, entry.pw_gid)


@dataclass(frozen=True)
class Layout:
    config_dir: Path

    @property
    def identity_dir(self) -> Path:
        return self.config_dir / "identity"

    @property
    def key(self) -> Path:
        return self.identity_dir / "terminal.key"

    @property
    def certificate(self) -> Path:
        return self.identity_dir / "terminal.pem"

    @property
    def ca(self) -> Path:
        return self.identity_dir / "central-ca.pem"

    @property
    def bundle_key(self) -> Path:
        return self.identity_dir / "bundle-signing.pub.pem"

    @property
    def pickup_key(self) -> Path:
        return self.identity_dir / "pickup-signing.pub.pem"

    @property
    def dropin(self) -> Path:
        return self.config_dir / DROPIN_DIR / DROPIN_NAME


def make_folder(path: Path, owner: Owner | None, *, private: bool = True) -> None:
    """Create `path` unless it exists: private, 0750 with group kiosk as root (0700 otherwise); else 0755
    (the drop-in folder, which every user who runs `kiosk` reads). Raises OSError."""
    if path.is_dir():
        return
    mode = (0o750 if owner else 0o700) if private else 0o755
    path.mkdir(mode=mode, parents=True)
    os.chmod(path, mode)  # not narrowed by the umask
    if owner and private:
        os.chown(path, 0, owner.gid)


def write_file(path: Path, data: bytes, *, mode: int = 0o644, owner: Owner | None = None) -> None:
    """Write `data` whole (temporary file, fsync, rename) with `mode`, owned by `owner` if given."""
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.unlink(missing_ok=True)
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, mode)  # not narrowed by the umask
        if owner:
            os.chown(temporary, owner.uid, owner.gid)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def give_to(paths: list[Path], owner: Owner | None) -> None:
    """Hand files made as root (the store) to the kiosk user."""
    for path in paths:
        if owner and path.exists():
            os.chown(path, owner.uid, owner.gid)


def _toml(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a TOML basic string


def render_dropin(*, terminal_id: str, hall_name_zh: str, hall_name_en: str, url: str, layout: Layout,
                  ca_file: Path | None) -> str:
    lines = ["# Written by `kiosk provision`: this terminal's identity at the central platform.",
             "# Run `kiosk provision` again rather than editing it; kiosk.toml is read first, this file over it.",
             "", "[terminal]", f"terminal_id = {_toml(terminal_id)}", f"hall_name_zh = {_toml(hall_name_zh)}",
             f"hall_name_en = {_toml(hall_name_en)}", "", "[central]", f"url = {_toml(url)}"]
    if ca_file is not None:
        lines.append(f"ca_file = {_toml(str(ca_file))}")
    lines += [f"client_cert = {_toml(str(layout.certificate))}", f"client_key = {_toml(str(layout.key))}",
              f"bundle_key_file = {_toml(str(layout.bundle_key))}",
              f"pickup_key_file = {_toml(str(layout.pickup_key))}", ""]
    return "\n".join(lines)


def read_dropin(path: Path) -> dict[str, Any]:
    """What an earlier run recorded ({} when there is none, or it cannot be read)."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return {}

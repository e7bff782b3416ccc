"""Software packages on the reference central platform: publish a kiosk .deb, serve it to terminals.

    publish_package(ctx, Path("kiosk_0.2.0_amd64.deb")) -> the software bundle's content

Publishing copies the package into <db folder>/software/, computes its size and SHA-256 and signs the next
"software" bundle naming it: {"version", "package", "size", "sha256", "url"}. Terminals fetch the file from
GET /v1/software/<name>, in ranges (HTTP Range) so that a download cut short goes on where it stopped;
they install it only if it matches the signed bundle. POST /control/software publishes a file from the
server's disk (tests, developers); `kiosk central --publish-package FILE` does the same at start.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

from flask import Blueprint, Response, jsonify, send_file

from sync.central.context import Central, central, fail, json_body, terminal
from sync.central.services import publish_bundle

bp = Blueprint("software", __name__)
KIND = "software"
#: kiosk_<Debian version>_amd64.deb, as packaging/build_deb.py names its output.
PACKAGE = re.compile(r"^kiosk_([0-9][A-Za-z0-9.+~-]{0,63})_amd64\.deb$")
MAX_PACKAGE_BYTES = 2 << 30


class PackageError(ValueError):
    """A file that cannot be published; the message names it and says why."""


def software_dir(ctx: Central) -> Path:
    return ctx.db.path.parent / "software"


def publish_package(ctx: Central, deb: Path) -> dict:
    deb = Path(deb)
    match = PACKAGE.match(deb.name)
    if not match:
        raise PackageError(f"{deb}: the name must be kiosk_<version>_amd64.deb")
    if not deb.is_file():
        raise PackageError(f"{deb}: no such file")
    size = deb.stat().st_size
    if not 0 < size <= MAX_PACKAGE_BYTES:
        raise PackageError(f"{deb}: {size} bytes; a package is 1 byte to {MAX_PACKAGE_BYTES} bytes")
    folder = software_dir(ctx)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / deb.name
    if deb.resolve() != target.resolve():
        partial = target.with_name(target.name + ".partial")
        shutil.copyfile(deb, partial)
        partial.replace(target)
    digest = hashlib.sha256()
    with target.open("rb") as f:
        while block := f.read(1 << 20):
            digest.update(block)
    content = {"version": match[1], "package": deb.name, "size": target.stat().st_size,
               "sha256": digest.hexdigest(), "url": f"/v1/software/{deb.name}"}
    publish_bundle(ctx, KIND, content)
    return content


@bp.get("/v1/software/<name>")
def get_package(name: str) -> Response:
    terminal()
    path = software_dir(central()) / name
    if not PACKAGE.match(name) or not path.is_file():
        fail(404, "software.unknown_package", f"there is no package {name[:80]!r}")
    # conditional: Range requests answered with 206 and the part asked for, streamed from the file
    return send_file(path, mimetype="application/vnd.debian.binary-package", conditional=True, etag=True,
                     max_age=0)


@bp.post("/control/software")
def control_publish() -> Response:
    ctx = central()
    if not ctx.control:
        fail(404, "control.disabled", "the control endpoints are switched off on this server")
    try:
        content = publish_package(ctx, Path(str(json_body().get("path", ""))))
    except PackageError as e:
        fail(400, "control.bad_package", str(e))
    return jsonify(content)

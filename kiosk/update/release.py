"""What a "software" bundle says, as a typed Release, and what the kiosk hands to root: a Request.

The bundle's content is {} (no update published) or
    {"version": "0.2.0", "package": "kiosk_0.2.0_amd64.deb", "size": 278000000,
     "sha256": "<64 hex>", "url": "/v1/software/kiosk_0.2.0_amd64.deb"}
Every field is checked here, before anything touches the network or the disk: the file name is a Debian
package file name of this package and version (so it can never name a path), the URL a path on the central
platform. Pure: no I/O.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from drivers.errors import Failure, Ok, register

#: The software bundle's kind, as the central platform serves it (/v1/bundles/software).
KIND = "software"
#: A Debian version as build_deb.py makes them (digits, letters, . + ~ and -), and at most 64 characters.
VERSION = re.compile(r"^[0-9][A-Za-z0-9.+~-]{0,63}$")
SHA256 = re.compile(r"^[0-9a-f]{64}$")
#: Largest package the kiosk downloads (the 0.1.0 package is 278 MB).
MAX_PACKAGE_BYTES = 2 << 30

register({
    "update.bad_release": "The software bundle does not describe a package this terminal can install.",
    "update.bad_request": "An update request is not one the installer can act on.",
})


def package_name(version: str) -> str:
    return f"kiosk_{version}_amd64.deb"


@dataclass(frozen=True)
class Release:
    version: str
    package: str  # file name only: kiosk_<version>_amd64.deb
    size: int
    sha256: str
    url: str  # a path on the central platform, starting with /


def parse_release(content: Mapping[str, Any]) -> Ok[Release | None] | Failure:
    """Ok(Release), Ok(None) for an empty bundle (nothing published), or update.bad_release saying why."""
    if not content:
        return Ok(None)
    version, package, size = content.get("version"), content.get("package"), content.get("size")
    sha256, url = content.get("sha256"), content.get("url")
    if not isinstance(version, str) or not VERSION.match(version):
        return Failure("update.bad_release", "version is not a Debian version such as 0.2.0")
    if package != package_name(version):
        return Failure("update.bad_release", f"package must be {package_name(version)}")
    if not isinstance(size, int) or isinstance(size, bool) or not 0 < size <= MAX_PACKAGE_BYTES:
        return Failure("update.bad_release", f"size must be a whole number of bytes, 1 to {MAX_PACKAGE_BYTES}")
    if not isinstance(sha256, str) or not SHA256.match(sha256):
        return Failure("update.bad_release", "sha256 must be 64 lower-case hex digits")
    if not isinstance(url, str) or not url.startswith("/") or url.startswith("//") or len(url) > 512 \
            or any(c.isspace() for c in url) or ".." in url.split("/"):
        return Failure("update.bad_release", "url must be a path on the central platform, such as /v1/software/...")
    return Ok(Release(version, package, size, sha256, url))


@dataclass(frozen=True)
class Request:
    """The kiosk's request to root: install the package the signed bundle names. `bundle`: the bundle exactly
    as received, so root checks the signature itself; `id` ties the outcome back to this request."""

    id: str
    bundle: bytes = field(repr=False)

    def to_json(self) -> str:
        return json.dumps({"id": self.id, "bundle": base64.b64encode(self.bundle).decode()})


def parse_request(text: str) -> Ok[Request] | Failure:
    try:
        body = json.loads(text)
        request_id, bundle = str(body["id"]), base64.b64decode(body["bundle"], validate=True)
    except (ValueError, TypeError, KeyError, binascii.Error):
        return Failure("update.bad_request", "not a JSON object with id and a base64 bundle")
    if not re.fullmatch(r"[A-Za-z0-9_.:-]{1,64}", request_id):
        return Failure("update.bad_request", "id must be 1-64 of A-Z a-z 0-9 _ . : -")
    return Ok(Request(request_id, bundle))

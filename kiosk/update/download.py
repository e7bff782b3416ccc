"""Fetching a release's package into the updates folder: resumable, checked, renamed into place only whole.

    fetch(client, release, folder) -> Ok(path of the checked package) | Failure

The package comes in ranges (HTTP Range, `chunk_bytes` each, so one answer never waits on a slow line for
long), appended to <package>.partial; a download cut by a lost network or a restart goes on from where the
partial file ends. When it is complete its size and SHA-256 are checked against the signed bundle: a
mismatch deletes it (the next try starts again from nothing), a match renames it to its final name.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from drivers.errors import Failure, Ok, register
from kiosk.update.release import Release
from sync.client import CentralClient
from sync.errors import SyncFailure

register({
    "update.size_mismatch": "The downloaded package is not the size the signed bundle says; it was deleted.",
    "update.checksum_mismatch": "The downloaded package's SHA-256 is not the signed bundle's; it was deleted.",
    "update.disk": "The package could not be written to or read from the disk.",
})

CHUNK_BYTES = 1 << 20


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while block := f.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def check(path: Path, release: Release) -> Ok[Path] | Failure:
    """The file is the release's package (size, then SHA-256); if not, it is deleted."""
    size = path.stat().st_size
    if size != release.size:
        path.unlink(missing_ok=True)
        return Failure("update.size_mismatch", f"{path.name}: {size} bytes, the bundle says {release.size}")
    if sha256_of(path) != release.sha256:
        path.unlink(missing_ok=True)
        return Failure("update.checksum_mismatch", f"{path.name}: SHA-256 differs from the bundle's")
    return Ok(path)


def fetch(client: CentralClient, release: Release, folder: Path, *, chunk_bytes: int = CHUNK_BYTES
          ) -> Ok[Path] | Failure:
    final = folder / release.package
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if final.exists():
            return check(final, release)
        partial = folder / (release.package + ".partial")
        got = _download(client, release, partial, chunk_bytes)
        if isinstance(got, Failure):
            return got
        checked = check(partial, release)
        if isinstance(checked, Failure):
            return checked
        os.replace(partial, final)
        return Ok(final)
    except OSError as e:
        return Failure("update.disk", f"{folder}: {type(e).__name__}")


def _download(client: CentralClient, release: Release, partial: Path, chunk_bytes: int) -> Ok[None] | Failure:
    offset = partial.stat().st_size if partial.exists() else 0
    if offset > release.size:
        partial.unlink()
        offset = 0
    with partial.open("ab") as out:
        while offset < release.size:
            end = min(offset + chunk_bytes, release.size) - 1
            reply = client.call("GET", release.url, headers={"Range": f"bytes={offset}-{end}"}, ok=(200, 206))
            if isinstance(reply, SyncFailure):
                if reply.status == 416:  # the platform's file ends before the size the bundle says
                    out.close()
                    partial.unlink()
                    return Failure("update.size_mismatch", f"{release.package}: the platform's copy is shorter")
                return reply
            if reply.status == 200:  # no ranges served: this is the whole file
                out.seek(0)
                out.truncate()
                body = reply.body
            else:
                body = reply.body
                if not reply.headers.get("content-range", "").startswith(f"bytes {offset}-"):
                    return SyncFailure("sync.bad_response", "a range answer for another part of the package")
            if not body:
                out.close()
                partial.unlink()
                return Failure("update.size_mismatch", f"{release.package}: the platform's copy is shorter")
            out.write(body)
            out.flush()
            offset = out.tell()
        os.fsync(out.fileno())
    return Ok(None)

"""What the kiosk does next about software, decided from facts alone (no I/O): the pure core of updater.py.

    decide(release, installed=..., rolled_back=..., verified=...) -> Step

A release is wanted when the signed bundle names a version other than the running one (newer, or older when
the platform deliberately takes terminals back) and that version has not been rolled back here before: a
version that failed its health check is tried again only once the platform publishes another one.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable

from kiosk.update.release import Release


class Step(enum.Enum):
    NOTHING_PUBLISHED = "nothing_published"  # the software bundle is empty (or none trusted yet)
    UP_TO_DATE = "up_to_date"  # the running version is the published one
    ROLLED_BACK_BEFORE = "rolled_back_before"  # this version failed here once: wait for another
    DOWNLOAD = "download"  # fetch the package (or finish fetching it), then check it
    HAND_OVER = "hand_over"  # the checked package is here: wait for a pause between sessions, then root


def decide(release: Release | None, *, installed: str, rolled_back: Iterable[str], verified: bool) -> Step:
    if release is None:
        return Step.NOTHING_PUBLISHED
    if release.version == installed:
        return Step.UP_TO_DATE
    if release.version in set(rolled_back):
        return Step.ROLLED_BACK_BEFORE
    return Step.HAND_OVER if verified else Step.DOWNLOAD


def stale_files(names: Iterable[str], release: Release | None) -> list[str]:
    """Files in the updates folder that are no longer wanted: every earlier download (and its partial)."""
    keep = {release.package, release.package + ".partial"} if release is not None else set()
    return sorted(n for n in names if n.endswith((".deb", ".deb.partial")) and n not in keep)

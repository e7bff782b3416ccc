"""What the updater decides from the signed bundle's content, the running version and the rolled-back ones,
and which bundle contents it refuses before touching the network."""

from __future__ import annotations

import pytest

from kiosk.update.plan import Step, decide, stale_files
from kiosk.update.release import parse_release

GOOD = {"version": "0.2.0", "package": "kiosk_0.2.0_amd64.deb", "size": 1000, "sha256": "a" * 64,
        "url": "/v1/software/kiosk_0.2.0_amd64.deb"}


def _release(**override):
    return parse_release({**GOOD, **override}).value


@pytest.mark.parametrize(("installed", "rolled_back", "verified", "step"), [
    ("0.1.0", (), False, Step.DOWNLOAD),
    ("0.1.0", (), True, Step.HAND_OVER),
    ("0.2.0", (), False, Step.UP_TO_DATE),
    ("0.1.0", ("0.2.0",), True, Step.ROLLED_BACK_BEFORE),
    ("0.3.0", (), False, Step.DOWNLOAD),  # the platform takes terminals back to an older version on purpose
])
def test_what_the_updater_does_next(installed, rolled_back, verified, step):
    assert decide(_release(), installed=installed, rolled_back=rolled_back, verified=verified) is step


def test_an_empty_bundle_means_nothing_is_published():
    assert parse_release({}).value is None
    assert decide(None, installed="0.1.0", rolled_back=(), verified=False) is Step.NOTHING_PUBLISHED


@pytest.mark.parametrize(("override", "says"), [
    ({"version": "../../etc"}, "version"),
    ({"package": "../../etc/shadow"}, "package must be kiosk_0.2.0_amd64.deb"),
    ({"package": "kiosk_0.3.0_amd64.deb"}, "package"),
    ({"size": 0}, "size"),
    ({"size": True}, "size"),
    ({"size": 3 << 30}, "size"),
    ({"sha256": "A" * 64}, "sha256"),
    ({"url": "http://elsewhere.example/kiosk.deb"}, "url"),
    ({"url": "//elsewhere.example/kiosk.deb"}, "url"),
    ({"url": "/v1/software/../bundles/config"}, "url"),
])
def test_a_bundle_that_does_not_describe_an_installable_package_is_refused(override, says):
    result = parse_release({**GOOD, **override})
    assert result.code == "update.bad_release" and says in result.detail


def test_earlier_downloads_are_cleaned_up_but_not_the_current_one():
    names = ["kiosk_0.1.5_amd64.deb", "kiosk_0.2.0_amd64.deb.partial", "kiosk_0.1.9_amd64.deb.partial",
             "request.json"]
    assert stale_files(names, _release()) == ["kiosk_0.1.5_amd64.deb", "kiosk_0.1.9_amd64.deb.partial"]

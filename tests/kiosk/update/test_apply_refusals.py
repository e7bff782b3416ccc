"""Root trusts nothing the kiosk user wrote: a request is refused, and nothing installed, unless the bundle
in it verifies under the pinned key, is not older than one acted on before, and the package file is exactly
the one the bundle names."""

from __future__ import annotations

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.update.apply import apply_pending
from kiosk.update.state import REQUEST, UPDATES


def _refused(installer, code: str) -> None:
    outcome = apply_pending(installer.settings())
    assert (outcome.result, outcome.code) == ("refused", code)
    assert installer.calls("dpkg") == [] and installer.installed == "0.1.0"
    assert not (installer.data_dir / UPDATES / REQUEST).exists()


def test_a_bundle_signed_with_another_key_is_refused(installer, log_lines):
    installer.package("0.2.0")
    installer.request("0.2.0", key=Ed25519PrivateKey.generate())
    _refused(installer, "bundle.bad_signature")
    assert log_lines.events("update.refused")[0]["code"] == "bundle.bad_signature"


def test_a_replayed_older_bundle_is_refused(installer):
    installer.package("0.2.0")
    installer.healthy("0.2.0")
    installer.request("0.2.0", bundle_version=5)
    assert apply_pending(installer.settings()).result == "applied"
    (installer.root / "calls").unlink()
    (installer.root / "installed").write_text("0.1.0")  # say a technician went back by hand
    installer.package("0.1.5")
    installer.request("0.1.5", request_id="req-old", bundle_version=4)
    _refused(installer, "bundle.rollback")


def test_a_package_changed_after_the_kiosk_checked_it_is_refused(installer):
    installer.package("0.2.0")
    installer.request("0.2.0")
    installer.package("0.2.0", extra="something else\n")
    _refused(installer, "update.size_mismatch")


def test_a_package_of_another_version_inside_is_refused(installer):
    installer.package("0.2.0").write_text("Package: kiosk\nVersion: 9.9\n")  # named 0.2.0, is 9.9 inside
    installer.request("0.2.0")  # the bundle's size and SHA-256 are this file's: only dpkg-deb tells
    _refused(installer, "update.bad_package")


def test_a_request_pointing_at_a_link_is_refused(installer, tmp_path):
    target = installer.package("0.2.0")
    installer.request("0.2.0")
    moved = tmp_path / "elsewhere.deb"
    target.rename(moved)
    target.symlink_to(moved)
    _refused(installer, "update.package_missing")


def test_garbage_instead_of_a_request_is_refused(installer):
    (installer.data_dir / UPDATES).mkdir(parents=True)
    (installer.data_dir / UPDATES / REQUEST).write_text("{not json")
    _refused(installer, "update.bad_request")

"""Root's installer: a healthy update stays, an unhealthy one (or one dpkg cannot install) is rolled back to
the kept previous version and never tried again; the request is always taken, so it runs once."""

from __future__ import annotations

from kiosk.update.apply import apply_pending
from kiosk.update.state import load_state


def test_a_healthy_update_stays_installed_and_the_previous_version_is_kept(installer, log_lines):
    installer.package("0.2.0")
    request = installer.request("0.2.0")
    installer.healthy("0.2.0")

    outcome = apply_pending(installer.settings())

    assert outcome.result == "applied" and (outcome.version, outcome.from_version) == ("0.2.0", "0.1.0")
    assert installer.installed == "0.2.0"
    assert not request.exists(), "the request is taken, so the path unit does not start the installer again"
    kept = sorted(p.name for p in (installer.state_dir / "installed").glob("*.deb"))
    assert kept == ["kiosk_0.1.0_amd64.deb", "kiosk_0.2.0_amd64.deb"]
    assert [c[0] for c in installer.calls() if c[0] in ("dpkg", "dpkg-repack", "restart")] == \
        ["dpkg-repack", "dpkg", "restart"]
    assert [e["version"] for e in log_lines.events("update.applied")] == ["0.2.0"]


def test_no_health_report_in_time_rolls_back_to_the_previous_version(installer, log_lines):
    installer.package("0.2.0")
    installer.request("0.2.0")
    installer.healthy("0.1.0")  # the new version never reports

    outcome = apply_pending(installer.settings(health_timeout_s=0.3))

    assert (outcome.result, outcome.code) == ("rolled_back", "update.not_healthy")
    assert installer.installed == "0.1.0"
    installs = [c[-1].rsplit("/", 1)[-1] for c in installer.calls("dpkg")]
    assert installs == ["kiosk_0.2.0_amd64.deb", "kiosk_0.1.0_amd64.deb"]
    assert load_state(installer.state_dir).rolled_back == ("0.2.0",)
    assert log_lines.events("update.rolled_back")[0]["code"] == "update.not_healthy"


def test_a_rolled_back_version_is_not_tried_again_but_a_newer_one_is(installer):
    installer.package("0.2.0")
    installer.request("0.2.0")
    apply_pending(installer.settings(health_timeout_s=0.1))

    installer.request("0.2.0", request_id="req-2", bundle_version=2)
    again = apply_pending(installer.settings())
    assert (again.result, again.code) == ("refused", "update.not_wanted")
    assert len(installer.calls("dpkg")) == 2, "nothing more was installed"

    installer.package("0.3.0")
    installer.healthy("0.3.0")
    installer.request("0.3.0", request_id="req-3", bundle_version=3)
    assert apply_pending(installer.settings()).result == "applied"
    assert installer.installed == "0.3.0"


def test_the_health_report_of_the_old_version_does_not_count(installer):
    installer.package("0.2.0")
    installer.request("0.2.0")
    (installer.data_dir / "health.json").write_text('{"version": "0.2.0", "pid": 1, "at": 0}')  # stale

    outcome = apply_pending(installer.settings(health_timeout_s=0.2))

    assert outcome.result == "rolled_back"


def test_a_package_dpkg_cannot_install_is_rolled_back_at_once(installer):
    installer.package("0.2.0", extra="broken\n")
    installer.request("0.2.0")

    outcome = apply_pending(installer.settings(health_timeout_s=60))

    assert (outcome.result, outcome.code) == ("rolled_back", "update.install_failed")
    assert installer.installed == "0.1.0"


def test_without_a_package_to_roll_back_to_nothing_is_installed(installer, monkeypatch):
    monkeypatch.setenv("FAKE_REPACK_FAILS", "1")
    installer.package("0.2.0")
    installer.request("0.2.0")

    outcome = apply_pending(installer.settings())

    assert (outcome.result, outcome.code) == ("refused", "update.repack_failed")
    assert installer.calls("dpkg") == [] and installer.installed == "0.1.0"


def test_nothing_asked_nothing_done(installer):
    assert apply_pending(installer.settings()) is None
    assert installer.calls("dpkg") == []

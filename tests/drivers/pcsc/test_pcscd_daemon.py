"""Our private pcscd: it runs beside any other, and says clearly why when it cannot start."""

import pytest

from drivers.pcsc.pcscd import PcscDaemon, PcscdError


def test_a_second_private_pcscd_runs_beside_the_first(pcscd, tmp_path):
    """Two test runs on one machine (or a system pcscd) do not share readers or sockets."""
    with PcscDaemon(tmp_path, name="Other vpcd") as other:
        assert other.socket_path != pcscd.socket_path and other.port not in (pcscd.port, pcscd.port + 1)
        assert other.running and pcscd.running
    assert not other.running


def test_a_daemon_that_cannot_start_shows_its_last_words(tmp_path):
    (tmp_path / "run").write_text("not a folder")  # where its socket folder should be
    daemon = PcscDaemon(tmp_path)
    with pytest.raises(PcscdError, match="cannot prepare pcscd's folders") as failed:
        daemon.start()
    assert str(tmp_path / "run") in str(failed.value)
    assert not daemon.running


def test_pcscd_that_exits_at_once(tmp_path):
    """pcscd dies while starting (a broken install): the error shows what it said last."""
    broken = tmp_path / "pcscd"
    broken.write_text("#!/bin/sh\necho 'pcscd: error while loading shared libraries: libudev.so.1'\nexit 127\n")
    broken.chmod(0o755)
    daemon = PcscDaemon(tmp_path / "work", executable=str(broken))
    with pytest.raises(PcscdError, match="exited before it was ready") as failed:
        daemon.start()
    assert "libudev.so.1" in str(failed.value)
    assert not daemon.running


def test_pcscd_not_installed(tmp_path):
    with pytest.raises(PcscdError, match="pcscd is not installed"):
        PcscDaemon(tmp_path, executable=str(tmp_path / "nowhere" / "pcscd")).start()

"""`kiosk sim serve`: a simulated device another program reaches through its pseudo-terminal."""

import json
import signal
import subprocess
import sys

import pytest

from drivers.idcard.driver import IdCardReader
from drivers.idcard.simcard import SAMPLE_IDENTITY
from drivers.transport import SerialTransport


@pytest.fixture
def served(tmp_path):
    def serve(kind, state=None):
        args = [sys.executable, "-m", "kiosk", "sim", "serve", kind, "--link", str(tmp_path / f"tty-{kind}")]
        if state is not None:
            state_file = tmp_path / "state.json"
            state_file.write_text(json.dumps(state), encoding="utf-8")
            args += ["--state", str(state_file)]
        proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        procs.append(proc)
        return proc, proc.stdout.readline().strip(), proc.stdout.readline().strip()

    procs = []
    yield serve
    for proc in procs:
        proc.kill()
        proc.wait()
        proc.stdout.close()
        proc.stderr.close()


def test_a_card_put_in_the_state_file_is_read_by_the_real_driver(served, tmp_path):
    from drivers.idcard import simulator

    model = simulator.create()
    model.put_card(SAMPLE_IDENTITY)
    proc, pty_path, link_line = served("id_reader", model.snapshot())
    assert pty_path.startswith("/dev/pts/")
    assert link_line == f"link: {tmp_path / 'tty-id_reader'}"

    reader = IdCardReader(SerialTransport(pty_path, 115200, device="id_reader"))
    assert reader.open().ok
    read = reader.read_card()
    assert read.ok
    assert read.value.identity.id_number == SAMPLE_IDENTITY["id_number"]
    reader.close()

    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=30) == 0
    assert json.loads((tmp_path / "state.json").read_text(encoding="utf-8"))  # written back on stop


def test_unknown_kind_and_bad_state_are_refused_clearly(tmp_path):
    result = subprocess.run([sys.executable, "-m", "kiosk", "sim", "serve", "teleporter"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "no simulator for 'teleporter'" in result.stderr
    bad = tmp_path / "state.json"
    bad.write_text('{\n  "card": ,\n}', encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "kiosk", "sim", "serve", "id_reader", "--state", str(bad)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert f"{bad}:2: not valid JSON" in result.stderr

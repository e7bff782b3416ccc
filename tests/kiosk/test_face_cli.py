"""`kiosk face verify` and `kiosk face idphoto`, run as a technician would, as subprocesses."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

FACES = Path(__file__).resolve().parents[1] / "data" / "faces"


def kiosk(*args):
    done = subprocess.run([sys.executable, "-m", "kiosk", "face", *map(str, args)], check=False,
                          capture_output=True, text=True, timeout=120)
    return done.returncode, done.stdout, done.stderr


def test_verify_the_same_person():
    code, out, _ = kiosk("verify", FACES / "obama.jpg", FACES / "obama2.jpg", "--json")
    answer = json.loads(out)
    assert code == 0
    assert answer["match"] is True and answer["distance"] < answer["threshold"]


def test_verify_another_person():
    code, out, _ = kiosk("verify", FACES / "obama.jpg", FACES / "biden.jpg", "--json")
    assert code == 1
    assert json.loads(out)["match"] is False


@pytest.mark.parametrize("broken", ["missing", "corrupt"])
def test_a_missing_or_corrupt_image_is_named(tmp_path, broken):
    path = tmp_path / "probe.jpg"
    if broken == "corrupt":
        path.write_bytes((FACES / "obama2.jpg").read_bytes()[:5000])
    code, out, err = kiosk("verify", FACES / "obama.jpg", path, "--json")
    assert code == 2
    answer = json.loads(out)
    assert answer["ok"] is False
    assert answer["error"] == {"missing": "face.image_missing", "corrupt": "face.image_unreadable"}[broken]
    assert str(path) in err and "Traceback" not in err


def test_idphoto_of_a_compliant_photo_writes_the_standard_jpeg(tmp_path):
    from drivers.face import synthetic as syn
    from drivers.face.detector import FaceAnalyzer
    from drivers.face.imagefile import jpeg_dpi, read_image, write_file

    analyzer = FaceAnalyzer.load().value
    photo = read_image(FACES / "obama.jpg").value
    marks = analyzer.detect(photo)[0].landmarks
    booth = syn.compose(syn.studio(photo, marks), marks, face_width=300, centre=(640, 302), background=syn.WALL)
    source = write_file(tmp_path / "booth.png", bytes(__import__("cv2").imencode(".png", booth)[1])).value

    out = tmp_path / "id.jpg"
    code, stdout, _ = kiosk("idphoto", source, "--out", out, "--json")
    answer = json.loads(stdout)
    assert code == 0
    assert answer["compliant"] is True and answer["instruction"] is None
    assert answer["output"] == str(out)
    assert all(check["passed"] for check in answer["checks"])
    data = out.read_bytes()
    assert jpeg_dpi(data) == (350, 350)
    assert read_image(out).value.shape == (441, 358, 3)


def test_idphoto_of_a_busy_background_says_what_to_change(tmp_path):
    out = tmp_path / "id.jpg"
    code, stdout, _ = kiosk("idphoto", FACES / "obama.jpg", "--out", out, "--json")
    answer = json.loads(stdout)
    assert code == 1
    assert answer["compliant"] is False and answer["instruction"] == "plain_background"
    assert answer["output"] is None and not out.exists()
    background = next(c for c in answer["checks"] if c["check"] == "background")
    assert background["passed"] is False and background["instruction"] == "plain_background"


def test_idphoto_without_a_face(tmp_path):
    blank = tmp_path / "wall.png"
    blank.write_bytes(bytes(__import__("cv2").imencode(".png", __import__("numpy").full((400, 300, 3), 230,
                                                                                         "uint8"))[1]))
    code, stdout, _ = kiosk("idphoto", blank, "--out", tmp_path / "id.jpg", "--json")
    assert code == 1
    assert json.loads(stdout)["instruction"] == "no_face"

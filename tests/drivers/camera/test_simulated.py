"""The simulated camera: its scenes, its handle, noise and jitter, and video files."""

import cv2
import numpy as np

from drivers.camera.scenes import SYNTHESISED, SceneLibrary
from drivers.camera.simulated import SimulatedSource, simulated_camera

from .conftest import FACES, WAIT_S


def test_the_scenes_are_the_test_persons_and_the_synthesised_ones(library):
    assert library.persons == ["biden", "obama", "obama2"]
    assert set(library.names()) == {*library.persons, *SYNTHESISED}
    assert library.default == "obama"  # the most frontal face is filmed first
    source = SimulatedSource(library, fps=None)
    assert source.snapshot()["scene"] == "obama"


def test_switching_scenes(library):
    source = SimulatedSource(library, fps=None)
    assert source.set_scene("no_face").ok
    frame = source.read().value
    assert frame.shape == (720, 1280, 3)
    assert frame.std() < 1  # an empty wall
    unknown = source.set_scene("unicorn")
    assert unknown.code == "camera.unknown_scene"
    assert "two_faces" in unknown.detail
    assert source.snapshot()["scene"] == "no_face"


def test_a_live_person_blinks_and_turns_within_one_round(library):
    frames = library.get("obama").value.frames
    distinct = {id(f) for f in frames}
    assert len(distinct) >= 5  # open, shut, three turned
    assert len(frames) / 30 < 5  # a round lasts under five seconds at 30 frames/s


def test_noise_and_jitter_change_each_frame_but_not_the_picture(library):
    clean = SimulatedSource(library, scene="printed_photo", fps=None).read().value
    source = SimulatedSource(library, scene="printed_photo", fps=None, noise=6, jitter_px=3)
    a, b = source.read().value, source.read().value
    assert not np.array_equal(a, b)
    assert abs(float(a.mean()) - float(clean.mean())) < 3
    source.set_noise(0)
    source.set_jitter(0)
    assert np.array_equal(source.read().value, clean)
    assert source.snapshot() == {"scene": "printed_photo", "fps": None, "noise": 0.0, "jitter_px": 0,
                                 "plugged": True, "frames": 3}


def test_a_video_file_is_a_scene_played_frame_by_frame(tmp_path):
    writer = cv2.VideoWriter(str(tmp_path / "walk_by.avi"), cv2.VideoWriter.fourcc(*"MJPG"), 10, (320, 180))
    for shade in (40, 120, 200):
        writer.write(np.full((180, 320, 3), shade, np.uint8))
    writer.release()
    library = SceneLibrary.from_folder(tmp_path, (640, 360), find_faces=False).value
    assert library.names() == ["walk_by"]
    source = SimulatedSource(library, fps=None)
    means = [float(source.read().value[100:200, 200:400].mean()) for _ in range(4)]
    assert [round(m / 10) for m in means] == [4, 12, 20, 4]  # played in order, then round again


def test_a_folder_without_pictures(tmp_path):
    (tmp_path / "notes.txt").write_text("no pictures here", encoding="utf-8")
    result = simulated_camera(tmp_path)
    assert result.code == "camera.no_scenes"
    assert str(tmp_path) in result.detail
    assert simulated_camera(tmp_path / "absent").code == "camera.no_scenes"


def test_a_simulated_camera_delivers_frames_at_its_frame_rate():
    camera = simulated_camera(FACES, fps=50, scene="no_face").value
    camera.start()
    first = camera.wait_frame(0, WAIT_S).value
    tenth = camera.wait_frame(first.seq + 9, WAIT_S).value
    camera.stop()
    assert 9 / 50 * 0.8 <= tenth.t - first.t <= 9 / 50 * 3  # paced by the device, loosely (a busy machine)

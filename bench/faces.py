"""Face and camera timings on this machine, from the test photos in tests/data/faces.

    python -m bench.faces --json [--seconds 6] [--repeat 15]
    python -m bench.faces --distances     the descriptor distances verify.py's threshold was chosen from

Prints one JSON object:
    photo_pipeline_ms   median: a 1280x720 frame -> detect, landmarks, every check, crop, JPEG (target <= 150)
    verify_ms           median: 1:1 verification of a 1280x720 probe frame against a reference ID photo,
                        both faces found and described (target <= 200)
    verify_probe_ms     the same with the reference described beforehand (as the kiosk does it)
    preview_fps         frames per second the face guide tracked and assessed while the simulated camera
                        ran at 30 frames/s, 1280x720, with noise and shake (target >= 25)
    camera_fps          frames per second the camera thread delivered meanwhile
    ui_block_max_ms     the longest a 60 Hz consumer thread (the Qt GUI thread's stand-in) spent taking the
                        newest frame and copying it, as the QML preview does (target <= 16)
    ui_late_max_ms      the latest that consumer woke for a tick (GIL or CPU contention)
"""

from __future__ import annotations

import argparse
import itertools
import json
import statistics
import sys
import threading
import time
from pathlib import Path

import cv2
import numpy as np

from drivers.camera.simulated import simulated_camera
from drivers.face import idphoto
from drivers.face import synthetic as syn
from drivers.face.compliance import assess
from drivers.face.detector import FaceAnalyzer
from drivers.face.guide import FaceGuide
from drivers.face.imagefile import decode_image, encode_jpeg, read_image
from drivers.face.verify import Verifier

FACES = Path(__file__).resolve().parent.parent / "tests" / "data" / "faces"


def _photo(analyzer: FaceAnalyzer, name: str):
    image = read_image(FACES / f"{name}.jpg").value
    return image, analyzer.detect(image)[0].landmarks


def _median_ms(operation, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        operation()
        times.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(times), 1)


def photo_pipeline(analyzer: FaceAnalyzer, frame: np.ndarray) -> bytes:
    assessment = assess(frame, analyzer.detect(frame))
    if not assessment.compliant or assessment.placement is None:
        raise RuntimeError(f"the benchmark frame is not compliant: {assessment.instruction}")
    return idphoto.encode(idphoto.render(frame, assessment.placement))


def preview(analyzer: FaceAnalyzer, seconds: float) -> dict:
    camera = simulated_camera(FACES, noise=4, jitter_px=2).value
    guide = FaceGuide(camera.latest, analyzer)
    blocks, late = [], []
    buffer = np.empty((720, 1280, 3), np.uint8)
    stop = threading.Event()

    def consumer() -> None:  # the GUI thread: a 60 Hz timer that copies the newest frame into a texture
        tick = 1 / 60
        due = time.perf_counter() + tick
        while not stop.is_set():
            stop.wait(max(0.0, due - time.perf_counter()))
            woke = time.perf_counter()
            late.append(woke - due)
            frame = camera.latest.get()
            guide.guidance()
            if frame is not None:
                np.copyto(buffer, frame.image)
            blocks.append(time.perf_counter() - woke)
            due += tick
            if due < time.perf_counter():
                due = time.perf_counter() + tick

    camera.start()
    if not camera.wait_frame(0, 10).ok:
        raise RuntimeError("the simulated camera gave no frame")
    guide.start()
    ui = threading.Thread(target=consumer)
    ui.start()
    time.sleep(1.0)  # warm up: scenes made, first detections done
    frames0, analysed0, started = camera.frames, guide.analysed, time.perf_counter()
    blocks.clear()
    late.clear()
    time.sleep(seconds)
    elapsed = time.perf_counter() - started
    frames, analysed = camera.frames - frames0, guide.analysed - analysed0
    stop.set()
    ui.join()
    guide.stop()
    camera.stop()
    return {"preview_fps": round(analysed / elapsed, 1), "camera_fps": round(frames / elapsed, 1),
            "ui_block_max_ms": round(max(blocks) * 1000, 2), "ui_late_max_ms": round(max(late) * 1000, 1)}


def distances(analyzer: FaceAnalyzer) -> dict:
    """All pairs of descriptors of the test photos and nine variants of each, grouped as verify.py says."""
    rng = np.random.default_rng(7)
    described = {}
    for name in ("obama", "obama2", "biden"):
        photo, marks = _photo(analyzer, name)
        frame = syn.compose(photo, marks, face_width=300)
        placed = analyzer.detect(frame)[0].landmarks
        variants = {
            "photo": photo, "frame300": frame, "frame200": syn.compose(photo, marks, face_width=200),
            "noise": np.clip(frame + rng.normal(0, 6, frame.shape), 0, 255).astype(np.uint8),
            "blur": syn.blur(frame, 1.5), "dim": cv2.convertScaleAbs(frame, alpha=0.55),
            "turn10": syn.turn(frame, placed, 10), "turn-10": syn.turn(frame, placed, -10),
            "jpeg40": decode_image(encode_jpeg(frame, quality=40)).value, "mirror": cv2.flip(frame, 1)}
        for variant, image in variants.items():
            faces = analyzer.detect(image)
            if faces:
                described[(name, variant)] = analyzer.descriptor(image, faces[0])
    groups: dict[str, list[float]] = {"same_photo": [], "same_person": [], "different": []}
    for a, b in itertools.combinations(described, 2):
        d = float(np.linalg.norm(described[a] - described[b]))
        group = ("same_photo" if a[0] == b[0] else
                 "same_person" if a[0].rstrip("2") == b[0].rstrip("2") else "different")
        groups[group].append(d)
    return {group: {"count": len(ds), "min": round(min(ds), 3), "median": round(statistics.median(ds), 3),
                    "max": round(max(ds), 3)} for group, ds in groups.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.faces", description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print JSON (the only output there is)")
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--seconds", type=float, default=6.0, help="how long the preview runs")
    parser.add_argument("--distances", action="store_true", help="print the verification distances instead")
    args = parser.parse_args(argv)
    analyzer = FaceAnalyzer.load()
    if not analyzer.ok:
        print(f"bench.faces: {analyzer.detail}", file=sys.stderr)
        return 1
    analyzer = analyzer.value
    if args.distances:
        print(json.dumps(distances(analyzer), indent=2))
        return 0
    obama, marks = _photo(analyzer, "obama")
    frame = syn.compose(syn.studio(obama, marks), marks, face_width=300, centre=(640, 302), background=syn.WALL)
    reference = idphoto.render(frame, assess(frame, analyzer.detect(frame)).placement)
    other, other_marks = _photo(analyzer, "obama2")
    probe = syn.compose(other, other_marks, face_width=300, centre=(640, 302))
    verifier = Verifier(analyzer)
    enrolled = verifier.enrol(reference).value
    if not verifier.verify_images(reference, probe).value.match:
        raise RuntimeError("the benchmark's reference and probe should match")
    results = {
        "photo_pipeline_ms": _median_ms(lambda: photo_pipeline(analyzer, frame), args.repeat),
        "verify_ms": _median_ms(lambda: verifier.verify_images(reference, probe), args.repeat),
        "verify_probe_ms": _median_ms(lambda: verifier.verify(enrolled, probe), args.repeat),
        **preview(analyzer, args.seconds),
    }
    print(json.dumps(results, indent=2 if not args.json else None))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Frames made from still photos, for tests, the benchmark and the simulated camera's scenes.

Each function takes a BGR photo and, where it needs to know where the face is, its Landmarks, and returns a
new image; the photo is never changed. What each stands for:

    compose       the person in front of the camera: a 1280x720 frame with the face at a given width/place
    studio        the same person before a plain light wall (what a kiosk's photo booth looks like)
    darken, blur  a dim hall, a moving or out-of-focus face
    side_by_side  two people in the frame
    blink         the eyes shut (eyelids painted over with the skin colour below the eye)
    turn          the head turned: the face's middle shifted sideways as on a rotating cylinder
"""

from __future__ import annotations

import math

import cv2
import numpy as np

from drivers.face.landmarks import LEFT_EYE, RIGHT_EYE, Landmarks

FRAME_SIZE = (1280, 720)
ROOM = (150, 160, 165)    # a hall's grey-blue wall (BGR)
WALL = (238, 238, 236)    # a photo booth's plain light wall


def compose(photo: np.ndarray, landmarks: Landmarks, *, face_width: float = 300, centre: tuple[float, float] = (640, 300),
            size: tuple[int, int] = FRAME_SIZE, background: tuple[int, int, int] = ROOM) -> np.ndarray:
    """A frame of `size` with the photo scaled so the face is `face_width` px wide, its eye-line middle at
    `centre`; where the photo does not reach, `background`."""
    matrix = _placing(landmarks, face_width, centre)
    return cv2.warpAffine(photo, matrix, size, flags=cv2.INTER_AREA if matrix[0, 0] < 1 else cv2.INTER_LINEAR,
                          borderMode=cv2.BORDER_CONSTANT, borderValue=background)


def compose_landmarks(landmarks: Landmarks, *, face_width: float = 300,
                      centre: tuple[float, float] = (640, 300)) -> Landmarks:
    """Where `compose` puts the landmarks (to synthesise further without detecting again)."""
    matrix = _placing(landmarks, face_width, centre)
    points = landmarks.points @ matrix[:, :2].T + matrix[:, 2]
    return Landmarks(points)


def _placing(landmarks: Landmarks, face_width: float, centre: tuple[float, float]) -> np.ndarray:
    scale = face_width / landmarks.face_width
    dx = centre[0] - landmarks.centre_x * scale
    dy = centre[1] - landmarks.eye_line_y * scale
    return np.array([[scale, 0, dx], [0, scale, dy]], dtype=np.float64)


def head_and_shoulders_mask(shape: tuple[int, ...], landmarks: Landmarks) -> np.ndarray:
    """0..1 float mask of the head (an ellipse from the estimated crown to the chin), neck and shoulders."""
    mask = np.zeros(shape[:2], np.uint8)
    width, chin, crown, cx = landmarks.face_width, landmarks.chin_y, landmarks.crown_y(), landmarks.centre_x
    centre = (int(cx), int((crown + chin) / 2))
    axes = (int(width * 0.56), int((chin - crown) / 2 * 1.02))
    cv2.ellipse(mask, centre, axes, 0, 0, 360, 255, -1)
    neck_top, rows = int(chin - 0.2 * width), shape[0]
    shoulders = np.array([[cx - 0.3 * width, neck_top], [cx + 0.3 * width, neck_top],
                          [cx + 0.35 * width, chin + 0.25 * width], [cx + 1.6 * width, chin + 0.6 * width],
                          [cx + 1.8 * width, rows], [cx - 1.8 * width, rows],
                          [cx - 1.6 * width, chin + 0.6 * width], [cx - 0.35 * width, chin + 0.25 * width]])
    cv2.fillPoly(mask, [shoulders.astype(np.int32)], 255)
    soft = max(3, int(width * 0.03)) | 1
    return cv2.GaussianBlur(mask, (soft, soft), 0).astype(np.float32) / 255


def studio(photo: np.ndarray, landmarks: Landmarks, wall: tuple[int, int, int] = WALL) -> np.ndarray:
    mask = head_and_shoulders_mask(photo.shape, landmarks)[..., None]
    plain = np.empty_like(photo)
    plain[:] = wall
    return (photo * mask + plain * (1 - mask)).astype(np.uint8)


def darken(image: np.ndarray, factor: float = 0.22) -> np.ndarray:
    return cv2.convertScaleAbs(image, alpha=factor)


def blur(image: np.ndarray, sigma: float = 6.0) -> np.ndarray:
    return cv2.GaussianBlur(image, (0, 0), sigma)


def side_by_side(left: np.ndarray, left_marks: Landmarks, right: np.ndarray, right_marks: Landmarks,
                 *, face_width: float = 220, size: tuple[int, int] = FRAME_SIZE) -> np.ndarray:
    frame = compose(left, left_marks, face_width=face_width, centre=(size[0] * 0.3, size[1] * 0.4), size=size)
    other = compose(right, right_marks, face_width=face_width, centre=(size[0] * 0.7, size[1] * 0.4), size=size)
    frame[:, size[0] // 2:] = other[:, size[0] // 2:]
    return frame


def blink(image: np.ndarray, landmarks: Landmarks) -> np.ndarray:
    """The eyes shut: each eye, a little enlarged upwards and downwards, is filled in from the skin around
    it (OpenCV's Telea inpainting), and a dark lash line is drawn along the lower lid. dlib's landmarks then
    give an eye aspect ratio 40-60 % lower on frontal faces (obama 0.20 -> 0.08, biden 0.25 -> 0.15)."""
    mask = np.zeros(image.shape[:2], np.uint8)
    lashes = []
    for eye in (landmarks.points[RIGHT_EYE], landmarks.points[LEFT_EYE]):
        centre = eye.mean(axis=0)
        cv2.fillPoly(mask, [(centre + (eye - centre) * np.array([1.1, 1.8])).astype(np.int32)], 255)
        lashes.append((np.array([eye[0], eye[5], eye[4], eye[3]]), float(eye[3][0] - eye[0][0])))
    out = cv2.inpaint(image, cv2.dilate(mask, np.ones((3, 3), np.uint8)), 5, cv2.INPAINT_TELEA)
    for points, width in lashes:
        y = int(points[:, 1].mean())
        skin = out[y - 2:y + 2, int(points[0][0]):int(points[3][0])].reshape(-1, 3).mean(axis=0)
        cv2.polylines(out, [points.astype(np.int32)], False, tuple(float(v) * 0.35 for v in skin),
                      max(2, int(width * 0.06)), cv2.LINE_AA)
    return out


def turn(image: np.ndarray, landmarks: Landmarks, degrees: float = 25.0) -> np.ndarray:
    """The head turned by about `degrees` (+ towards the image's right): points on a vertical cylinder
    through the face rotate about its axis; the shift fades out at the cylinder's edge and above and below
    the head, so the rest of the frame stays put."""
    rows, cols = image.shape[:2]
    cx, radius = landmarks.centre_x, landmarks.face_width * 0.62
    top, bottom = landmarks.crown_y(), landmarks.chin_y + 0.25 * landmarks.face_width
    xs = np.arange(cols, dtype=np.float32)
    u = np.clip((xs - cx) / radius, -1, 1)
    phi = np.arcsin(u) - math.radians(degrees)
    source_x = cx + radius * np.sin(np.clip(phi, -math.pi / 2, math.pi / 2))
    fade_x = np.clip(1 - np.abs(u) ** 4, 0, 1) * (np.abs((xs - cx) / radius) <= 1)
    shift_x = (source_x - xs) * fade_x
    ys = np.arange(rows, dtype=np.float32)
    middle, half = (top + bottom) / 2, (bottom - top) / 2
    fade_y = np.clip(1 - ((ys - middle) / half) ** 4, 0, 1)
    map_x = (xs[None, :] + fade_y[:, None] * shift_x[None, :]).astype(np.float32)
    map_y = np.repeat(ys[:, None], cols, axis=1).astype(np.float32)
    return cv2.remap(image, map_x, map_y, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)

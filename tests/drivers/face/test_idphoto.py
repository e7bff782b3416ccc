"""The standard photo GA/T 461 asks for: 358x441 px, 350 dpi, face 207 +- 14 px wide and centred, crown
7-21 px from the top, eyes at least 207 px above the bottom."""

import cv2
import numpy as np

from drivers.face import idphoto
from drivers.face.compliance import assess
from drivers.face.imagefile import decode_image, jpeg_dpi


def test_the_photo_has_the_standard_size_resolution_and_head_position(analyzer, people):
    frame = people["obama"].frame()
    assessment = assess(frame, analyzer.detect(frame))
    data = idphoto.encode(idphoto.render(frame, assessment.placement))

    assert jpeg_dpi(data) == (350, 350)
    photo = decode_image(data).value
    assert photo.shape == (441, 358, 3)
    marks = analyzer.detect(photo)[0].landmarks
    assert abs(marks.face_width - 207) <= 14
    assert abs(marks.centre_x - 179) <= 6
    assert 7 <= marks.crown_y() <= 21
    assert 441 - marks.eye_line_y >= 207
    assert 8_000 < len(data) < 40_000  # the standard's quality 70 gives files of about 14-20 KB


def test_the_head_is_placed_the_same_whatever_its_size_in_the_frame(analyzer, people):
    placed = []
    for width in (200, 260, 330):
        frame = people["obama"].frame(face_width=width)
        photo = idphoto.render(frame, idphoto.place(analyzer.detect(frame)[0].landmarks))
        marks = analyzer.detect(photo)[0].landmarks
        placed.append((marks.face_width, marks.eye_line_y))
    widths, eyes = zip(*placed)
    assert max(widths) - min(widths) < 8
    assert max(eyes) - min(eyes) < 8


def test_eyes_win_over_crown_when_both_cannot_hold():
    """A very long face: putting the crown at 14 px would push the eyes below 234 px; the eyes win."""
    from drivers.face.landmarks import Landmarks

    points = np.zeros((68, 2))
    points[0], points[16] = (100, 300), (300, 300)          # face 200 px wide
    points[36:42], points[42:48] = (150, 300), (250, 300)   # eye line at y 300
    points[8] = (200, 700)                                  # chin far below: crown estimate at y -60
    place = idphoto.place(Landmarks(points))
    _, eye_y = place.to_photo(200, 300)
    assert round(eye_y) == idphoto.EYE_LINE_MAX


def test_a_rectangle_past_the_frame_edge_is_padded_not_wrapped():
    frame = np.zeros((200, 200, 3), np.uint8)
    frame[:, :100] = 255
    photo = idphoto.render(frame, idphoto.Placement(left=-50, top=0, width=179, height=220.5))
    assert photo.shape == (441, 358, 3)
    assert photo[:, :20].mean() > 250  # the left edge's white repeated, not the right side's black
    assert cv2.cvtColor(photo, cv2.COLOR_BGR2GRAY)[:, -20:].mean() < 5

"""The camera's live picture for the photo and face screens: `image://camera/N` and the `kioskCamera` object.

CameraPreview runs a QTimer on the Qt thread while a screen shows it (QML calls acquire() / release()). Each
tick takes the camera's newest frame from its LatestFrame (a pointer swap under a lock: never a wait on the
camera), and when it is new, scales it down, mirrors it as a looking glass does, and draws what the citizen
needs over it: the oval where the face belongs (dimming the rest) and a box around each face the face guide
found, green when the photo can be taken (or, for a face check, when one person faces the camera), amber
when not. The face guide's boxes are read the same way
(FaceGuide.guidance(), the newest at once). No face analysis runs here: that is the guide's thread.

QML shows the result with an Image whose source is "image://camera/" + frame: the provider hands over the
picture made on the last tick. With no screen showing it the timer stops and the picture is dropped (it is
a citizen's face).
"""

from __future__ import annotations

from collections.abc import Callable

import cv2
import numpy as np
from PySide6.QtCore import Property, QObject, QRectF, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen
from PySide6.QtQuick import QQuickImageProvider

from drivers.camera.frame import Frame, LatestFrame
from drivers.face.guide import Guidance

INTERVAL_MS = 66          # about 15 pictures a second: smooth to the eye, light on a shared CPU
WIDTH = 720               # the picture's width in pixels (the screen shows it about this wide)
#: where the face belongs, as fractions of the frame: centre x, centre y, width, height of the oval (a face
#: 300 px wide in a 1280x720 frame, the size and place drivers/face/compliance.py is happy with)
OVAL = (0.5, 0.45, 0.27, 0.66)
GOOD, NOT_YET, GUIDE = QColor("#1b7f3b"), QColor("#f2a900"), QColor(255, 255, 255, 230)
SHADE = QColor(0, 0, 0, 90)


def render(frame: np.ndarray, guidance: Guidance | None, *, width: int = WIDTH, mirror: bool = True,
           verifying: bool = False) -> QImage:
    """The preview picture of a BGR frame: scaled to `width`, mirrored, with the oval guide and face boxes."""
    rows, cols = frame.shape[:2]
    scale = width / cols
    height = max(1, round(rows * scale))
    small = cv2.resize(frame, (width, height), interpolation=cv2.INTER_AREA if scale < 1 else cv2.INTER_LINEAR)
    if mirror:
        small = cv2.flip(small, 1)
    small = np.ascontiguousarray(small)
    image = QImage(small.data, width, height, small.strides[0], QImage.Format.Format_BGR888).convertToFormat(
        QImage.Format.Format_RGB32)  # a copy that owns its pixels
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    cx, cy, ow, oh = OVAL
    oval = QRectF((cx - ow / 2) * width, (cy - oh / 2) * height, ow * width, oh * height)
    outside = QPainterPath()
    outside.addRect(QRectF(0, 0, width, height))
    hole = QPainterPath()
    hole.addEllipse(oval)
    painter.fillPath(outside.subtracted(hole), SHADE)
    painter.setPen(QPen(GUIDE, max(2.0, width / 240), Qt.PenStyle.DashLine))
    painter.drawEllipse(oval)
    if guidance is not None:
        good = len(guidance.boxes) == 1 if verifying else guidance.compliant
        painter.setPen(QPen(GOOD if good else NOT_YET, max(3.0, width / 180)))
        for left, top, right, bottom in guidance.boxes:
            if mirror:
                left, right = cols - right, cols - left
            painter.drawRoundedRect(QRectF(left * scale, top * scale, (right - left) * scale,
                                           (bottom - top) * scale), 8, 8)
    painter.end()
    return image


def placeholder(width: int = WIDTH, height: int = WIDTH * 9 // 16) -> QImage:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#1a1a1a"))
    return image


class CameraPreview(QObject):
    frameChanged = Signal()
    challengeChanged = Signal()
    activeChanged = Signal()

    def __init__(self, frames: LatestFrame, guidance: Callable[[], Guidance | None] = lambda: None,
                 challenge: Callable[[], str | None] = lambda: None, *, verifying: Callable[[], bool] = lambda: False,
                 on_show: Callable[[], None] = lambda: None, interval_ms: int = INTERVAL_MS, width: int = WIDTH, mirror: bool = True,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._frames, self._guidance, self._challenge_of = frames, guidance, challenge
        self._verifying, self._on_show = verifying, on_show
        self._width, self._mirror = width, mirror
        self._image = placeholder(width)
        self._seq = 0
        self._count = 0
        self._users = 0
        self._challenge = ""
        self.provider = CameraImageProvider(self)
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.tick)

    # ---- what QML binds to -------------------------------------------------------------------------

    @Property(int, notify=frameChanged)
    def frame(self) -> int:
        """How many pictures were made since the preview was shown (0: none yet); part of the image URL."""
        return self._count

    @Property(str, notify=challengeChanged)
    def challenge(self) -> str:
        """The liveness challenge to ask for now ("blink"), "" while there is none."""
        return self._challenge

    @Property(bool, notify=activeChanged)
    def active(self) -> bool:
        return self._users > 0

    @Slot()
    def acquire(self) -> None:
        """A screen shows the preview: start the timer (and make the first picture at once)."""
        self._users += 1
        if self._users == 1:
            self._on_show()
            self._timer.start()
            self.activeChanged.emit()
            self.tick()

    @Slot()
    def release(self) -> None:
        """A screen no longer shows it: with no screen left, stop and drop the citizen's picture."""
        self._users = max(0, self._users - 1)
        if self._users == 0 and self._timer.isActive():
            self._timer.stop()
            self._image, self._seq = placeholder(self._width), 0
            self.activeChanged.emit()
            self._set_challenge("")

    # ---- the timer ---------------------------------------------------------------------------------

    def image(self) -> QImage:
        return self._image

    @Slot()
    def tick(self) -> None:
        self._set_challenge(self._challenge_of() or "")
        frame: Frame | None = self._frames.get()
        if frame is None or frame.seq == self._seq:
            return
        self._seq = frame.seq
        self._image = render(frame.image, self._guidance(), width=self._width, mirror=self._mirror,
                             verifying=self._verifying())
        self._count += 1
        self.frameChanged.emit()

    def _set_challenge(self, challenge: str) -> None:
        if challenge != self._challenge:
            self._challenge = challenge
            self.challengeChanged.emit()


class CameraImageProvider(QQuickImageProvider):
    """`image://camera/N`: the picture the preview made last (N only makes each URL new)."""

    def __init__(self, preview: CameraPreview) -> None:
        super().__init__(QQuickImageProvider.ImageType.Image)
        self._preview = preview

    def requestImage(self, id: str, size: QSize, requested: QSize) -> QImage:
        image = self._preview.image()
        if size is not None:
            size.setWidth(image.width())
            size.setHeight(image.height())
        return image


def preview_of(face, parent: QObject | None = None) -> CameraPreview:
    """The preview of a kiosk/flow_face.py CameraFacePort: its camera's frames, its guide's face boxes and
    the liveness challenge it has open; showing it wakes the port (camera and guide) at once."""
    return CameraPreview(face.camera.latest, face.guide.guidance, lambda: face.challenge,
                         verifying=lambda: face.verifying, on_show=face.wake, parent=parent)

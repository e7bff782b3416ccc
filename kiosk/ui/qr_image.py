"""`image://qr/TEXT`: a QR code (the platform's payment link, a pickup code) drawn crisp at any size.

TEXT is percent-encoded by QML (encodeURIComponent). Black modules on white with the standard four-module
quiet zone, each module a whole number of pixels so phone cameras read it from a glossy screen.
"""

from __future__ import annotations

from urllib.parse import unquote

import qrcode
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtQuick import QQuickImageProvider

QUIET = 4


def qr_matrix(text: str) -> list[list[bool]]:
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    code.add_data(text)
    code.make(fit=True)
    return code.get_matrix()


class QrImageProvider(QQuickImageProvider):
    def __init__(self) -> None:
        super().__init__(QQuickImageProvider.ImageType.Image)

    def requestImage(self, id: str, size: QSize, requested: QSize) -> QImage:
        matrix = qr_matrix(unquote(id))
        modules = len(matrix) + 2 * QUIET
        edge = max(requested.width(), requested.height(), modules * 4)
        scale = max(1, edge // modules)
        side = modules * scale
        image = QImage(side, side, QImage.Format.Format_RGB32)
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        black = QColor("#000000")
        for y, row in enumerate(matrix):
            for x, dark in enumerate(row):
                if dark:
                    painter.fillRect((x + QUIET) * scale, (y + QUIET) * scale, scale, scale, black)
        painter.end()
        if size is not None:
            size.setWidth(side)
            size.setHeight(side)
        return image

"""`image://icon/NAME/COLOUR`: the single-path SVG icons of assets/icons, drawn in any colour at any size."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtQuick import QQuickImageProvider
from PySide6.QtSvg import QSvgRenderer


class IconProvider(QQuickImageProvider):
    def __init__(self, folder: Path) -> None:
        super().__init__(QQuickImageProvider.ImageType.Image)
        self._folder = folder
        self._svg: dict[str, str] = {}

    def _source(self, name: str) -> str:
        if name not in self._svg:
            path = self._folder / f"{name}.svg"
            if not path.is_file() or "/" in name:
                raise FileNotFoundError(f"no icon {name!r} in {self._folder}")
            self._svg[name] = path.read_text(encoding="utf-8")
        return self._svg[name]

    def requestImage(self, id: str, size: QSize, requested: QSize) -> QImage:  # noqa: A002 (Qt's name)
        name, _, colour = id.partition("/")
        edge = max(requested.width(), requested.height(), 24)
        image = QImage(edge, edge, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        svg = self._source(name).replace("<path ", f'<path fill="{QColor(colour or "#000").name()}" ')
        painter = QPainter(image)
        QSvgRenderer(QByteArray(svg.encode())).render(painter)
        painter.end()
        if size is not None:
            size.setWidth(edge)
            size.setHeight(edge)
        return image

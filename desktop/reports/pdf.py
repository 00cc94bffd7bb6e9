"""Drawing helpers shared by the PDF documents: a page in millimetres, fonts, text boxes, QR codes."""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Callable, ContextManager, Iterator

import segno
from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

from ..fonts import CONDENSED_FAMILY, FAMILY, register_fonts
from ..formatting import ro_date, ro_time

RESOLUTION = 300
Align = Qt.AlignmentFlag
#: `pdf` or `image`: where a document is drawn (path, page size, landscape, title) -> Canvas
Render = Callable[[Path, QPageSize.PageSizeId, bool, str], ContextManager["Canvas"]]


def town_hall_title(name: str) -> str:
    """'Comuna Florești' -> 'PRIMĂRIA COMUNEI FLOREȘTI' (the heading of a town hall's papers)."""
    for prefix, genitive in (("comuna ", "COMUNEI "), ("orașul ", "ORAȘULUI "), ("municipiul ", "MUNICIPIULUI ")):
        if name.lower().startswith(prefix):
            return "PRIMĂRIA " + genitive + name[len(prefix):].upper()
    return "PRIMĂRIA " + name.upper()


class PageLimit(Exception):
    """Raised by `Canvas.new_page` on a single-page device (an image preview)."""


class Canvas:
    """A QPainter on a page (PDF, or an image for previews) measured in millimetres from the top left."""

    def __init__(self, painter: QPainter, device: QPdfWriter | QImage, width_mm: float, height_mm: float,
                 dpi: float) -> None:
        self.painter = painter
        self.device = device
        self.unit = dpi / 25.4
        self.width = width_mm
        self.height = height_mm

    def new_page(self) -> None:
        if not isinstance(self.device, QPdfWriter):
            raise PageLimit()
        self.device.newPage()

    def rect(self, x: float, y: float, w: float, h: float) -> QRectF:
        u = self.unit
        return QRectF(x * u, y * u, w * u, h * u)

    @staticmethod
    def font(size: float, bold: bool = False, condensed: bool = False, italic: bool = False) -> QFont:
        f = QFont(CONDENSED_FAMILY if condensed else FAMILY)
        f.setPointSizeF(size)
        f.setBold(bold)
        f.setItalic(italic)
        # no "fi"/"fl" ligatures: text copied or searched in the PDF stays plain letters ("verificare")
        f.setFeature(QFont.Tag("liga"), 0)
        return f

    def text(self, x: float, y: float, w: float, h: float, text: str, font: QFont,
             flags: Qt.AlignmentFlag | int = Align.AlignLeft | Align.AlignTop, color: str = "#000000") -> None:
        self.painter.setFont(font)
        self.painter.setPen(QColor(color))
        self.painter.drawText(self.rect(x, y, w, h), int(flags) | int(Qt.TextFlag.TextWordWrap), text)

    def text_height(self, w: float, text: str, font: QFont) -> float:
        """Height in mm that `text` needs when wrapped at width `w` mm."""
        metrics = QFontMetricsF(font, self.device)
        box = metrics.boundingRect(QRectF(0, 0, w * self.unit, 1e6),
                                   int(Align.AlignLeft | Align.AlignTop) | int(Qt.TextFlag.TextWordWrap), text or " ")
        return box.height() / self.unit

    def text_width(self, text: str, font: QFont) -> float:
        """Width in mm of `text` on one line."""
        return QFontMetricsF(font, self.device).horizontalAdvance(text) / self.unit

    def line(self, x1: float, y1: float, x2: float, y2: float, width_mm: float = 0.2, color: str = "#000000") -> None:
        pen = QPen(QColor(color))
        pen.setWidthF(width_mm * self.unit)
        self.painter.setPen(pen)
        u = self.unit
        self.painter.drawLine(int(x1 * u), int(y1 * u), int(x2 * u), int(y2 * u))

    def box(self, x: float, y: float, w: float, h: float, width_mm: float = 0.2, fill: str | None = None) -> None:
        pen = QPen(QColor("#000000"))
        pen.setWidthF(width_mm * self.unit)
        self.painter.setPen(pen)
        if fill:
            self.painter.fillRect(self.rect(x, y, w, h), QColor(fill))
        self.painter.drawRect(self.rect(x, y, w, h))

    def qr(self, x: float, y: float, size: float, payload: str) -> None:
        """A QR code of `payload` (error correction M) drawn as vector squares, `size` mm wide."""
        matrix = segno.make(payload, error="m", micro=False).matrix
        n = len(matrix)
        cell = size / n
        black = QColor("#000000")
        for row, bits in enumerate(matrix):
            for col, bit in enumerate(bits):
                if bit:
                    # a hair of overlap so viewers do not draw seams between modules
                    self.painter.fillRect(self.rect(x + col * cell, y + row * cell, cell * 1.02, cell * 1.02), black)


def _page_mm(size: QPageSize.PageSizeId, landscape: bool) -> tuple[float, float]:
    mm = QPageSize(size).size(QPageSize.Unit.Millimeter)
    w, h = mm.width(), mm.height()
    return (h, w) if landscape else (w, h)


@contextmanager
def pdf(path: Path, size: QPageSize.PageSizeId, landscape: bool, title: str) -> Iterator[Canvas]:
    """Open a PDF for drawing; it is written to a temporary name and renamed when complete."""
    register_fonts()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    writer = QPdfWriter(str(tmp))
    writer.setResolution(RESOLUTION)
    orientation = QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    writer.setPageLayout(QPageLayout(QPageSize(size), orientation, QMarginsF(0, 0, 0, 0)))
    writer.setTitle(title)
    writer.setCreator("Registru")
    painter = QPainter(writer)
    ok = False
    try:
        yield Canvas(painter, writer, *_page_mm(size, landscape), RESOLUTION)
        ok = True
    finally:
        painter.end()
        del painter, writer
        if ok:
            tmp.replace(path)
        else:
            tmp.unlink(missing_ok=True)


@contextmanager
def image(path: Path, size: QPageSize.PageSizeId, landscape: bool, title: str, dpi: int = 110) -> Iterator[Canvas]:
    """Draw the first page of a document into a PNG (previews, documentation screenshots)."""
    register_fonts()
    w_mm, h_mm = _page_mm(size, landscape)
    img = QImage(int(w_mm / 25.4 * dpi), int(h_mm / 25.4 * dpi), QImage.Format.Format_RGB32)
    img.setDotsPerMeterX(int(dpi / 0.0254))
    img.setDotsPerMeterY(int(dpi / 0.0254))
    img.fill(QColor("#ffffff"))
    img.setText("Title", title)
    painter = QPainter(img)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    try:
        yield Canvas(painter, img, w_mm, h_mm, dpi)
    except PageLimit:
        pass
    finally:
        painter.end()
    path.parent.mkdir(parents=True, exist_ok=True)
    img.save(str(path), "PNG")


__all__ = ["Canvas", "PageLimit", "image", "pdf", "town_hall_title", "ro_date", "ro_time"]

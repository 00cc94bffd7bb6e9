"""Draw the application icon with Qt (no image editor, no binary from elsewhere):

    QT_QPA_PLATFORM=offscreen python packaging/icons/make_icons.py

writes registru.png (256 px, Linux .desktop entry and window) and registru.ico (Windows: 16–256 px).
A bound register in the blue of Romanian official forms, with an open page and a red ribbon.
"""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPainterPath, QPen

HERE = Path(__file__).resolve().parent


def draw(size: int) -> QImage:
    img = QImage(size, size, QImage.Format.Format_ARGB32)
    img.fill(Qt.GlobalColor.transparent)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.scale(size / 256, size / 256)
    cover = QPainterPath()
    cover.addRoundedRect(QRectF(36, 20, 184, 216), 18, 18)
    p.fillPath(cover, QColor("#1f4e8c"))
    page = QPainterPath()
    page.addRoundedRect(QRectF(60, 40, 140, 176), 8, 8)
    p.fillPath(page, QColor("#f7f4ea"))
    p.setPen(QPen(QColor("#9aa7b8"), 6))
    for y in (150, 172, 194):
        p.drawLine(78, y, 182, y)
    p.setPen(QColor("#1f4e8c"))
    font = QFont("DejaVu Sans", 64)
    font.setBold(True)
    p.setFont(font)
    p.drawText(QRectF(60, 44, 140, 96), Qt.AlignmentFlag.AlignCenter, "R")
    ribbon = QPainterPath()
    ribbon.moveTo(168, 20)
    ribbon.lineTo(196, 20)
    ribbon.lineTo(196, 92)
    ribbon.lineTo(182, 80)
    ribbon.lineTo(168, 92)
    ribbon.closeSubpath()
    p.fillPath(ribbon, QColor("#c8102e"))
    p.end()
    return img


def main() -> int:
    QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    draw(256).save(str(HERE / "registru.png"))
    # Qt's ICO writer stores one image per file; an .ico is a small container, so assemble the sizes here.
    import struct
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    images = []
    for s in (16, 24, 32, 48, 64, 128, 256):
        data = QByteArray()
        buf = QBuffer(data)
        buf.open(QIODevice.OpenModeFlag.WriteOnly)
        draw(s).save(buf, "PNG")
        images.append((s, bytes(data.data())))
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries, blobs = b"", b""
    for s, png in images:
        entries += struct.pack("<BBBBHHII", s % 256, s % 256, 0, 0, 1, 32, len(png), offset + len(blobs))
        blobs += png
    (HERE / "registru.ico").write_bytes(header + entries + blobs)
    return 0


if __name__ == "__main__":
    sys.exit(main())

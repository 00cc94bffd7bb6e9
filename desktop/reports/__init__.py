"""PDF documents drawn with Qt (QPdfWriter + QPainter) in the bundled DejaVu fonts: the citizen's
registration receipt and the printed register. Always in Romanian (see desktop.i18n)."""

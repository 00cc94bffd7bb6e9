"""Registry pages for a period in the classic layout of the general register (A4 landscape).

The 13 columns of the 1996 archive instructions (art. 9), numbered 1–13 under their names as on the
printed registers communes buy; every page repeats the header and carries the institution, period and
page number; the last page closes the register with the totals and the lines for the certification
(at year end the register is printed, bound and certified). Lines are read a page at a time (keyset),
so a year of a large commune never sits in memory; cancelled lines stay, marked, with their reason.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QFont, QPageSize

from local_db import Registry
from local_db import table_queries as tq
from local_db.views import InstitutionView

from ..i18n import document_tr
from ..labels import RESOLUTION, label
from .pdf import Align, Canvas, Render, pdf, ro_date, town_hall_title

CONTEXT = "RegisterBook"
TEXTS = {
    "title": QT_TRANSLATE_NOOP("RegisterBook", "GENERAL REGISTER OF INCOMING AND OUTGOING DOCUMENTS"),
    "period": QT_TRANSLATE_NOOP("RegisterBook", "Period: {start} – {end}"),
    "page": QT_TRANSLATE_NOOP("RegisterBook", "Page {page}"),
    "printed": QT_TRANSLATE_NOOP("RegisterBook", "Printed on {date}"),
    "c1": QT_TRANSLATE_NOOP("RegisterBook", "Registration no."),
    "c2": QT_TRANSLATE_NOOP("RegisterBook", "Registration date"),
    "c3": QT_TRANSLATE_NOOP("RegisterBook", "Issuer's no. and date"),
    "c4": QT_TRANSLATE_NOOP("RegisterBook", "Sheets"),
    "c5": QT_TRANSLATE_NOOP("RegisterBook", "Annexes"),
    "c6": QT_TRANSLATE_NOOP("RegisterBook", "Issuer"),
    "c7": QT_TRANSLATE_NOOP("RegisterBook", "Summary of content"),
    "c8": QT_TRANSLATE_NOOP("RegisterBook", "Compartment assigned"),
    "c9": QT_TRANSLATE_NOOP("RegisterBook", "Dispatch date"),
    "c10": QT_TRANSLATE_NOOP("RegisterBook", "How it was resolved"),
    "c11": QT_TRANSLATE_NOOP("RegisterBook", "Addressee"),
    "c12": QT_TRANSLATE_NOOP("RegisterBook", "Joined to no."),
    "c13": QT_TRANSLATE_NOOP("RegisterBook", "Dossier indicator"),
    "cancelled": QT_TRANSLATE_NOOP("RegisterBook", "CANCELLED: {reason}"),
    "reply": QT_TRANSLATE_NOOP("RegisterBook", "reply no. {ref}"),
    "closing": QT_TRANSLATE_NOOP("RegisterBook", "This print holds {count} entries on {pages} pages, "
                                                 "registration numbers {first} to {last}."),
    "empty": QT_TRANSLATE_NOOP("RegisterBook", "No entries were registered in this period."),
    "certified": QT_TRANSLATE_NOOP("RegisterBook", "Certified: secretary general, name and signature"),
    "stamp": QT_TRANSLATE_NOOP("RegisterBook", "Seal"),
}
#: Relative column widths (sum scaled to the printable width).
WIDTHS = (15, 15, 19, 8, 8, 29, 50, 24, 15, 23, 27, 15, 14)
HEAD_POINTS = 6.3
MIN_HEAD_POINTS = 5.0
MARGIN = 10.0
ROW_PAD = 1.0
MAX_ROW_MM = 40.0
FETCH = 500


def t(key: str) -> str:
    return document_tr(CONTEXT, TEXTS[key])


@dataclass(frozen=True)
class Period:
    start: date
    end: date
    register: str | None = None


def register_filename(period: Period) -> str:
    return f"registru-{period.start.isoformat()}-{period.end.isoformat()}.pdf"


def cells(line: tq.RegisterLine) -> list[str]:
    if line.reply_ref and line.resolution_kind in ("answered", ""):
        resolution = t("reply").format(ref=line.reply_ref)
    else:
        resolution = label(RESOLUTION, line.resolution_kind, document_tr)
        if line.reply_ref:
            resolution = f"{resolution}, {t('reply').format(ref=line.reply_ref)}"
    subject = line.subject
    if line.status == "cancelled":
        subject = f"{subject}\n{t('cancelled').format(reason=line.cancelled_reason)}"
    return [line.ref, ro_date(line.reg_date), line.issuer_ref, str(line.pages or ""), str(line.annexes or ""),
            line.issuer, subject, line.compartment, ro_date(line.dispatch_date), resolution, line.recipient,
            line.joined_to, line.dossier_indicator]


class _Layout:
    def __init__(self, c: Canvas, inst: InstitutionView, period: Period) -> None:
        self.c = c
        self.inst = inst
        self.period = period
        usable = c.width - 2 * MARGIN
        scale = usable / sum(WIDTHS)
        self.widths = [w * scale for w in WIDTHS]
        self.xs = [MARGIN + sum(self.widths[:i]) for i in range(len(WIDTHS))]
        self.body_font = c.font(6.8, condensed=True)
        self.page = 0
        self.y = 0.0
        self.bottom = c.height - MARGIN - 6

    def new_page(self) -> None:
        c = self.c
        if self.page:
            c.new_page()
        self.page += 1
        c.text(MARGIN, MARGIN - 3, 150, 5, town_hall_title(self.inst.name) + f" — {self.inst.county}",
               c.font(8, bold=True))
        c.text(MARGIN, MARGIN - 3, c.width - 2 * MARGIN, 5, t("title"), c.font(9, bold=True),
               Align.AlignRight | Align.AlignTop)
        c.text(MARGIN, MARGIN + 1.5, c.width - 2 * MARGIN, 5,
               t("period").format(start=ro_date(self.period.start), end=ro_date(self.period.end)),
               c.font(7.5), Align.AlignRight | Align.AlignTop)
        y = MARGIN + 8
        names = [t(f"c{i}") for i in range(1, 14)]
        fonts = [self._fitting_font(w - 2 * ROW_PAD, n) for w, n in zip(self.widths, names)]
        head_h = max(c.text_height(w - 2 * ROW_PAD, n, f) for w, n, f in zip(self.widths, names, fonts)) + 2 * ROW_PAD
        for i, (x, w, name, font) in enumerate(zip(self.xs, self.widths, names, fonts)):
            c.box(x, y, w, head_h, 0.25, fill="#e8e8e8")
            c.text(x + ROW_PAD, y + ROW_PAD, w - 2 * ROW_PAD, head_h, name, font, Align.AlignHCenter | Align.AlignTop)
            c.box(x, y + head_h, w, 3.6, 0.25)
            c.text(x, y + head_h + 0.3, w, 3.4, str(i + 1), c.font(6, condensed=True),
                   Align.AlignHCenter | Align.AlignTop)
        self.y = y + head_h + 3.6
        c.text(MARGIN, c.height - MARGIN - 3, c.width - 2 * MARGIN, 5, t("page").format(page=self.page), c.font(7),
               Align.AlignHCenter | Align.AlignTop)
        c.text(MARGIN, c.height - MARGIN - 3, c.width - 2 * MARGIN, 5,
               t("printed").format(date=ro_date(date.today())), c.font(7), Align.AlignRight | Align.AlignTop,
               "#555555")

    def _fitting_font(self, width: float, text: str) -> QFont:
        """The header font, made smaller until the longest word of `text` fits the column."""
        size = HEAD_POINTS
        word = max(text.split(), key=len, default="")
        while size > MIN_HEAD_POINTS and self.c.text_width(word, self.c.font(size, bold=True, condensed=True)) > width:
            size -= 0.3
        return self.c.font(size, bold=True, condensed=True)

    def row(self, values: list[str], cancelled: bool) -> None:
        c = self.c
        h = min(MAX_ROW_MM, max(c.text_height(w - 2 * ROW_PAD, v, self.body_font) for w, v in zip(self.widths, values))
                + 2 * ROW_PAD)
        if self.y + h > self.bottom:
            self.new_page()
        color = "#666666" if cancelled else "#000000"
        for x, w, v in zip(self.xs, self.widths, values):
            c.box(x, self.y, w, h, 0.15)
            c.text(x + ROW_PAD, self.y + ROW_PAD, w - 2 * ROW_PAD, h - 2 * ROW_PAD, v, self.body_font,
                   Align.AlignLeft | Align.AlignTop, color)
        if cancelled:
            c.line(self.xs[0] + 1, self.y + h / 2, self.xs[0] + self.widths[0] - 1, self.y + h / 2, 0.2, "#666666")
        self.y += h

    def closing(self, count: int, first: str, last: str) -> None:
        c = self.c
        if self.y + 30 > self.bottom:
            self.new_page()
        y = self.y + 6
        text = t("closing").format(count=count, pages=self.page, first=first, last=last) if count else t("empty")
        c.text(MARGIN, y, c.width - 2 * MARGIN, 6, text, c.font(8.5, bold=True))
        c.text(c.width - MARGIN - 110, y + 10, 110, 5, t("certified"), c.font(8), Align.AlignLeft | Align.AlignTop)
        c.line(c.width - MARGIN - 110, y + 22, c.width - MARGIN, y + 22, 0.2)
        c.text(MARGIN, y + 10, 60, 5, t("stamp"), c.font(8))


def write_register(path: Path, registry: Registry, institution: InstitutionView, period: Period,
                   progress: Callable[[int, int], None] | None = None,
                   cancelled: Callable[[], bool] | None = None, render: Render = pdf) -> Path:
    """Write the register pages of `period`; `progress(done, total)` as lines are drawn. Raises
    `table_queries.QueryCancelled` (and leaves no file) if `cancelled()` turns true."""
    total = tq.register_count(registry, period.start, period.end, period.register)
    title = f"{t('title')} {period.start.isoformat()} – {period.end.isoformat()}"
    with render(path, QPageSize.PageSizeId.A4, True, title) as c:
        layout = _Layout(c, institution, period)
        layout.new_page()
        done, first, last = 0, "", ""
        after: tuple[int, int, str] | None = None
        while True:
            if cancelled is not None and cancelled():
                raise tq.QueryCancelled()
            lines = tq.register_lines(registry, period.start, period.end, period.register, after, FETCH)
            if not lines:
                break
            for line in lines:
                layout.row(cells(line), line.status == "cancelled")
            first = first or lines[0].ref
            last = lines[-1].ref
            after = lines[-1].key
            done += len(lines)
            if progress is not None:
                progress(done, total)
        layout.closing(done, first, last)
    return path

"""PDF documents of the archive (A4, the bundled DejaVu fonts, so Romanian letters always print):

* the transfer inventory (inventarul de predare): one inventory per year, compartment and kind (permanent
  apart from temporary), columns no. | indicator | short content | extreme dates | sheets | retention |
  remarks, header repeated on every page, footer totals, missing dossiers, date and the handed over /
  received by signatures; then the handover record (proces-verbal de predare-primire);
* the disposal proposal of the selection committee: the dossiers proposed, totals, the committee's
  signatures and, once recorded, the National Archives' confirmation.

Drawn with the desktop's PDF helpers (desktop/reports/pdf.py), on a worker thread like every report.
Texts are English in the code and rendered in Romanian (documents of a Romanian institution) through
the archive's translation file (ui/translations/archive_ro.ts).
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QTranslator
from PySide6.QtGui import QPageSize

from local_db.archive_views import DisposalView, Inventory, TransferView
from local_db.views import InstitutionView

from ..i18n import DOCUMENT_LANGUAGE, translations_dir
from ..qt_compat import protect_none
from . import pdf as pdfmod
from .pdf import Align, Canvas, town_hall_title

CONTEXT = "ArchivePdf"
TEXTS = {
    "inventory_perm": QT_TRANSLATE_NOOP("ArchivePdf", "INVENTORY of the documents kept permanently"),
    "inventory_temp": QT_TRANSLATE_NOOP("ArchivePdf", "INVENTORY of the documents kept for a limited time"),
    "year_line": QT_TRANSLATE_NOOP("ArchivePdf", "created in {year}"),
    "compartment": QT_TRANSLATE_NOOP("ArchivePdf", "Compartment: {name}"),
    "transfer_no": QT_TRANSLATE_NOOP("ArchivePdf", "Handover no. {number} of {date}"),
    "draft": QT_TRANSLATE_NOOP("ArchivePdf", "Draft — handover not recorded yet"),
    "c_no": QT_TRANSLATE_NOOP("ArchivePdf", "No."),
    "c_indicator": QT_TRANSLATE_NOOP("ArchivePdf", "Dossier indicator (filing plan)"),
    "c_content": QT_TRANSLATE_NOOP("ArchivePdf", "Short content"),
    "c_dates": QT_TRANSLATE_NOOP("ArchivePdf", "Extreme dates"),
    "c_sheets": QT_TRANSLATE_NOOP("ArchivePdf", "Sheets"),
    "c_retention": QT_TRANSLATE_NOOP("ArchivePdf", "Retention"),
    "c_remarks": QT_TRANSLATE_NOOP("ArchivePdf", "Remarks"),
    "c_year": QT_TRANSLATE_NOOP("ArchivePdf", "Year"),
    "c_compartment": QT_TRANSLATE_NOOP("ArchivePdf", "Compartment"),
    "permanent": QT_TRANSLATE_NOOP("ArchivePdf", "permanent"),
    "years": QT_TRANSLATE_NOOP("ArchivePdf", "{n} years"),
    "cs": QT_TRANSLATE_NOOP("ArchivePdf", "CS (selection committee)"),
    "totals": QT_TRANSLATE_NOOP("ArchivePdf", "This inventory holds {dossiers} dossiers with {sheets} sheets in total."),
    "missing": QT_TRANSLATE_NOOP("ArchivePdf", "Dossiers missing (not handed over): {list}"),
    "no_missing": QT_TRANSLATE_NOOP("ArchivePdf", "Dossiers missing: none."),
    "free_numbers": QT_TRANSLATE_NOOP("ArchivePdf", "Numbers left open: none."),
    "date": QT_TRANSLATE_NOOP("ArchivePdf", "Date: {date}"),
    "handed": QT_TRANSLATE_NOOP("ArchivePdf", "Handed over by"),
    "received": QT_TRANSLATE_NOOP("ArchivePdf", "Received by"),
    "signature": QT_TRANSLATE_NOOP("ArchivePdf", "name and signature"),
    "page": QT_TRANSLATE_NOOP("ArchivePdf", "Page {page}"),
    "record_title": QT_TRANSLATE_NOOP("ArchivePdf", "HANDOVER RECORD"),
    "record_sub": QT_TRANSLATE_NOOP("ArchivePdf", "of the documents handed over to the archive"),
    "record_text": QT_TRANSLATE_NOOP("ArchivePdf",
                                     "Drawn up today, {date}, between {handed}, on behalf of the compartment "
                                     "{compartment}, who hands over, and {received}, in charge of the archive, who "
                                     "receives. The documents created in {year} were handed over to the archive: "
                                     "{dossiers} dossiers ({permanent} kept permanently, {temporary} for a limited "
                                     "time) with {sheets} sheets in total, as listed in the attached inventories."),
    "record_register": QT_TRANSLATE_NOOP("ArchivePdf", "Entered in the register of the archive's entries and exits "
                                                       "under no. {number}."),
    "disposal_title": QT_TRANSLATE_NOOP("ArchivePdf", "MINUTES OF THE SELECTION COMMITTEE"),
    "disposal_sub": QT_TRANSLATE_NOOP("ArchivePdf", "Proposal no. {number} for the disposal of documents whose "
                                                    "retention has expired"),
    "minutes": QT_TRANSLATE_NOOP("ArchivePdf", "Minutes no. {number} of {date}"),
    "committee": QT_TRANSLATE_NOOP("ArchivePdf", "The selection committee — president: {president}; members: "
                                                 "{members}; secretary: {secretary} — reviewed the documents whose "
                                                 "retention has expired and proposes for disposal the following units, "
                                                 "which have no practical or historical value:"),
    "disposal_totals": QT_TRANSLATE_NOOP("ArchivePdf", "In total {dossiers} dossiers with {sheets} sheets are "
                                                       "proposed for disposal."),
    "excluded": QT_TRANSLATE_NOOP("ArchivePdf", "left out by the confirmation"),
    "approval": QT_TRANSLATE_NOOP("ArchivePdf", "Confirmed by the National Archives, act no. {number} of {date}."),
    "no_approval": QT_TRANSLATE_NOOP("ArchivePdf", "Nothing may be destroyed before the confirmation of the county "
                                                   "service of the National Archives."),
    "executed": QT_TRANSLATE_NOOP("ArchivePdf", "Disposal carried out on {date}."),
    "president": QT_TRANSLATE_NOOP("ArchivePdf", "President"),
    "secretary": QT_TRANSLATE_NOOP("ArchivePdf", "Secretary"),
    "member": QT_TRANSLATE_NOOP("ArchivePdf", "Member"),
}
protect_none()  # thousands of QPainter calls per document (see desktop.qt_compat)
MARGIN = 14.0
PAD = 1.0
FOOTER = 10.0

_translator: QTranslator | None = None
_lock = threading.Lock()


def archive_translator(lang: str) -> QTranslator | None:
    """The archive's compiled translation (ui/translations/archive_<lang>.qm), or None (English/missing)."""
    if lang == "en":
        return None
    translator = QTranslator()
    return translator if translator.load(str(translations_dir() / f"archive_{lang}.qm")) else None


def t(key: str) -> str:
    """A document text in the documents' language (Romanian); safe on report workers."""
    global _translator
    with _lock:
        if _translator is None:
            _translator = archive_translator(DOCUMENT_LANGUAGE) or QTranslator()
        translator = _translator
    source = TEXTS[key]
    return translator.translate(CONTEXT, source) or source


def _ro(iso: str | None) -> str:
    if not iso:
        return ""
    y, m, d = iso[:10].split("-")
    return f"{d}.{m}.{y}"


def retention_text(code: str) -> str:
    if code == "P":
        return t("permanent")
    if code.startswith("CS"):
        years = code[2:].strip()
        return t("cs") + (f", {t('years').format(n=years)}" if years else "")
    return t("years").format(n=code)


def _dates(a: str | None, b: str | None) -> str:
    if not a:
        return ""
    return _ro(a) if a == b else f"{_ro(a)} – {_ro(b)}"


def _new_page(c: Canvas) -> None:
    if hasattr(c, "new_page"):
        c.new_page()
    else:  # older helpers: the writer directly
        c.writer.newPage()


@dataclass(frozen=True)
class Column:
    title: str
    width: float        # relative
    align: Align = Align.AlignLeft


class _Pages:
    """Pages with a running header (drawn by `header`), a table whose header repeats, page numbers."""

    def __init__(self, c: Canvas, header: Callable[["_Pages"], None]) -> None:
        self.c = c
        self.header = header
        self.page = 0
        self.y = MARGIN
        self.bottom = c.height - MARGIN - FOOTER
        self.columns: Sequence[Column] = ()
        self.widths: list[float] = []
        self.font = c.font(8, condensed=True)
        self.head_font = c.font(7.5, bold=True, condensed=True)

    def new_page(self, with_table: bool = True) -> None:
        c = self.c
        if self.page:
            _new_page(c)
        self.page += 1
        self.y = MARGIN
        self.header(self)
        c.text(MARGIN, c.height - MARGIN - 4, c.width - 2 * MARGIN, 5, t("page").format(page=self.page),
               c.font(7.5), Align.AlignHCenter | Align.AlignTop, "#444444")
        if with_table and self.columns:
            self.table_header()

    def set_columns(self, columns: Sequence[Column]) -> None:
        self.columns = columns
        scale = (self.c.width - 2 * MARGIN) / sum(col.width for col in columns)
        self.widths = [col.width * scale for col in columns]

    def table_header(self) -> None:
        c = self.c
        h = max(c.text_height(w - 2 * PAD, col.title, self.head_font) for w, col in zip(self.widths, self.columns)) + 2 * PAD
        x = MARGIN
        for w, col in zip(self.widths, self.columns):
            c.box(x, self.y, w, h, 0.25, fill="#e8e8e8")
            c.text(x + PAD, self.y + PAD, w - 2 * PAD, h, col.title, self.head_font, Align.AlignHCenter | Align.AlignTop)
            x += w
        self.y += h

    def row(self, values: Sequence[str], color: str = "#000000") -> None:
        c = self.c
        h = max(c.text_height(w - 2 * PAD, v, self.font) for w, v in zip(self.widths, values)) + 2 * PAD
        if self.y + h > self.bottom:
            self.new_page()
        x = MARGIN
        for w, v, col in zip(self.widths, values, self.columns):
            c.box(x, self.y, w, h, 0.15)
            c.text(x + PAD, self.y + PAD, w - 2 * PAD, h - 2 * PAD, v, self.font, col.align | Align.AlignTop, color)
            x += w
        self.y += h

    def paragraph(self, text: str, size: float = 9, bold: bool = False, gap: float = 2.0,
                  align: Align = Align.AlignLeft) -> None:
        c = self.c
        font = c.font(size, bold=bold)
        w = c.width - 2 * MARGIN
        h = c.text_height(w, text, font) + 0.5
        if self.y + h > self.bottom:
            self.new_page(with_table=False)
        c.text(MARGIN, self.y, w, h, text, font, align | Align.AlignTop)
        self.y += h + gap

    def signatures(self, labels: Sequence[tuple[str, str]]) -> None:
        """Side-by-side signature blocks: (role, name)."""
        c = self.c
        if self.y + 26 > self.bottom:
            self.new_page(with_table=False)
        n = len(labels)
        w = (c.width - 2 * MARGIN) / n
        for i, (role, name) in enumerate(labels):
            x = MARGIN + i * w
            c.text(x, self.y, w - 4, 5, role, c.font(9, bold=True), Align.AlignHCenter | Align.AlignTop)
            c.text(x, self.y + 5, w - 4, 5, name, c.font(9), Align.AlignHCenter | Align.AlignTop)
            c.line(x + 8, self.y + 20, x + w - 12, self.y + 20, 0.2)
            c.text(x, self.y + 20.5, w - 4, 4, t("signature"), c.font(7, italic=True), Align.AlignHCenter | Align.AlignTop,
                   "#555555")
        self.y += 27


def _institution_header(p: _Pages, inst: InstitutionView, right: str = "") -> None:
    c = p.c
    c.text(MARGIN, p.y, 120, 5, town_hall_title(inst.name), c.font(9, bold=True))
    c.text(MARGIN, p.y + 4.5, 120, 5, f"{inst.county}", c.font(8))
    if right:
        c.text(MARGIN, p.y, c.width - 2 * MARGIN, 5, right, c.font(8), Align.AlignRight | Align.AlignTop, "#333333")
    p.y += 12


def _inventory_columns() -> list[Column]:
    return [Column(t("c_no"), 8, Align.AlignRight), Column(t("c_indicator"), 20), Column(t("c_content"), 62),
            Column(t("c_dates"), 26), Column(t("c_sheets"), 11, Align.AlignRight), Column(t("c_retention"), 20),
            Column(t("c_remarks"), 28)]


def _render(render: Callable | None):  # noqa: ANN202
    return render or pdfmod.pdf


def write_inventory(path: Path, institution: InstitutionView, inventories: Sequence[Inventory],
                    transfer: TransferView | None = None, handed_by: str = "", received_by: str = "",
                    on: str | None = None, render: Callable | None = None) -> Path:
    """The inventories (each from a new page) and, for a recorded transfer, the handover record."""
    if not inventories:
        raise ValueError("no inventory to print")
    handed = transfer.handed_by if transfer else handed_by
    received = transfer.received_by if transfer else received_by
    day = transfer.transfer_date if transfer else (on or date.today().isoformat())
    first = inventories[0]
    title = f"{t('inventory_perm') if first.permanent else t('inventory_temp')} {first.year} {first.compartment}"
    with _render(render)(Path(path), QPageSize.PageSizeId.A4, False, title) as c:
        current: dict[str, Inventory] = {}

        def header(p: _Pages) -> None:
            inv = current["inv"]
            right = (t("transfer_no").format(number=transfer.number, date=_ro(transfer.transfer_date)) if transfer
                     else t("draft"))
            _institution_header(p, institution, right)
            p.c.text(MARGIN, p.y, p.c.width - 2 * MARGIN, 6,
                     t("inventory_perm") if inv.permanent else t("inventory_temp"), p.c.font(11, bold=True),
                     Align.AlignHCenter | Align.AlignTop)
            p.y += 6
            p.c.text(MARGIN, p.y, p.c.width - 2 * MARGIN, 5, t("year_line").format(year=inv.year), p.c.font(10),
                     Align.AlignHCenter | Align.AlignTop)
            p.y += 6
            p.c.text(MARGIN, p.y, p.c.width - 2 * MARGIN, 5,
                     t("compartment").format(name=inv.compartment_name or inv.compartment or "—"), p.c.font(9),
                     Align.AlignHCenter | Align.AlignTop)
            p.y += 8

        pages = _Pages(c, header)
        pages.set_columns(_inventory_columns())
        for inv in inventories:
            current["inv"] = inv
            pages.new_page()
            for x in inv.lines:
                pages.row([str(x.no), x.indicator, x.title, _dates(x.date_from, x.date_to), str(x.sheets),
                           retention_text(x.retention), x.remarks])
            pages.y += 3
            pages.paragraph(t("totals").format(dossiers=inv.total_dossiers, sheets=inv.total_sheets), bold=True)
            pages.paragraph(t("missing").format(list="; ".join(inv.missing)) if inv.missing else t("no_missing"), 8.5)
            pages.paragraph(t("free_numbers"), 8.5)
            pages.paragraph(t("date").format(date=_ro(day)), 9, gap=4)
            pages.signatures([(t("handed"), handed), (t("received"), received)])
        if transfer is not None:
            def record_header(p: _Pages) -> None:
                _institution_header(p, institution)
            pages.header = record_header
            pages.columns = ()
            pages.new_page(with_table=False)
            pages.y += 8
            pages.paragraph(t("record_title"), 13, bold=True, align=Align.AlignHCenter, gap=1)
            pages.paragraph(t("record_sub"), 10, align=Align.AlignHCenter, gap=10)
            pages.paragraph(t("record_text").format(
                date=_ro(transfer.transfer_date), handed=transfer.handed_by,
                compartment=transfer.compartment_name or transfer.compartment, received=transfer.received_by,
                year=transfer.year, dossiers=transfer.dossiers, permanent=transfer.dossiers_permanent,
                temporary=transfer.dossiers - transfer.dossiers_permanent, sheets=transfer.sheets), 10, gap=4)
            if transfer.register is not None:
                pages.paragraph(t("record_register").format(number=transfer.register.number), 10, gap=4)
            if transfer.remarks:
                pages.paragraph(transfer.remarks, 10, gap=4)
            pages.y += 6
            pages.signatures([(t("handed"), transfer.handed_by), (t("received"), transfer.received_by)])
    return Path(path)


def write_disposal(path: Path, institution: InstitutionView, disposal: DisposalView,
                   render: Callable | None = None) -> Path:
    """The committee's minutes proposing the dossiers for disposal (with the confirmation once recorded)."""
    d = disposal
    with _render(render)(Path(path), QPageSize.PageSizeId.A4, True, t("disposal_sub").format(number=d.number)) as c:
        def header(p: _Pages) -> None:
            right = t("minutes").format(number=d.minutes_number, date=_ro(d.minutes_date)) if d.minutes_number else ""
            _institution_header(p, institution, right)

        pages = _Pages(c, header)
        pages.set_columns([Column(t("c_no"), 7, Align.AlignRight), Column(t("c_year"), 9),
                           Column(t("c_compartment"), 18), Column(t("c_indicator"), 18), Column(t("c_content"), 70),
                           Column(t("c_dates"), 26), Column(t("c_sheets"), 10, Align.AlignRight),
                           Column(t("c_retention"), 22), Column(t("c_remarks"), 26)])
        pages.new_page(with_table=False)
        pages.paragraph(t("disposal_title"), 12, bold=True, align=Align.AlignHCenter, gap=1)
        pages.paragraph(t("disposal_sub").format(number=d.number), 10, align=Align.AlignHCenter, gap=5)
        pages.paragraph(t("committee").format(president=d.president, members=", ".join(d.members) or "—",
                                              secretary=d.secretary), 9.5, gap=4)
        pages.table_header()
        for x in d.lines:
            pages.row([str(x.no), str(x.year), x.compartment, x.indicator, x.title, _dates(x.date_from, x.date_to),
                       str(x.sheets), retention_text(x.retention), t("excluded") if x.excluded else ""],
                      "#777777" if x.excluded else "#000000")
        pages.y += 3
        pages.paragraph(t("disposal_totals").format(dossiers=d.total_dossiers, sheets=d.total_sheets), bold=True)
        if d.act_number:
            pages.paragraph(t("approval").format(number=d.act_number, date=_ro(d.act_date)), 9.5)
        else:
            pages.paragraph(t("no_approval"), 9.5)
        if d.executed_at:
            pages.paragraph(t("executed").format(date=_ro(d.executed_at)), 9.5)
        pages.y += 4
        pages.signatures([(t("president"), d.president), (t("secretary"), d.secretary)])
        pages.signatures([(t("member"), m) for m in d.members] or [(t("member"), "")])
    return Path(path)


def inventory_filename(year: int, compartment: str, number: int | None = None) -> str:
    return f"inventar-{year}-{compartment or 'fara-compartiment'}" + (f"-predare-{number}" if number else "") + ".pdf"


def disposal_filename(number: int) -> str:
    return f"propunere-eliminare-{number}.pdf"

"""The citizen's registration receipt (dovadă de înregistrare), one A5 page.

Holds what common practice puts on it (DOMAIN.md "Receipt"): the institution, number, date and time,
petitioner, summary, sheets and annexes, compartment, legal deadline, the clerk, and a verification
code with its QR code.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QPageSize

from local_db.views import DocTypeView, EntryView, InstitutionView

from ..i18n import document_tr
from ..labels import DIRECTION, label
from .pdf import Align, Canvas, Render, pdf, ro_date, ro_time, town_hall_title
from .verification import qr_payload, verification_code

CONTEXT = "Receipt"
TEXTS = {
    "country": QT_TRANSLATE_NOOP("Receipt", "ROMANIA"),
    "county": QT_TRANSLATE_NOOP("Receipt", "{county} COUNTY"),
    "title": QT_TRANSLATE_NOOP("Receipt", "PROOF OF REGISTRATION"),
    "subtitle": QT_TRANSLATE_NOOP("Receipt", "Your document has been registered in the general register"),
    "number": QT_TRANSLATE_NOOP("Receipt", "Registration no."),
    "of": QT_TRANSLATE_NOOP("Receipt", "of {date}"),
    "when": QT_TRANSLATE_NOOP("Receipt", "Date and time"),
    "petitioner": QT_TRANSLATE_NOOP("Receipt", "Petitioner"),
    "recipient": QT_TRANSLATE_NOOP("Receipt", "Recipient"),
    "subject": QT_TRANSLATE_NOOP("Receipt", "Subject"),
    "issuer_ref": QT_TRANSLATE_NOOP("Receipt", "Your reference"),
    "sheets": QT_TRANSLATE_NOOP("Receipt", "Sheets / annexes"),
    "sheets_value": QT_TRANSLATE_NOOP("Receipt", "sheets: {pages}, annexes: {annexes}"),
    "compartment": QT_TRANSLATE_NOOP("Receipt", "Assigned to"),
    "deadline": QT_TRANSLATE_NOOP("Receipt", "Legal deadline for the answer"),
    "no_deadline": QT_TRANSLATE_NOOP("Receipt", "no legal deadline"),
    "clerk": QT_TRANSLATE_NOOP("Receipt", "Registered by"),
    "direction": QT_TRANSLATE_NOOP("Receipt", "Kind"),
    "code": QT_TRANSLATE_NOOP("Receipt", "Verification code"),
    "keep": QT_TRANSLATE_NOOP("Receipt", "Keep this proof. When you ask about your document, quote the registration "
                                         "number and the verification code."),
    "not_set": QT_TRANSLATE_NOOP("Receipt", "not yet assigned"),
}


MAX_VALUE_MM = 30.0


def t(key: str) -> str:
    return document_tr(CONTEXT, TEXTS[key])


def receipt_filename(entry: EntryView) -> str:
    suffix = f"-{entry.number_suffix}" if entry.number_suffix else ""
    return f"dovada-{entry.number}{suffix}-{entry.year}.pdf"


def write_receipt(path: Path, institution: InstitutionView, entry: EntryView, clerk: str,
                  doc_type: DocTypeView | None = None, render: Render = pdf) -> Path:
    code = verification_code(institution.siruta, entry.ref, entry.registered_at, entry.uuid)
    with render(path, QPageSize.PageSizeId.A5, False, f"{t('title')} {entry.ref}") as c:
        _draw(c, institution, entry, clerk, doc_type, code)
    return path


def _draw(c: Canvas, inst: InstitutionView, e: EntryView, clerk: str, doc_type: DocTypeView | None, code: str) -> None:
    left, width = 14.0, c.width - 28.0
    y = 12.0
    c.text(left, y, width, 5, t("country"), c.font(8.5))
    c.text(left, y + 4.2, width, 5, t("county").format(county=inst.county.upper()), c.font(8.5))
    c.text(left, y + 8.4, width, 6, town_hall_title(inst.name), c.font(10.5, bold=True))
    details = ", ".join(x for x in (inst.address, f"CUI {inst.cui}" if inst.cui else "", f"SIRUTA {inst.siruta}") if x)
    c.text(left, y + 13.6, width, 8, details, c.font(7.5), color="#333333")
    y += 22
    c.line(left, y, left + width, y, 0.4)

    y += 6
    c.text(left, y, width, 8, t("title"), c.font(14, bold=True), Align.AlignHCenter | Align.AlignTop)
    sub_h = c.text_height(width, t("subtitle"), c.font(8.5))
    c.text(left, y + 7.5, width, sub_h + 1, t("subtitle"), c.font(8.5), Align.AlignHCenter | Align.AlignTop, "#333333")

    y += 11 + sub_h
    c.box(left, y, width, 21, 0.35, fill="#f2f2f2")
    c.text(left + 4, y + 2.5, width - 8, 5, t("number"), c.font(9))
    c.text(left + 4, y + 7, width - 8, 12, e.ref, c.font(24, bold=True))
    c.text(left + 4, y + 7, width - 8, 12, t("of").format(date=ro_date(e.reg_date)), c.font(13, bold=True),
           Align.AlignRight | Align.AlignVCenter)
    y += 27

    party = e.sender if e.direction == "in" else e.recipient
    party_text = party.name + (f"\n{party.address}" if party.address else "")
    if doc_type is not None and doc_type.deadline_days and e.deadline:
        deadline = f"{ro_date(e.deadline)}  ({doc_type.legal_basis.split(',')[0]})" if doc_type.legal_basis \
            else ro_date(e.deadline)
    else:
        deadline = ro_date(e.deadline) if e.deadline else t("no_deadline")
    rows = [
        (t("when"), f"{ro_date(e.registered_at)}, {ro_time(e.registered_at)}"),
        (t("direction"), label(DIRECTION, e.direction, document_tr)
         + (f" — {e.doc_type_name}" if e.doc_type_name else "")),
        (t("petitioner") if e.direction == "in" else t("recipient"), party_text),
        (t("subject"), e.subject),
    ]
    if e.issuer_ref:
        rows.append((t("issuer_ref"), e.issuer_ref))
    rows += [
        (t("sheets"), t("sheets_value").format(pages=e.pages, annexes=e.annexes)),
        (t("compartment"), " — ".join(x for x in (e.compartment_name, e.assignee_name) if x) or t("not_set")),
        (t("deadline"), deadline),
        (t("clerk"), clerk),
    ]
    label_w, value_x = 40.0, left + 42.0
    value_w = left + width - value_x
    for name, value in rows:
        h = min(MAX_VALUE_MM, max(c.text_height(value_w, value, c.font(9.5)),
                                  c.text_height(label_w, name, c.font(8.5))))
        c.text(left, y, label_w, h + 1, name, c.font(8.5), color="#444444")
        c.text(value_x, y, value_w, h + 1, value, c.font(9.5, bold=name == t("deadline")))
        y += h + 2.2

    bottom = c.height - 14
    qr_size = 26.0
    qr_y = bottom - qr_size
    c.line(left, qr_y - 4, left + width, qr_y - 4, 0.2, "#888888")
    c.qr(left, qr_y, qr_size, qr_payload(inst.siruta, e.ref, e.registered_at, code))
    text_x = left + qr_size + 5
    c.text(text_x, qr_y, width - qr_size - 5, 5, t("code"), c.font(8.5), color="#444444")
    c.text(text_x, qr_y + 4.5, width - qr_size - 5, 8, code, c.font(14, bold=True))
    c.text(text_x, qr_y + 13, width - qr_size - 5, 14, t("keep"), c.font(7.5), color="#333333")

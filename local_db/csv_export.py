"""Export of the register as CSV in the legacy 13-column layout, so Excel opens it as the town hall knows it.

UTF-8 with a byte-order mark, `;` separator, CRLF line ends, dates dd.mm.yyyy, the headers of the 1996
instructions (local_db.legacy_csv.COLUMNS), in number order. Spreadsheet safety: any cell starting with
= + - @ (or a tab / carriage return) gets a leading `'`, so a spreadsheet shows it as text and never runs
it; the import drops that quote again, so an export re-imports as the same entries.

`anonymise=True` makes the register publishable (GDPR): natural persons' names become initials and
anything in the text that is a valid CNP is blanked (the layout has no identifier column at all).
"""
from __future__ import annotations

import csv
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select, text

from . import roles
from .audit import Actor
from .errors import ValidationError
from .identifiers import is_valid_cnp
from .legacy_csv import CANCEL_MARK, COLUMNS, FORMULA_START, NEUTRALISED, resolution_kind, ro_date
from .models import Institution
from .search import Filters, build_query

if TYPE_CHECKING:
    from .registry import Registry

_CNP = re.compile(r"(?<!\d)[1-9]\d{12}(?!\d)")
CNP_MASK = "[CNP]"
# How each resolution kind reads in a legacy register (each maps back to its kind on import).
RESOLUTION_LABELS = {"answered": "Rezolvat", "filed_no_action": "Clasat", "forwarded": "Redirecționat",
                     "joined": "Conexat", "for_information": "Spre informare"}
_SELECT = ("SELECT e.number, e.number_suffix, e.year, e.reg_date, e.issuer_ref, e.pages, e.annexes, e.direction, "
           "e.sender_kind, e.sender_name, e.subject, COALESCE(c.name, ''), e.dispatch_date, e.resolution_kind, "
           "e.resolution, e.recipient_kind, e.recipient_name, e.joined_to, e.dossier_indicator, e.status, "
           "e.cancelled_reason")


def neutralise(cell: str) -> str:
    """A cell a spreadsheet would evaluate gets a leading quote (and so does one already quoted that way)."""
    return "'" + cell if cell.startswith(FORMULA_START) or NEUTRALISED.match(cell) else cell


def initials(name: str) -> str:
    """'Țurcanu Ana-Maria' -> 'Ț. A.-M.'"""
    return " ".join("-".join(p[0] + "." for p in word.split("-") if p) for word in name.split())


def scrub_cnp(value: str) -> str:
    return _CNP.sub(lambda m: CNP_MASK if is_valid_cnp(m.group(0)) else m.group(0), value)


def _subject(subject: str, status: str, reason: str) -> str:
    if status != "cancelled":
        return subject
    if CANCEL_MARK.match(reason):
        return reason  # an imported line: as the legacy register wrote it
    return f"ANULAT - {subject}" + (f" ({reason})" if reason else "")


def _resolution(kind: str, value: str) -> str:
    if not kind or resolution_kind(value) == kind:
        return value
    return RESOLUTION_LABELS[kind] + (f" – {value}" if value else "")


def _joined(value: str, year: int) -> str:
    suffix = f"/{year}"
    return value[: -len(suffix)] if value.endswith(suffix) else value


def _cells(r: Any, own_name: str, anonymise: bool) -> list[str]:
    (number, suffix, year, reg_date, issuer_ref, pages, annexes, direction, sender_kind, sender, subject,
     compartment, dispatch, res_kind, resolution, recipient_kind, recipient, joined, dossier, status, reason) = r
    if not sender and direction != "in":
        sender, sender_kind = own_name, "institution"
    if anonymise:
        sender = initials(sender) if sender_kind == "person" else sender
        recipient = initials(recipient) if recipient_kind == "person" else recipient
    cells = [f"{number}{' ' + suffix if suffix else ''}", ro_date(reg_date), issuer_ref, str(pages), str(annexes),
             sender, _subject(subject, status, reason), compartment, ro_date(dispatch),
             _resolution(res_kind, resolution), recipient, _joined(joined, year), dossier]
    if anonymise:
        cells = [scrub_cnp(c) for c in cells]
    return [neutralise(c) for c in cells]


def export_register(registry: Registry, actor: Actor, path: str | Path, filters: Filters | None = None,
                    anonymise: bool = False) -> int:
    """Write the entries matching `filters` (all by default) to `path`; returns how many were written.

    The file is written next to `path` and moved into place, so a failed export leaves no half file.
    """
    roles.require(actor.role, "export")
    target = Path(path)
    sql, params = build_query(filters or Filters(), registry.db.today(), select_sql=_SELECT, order="number_asc")
    part = target.with_name(target.name + ".part")
    count = 0
    try:
        with registry.db.read() as s, open(part, "w", encoding="utf-8-sig", newline="") as f:
            own = s.execute(select(Institution.name)).scalar() or ""
            writer = csv.writer(f, delimiter=";", lineterminator="\r\n")
            writer.writerow([h for _, h in COLUMNS])
            for row in s.execute(text(sql), params):
                writer.writerow(_cells(row, own, anonymise))
                count += 1
        os.replace(part, target)
    except OSError as exc:
        part.unlink(missing_ok=True)
        raise ValidationError("csv_write_failed", path=str(target), detail=exc.strerror or str(exc)) \
            from None
    return count

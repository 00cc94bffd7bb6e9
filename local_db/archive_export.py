"""The archive's documents as data: inventories and disposal proposals as CSV (Romanian headers, ';',
UTF-8 with BOM so spreadsheet programs read the diacritics) and JSON. Qt-free (the PDFs are drawn in
desktop/reports/archive_pdf.py from the same objects)."""
from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from .archive_views import DisposalView, Inventory, TransferView

INVENTORY_COLUMNS = ("Nr. crt.", "Indicativ dosar", "Conținutul pe scurt", "Data de început", "Data de sfârșit",
                     "Nr. file", "Termen de păstrare", "Observații")
DISPOSAL_COLUMNS = ("Nr. crt.", "Anul", "Compartiment", "Indicativ dosar", "Conținutul pe scurt", "Data de început",
                    "Data de sfârșit", "Nr. file", "Termen de păstrare", "Expirat la sfârșitul anului", "Observații")


def _ro(iso: str | None) -> str:
    if not iso:
        return ""
    y, m, d = iso[:10].split("-")
    return f"{d}.{m}.{y}"


def _csv(rows: list[list[Any]]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    for r in rows:
        w.writerow(["" if v is None else v for v in r])
    return buf.getvalue()


def inventory_csv(inventories: list[Inventory]) -> str:
    """All inventories one after the other, each with a heading line and its totals."""
    rows: list[list[Any]] = []
    for inv in inventories:
        kind = "permanent" if inv.permanent else "temporar"
        rows.append([f"Inventar {kind}", f"anul {inv.year}", f"compartimentul {inv.compartment_name or inv.compartment}"])
        rows.append(list(INVENTORY_COLUMNS))
        for x in inv.lines:
            rows.append([x.no, x.indicator, x.title, _ro(x.date_from), _ro(x.date_to), x.sheets, x.retention, x.remarks])
        rows.append(["Total", "", f"{inv.total_dossiers} dosare", "", "", inv.total_sheets, "", ""])
        if inv.missing:
            rows.append(["Dosare lipsă", "", "; ".join(inv.missing)])
        rows.append([])
    return _csv(rows)


def disposal_csv(d: DisposalView) -> str:
    rows: list[list[Any]] = [list(DISPOSAL_COLUMNS)]
    for x in d.lines:
        rows.append([x.no, x.year, x.compartment, x.indicator, x.title, _ro(x.date_from), _ro(x.date_to), x.sheets,
                     x.retention, x.expires_year or "", "exclus la confirmare" if x.excluded else ""])
    rows.append(["Total", "", "", "", f"{d.total_dossiers} dosare", "", "", d.total_sheets, "", "", ""])
    return _csv(rows)


def to_json(obj: Any) -> str:
    """A dataclass (TransferView, DisposalView, a list of Inventory…) as indented JSON."""
    if isinstance(obj, list):
        data = [asdict(x) if hasattr(x, "__dataclass_fields__") else x for x in obj]
    else:
        data = asdict(obj) if hasattr(obj, "__dataclass_fields__") else obj
    return json.dumps(data, ensure_ascii=False, indent=2, default=str)


def write_data(path: Path, obj: TransferView | DisposalView | list[Inventory]) -> Path:
    """Write `obj` as .csv or .json depending on the file name."""
    path = Path(path)
    if path.suffix.lower() == ".json":
        text = to_json(obj)
        path.write_text(text + "\n", "utf-8")
        return path
    if isinstance(obj, DisposalView):
        text = disposal_csv(obj)
    else:
        text = inventory_csv(obj.inventories if isinstance(obj, TransferView) else obj)
    path.write_text(text, "utf-8-sig", newline="")
    return path

"""Rebuild the archive's tables from the hub's replica (restoring a dead PC, sync/restore.py).

The hub keeps the newest payload of every replicated record: `plan_item`, `dossier`, `transfer` (with its
inventories, dossiers and archive-register line), `disposal` (its dossiers, the excluded ones and, once
executed, its register line), `loan`; a filed entry's payload names its `dossier`. Year closings and the
archive settings are local records whose audit events are replicated, so they come back from those.

    restore_archive(conn, {kind: [payload, ...]}, audit_events, now)

runs on the DB-API connection of the restore's single transaction, after the entries were written
(the dossier ↔ entry links need them) — one call in sync/restore.py `_write`:

    from local_db.archive_restore import ARCHIVE_KINDS, restore_archive
    restore_archive(conn, {k: payloads(k) for k in ("entry", *ARCHIVE_KINDS)}, payloads("audit_event"), now)
"""
from __future__ import annotations

import json
from typing import Any, Iterable

from .archive_common import SETTING_KEYS, fold

ARCHIVE_KINDS = ("plan_item", "dossier", "transfer", "disposal", "loan")


def _bool(v: Any) -> int:
    return 1 if v else 0


def restore_archive(conn: Any, replica: dict[str, Iterable[dict[str, Any]]], audit_events: Iterable[dict[str, Any]],
                    now: str) -> dict[str, int]:
    """Insert the archive's records; returns how many of each kind were written."""
    def items(kind: str) -> list[dict[str, Any]]:
        return [p for p in replica.get(kind, []) or [] if p]

    counts: dict[str, int] = {}
    for p in items("plan_item"):
        conn.execute(
            "INSERT INTO plan_item (uuid, year, indicator, compartment, title, retention_kind, retention_years, notes, "
            "doc_types, position, source, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (p["id"], p["year"], p["indicator"], p.get("compartment", ""), p["title"], p["retention_kind"],
             p.get("retention_years"), p.get("notes", ""), p.get("doc_types", ""), p.get("position", 0),
             p.get("source", "local"), p.get("created_at") or now, p.get("updated_at") or now, p.get("version", 1)))
    counts["plan_item"] = len(items("plan_item"))
    plans = dict(conn.execute("SELECT uuid, id FROM plan_item").fetchall())

    transfers = items("transfer")
    for t in transfers:
        conn.execute(
            "INSERT INTO transfer (uuid, number, year, compartment, transfer_date, handed_by, received_by, dossiers, "
            "dossiers_permanent, sheets, inventory, remarks, created_at, created_by, version) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (t["id"], t["number"], t["year"], t.get("compartment", ""), t["transfer_date"], t["handed_by"],
             t["received_by"], t.get("dossier_count", len(t.get("dossiers", []))), t.get("dossiers_permanent", 0),
             t.get("sheets", 0), json.dumps(t.get("inventory", []), ensure_ascii=False), t.get("remarks", ""),
             t.get("created_at") or now, t.get("created_by", ""), t.get("version", 1)))
    counts["transfer"] = len(transfers)
    disposals = items("disposal")
    for d in disposals:
        conn.execute(
            "INSERT INTO disposal (uuid, number, status, president, secretary, members, minutes_number, minutes_date, "
            "note, proposed_at, proposed_by, act_number, act_date, approved_at, approved_by, executed_at, executed_by, "
            "files_removed, files_kept, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (d["id"], d["number"], d["status"], d["president"], d["secretary"],
             json.dumps(d.get("members", []), ensure_ascii=False), d.get("minutes_number", ""), d.get("minutes_date"),
             d.get("note", ""), d.get("proposed_at") or now, d.get("proposed_by", ""), d.get("act_number", ""),
             d.get("act_date"), d.get("approved_at"), d.get("approved_by", ""), d.get("executed_at"),
             d.get("executed_by", ""), d.get("files_removed", 0), d.get("files_kept", 0), d.get("version", 1)))
    counts["disposal"] = len(disposals)
    transfer_ids = dict(conn.execute("SELECT uuid, id FROM transfer").fetchall())
    disposal_ids = dict(conn.execute("SELECT uuid, id FROM disposal").fetchall())

    dossiers = items("dossier")
    cols = ("year", "indicator", "volume", "title", "compartment", "status", "retention_kind", "retention_years",
            "room", "shelf", "box", "sheets", "sheets_counted", "date_from", "date_to", "remarks", "opened_at",
            "opened_by", "closed_at", "closed_by", "reopened_at", "reopened_by", "reopen_reason", "archived_at",
            "disposed_at", "updated_at", "version")
    defaults = {"volume": 1, "compartment": "", "room": "", "shelf": "", "box": "", "sheets": 0, "remarks": "",
                "opened_by": "", "closed_by": "", "reopened_by": "", "reopen_reason": "", "version": 1}
    for d in dossiers:
        values = [d.get(c, defaults.get(c)) for c in cols]
        conn.execute(
            f"INSERT INTO dossier (uuid, plan_item_id, transfer_id, disposal_id, entry_count, search_text, "
            f"{', '.join(cols)}) VALUES ({', '.join('?' * (6 + len(cols)))})",
            (d["id"], plans[d["plan_item"]], transfer_ids.get(d.get("transfer")), disposal_ids.get(d.get("disposal")),
             d.get("entry_count", 0), fold(f"{d['indicator']} {d['title']}"), *values))
    counts["dossier"] = len(dossiers)
    dossier_ids = dict(conn.execute("SELECT uuid, id FROM dossier").fetchall())

    entry_ids = dict(conn.execute("SELECT uuid, id FROM entry").fetchall())
    filed = 0
    for e in items("entry"):
        if e.get("dossier") in dossier_ids and e["id"] in entry_ids:
            conn.execute("INSERT INTO dossier_entry (dossier_id, entry_id, filed_at, filed_by) VALUES (?, ?, ?, ?)",
                         (dossier_ids[e["dossier"]], entry_ids[e["id"]], e.get("updated_at") or now, ""))
            filed += 1
    counts["filed"] = filed

    for d in disposals:
        for uuid, excluded in [(u, False) for u in d.get("dossiers", [])] + [(u, True) for u in d.get("excluded", [])]:
            if uuid in dossier_ids:
                conn.execute("INSERT INTO disposal_item (disposal_id, dossier_id, excluded) VALUES (?, ?, ?)",
                             (disposal_ids[d["id"]], dossier_ids[uuid], _bool(excluded)))

    lines = [(r, "transfer", t["id"]) for t in transfers if (r := t.get("register"))]
    lines += [(r, "disposal", d["id"]) for d in disposals if (r := d.get("register"))]
    for r, kind, owner in sorted(lines, key=lambda x: x[0]["number"]):
        conn.execute(
            "INSERT INTO archive_register (number, kind, day, compartment, date_from, date_to, inventory, units, "
            "units_permanent, destination, document, transfer_id, disposal_id, created_at, created_by) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (r["number"], r["kind"], r["day"], r.get("compartment", ""), r.get("date_from"), r.get("date_to"),
             r.get("inventory", ""), r.get("units", 0), r.get("units_permanent", 0), r.get("destination", ""),
             r.get("document", ""), transfer_ids.get(owner) if kind == "transfer" else None,
             disposal_ids.get(owner) if kind == "disposal" else None, r.get("created_at") or now,
             r.get("created_by", "")))
    counts["register"] = len(lines)

    loans = items("loan")
    statuses = dict(conn.execute("SELECT uuid, status FROM dossier").fetchall())
    for x in loans:
        transferred = bool(next((d.get("transfer") for d in dossiers if d["id"] == x["dossier"]), None))
        prior = "archived" if transferred else "closed"
        if x.get("returned_at") is None and statuses.get(x["dossier"]) not in (None, "lent"):
            prior = statuses[x["dossier"]]
        conn.execute(
            "INSERT INTO loan (uuid, dossier_id, borrower, borrower_compartment, purpose, approved_by, lent_at, due, "
            "returned_at, renewals, prior_status, lent_by, returned_by, created_at, updated_at, version) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (x["id"], dossier_ids[x["dossier"]], x["borrower"], x.get("borrower_compartment", ""), x.get("purpose", ""),
             x["approved_by"], x["lent_at"], x["due"], x.get("returned_at"), x.get("renewals", 0), prior,
             x.get("lent_by", ""), x.get("returned_by", ""), x.get("lent_at") or now, x.get("updated_at") or now,
             x.get("version", 1)))
    counts["loan"] = len(loans)

    years, settings = 0, {}
    for ev in sorted(audit_events, key=lambda e: e.get("seq", 0)):
        if ev.get("object_kind") == "archive_year" and ev.get("action") == "close_year" and ev.get("after"):
            after = json.loads(ev["after"])
            summary = {k: v for k, v in after.items() if k not in ("closed_at", "closed_by")}
            conn.execute("INSERT OR REPLACE INTO archive_year (year, closed_at, closed_by, report) VALUES (?, ?, ?, ?)",
                         (after["year"], after["closed_at"], after.get("closed_by", ""),
                          json.dumps(summary, ensure_ascii=False)))
            years += 1
        elif ev.get("object_kind") == "archive_setting" and ev.get("after"):
            settings.update(json.loads(ev["after"]))
    for name, value in settings.items():
        if name in SETTING_KEYS:
            conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (SETTING_KEYS[name], str(value)))
    counts["archive_year"] = years
    return counts

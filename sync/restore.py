"""Restore a dead PC from the hub: a fresh installation, enrolled for the same commune, pulls the whole
registry back from the hub's replica — entries with their numbers, compartments, registers, document
types, the users roster, audit events (the chain exactly as replicated, so `verify` passes), attachments
with their files — then syncs the county streams normally.

Read → network → apply: everything is downloaded first (records, the county document types, every
attachment file, hash-verified), then written in ONE transaction, so a cut or a crash leaves the data dir
as empty as it was and the restore can simply be run again.

Passwords never leave a PC, so the replica has none: the administrator named on the command line gets the
password given there; every other account gets an unusable password until an administrator sets a new one
(`registru user password …` / the users screen). That is the only sensible choice — a restored PC must not
accept old passwords nobody can check, nor invent new ones.
"""
from __future__ import annotations


import json
import re
import logging
from dataclasses import dataclass
from typing import Any, Callable

from local_db import sync_store as store
from local_db.audit import append_event, append_outbox
from local_db.db import raw
from local_db.registry import Registry
from local_db.users import MIN_PASSWORD, hash_password
from local_db.errors import ValidationError

from .engine import SyncEngine
from .messages import tr
from .protocol import PullPage
from .transport import HubError, Transport

log = logging.getLogger(__name__)

KIND_ORDER = ("institution", "compartment", "register", "doc_type", "user", "entry", "attachment", "receipt",
              "audit_event")
UNUSABLE_PASSWORD = "!restored-from-hub: an administrator must set a new password"
PAGE = 1000


class RestoreError(Exception):
    pass


@dataclass
class RestoreReport:
    entries: int = 0
    events: int = 0
    blobs: int = 0
    users: int = 0
    skipped_kinds: dict[str, int] | None = None
    archive: dict[str, int] | None = None


def fetch_replica(t: Transport, progress: Callable[[str, int], None] | None = None) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    summary = t.get_json("/replica/summary")["kinds"]
    for kind in list(KIND_ORDER) + sorted(k for k in summary if k not in KIND_ORDER):
        if kind not in summary:
            continue
        after = ""
        records: list[dict[str, Any]] = []
        while True:
            page = t.get_json("/replica", params={"kind": kind, "after": after, "limit": PAGE})
            records.extend(r for r in page["records"] if r.get("payload") is not None)
            after = page["after"]
            if progress:
                progress(kind, len(records))
            if not page["more"]:
                break
        out[kind] = records
    return out


def fetch_stream(t: Transport, stream: str) -> tuple[list[dict[str, Any]], str]:
    items: list[dict[str, Any]] = []
    cursor = ""
    while True:
        page = PullPage.model_validate(t.get_json(f"/streams/{stream}", params={"cursor": cursor, "limit": 1000}))
        items.extend(i.model_dump() for i in page.items)
        cursor = page.cursor
        if not page.more:
            return items, cursor


def restore_from_hub(engine: SyncEngine, admin_username: str, admin_password: str,
                     progress: Callable[[str, int], None] | None = None) -> RestoreReport:
    reg: Registry = engine.registry
    db = reg.db
    if len(admin_password or "") < MIN_PASSWORD:
        raise ValidationError("password_too_short", field="password", min=MIN_PASSWORD)
    if reg.is_initialised():
        raise RestoreError(tr("sync.restore_not_empty", entries=reg.entries.count()))
    cfg, t = engine._require_enrolled()
    replica = fetch_replica(t, progress)
    if not replica.get("institution"):
        raise RestoreError(tr("sync.restore_no_institution"))
    users = [r["payload"] for r in replica.get("user", [])]
    admins = sorted(u["username"] for u in users if u.get("role") == "admin" and u.get("active", True))
    admin = (admin_username or "").strip().lower()
    if admin not in admins:
        raise RestoreError(tr("sync.restore_admin_unknown", username=admin, admins=", ".join(admins) or "-"))
    county_types, doc_cursor = fetch_stream(t, "doc_types")
    # every file first, verified (a cut here leaves nothing half-restored; partial files resume by Range)
    hashes: dict[str, int] = {}
    for r in replica.get("entry", []):
        for a in r["payload"].get("attachments") or []:
            hashes[a["sha256"]] = int(a.get("size") or 0)
    for r in replica.get("attachment", []):
        hashes[r["payload"]["sha256"]] = int(r["payload"].get("size") or 0)
    sizes = {}
    for i, (sha, size) in enumerate(sorted(hashes.items()), 1):
        try:
            sizes[sha] = engine.download_blob(t, sha, size)
        except HubError as exc:
            raise RestoreError(tr("sync.restore_blob_failed", sha=sha[:12]) + f" ({exc.message})") from exc
        if progress:
            progress("blobs", i)
    pw_hash = hash_password(admin_password)
    from local_db.archive_restore import ARCHIVE_KINDS
    report = RestoreReport(skipped_kinds={k: len(v) for k, v in replica.items()
                                          if k not in KIND_ORDER and k not in ARCHIVE_KINDS})
    with db.write() as s:
        conn = raw(s)
        _write(conn, db.now_iso(), replica, county_types, sizes, admin, pw_hash, report)
        store._set_meta(conn, {"sync.cursor.doc_types": doc_cursor})
        for it in county_types:
            if it["payload"] is not None:
                conn.execute("INSERT OR REPLACE INTO sync_publication (stream, item_id, kind, version, seq, payload, "
                             "received_at) VALUES ('doc_types', ?, ?, ?, ?, ?, ?)",
                             (it["id"], it["kind"], it["version"], it["seq"],
                              json.dumps(it["payload"], ensure_ascii=False), db.now_iso()))
        # the restore itself is a fact of this registry's life: one audited event, chained after the
        # replicated ones, pushed to the hub like any other
        ts = db.now_iso()
        ev = append_event(s, _actor(), ts, "restore_from_hub", "institution", replica["institution"][0]["id"], None,
                          {"entries": report.entries, "events": report.events, "node": cfg.node})
        append_outbox(s, "audit_event", ev["id"], 1, ev, ts)
    return report


def _actor():  # noqa: ANN202
    from local_db.audit import Actor
    return Actor("sync", "admin")


def _write(conn: Any, now: str, replica: dict[str, list[dict[str, Any]]], county_types: list[dict[str, Any]],
           sizes: dict[str, int], admin: str, pw_hash: str, report: RestoreReport) -> None:
    def payloads(kind: str) -> list[dict[str, Any]]:
        return [r["payload"] for r in replica.get(kind, [])]

    inst = payloads("institution")[0]
    conn.execute("INSERT INTO institution (uuid, name, siruta, county, address, cui, phone, email, version) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                 (inst["id"], inst["name"], inst["siruta"], inst["county"], inst.get("address", ""),
                  inst.get("cui", ""), inst.get("phone", ""), inst.get("email", ""), inst.get("version", 1)))
    for c in payloads("compartment"):
        conn.execute("INSERT INTO compartment (uuid, code, name, active, version) VALUES (?, ?, ?, ?, ?)",
                     (c["id"], c["code"], c["name"], int(bool(c.get("active", True))), c.get("version", 1)))
    for r in payloads("register"):
        conn.execute("INSERT INTO register (uuid, code, name, kind, active, version) VALUES (?, ?, ?, ?, ?, ?)",
                     (r["id"], r["code"], r["name"], r.get("kind", "general"), int(bool(r.get("active", True))),
                      r.get("version", 1)))
    doc_cols = ("name", "direction", "regime", "deadline_days", "day_kind", "roll_to_working_day", "extension_days",
                "legal_basis", "source", "active", "version")
    for d in payloads("doc_type"):
        conn.execute(f"INSERT INTO doc_type (uuid, code, {', '.join(doc_cols)}) VALUES (?, ?, {', '.join('?' * len(doc_cols))})",
                     (d["id"], d["code"], *[_db(d.get(c)) for c in doc_cols]))
    for it in county_types:
        p = it["payload"]
        if p is None:
            continue
        code = str(p.get("code") or it["id"]).upper()
        if conn.execute("SELECT 1 FROM doc_type WHERE code = ?", (code,)).fetchone():
            continue
        conn.execute("INSERT INTO doc_type (uuid, code, name, direction, regime, deadline_days, day_kind, "
                     "roll_to_working_day, extension_days, legal_basis, source, active, version) VALUES "
                     "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'county', 1, 1)",
                     (_uuid(), code, p.get("name", code), None if p.get("direction") == "any" else p.get("direction"),
                      p.get("regime") or "general", p.get("deadline_days"), p.get("day_kind", "calendar"),
                      int(bool(p.get("roll_to_working_day", True))), int(p.get("extension_days") or 0),
                      p.get("legal_basis", "")))
    comp = dict(conn.execute("SELECT code, id FROM compartment"))
    for u in payloads("user"):
        conn.execute("INSERT INTO user (uuid, username, full_name, role, password_hash, compartment_id, active, "
                     "created_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     (u["id"], u["username"], u.get("full_name", ""), u["role"],
                      pw_hash if u["username"] == admin else UNUSABLE_PASSWORD, comp.get(u.get("compartment")),
                      int(bool(u.get("active", True))), now, u.get("version", 1)))
        report.users += 1
    regs = dict(conn.execute("SELECT uuid, id FROM register"))
    docs = dict(conn.execute("SELECT code, id FROM doc_type"))
    users = dict(conn.execute("SELECT username, id FROM user"))
    entry_cols = [r[1] for r in conn.execute("PRAGMA table_info(entry)") if r[1] != "id"]
    mapped = {"uuid", "register_id", "doc_type_id", "compartment_id", "assignee_id", "reply_entry_id"}
    plain = [c for c in entry_cols if c not in mapped]
    entries = sorted(payloads("entry"), key=lambda e: (e["year"], e["number"], e.get("number_suffix", "")))
    cols = ["uuid", "register_id", "doc_type_id", "compartment_id", "assignee_id", *plain]
    sql = f"INSERT INTO entry ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
    for e in entries:
        conn.execute(sql, (e["id"], regs[e["register_id"]], docs.get(e.get("doc_type")), comp.get(e.get("compartment")),
                           users.get(e.get("assignee")), *[_db(e.get(c, _DEFAULTS.get(c))) for c in plain]))
    report.entries = len(entries)
    ids = dict(conn.execute("SELECT uuid, id FROM entry"))
    for e in entries:
        if e.get("reply_entry"):
            conn.execute("UPDATE entry SET reply_entry_id = ? WHERE id = ?", (ids.get(e["reply_entry"]), ids[e["id"]]))
            if e["reply_entry"] in ids:
                conn.execute("INSERT OR IGNORE INTO entry_link (entry_id, other_id, kind, created_at) VALUES (?, ?, 'reply', ?)",
                             (ids[e["reply_entry"]], ids[e["id"]], e.get("resolved_at") or now))
    by_ref = {(e["year"], e["number"], e.get("number_suffix", "")): e["id"] for e in entries}
    for e in entries:
        for other in e.get("related") or []:
            if other in ids:
                conn.execute("INSERT OR IGNORE INTO entry_link (entry_id, other_id, kind, created_at) "
                             "VALUES (?, ?, 'related', ?)", (ids[e["id"]], ids[other], e.get("updated_at") or now))
        joined = _JOINED.match(e.get("joined_to") or "")
        target = by_ref.get((int(joined.group(3)), int(joined.group(1)), (joined.group(2) or "").lower())) if joined else None
        if target in ids:
            conn.execute("INSERT OR IGNORE INTO entry_link (entry_id, other_id, kind, created_at) "
                         "VALUES (?, ?, 'joined', ?)", (ids[e["id"]], ids[target], e.get("updated_at") or now))
    att_records = {a["id"]: a for a in payloads("attachment")}
    for e in entries:
        for a in e.get("attachments") or []:
            full = {**a, **att_records.get(a.get("id"), {})}
            conn.execute("INSERT OR IGNORE INTO blob (sha256, size, created_at) VALUES (?, ?, ?)",
                         (a["sha256"], sizes.get(a["sha256"], a.get("size", 0)), now))
            conn.execute("INSERT INTO attachment (uuid, entry_id, sha256, filename, mime, size, added_at, added_by, "
                         "version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         (full["id"], ids[e["id"]], a["sha256"], full.get("filename", "fisier"),
                          full.get("mime", "application/octet-stream"), full.get("size", 0),
                          full.get("added_at") or e.get("registered_at"), full.get("added_by", ""),
                          full.get("version", 1)))
    from local_db.archive_restore import ARCHIVE_KINDS, restore_archive
    archived = restore_archive(conn, {k: payloads(k) for k in ("entry", *ARCHIVE_KINDS)}, payloads("audit_event"), now)
    report.archive = {k: v for k, v in archived.items() if v}
    for rc in payloads("receipt"):
        conn.execute("INSERT OR IGNORE INTO sync_message (message_id, entry_uuid, year, number, registered_at, subject) "
                     "VALUES (?, ?, ?, ?, ?, '')", (rc["message_id"], rc.get("entry_id", ""), rc.get("year", 0),
                                                     rc.get("number", 0), rc.get("registered_at", "")))
    events = sorted(payloads("audit_event"), key=lambda ev: ev["seq"])
    conn.executemany(
        "INSERT INTO audit_event (id, uuid, ts, actor, action, object_kind, object_id, before, after, prev_hash, hash) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(ev["seq"], ev["id"], ev["ts"], ev["actor"], ev["action"], ev["object_kind"], ev["object_id"],
          ev.get("before", ""), ev.get("after", ""), ev["prev_hash"], ev["hash"]) for ev in events])
    report.events = len(events)
    report.blobs = len(sizes)


_DEFAULTS = {"number_suffix": "", "issuer_ref": "", "sender_kind": "person", "sender_name": "", "sender_idno": "",
             "sender_address": "", "recipient_kind": "institution", "recipient_name": "", "recipient_idno": "",
             "recipient_address": "", "subject": "", "summary": "", "pages": 0, "annexes": 0, "instruction": "",
             "status": "registered", "resolution_kind": "", "resolution": "", "joined_to": "", "dossier_indicator": "",
             "cancelled_reason": "", "cancelled_by": "", "source": "hub", "created_by": "", "channel": "desk"}


_JOINED = re.compile(r"^\s*(\d+)\s*([A-Za-z]*)\s*/\s*(\d{4})\s*$")


def _db(v: Any) -> Any:
    if isinstance(v, bool):
        return int(v)
    return v


def _uuid() -> str:
    import uuid
    return str(uuid.uuid4())

"""What the sync client reads from and writes to the local database (no HTTP, no Qt).

Sync is read → network → apply (CONVENTIONS.md): every function here is one short transaction, and
none is open while a request is on the wire.

* `read_outbox` / `trim_outbox`: the batch to push, and the trim on the hub's ack (ack stored with it).
* `apply_page`: a page of a county stream applied *and* that stream's cursor moved, in one transaction.
* circulars become incoming entries under the commune's own next number, once per message, with the
  registration receipt written to the outbox in the same transaction (it reaches the hub with the next push).
* `restore_*`: a fresh installation rebuilt from the hub's replica, audit chain as replicated.
"""
from __future__ import annotations

import json
import uuid as uuidlib
from dataclasses import dataclass
from typing import Any, Iterable


from .audit import Actor, expand_audit_payloads, record_change
from .database import Database
from .db import raw
from .entries import Entries
from .errors import ValidationError
from .nomenclator import Nomenclator
from .views import NewEntry, Party

SYNC_ACTOR = Actor("sync", "admin")
META_PREFIX = "sync."
STREAM_STORE = ("doc_types", "plan_templates", "localities", "holidays", "notices", "circulars")


# --- meta (hub URL, commune, cursors, last results) ---------------------------------------------------

def get_meta(db: Database, *keys: str) -> dict[str, str]:
    with db.read() as s:
        conn = raw(s)
        marks = ",".join("?" * len(keys))
        rows = conn.execute(f"SELECT key, value FROM meta WHERE key IN ({marks})", keys).fetchall() if keys else []
    return dict(rows)


def meta_prefix(db: Database, prefix: str) -> dict[str, str]:
    with db.read() as s:
        rows = raw(s).execute("SELECT key, value FROM meta WHERE key LIKE ? ESCAPE '\\'",
                              (prefix.replace("_", "\\_") + "%",)).fetchall()
    return dict(rows)


def _set_meta(conn: Any, values: dict[str, str | None]) -> None:
    for k, v in values.items():
        if v is None:
            conn.execute("DELETE FROM meta WHERE key = ?", (k,))
        else:
            conn.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = "
                         "excluded.value", (k, str(v)))


def set_meta(db: Database, values: dict[str, str | None]) -> None:
    with db.write() as s:
        _set_meta(raw(s), values)


def ensure_node_id(db: Database) -> str:
    """The installation id (created by `init`; a fresh data dir about to be restored gets one here)."""
    with db.write() as s:
        conn = raw(s)
        row = conn.execute("SELECT value FROM meta WHERE key = 'node_id'").fetchone()
        if row and row[0]:
            return row[0]
        node = str(uuidlib.uuid4())
        _set_meta(conn, {"node_id": node})
        return node


# --- push -------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class OutRow:
    seq: int
    kind: str
    record_id: str
    version: int
    payload: str | None  # the JSON text as stored (sent as is, never re-encoded)


def read_outbox(db: Database, limit: int, max_payload_bytes: int | None = None, after_seq: int = 0) -> list[OutRow]:
    """The oldest `limit` outbox rows after `after_seq`, in seq order (fewer if their payloads pass
    `max_payload_bytes`)."""
    with db.read() as s:
        conn = raw(s)
        rows = conn.execute("SELECT seq, kind, record_id, version, payload FROM outbox WHERE seq > ? ORDER BY seq "
                            "LIMIT ?", (after_seq, limit)).fetchall()
        refs = [r[2] for r in rows if r[1] == "audit_event" and r[4] is None]
        if refs:  # audit events are kept once, in audit_event; their outbox rows point at them
            expanded = expand_audit_payloads(conn, refs)
            rows = [(r[0], r[1], r[2], r[3], expanded[r[2]]) if r[1] == "audit_event" and r[4] is None else r
                    for r in rows]
    out: list[OutRow] = []
    total = 0
    for r in rows:
        total += len(r[4] or "") + 80
        if out and max_payload_bytes is not None and total > max_payload_bytes:
            break
        out.append(OutRow(*r))
    return out


def outbox_first_seq(db: Database) -> int | None:
    with db.read() as s:
        return raw(s).execute("SELECT min(seq) FROM outbox").fetchone()[0]


def outbox_count(db: Database) -> int:
    with db.read() as s:
        return raw(s).execute("SELECT count(*) FROM outbox").fetchone()[0]


def trim_outbox(db: Database, ack: int) -> int:
    """Delete what the hub holds (seq ≤ ack) and remember the ack, in one transaction."""
    with db.write() as s:
        conn = raw(s)
        n = conn.execute("DELETE FROM outbox WHERE seq <= ?", (ack,)).rowcount
        _set_meta(conn, {"sync.ack": str(ack)})
        return n


# --- pull -------------------------------------------------------------------------------------------

def cursors(db: Database, streams: Iterable[str]) -> dict[str, str]:
    found = meta_prefix(db, "sync.cursor.")
    return {st: found.get(f"sync.cursor.{st}", "") for st in streams}


def stream_pairs(db: Database, stream: str) -> list[tuple[str, int]]:
    with db.read() as s:
        return [(r[0], r[1]) for r in raw(s).execute(
            "SELECT item_id, version FROM sync_publication WHERE stream = ?", (stream,))]


@dataclass(frozen=True)
class PageItem:
    seq: int
    kind: str
    id: str
    version: int
    payload: dict[str, Any] | None


@dataclass
class PageResult:
    applied: int = 0
    registered: list[tuple[str, str]] | None = None  # (message id, "number/year") newly registered


def reset_stream(db: Database, stream: str) -> None:
    """Forget the local copy of one stream (stale cursor or checksum mismatch): it is pulled again.
    Holidays are county data only, so they go too; doc types and registered circulars stay (entries
    refer to them; a registration is a legal fact)."""
    with db.write() as s:
        conn = raw(s)
        _reset(conn, stream)


def _reset(conn: Any, stream: str) -> None:
    conn.execute("DELETE FROM sync_publication WHERE stream = ?", (stream,))
    if stream == "holidays":
        conn.execute("DELETE FROM holiday")
    _set_meta(conn, {f"sync.cursor.{stream}": ""})


def apply_page(db: Database, stream: str, items: list[PageItem], cursor: str, reset: bool = False,
               blob_sizes: dict[str, int] | None = None) -> PageResult:
    """Apply a page of a county stream and move its cursor, in ONE transaction. For circulars the
    attachments must already be in the local blob store (`blob_sizes`: sha → size)."""
    result = PageResult(registered=[])
    nomenclator = Nomenclator(db)
    entries = Entries(db)
    with db.write() as s:
        conn = raw(s)
        ts = db.now_iso()
        if reset:
            _reset(conn, stream)
        for it in items:
            if stream == "doc_types":
                _apply_doc_type(s, nomenclator, it)
            elif stream == "holidays":
                _apply_holiday(conn, it)
            elif stream == "circulars" and it.payload is not None:
                reg = _register_circular(s, db, entries, it.payload, ts, blob_sizes or {})
                if reg is not None:
                    result.registered.append(reg)  # type: ignore[union-attr]
            if it.payload is None:
                conn.execute("DELETE FROM sync_publication WHERE stream = ? AND item_id = ?", (stream, it.id))
            else:
                conn.execute(
                    "INSERT INTO sync_publication (stream, item_id, kind, version, seq, payload, received_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(stream, item_id) DO UPDATE SET kind = excluded.kind, "
                    "version = excluded.version, seq = excluded.seq, payload = excluded.payload, "
                    "received_at = excluded.received_at, seen_at = CASE WHEN sync_publication.version = "
                    "excluded.version THEN sync_publication.seen_at END "
                    "WHERE excluded.version >= sync_publication.version",
                    (stream, it.id, it.kind, it.version, it.seq, json.dumps(it.payload, ensure_ascii=False), ts))
            result.applied += 1
        _set_meta(conn, {f"sync.cursor.{stream}": cursor})
    return result


_DOC_KEYS = ("code", "name", "direction", "deadline_days", "day_kind", "extension_days", "roll_to_working_day",
             "legal_basis", "regime")


def _apply_doc_type(s: Any, nomenclator: Nomenclator, it: PageItem) -> None:
    conn = raw(s)
    if it.payload is None:  # withdrawn by the county: keep it for old entries, offer it no more
        conn.execute("UPDATE doc_type SET active = 0 WHERE code = ? AND source = 'county'", (it.id.upper(),))
        return
    data = {k: it.payload.get(k) for k in _DOC_KEYS if k in it.payload}
    if data.get("direction") == "any":
        data["direction"] = None
    data["code"] = str(data.get("code") or it.id)
    if not data.get("regime"):
        data["regime"] = "general"
    current = conn.execute(
        "SELECT name, direction, deadline_days, day_kind, extension_days, roll_to_working_day, legal_basis, regime, "
        "source, active FROM doc_type WHERE code = ?", (data["code"].upper(),)).fetchone()
    wanted = (data.get("name"), data.get("direction"), data.get("deadline_days"), data.get("day_kind", "calendar"),
              int(data.get("extension_days") or 0), int(bool(data.get("roll_to_working_day", False))),
              data.get("legal_basis") or "", data.get("regime"), "county", 1)
    if current is not None and tuple(current) == wanted:
        return  # unchanged: no new version, no audit noise when a stream is pulled again
    try:
        nomenclator.upsert_doc_type(s, SYNC_ACTOR, data, source="county")
    except ValidationError:
        pass  # a county item this release cannot represent is kept in sync_publication only


def _apply_holiday(conn: Any, it: PageItem) -> None:
    if it.payload is None:
        conn.execute("DELETE FROM holiday WHERE day = ?", (it.id,))
        return
    day = str(it.payload.get("date") or it.id)[:10]
    conn.execute("INSERT INTO holiday (day, name, working) VALUES (?, ?, 0) ON CONFLICT(day) DO UPDATE SET "
                 "name = excluded.name, working = 0", (day, str(it.payload.get("name") or "")[:120]))


def circular_attachments(payload: dict[str, Any]) -> list[dict[str, Any]]:
    return [a for a in payload.get("attachments") or [] if isinstance(a, dict) and isinstance(a.get("sha256"), str)]


def message_registered(db: Database, message_id: str) -> bool:
    with db.read() as s:
        return raw(s).execute("SELECT 1 FROM sync_message WHERE message_id = ?", (message_id,)).fetchone() is not None


def _register_circular(s: Any, db: Database, entries: Entries, p: dict[str, Any], ts: str,
                       blob_sizes: dict[str, int]) -> tuple[str, str] | None:
    conn = raw(s)
    message_id = str(p.get("message_id") or "")
    if not message_id or conn.execute("SELECT 1 FROM sync_message WHERE message_id = ?",
                                      (message_id,)).fetchone():
        return None  # registered once, however often it is pulled
    doc_type = None
    if p.get("doc_type"):
        code = str(p["doc_type"]).upper()
        if conn.execute("SELECT 1 FROM doc_type WHERE code = ? AND active = 1", (code,)).fetchone():
            doc_type = code
    new = NewEntry(direction="in", subject=(str(p.get("subject") or "Circulară").strip() or "Circulară")[:500],
                   doc_type=doc_type, sender=Party(str(p.get("sender") or "Consiliul Județean")[:200], "institution"),
                   summary=str(p.get("body") or "")[:5000], channel="hub",
                   issuer_ref=str(p.get("reference") or "")[:80], pages=0,
                   annexes=len(circular_attachments(p)))
    blobs = [(a["sha256"], blob_sizes.get(a["sha256"], int(a.get("size") or 0)), str(a.get("filename") or "fisier"))
             for a in circular_attachments(p)]
    after = entries.register_in(s, SYNC_ACTOR, new, "hub", blobs)
    uid, ets = after["uuid"], after["registered_at"]
    conn.execute("INSERT INTO sync_message (message_id, entry_uuid, year, number, registered_at, subject) "
                 "VALUES (?, ?, ?, ?, ?, ?)", (message_id, uid, after["year"], after["number"], ets, after["subject"]))
    receipt = {"message_id": message_id, "number": after["number"], "year": after["year"], "registered_at": ets,
               "entry_id": uid, "delivered_at": ts}
    record_change(s, SYNC_ACTOR, ets, "hub_receipt", "receipt", message_id, 1, None, receipt)
    return message_id, f"{after['number']}/{after['year']}"


# --- what the clerk sees ----------------------------------------------------------------------------

@dataclass(frozen=True)
class CountyItem:
    stream: str
    item_id: str
    title: str
    body: str
    published_at: str
    received_at: str
    seen: bool
    entry_ref: str | None = None  # circulars: "number/year" it was registered under


def county_items(db: Database, streams: tuple[str, ...] = ("notices", "circulars"), limit: int = 200) -> list[CountyItem]:
    """Notices and circulars from the county, newest first (plain data for the UI)."""
    marks = ",".join("?" * len(streams))
    with db.read() as s:
        rows = raw(s).execute(
            f"SELECT p.stream, p.item_id, p.payload, p.received_at, p.seen_at, m.number, m.year FROM sync_publication p "
            f"LEFT JOIN sync_message m ON m.message_id = p.item_id AND p.stream = 'circulars' "
            f"WHERE p.stream IN ({marks}) ORDER BY p.received_at DESC, p.seq DESC LIMIT ?", (*streams, limit)).fetchall()
    out = []
    for stream, item_id, payload, received, seen, number, year in rows:
        p = json.loads(payload)
        title = p.get("title") or p.get("subject") or ""
        when = str(p.get("published_at") or p.get("sent_at") or "")
        out.append(CountyItem(stream, item_id, title, p.get("body") or "", when, received, seen is not None,
                              f"{number}/{year}" if number is not None else None))
    return out


def mark_seen(db: Database, stream: str, item_id: str) -> None:
    with db.write() as s:
        raw(s).execute("UPDATE sync_publication SET seen_at = ? WHERE stream = ? AND item_id = ? AND seen_at IS NULL",
                       (db.now_iso(), stream, item_id))


def publications(db: Database, stream: str) -> list[dict[str, Any]]:
    """Current items of a stream (plan templates offered to the archivist, localities, …)."""
    with db.read() as s:
        return [json.loads(r[0]) for r in raw(s).execute(
            "SELECT payload FROM sync_publication WHERE stream = ? ORDER BY item_id", (stream,))]


# --- blob transfers ---------------------------------------------------------------------------------

def blob_state(db: Database, sha: str, direction: str) -> tuple[int, int, str] | None:
    with db.read() as s:
        r = raw(s).execute("SELECT size, offset, state FROM sync_blob WHERE sha256 = ? AND direction = ?",
                           (sha, direction)).fetchone()
    return None if r is None else (r[0], r[1], r[2])


def set_blob_state(db: Database, sha: str, direction: str, size: int, offset: int, state: str,
                   error: str = "") -> None:
    with db.write() as s:
        raw(s).execute(
            "INSERT INTO sync_blob (sha256, direction, size, offset, state, error, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(sha256, direction) DO UPDATE SET size = excluded.size, offset = excluded.offset, "
            "state = excluded.state, error = excluded.error, updated_at = excluded.updated_at",
            (sha, direction, size, offset, state, error[:500], db.now_iso()))


def blobs_in_progress(db: Database, direction: str) -> list[tuple[str, int, int]]:
    with db.read() as s:
        return [tuple(r) for r in raw(s).execute(  # type: ignore[misc]
            "SELECT sha256, size, offset FROM sync_blob WHERE direction = ? AND state = 'pending'", (direction,))]


def local_blob_size(db: Database, sha: str) -> int | None:
    with db.read() as s:
        r = raw(s).execute("SELECT size FROM blob WHERE sha256 = ?", (sha,)).fetchone()
    return None if r is None else r[0]


# --- local summary per kind (compared with the hub's replica summary) -------------------------------

KIND_TABLES = {"institution": "institution", "compartment": "compartment", "register": "register",
               "user": "user", "entry": "entry", "attachment": "attachment"}


def local_pairs(db: Database, kind: str) -> list[tuple[str, int]]:
    """(uuid, version) of the local records of one replicated kind."""
    with db.read() as s:
        conn = raw(s)
        if kind == "audit_event":
            return [(r[0], 1) for r in conn.execute("SELECT uuid FROM audit_event")]
        if kind == "doc_type":
            return [tuple(r) for r in conn.execute(  # type: ignore[misc]
                "SELECT uuid, version FROM doc_type WHERE source <> 'county'")]
        if kind == "receipt":
            return [(r[0], 1) for r in conn.execute("SELECT message_id FROM sync_message")]
        table = KIND_TABLES[kind]
        return [tuple(r) for r in conn.execute(f'SELECT uuid, version FROM "{table}"')]  # type: ignore[misc]

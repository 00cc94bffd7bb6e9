"""Registry entries: register, cancel, assign, resolve, link, extend a deadline, attach, search.

Numbering (DOMAIN.md "Numbering"): one yearly sequence for the whole institution, shared by all its
registers, starting at 1 on 1 January, without gaps. The number is allocated inside the BEGIN
IMMEDIATE transaction that writes the entry (max + 1 under the write lock), so it exists if and only
if the entry does; a unique constraint on (year, number, suffix) backs it. Mistakes are cancelled,
never deleted. Every change writes an audit event and an outbox row in the same transaction.
"""
from __future__ import annotations

import mimetypes
import re
import uuid as uuidlib
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from . import roles
from .audit import Actor, append_outbox, record_change
from .blobs import sanitise_filename
from .database import Database
from .db import flush, raw
from .deadlines import Calendar, DeadlineRule, compute_deadline, extend_deadline
from .errors import NotFound, StateError, ValidationError
from .identifiers import mask, normalise_idno
from .models import (
    CHANNELS, DIRECTIONS, PARTY_KINDS, RESOLUTION_KINDS, Attachment, AuditEvent, Compartment,
    DocType, Entry, User,
)
from .records import entry_payload, entry_payload_from_row, load_entry_row
from .search import Filters, build_query
from .text import bounded_text, clean_text
from .views import (
    AttachmentView, AuditView, EntryRef, EntryRow, EntryView, LinkView, NewEntry, Party, parse_ref,
)

OPEN_STATUSES = ("registered", "assigned")
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
LIMITS = {"subject": 500, "summary": 5000, "name": 200, "address": 300, "issuer_ref": 80,
          "instruction": 2000, "resolution": 5000, "reason": 1000}


def _text(value: str | None, field: str, limit_key: str | None = None, required: bool = False) -> str:
    return bounded_text(value, field, LIMITS[limit_key or field], required)


def _count(value: Any, field: str) -> int:
    try:
        n = int(value or 0)
    except (TypeError, ValueError):
        raise ValidationError("not_a_number", field=field) from None
    if n < 0 or n > 100000:
        raise ValidationError("not_a_number", field=field)
    return n


def _choice(value: str, allowed: tuple[str, ...], field: str) -> str:
    if value not in allowed:
        raise ValidationError("bad_choice", field=field, value=value, allowed=", ".join(allowed))
    return value


class Entries:
    def __init__(self, db: Database) -> None:
        self.db = db

    # --- lookups ------------------------------------------------------------------------------

    @staticmethod
    def _find(session: Session, ref: str | int | EntryRef) -> Entry:
        if isinstance(ref, int):
            e = session.get(Entry, ref)
        elif isinstance(ref, str) and _UUID.match(ref):
            e = session.execute(select(Entry).where(Entry.uuid == ref)).scalar()
        else:
            r = ref if isinstance(ref, EntryRef) else parse_ref(str(ref))
            e = session.execute(select(Entry).where(Entry.year == r.year, Entry.number == r.number,
                                                    Entry.number_suffix == r.suffix)).scalar()
        if e is None:
            raise NotFound("entry_not_found", ref=str(ref))
        return e

    @staticmethod
    def _ref(e: Entry) -> str:
        return str(EntryRef(e.number, e.year, e.number_suffix))

    def calendar(self, session: Session) -> Calendar:
        rows = raw(session).execute("SELECT day, working FROM holiday").fetchall()
        return Calendar(extra_off=frozenset(date.fromisoformat(d) for d, w in rows if not w),
                        extra_working=frozenset(date.fromisoformat(d) for d, w in rows if w))

    @staticmethod
    def _rule(dt: DocType) -> DeadlineRule:
        return DeadlineRule(dt.deadline_days, dt.day_kind, dt.roll_to_working_day, dt.extension_days)

    def deadline_for(self, doc_type: str, start: date | None = None) -> date | None:
        """The deadline a document type implies for a registration on `start` (today by default)."""
        with self.db.read() as s:
            dt = s.execute(select(DocType).where(DocType.code == doc_type)).scalar()
            if dt is None:
                raise ValidationError("unknown_doc_type", field="doc_type", value=doc_type)
            return compute_deadline(start or self.db.today(), self._rule(dt), self.calendar(s))

    def _lookup(self, s: Session, model, code: str | None, field: str, err: str):  # noqa: ANN001
        if not code:
            return None
        obj = s.execute(select(model).where(model.code == code)).scalar()
        if obj is None or not obj.active:
            raise ValidationError(err, field=field, value=code)
        return obj

    def _user(self, s: Session, username: str | None) -> User | None:
        if not username:
            return None
        u = s.execute(select(User).where(User.username == username)).scalar()
        if u is None or not u.active:
            raise ValidationError("unknown_user", field="assignee", value=username)
        return u

    def _change(self, s: Session, actor: Actor, ts: str, action: str, e: Entry | int,
                before: dict[str, Any] | None) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        """Audit + outbox for an entry's new state; returns the row and attachments it was read from
        (so the caller can build the view without reading them again)."""
        flush(s)
        row, atts = load_entry_row(raw(s), e if isinstance(e, int) else e.id)
        after = entry_payload_from_row(row, atts)
        record_change(s, actor, ts, action, "entry", after["id"], after["version"], before, after)
        return row, atts

    # --- register -----------------------------------------------------------------------------

    def _party(self, p: Party, role: str) -> Party:
        kind = _choice(p.kind or "person", PARTY_KINDS, f"{role}_name")
        return Party(name=_text(p.name, f"{role}_name", "name"), kind=kind,
                     idno=normalise_idno(p.idno, f"{role}_idno", kind),
                     address=_text(p.address, f"{role}_name", "address"))

    def validate(self, new: NewEntry) -> NewEntry:
        """Check and normalise a new entry without writing anything (the form can call it as you type)."""
        direction = _choice(new.direction, DIRECTIONS, "direction")
        sender = self._party(new.sender, "sender")
        recipient = self._party(new.recipient, "recipient")
        if direction == "in" and not sender.name:
            raise ValidationError("sender_required_incoming", field="sender_name")
        if direction == "out" and not recipient.name:
            raise ValidationError("recipient_required_outgoing", field="recipient_name")
        return NewEntry(
            direction=direction, subject=_text(new.subject, "subject", required=True),
            doc_type=new.doc_type or None, sender=sender, recipient=recipient,
            summary=_text(new.summary, "summary"), channel=_choice(new.channel or "desk", CHANNELS, "channel"),
            issuer_ref=_text(new.issuer_ref, "subject", "issuer_ref"), pages=_count(new.pages, "pages"),
            annexes=_count(new.annexes, "annexes"), compartment=new.compartment or None,
            assignee=new.assignee or None, instruction=_text(new.instruction, "summary", "instruction"),
            register=new.register or None,
            reply_to=str(parse_ref(new.reply_to, "reply_to")) if new.reply_to else None,
            related=[str(parse_ref(r, "reply_to")) for r in new.related],
            attachments=list(new.attachments))

    def register(self, actor: Actor, new: NewEntry, *, source: str = "desk") -> EntryView:
        roles.require(actor.role, "register")
        n = self.validate(new)
        # File I/O (hashing, copying scans) happens before taking the write lock.
        stored = [(self.db.blobs.put_file(Path(p)), Path(p).name) for p in n.attachments]
        # A plain registration needs no ORM object: it runs on a bare DB-API transaction (the hot path);
        # replies and links update other entries through the ORM session.
        with self.db.write() if (n.reply_to or n.related) else self.db.raw_write() as s:
            eid, ts, uid = self._insert(s, actor, n, source)
            for (sha, size), name in stored:
                self._add_attachment(s, actor, eid, uid, sha, size, name, ts, audit=False)
            self._resolve_and_link_new(s, actor, n, eid, ts)
            return self._view(s, eid, actor, loaded=self._change(s, actor, ts, "register", eid, None))

    def register_in(self, s: Session, actor: Actor, new: NewEntry, source: str,
                    blobs: list[tuple[str, int, str]]) -> dict[str, Any]:
        """Register inside the caller's write transaction (e.g. a county circular, applied with its sync
        cursor). `blobs` are (sha256, size, file name) already in the blob store. Returns the stored row."""
        roles.require(actor.role, "register")
        n = self.validate(new)
        eid, ts, uid = self._insert(s, actor, n, source)
        for sha, size, name in blobs:
            self._add_attachment(s, actor, eid, uid, sha, size, name, ts, audit=False)
        self._resolve_and_link_new(s, actor, n, eid, ts)
        row, _ = self._change(s, actor, ts, "register", eid, None)
        return row

    def _resolve_and_link_new(self, s: Session, actor: Actor, n: NewEntry, eid: int, ts: str) -> None:
        """A new entry's reply-to (resolving the request it answers) and related links."""
        if n.reply_to:
            orig = self._find(s, n.reply_to)
            self._link(s, eid, orig.id, "reply")
            if orig.status in OPEN_STATUSES:
                before = entry_payload(s, orig)
                orig.status, orig.resolution_kind = "resolved", "answered"
                orig.resolved_at, orig.reply_entry_id = ts, eid
                self._touch(orig, ts)
                self._change(s, actor, ts, "resolve", orig, before)
        for r in n.related:
            self._link(s, eid, self._find(s, r).id, "related")

    def _insert(self, s: Session, actor: Actor, n: NewEntry, source: str) -> tuple[int, str, str]:
        """Insert the entry with the next number of its year (raw SQL: the registration hot path).
        Must run inside a write (BEGIN IMMEDIATE) transaction. Returns (id, timestamp, uuid)."""
        conn = raw(s)
        one = lambda sql, *a: conn.execute(sql, a).fetchone()  # noqa: E731
        now = self.db.now()
        ts = now.isoformat(timespec="seconds")
        if n.register:
            reg = one("SELECT id FROM register WHERE code = ? AND active = 1", n.register)
            if reg is None:
                raise ValidationError("unknown_register", field="register", value=n.register)
        else:
            reg = one("SELECT id FROM register WHERE kind = 'general' ORDER BY id LIMIT 1")
            if reg is None:
                raise ValidationError("not_initialised", field="register")
        deadline = None
        dt_id = None
        if n.doc_type:
            dt = one("SELECT id, deadline_days, day_kind, roll_to_working_day, extension_days FROM doc_type "
                     "WHERE code = ? AND active = 1", n.doc_type)
            if dt is None:
                raise ValidationError("unknown_doc_type", field="doc_type", value=n.doc_type)
            dt_id = dt[0]
            if dt[1] is not None:
                deadline = compute_deadline(now.date(), DeadlineRule(dt[1], dt[2], bool(dt[3]), dt[4]),
                                            self.calendar(s)).isoformat()
        comp_id = None
        if n.compartment:
            comp = one("SELECT id FROM compartment WHERE code = ? AND active = 1", n.compartment)
            if comp is None:
                raise ValidationError("unknown_compartment", field="compartment", value=n.compartment)
            comp_id = comp[0]
        user_id = None
        if n.assignee:
            u = one("SELECT id, compartment_id FROM user WHERE username = ? AND active = 1", n.assignee)
            if u is None:
                raise ValidationError("unknown_user", field="assignee", value=n.assignee)
            user_id, comp_id = u[0], comp_id or u[1]
        year = now.year
        number = one("SELECT COALESCE(MAX(number), 0) + 1 FROM entry WHERE year = ?", year)[0]
        uid = str(uuidlib.uuid4())
        cur = conn.execute(
            "INSERT INTO entry (uuid, register_id, year, number, number_suffix, registered_at, reg_date, direction, "
            "doc_type_id, channel, issuer_ref, sender_kind, sender_name, sender_idno, sender_address, recipient_kind, "
            "recipient_name, recipient_idno, recipient_address, subject, summary, pages, annexes, compartment_id, "
            "assignee_id, instruction, deadline, deadline_original, status, resolution_kind, resolution, joined_to, "
            "dossier_indicator, cancelled_reason, cancelled_by, source, created_by, updated_at, version) VALUES "
            "(?, ?, ?, ?, '', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', '', '', '', "
            "'', '', ?, ?, ?, 1)",
            (uid, reg[0], year, number, ts, now.date().isoformat(), n.direction, dt_id, n.channel, n.issuer_ref,
             n.sender.kind, n.sender.name, n.sender.idno, n.sender.address, n.recipient.kind, n.recipient.name,
             n.recipient.idno, n.recipient.address, n.subject, n.summary, n.pages, n.annexes, comp_id, user_id,
             n.instruction, deadline, deadline, "assigned" if (comp_id or user_id) else "registered", source,
             actor.username, ts))
        return cur.lastrowid, ts, uid

    # --- state changes --------------------------------------------------------------------------

    def _open_for_change(self, s: Session, ref: str | int) -> tuple[Entry, dict[str, Any]]:
        e = self._find(s, ref)
        if e.status == "cancelled":
            raise StateError("entry_cancelled", ref=self._ref(e))
        return e, entry_payload(s, e)

    def _touch(self, e: Entry, ts: str) -> None:
        e.updated_at = ts
        e.version += 1

    def cancel(self, actor: Actor, ref: str | int, reason: str) -> EntryView:
        roles.require(actor.role, "cancel")
        reason = _text(reason, "reason", required=True)
        with self.db.write() as s:
            e = self._find(s, ref)
            if e.status == "cancelled":
                raise StateError("entry_already_cancelled", ref=self._ref(e))
            before = entry_payload(s, e)
            ts = self.db.now_iso()
            e.status, e.cancelled_reason, e.cancelled_at, e.cancelled_by = "cancelled", reason, ts, actor.username
            self._touch(e, ts)
            self._change(s, actor, ts, "cancel", e, before)
            return self._view(s, e, actor)

    def assign(self, actor: Actor, ref: str | int, compartment: str | None = None,
               assignee: str | None = None, instruction: str | None = None) -> EntryView:
        roles.require(actor.role, "assign")
        with self.db.write() as s:
            e, before = self._open_for_change(s, ref)
            comp = self._lookup(s, Compartment, compartment, "compartment", "unknown_compartment")
            user = self._user(s, assignee)
            if comp is None and user is not None and user.compartment_id:
                comp = s.get(Compartment, user.compartment_id)
            if comp is None and user is None:
                raise ValidationError("required", field="compartment")
            if comp is not None:
                e.compartment = comp
            if user is not None:
                e.assignee = user
            if instruction is not None:
                e.instruction = _text(instruction, "summary", "instruction")
            if e.status == "registered":
                e.status = "assigned"
            ts = self.db.now_iso()
            self._touch(e, ts)
            self._change(s, actor, ts, "assign", e, before)
            return self._view(s, e, actor)

    def resolve(self, actor: Actor, ref: str | int, kind: str, resolution: str = "",
                reply_ref: str | None = None, reply: NewEntry | None = None) -> EntryView:
        """Resolve an entry. With `reply_ref` an existing outgoing entry is linked as the answer; with
        `reply` the outgoing answer is registered now (its own number) in the same transaction."""
        roles.require(actor.role, "resolve")
        kind = _choice(kind, RESOLUTION_KINDS, "resolution")
        resolution = _text(resolution, "resolution")
        new_reply = self.validate(reply) if reply is not None else None
        if new_reply is not None and new_reply.direction != "out":
            raise ValidationError("reply_must_be_outgoing", field="reply_to", ref="")
        stored = [(self.db.blobs.put_file(Path(p)), Path(p).name) for p in (new_reply.attachments if new_reply else [])]
        with self.db.write() as s:
            e, before = self._open_for_change(s, ref)
            if e.status in ("resolved", "filed"):
                raise StateError("entry_already_resolved", ref=self._ref(e))
            ts = self.db.now_iso()
            answer: Entry | None = None
            if reply_ref:
                answer = self._find(s, reply_ref)
                if answer.direction != "out" or answer.id == e.id:
                    raise ValidationError("reply_must_be_outgoing", field="reply_to", ref=self._ref(answer))
            elif new_reply is not None:
                aid, _, auid = self._insert(s, actor, new_reply, "desk")
                for (sha, size), name in stored:
                    self._add_attachment(s, actor, aid, auid, sha, size, name, ts, audit=False)
                self._change(s, actor, ts, "register", aid, None)
                answer = s.get(Entry, aid)
            if answer is not None:
                self._link(s, answer.id, e.id, "reply")
                e.reply_entry_id = answer.id
            e.status, e.resolution_kind, e.resolution, e.resolved_at = "resolved", kind, resolution, ts
            self._touch(e, ts)
            self._change(s, actor, ts, "resolve", e, before)
            return self._view(s, e, actor)

    def link(self, actor: Actor, ref: str | int, other: str | int, kind: str = "related") -> EntryView:
        roles.require(actor.role, "link")
        kind = _choice(kind, ("related", "joined"), "kind")
        with self.db.write() as s:
            e, before = self._open_for_change(s, ref)
            o = self._find(s, other)
            if o.id == e.id:
                raise ValidationError("link_self", field="reply_to")
            self._link(s, e.id, o.id, kind)
            if kind == "joined" and not e.joined_to:
                e.joined_to = self._ref(o)
            ts = self.db.now_iso()
            self._touch(e, ts)
            self._change(s, actor, ts, "link", e, before)
            return self._view(s, e, actor)

    def _link(self, s: Session, a: int, b: int, kind: str) -> None:
        s.flush()
        raw(s).execute(
            "INSERT OR IGNORE INTO entry_link (entry_id, other_id, kind, created_at) VALUES (?, ?, ?, ?)",
            (a, b, kind, self.db.now_iso()))

    def extend_deadline(self, actor: Actor, ref: str | int, days: int, reason: str) -> EntryView:
        roles.require(actor.role, "extend_deadline")
        days = _count(days, "days")
        reason = _text(reason, "reason", required=True)
        with self.db.write() as s:
            e, before = self._open_for_change(s, ref)
            if not e.deadline:
                raise StateError("no_deadline", field="days")
            rule = self._rule(e.doc_type) if e.doc_type else DeadlineRule(None, "calendar", True, 30)
            current = date.fromisoformat(e.deadline)
            new = extend_deadline(current, days, rule, self.calendar(s))
            original = date.fromisoformat(e.deadline_original or e.deadline)
            limit = extend_deadline(original, rule.extension_days, rule, self.calendar(s))
            if days <= 0 or new > limit:
                raise ValidationError("extension_too_long", field="days", max=rule.extension_days)
            e.deadline = new.isoformat()
            ts = self.db.now_iso()
            self._touch(e, ts)
            self._change(s, actor, ts, "extend_deadline", e, {**before, "_reason": reason})
            return self._view(s, e, actor)

    # --- attachments ----------------------------------------------------------------------------

    def _add_attachment(self, s: Session, actor: Actor, entry_id: int, entry_uuid: str, sha: str, size: int,
                        name: str, ts: str, audit: bool = True) -> int:
        """Attachment row (+ blob row). With audit=False (files given at registration) the entry's own
        'register' event, which lists its attachments, is the audit record; the outbox still gets it."""
        conn = raw(s)
        conn.execute("INSERT OR IGNORE INTO blob (sha256, size, created_at) VALUES (?, ?, ?)", (sha, size, ts))
        fname = sanitise_filename(name)
        a = {"id": str(uuidlib.uuid4()), "entry": entry_uuid, "sha256": sha, "filename": fname,
             "mime": mimetypes.guess_type(fname)[0] or "application/octet-stream", "size": size,
             "added_at": ts, "added_by": actor.username, "version": 1}
        cur = conn.execute(
            "INSERT INTO attachment (uuid, entry_id, sha256, filename, mime, size, added_at, added_by, version) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)",
            (a["id"], entry_id, sha, fname, a["mime"], size, ts, actor.username))
        if audit:
            record_change(s, actor, ts, "attach", "attachment", a["id"], 1, None, a)
        else:
            append_outbox(s, "attachment", a["id"], 1, a, ts)
        return cur.lastrowid

    def attach(self, actor: Actor, ref: str | int, path: str | Path | None = None, data: bytes | None = None,
               filename: str | None = None) -> AttachmentView:
        roles.require(actor.role, "attach")
        if path is not None:
            sha, size = self.db.blobs.put_file(Path(path))
            name = filename or Path(path).name
        else:
            sha, size = self.db.blobs.put_bytes(data or b"", label=filename or "")
            name = filename or "fisier"
        with self.db.write() as s:
            e, before = self._open_for_change(s, ref)
            ts = self.db.now_iso()
            aid = self._add_attachment(s, actor, e.id, e.uuid, sha, size, name, ts)
            self._touch(e, ts)
            self._change(s, actor, ts, "attach", e, before)
            return _att_view(s.get(Attachment, aid))

    def attachment(self, attachment_id: int | str) -> AttachmentView:
        with self.db.read() as s:
            return _att_view(self._find_attachment(s, attachment_id))

    @staticmethod
    def _find_attachment(s: Session, attachment_id: int | str) -> Attachment:
        a = (s.get(Attachment, attachment_id) if isinstance(attachment_id, int)
             else s.execute(select(Attachment).where(Attachment.uuid == attachment_id)).scalar())
        if a is None:
            raise NotFound("attachment_not_found", ref=str(attachment_id))
        return a

    def read_attachment(self, attachment_id: int | str) -> bytes:
        """The file's bytes, hash-verified; raises IntegrityProblem if missing or corrupted."""
        return self.db.blobs.read(self.attachment(attachment_id).sha256)

    def export_attachment(self, attachment_id: int | str, dest_dir: Path) -> Path:
        """Write a verified copy to `dest_dir` under its sanitised name (for opening in a viewer)."""
        a = self.attachment(attachment_id)
        data = self.db.blobs.read(a.sha256)
        dest_dir.mkdir(parents=True, exist_ok=True)
        target = dest_dir / sanitise_filename(a.filename)
        target.write_bytes(data)
        return target

    # --- reading ---------------------------------------------------------------------------------

    def get(self, ref: str | int | EntryRef, actor: Actor | None = None, reveal_identifiers: bool = False) -> EntryView:
        if reveal_identifiers and actor is not None:
            roles.require(actor.role, "view_identifiers")
            with self.db.write() as s:  # GDPR: access to a full CNP is logged
                e = self._find(s, ref)
                if e.sender_idno or e.recipient_idno:
                    record_change(s, actor, self.db.now_iso(), "view_identifiers", "entry", e.uuid, e.version,
                                  None, None, replicate=False)
                return self._view(s, e, actor, reveal=True)
        with self.db.read() as s:
            return self._view(s, self._find(s, ref), actor)

    def _view(self, s: Session, e: Entry | int, actor: Actor | None, reveal: bool = False,
              loaded: tuple[dict[str, Any], list[dict[str, Any]]] | None = None) -> EntryView:
        flush(s)
        conn = raw(s)
        r, atts = loaded or load_entry_row(conn, e if isinstance(e, int) else e.id)

        def party(prefix: str) -> Party:
            idno = r[f"{prefix}_idno"]
            return Party(name=r[f"{prefix}_name"], kind=r[f"{prefix}_kind"], idno=idno if reveal else mask(idno),
                         address=r[f"{prefix}_address"])

        links = []
        for kind, num, suf, year, subj, uid, reverse in conn.execute(
                "SELECT l.kind, o.number, o.number_suffix, o.year, o.subject, o.uuid, 0 FROM entry_link l "
                "JOIN entry o ON o.id = l.other_id WHERE l.entry_id = ? UNION ALL "
                "SELECT l.kind, o.number, o.number_suffix, o.year, o.subject, o.uuid, 1 FROM entry_link l "
                "JOIN entry o ON o.id = l.entry_id WHERE l.other_id = ?", (r["id"], r["id"])):
            k = ("reply_to" if not reverse else "reply") if kind == "reply" else kind
            links.append(LinkView(k, str(EntryRef(num, year, suf)), subj, uid))
        today = self.db.today().isoformat()
        return EntryView(
            id=r["id"], uuid=r["uuid"], ref=str(EntryRef(r["number"], r["year"], r["number_suffix"])), year=r["year"],
            number=r["number"], number_suffix=r["number_suffix"], registered_at=r["registered_at"],
            reg_date=r["reg_date"], register=r["r_code"], direction=r["direction"], doc_type=r["dt_code"],
            doc_type_name=r["dt_name"] or "", channel=r["channel"], issuer_ref=r["issuer_ref"],
            sender=party("sender"), recipient=party("recipient"), subject=r["subject"], summary=r["summary"],
            pages=r["pages"], annexes=r["annexes"], compartment=r["c_code"], compartment_name=r["c_name"] or "",
            assignee=r["u_name"], assignee_name=(r["u_full"] or r["u_name"] or ""), instruction=r["instruction"],
            deadline=r["deadline"], deadline_original=r["deadline_original"], status=r["status"],
            resolution_kind=r["resolution_kind"], resolution=r["resolution"], resolved_at=r["resolved_at"],
            reply=str(EntryRef(r["rep_number"], r["rep_year"], r["rep_suffix"])) if r["reply_uuid"] else None,
            dispatch_date=r["dispatch_date"], joined_to=r["joined_to"], dossier_indicator=r["dossier_indicator"],
            cancelled_reason=r["cancelled_reason"], cancelled_at=r["cancelled_at"], cancelled_by=r["cancelled_by"],
            source=r["source"], created_by=r["created_by"], version=r["version"],
            overdue=bool(r["deadline"] and r["status"] in OPEN_STATUSES and r["deadline"] < today),
            attachments=tuple(AttachmentView(a["id"], a["uuid"], a["sha256"], a["filename"], a["mime"], a["size"],
                                             a["added_at"], a["added_by"]) for a in atts),
            links=tuple(links))

    def history(self, ref: str | int) -> list[AuditView]:
        with self.db.read() as s:
            e = self._find(s, ref)
            att_ids = [a for a in s.execute(select(Attachment.uuid).where(Attachment.entry_id == e.id)).scalars()]
            evs = s.execute(select(AuditEvent).where(
                ((AuditEvent.object_kind == "entry") & (AuditEvent.object_id == e.uuid))
                | ((AuditEvent.object_kind == "attachment") & (AuditEvent.object_id.in_(att_ids))))
                .order_by(AuditEvent.id)).scalars()
            return [AuditView(v.id, v.ts, v.actor, v.action, v.object_kind, v.object_id, v.before, v.after)
                    for v in evs]

    def search(self, filters: Filters | None = None, limit: int = 50, offset: int = 0,
               order: str = "newest") -> list[EntryRow]:
        f = filters or Filters()
        today = self.db.today()
        sql, params = build_query(f, today, select_sql=ROW_SELECT, order=order)
        params.update(limit=limit, offset=offset, today=today.isoformat())
        with self.db.read() as s:
            return [entry_row(r, today.isoformat()) for r in s.execute(text(sql + " LIMIT :limit OFFSET :offset"), params)]

    def count(self, filters: Filters | None = None) -> int:
        f = filters or Filters()
        sql, params = build_query(f, self.db.today(), select_sql="SELECT count(*)", order=None)
        with self.db.read() as s:
            return s.execute(text(sql), params).scalar_one()

    def suggest_parties(self, prefix: str, limit: int = 10) -> list[Party]:
        """Senders/recipients used before whose name starts with `prefix` (autocomplete), most used first."""
        p = clean_text(prefix)
        if not p:
            return []
        like = p.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        with self.db.read() as s:
            rows = s.execute(text(
                "SELECT name, kind, address, count(*) AS n FROM ("
                " SELECT sender_name AS name, sender_kind AS kind, sender_address AS address FROM entry"
                "  WHERE sender_name LIKE :p ESCAPE '\\' "
                " UNION ALL SELECT recipient_name, recipient_kind, recipient_address FROM entry"
                "  WHERE recipient_name LIKE :p ESCAPE '\\') "
                "GROUP BY name ORDER BY n DESC, name LIMIT :limit"), {"p": like, "limit": limit}).all()
        return [Party(name=r[0], kind=r[1], address=r[2]) for r in rows]

    def years(self) -> list[int]:
        with self.db.read() as s:
            return [r[0] for r in s.execute(text("SELECT DISTINCT year FROM entry ORDER BY year DESC"))]


ROW_SELECT = (
    "SELECT e.id, e.uuid, e.number, e.number_suffix, e.year, e.reg_date, e.direction, "
    "COALESCE(dt.name, ''), e.sender_name, e.recipient_name, e.subject, COALESCE(c.name, ''), "
    "COALESCE(NULLIF(u.full_name, ''), u.username, ''), e.deadline, e.status"
)
ROW_JOINS = ("LEFT JOIN doc_type dt ON dt.id = e.doc_type_id LEFT JOIN compartment c ON c.id = e.compartment_id "
             "LEFT JOIN user u ON u.id = e.assignee_id")


def entry_row(r: Any, today: str) -> EntryRow:
    """An EntryRow from a ROW_SELECT result row (shared by search and the registry table)."""
    (eid, uid, num, suf, year, reg_date, direction, dtname, sender, recipient, subject, comp, assignee,
     deadline, status) = r
    party = sender if direction == "in" else (recipient or sender)
    return EntryRow(eid, uid, str(EntryRef(num, year, suf)), year, num, suf, reg_date, direction, dtname, party,
                    subject, comp, assignee, deadline, status,
                    bool(deadline and status in OPEN_STATUSES and deadline < today))


def _att_view(a: Attachment) -> AttachmentView:
    return AttachmentView(a.id, a.uuid, a.sha256, a.filename, a.mime, a.size, a.added_at, a.added_by)

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
from .deadlines import Calendar, DeadlineRule, compute_deadline, extend_deadline
from .errors import NotFound, StateError, ValidationError
from .identifiers import mask, normalise_idno
from .models import (
    CHANNELS, DIRECTIONS, PARTY_KINDS, RESOLUTION_KINDS, Attachment, AuditEvent, Blob, Compartment,
    DocType, Entry, EntryLink, Holiday, Register, User,
)
from .records import attachment_payload, entry_payload
from .search import Filters, build_query
from .text import clean_text
from .views import (
    AttachmentView, AuditView, EntryRef, EntryRow, EntryView, LinkView, NewEntry, Party, parse_ref,
)

OPEN_STATUSES = ("registered", "assigned")
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
LIMITS = {"subject": 500, "summary": 5000, "name": 200, "address": 300, "issuer_ref": 80,
          "instruction": 2000, "resolution": 5000, "reason": 1000}


def _text(value: str | None, field: str, limit_key: str | None = None, required: bool = False) -> str:
    v = clean_text(value or "")
    limit = LIMITS[limit_key or field]
    if required and not v:
        raise ValidationError("required", field=field)
    if len(v) > limit:
        raise ValidationError("too_long", field=field, max=limit)
    return v


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
        rows = session.execute(select(Holiday)).scalars().all()
        return Calendar(extra_off=frozenset(date.fromisoformat(h.day) for h in rows if not h.working),
                        extra_working=frozenset(date.fromisoformat(h.day) for h in rows if h.working))

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

    def _change(self, s: Session, actor: Actor, ts: str, action: str, e: Entry,
                before: dict[str, Any] | None) -> None:
        s.flush()
        after = entry_payload(s, e)
        record_change(s, actor, ts, action, "entry", e.uuid, e.version, before, after)

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
        with self.db.write() as s:
            e = self._insert(s, actor, n, source)
            for (sha, size), name in stored:
                self._add_attachment(s, actor, e, sha, size, name, e.registered_at, audit=False)
            if n.reply_to:
                orig = self._find(s, n.reply_to)
                self._link(s, e, orig, "reply")
                if orig.status in OPEN_STATUSES:
                    before = entry_payload(s, orig)
                    orig.status, orig.resolution_kind = "resolved", "answered"
                    orig.resolution = orig.resolution or f"{self._ref(e)}"
                    orig.resolved_at, orig.reply_entry_id = e.registered_at, e.id
                    orig.updated_at, orig.version = e.registered_at, orig.version + 1
                    self._change(s, actor, e.registered_at, "resolve", orig, before)
            for r in n.related:
                self._link(s, e, self._find(s, r), "related")
            self._change(s, actor, e.registered_at, "register", e, None)
            return self._view(s, e, actor)

    def _insert(self, s: Session, actor: Actor, n: NewEntry, source: str) -> Entry:
        now = self.db.now()
        ts = now.isoformat(timespec="seconds")
        reg = (self._lookup(s, Register, n.register, "register", "unknown_register") if n.register
               else s.execute(select(Register).where(Register.kind == "general").order_by(Register.id)).scalar())
        if reg is None:
            raise ValidationError("not_initialised", field="register")
        dt = self._lookup(s, DocType, n.doc_type, "doc_type", "unknown_doc_type")
        comp = self._lookup(s, Compartment, n.compartment, "compartment", "unknown_compartment")
        assignee = self._user(s, n.assignee)
        if assignee is not None and comp is None and assignee.compartment_id:
            comp = s.get(Compartment, assignee.compartment_id)
        deadline = compute_deadline(now.date(), self._rule(dt), self.calendar(s)) if dt else None
        year = now.year
        number = s.execute(text("SELECT COALESCE(MAX(number), 0) + 1 FROM entry WHERE year = :y"),
                           {"y": year}).scalar_one()
        e = Entry(
            uuid=str(uuidlib.uuid4()), register=reg, year=year, number=number, number_suffix="",
            registered_at=ts, reg_date=now.date().isoformat(), direction=n.direction, doc_type=dt,
            channel=n.channel, issuer_ref=n.issuer_ref,
            sender_kind=n.sender.kind, sender_name=n.sender.name, sender_idno=n.sender.idno,
            sender_address=n.sender.address, recipient_kind=n.recipient.kind, recipient_name=n.recipient.name,
            recipient_idno=n.recipient.idno, recipient_address=n.recipient.address,
            subject=n.subject, summary=n.summary, pages=n.pages, annexes=n.annexes,
            compartment=comp, assignee=assignee, instruction=n.instruction,
            deadline=deadline.isoformat() if deadline else None,
            deadline_original=deadline.isoformat() if deadline else None,
            status="assigned" if (comp or assignee) else "registered",
            source=source, created_by=actor.username, updated_at=ts, version=1)
        s.add(e)
        s.flush()
        return e

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
                answer = self._insert(s, actor, new_reply, "desk")
                for (sha, size), name in stored:
                    self._add_attachment(s, actor, answer, sha, size, name, ts, audit=False)
                self._change(s, actor, ts, "register", answer, None)
            if answer is not None:
                self._link(s, answer, e, "reply")
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
            self._link(s, e, o, kind)
            if kind == "joined" and not e.joined_to:
                e.joined_to = self._ref(o)
            ts = self.db.now_iso()
            self._touch(e, ts)
            self._change(s, actor, ts, "link", e, before)
            return self._view(s, e, actor)

    def _link(self, s: Session, a: Entry, b: Entry, kind: str) -> None:
        exists = s.execute(select(EntryLink.id).where(EntryLink.entry_id == a.id, EntryLink.other_id == b.id,
                                                      EntryLink.kind == kind)).scalar()
        if not exists:
            s.add(EntryLink(entry_id=a.id, other_id=b.id, kind=kind, created_at=self.db.now_iso()))

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

    def _add_attachment(self, s: Session, actor: Actor, e: Entry, sha: str, size: int, name: str,
                        ts: str, audit: bool = True) -> Attachment:
        """Attachment row (+ blob row). With audit=False (files given at registration) the entry's own
        'register' event, which lists its attachments, is the audit record; the outbox still gets it."""
        if s.get(Blob, sha) is None:
            s.add(Blob(sha256=sha, size=size, created_at=ts))
            s.flush()
        fname = sanitise_filename(name)
        a = Attachment(uuid=str(uuidlib.uuid4()), entry_id=e.id, sha256=sha, filename=fname,
                       mime=mimetypes.guess_type(fname)[0] or "application/octet-stream", size=size,
                       added_at=ts, added_by=actor.username)
        s.add(a)
        s.flush()
        if audit:
            record_change(s, actor, ts, "attach", "attachment", a.uuid, a.version, None,
                          attachment_payload(a, e.uuid))
        else:
            append_outbox(s, "attachment", a.uuid, a.version, attachment_payload(a, e.uuid), ts)
        return a

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
            a = self._add_attachment(s, actor, e, sha, size, name, ts)
            self._touch(e, ts)
            self._change(s, actor, ts, "attach", e, before)
            return _att_view(a)

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

    def _view(self, s: Session, e: Entry, actor: Actor | None, reveal: bool = False) -> EntryView:
        def party(kind: str, name: str, idno: str, address: str) -> Party:
            return Party(name=name, kind=kind, idno=idno if reveal else mask(idno), address=address)

        atts = tuple(_att_view(a) for a in s.execute(
            select(Attachment).where(Attachment.entry_id == e.id).order_by(Attachment.id)).scalars())
        links: list[LinkView] = []
        rows = s.execute(text(
            "SELECT l.kind, o.number, o.number_suffix, o.year, o.subject, o.uuid, 0 FROM entry_link l "
            "JOIN entry o ON o.id = l.other_id WHERE l.entry_id = :id UNION ALL "
            "SELECT l.kind, o.number, o.number_suffix, o.year, o.subject, o.uuid, 1 FROM entry_link l "
            "JOIN entry o ON o.id = l.entry_id WHERE l.other_id = :id"), {"id": e.id}).all()
        for kind, num, suf, year, subj, uid, reverse in rows:
            k = ("reply_to" if not reverse else "reply") if kind == "reply" else kind
            links.append(LinkView(k, str(EntryRef(num, year, suf)), subj, uid))
        reply = None
        if e.reply_entry_id:
            r = s.get(Entry, e.reply_entry_id)
            reply = self._ref(r) if r else None
        today = self.db.today().isoformat()
        return EntryView(
            id=e.id, uuid=e.uuid, ref=self._ref(e), year=e.year, number=e.number, number_suffix=e.number_suffix,
            registered_at=e.registered_at, reg_date=e.reg_date, register=e.register.code, direction=e.direction,
            doc_type=e.doc_type.code if e.doc_type else None, doc_type_name=e.doc_type.name if e.doc_type else "",
            channel=e.channel, issuer_ref=e.issuer_ref,
            sender=party(e.sender_kind, e.sender_name, e.sender_idno, e.sender_address),
            recipient=party(e.recipient_kind, e.recipient_name, e.recipient_idno, e.recipient_address),
            subject=e.subject, summary=e.summary, pages=e.pages, annexes=e.annexes,
            compartment=e.compartment.code if e.compartment else None,
            compartment_name=e.compartment.name if e.compartment else "",
            assignee=e.assignee.username if e.assignee else None,
            assignee_name=(e.assignee.full_name or e.assignee.username) if e.assignee else "",
            instruction=e.instruction, deadline=e.deadline, deadline_original=e.deadline_original,
            status=e.status, resolution_kind=e.resolution_kind, resolution=e.resolution, resolved_at=e.resolved_at,
            reply=reply, dispatch_date=e.dispatch_date, joined_to=e.joined_to,
            dossier_indicator=e.dossier_indicator, cancelled_reason=e.cancelled_reason,
            cancelled_at=e.cancelled_at, cancelled_by=e.cancelled_by, source=e.source, created_by=e.created_by,
            version=e.version,
            overdue=bool(e.deadline and e.status in OPEN_STATUSES and e.deadline < today),
            attachments=atts, links=tuple(links))

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
            return [_row(r, today.isoformat()) for r in s.execute(text(sql + " LIMIT :limit OFFSET :offset"), params)]

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


def _row(r: Any, today: str) -> EntryRow:
    (eid, uid, num, suf, year, reg_date, direction, dtname, sender, recipient, subject, comp, assignee,
     deadline, status) = r
    party = sender if direction == "in" else (recipient or sender)
    return EntryRow(eid, uid, str(EntryRef(num, year, suf)), year, num, suf, reg_date, direction, dtname, party,
                    subject, comp, assignee, deadline, status,
                    bool(deadline and status in OPEN_STATUSES and deadline < today))


def _att_view(a: Attachment) -> AttachmentView:
    return AttachmentView(a.id, a.uuid, a.sha256, a.filename, a.mime, a.size, a.added_at, a.added_by)

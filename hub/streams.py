"""Publication streams going down: append-only logs with a per-stream server seq and an epoch.

Publishing locks the stream's row and takes `last_seq + 1`, so seqs are assigned in commit order and a
reader that saw `last_seq = L` can never later find an item below L appear (no lost items between
concurrent publishers on several workers). An item is visible to a commune if it targets all communes
or lists it. Narrowing an item's audience publishes a withdrawal (payload null) to the communes dropped.
`rebuild()` compacts a stream (keeps each item's newest version, drops withdrawals) and bumps the
epoch: older cursors then answer 410 and clients re-download that stream only.
"""
from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, exists, func, or_, select, update
from sqlalchemy.orm import Session

from hub.db import Database
from hub.errors import HubError
from hub.models import Commune, MessageTarget, PubItem, PubTarget, Stream, utcnow
from sync.protocol import STREAMS, PubItem as WireItem, PullPage, decode_cursor, encode_cursor, stream_checksum

SYNC_PAGE_ITEMS = 200
DEFAULT_PAGE_ITEMS = 500
MAX_PAGE_ITEMS = 1000
_CHECKSUM_CACHE_SIZE = 4096


@dataclass(frozen=True)
class Publication:
    item_id: str
    kind: str
    payload: dict[str, Any] | None   # None withdraws the item


@dataclass(frozen=True)
class PublishResult:
    published: int
    unchanged: int


def check_stream(name: str) -> str:
    if name not in STREAMS:
        raise HubError(404, "unknown_stream", f"Flux necunoscut: {name}.")
    return name


def _lock_stream(db: Database, s: Session, name: str) -> Stream:
    table = Stream.__table__
    s.execute(db.insert(table).values(name=name, epoch=1, last_seq=0).on_conflict_do_nothing())
    return s.scalars(select(Stream).where(Stream.name == name).with_for_update()).one()


def _visible(commune_id: int) -> Any:
    return or_(PubItem.targets_all.is_(True),
               exists().where(PubTarget.pub_item_id == PubItem.id, PubTarget.commune_id == commune_id))


def _audience(s: Session, row: PubItem | None) -> set[int] | None:
    """Communes that currently hold an item (None = all); empty if it was withdrawn."""
    if row is None or row.payload is None:
        return set()
    if row.targets_all:
        return None
    return set(s.scalars(select(PubTarget.commune_id).where(PubTarget.pub_item_id == row.id)))


def publish(db: Database, stream: str, items: list[Publication], targets: list[int] | None, by: str,
            session: Session | None = None) -> PublishResult:
    """Publish items to all communes (`targets=None`) or to the listed commune ids."""
    check_stream(stream)
    if session is not None:
        return _publish(db, session, stream, items, targets, by)
    with db.write() as s:
        return _publish(db, s, stream, items, targets, by)


def _publish(db: Database, s: Session, stream: str, items: list[Publication], targets: list[int] | None,
             by: str) -> PublishResult:
    row = _lock_stream(db, s, stream)
    now = utcnow()
    published = unchanged = 0
    new_audience = None if targets is None else set(targets)
    for item in items:
        latest = s.scalars(select(PubItem).where(PubItem.stream == stream, PubItem.item_id == item.item_id,
                                                 PubItem.payload.is_not(None))
                           .order_by(PubItem.version.desc()).limit(1)).first()
        last_version = s.scalar(select(func.max(PubItem.version)).where(PubItem.stream == stream,
                                                                         PubItem.item_id == item.item_id)) or 0
        old_audience = _audience(s, latest) if latest is not None and latest.version == last_version else set()
        if item.payload is None:
            new_audience_item: set[int] | None = old_audience
        else:
            new_audience_item = new_audience
        if latest is not None and latest.version == last_version and latest.payload == item.payload \
                and old_audience == new_audience_item:
            unchanged += 1
            continue
        if item.payload is None and old_audience == set():
            unchanged += 1  # nothing to withdraw
            continue
        version = last_version + 1
        row.last_seq += 1
        _insert_item(s, stream, row.last_seq, item, version, new_audience_item, now, by)
        if item.payload is not None and latest is not None:
            dropped = _dropped(s, old_audience, new_audience_item)
            if dropped:
                row.last_seq += 1
                _insert_item(s, stream, row.last_seq, Publication(item.item_id, item.kind, None), version,
                             dropped, now, by)
        published += 1
    return PublishResult(published=published, unchanged=unchanged)


def _dropped(s: Session, old: set[int] | None, new: set[int] | None) -> set[int]:
    if new is None:
        return set()
    if old is None:
        old = set(s.scalars(select(Commune.id)))
    return old - new


def _insert_item(s: Session, stream: str, seq: int, item: Publication, version: int, audience: set[int] | None,
                 now: datetime, by: str) -> int:
    row = PubItem(stream=stream, seq=seq, kind=item.kind, item_id=item.item_id, version=version,
                  payload=item.payload, targets_all=audience is None, published_at=now, published_by=by)
    s.add(row)
    s.flush()
    if audience:
        s.execute(PubTarget.__table__.insert(), [{"pub_item_id": row.id, "commune_id": c} for c in sorted(audience)])
    return seq


def rebuild(db: Database, stream: str) -> int:
    """Compact the stream and bump its epoch; returns the new epoch."""
    check_stream(stream)
    with db.write() as s:
        row = _lock_stream(db, s, stream)
        newest = (select(PubItem.item_id, func.max(PubItem.version).label("v"))
                  .where(PubItem.stream == stream).group_by(PubItem.item_id).subquery())
        keep = select(PubItem.id).join(newest, (newest.c.item_id == PubItem.item_id) & (newest.c.v == PubItem.version)) \
            .where(PubItem.stream == stream, PubItem.payload.is_not(None))
        doomed = select(PubItem.id).where(PubItem.stream == stream, PubItem.id.not_in(keep))
        s.execute(delete(PubTarget).where(PubTarget.pub_item_id.in_(doomed)))
        s.execute(delete(PubItem).where(PubItem.id.in_(select(doomed.subquery().c.id))))
        row.epoch += 1
        row.rebuilt_at = utcnow()
        return row.epoch


# --- reading -----------------------------------------------------------------------------------------

_checksums: OrderedDict[tuple[str, int, int, int], tuple[int, str]] = OrderedDict()


def _stream_state(s: Session, stream: str) -> tuple[int, int]:
    row = s.execute(select(Stream.epoch, Stream.last_seq).where(Stream.name == stream)).first()
    return (row.epoch, row.last_seq) if row else (1, 0)


def _checksum(s: Session, stream: str, epoch: int, last_seq: int, commune_id: int) -> tuple[int, str]:
    """(total, checksum) of the items a commune holds; cached per data version (safe across workers)."""
    key = (stream, epoch, last_seq, commune_id)
    if key in _checksums:
        _checksums.move_to_end(key)
        return _checksums[key]
    latest: dict[str, tuple[int, bool]] = {}
    rows = s.execute(select(PubItem.item_id, PubItem.version, PubItem.payload.is_(None))
                     .where(PubItem.stream == stream, PubItem.seq <= last_seq, _visible(commune_id))
                     .order_by(PubItem.item_id, PubItem.version, PubItem.seq))
    for item_id, version, withdrawn in rows:
        latest[item_id] = (version, withdrawn)
    pairs = [(item_id, v) for item_id, (v, withdrawn) in latest.items() if not withdrawn]
    result = (len(pairs), stream_checksum(pairs))
    _checksums[key] = result
    if len(_checksums) > _CHECKSUM_CACHE_SIZE:
        _checksums.popitem(last=False)
    return result


class StaleCursor(Exception):
    pass


def _parse_cursor(cursor: str, epoch: int, last_seq: int) -> int:
    """The seq after which to read; raises StaleCursor for another epoch or a seq from the future."""
    try:
        c_epoch, c_seq = decode_cursor(cursor)
    except ValueError:
        raise HubError(422, "bad_cursor", "Cursor invalid.") from None
    if not cursor:
        return 0
    if c_epoch != epoch or c_seq > last_seq or c_seq < 0:
        raise StaleCursor
    return c_seq


def read_page(db: Database, commune_id: int, stream: str, cursor: str, limit: int,
              reset_on_stale: bool = False) -> PullPage:
    """A page of what follows `cursor` for a commune (410 'stale_cursor' unless `reset_on_stale`)."""
    check_stream(stream)
    with db.read() as s:
        epoch, last_seq = _stream_state(s, stream)
        reset = False
        try:
            after = _parse_cursor(cursor, epoch, last_seq)
        except StaleCursor:
            if not reset_on_stale:
                raise HubError(410, "stale_cursor", "Fluxul a fost reconstruit; descărcați-l din nou de la început "
                                                    "(cursor gol).") from None
            after, reset = 0, True
        rows = s.execute(select(PubItem.seq, PubItem.kind, PubItem.item_id, PubItem.version, PubItem.payload)
                         .where(PubItem.stream == stream, PubItem.seq > after, PubItem.seq <= last_seq,
                                _visible(commune_id))
                         .order_by(PubItem.seq).limit(limit + 1)).all()
        more = len(rows) > limit
        rows = rows[:limit]
        next_seq = rows[-1].seq if more else last_seq
        total, checksum = _checksum(s, stream, epoch, last_seq, commune_id)
    if stream == "circulars" and after:
        mark_delivered(db, commune_id, after)
    items = [WireItem(seq=r.seq, kind=r.kind, id=r.item_id, version=r.version, payload=r.payload) for r in rows]
    return PullPage(stream=stream, items=items, cursor=encode_cursor(epoch, next_seq), more=more, total=total,
                    checksum=checksum, reset=reset)


def mark_delivered(db: Database, commune_id: int, upto_seq: int) -> None:
    """A commune's circulars cursor moved past a message: it has stored it (delivery receipt)."""
    cond = (MessageTarget.commune_id == commune_id, MessageTarget.delivered_at.is_(None),
            MessageTarget.pub_seq <= upto_seq)
    with db.read() as s:
        if s.scalar(select(MessageTarget.message_id).where(*cond).limit(1)) is None:
            return
    with db.write() as s:
        s.execute(update(MessageTarget).where(*cond).values(delivered_at=utcnow()))


def unchanged_streams(db: Database, cursors: dict[str, str]) -> set[str]:
    """Streams with nothing after the cursor: it points at the stream's end, or the stream is empty and the
    cursor is '' (one query instead of a page each)."""
    with db.read() as s:
        ends = {name: (epoch, last_seq)
                for name, epoch, last_seq in s.execute(select(Stream.name, Stream.epoch, Stream.last_seq))}
    out = set()
    for name, cursor in cursors.items():
        epoch, last_seq = ends.get(name, (1, 0))
        if cursor == encode_cursor(epoch, last_seq) or (cursor == "" and last_seq == 0):
            out.add(name)
    return out


def visible_item(db: Database, commune_id: int, stream: str, item_id: str) -> WireItem | None:
    """The newest version of one item as the commune sees it, or None if it never targeted the commune."""
    check_stream(stream)
    with db.read() as s:
        r = s.execute(select(PubItem.seq, PubItem.kind, PubItem.version, PubItem.payload)
                      .where(PubItem.stream == stream, PubItem.item_id == item_id, _visible(commune_id))
                      .order_by(PubItem.version.desc(), PubItem.seq.desc()).limit(1)).first()
    return None if r is None else WireItem(seq=r.seq, kind=r.kind, id=item_id, version=r.version, payload=r.payload)


def item_exists(db: Database, stream: str, item_id: str) -> bool:
    with db.read() as s:
        return s.scalar(select(PubItem.id).where(PubItem.stream == stream, PubItem.item_id == item_id).limit(1)) \
            is not None


@dataclass(frozen=True)
class CurrentItem:
    item_id: str
    version: int
    payload: dict[str, Any]
    targets_all: bool
    target_codes: list[str]
    published_at: datetime
    published_by: str


def current_items(db: Database, stream: str) -> list[CurrentItem]:
    """The newest published (not withdrawn) version of every item, for the admin."""
    check_stream(stream)
    with db.read() as s:
        newest = (select(PubItem.item_id, func.max(PubItem.version).label("v"))
                  .where(PubItem.stream == stream).group_by(PubItem.item_id).subquery())
        rows = s.scalars(select(PubItem).join(newest, (newest.c.item_id == PubItem.item_id)
                                              & (newest.c.v == PubItem.version))
                         .where(PubItem.stream == stream, PubItem.payload.is_not(None))
                         .order_by(PubItem.item_id)).all()
        codes: dict[int, list[str]] = {}
        ids = [r.id for r in rows if not r.targets_all]
        if ids:
            for pid, code in s.execute(select(PubTarget.pub_item_id, Commune.code)
                                       .join(Commune, Commune.id == PubTarget.commune_id)
                                       .where(PubTarget.pub_item_id.in_(ids)).order_by(Commune.code)):
                codes.setdefault(pid, []).append(code)
    return [CurrentItem(r.item_id, r.version, r.payload or {}, r.targets_all, codes.get(r.id, []), r.published_at,
                        r.published_by) for r in rows]


@dataclass(frozen=True)
class ItemVersion:
    seq: int
    version: int
    payload: dict[str, Any] | None
    targets_all: bool
    target_codes: list[str]
    published_at: datetime
    published_by: str


def item_history(db: Database, stream: str, item_id: str) -> list[ItemVersion]:
    """Every version of an item, newest first (withdrawals have no payload)."""
    check_stream(stream)
    with db.read() as s:
        rows = s.scalars(select(PubItem).where(PubItem.stream == stream, PubItem.item_id == item_id)
                         .order_by(PubItem.seq.desc())).all()
        codes: dict[int, list[str]] = {}
        if rows:
            for pid, code in s.execute(select(PubTarget.pub_item_id, Commune.code)
                                       .join(Commune, Commune.id == PubTarget.commune_id)
                                       .where(PubTarget.pub_item_id.in_([r.id for r in rows]))
                                       .order_by(Commune.code)):
                codes.setdefault(pid, []).append(code)
    return [ItemVersion(r.seq, r.version, r.payload, r.targets_all, codes.get(r.id, []), r.published_at,
                        r.published_by) for r in rows]


def stream_overview(db: Database) -> dict[str, tuple[int, int, int]]:
    """stream -> (epoch, last_seq, current item count)."""
    out = {}
    with db.read() as s:
        for name in STREAMS:
            epoch, last_seq = _stream_state(s, name)
            count = s.scalar(select(func.count(func.distinct(PubItem.item_id))).where(PubItem.stream == name)) or 0
            out[name] = (epoch, last_seq, count)
    return out

"""Blob bookkeeping: which commune may read a blob, uploads in progress, chunks, the final hash check.

A commune gets access to a blob by uploading its bytes (proof of possession; the file is stored once per
hub whoever uploads it) or by being sent it in a circular. Asking whether a blob is missing is answered
per commune, so a commune learns nothing about another commune's files.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import BinaryIO

from sqlalchemy import select, update

from hub.blobstore import BlobStore
from hub.db import Database
from hub.errors import HubError
from hub.messages import OutgoingFile
from hub.models import Blob, BlobAccess, BlobRef, BlobUpload, utcnow
from sync.protocol import BlobStatus


@dataclass(frozen=True)
class ChunkResult:
    status: BlobStatus
    mismatch: bool = False


def has_access(db: Database, commune_id: int, sha256: str) -> int | None:
    """The blob's size if the commune may download it, else None."""
    with db.read() as s:
        return s.scalar(select(Blob.size).join(BlobAccess, BlobAccess.sha256 == Blob.sha256)
                        .where(Blob.sha256 == sha256, BlobAccess.commune_id == commune_id))


def exists_anywhere(db: Database, sha256: str) -> bool:
    with db.read() as s:
        return s.get(Blob, sha256) is not None


def missing(db: Database, commune_id: int, hashes: list[str]) -> list[str]:
    wanted = sorted(set(hashes))
    with db.read() as s:
        have: set[str] = set()
        for i in range(0, len(wanted), 500):
            have |= set(s.scalars(select(BlobAccess.sha256).where(BlobAccess.commune_id == commune_id,
                                                                   BlobAccess.sha256.in_(wanted[i:i + 500]))))
    return [h for h in wanted if h not in have]


def status(db: Database, commune_id: int, sha256: str) -> BlobStatus | None:
    size = has_access(db, commune_id, sha256)
    if size is not None:
        return BlobStatus(sha256=sha256, size=size, offset=size, complete=True)
    with db.read() as s:
        up = s.get(BlobUpload, (commune_id, sha256))
    return None if up is None else BlobStatus(sha256=sha256, size=up.size, offset=up.offset, complete=False)


def create_upload(db: Database, commune_id: int, sha256: str, size: int) -> tuple[BlobStatus, bool]:
    """Start (or find) the commune's upload; returns (status, created)."""
    current = status(db, commune_id, sha256)
    if current is not None:
        if current.size != size:
            raise HubError(409, "size_conflict", f"Încărcarea există deja cu dimensiunea {current.size}.",
                           detail={"size": current.size, "offset": current.offset})
        return current, False
    now = utcnow()
    table = BlobUpload.__table__
    with db.write() as s:
        s.execute(db.insert(table).values(commune_id=commune_id, sha256=sha256, size=size, offset=0,
                                          created_at=now, updated_at=now).on_conflict_do_nothing())
    current = status(db, commune_id, sha256)
    assert current is not None
    return current, True


def write_chunk(db: Database, store: BlobStore, commune_id: int, sha256: str, offset: int, data: bytes) -> ChunkResult:
    """Append a chunk at `offset` (must equal the stored offset); at the end verify the whole SHA-256."""
    with db.write() as s:
        up = s.scalars(select(BlobUpload).where(BlobUpload.commune_id == commune_id, BlobUpload.sha256 == sha256)
                       .with_for_update()).first()
        if up is None:
            done = has_access(db, commune_id, sha256)
            if done is not None:
                return ChunkResult(BlobStatus(sha256=sha256, size=done, offset=done, complete=True))
            raise HubError(404, "not_found", "Nu există o încărcare începută pentru acest fișier.")
        if offset != up.offset:
            raise HubError(409, "offset_mismatch", f"Offset greșit; continuați de la {up.offset}.",
                           detail={"offset": up.offset}, headers={"Upload-Offset": str(up.offset)})
        if offset + len(data) > up.size:
            raise HubError(413, "too_large", "Fragmentul depășește dimensiunea declarată.")
        store.write_chunk(commune_id, sha256, offset, data)
        up.offset = offset + len(data)
        up.updated_at = utcnow()
        if up.offset < up.size:
            return ChunkResult(BlobStatus(sha256=sha256, size=up.size, offset=up.offset, complete=False))
        size = up.size
        s.delete(up)
        if store.partial_sha256(commune_id, sha256) != sha256:
            store.discard(commune_id, sha256)
            return ChunkResult(BlobStatus(sha256=sha256, size=size, offset=0, complete=False), mismatch=True)
        store.finish(commune_id, sha256)
        _grant(db, s, sha256, size, commune_id)
    return ChunkResult(BlobStatus(sha256=sha256, size=size, offset=size, complete=True))


def _grant(db: Database, s, sha256: str, size: int, commune_id: int | None) -> None:  # type: ignore[no-untyped-def]
    s.execute(db.insert(Blob.__table__).values(sha256=sha256, size=size, created_at=utcnow())
              .on_conflict_do_nothing())
    if commune_id is not None:
        s.execute(db.insert(BlobAccess.__table__).values(sha256=sha256, commune_id=commune_id)
                  .on_conflict_do_nothing())
        s.execute(update(BlobRef).where(BlobRef.commune_id == commune_id, BlobRef.sha256 == sha256)
                  .values(pending=False))


def store_county_file(db: Database, store: BlobStore, source: BinaryIO, filename: str, max_bytes: int) -> OutgoingFile:
    """Put a file the county sends (web admin, CLI) into the store."""
    try:
        sha256, size = store.put(source, max_bytes)
    except ValueError as exc:
        raise HubError(413, "too_large", f"Fișierul {filename} este prea mare.") from exc
    with db.write() as s:
        _grant(db, s, sha256, size, None)
    return OutgoingFile(sha256=sha256, filename=filename, size=size)


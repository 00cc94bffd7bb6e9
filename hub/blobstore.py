"""Content-addressed blob files under the data dir: `blobs/ab/cdef…` (final) and `uploads/<commune>/<sha>.part`.

Paths are built only from a validated lower-case hex SHA-256 and an integer commune id, never from
other user input.
"""
from __future__ import annotations

import hashlib
import os
import re
import tempfile
from pathlib import Path
from typing import BinaryIO

SHA256_RE = re.compile(r"^[0-9a-f]{64}$")
COPY_BUF = 1024 * 1024


def is_sha256(value: str) -> bool:
    return bool(SHA256_RE.fullmatch(value))


def _checked(sha256: str) -> str:
    if not is_sha256(sha256):
        raise ValueError("not a lower-case hex SHA-256")
    return sha256


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(COPY_BUF):
            h.update(chunk)
    return h.hexdigest()


class BlobStore:
    def __init__(self, blob_dir: Path, upload_dir: Path) -> None:
        self.blob_dir, self.upload_dir = blob_dir, upload_dir

    def path(self, sha256: str) -> Path:
        sha256 = _checked(sha256)
        return self.blob_dir / sha256[:2] / sha256[2:]

    def exists(self, sha256: str) -> bool:
        return self.path(sha256).is_file()

    def partial_path(self, commune_id: int, sha256: str) -> Path:
        return self.upload_dir / str(int(commune_id)) / f"{_checked(sha256)}.part"

    def write_chunk(self, commune_id: int, sha256: str, offset: int, data: bytes) -> None:
        """Write `data` at `offset`, first cutting the partial file back to `offset`; durable on return."""
        path = self.partial_path(commune_id, sha256)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            os.ftruncate(fd, offset)
            os.lseek(fd, offset, os.SEEK_SET)
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
            os.fsync(fd)
        finally:
            os.close(fd)

    def partial_sha256(self, commune_id: int, sha256: str) -> str:
        return file_sha256(self.partial_path(commune_id, sha256))

    def discard(self, commune_id: int, sha256: str) -> None:
        self.partial_path(commune_id, sha256).unlink(missing_ok=True)

    def finish(self, commune_id: int, sha256: str) -> None:
        """Move a verified partial into place (or drop it if another upload got there first)."""
        src = self.partial_path(commune_id, sha256)
        dst = self.path(sha256)
        if dst.is_file():
            src.unlink(missing_ok=True)
            return
        dst.parent.mkdir(parents=True, exist_ok=True)
        os.replace(src, dst)
        _fsync_dir(dst.parent)

    def put(self, source: BinaryIO, max_bytes: int) -> tuple[str, int]:
        """Store a whole file given by the county (web admin, CLI); returns (sha256, size)."""
        self.upload_dir.mkdir(parents=True, exist_ok=True)
        h = hashlib.sha256()
        size = 0
        fd, tmp = tempfile.mkstemp(dir=self.upload_dir, prefix="county-", suffix=".part")
        try:
            with os.fdopen(fd, "wb") as out:
                while chunk := source.read(COPY_BUF):
                    size += len(chunk)
                    if size > max_bytes:
                        raise ValueError(f"file larger than {max_bytes} bytes")
                    h.update(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            sha256 = h.hexdigest()
            dst = self.path(sha256)
            if not dst.is_file():
                dst.parent.mkdir(parents=True, exist_ok=True)
                os.replace(tmp, dst)
                _fsync_dir(dst.parent)
            return sha256, size
        finally:
            Path(tmp).unlink(missing_ok=True)


def _fsync_dir(path: Path) -> None:
    if os.name == "nt":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)

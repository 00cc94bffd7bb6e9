"""Content-addressed file store: `blobs/<sha[:2]>/<sha[2:]>` under the data dir.

A file is written once per content (deduplicated by SHA-256), via a temporary file that is fsynced
and renamed into place, so a power cut never leaves a half-written blob under a valid name. Every
read verifies the hash; a missing or corrupted file raises `IntegrityProblem`, never passes silently.
Paths are built only from validated hex digests, never from user-supplied names.
"""
from __future__ import annotations

import hashlib
import os
import re
import tempfile
import unicodedata
from pathlib import Path
from typing import BinaryIO, Iterator

from .errors import IntegrityProblem, ValidationError

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_CHUNK = 1024 * 1024


def check_sha(sha: str) -> str:
    if not _HEX64.match(sha or ""):
        raise ValueError(f"not a sha256 hex digest: {sha!r}")
    return sha


class BlobStore:
    def __init__(self, root: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.root = Path(root)
        self.max_bytes = max_bytes

    def path(self, sha: str) -> Path:
        sha = check_sha(sha)
        return self.root / sha[:2] / sha[2:]

    def exists(self, sha: str) -> bool:
        return self.path(sha).is_file()

    def put_stream(self, stream: BinaryIO, label: str = "") -> tuple[str, int]:
        """Store the stream's content; returns (sha256, size). Refuses empty or oversize content."""
        self.root.mkdir(parents=True, exist_ok=True)
        tmpdir = self.root / "tmp"
        tmpdir.mkdir(exist_ok=True)
        h = hashlib.sha256()
        size = 0
        fd, tmpname = tempfile.mkstemp(dir=tmpdir, prefix="in-")
        try:
            with os.fdopen(fd, "wb") as out:
                while True:
                    chunk = stream.read(_CHUNK)
                    if not chunk:
                        break
                    size += len(chunk)
                    if size > self.max_bytes:
                        raise ValidationError("file_too_large", field="file", size=round(size / 1048576, 1),
                                              limit=round(self.max_bytes / 1048576))
                    h.update(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            if size == 0:
                raise ValidationError("file_empty", field="file", path=label)
            sha = h.hexdigest()
            final = self.path(sha)
            if final.exists() and self._hash_file(final) == sha:
                return sha, size  # deduplicated
            final.parent.mkdir(parents=True, exist_ok=True)
            os.replace(tmpname, final)
            tmpname = ""
            _fsync_dir(final.parent)
            return sha, size
        finally:
            if tmpname:
                Path(tmpname).unlink(missing_ok=True)

    def put_file(self, path: Path) -> tuple[str, int]:
        try:
            size = path.stat().st_size
            if size > self.max_bytes:
                raise ValidationError("file_too_large", field="file", size=round(size / 1048576, 1),
                                      limit=round(self.max_bytes / 1048576))
            with open(path, "rb") as f:
                return self.put_stream(f, label=str(path))
        except (FileNotFoundError, IsADirectoryError, PermissionError) as exc:
            raise ValidationError("file_missing", field="file", path=str(path)) from exc

    def put_bytes(self, data: bytes, label: str = "") -> tuple[str, int]:
        import io
        return self.put_stream(io.BytesIO(data), label=label)

    def _hash_file(self, path: Path) -> str:
        h = hashlib.sha256()
        with open(path, "rb") as f:
            for chunk in iter(lambda: f.read(_CHUNK), b""):
                h.update(chunk)
        return h.hexdigest()

    def verify(self, sha: str) -> None:
        p = self.path(sha)
        if not p.is_file():
            raise IntegrityProblem("blob_missing", sha=sha)
        if self._hash_file(p) != sha:
            raise IntegrityProblem("blob_corrupt", sha=sha)

    def read(self, sha: str) -> bytes:
        p = self.path(sha)
        try:
            data = p.read_bytes()
        except FileNotFoundError as exc:
            raise IntegrityProblem("blob_missing", sha=sha) from exc
        if hashlib.sha256(data).hexdigest() != sha:
            raise IntegrityProblem("blob_corrupt", sha=sha)
        return data

    def remove(self, sha: str) -> None:
        self.path(sha).unlink(missing_ok=True)

    def iter_hashes(self) -> Iterator[str]:
        if not self.root.is_dir():
            return
        for sub in self.root.iterdir():
            if len(sub.name) == 2 and sub.is_dir():
                for f in sub.iterdir():
                    if _HEX64.match(sub.name + f.name):
                        yield sub.name + f.name


def _fsync_dir(path: Path) -> None:
    if os.name == "nt":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


_WIN_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}


def sanitise_filename(name: str, max_len: int = 120) -> str:
    """A display/export file name safe on Windows and Linux: no directories, control or reserved
    characters, no reserved device names, bounded length, extension kept."""
    name = unicodedata.normalize("NFC", name or "")
    name = name.replace("\\", "/").split("/")[-1]
    name = "".join(c for c in name if c >= " " and c not in '<>:"|?*\x7f')
    name = name.strip(" .")
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    if stem.upper() in _WIN_RESERVED:
        stem = "_" + stem
    ext = ext[:10]
    stem = stem[: max_len - len(ext) - 1] if ext else stem[:max_len]
    result = f"{stem}.{ext}" if ext and stem else (stem or ext)
    return result or "fisier"

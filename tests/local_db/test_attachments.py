"""Attachments: content-addressed, deduplicated, verified on read; bad files refused clearly."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from local_db import Registry, SYSTEM
from local_db.blobs import sanitise_filename
from local_db.errors import IntegrityProblem, ValidationError

from .helpers import petition


def test_same_content_is_stored_once_and_read_back_verified(registry: Registry, tmp_path: Path) -> None:
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4 scan " * 1000)
    a = registry.entries.register(SYSTEM, petition(attachments=[str(scan)]))
    b = registry.entries.register(SYSTEM, petition())
    att = registry.entries.attach(SYSTEM, b.ref, path=scan, filename="copie.pdf")
    sha = hashlib.sha256(scan.read_bytes()).hexdigest()
    assert a.attachments[0].sha256 == att.sha256 == sha
    assert len(list(registry.db.blobs.iter_hashes())) == 1
    assert registry.db.blobs.path(sha) == registry.data_dir / "blobs" / sha[:2] / sha[2:]
    assert registry.entries.read_attachment(att.id) == scan.read_bytes()
    out = registry.entries.export_attachment(att.id, tmp_path / "out")
    assert out.read_bytes() == scan.read_bytes() and out.name == "copie.pdf"


def test_corrupted_and_missing_blobs_are_reported(registry: Registry, tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("conținut original")
    v = registry.entries.register(SYSTEM, petition(attachments=[str(f)]))
    att = v.attachments[0]
    path = registry.db.blobs.path(att.sha256)
    path.write_text("conținut modificat")
    with pytest.raises(IntegrityProblem) as exc:
        registry.entries.read_attachment(att.id)
    assert exc.value.code == "blob_corrupt"
    rep = registry.verify()
    assert not rep.ok and any(att.sha256 in p for p in rep.problems)
    path.unlink()
    with pytest.raises(IntegrityProblem) as exc:
        registry.entries.read_attachment(att.id)
    assert exc.value.code == "blob_missing"
    assert any("lipsește" in p for p in registry.verify().problems)


def test_size_limit_empty_and_missing_files(data_dir: Path, tmp_path: Path) -> None:
    with Registry.open(data_dir, blob_max_bytes=1000) as reg:
        big = tmp_path / "mare.pdf"
        big.write_bytes(b"x" * 1001)
        with pytest.raises(ValidationError) as exc:
            reg.entries.register(SYSTEM, petition(attachments=[str(big)]))
        assert exc.value.code == "file_too_large" and exc.value.field == "file"
        empty = tmp_path / "gol.pdf"
        empty.write_bytes(b"")
        with pytest.raises(ValidationError) as exc:
            reg.entries.register(SYSTEM, petition(attachments=[str(empty)]))
        assert exc.value.code == "file_empty"
        with pytest.raises(ValidationError) as exc:
            reg.entries.register(SYSTEM, petition(attachments=[str(tmp_path / "nu-exista.pdf")]))
        assert exc.value.code == "file_missing"
        assert reg.entries.count() == 0
        assert list((reg.data_dir / "blobs" / "tmp").iterdir()) == []


@pytest.mark.parametrize("raw,clean", [
    ("../../etc/passwd", "passwd"), ("C:\\Windows\\system32\\cmd.exe", "cmd.exe"), ("CON.txt", "_CON.txt"),
    ('a<b>c:"d|e?f*.pdf', "abcdef.pdf"), ("  .hidden. ", "hidden"), ("", "fisier"), ("ședință.PDF", "ședință.PDF"),
    ("x" * 300 + ".pdf", "x" * 116 + ".pdf"), ("nul", "_nul"), ("a\x00b\nc.txt", "abc.txt"),
])
def test_file_names_are_sanitised(raw: str, clean: str) -> None:
    assert sanitise_filename(raw) == clean


def test_attachment_names_are_sanitised_when_stored(registry: Registry) -> None:
    v = registry.entries.register(SYSTEM, petition())
    att = registry.entries.attach(SYSTEM, v.ref, data=b"abc", filename="../../../evil.sh")
    assert att.filename == "evil.sh"

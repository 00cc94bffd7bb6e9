"""Blobs: resumable upload across a cut, per-chunk and whole-file hash checks, Range downloads, limits."""
from __future__ import annotations

import base64
import hashlib
import os
import socket
import time

from tests.hub.conftest import HubServer

CHUNK = 256 * 1024


def _blob(size: int, seed: int = 1) -> tuple[bytes, str]:
    data = (hashlib.sha256(str(seed).encode()).digest() * (size // 32 + 1))[:size]
    data = bytes(b ^ (i % 251) for i, b in enumerate(data))
    return data, hashlib.sha256(data).hexdigest()


def _patch(client, sha: str, offset: int, chunk: bytes, checksum: bool = True):  # type: ignore[no-untyped-def]
    headers = {"Upload-Offset": str(offset), "Content-Type": "application/offset+octet-stream"}
    if checksum:
        headers["Upload-Checksum"] = "sha256 " + base64.b64encode(hashlib.sha256(chunk).digest()).decode()
    return client.patch(f"/api/v1/blobs/{sha}", content=chunk, headers=headers)


def _cut_patch(server: HubServer, token: str, sha: str, offset: int, declared: int, sent: bytes,
               checksum: str | None = None) -> None:
    """Send a PATCH declaring `declared` bytes, send only `sent`, then drop the connection."""
    lines = [f"PATCH /api/v1/blobs/{sha} HTTP/1.1", f"Host: 127.0.0.1:{server.port}",
             f"Authorization: Bearer {token}", f"Upload-Offset: {offset}", f"Content-Length: {declared}",
             "Content-Type: application/offset+octet-stream"]
    if checksum:
        lines.append(f"Upload-Checksum: sha256 {checksum}")
    with socket.create_connection(("127.0.0.1", server.port)) as sock:
        sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode() + sent)
        time.sleep(0.2)
        sock.shutdown(socket.SHUT_RDWR)


def _offset(client, sha: str) -> int:  # type: ignore[no-untyped-def]
    r = client.head(f"/api/v1/blobs/{sha}")
    assert r.status_code == 200
    return int(r.headers["Upload-Offset"])


def test_resumable_upload_across_a_cut(hub_server: HubServer) -> None:
    dev = hub_server.enrol(hub_server.new_commune())
    data, sha = _blob(3 * CHUNK + 1000)
    assert dev.client.post("/api/v1/blobs/missing", json={"hashes": [sha]}).json() == {"missing": [sha]}
    r = dev.client.post(f"/api/v1/blobs/{sha}", json={"size": len(data)})
    assert r.status_code == 201 and r.json() == {"sha256": sha, "size": len(data), "offset": 0, "complete": False}
    assert dev.client.post(f"/api/v1/blobs/{sha}", json={"size": len(data)}).status_code == 200
    assert _patch(dev.client, sha, 0, data[:CHUNK]).json()["offset"] == CHUNK
    # cut in the middle of a checksummed chunk: the partial chunk is not kept
    digest = base64.b64encode(hashlib.sha256(data[CHUNK:2 * CHUNK]).digest()).decode()
    _cut_patch(hub_server, dev.token, sha, CHUNK, CHUNK, data[CHUNK:CHUNK + 100_000], checksum=digest)
    assert _offset(dev.client, sha) == CHUNK
    # cut in the middle of a chunk sent without checksum: the bytes that arrived are kept
    _cut_patch(hub_server, dev.token, sha, CHUNK, CHUNK, data[CHUNK:CHUNK + 100_000])
    deadline = time.monotonic() + 10
    while _offset(dev.client, sha) == CHUNK and time.monotonic() < deadline:
        time.sleep(0.05)
    offset = _offset(dev.client, sha)
    assert offset == CHUNK + 100_000
    # a wrong offset is refused with the right one
    r = _patch(dev.client, sha, 0, data[:10])
    assert r.status_code == 409 and r.json()["error"] == "offset_mismatch" and r.json()["detail"]["offset"] == offset
    while offset < len(data):
        r = _patch(dev.client, sha, offset, data[offset:offset + CHUNK])
        assert r.status_code == 200, r.text
        offset = r.json()["offset"]
    assert r.json()["complete"] is True
    assert dev.client.post("/api/v1/blobs/missing", json={"hashes": [sha]}).json() == {"missing": []}
    got = dev.client.get(f"/api/v1/blobs/{sha}")
    assert got.status_code == 200 and hashlib.sha256(got.content).hexdigest() == sha
    part = dev.client.get(f"/api/v1/blobs/{sha}", headers={"Range": "bytes=1000-1999"})
    assert part.status_code == 206 and part.content == data[1000:2000]
    assert part.headers["Content-Range"] == f"bytes 1000-1999/{len(data)}"
    tail = dev.client.get(f"/api/v1/blobs/{sha}", headers={"Range": "bytes=-10"})
    assert tail.content == data[-10:]
    bad = dev.client.get(f"/api/v1/blobs/{sha}", headers={"Range": f"bytes={len(data)}-"})
    assert bad.status_code == 416 and bad.json()["error"] == "range_not_satisfiable"
    stored = hub_server.data_dir / "blobs" / sha[:2] / sha[2:]
    assert stored.read_bytes() == data


def test_hash_mismatch_refused_and_retry_works(hub_server: HubServer) -> None:
    dev = hub_server.enrol(hub_server.new_commune())
    data, sha = _blob(CHUNK + 10, seed=2)
    corrupt = bytearray(data)
    corrupt[5] ^= 0xFF
    dev.client.post(f"/api/v1/blobs/{sha}", json={"size": len(data)})
    _patch(dev.client, sha, 0, bytes(corrupt[:CHUNK]))
    r = _patch(dev.client, sha, CHUNK, bytes(corrupt[CHUNK:]))
    assert r.status_code == 422 and r.json()["error"] == "hash_mismatch"
    assert dev.client.head(f"/api/v1/blobs/{sha}").status_code == 404        # the partial was discarded
    assert not (hub_server.data_dir / "blobs" / sha[:2] / sha[2:]).exists()
    r = _patch(dev.client, sha, 0, data[:CHUNK])
    assert r.status_code == 404                                                # create again first
    dev.client.post(f"/api/v1/blobs/{sha}", json={"size": len(data)})
    bad_chunk = _patch(dev.client, sha, 0, data[:CHUNK], checksum=False)
    assert bad_chunk.status_code == 200
    r = dev.client.patch(f"/api/v1/blobs/{sha}", content=data[CHUNK:],
                         headers={"Upload-Offset": str(CHUNK), "Upload-Checksum": "sha256 " + "00" * 32})
    assert r.status_code == 422 and r.json()["error"] == "chunk_checksum_mismatch"
    assert _patch(dev.client, sha, CHUNK, data[CHUNK:]).json()["complete"] is True


def test_blob_limits_and_bad_hashes(hub_server: HubServer) -> None:
    dev = hub_server.enrol(hub_server.new_commune())
    sha = "ab" * 32
    r = dev.client.post(f"/api/v1/blobs/{sha}", json={"size": 200 * 1024 * 1024})
    assert r.status_code == 422
    r = dev.client.post(f"/api/v1/blobs/{'AB' * 32}", json={"size": 10})
    assert r.status_code == 422 and r.json()["error"] == "invalid"
    r = dev.client.get("/api/v1/blobs/..%2F..%2Fetc%2Fpasswd")
    assert r.status_code in (404, 422)
    r = dev.client.post("/api/v1/blobs/missing", json={"hashes": ["../x"]})
    assert r.status_code == 422 and r.json()["error"] == "bad_hash"
    dev.client.post(f"/api/v1/blobs/{sha}", json={"size": 10})
    r = dev.client.patch(f"/api/v1/blobs/{sha}", content=os.urandom(20), headers={"Upload-Offset": "0"})
    assert r.status_code == 413
    r = dev.client.patch(f"/api/v1/blobs/{sha}", content=os.urandom(9 * 1024 * 1024), headers={"Upload-Offset": "0"})
    assert r.status_code == 413 and r.json()["error"] == "too_large"


def test_pushed_attachment_is_pending_until_uploaded(hub_server: HubServer) -> None:
    dev = hub_server.enrol(hub_server.new_commune())
    data, sha = _blob(1000, seed=3)
    att = {"seq": 1, "kind": "attachment", "id": "att-1", "version": 1,
           "payload": {"id": "att-1", "entry_id": "e-1", "sha256": sha, "filename": "scan.pdf", "size": len(data)}}
    r = dev.client.post("/api/v1/push", json={"node": dev.node, "changes": [att]})
    assert r.json()["pending_blobs"] == [sha]
    dev.client.post(f"/api/v1/blobs/{sha}", json={"size": len(data)})
    assert _patch(dev.client, sha, 0, data).json()["complete"]
    r = dev.client.post("/api/v1/sync", json={"node": dev.node})
    assert r.json()["pending_blobs"] == []

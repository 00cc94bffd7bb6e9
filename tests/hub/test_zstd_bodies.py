"""zstd request bodies (the sync client's compact batches): accepted like gzip, bounded, refused for blobs."""
from __future__ import annotations

import json

import zstandard

from .conftest import HubServer
from .helpers import change


def _zstd(body: object) -> bytes:
    return zstandard.ZstdCompressor(level=12).compress(json.dumps(body).encode())


def test_a_zstd_push_is_applied(sqlite_hub: HubServer) -> None:
    dev = sqlite_hub.enrol(sqlite_hub.new_commune())
    body = {"node": dev.node, "changes": [change(i) for i in range(1, 51)]}
    r = dev.client.post("/api/v1/sync", content=_zstd(body),
                        headers={"Content-Encoding": "zstd", "Content-Type": "application/json"})
    assert r.status_code == 200, r.text
    assert r.json()["ack"] == 50


def test_zstd_bomb_and_garbage_are_refused(sqlite_hub: HubServer) -> None:
    dev = sqlite_hub.enrol(sqlite_hub.new_commune())
    bomb = zstandard.ZstdCompressor(level=3).compress(b'{"node": "' + b"a" * (9 * 1024 * 1024) + b'"}')
    assert len(bomb) < 10_000
    r = dev.client.post("/api/v1/sync", content=bomb, headers={"Content-Encoding": "zstd",
                                                               "Content-Type": "application/json"})
    assert r.status_code == 413
    r = dev.client.post("/api/v1/sync", content=b"not zstd at all", headers={"Content-Encoding": "zstd",
                                                                              "Content-Type": "application/json"})
    assert r.status_code == 400 and r.json()["error"] == "bad_encoding"
    r = dev.client.post("/api/v1/sync", content=b"x", headers={"Content-Encoding": "br"})
    assert r.status_code == 415


def test_blob_chunks_are_never_compressed(sqlite_hub: HubServer) -> None:
    dev = sqlite_hub.enrol(sqlite_hub.new_commune())
    r = dev.client.patch("/api/v1/blobs/" + "a" * 64, content=_zstd({"x": 1}),
                         headers={"Content-Encoding": "zstd", "Upload-Offset": "0"})
    assert r.status_code == 415

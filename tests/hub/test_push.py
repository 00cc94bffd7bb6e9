"""Push and one-round-trip sync: idempotent under replay, reorder and duplicates; gaps answer 409."""
from __future__ import annotations

import random

from sqlalchemy import select

from hub.models import ChangeRow, Device as DeviceRow, ReplicaRecord
from tests.hub.conftest import HubServer
from tests.hub.helpers import change, entry_payload, gz_json


def _replica(server: HubServer, commune_code: str) -> dict[tuple[str, str], tuple[int, dict | None]]:
    from hub.models import Commune
    with server.db.read() as s:
        cid = s.scalar(select(Commune.id).where(Commune.code == commune_code))
        rows = s.execute(select(ReplicaRecord.kind, ReplicaRecord.record_id, ReplicaRecord.version,
                                ReplicaRecord.payload).where(ReplicaRecord.commune_id == cid)).all()
    return {(k, r): (v, p) for k, r, v, p in rows}


def test_push_acks_and_stores_newest_version(hub_server: HubServer) -> None:
    commune = hub_server.new_commune()
    dev = hub_server.enrol(commune)
    rid = "rec-1"
    batch = [change(1, rid, 1), change(2, rid, 3, payload=entry_payload(7, "v3", id=rid)),
             change(3, rid, 2, payload=entry_payload(7, "v2", id=rid)), change(4)]
    r = dev.client.post("/api/v1/push", json={"node": dev.node, "changes": batch})
    assert r.status_code == 200, r.text
    assert r.json() == {"ack": 4, "applied": 4, "pending_blobs": []}
    replica = _replica(hub_server, commune)
    assert replica[("entry", rid)][0] == 3 and replica[("entry", rid)][1]["subject"] == "v3"
    assert len(replica) == 2


def test_replay_reorder_duplicate_change_nothing(hub_server: HubServer) -> None:
    commune = hub_server.new_commune()
    dev = hub_server.enrol(commune)
    ids = [f"r{i}" for i in range(20)]
    changes = [change(seq, ids[seq % 20], version=seq) for seq in range(1, 61)]
    for start in range(0, 60, 15):
        r = dev.client.post("/api/v1/push", json={"node": dev.node, "changes": changes[start:start + 15]})
        assert r.status_code == 200 and r.json()["ack"] == start + 15
    before = _replica(hub_server, commune)
    rng = random.Random(4)
    for _ in range(5):
        replay = changes[:]
        rng.shuffle(replay)
        replay = replay[:40] + replay[:10]                 # duplicates inside one batch
        r = dev.client.post("/api/v1/push", json={"node": dev.node, "changes": replay})
        assert r.status_code == 200
        assert r.json()["ack"] == 60 and r.json()["applied"] == 0
    stale = [dict(c, version=1, payload=entry_payload(1, "old", id=c["id"])) for c in changes[:5]]
    r = dev.client.post("/api/v1/push", json={"node": dev.node, "changes": stale})
    assert r.json()["applied"] == 0
    assert _replica(hub_server, commune) == before
    for i, rid in enumerate(ids):
        assert before[("entry", rid)][0] == max(s for s in range(1, 61) if s % 20 == i)


def test_reordered_batch_inside_and_held_beyond_ack(hub_server: HubServer) -> None:
    dev = hub_server.enrol(hub_server.new_commune())
    r = dev.client.post("/api/v1/push", json={"node": dev.node, "changes": [change(3), change(1), change(5)]})
    assert r.json()["ack"] == 1                      # 3 and 5 held, 2 missing
    r = dev.client.post("/api/v1/push", json={"node": dev.node, "changes": [change(2)]})
    assert r.json()["ack"] == 3
    r = dev.client.post("/api/v1/push", json={"node": dev.node, "changes": [change(4)]})
    assert r.json() == {"ack": 5, "applied": 1, "pending_blobs": []}


def test_gap_answers_409_with_ack(hub_server: HubServer) -> None:
    dev = hub_server.enrol(hub_server.new_commune())
    dev.client.post("/api/v1/push", json={"node": dev.node, "changes": [change(1), change(2)]})
    r = dev.client.post("/api/v1/push", json={"node": dev.node, "changes": [change(4), change(5)]})
    assert r.status_code == 409
    assert r.json()["error"] == "gap" and r.json()["ack"] == 2 and r.json()["message"]
    with hub_server.db.read() as s:
        dev_id = s.scalar(select(DeviceRow.id).where(DeviceRow.node == dev.node))
        seqs = sorted(s.scalars(select(ChangeRow.seq).where(ChangeRow.device_id == dev_id)))
    assert seqs == [1, 2]                              # nothing of the refused batch was kept


def test_node_mismatch_is_refused(hub_server: HubServer) -> None:
    dev = hub_server.enrol(hub_server.new_commune())
    r = dev.client.post("/api/v1/push", json={"node": "someone-else-node", "changes": [change(1)]})
    assert r.status_code == 403 and r.json()["error"] == "node_mismatch"


def test_gzip_body_accepted_and_bad_gzip_refused(hub_server: HubServer) -> None:
    dev = hub_server.enrol(hub_server.new_commune())
    body = {"node": dev.node, "changes": [change(s) for s in range(1, 501)]}
    r = dev.client.post("/api/v1/push", content=gz_json(body),
                        headers={"Content-Encoding": "gzip", "Content-Type": "application/json"})
    assert r.status_code == 200 and r.json()["ack"] == 500
    r = dev.client.post("/api/v1/push", content=b"\x1f\x8bnot really gzip",
                        headers={"Content-Encoding": "gzip", "Content-Type": "application/json"})
    assert r.status_code == 400 and r.json()["error"] == "bad_encoding"
    r = dev.client.post("/api/v1/push", content=b"{}", headers={"Content-Encoding": "br"})
    assert r.status_code == 415 and r.json()["error"] == "unsupported_encoding"


def test_oversize_bodies_refused(hub_server: HubServer) -> None:
    dev = hub_server.enrol(hub_server.new_commune())
    big = {"node": dev.node, "changes": [change(1, payload={"blob": "x" * (9 * 1024 * 1024)}, kind="note")]}
    r = dev.client.post("/api/v1/push", json=big)
    assert r.status_code == 413 and r.json()["error"] == "too_large"
    bomb = gz_json({"node": dev.node, "changes": [], "pad": "0" * (20 * 1024 * 1024)})
    assert len(bomb) < 100_000
    r = dev.client.post("/api/v1/push", content=bomb, headers={"Content-Encoding": "gzip"})
    assert r.status_code == 413

    def chunks():  # no Content-Length: the limit is counted on the bytes received
        for _ in range(10):
            yield b" " * (1024 * 1024)

    r = dev.client.post("/api/v1/push", content=chunks(), headers={"Content-Type": "application/json"})
    assert r.status_code == 413
    r = dev.client.post("/api/v1/push", json={"node": dev.node, "changes": [change(s) for s in range(1, 2002)]})
    assert r.status_code == 422 and r.json()["error"] == "invalid"


def test_sync_one_round_trip_reports_health(hub_server: HubServer) -> None:
    commune = hub_server.new_commune()
    dev = hub_server.enrol(commune)
    r = dev.client.post("/api/v1/sync", json={
        "node": dev.node, "changes": [change(1), change(2)], "cursors": {"doc_types": "", "circulars": ""},
        "client_time": "2020-01-01T00:00:00Z", "pending": 17, "app_version": "1.2.3"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["ack"] == 2 and body["applied"] == 2 and "server_time" in body
    with hub_server.db.read() as s:
        row = s.scalar(select(DeviceRow).where(DeviceRow.node == dev.node))
    assert row.pending == 17 and row.app_version == "1.2.3" and row.last_sync_at is not None
    assert row.clock_skew_ms is not None and row.clock_skew_ms < -100 * 24 * 3600 * 1000
    r = dev.client.post("/api/v1/sync", json={"node": dev.node, "cursors": {"doc_types": "x.y"}})
    assert r.status_code == 422 and r.json()["error"] == "bad_cursor"


def test_unexpected_error_is_json_500_without_trace(sqlite_hub: HubServer) -> None:
    """A real fault (the replica table vanishes under the running hub): the client gets ErrorBody only."""
    from sqlalchemy import text
    dev = sqlite_hub.enrol(sqlite_hub.new_commune())
    with sqlite_hub.db.write() as s:
        s.execute(text("ALTER TABLE replica RENAME TO replica_gone"))
    r = dev.client.get("/api/v1/replica", params={"kind": "entry"})
    assert r.status_code == 500
    assert r.json() == {"error": "internal", "message": "Eroare internă a serverului."}
    assert "Traceback" in sqlite_hub.log_path.read_text()      # the stack trace stays in the server log

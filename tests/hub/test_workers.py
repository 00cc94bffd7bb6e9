"""Several worker processes on one PostgreSQL: concurrent pushes from many nodes (with retries racing
each other) stay exactly-once, and concurrent publishing never loses an item to a reader."""
from __future__ import annotations

import json
import random
import threading
import uuid
from pathlib import Path

import httpx
from sqlalchemy import func, select

from hub.models import ChangeRow, ReplicaRecord
from tests.hub.conftest import HubServer
from tests.hub.helpers import change

NODES = 8
CHANGES_PER_NODE = 600
BATCH = 50


def test_two_workers_concurrent_pushes_on_postgresql(tmp_path: Path) -> None:
    server = HubServer("pg", tmp_path, workers=2)
    try:
        commune_codes = [server.new_commune() for _ in range(4)]
        devices = [server.enrol(commune_codes[i % 4]) for i in range(NODES)]
        errors: list[str] = []

        def run(dev, seed: int) -> None:  # type: ignore[no-untyped-def]
            rng = random.Random(seed)
            client = httpx.Client(base_url=server.base_url, headers={"Authorization": f"Bearer {dev.token}"},
                                  timeout=60)
            changes = [change(s, f"{dev.node}-{s % 150}", version=s) for s in range(1, CHANGES_PER_NODE + 1)]
            ack = 0
            racers: list[threading.Thread] = []
            while ack < CHANGES_PER_NODE:
                batch = changes[ack:ack + BATCH]
                if rng.random() < 0.3:                       # a duplicate in flight at the same time
                    t = threading.Thread(target=httpx.post, args=(server.base_url + "/api/v1/push",),
                                         kwargs={"json": {"node": dev.node, "changes": batch}, "timeout": 60,
                                                 "headers": {"Authorization": f"Bearer {dev.token}"}})
                    t.start()
                    racers.append(t)
                rng.shuffle(batch)
                r = client.post("/api/v1/sync", json={"node": dev.node, "changes": batch, "cursors": {"notices": ""}})
                if r.status_code != 200:
                    errors.append(r.text)
                    return
                assert r.json()["ack"] >= ack
                ack = r.json()["ack"]
            for t in racers:
                t.join()
            client.close()

        threads = [threading.Thread(target=run, args=(d, i)) for i, d in enumerate(devices)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=300)
        assert not errors, errors[:3]
        with server.db.read() as s:
            assert s.scalar(select(func.count()).select_from(ChangeRow)) == NODES * CHANGES_PER_NODE
            assert s.scalar(select(func.count()).select_from(ReplicaRecord)) == NODES * 150
            wrong = s.scalar(select(func.count()).select_from(ReplicaRecord)
                             .where(ReplicaRecord.version <= CHANGES_PER_NODE - 150))
        assert wrong == 0  # every record holds its highest version

        # one enrolment code raced by eight installations at once: exactly one wins
        code = server.new_code(commune_codes[0])
        results: list[int] = []
        barrier = threading.Barrier(8)

        def enrol() -> None:
            barrier.wait()
            r = httpx.post(server.base_url + "/api/v1/enrol", json={"code": code, "node": str(uuid.uuid4())},
                           timeout=60)
            results.append(r.status_code)

        racers = [threading.Thread(target=enrol) for _ in range(8)]
        for t in racers:
            t.start()
        for t in racers:
            t.join()
        assert sorted(results) == [200] + [409] * 7
    finally:
        server.stop()


def test_concurrent_publishers_never_hide_an_item(tmp_path: Path) -> None:
    server = HubServer("pg", tmp_path, workers=2)
    try:
        dev = server.enrol(server.new_commune())
        files = []
        for w in range(3):
            f = tmp_path / f"n{w}.json"
            f.write_text(json.dumps([{"id": f"w{w}-{i}", "title": f"Anunț {w}/{i}", "body": "",
                                      "published_at": "2026-01-01T00:00:00Z"} for i in range(10)]))
            files.append(f)
        seen: dict[str, int] = {}
        cursor = ""
        stop = threading.Event()

        def reader() -> None:
            nonlocal cursor
            client = server.client(dev.token)
            while not stop.is_set():
                page = client.get("/api/v1/streams/notices", params={"cursor": cursor}).json()
                for it in page["items"]:
                    seen[it["id"]] = it["version"]
                cursor = page["cursor"]

        t = threading.Thread(target=reader)
        t.start()
        pubs = [threading.Thread(target=server.cli, args=("publish", "notices", str(f))) for f in files]
        for p in pubs:
            p.start()
        for p in pubs:
            p.join()
        stop.set()
        t.join()
        page = server.client(dev.token).get("/api/v1/streams/notices", params={"cursor": cursor}).json()
        for it in page["items"]:
            seen[it["id"]] = it["version"]
        assert len(seen) == 30 and page["total"] == 30
    finally:
        server.stop()

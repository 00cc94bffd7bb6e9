#!/usr/bin/env python3
"""Hub load benchmark: N simulated communes pushing (and pulling) concurrently against a real hub.

    .venv/bin/python bench/hub_load.py                      # 100 communes, PostgreSQL (2 workers) and SQLite
    .venv/bin/python bench/hub_load.py --backend pg --communes 200 --duration 30

For each backend it starts `registru-hub serve` on loopback (PostgreSQL: a throwaway database on
127.0.0.1:5432, dropped after), creates and enrols the communes, publishes a few county items, then runs
two phases, each for --duration seconds:

* paced: every commune syncs every --interval seconds (random phase) with a gzip-compressed batch of
  --batch changes plus all stream cursors, and pulls a stream page every 5th round: the county's
  steady state at a given offered load;
Before the phases every installation syncs once (its first sync reads every stream from the start).

* saturate: every commune syncs back to back with batches of --big-batch changes: the ceiling.

It prints changes/s acknowledged by the hub (ack advanced), requests/s and request latency p50/p99, and
checks at the end that the hub holds every change exactly once. The load generator runs on the same
machine, so it takes part of the CPU from the hub.
"""
from __future__ import annotations

import argparse
import asyncio
import gzip
import json
import os
import random
import secrets
import statistics
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import psycopg

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from hub import communes, streams  # noqa: E402
from hub.db import Database  # noqa: E402
from hub.publications import validate  # noqa: E402
from hub.settings import Settings  # noqa: E402
from sync.protocol import STREAMS  # noqa: E402

PG_ADMIN = "host=127.0.0.1 port=5432 user=postgres dbname=test"


@dataclass
class Node:
    node: str
    token: str
    seq: int = 0
    acked: int = 0
    cursors: dict[str, str] = field(default_factory=lambda: {s: "" for s in STREAMS})


@dataclass
class Stats:
    latencies: list[float] = field(default_factory=list)
    by_kind: dict[str, list[float]] = field(default_factory=dict)
    changes: int = 0
    requests: int = 0
    errors: int = 0


def free_port() -> int:
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def entry(seq: int, node: str) -> dict:
    rid = f"{node[:8]}-{seq}"
    return {"seq": seq, "kind": "entry", "id": rid, "version": 1, "payload": {
        "id": rid, "register_id": "general", "year": 2026, "number": seq,
        "registered_at": "2026-03-02T09:15:00+02:00", "direction": "in", "doc_type": "PET", "channel": "desk",
        "sender_name": "Ion Popescu", "recipient_name": "", "subject": f"Cerere eliberare certificat fiscal {seq}",
        "summary": "Solicită eliberarea certificatului de atestare fiscală pentru vânzare teren.", "pages": 2,
        "annexes": 1, "compartment": "TAXE", "status": "registered", "deadline": "2026-04-01", "attachments": []}}


class Connection:
    """A minimal keep-alive HTTP/1.1 client on asyncio streams: one per commune, so the load generator
    spends its CPU on requests rather than on a pool (it shares the machine with the hub)."""

    def __init__(self, port: int, token: str) -> None:
        self.port, self.token = port, token
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def request(self, method: str, path: str, body: bytes = b"", gz: bool = False) -> tuple[int, bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
        head = (f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {self.token}\r\n"
                f"Content-Length: {len(body)}\r\nContent-Type: application/json\r\n"
                + ("Content-Encoding: gzip\r\n" if gz else "") + "\r\n")
        self.writer.write(head.encode() + body)
        assert self.reader is not None
        status_line = await self.reader.readline()
        length = 0
        while (line := await self.reader.readline()) not in (b"\r\n", b""):
            if line[:15].lower() == b"content-length:":
                length = int(line[15:])
        return int(status_line.split()[1]), await self.reader.readexactly(length)

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()


async def sync_once(conn: Connection, n: Node, batch: int, stats: Stats, pull: bool) -> None:
    changes = [entry(n.seq + i + 1, n.node) for i in range(batch)]
    body = gzip.compress(json.dumps({"node": n.node, "changes": changes, "cursors": n.cursors,
                                     "pending": 0, "app_version": "bench"}).encode(), compresslevel=5)
    t0 = time.perf_counter()
    status, content = await conn.request("POST", "/api/v1/sync", body, gz=True)
    stats.latencies.append(time.perf_counter() - t0)
    stats.by_kind.setdefault("first sync" if not n.acked else "sync", []).append(stats.latencies[-1])
    stats.requests += 1
    if status != 200:
        stats.errors += 1
        return
    data = json.loads(content)
    stats.changes += data["ack"] - n.acked
    n.acked = n.seq = data["ack"]
    for name, page in data["pages"].items():
        n.cursors[name] = page["cursor"]
    if pull:
        t0 = time.perf_counter()
        status, _ = await conn.request("GET", "/api/v1/streams/doc_types?cursor=")
        stats.latencies.append(time.perf_counter() - t0)
        stats.by_kind.setdefault("pull", []).append(stats.latencies[-1])
        stats.requests += 1
        stats.errors += status != 200


async def phase(port: int, nodes: list[Node], duration: float, batch: int, interval: float | None) -> Stats:
    stats = Stats()
    deadline = time.perf_counter() + duration

    async def commune(n: Node, rng: random.Random) -> None:
        conn = Connection(port, n.token)
        rounds = 0
        if interval:
            await asyncio.sleep(rng.random() * interval)
        try:
            while rounds == 0 or time.perf_counter() < deadline:
                started = time.perf_counter()
                await sync_once(conn, n, batch, stats, pull=rounds % 5 == 4)
                rounds += 1
                if interval:
                    await asyncio.sleep(max(0.0, interval - (time.perf_counter() - started)))
        finally:
            conn.close()

    t0 = time.perf_counter()
    await asyncio.gather(*(commune(n, random.Random(i)) for i, n in enumerate(nodes)))
    stats.elapsed = time.perf_counter() - t0  # type: ignore[attr-defined]
    return stats


def report(name: str, stats: Stats) -> dict:
    lat = sorted(stats.latencies)
    elapsed = stats.elapsed  # type: ignore[attr-defined]
    out = {"phase": name, "changes_per_s": round(stats.changes / elapsed), "requests_per_s": round(stats.requests / elapsed, 1),
           "p50_ms": round(statistics.median(lat) * 1000, 1), "p99_ms": round(lat[int(len(lat) * 0.99) - 1] * 1000, 1),
           "requests": stats.requests, "errors": stats.errors, "changes": stats.changes}
    print(f"  {name:<9} {out['changes_per_s']:>7} changes/s  {out['requests_per_s']:>6} req/s  "
          f"p50 {out['p50_ms']:>6} ms  p99 {out['p99_ms']:>6} ms  ({stats.requests} requests, {stats.errors} errors)",
          flush=True)
    for kind, values in sorted(stats.by_kind.items()):
        values.sort()
        print(f"            {kind:<10} n={len(values):<6} p50 {values[len(values) // 2] * 1000:7.1f} ms  "
              f"p99 {values[int(len(values) * 0.99) - 1] * 1000:7.1f} ms", flush=True)
    return out


def run_backend(backend: str, args: argparse.Namespace, workdir: Path) -> list[dict]:
    pg_name = None
    if backend == "pg":
        pg_name = f"registru_hub_bench_{secrets.token_hex(4)}"
        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{pg_name}"')
    db_url = f"postgresql+psycopg://postgres@127.0.0.1:5432/{pg_name}" if pg_name else None
    data_dir = workdir / backend
    workers = args.workers if backend == "pg" else 1
    port = free_port()
    cmd = [sys.executable, "-m", "hub.cli", "serve", "--data-dir", str(data_dir), "--port", str(port),
           "--workers", str(workers), "--no-access-log", "--log-level", "warning"] + (["--db", db_url] if db_url else [])
    log = (workdir / f"{backend}.log").open("wb")
    server = subprocess.Popen(cmd, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    db = Database(Settings.create(db_url, data_dir))
    try:
        for _ in range(300):
            try:
                if httpx.get(base + "/api/v1/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        codes = []
        for i in range(args.communes):
            communes.add_commune(db, str(10_000 + i), f"Comuna {i}", "Bench")
            codes.append(communes.create_code(db, str(10_000 + i), 1).code)
        streams.publish(db, "doc_types", validate("doc_types", [
            {"code": f"T{i}", "name": f"Tip {i}", "deadline_days": 30} for i in range(50)]), None, "bench")
        nodes = []
        with httpx.Client(base_url=base, timeout=30) as c:
            for code in codes:
                node = str(uuid.uuid4())
                r = c.post("/api/v1/enrol", json={"code": code, "node": node})
                r.raise_for_status()
                nodes.append(Node(node=node, token=r.json()["token"]))
        asyncio.run(phase(port, nodes, 0.0, 1, None))  # warm-up: every installation has synced once
        label = f"{'PostgreSQL' if backend == 'pg' else 'SQLite'}, {workers} worker(s), {args.communes} communes"
        print(f"{label}:", flush=True)
        results = []
        paced = asyncio.run(phase(port, nodes, args.duration, args.batch, args.interval))
        results.append(dict(report("paced", paced), backend=backend, workers=workers, communes=args.communes,
                            batch=args.batch, interval=args.interval))
        saturated = asyncio.run(phase(port, nodes, args.duration, args.big_batch, None))
        results.append(dict(report("saturate", saturated), backend=backend, workers=workers,
                            communes=args.communes, batch=args.big_batch, interval=None))
        from sqlalchemy import func, select
        from hub.models import ChangeRow, ReplicaRecord
        with db.read() as s:
            held = s.scalar(select(func.count()).select_from(ChangeRow))
            records = s.scalar(select(func.count()).select_from(ReplicaRecord))
        acked = sum(n.acked for n in nodes)
        assert held == acked == records, (held, acked, records)
        print(f"  check: {held} changes held = {acked} acknowledged = {records} replica records", flush=True)
        return results
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
        db.dispose()
        if pg_name:
            with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{pg_name}" WITH (FORCE)')


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--backend", choices=["pg", "sqlite", "both"], default="both")
    p.add_argument("--communes", type=int, default=100)
    p.add_argument("--duration", type=float, default=20.0, help="seconds per phase")
    p.add_argument("--batch", type=int, default=60, help="changes per sync in the paced phase")
    p.add_argument("--interval", type=float, default=2.0, help="seconds between a commune's syncs (paced)")
    p.add_argument("--big-batch", type=int, default=500, help="changes per sync in the saturate phase")
    p.add_argument("--workers", type=int, default=2, help="hub worker processes on PostgreSQL")
    p.add_argument("--json", type=Path, help="also write the figures to this file")
    args = p.parse_args()
    import tempfile
    results = []
    with tempfile.TemporaryDirectory(prefix="hub-bench-") as tmp:
        for backend in (["pg", "sqlite"] if args.backend == "both" else [args.backend]):
            results += run_backend(backend, args, Path(tmp))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    print(f"machine: {os.cpu_count()} cores; load generator on the same machine")
    return 0


if __name__ == "__main__":
    sys.exit(main())

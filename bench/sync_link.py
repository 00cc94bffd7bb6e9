#!/usr/bin/env python3
"""Sync over a rural 3G link: a real hub, the fault proxy at 384 kbit/s, 300 ms RTT, 2 % loss.

    .venv/bin/python bench/sync_link.py                 # 10,000 entries (about 2-3 minutes)
    .venv/bin/python bench/sync_link.py --entries 2000

Prints: bytes on the wire per entry, time for N entries to converge, round trips (and bytes) of a sync
with nothing to do, extra bytes re-sent after a cut mid-batch — and, in the same run, a raw-HTTP baseline:
the same outbox rows POSTed as plain JSON (and gzip) batches of 1,000 to /api/v1/push, no sync engine.
Every entry is a real registration (number, FTS, audit event, outbox), so each one pushes 2 changes
(the entry and its audit event).
"""
from __future__ import annotations

import argparse
import gzip
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import keyring  # noqa: E402
import requests  # noqa: E402
from keyring.backend import KeyringBackend  # noqa: E402

from bench.faultproxy import FaultProxy  # noqa: E402
from bench.generator import generate_rows  # noqa: E402


class _BenchKeyring(KeyringBackend):
    priority = 1
    store: dict = {}

    def get_password(self, s, u): return self.store.get((s, u))  # noqa: E704, ANN001, ANN201
    def set_password(self, s, u, p): self.store[(s, u)] = p  # noqa: E704, ANN001, ANN201
    def delete_password(self, s, u): self.store.pop((s, u), None)  # noqa: E704, ANN001, ANN201


def register_many(reg, n: int, seed: int) -> None:  # noqa: ANN001
    from local_db import NewEntry, Party
    from local_db.audit import SYSTEM
    codes = {t.code for t in reg.nomenclator.doc_types()}
    for r in generate_rows(n, seed=seed):
        d = r["direction"]
        reg.entries.register(SYSTEM, NewEntry(
            direction=d, subject=r["subject"], doc_type=None if r.get("doc_type_id") is None else None,
            sender=Party(r["sender_name"] or ("" if d != "in" else "Ion Pop"), r["sender_kind"], "",
                         r["sender_address"]),
            recipient=Party(r["recipient_name"] or ("Ion Pop" if d == "out" else ""), r["recipient_kind"]),
            issuer_ref=r["issuer_ref"], pages=r["pages"], annexes=r["annexes"]))
    assert codes


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--entries", type=int, default=10_000)
    ap.add_argument("--kbit", type=float, default=384)
    ap.add_argument("--rtt", type=float, default=300)
    ap.add_argument("--loss", type=float, default=0.02)
    args = ap.parse_args()
    keyring.set_keyring(_BenchKeyring())

    from local_db import Registry
    from local_db import sync_store as store
    from sync.engine import SyncEngine
    from tests.hub.conftest import HubServer

    tmp = Path(tempfile.mkdtemp(prefix="sync-link-"))
    hub = HubServer("sqlite", tmp / "hub")
    link = dict(bandwidth_bps=args.kbit * 1000, rtt_ms=args.rtt, loss=args.loss)
    proxy = FaultProxy(("127.0.0.1", hub.port), seed=3, **link).start()
    try:
        code = hub.new_commune()
        reg = Registry.open(tmp / "pc")
        reg.init(code, "Comuna Florești", "Cluj", "admin", "parola-sigura-1", "Ana Pop")
        t = time.perf_counter()
        register_many(reg, args.entries, seed=1)
        print(f"registered {args.entries} entries locally in {time.perf_counter() - t:.1f} s; "
              f"outbox {reg.outbox_pending()} rows")
        raw_rows = store.read_outbox(reg.db, 10**9)
        eng = SyncEngine(reg)
        eng.enrol(proxy.url, hub.new_code(code))

        # --- the sync engine over the link --------------------------------------------------------------
        s0 = proxy.stats.copy()
        t = time.perf_counter()
        res = eng.sync_once()
        dt = time.perf_counter() - t
        d = proxy.stats.since(s0)
        assert res.pending == 0
        per = d.total / args.entries
        print(f"\nsync engine ({link['bandwidth_bps'] / 1000:.0f} kbit/s, {args.rtt:.0f} ms RTT, "
              f"{args.loss * 100:.0f} % loss, encoding {eng.transport().encoding}):")
        print(f"  {args.entries} entries converged in {dt:.1f} s, {res.round_trips} round trips")
        print(f"  bytes on the wire: {d.total} ({per:.0f} B/entry; with IP/TCP headers ~{d.wire_estimate() / args.entries:.0f}"
              f" B/entry); retransmitted {d.retransmitted} B")

        s0 = proxy.stats.copy()
        t = time.perf_counter()
        idle = eng.sync_once()
        d_idle = proxy.stats.since(s0)
        print(f"  idle sync: {idle.round_trips} round trip(s), {d_idle.total} B, {time.perf_counter() - t:.2f} s")

        # --- a cut mid-batch -----------------------------------------------------------------------------
        n_cut = max(500, args.entries // 10)
        register_many(reg, n_cut, seed=2)
        s0 = proxy.stats.copy()
        eng.sync_once()
        clean_up = proxy.stats.since(s0).bytes_up
        register_many(reg, n_cut, seed=2)
        proxy.cut_next(after_bytes=clean_up // 2, direction="up")
        s0 = proxy.stats.copy()
        eng.sync_once()
        cut = proxy.stats.since(s0)
        print(f"  a cut half-way through a {n_cut}-entry push: {cut.bytes_up - clean_up:+d} B re-sent "
              f"({cut.bytes_up} B up vs {clean_up} B for the same push uncut; cuts={cut.cuts})")

        # --- raw-HTTP baseline: the same rows as plain JSON /push batches of 1,000 --------------------------
        token = _BenchKeyring.store[("registru-hub", reg.node_id)]
        node2 = reg.node_id
        batches = []
        for i in range(0, len(raw_rows), 1000):
            chunk = raw_rows[i:i + 1000]
            batches.append(json.dumps({"node": node2, "changes": [
                {"seq": r.seq, "kind": r.kind, "id": r.record_id, "version": r.version,
                 "payload": None if r.payload is None else json.loads(r.payload)} for r in chunk]}).encode())
        plain = sum(len(b) for b in batches)
        gz = sum(len(gzip.compress(b, 6)) for b in batches)
        # time the baseline on the same link for the first 1,000 rows (the rest scales with bytes)
        proxy.clear_cuts()
        sess = requests.Session()
        s0 = proxy.stats.copy()
        t = time.perf_counter()
        for b in batches[:2]:
            r = sess.post(proxy.url + "/api/v1/push", data=b, timeout=600,
                          headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
            assert r.status_code == 200, r.text[:200]
        base_dt = time.perf_counter() - t
        base_bytes = proxy.stats.since(s0).total
        rate = base_bytes / base_dt
        print("\nraw-HTTP baseline (plain JSON, batches of 1,000 changes, same link):")
        print(f"  {plain / args.entries:.0f} B/entry plain JSON ({gz / args.entries:.0f} B/entry if gzip'd); "
              f"{len(batches[0]) + len(batches[1])} B pushed in {base_dt:.1f} s ({rate / 1000:.1f} kB/s)")
        print(f"  → {args.entries} entries would take ~{plain / rate:.0f} s plain, ~{gz / rate:.0f} s gzip'd")
        print(f"\nratio: {per / (plain / args.entries):.3f} of the plain-JSON bytes, "
              f"{per / (gz / args.entries):.2f} of gzip'd JSON")
        eng.close()
        reg.close()
    finally:
        proxy.stop()
        hub.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())

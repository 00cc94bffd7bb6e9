"""Benchmark of the registry core: durable registration and search, against raw SQLite in the same run.

    .venv/bin/python -m bench.registry [--entries 1000000] [--registrations 500] [--queries 300]

1. Registration: `Registry.entries.register()` (number + FTS + audit chain + outbox, BEGIN IMMEDIATE,
   WAL, synchronous=FULL) vs (a) a raw sqlite3 durable single-row insert of an entry-sized row into a
   bare table (WAL, synchronous=FULL, one commit per row) and (b) the same database work as a
   registration written by hand in raw SQL on the real schema. Goal: median ≤ 5 ms and ≤ 3× raw.
2. Search over `--entries` generated entries (bench/generator.py): 1–2 word queries (plus prefix, as
   typed), first 50 rows newest first, through `Registry.entries.search()` vs the raw FTS5 query
   `SELECT rowid … MATCH ? ORDER BY rowid DESC LIMIT 50`. Goal: p95 ≤ 50 ms at 1,000,000 entries.

The generated database is cached in bench/out/ (delete it to regenerate). Figures go to stdout;
copy them into docs/performance.md.
"""
from __future__ import annotations

import argparse
import random
import shutil
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from bench.generator import FIRST, LAST, PETITION_TOPICS, VILLAGES, bulk_load
from local_db import Filters, NewEntry, Party, Registry, SYSTEM

OUT = Path(__file__).resolve().parent / "out"


def pct(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]


def fmt(values: list[float]) -> str:
    return (f"median {statistics.median(values):.2f} ms  p95 {pct(values, 95):.2f} ms  "
            f"p99 {pct(values, 99):.2f} ms  (n={len(values)})")


def raw_durable_inserts(n: int) -> list[float]:
    d = Path(tempfile.mkdtemp())
    con = sqlite3.connect(d / "raw.sqlite", isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=FULL")
    con.execute("CREATE TABLE entry (id INTEGER PRIMARY KEY, uuid TEXT, year INT, number INT, registered_at TEXT, "
                "direction TEXT, sender_name TEXT, subject TEXT, summary TEXT, pages INT, status TEXT)")
    times = []
    for i in range(n):
        t = time.perf_counter()
        con.execute("BEGIN IMMEDIATE")
        con.execute("INSERT INTO entry (uuid, year, number, registered_at, direction, sender_name, subject, summary, "
                    "pages, status) VALUES (?, 2026, ?, '2026-11-25T10:00:00+02:00', 'in', 'Ion Popescu', "
                    "'Sesizare privind iluminatul public în satul Tăuți', '', 2, 'registered')", (f"u{i}", i + 1))
        con.execute("COMMIT")
        times.append((time.perf_counter() - t) * 1000)
    con.close()
    shutil.rmtree(d)
    return times


def raw_equivalent_transactions(data_dir: Path, n: int) -> list[float]:
    """The same database work as one registration, in hand-written SQL on the real schema (entry row
    with its indexes and FTS trigger, audit event, two outbox rows, one durable commit): what is left
    above this is the cost of our Python code."""
    con = sqlite3.connect(data_dir / "registru.sqlite", isolation_level=None)
    con.execute("PRAGMA synchronous=FULL")
    cols = ("uuid, register_id, year, number, number_suffix, registered_at, reg_date, direction, doc_type_id, channel, "
            "issuer_ref, sender_kind, sender_name, sender_idno, sender_address, recipient_kind, recipient_name, "
            "recipient_idno, recipient_address, subject, summary, pages, annexes, compartment_id, instruction, deadline, "
            "deadline_original, status, resolution_kind, resolution, joined_to, dossier_indicator, cancelled_reason, "
            "cancelled_by, source, created_by, updated_at, version")
    times = []
    for i in range(n):
        t = time.perf_counter()
        con.execute("BEGIN IMMEDIATE")
        num = con.execute("SELECT COALESCE(MAX(number), 0) + 1 FROM entry WHERE year = 2027").fetchone()[0]
        con.execute(f"INSERT INTO entry ({cols}) VALUES (?, 1, 2027, ?, '', '2027-01-05T10:00:00+02:00', '2027-01-05', "
                    "'in', 1, 'desk', '', 'person', 'Ion Popescu', '1630615123457', '', 'institution', '', '', '', "
                    "'Sesizare privind iluminatul public în satul Tăuți', '', 2, 0, 1, '', '2027-02-04', '2027-02-04', "
                    "'assigned', '', '', '', '', '', '', 'desk', 'bench', '2027-01-05T10:00:00+02:00', 1)",
                    (f"raw-{i}", num))
        last = con.execute("SELECT id, hash FROM audit_event ORDER BY id DESC LIMIT 1").fetchone()
        con.execute("INSERT INTO audit_event (id, uuid, ts, actor, action, object_kind, object_id, before, after, "
                    "prev_hash, hash) VALUES (?, ?, '2027-01-05T10:00:00+02:00', 'bench', 'register', 'entry', ?, '', "
                    "?, ?, ?)", (last[0] + 1, f"ev-{i}", f"raw-{i}", "{}" * 400, last[1], "0" * 64))
        for _ in range(2):
            con.execute("INSERT INTO outbox (kind, record_id, version, payload, created_at) VALUES "
                        "('entry', ?, 1, ?, '2027-01-05T10:00:00+02:00')", (f"raw-{i}", "{}" * 400))
        con.execute("COMMIT")
        times.append((time.perf_counter() - t) * 1000)
    con.close()
    return times


def registry_registrations(data_dir: Path, n: int) -> list[float]:
    rng = random.Random(7)
    times = []
    with Registry.open(data_dir) as reg:
        for i in range(n):
            new = NewEntry(direction="in", doc_type="PETITIE", compartment="URB",
                           subject=f"Sesizare privind {rng.choice(PETITION_TOPICS)} în satul {rng.choice(VILLAGES)}",
                           sender=Party(f"{rng.choice(LAST)} {rng.choice(FIRST)}", "person", "1630615123457"),
                           pages=rng.randint(1, 9))
            t = time.perf_counter()
            reg.entries.register(SYSTEM, new)
            times.append((time.perf_counter() - t) * 1000)
    return times


def make_big(n: int) -> Path:
    OUT.mkdir(exist_ok=True)
    d = OUT / f"search-{n}"
    if (d / "registru.sqlite").exists():
        return d
    tmp = OUT / f"search-{n}.part"
    shutil.rmtree(tmp, ignore_errors=True)
    with Registry.open(tmp) as reg:
        reg.init("54975", "Comuna Florești", "Cluj", "admin", "parola-sigura-1")
    t = time.perf_counter()
    bulk_load(tmp / "registru.sqlite", n, years=(2022, 2023, 2024, 2025, 2026),
              progress=lambda done, total: print(f"\r  generating {done:,}/{total:,}", end="", flush=True))
    print(f"\r  generated {n:,} entries in {time.perf_counter() - t:.1f} s")
    tmp.rename(d)
    return d


QUERY_WORDS = ["sesizare", "cerere", "adeverință", "certificat", "urbanism", "iluminatul", "drumului", "câinii",
               "deșeurilor", "apă", "APIA", "succesiune", "prefectului", "bugetul", "declarație", "ajutor",
               "autorizație", "recensământul", "dispoziția", "referat"]


def make_queries(n: int) -> list[str]:
    rng = random.Random(3)
    out = []
    for i in range(n):
        kind = i % 5
        if kind == 0:
            out.append(rng.choice(QUERY_WORDS))
        elif kind == 1:
            out.append(f"{rng.choice(QUERY_WORDS)} {rng.choice(VILLAGES).split()[0]}")
        elif kind == 2:
            out.append(rng.choice(LAST))
        elif kind == 3:
            out.append(f"{rng.choice(LAST)} {rng.choice(FIRST)}")
        else:  # as typed, no diacritics, unfinished last word
            w = rng.choice(QUERY_WORDS).translate(str.maketrans("ăâîșț", "aaist"))
            out.append(w[: max(3, len(w) - 2)])
    return out


def search_bench(d: Path, queries: list[str]) -> tuple[list[float], list[float], list[float]]:
    from local_db.search import fts_query
    raw = sqlite3.connect(d / "registru.sqlite")
    raw_t, reg_t, count_t = [], [], []
    with Registry.open(d) as reg:
        for q in queries[:20]:  # warm the page cache for both sides equally
            reg.entries.search(Filters(text=q))
        for q in queries:
            t = time.perf_counter()
            raw.execute("SELECT rowid FROM entry_fts WHERE entry_fts MATCH ? ORDER BY rowid DESC LIMIT 50",
                        (fts_query(q),)).fetchall()
            raw_t.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            rows = reg.entries.search(Filters(text=q), limit=50)
            reg_t.append((time.perf_counter() - t) * 1000)
            assert rows is not None
        for q in queries[:60]:
            t = time.perf_counter()
            reg.entries.count(Filters(text=q))
            count_t.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        reg.entries.search(Filters(), limit=50)
        first_page = (time.perf_counter() - t) * 1000
        print(f"  first page, no filter:          {first_page:.2f} ms")
    raw.close()
    return raw_t, reg_t, count_t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--entries", type=int, default=1_000_000)
    ap.add_argument("--registrations", type=int, default=500)
    ap.add_argument("--queries", type=int, default=300)
    args = ap.parse_args()

    print("== durable registration ==")
    raw = raw_durable_inserts(args.registrations)
    work = Path(tempfile.mkdtemp())
    with Registry.open(work) as reg:
        reg.init("54975", "Comuna Florești", "Cluj", "admin", "parola-sigura-1")
    bulk_load(work / "registru.sqlite", 20_000, years=(2026,))  # a commune with a busy year behind it
    regs = registry_registrations(work, args.registrations)
    equiv = raw_equivalent_transactions(work, args.registrations)
    print(f"  raw sqlite durable insert:  {fmt(raw)}")
    print(f"  raw SQL, same transaction:  {fmt(equiv)}")
    print(f"  Registry.register:          {fmt(regs)}")
    print(f"  ratio vs one-row insert:    {statistics.median(regs) / statistics.median(raw):.2f}x (median)")
    print(f"  ratio vs same transaction:  {statistics.median(regs) / statistics.median(equiv):.2f}x (median)")
    shutil.rmtree(work)

    print(f"== search over {args.entries:,} entries, first 50 rows ==")
    d = make_big(args.entries)
    queries = make_queries(args.queries)
    raw_t, reg_t, count_t = search_bench(d, queries)
    print(f"  raw FTS5 rowid query:       {fmt(raw_t)}")
    print(f"  Registry.search:            {fmt(reg_t)}")
    print(f"  Registry.count (60 q):      {fmt(count_t)}")
    print(f"  ratio (p95):                {pct(reg_t, 95) / max(pct(raw_t, 95), 1e-6):.2f}x")


if __name__ == "__main__":
    main()

"""Numbering: one yearly sequence, from 1, no gaps, no repeats — in one process, two, and under kill -9."""
from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from local_db import Registry, SYSTEM
from local_db.errors import StateError

from .helpers import FakeClock, outgoing, petition

ROOT = Path(__file__).resolve().parents[2]


def numbers(data_dir: Path, year: int) -> list[int]:
    con = sqlite3.connect(data_dir / "registru.sqlite")
    try:
        return [r[0] for r in con.execute("SELECT number FROM entry WHERE year = ? ORDER BY number", (year,))]
    finally:
        con.close()


def test_numbers_start_at_one_and_follow_each_other_across_registers(registry: Registry) -> None:
    registry.nomenclator.add_register(SYSTEM, "URB", "Registrul urbanism")
    refs = [registry.entries.register(SYSTEM, petition(register="URB" if i % 2 else None)).number for i in range(6)]
    assert refs == [1, 2, 3, 4, 5, 6]
    regs = {registry.entries.get(row.ref).register for row in registry.entries.search(limit=10)}
    assert regs == {"RG", "URB"}  # parallel registers draw from one sequence, no repeats


def test_year_rollover_restarts_at_one(data_dir: Path) -> None:
    clock = FakeClock(2025, 12, 31, 23, 59, 30)
    with Registry.open(data_dir, clock=clock) as reg:
        assert reg.entries.register(SYSTEM, petition()).ref == "1/2025"
        assert reg.entries.register(SYSTEM, petition()).ref == "2/2025"
        clock.set(2026, 1, 1, 0, 0, 5)
        v = reg.entries.register(SYSTEM, petition())
        assert (v.number, v.year, v.reg_date) == (1, 2026, "2026-01-01")
        clock.set(2026, 1, 2, 9, 0)
        assert reg.entries.register(SYSTEM, outgoing()).ref == "2/2026"


def test_cancel_keeps_the_number_and_the_sequence_goes_on(registry: Registry) -> None:
    a = registry.entries.register(SYSTEM, petition())
    c = registry.entries.cancel(SYSTEM, a.ref, "Înregistrat din greșeală de două ori")
    assert (c.status, c.number, c.cancelled_reason) == ("cancelled", a.number, "Înregistrat din greșeală de două ori")
    b = registry.entries.register(SYSTEM, petition())
    assert b.number == a.number + 1
    with pytest.raises(StateError):
        registry.entries.cancel(SYSTEM, a.ref, "din nou")
    assert registry.verify().ok


WRITER = textwrap.dedent("""
    import sys
    from local_db import Registry, NewEntry, Party, SYSTEM
    reg = Registry.open(sys.argv[1])
    n = int(sys.argv[2])
    tag = sys.argv[3]
    print("ready", flush=True)
    for i in range(n):
        v = reg.entries.register(SYSTEM, NewEntry(direction="in", subject=f"{tag} {i}", doc_type="PETITIE",
                                                   sender=Party("Proces " + tag)))
        print(v.number, flush=True)
""")


def _writer(data_dir: Path, n: int, tag: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", WRITER, str(data_dir), str(n), tag], cwd=ROOT,
                            stdout=subprocess.PIPE, text=True)


def test_two_processes_registering_at_once_get_unique_contiguous_numbers(data_dir: Path) -> None:
    year = Registry.open(data_dir).db.today().year
    procs = [_writer(data_dir, 150, tag) for tag in ("A", "B")]
    got = {tag: [int(x) for x in p.communicate(timeout=300)[0].split()[1:]] for tag, p in zip("AB", procs)}
    assert all(p.returncode == 0 for p in procs)
    assert len(got["A"]) == len(got["B"]) == 150
    assert not set(got["A"]) & set(got["B"])          # no number given twice
    assert numbers(data_dir, year) == list(range(1, 301))  # no gaps
    assert got["A"] == sorted(got["A"]) and got["B"] == sorted(got["B"])


@pytest.mark.chaos
def test_kill_minus_nine_never_loses_duplicates_or_skips_a_number(data_dir: Path) -> None:
    """SIGKILL a registering process at random moments, 50 times; after each kill every number the
    process reported as registered exists, the sequence is contiguous and integrity_check passes."""
    rng = random.Random(1996)
    with Registry.open(data_dir) as reg:
        year = reg.db.today().year
    confirmed: set[int] = set()
    kills = 0
    while kills < 50:
        p = _writer(data_dir, 100000, f"K{kills}")
        assert p.stdout.readline().strip() == "ready"
        deadline = time.monotonic() + rng.uniform(0.01, 0.35)
        while time.monotonic() < deadline:
            line = p.stdout.readline()
            if line.strip().isdigit():
                confirmed.add(int(line))
        os.kill(p.pid, signal.SIGKILL)
        for line in p.stdout.read().split():  # numbers printed before the kill landed
            confirmed.add(int(line))
        p.wait()
        kills += 1
        present = numbers(data_dir, year)
        assert present == list(range(1, len(present) + 1)), "gap or duplicate after kill %d" % kills
        assert confirmed <= set(present), "a confirmed registration was lost"
        con = sqlite3.connect(data_dir / "registru.sqlite")
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        con.close()
    assert len(confirmed) > 50
    with Registry.open(data_dir) as reg:
        rep = reg.verify()
        assert rep.ok, rep.problems
        # the outbox holds exactly the changes of committed entries (written in the same transaction)
        con = sqlite3.connect(data_dir / "registru.sqlite")
        n_entries = con.execute("SELECT count(*) FROM entry").fetchone()[0]
        n_outbox = con.execute("SELECT count(DISTINCT record_id) FROM outbox WHERE kind = 'entry'").fetchone()[0]
        con.close()
        assert n_outbox == n_entries

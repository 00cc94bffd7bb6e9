"""Audit chain and transactional outbox: tampering shows in `verify`; outbox rows come with every change."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from local_db import Registry, SYSTEM
from local_db.errors import ValidationError

from .helpers import outgoing, petition


def _raw(data_dir: Path, sql: str, *params) -> None:
    con = sqlite3.connect(data_dir / "registru.sqlite")
    con.execute(sql, params)
    con.commit()
    con.close()


def test_a_clean_registry_verifies(registry: Registry) -> None:
    a = registry.entries.register(SYSTEM, petition())
    registry.entries.resolve(SYSTEM, a.ref, "answered", reply=outgoing())
    rep = registry.verify()
    assert rep.ok, rep.problems
    assert rep.entries == 2 and rep.events > 2


def test_editing_an_entry_behind_the_apps_back_is_named(registry: Registry, data_dir: Path) -> None:
    registry.entries.register(SYSTEM, petition())
    b = registry.entries.register(SYSTEM, petition("Cerere de informații"))
    last = registry.entries.history(b.ref)[-1].seq
    _raw(data_dir, "UPDATE entry SET subject = 'altceva' WHERE number = 2")
    rep = registry.verify()
    assert not rep.ok
    assert rep.problems == [f"înregistrarea {b.ref} diferă de starea consemnată în jurnal la evenimentul #{last} (câmpuri: subject)"]


def test_editing_the_audit_log_breaks_the_chain_at_that_event(registry: Registry, data_dir: Path) -> None:
    for _ in range(3):
        registry.entries.register(SYSTEM, petition())
    target = registry.entries.history("2/" + str(registry.db.today().year))[0].seq
    _raw(data_dir, "UPDATE audit_event SET actor = 'altcineva' WHERE id = ?", target)
    rep = registry.verify()
    assert any(f"evenimentul #{target} " in p for p in rep.problems), rep.problems


def test_deleting_an_entry_or_an_event_is_detected(registry: Registry, data_dir: Path) -> None:
    for _ in range(3):
        registry.entries.register(SYSTEM, petition())
    _raw(data_dir, "DELETE FROM entry WHERE number = 3")
    probs = registry.verify().problems
    assert any("a fost ștearsă" in p for p in probs)
    _raw(data_dir, "DELETE FROM audit_event WHERE id = 5")
    assert any("#5" in p for p in registry.verify().problems)


def test_a_forged_number_gap_is_reported(registry: Registry, data_dir: Path) -> None:
    for _ in range(3):
        registry.entries.register(SYSTEM, petition())
    _raw(data_dir, "UPDATE entry SET number = 7 WHERE number = 3")
    assert any("lipsesc 3, 4, 5, 6" in p for p in registry.verify().problems)


def test_every_change_appends_outbox_rows_in_order(registry: Registry, data_dir: Path) -> None:
    start = registry.outbox_pending()
    a = registry.entries.register(SYSTEM, petition())
    registry.entries.assign(SYSTEM, a.ref, "URB")
    con = sqlite3.connect(data_dir / "registru.sqlite")
    rows = con.execute("SELECT seq, kind, record_id, version, payload FROM outbox ORDER BY seq").fetchall()[start:]
    con.close()
    assert [r[1] for r in rows] == ["entry", "audit_event", "entry", "audit_event"]
    assert [r[0] for r in rows] == sorted(r[0] for r in rows)
    assert rows[0][2] == rows[2][2] == a.uuid and (rows[0][3], rows[2][3]) == (1, 2)
    assert json.loads(rows[2][4])["compartment"] == "URB"


def test_a_refused_change_leaves_no_outbox_or_audit_row(registry: Registry) -> None:
    a = registry.entries.register(SYSTEM, petition())
    before = (registry.outbox_pending(), len(registry.entries.history(a.ref)))
    with pytest.raises(ValidationError):
        registry.entries.assign(SYSTEM, a.ref, "NU-EXISTA")
    assert (registry.outbox_pending(), len(registry.entries.history(a.ref))) == before


def test_outbox_sequence_is_never_reused_after_trimming(registry: Registry, data_dir: Path) -> None:
    registry.entries.register(SYSTEM, petition())
    con = sqlite3.connect(data_dir / "registru.sqlite")
    top = con.execute("SELECT max(seq) FROM outbox").fetchone()[0]
    con.execute("DELETE FROM outbox")
    con.commit()
    con.close()
    registry.entries.register(SYSTEM, petition())
    con = sqlite3.connect(data_dir / "registru.sqlite")
    assert con.execute("SELECT min(seq) FROM outbox").fetchone()[0] == top + 1
    con.close()

"""Push and pull against the real hub through the proxy: convergence, idle cost, cuts, duplicates, gaps."""
from __future__ import annotations

from pathlib import Path

from bench.faultproxy import FaultProxy
from local_db import sync_store as store
from sync.engine import SyncEngine

from .conftest import assert_converged, register


def test_registrations_with_attachments_converge_and_an_idle_sync_is_one_round_trip(
        make_site, hub, proxy: FaultProxy, tmp_path: Path) -> None:
    site = make_site()
    register(site.reg, 120, attach_every=10, tmp=tmp_path)
    res = site.engine.sync_once()
    assert res.pending == 0 and res.sent > 240
    assert res.blobs_uploaded == 12
    assert_converged(hub, site)
    # nothing to do: ONE request, and it is small
    before = proxy.stats.copy()
    idle = site.engine.sync_once()
    assert idle.round_trips == 1 and idle.sent == 0
    assert proxy.stats.since(before).total < 1500
    # the hub holds every file (none pending), verified by its hash
    assert site.engine.pending_blobs == set()


def test_a_cut_mid_batch_resends_at_most_that_batch(make_site, hub, proxy: FaultProxy) -> None:
    site = make_site()
    register(site.reg, 400)
    site.engine.meter.bytes_per_change = 400.0  # first batch ~160 changes: several batches
    proxy.cut_next(after_bytes=6000, direction="up")
    changes_sent: list[int] = []
    real = store.read_outbox

    def spy(db, limit, max_bytes=None, after_seq=0):  # noqa: ANN001, ANN202
        rows = real(db, limit, max_bytes, after_seq)
        changes_sent.append(len(rows))
        return rows

    store.read_outbox, saved = spy, store.read_outbox
    try:
        site.engine.sync_once()  # the cut is absorbed by a retry of the same request
    finally:
        store.read_outbox = saved
    assert proxy.stats.cuts == 1
    assert_converged(hub, site)
    total = site.engine.status()
    assert total.pending == 0


def test_a_duplicated_request_changes_nothing(make_site, hub, proxy: FaultProxy) -> None:
    site = make_site()
    register(site.reg, 50)
    proxy.duplicate_next()
    site.engine.sync_once()
    import time
    deadline = time.monotonic() + 10
    while proxy.stats.duplicates < 1 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert proxy.stats.duplicates == 1
    time.sleep(0.3)  # let the replayed request reach the hub
    register(site.reg, 5, start=50)
    site.engine.sync_once()
    assert_converged(hub, site)


def test_offline_then_back(make_site, hub, proxy: FaultProxy) -> None:
    from sync.transport import Offline
    site = make_site()
    register(site.reg, 10)
    proxy.set_offline(True)
    site.engine.close()
    site.engine._factory = lambda *a, **k: __import__("sync.transport", fromlist=["Transport"]).Transport(
        *a, retries=1, backoff=0.01, **k)
    try:
        site.engine.sync_once()
        raise AssertionError("expected Offline")
    except Offline:
        pass
    st = site.engine.status()
    assert st.online is False and st.pending > 0 and "conexiune" in (st.last_error or "")
    proxy.set_offline(False)
    site.engine.sync_once()
    st = site.engine.status()
    assert st.online is True and st.pending == 0 and not st.last_error and st.last_success
    assert_converged(hub, site)


def test_hub_ack_ahead_of_a_stale_outbox_is_trimmed(make_site, hub) -> None:
    """A copy of the data dir restored from an old backup re-sends what the hub holds: it is trimmed, once."""
    site = make_site()
    register(site.reg, 30)
    rows = store.read_outbox(site.reg.db, 10_000)
    site.engine.sync_once()
    # put the already-acked rows back (as an old backup would have them) and sync: nothing duplicates
    from local_db.db import raw
    with site.reg.db.write() as s:
        raw(s).executemany("INSERT INTO outbox (seq, kind, record_id, version, payload, created_at) "
                           "VALUES (?, ?, ?, ?, ?, '')", [(r.seq, r.kind, r.record_id, r.version, r.payload)
                                                           for r in rows])
    site.engine.sync_once()
    assert_converged(hub, site)


def test_link_meter_adapts_the_batch_to_the_link() -> None:
    from sync.engine import LinkMeter
    m = LinkMeter()
    m.observe(100_000, 10.0, 1000)  # 10 kB/s, 100 B per change
    slow = m.batch_size()
    m2 = LinkMeter()
    m2.observe(100_000, 0.5, 1000)  # same records, 20x faster link
    assert m2.batch_size() > slow
    assert 16 * 1024 <= m.target_bytes() <= 256 * 1024
    assert SyncEngine  # imported for the type


def test_compact_batches_send_audit_after_by_reference_and_the_hub_restores_it(make_site, hub) -> None:
    from hub import store as hub_store
    from sync.engine import _sync_body
    site = make_site()
    site.engine.sync_once()  # learns the hub's features
    assert site.engine.refs
    register(site.reg, 20)
    rows = store.read_outbox(site.reg.db, 1000)
    assert len(_sync_body("n", rows, {}, 0, refs=True)) < 0.75 * len(_sync_body("n", rows, {}, 0, refs=False))
    site.engine.sync_once()
    assert_converged(hub, site)
    # the audit events at the hub carry the full text, identical to the local chain
    from .conftest import hub_commune_id
    cid = hub_commune_id(hub, site.code)
    with site.reg.db.read() as s:
        from local_db.db import raw
        local = {u: a for u, a in raw(s).execute("SELECT uuid, after FROM audit_event")}
    for uid, after in local.items():
        rec = hub_store.replica_record(hub.db, cid, "audit_event", uid)
        assert rec is not None and rec.payload["after"] == after


def test_the_hub_refuses_a_dangling_reference(make_site, hub) -> None:
    from sync.transport import HubError
    site = make_site()
    t = site.engine.transport()
    bad = {"node": site.node, "changes": [{"seq": 1, "kind": "audit_event", "id": "x" * 36, "version": 1,
                                           "payload": {"after": {"$seq": 99}}}]}
    try:
        t.post_json("/sync", bad)
        raise AssertionError("expected 422")
    except HubError as exc:
        assert exc.status == 422 and exc.code == "bad_reference"

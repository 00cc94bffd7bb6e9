"""County → commune: publications applied atomically with their cursor, circulars registered under the
commune's own numbers (once) with a receipt the hub shows, 410/rebuild and checksum mismatches re-pull one
stream only."""
from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

from hub import blobs as hub_blobs
from hub import messages as hub_messages
from hub import streams
from hub.blobstore import BlobStore
from hub.publications import validate
from hub.settings import Settings
from local_db import sync_store as store
from local_db.db import raw

from .conftest import assert_converged, hub_commune_id, register


def publish(hub, stream: str, items: list[dict], to: list[str] | None = None) -> None:
    targets = None if to is None else [hub_commune_id(hub, c) for c in to]
    streams.publish(hub.db, stream, validate(stream, items), targets, by="test")


def send_circular(hub, to: list[str], subject: str, files: dict[str, bytes], **kw) -> str:
    settings = Settings.create(None, hub.data_dir)
    bs = BlobStore(settings.blob_dir, settings.upload_dir)
    out = [hub_blobs.store_county_file(hub.db, bs, io.BytesIO(data), name, 10**7) for name, data in files.items()]
    return hub_messages.send_circular(hub.db, subject=subject, body="Vă rugăm să transmiteți situația.", files=out,
                                      targets=[hub_commune_id(hub, c) for c in to], by="test", **kw)


def test_publications_reach_the_commune_and_feed_deadlines(make_site, hub) -> None:
    site = make_site()
    other = make_site()
    publish(hub, "doc_types", [{"code": "CJ-ADRESA", "name": "Adresă a Consiliului Județean", "deadline_days": 10,
                                "day_kind": "working", "legal_basis": "HCJ 1/2026"}])
    publish(hub, "holidays", [{"date": "2026-12-24", "name": "Zi liberă (HG)"}])
    publish(hub, "localities", [{"siruta": "54984", "name": "Luna de Sus", "kind": "sat"}])
    publish(hub, "plan_templates", [{"code": "PL-2026", "name": "Plan tip", "items": [
        {"indicator": "I.A.1", "title": "Registre de intrare-ieșire", "retention_years": 10}]}])
    publish(hub, "notices", [{"title": "Versiune nouă", "body": "Actualizați aplicația.",
                              "published_at": "2026-11-20T10:00:00Z"}], to=[site.code])
    res = site.engine.sync_once()
    assert res.received >= 5
    types = {t.code: t for t in site.reg.nomenclator.doc_types()}
    assert types["CJ-ADRESA"].source == "county" and types["CJ-ADRESA"].deadline_days == 10
    with site.reg.db.read() as s:
        assert raw(s).execute("SELECT name FROM holiday WHERE day = '2026-12-24'").fetchone()[0] == "Zi liberă (HG)"
    # the extra holiday moves a working-day deadline
    with_holiday = site.reg.entries.deadline_for("CJ-ADRESA", date(2026, 12, 21))
    assert [p["name"] for p in store.publications(site.reg.db, "localities")] == ["Luna de Sus"]
    assert store.publications(site.reg.db, "plan_templates")[0]["items"][0]["indicator"] == "I.A.1"
    notices = store.county_items(site.reg.db, ("notices",))
    assert [n.title for n in notices] == ["Versiune nouă"] and not notices[0].seen
    store.mark_seen(site.reg.db, "notices", notices[0].item_id)
    assert store.county_items(site.reg.db, ("notices",))[0].seen
    # another commune sees the county-wide items but not the targeted notice
    other.engine.sync_once()
    assert store.county_items(other.reg.db, ("notices",)) == []
    # a withdrawal reaches the commune: the holiday is gone
    streams.publish(hub.db, "holidays", [streams.Publication("2026-12-24", "holiday", None)], None, by="test")
    site.engine.sync_once()
    with site.reg.db.read() as s:
        assert raw(s).execute("SELECT count(*) FROM holiday").fetchone()[0] == 0
    assert site.reg.entries.deadline_for("CJ-ADRESA", date(2026, 12, 21)) < with_holiday


def test_a_rebuilt_stream_is_pulled_again_alone(make_site, hub) -> None:
    site = make_site()
    publish(hub, "localities", [{"siruta": str(60000 + i), "name": f"Sat {i}"} for i in range(5)])
    site.engine.sync_once()
    before = store.cursors(site.reg.db, ["localities", "doc_types"])
    streams.rebuild(hub.db, "localities")
    publish(hub, "localities", [{"siruta": "60099", "name": "Sat nou"}])
    res = site.engine.sync_once()
    after = store.cursors(site.reg.db, ["localities", "doc_types"])
    assert after["localities"] != before["localities"] and after["doc_types"] == before["doc_types"]
    assert res.received == len(store.publications(site.reg.db, "localities"))
    assert {p["siruta"] for p in store.publications(site.reg.db, "localities")} >= {"60000", "60099"}


def test_a_checksum_mismatch_re_pulls_that_stream(make_site, hub) -> None:
    site = make_site()
    publish(hub, "localities", [{"siruta": str(61000 + i), "name": f"Sat {i}"} for i in range(4)])
    site.engine.sync_once()
    with site.reg.db.write() as s:  # a lost row (e.g. a bad restore): the local copy no longer matches
        raw(s).execute("DELETE FROM sync_publication WHERE stream = 'localities' AND item_id = '61002'")
    publish(hub, "localities", [{"siruta": "61009", "name": "Sat 9"}])
    res = site.engine.sync_once()
    assert res.rechecked == ["localities"]
    assert {p["siruta"] for p in store.publications(site.reg.db, "localities")} >= {"61002", "61009"}


def test_circular_registered_once_with_its_files_and_the_receipt_reaches_the_hub(make_site, hub, tmp_path) -> None:
    site = make_site()
    register(site.reg, 3)  # the commune's own numbers go on: the circular gets no. 4
    pdf = b"%PDF-1.4 circulara " * 2000
    mid = send_circular(hub, [site.code], "Circulară privind recensământul agricol", {"circulara.pdf": pdf},
                        reference="1234/20.11.2026")
    res = site.engine.sync_once()
    year = site.reg.entries.years()[0]
    assert res.registered == [f"4/{year}"]
    v = site.reg.entries.get(f"4/{year}")
    assert v.channel == "hub" and v.direction == "in" and v.source == "hub"
    assert v.subject.startswith("Circulară privind") and v.issuer_ref == "1234/20.11.2026"
    assert [a.filename for a in v.attachments] == ["circulara.pdf"]
    assert site.reg.entries.read_attachment(v.attachments[0].uuid) == pdf  # verified local copy
    items = store.county_items(site.reg.db, ("circulars",))
    assert items[0].entry_ref == f"4/{year}"
    # pulled again from the start (stale cursor): not registered twice
    store.reset_stream(site.reg.db, "circulars")
    site.engine.sync_once()
    assert site.reg.entries.count() == 4
    # the hub shows delivery and registration under the commune's number
    status = json.loads(hub.cli("circular", "status", mid, "--json").stdout)
    (target,) = status["targets"]
    assert target["registered_as"] == f"4/{year}" and target["delivered_at"]
    assert site.reg.verify().ok
    assert_converged(hub, site)


def test_pull_is_atomic_when_the_process_dies_mid_page(make_site, hub, proxy) -> None:
    """SIGKILL inside the page's transaction: neither the items nor the cursor moved; the next sync applies
    the page exactly once."""
    import multiprocessing
    import os
    import signal
    site = make_site()
    publish(hub, "localities", [{"siruta": str(62000 + i), "name": f"Sat {i}"} for i in range(50)])
    site.engine.sync_once()
    publish(hub, "localities", [{"siruta": str(63000 + i), "name": f"Sat nou {i}"} for i in range(50)])
    cursor_before = store.cursors(site.reg.db, ["localities"])["localities"]
    held = len(store.publications(site.reg.db, "localities"))
    data_dir = site.data_dir
    site.close()

    def child() -> None:
        from local_db import Registry
        from local_db import sync_store as st
        from sync.engine import SyncEngine
        reg = Registry.open(data_dir)
        real = st._apply_holiday
        count = {"n": 0}

        def apply_page_and_die(db, stream, items, cursor, reset=False, blob_sizes=None):  # noqa: ANN001
            with db.write() as s:  # write half the page, then die before the commit
                for it in items[: len(items) // 2]:
                    raw(s).execute("INSERT OR REPLACE INTO sync_publication (stream, item_id, kind, version, seq, "
                                   "payload, received_at) VALUES (?, ?, ?, ?, ?, '{}', '')",
                                   (stream, it.id, it.kind, it.version, it.seq))
                count["n"] += 1
                os.kill(os.getpid(), signal.SIGKILL)
        st.apply_page = apply_page_and_die
        assert real
        SyncEngine(reg).sync_once()

    p = multiprocessing.get_context("fork").Process(target=child)
    p.start()
    p.join(60)
    assert p.exitcode == -signal.SIGKILL
    from local_db import Registry
    from sync.engine import SyncEngine
    reg = Registry.open(data_dir)
    try:
        assert store.cursors(reg.db, ["localities"])["localities"] == cursor_before
        assert len(store.publications(reg.db, "localities")) == held
        SyncEngine(reg).sync_once()
        assert len(store.publications(reg.db, "localities")) == held + 50
    finally:
        reg.close()


def test_registered_circular_attachment_download_resumes(make_site, hub, proxy) -> None:
    site = make_site()
    big = bytes(range(256)) * 4000  # ~1 MB
    send_circular(hub, [site.code], "Circulară cu anexă mare", {"anexa.bin": big})
    proxy.cut_next(after_bytes=300_000, direction="down")
    site.engine.sync_once()  # the cut download resumes with Range (transparently or on the next try)
    year = site.reg.entries.years()[0]
    v = site.reg.entries.get(f"1/{year}")
    assert site.reg.entries.read_attachment(v.attachments[0].uuid) == big
    assert proxy.stats.cuts == 1
    assert not list((site.data_dir / "blobs" / "tmp").glob("dl-*"))
    assert Path(site.data_dir).exists()

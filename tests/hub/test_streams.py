"""Publications going down: targeting, paging, cursors, checksums, 410 after a rebuild, versions."""
from __future__ import annotations

import json
from pathlib import Path

from hub import communes, streams
from hub.publications import parse_file
from sync.protocol import stream_checksum
from tests.hub.conftest import HubServer

DOC_TYPES = [
    {"code": "PET", "name": "Petiție", "direction": "in", "deadline_days": 30, "day_kind": "calendar",
     "extension_days": 15, "roll_to_working_day": True, "legal_basis": "OG 27/2002", "regime": "petition"},
    {"code": "INFO", "name": "Cerere informații publice", "direction": "in", "deadline_days": 10,
     "day_kind": "calendar", "extension_days": 20, "roll_to_working_day": True, "legal_basis": "Legea 544/2001",
     "regime": "public_info"},
]


def _pull_all(client, stream: str, cursor: str = "", limit: int = 500) -> tuple[dict, str, dict]:  # type: ignore[no-untyped-def]
    items: dict = {}
    while True:
        r = client.get(f"/api/v1/streams/{stream}", params={"cursor": cursor, "limit": limit})
        assert r.status_code == 200, r.text
        page = r.json()
        for it in page["items"]:
            if it["payload"] is None:
                items.pop(it["id"], None)
            else:
                items[it["id"]] = it
        cursor = page["cursor"]
        if not page["more"]:
            return items, cursor, page


def test_publish_targeting_paging_and_checksum(hub_server: HubServer, tmp_path: Path) -> None:
    a, b = hub_server.new_commune(), hub_server.new_commune()
    dev_a, dev_b = hub_server.enrol(a), hub_server.enrol(b)
    f = tmp_path / "localities.json"
    f.write_text(json.dumps([{"siruta": str(100 + i), "name": f"Sat {i}", "kind": "sat"} for i in range(25)]))
    out = hub_server.cli("publish", "localities", str(f), "--to", a)
    assert "25 published" in out.stdout
    items_a, cursor_a, last = _pull_all(dev_a.client, "localities", limit=7)
    assert len(items_a) == 25
    pairs = [(i, v["version"]) for i, v in items_a.items()]
    assert last["total"] == 25 and last["checksum"] == stream_checksum(pairs)
    items_b, _, last_b = _pull_all(dev_b.client, "localities")
    assert items_b == {} and last_b["total"] == 0
    # a new version for everyone: B now gets it, A gets the new version only
    f.write_text(json.dumps([{"siruta": "100", "name": "Sat 0 (nou)", "kind": "sat"}]))
    hub_server.cli("publish", "localities", str(f), "--to", "all")
    new_a, _, _ = _pull_all(dev_a.client, "localities", cursor_a)
    assert list(new_a) == ["100"] and new_a["100"]["version"] == 2
    items_b, _, _ = _pull_all(dev_b.client, "localities")
    assert list(items_b) == ["100"]
    # republishing the same content changes nothing
    assert "0 published, 1 unchanged" in hub_server.cli("publish", "localities", str(f)).stdout


def test_narrowing_audience_withdraws_and_untargeted_item_is_404(hub_server: HubServer) -> None:
    a, b = hub_server.new_commune(), hub_server.new_commune()
    dev_a, dev_b = hub_server.enrol(a), hub_server.enrol(b)
    ids = {c: communes.commune_by_code(hub_server.db, c).id for c in (a, b)}
    item_id = f"NARROW{a}"
    doc = dict(DOC_TYPES[0], code=item_id)
    pubs = parse_file("doc_types", "x.json", json.dumps([doc]).encode())
    streams.publish(hub_server.db, "doc_types", pubs, [ids[a], ids[b]], by="test")
    _, cursor_b, _ = _pull_all(dev_b.client, "doc_types")
    streams.publish(hub_server.db, "doc_types", parse_file("doc_types", "x.json",
                                                          json.dumps([dict(doc, name="Nou")]).encode()),
                    [ids[a]], by="test")
    r = dev_b.client.get("/api/v1/streams/doc_types", params={"cursor": cursor_b}).json()
    withdrawn = [i for i in r["items"] if i["id"] == item_id]
    assert withdrawn and withdrawn[-1]["payload"] is None
    assert dev_a.client.get(f"/api/v1/streams/doc_types/items/{item_id}").json()["payload"]["name"] == "Nou"
    only_a = f"ONLYA{a}"
    streams.publish(hub_server.db, "doc_types", parse_file("doc_types", "x.json",
                                                          json.dumps([dict(doc, code=only_a)]).encode()),
                    [ids[a]], by="test")
    r = dev_b.client.get(f"/api/v1/streams/doc_types/items/{only_a}")
    assert r.status_code == 404 and r.json()["error"] == "not_found"


def test_stale_cursor_410_and_sync_reset(hub_server: HubServer, tmp_path: Path) -> None:
    dev = hub_server.enrol(hub_server.new_commune())
    f = tmp_path / "h.csv"
    f.write_text("date,name\n2026-12-24,Zi liberă\n2026-12-31,Zi liberă 2\n", encoding="utf-8")
    hub_server.cli("publish", "holidays", str(f))
    _, cursor, _ = _pull_all(dev.client, "holidays")
    hub_server.cli("stream", "rebuild", "holidays")
    r = dev.client.get("/api/v1/streams/holidays", params={"cursor": cursor})
    assert r.status_code == 410 and r.json()["error"] == "stale_cursor"
    items, _, _ = _pull_all(dev.client, "holidays")
    assert {"2026-12-24", "2026-12-31"} <= set(items)
    r = dev.client.post("/api/v1/sync", json={"node": dev.node, "cursors": {"holidays": cursor}})
    page = r.json()["pages"]["holidays"]
    assert page["reset"] is True and {i["id"] for i in page["items"]} >= {"2026-12-24", "2026-12-31"}
    r = dev.client.post("/api/v1/sync", json={"node": dev.node, "cursors": {"holidays": page["cursor"]}})
    assert "holidays" not in r.json()["pages"]        # nothing new: no page
    assert dev.client.get("/api/v1/streams/nope").json()["error"] == "unknown_stream"


def test_csv_formats_for_every_stream(tmp_path: Path) -> None:
    csvs = {
        "doc_types": "code;name;direction;deadline_days;day_kind;extension_days;roll_to_working_day;legal_basis;regime\n"
                     "PET;Petiție;in;30;calendar;15;da;OG 27/2002;petition\n",
        "plan_templates": "code,name,indicator,compartment,title,retention_years,notes\n"
                          "STD,Model,I.A.1,Secretariat,Registru general,P,\nSTD,Model,I.A.2,Secretariat,Corespondență,10,\n",
        "localities": "siruta,name,kind\n54975,Florești,comună\n",
        "holidays": "date,name\n2026-01-02,A doua zi\n",
        "notices": "title,body,published_at\nVersiune nouă,Detalii,2026-03-01T10:00:00+02:00\n",
    }
    for stream, text in csvs.items():
        pubs = parse_file(stream, "x.csv", text.encode())
        assert pubs, stream
    tpl = parse_file("plan_templates", "x.csv", csvs["plan_templates"].encode())[0].payload
    assert tpl is not None and tpl["items"][0]["retention_years"] is None and tpl["items"][1]["retention_years"] == 10
    dt = parse_file("doc_types", "x.csv", csvs["doc_types"].encode())[0].payload
    assert dt is not None and dt["roll_to_working_day"] is True and dt["deadline_days"] == 30

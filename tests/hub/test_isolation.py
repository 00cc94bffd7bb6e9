"""Every endpoint is scoped to the token's commune: another commune's data answers 404 and is logged."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

from sqlalchemy import func, select

from hub import communes, streams
from hub.models import SecurityEvent
from hub.publications import parse_file
from tests.hub.conftest import HubServer
from tests.hub.helpers import change


def _events(server: HubServer) -> int:
    with server.db.read() as s:
        return s.scalar(select(func.count()).select_from(SecurityEvent).where(SecurityEvent.kind == "cross_commune"))


def test_cross_commune_access_denied_everywhere(hub_server: HubServer, tmp_path: Path) -> None:
    a, b = hub_server.new_commune("Victima"), hub_server.new_commune("Curios")
    dev_a, dev_b = hub_server.enrol(a), hub_server.enrol(b)
    # A's data: a record, a blob, a circular, a publication for A only
    dev_a.client.post("/api/v1/push", json={"node": dev_a.node, "changes": [change(1, "secret-entry")]})
    data = b"secret scan of commune A"
    sha = hashlib.sha256(data).hexdigest()
    dev_a.client.post(f"/api/v1/blobs/{sha}", json={"size": len(data)})
    assert dev_a.client.patch(f"/api/v1/blobs/{sha}", content=data,
                              headers={"Upload-Offset": "0"}).json()["complete"]
    f = tmp_path / "c.txt"
    f.write_text("x")
    message_id = hub_server.cli("circular", "send", "--subject", "Doar pentru A", "--to", a).stdout.strip()
    a_id = communes.commune_by_code(hub_server.db, a).id
    streams.publish(hub_server.db, "notices", parse_file("notices", "n.json", json.dumps(
        [{"id": f"only-{a}", "title": "Doar A", "body": "", "published_at": "2026-01-01T00:00:00Z"}]).encode()),
        [a_id], by="test")
    before = _events(hub_server)

    c = dev_b.client
    assert c.get("/api/v1/replica/entry/secret-entry").status_code == 404
    page = c.get("/api/v1/replica", params={"kind": "entry"}).json()
    assert all(r["id"] != "secret-entry" for r in page["records"])
    assert c.get("/api/v1/replica/summary").json()["kinds"].get("entry") is None
    assert c.get(f"/api/v1/blobs/{sha}").status_code == 404
    assert c.head(f"/api/v1/blobs/{sha}").status_code == 404
    assert c.get(f"/api/v1/blobs/{sha}/status").status_code == 404
    assert c.post("/api/v1/blobs/missing", json={"hashes": [sha]}).json() == {"missing": [sha]}
    assert c.patch(f"/api/v1/blobs/{sha}", content=b"x", headers={"Upload-Offset": "0"}).status_code == 404
    assert c.get(f"/api/v1/messages/{message_id}").status_code == 404
    receipt = {"number": 1, "year": 2026, "registered_at": "2026-03-05T10:00:00+02:00", "entry_id": "e"}
    assert c.post(f"/api/v1/messages/{message_id}/receipt", json=receipt).status_code == 404
    reply = {"entry_id": "e", "number": 1, "year": 2026, "subject": "s"}
    assert c.post(f"/api/v1/messages/{message_id}/reply", json=reply).status_code == 404
    assert c.get(f"/api/v1/streams/notices/items/only-{a}").status_code == 404
    notices = c.get("/api/v1/streams/notices").json()["items"]
    assert all(i["id"] != f"only-{a}" for i in notices)
    r = c.post("/api/v1/push", json={"node": dev_a.node, "changes": [change(1, "secret-entry", version=9)]})
    assert r.status_code == 403
    # B may push a record with the same id: it lives in B's replica, A's stays untouched
    c.post("/api/v1/push", json={"node": dev_b.node, "changes": [change(1, "secret-entry", version=9)]})
    assert dev_a.client.get("/api/v1/replica/entry/secret-entry").json()["version"] == 1
    assert _events(hub_server) - before >= 9
    with hub_server.db.read() as s:
        kinds = set(s.scalars(select(SecurityEvent.detail).where(SecurityEvent.kind == "cross_commune")))
    assert any(k.startswith("blob ") for k in kinds) and any(k.startswith("message ") for k in kinds)
    assert any(k.startswith("record ") for k in kinds) and any(k.startswith("publication ") for k in kinds)


def test_restore_a_dead_pc_from_the_replica(hub_server: HubServer) -> None:
    commune = hub_server.new_commune()
    old = hub_server.enrol(commune)
    changes = [change(s, f"e{s % 130}", version=s) for s in range(1, 301)]
    changes += [{"seq": 301, "kind": "dossier", "id": "d1", "version": 1, "payload": {"id": "d1", "title": "Dosar"}}]
    for i in range(0, len(changes), 100):
        old.client.post("/api/v1/push", json={"node": old.node, "changes": changes[i:i + 100]})
    new = hub_server.enrol(commune)                       # a fresh installation of the same commune
    restored: dict[str, dict] = {}
    after = ""
    while True:
        page = new.client.get("/api/v1/replica", params={"kind": "entry", "after": after, "limit": 50}).json()
        restored.update({r["id"]: r for r in page["records"]})
        after = page["after"]
        if not page["more"]:
            break
    assert len(restored) == 130
    assert all(r["version"] == max(s for s in range(1, 301) if s % 130 == int(r["id"][1:])) for r in restored.values())
    summary = new.client.get("/api/v1/replica/summary").json()["kinds"]
    assert summary["entry"]["count"] == 130 and summary["dossier"]["count"] == 1

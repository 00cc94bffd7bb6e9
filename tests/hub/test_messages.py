"""Circulars: delivered to chosen communes, delivery seen when the cursor moves, receipts, replies."""
from __future__ import annotations

import json
from pathlib import Path

from tests.hub.conftest import HubServer


def _send(server: HubServer, tmp_path: Path, to: str, subject: str = "Circulară privind alegerile") -> tuple[str, str]:
    f = tmp_path / "circulara.pdf"
    f.write_bytes(b"%PDF-1.4 circular " + subject.encode())
    body = tmp_path / "body.txt"
    body.write_text("Vă rugăm să înregistrați.", encoding="utf-8")
    out = server.cli("circular", "send", "--subject", subject, "--body-file", str(body), "--file", str(f),
                     "--to", to, "--reference", "1234/2026")
    import hashlib
    return out.stdout.strip(), hashlib.sha256(f.read_bytes()).hexdigest()


def test_circular_delivery_receipt_reply(hub_server: HubServer, tmp_path: Path) -> None:
    a, b, c = (hub_server.new_commune() for _ in range(3))
    dev_a, dev_c = hub_server.enrol(a), hub_server.enrol(c)
    message_id, sha = _send(hub_server, tmp_path, f"{a},{b}")
    r = dev_a.client.post("/api/v1/sync", json={"node": dev_a.node, "cursors": {"circulars": ""}})
    page = r.json()["pages"]["circulars"]
    item = next(i for i in page["items"] if i["id"] == message_id)
    assert item["payload"]["subject"].startswith("Circulară") and item["payload"]["attachments"][0]["sha256"] == sha
    assert item["payload"]["reference"] == "1234/2026"
    assert dev_a.client.get(f"/api/v1/blobs/{sha}").content.startswith(b"%PDF")
    status = json.loads(hub_server.cli("circular", "status", message_id, "--json").stdout)
    assert all(t["delivered_at"] is None for t in status["targets"])
    dev_a.client.post("/api/v1/sync", json={"node": dev_a.node, "cursors": {"circulars": page["cursor"]}})
    status = json.loads(hub_server.cli("circular", "status", message_id, "--json").stdout)
    by_code = {t["commune"]: t for t in status["targets"]}
    assert set(by_code) == {a, b} and by_code[a]["delivered_at"] and by_code[b]["delivered_at"] is None
    receipt = {"number": 412, "year": 2026, "registered_at": "2026-03-05T10:00:00+02:00", "entry_id": "entry-412"}
    r = dev_a.client.post(f"/api/v1/messages/{message_id}/receipt", json=receipt)
    assert r.status_code == 200
    assert dev_a.client.post(f"/api/v1/messages/{message_id}/receipt", json=receipt).status_code == 200
    r = dev_a.client.post(f"/api/v1/messages/{message_id}/receipt", json=dict(receipt, number=413))
    assert r.status_code == 409 and r.json()["error"] == "already_registered"
    status = json.loads(hub_server.cli("circular", "status", message_id, "--json").stdout)
    assert {t["commune"]: t["registered_as"] for t in status["targets"]}[a] == "412/2026"
    reply = {"entry_id": "entry-500", "number": 500, "year": 2026, "subject": "Răspuns", "body": "Am luat act."}
    assert dev_a.client.post(f"/api/v1/messages/{message_id}/reply", json=reply).status_code == 200
    assert dev_a.client.post(f"/api/v1/messages/{message_id}/reply", json=reply).status_code == 200
    assert status["replies"] == 0
    assert json.loads(hub_server.cli("circular", "status", message_id, "--json").stdout)["replies"] == 1
    # C was not a target: nothing in its stream, and the message, blob, receipt are 404
    r = dev_c.client.post("/api/v1/sync", json={"node": dev_c.node, "cursors": {"circulars": ""}})
    assert all(i["id"] != message_id for i in r.json().get("pages", {}).get("circulars", {"items": []})["items"])
    assert dev_c.client.get(f"/api/v1/messages/{message_id}").status_code == 404
    assert dev_c.client.get(f"/api/v1/blobs/{sha}").status_code == 404


def test_receipt_pushed_as_record(hub_server: HubServer, tmp_path: Path) -> None:
    a = hub_server.new_commune()
    dev = hub_server.enrol(a)
    message_id, _ = _send(hub_server, tmp_path, a, "Circulară 2")
    payload = {"message_id": message_id, "number": 77, "year": 2026, "registered_at": "2026-03-06T09:00:00+02:00",
               "entry_id": "e-77"}
    r = dev.client.post("/api/v1/push", json={"node": dev.node, "changes": [
        {"seq": 1, "kind": "receipt", "id": "rcpt-1", "version": 1, "payload": payload}]})
    assert r.status_code == 200
    status = json.loads(hub_server.cli("circular", "status", message_id, "--json").stdout)
    assert status["targets"][0]["registered_as"] == "77/2026" and status["targets"][0]["delivered_at"]


def test_out_of_range_values_are_422_not_500(hub_server: HubServer, tmp_path: Path) -> None:
    from tests.hub.helpers import change
    a = hub_server.new_commune()
    dev = hub_server.enrol(a)
    message_id, _ = _send(hub_server, tmp_path, a, "Limite")
    base = {"number": 1, "year": 2026, "registered_at": "2026-03-05T10:00:00+02:00", "entry_id": "e"}
    for bad in ({"number": 2**63}, {"year": 2**40}, {"entry_id": "x" * 65},
                {"registered_at": "0001-01-01T00:00:00+05:00"}):
        r = dev.client.post(f"/api/v1/messages/{message_id}/receipt", json=dict(base, **bad))
        assert r.status_code == 422 and r.json()["error"] == "out_of_range", (bad, r.text)
    reply = {"entry_id": "y" * 100, "number": 1, "year": 2026, "subject": "s"}
    assert dev.client.post(f"/api/v1/messages/{message_id}/reply", json=reply).status_code == 422
    r = dev.client.post("/api/v1/push", json={"node": dev.node, "changes": [change(1, version=2**63)]})
    assert r.status_code == 422 and r.json()["error"] == "out_of_range"
    r = dev.client.post("/api/v1/sync", json={"node": dev.node, "client_time": "0001-01-01T00:00:00+05:00",
                                              "changes": [change(1, payload={"year": 2**40, "number": 3,
                                                                             "subject": "x"})]})
    assert r.status_code == 200 and r.json()["ack"] == 1

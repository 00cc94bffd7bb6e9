"""Enrolment codes (one-time, expiring), device tokens (hashed, revocable), enrolment rate limit."""
from __future__ import annotations

import uuid
from datetime import timedelta

import httpx
from sqlalchemy import select, update

from hub.auth import hash_secret
from hub.models import Device as DeviceRow, EnrolCode, SecurityEvent, utcnow
from tests.hub.conftest import HubServer


def _enrol(server: HubServer, code: str, node: str | None = None) -> httpx.Response:
    return httpx.post(server.base_url + "/api/v1/enrol", json={"code": code, "node": node or str(uuid.uuid4())})


def test_enrol_returns_token_scoped_to_commune(hub_server: HubServer) -> None:
    commune = hub_server.new_commune("Florești")
    code = hub_server.new_code(commune)
    node = str(uuid.uuid4())
    r = _enrol(hub_server, code.lower().replace("-", " "), node)   # typed loosely by an installer
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["node"] == node and body["commune"]["code"] == commune and body["commune"]["county"] == "Cluj"
    with hub_server.db.read() as s:
        row = s.scalar(select(DeviceRow).where(DeviceRow.node == node))
        assert row.token_hash == hash_secret(body["token"]) and body["token"] not in row.token_hash
        assert s.scalar(select(EnrolCode.used_node).where(EnrolCode.used_node == node)) == node


def test_used_and_expired_and_unknown_codes_refused(hub_server: HubServer) -> None:
    commune = hub_server.new_commune()
    code = hub_server.new_code(commune)
    assert _enrol(hub_server, code).status_code == 200
    r = _enrol(hub_server, code)
    assert r.status_code == 409 and r.json()["error"] == "code_used"
    expired = hub_server.new_code(commune)
    with hub_server.db.write() as s:
        s.execute(update(EnrolCode).where(EnrolCode.code_hash == hash_secret(expired.replace("-", "")))
                  .values(expires_at=utcnow() - timedelta(minutes=1)))
    r = _enrol(hub_server, expired)
    assert r.status_code == 410 and r.json()["error"] == "code_expired"
    r = _enrol(hub_server, "ZZZZ-ZZZZ-ZZZZ")
    assert r.status_code == 401 and r.json()["error"] == "invalid_code"
    with hub_server.db.read() as s:
        assert s.scalar(select(SecurityEvent.id).where(SecurityEvent.kind == "enrol_failed").limit(1))


def test_cancelled_code_refused(hub_server: HubServer) -> None:
    commune = hub_server.new_commune()
    code = hub_server.new_code(commune)
    listed = hub_server.cli("code", "list", "--json")
    import json
    code_id = next(c["id"] for c in json.loads(listed.stdout) if c["hint"].startswith(code[:4]) and c["status"] == "active")
    hub_server.cli("code", "expire", str(code_id))
    assert _enrol(hub_server, code).json()["error"] == "code_expired"


def test_revoked_token_answers_401_revoked(hub_server: HubServer) -> None:
    dev = hub_server.enrol(hub_server.new_commune())
    assert dev.client.get("/api/v1/replica", params={"kind": "entry"}).status_code == 200
    hub_server.cli("device", "revoke", dev.node)
    r = dev.client.get("/api/v1/replica", params={"kind": "entry"})
    assert r.status_code == 401 and r.json()["error"] == "revoked"
    r = dev.client.post("/api/v1/push", json={"node": dev.node, "changes": []})
    assert r.status_code == 401 and r.json()["error"] == "revoked"
    # the same installation enrolled again with a new code gets a fresh token
    r = _enrol(hub_server, hub_server.new_code(dev.commune_code), dev.node)
    assert r.status_code == 200
    fresh = hub_server.client(r.json()["token"])
    assert fresh.get("/api/v1/replica", params={"kind": "entry"}).status_code == 200
    assert dev.client.get("/api/v1/replica", params={"kind": "entry"}).json()["error"] == "unauthorized"


def test_missing_or_unknown_token(hub_server: HubServer) -> None:
    anon = hub_server.client()
    r = anon.get("/api/v1/replica", params={"kind": "entry"})
    assert r.status_code == 401 and r.json()["error"] == "unauthorized"
    r = hub_server.client("rgh_nonsense").post("/api/v1/sync", json={"node": "x" * 10})
    assert r.status_code == 401 and r.json()["error"] == "unauthorized"


def test_node_enrolled_elsewhere_refused(hub_server: HubServer) -> None:
    dev = hub_server.enrol(hub_server.new_commune())
    other = hub_server.new_commune()
    r = _enrol(hub_server, hub_server.new_code(other), dev.node)
    assert r.status_code == 409 and r.json()["error"] == "node_conflict"


def test_enrol_rate_limited_per_ip(tmp_path) -> None:  # type: ignore[no-untyped-def]
    server = HubServer("sqlite", tmp_path, extra=("--enrol-max-failures", "3"))
    try:
        for _ in range(3):
            assert _enrol(server, "AAAA-BBBB-CCCC").status_code == 401
        good = server.new_code(server.new_commune())
        r = _enrol(server, good)
        assert r.status_code == 429 and r.json()["error"] == "rate_limited"
        assert int(r.headers["Retry-After"]) > 0
    finally:
        server.stop()


def test_a_code_of_another_commune_is_refused_without_being_spent(hub_server: HubServer) -> None:
    commune = hub_server.new_commune()
    code = hub_server.new_code(commune)
    node = str(uuid.uuid4())
    r = httpx.post(hub_server.base_url + "/api/v1/enrol", json={"code": code, "node": node, "commune": "99999"})
    assert r.status_code == 409 and r.json()["error"] == "other_commune" and "99999" in r.json()["message"]
    r = httpx.post(hub_server.base_url + "/api/v1/enrol", json={"code": code, "node": node, "commune": commune})
    assert r.status_code == 200 and r.json()["commune"]["code"] == commune   # the same code still works

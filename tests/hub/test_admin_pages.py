"""Every web-admin page renders on both databases; sessions, CSRF and the login rate limit hold."""
from __future__ import annotations

import re
from pathlib import Path

import httpx

from hub.admin import i18n
from tests.hub.conftest import HubServer
from tests.hub.helpers import change

TEMPLATES = Path(__file__).resolve().parents[2] / "hub" / "admin" / "templates"


def _login(server: HubServer, username: str, password: str) -> httpx.Client:
    client = httpx.Client(base_url=server.base_url, follow_redirects=False, timeout=30)
    page = client.get("/admin/login")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]
    r = client.post("/admin/login", data={"username": username, "password": password, "csrf_token": token,
                                          "next": "/admin/"})
    assert r.status_code == 303, r.text
    return client


def test_every_page_renders(hub_server: HubServer) -> None:
    user = f"staff{hub_server.new_commune()}"
    hub_server.cli("user", "add", user, "--password-stdin", stdin="parola-foarte-buna\n")
    commune = hub_server.new_commune("Registru")
    dev = hub_server.enrol(commune)
    dev.client.post("/api/v1/sync", json={"node": dev.node, "changes": [change(1, "e-1", number=42)],
                                          "client_time": "2026-01-01T00:00:00Z"})
    message_id = hub_server.cli("circular", "send", "--subject", "Pagini", "--to", commune).stdout.strip()
    client = _login(hub_server, user, "parola-foarte-buna")
    pages = ["/admin/", "/admin/communes", f"/admin/communes/{commune}", f"/admin/communes/{commune}/registry",
             f"/admin/communes/{commune}/registry?q=certificat&year=2026", f"/admin/communes/{commune}/registry/e-1",
             "/admin/codes", "/admin/publications", "/admin/publications/doc_types",
             "/admin/publications/plan_templates", "/admin/publications/localities", "/admin/publications/holidays",
             "/admin/publications/notices", "/admin/circulars", f"/admin/circulars/{message_id}", "/admin/security"]
    for path in pages:
        r = client.get(path)
        assert r.status_code == 200, (path, r.text[:500])
        assert "<html lang=\"ro\">" in r.text
    assert "42/2026" in client.get(f"/admin/communes/{commune}/registry").text
    assert "Decalaj" in client.get(f"/admin/communes/{commune}").text
    assert "pc" in client.get("/admin/").text                          # the installation on the dashboard
    r = client.get("/admin/communes/000/registry/none")
    assert r.status_code == 404 and "<html" in r.text
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/admin/codes").text).group(1)  # type: ignore[union-attr]
    r = client.post("/admin/publications/doc_types/item", data={
        "csrf_token": csrf, "code": "URB", "name": "Certificat de urbanism", "direction": "in", "deadline_days": "15",
        "day_kind": "working", "extension_days": "0", "roll": "on", "send_to": "all"})
    assert r.status_code == 303
    assert "Certificat de urbanism" in client.get("/admin/publications/doc_types").text
    history = client.get("/admin/publications/doc_types/items/URB")
    assert history.status_code == 200 and "Versiuni" in history.text and "Certificat de urbanism" in history.text
    r = client.post("/admin/publications/plan_templates/upload", data={"csrf_token": csrf, "send_to": "chosen",
                                                                       "targets": [commune]},
                    files={"file": ("p.csv", "code,name,indicator,title,retention_years\nM,Model,I.A.1,Registru,P\n")})
    assert r.status_code == 303
    assert dev.client.get("/api/v1/streams/plan_templates/items/M").json()["payload"]["items"][0]["retention_years"] \
        is None
    r = client.post("/admin/logout", data={"csrf_token": csrf})
    assert r.status_code == 303
    assert client.get("/admin/").status_code == 303                      # the session is gone


def test_login_rate_limited(sqlite_hub: HubServer) -> None:
    client = httpx.Client(base_url=sqlite_hub.base_url, timeout=30)
    token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/admin/login").text).group(1)  # type: ignore[union-attr]
    codes = [client.post("/admin/login", data={"username": "x", "password": "y", "csrf_token": token}).status_code
             for _ in range(11)]
    assert codes[:10] == [401] * 10 and codes[10] == 429
    r = httpx.post(sqlite_hub.base_url + "/admin/login", data={"username": "x", "password": "y"})
    assert r.status_code == 403                                           # no CSRF cookie/token


def test_romanian_catalog_covers_every_template_string() -> None:
    used = set()
    for tpl in TEMPLATES.glob("*.html"):
        used |= set(re.findall(r'_\("([^"]+)"\)', tpl.read_text(encoding="utf-8")))
        used |= set(re.findall(r"_\('([^']+)'\)", tpl.read_text(encoding="utf-8")))
    missing = sorted(used - set(i18n.RO))
    assert not missing, missing

"""The county web admin in headless Chromium: sign in, create an enrolment code, send a circular and see
its per-commune status after the commune posts a receipt through the API."""
from __future__ import annotations

import os
import re
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from tests.hub.conftest import HubServer

pytestmark = pytest.mark.browser
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
PASSWORD = "parola-judet-2026"


def chromium_path() -> str:
    path = os.environ.get("REGISTRU_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        pytest.fail("Debian's chromium is needed for the web-admin tests (apt-get install chromium)")
    return path


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


def _login(page: Page, base: str) -> None:
    page.goto(base + "/admin/")
    expect(page).to_have_url(re.compile(r"/admin/login"))
    page.fill("input[name=username]", "ana")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    expect(page.locator("h1")).to_contain_text("Starea sincronizării")


def test_admin_code_circular_and_receipt(sqlite_hub: HubServer, browser: Browser, tmp_path: Path) -> None:
    server = sqlite_hub
    server.cli("user", "add", "ana", "--full-name", "Ana Pop", "--password-stdin", stdin=PASSWORD + "\n")
    a = server.new_commune("Florești")
    b = server.new_commune("Apahida")
    page = browser.new_page()
    # wrong password first: refused, in Romanian
    page.goto(server.base_url + "/admin/login")
    page.fill("input[name=username]", "ana")
    page.fill("input[name=password]", "gresit-gresit")
    page.click("button[type=submit]")
    expect(page.locator(".error")).to_contain_text("Utilizator sau parolă greșită")
    _login(page, server.base_url)

    # enrolment code for commune A, then an installation enrols with it
    page.click("text=Coduri de înrolare")
    page.select_option("select[name=commune]", a)
    page.click("form[action='/admin/codes'] button[type=submit]")
    code = page.locator("#new-code").inner_text().strip()
    assert re.fullmatch(r"[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}", code)
    node = str(uuid.uuid4())
    r = httpx.post(server.base_url + "/api/v1/enrol", json={"code": code, "node": node})
    assert r.status_code == 200 and r.json()["commune"]["code"] == a
    token = r.json()["token"]
    page.goto(server.base_url + "/admin/codes")
    expect(page.locator("tbody tr").first).to_contain_text("folosit")

    # a circular to commune A only, with an attachment
    doc = tmp_path / "circulara.pdf"
    doc.write_bytes(b"%PDF-1.4 test circular")
    page.click("text=Circulare")
    page.fill("input[name=subject]", "Circulară privind recensământul agricol")
    page.fill("textarea[name=body]", "Vă rugăm să o înregistrați.")
    page.fill("input[name=reference]", "5120/2026")
    page.set_input_files("input[name=files]", str(doc))
    page.check("input[name=send_to][value=chosen]")
    page.check(f"input[name=targets][value='{a}']")
    page.click("form[action='/admin/circulars'] button[type=submit]")
    expect(page.locator("h1")).to_contain_text("recensământul agricol")
    row = page.locator(f"tr[data-commune='{a}']")
    expect(row.locator(".registered")).to_contain_text("încă nu")
    assert page.locator(f"tr[data-commune='{b}']").count() == 0
    message_id = page.url.rsplit("/", 1)[1]

    # the commune's installation syncs, stores the circular, and posts its registration receipt
    client = httpx.Client(base_url=server.base_url, headers={"Authorization": f"Bearer {token}"})
    first = client.post("/api/v1/sync", json={"node": node, "cursors": {"circulars": ""}}).json()
    assert any(i["id"] == message_id for i in first["pages"]["circulars"]["items"])
    client.post("/api/v1/sync", json={"node": node, "cursors": {"circulars": first["pages"]["circulars"]["cursor"]}})
    r = client.post(f"/api/v1/messages/{message_id}/receipt",
                    json={"number": 1843, "year": 2026, "registered_at": "2026-04-02T11:20:00+03:00",
                          "entry_id": str(uuid.uuid4())})
    assert r.status_code == 200
    page.reload()
    expect(row.locator(".registered")).to_contain_text("1843/2026")
    expect(row).to_contain_text("02.04.2026 11:20")
    page.click("text=Circulare")
    expect(page.locator("tbody tr").first).to_contain_text("1/1")

    # revoking the installation from its commune's page (a confirm dialog, from the page's own script)
    page.goto(server.base_url + f"/admin/communes/{a}")
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("button:has-text('Revocă')")
    expect(page.locator("tbody")).to_contain_text("revocată")
    r = client.post("/api/v1/sync", json={"node": node})
    assert r.status_code == 401 and r.json()["error"] == "revoked"
    assert "script-src 'self'" in httpx.get(server.base_url + "/admin/login").headers["Content-Security-Policy"]

    # a form posted without the CSRF token is refused
    r = httpx.post(server.base_url + "/admin/codes", data={"commune": a, "hours": "1"},
                   cookies={c["name"]: c["value"] for c in page.context.cookies()})
    assert r.status_code == 403
    # English on request
    page.goto(server.base_url + "/admin/lang/en?back=/admin/circulars")
    expect(page.locator("h1")).to_have_text("Circulars")
    page.screenshot(path=str(tmp_path / "circulars.png"), full_page=True)
    page.close()

"""Enrolment (token only in the keyring), revocation → re-enrol, restore of a dead PC from the hub,
SIGKILL mid-push, resumable uploads, clock skew, the CLI and the no-Qt rule."""
from __future__ import annotations

import json
import multiprocessing
import os
import signal
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import keyring
import pytest

from local_db import NewEntry, Party, Registry
from local_db import sync_store as store
from local_db.audit import SYSTEM
from local_db.errors import PermissionDenied, ValidationError
from sync.engine import ReenrolNeeded, SyncEngine
from sync.secrets import KeyringUnavailable, TokenStore


from .conftest import assert_converged, hub_commune_id, register

REPO = Path(__file__).resolve().parents[2]


def test_token_lives_only_in_the_keyring(make_site, tmp_path: Path) -> None:
    site = make_site()
    token = TokenStore().load(site.node)
    assert token and token.startswith("rgh_")
    for path in site.data_dir.rglob("*"):
        if path.is_file():
            assert token.encode() not in path.read_bytes(), path
    with site.reg.db.read() as s:
        from local_db.db import raw
        dump = "\n".join(str(r) for r in raw(s).execute("SELECT * FROM meta"))
    assert token not in dump


def test_enrol_is_refused_without_a_secure_keyring(make_site, hub, proxy) -> None:
    from keyring.backends import fail
    site = make_site(enrol=False)
    code = hub.new_code(site.code)
    saved = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        with pytest.raises(KeyringUnavailable) as exc:
            site.engine.enrol(proxy.url, code)
        assert "seif de parole" in str(exc.value)
    finally:
        keyring.set_keyring(saved)
    assert site.engine.status().enrolment == "not_enrolled"
    site.engine.enrol(proxy.url, code)  # the code was not spent by the refused attempt
    assert site.engine.status().enrolment == "enrolled"


def test_a_plaintext_keyring_is_refused() -> None:
    from keyring.backend import KeyringBackend

    class PlaintextKeyring(KeyringBackend):
        priority = 1

        def get_password(self, s, u): return None  # noqa: E704, ANN001, ANN201
        def set_password(self, s, u, p): raise AssertionError("must not be called")  # noqa: E704, ANN001, ANN201
        def delete_password(self, s, u): pass  # noqa: E704, ANN001, ANN201

    saved = keyring.get_keyring()
    keyring.set_keyring(PlaintextKeyring())
    try:
        with pytest.raises(KeyringUnavailable):
            TokenStore().save("node", "rgh_secret")
    finally:
        keyring.set_keyring(saved)


def test_a_keyring_that_cannot_start_is_reported_not_a_crash() -> None:
    """Secret Service without a D-Bus session raises its own exception types, not KeyringError."""
    from keyring.backend import KeyringBackend

    class NoDbus(Exception):
        pass

    class SecretServiceWithoutDbus(KeyringBackend):
        priority = 5

        def get_password(self, s, u): raise NoDbus("org.freedesktop.DBus.Error.ServiceUnknown")  # noqa: E704, ANN001, ANN201
        def set_password(self, s, u, p): raise NoDbus("org.freedesktop.DBus.Error.ServiceUnknown")  # noqa: E704, ANN001, ANN201
        def delete_password(self, s, u): raise NoDbus("no bus")  # noqa: E704, ANN001, ANN201

    saved = keyring.get_keyring()
    keyring.set_keyring(SecretServiceWithoutDbus())
    try:
        with pytest.raises(KeyringUnavailable) as exc:
            TokenStore().save("node", "rgh_secret")
        assert "ServiceUnknown" in str(exc.value)
        assert TokenStore().load("node") is None
        TokenStore().delete("node")
    finally:
        keyring.set_keyring(saved)


def test_revoked_token_shows_re_enrol_and_a_new_code_resumes(make_site, hub, proxy) -> None:
    site = make_site()
    register(site.reg, 5)
    site.engine.sync_once()
    hub.cli("device", "revoke", site.node)
    register(site.reg, 5, start=5)
    with pytest.raises(ReenrolNeeded):
        site.engine.sync_once()
    st = site.engine.status()
    assert st.enrolment == "reenrol" and "reînrolați instalarea" in (st.last_error or "")
    with pytest.raises(ReenrolNeeded):  # stays in that state without bothering the hub
        site.engine.sync_once()
    site.engine.enrol(proxy.url, hub.new_code(site.code))
    site.engine.sync_once()
    assert site.engine.status().enrolment == "enrolled"
    assert_converged(hub, site)


def test_enrolling_with_another_communes_code_is_refused(make_site, hub, proxy) -> None:
    from sync.transport import HubError
    site = make_site(enrol=False)
    other = hub.new_commune()
    with pytest.raises(HubError) as exc:
        site.engine.enrol(proxy.url, hub.new_code(other))
    assert other in exc.value.message
    assert TokenStore().load(site.node) is None


def test_restore_from_hub_reproduces_the_commune(make_site, hub, proxy, tmp_path: Path) -> None:
    site = make_site()
    reg = site.reg
    reg.users.add(SYSTEM, "maria", "parola-maria-1", "clerk", "Maria Registrator", "REG")
    register(reg, 25, attach_every=5, tmp=tmp_path)
    year = reg.entries.years()[0]
    reg.entries.cancel(SYSTEM, f"3/{year}", "Înregistrare greșită")
    reg.entries.assign(SYSTEM, f"4/{year}", assignee="maria")
    reg.entries.register(SYSTEM, NewEntry(direction="out", subject="Răspuns la cererea 5", recipient=Party("Ion"),
                                          reply_to=f"5/{year}"))
    reg.entries.attach(SYSTEM, f"6/{year}", data=b"anexa tarzie " * 100, filename="anexa.txt")
    reg.entries.link(SYSTEM, f"9/{year}", f"10/{year}", "related")
    reg.entries.link(SYSTEM, f"11/{year}", f"2/{year}", "joined")
    # the archive too: a filing plan, a dossier with two entries filed in it
    from tests.archive.conftest import ARCHIVIST, CLERK, PLAN
    for item in PLAN:
        reg.archive.plan.add(ARCHIVIST, year, item)
    dossier = reg.archive.dossiers.open(CLERK, year, "I.A.1")
    reg.archive.dossiers.file(CLERK, dossier.uuid, [f"7/{year}", f"8/{year}"])
    site.engine.sync_once()
    assert_converged(hub, site)

    # the PC dies; a new one is installed and enrolled for the same commune, then restored
    new_dir = tmp_path / "new-pc"
    fresh = Registry.open(new_dir)
    eng = SyncEngine(fresh)
    try:
        eng.enrol(proxy.url, hub.new_code(site.code))
        from sync.restore import RestoreError, restore_from_hub
        with pytest.raises(RestoreError):
            restore_from_hub(eng, "maria", "parola-noua-123")  # not an administrator
        rep = restore_from_hub(eng, "admin", "parola-noua-123")
        eng.sync_once()
        assert rep.entries == reg.entries.count() == fresh.entries.count()
        for n in range(1, rep.entries + 1):
            a, b = reg.entries.get(f"{n}/{year}"), fresh.entries.get(f"{n}/{year}")
            assert (a.uuid, a.number, a.subject, a.status, a.registered_at, a.assignee, a.reply) == \
                   (b.uuid, b.number, b.subject, b.status, b.registered_at, b.assignee, b.reply)
            assert [x.sha256 for x in a.attachments] == [x.sha256 for x in b.attachments]
            assert sorted((x.kind, x.ref) for x in a.links) == sorted((x.kind, x.ref) for x in b.links)
            for att in b.attachments:
                assert fresh.entries.read_attachment(att.uuid) == reg.entries.read_attachment(att.uuid)
        report = fresh.verify()
        assert report.ok, report.problems
        assert rep.archive and rep.archive.get("dossier") == 1
        restored = fresh.archive.dossiers.detail(dossier.uuid)
        assert sorted(e.ref for e in restored.entries) == sorted([f"7/{year}", f"8/{year}"])
        assert fresh.users.authenticate("admin", "parola-noua-123").username == "admin"
        for user, pw in (("admin", "parola-sigura-1"), ("maria", "parola-maria-1")):
            with pytest.raises((PermissionDenied, ValidationError)):
                fresh.users.authenticate(user, pw)  # old passwords never leave a PC
        # the new PC goes on numbering after the restored entries, and syncs
        v = fresh.entries.register(SYSTEM, NewEntry(direction="in", subject="După restaurare", sender=Party("X")))
        assert v.number == rep.entries + 1
        eng.sync_once()
        assert fresh.outbox_pending() == 0
        with pytest.raises(RestoreError):
            restore_from_hub(eng, "admin", "parola-noua-123")  # never over an existing registry
    finally:
        eng.close()
        fresh.close()


def _push_child(data_dir: Path) -> None:
    from sync.engine import SyncEngine as Eng
    reg = Registry.open(data_dir)
    Eng(reg).sync_once()


def test_sigkill_mid_push_then_restart_converges(make_site, hub, proxy) -> None:
    site = make_site()
    register(site.reg, 600)
    total = site.reg.outbox_pending()
    data_dir = site.data_dir
    site.engine.close()
    proxy.configure(bandwidth_bps=200_000, rtt_ms=40)
    ctx = multiprocessing.get_context("fork")
    from sqlalchemy import select

    from hub.models import Device

    def hub_ack() -> int:
        with hub.db.read() as s:
            return s.scalar(select(Device.ack).where(Device.node == site.node)) or 0

    kills = 0
    for _ in range(2):
        start_ack = hub_ack()
        p = ctx.Process(target=_push_child, args=(data_dir,))
        p.start()
        deadline = time.monotonic() + 60
        while hub_ack() == start_ack and p.is_alive() and time.monotonic() < deadline:
            time.sleep(0.01)  # kill right after a batch was acked, while the next one is on the wire
        if p.is_alive():
            os.kill(p.pid, signal.SIGKILL)
            kills += 1
        p.join(30)
    assert kills >= 1
    proxy.configure(bandwidth_bps=None, rtt_ms=0)
    mid = site.reg.outbox_pending()
    assert mid < total  # part of it was acked and trimmed before the kills
    site.engine.sync_once()
    assert_converged(hub, site)


def test_upload_resumes_after_a_cut(make_site, hub, proxy, tmp_path: Path) -> None:
    from hub import blobs as hub_blobs
    from sync.transport import Offline, Transport
    site = make_site()
    scan = tmp_path / "scan-mare.pdf"
    scan.write_bytes(os.urandom(900_000))
    v = site.reg.entries.register(SYSTEM, NewEntry(direction="in", subject="Cerere cu scan", sender=Party("X"),
                                                   attachments=[str(scan)]))
    sha = v.attachments[0].sha256
    site.engine._factory = lambda *a, **k: Transport(*a, retries=0, **k)  # let the cut surface
    site.engine.close()
    proxy.cut_next(after_bytes=600_000, direction="up")
    with pytest.raises(Offline):
        site.engine.sync_once()
    size, offset, state = store.blob_state(site.reg.db, sha, "up")
    assert state == "pending" and 0 < offset < size  # kept in SQLite: a power cut resumes here
    held = hub_blobs.status(hub.db, hub_commune_id(hub, site.code), sha)
    assert held is not None and held.offset == offset
    site.engine.sync_once()
    assert store.blob_state(site.reg.db, sha, "up")[2] == "done"
    assert sha not in site.engine.pending_blobs
    assert hub_blobs.status(hub.db, hub_commune_id(hub, site.code), sha).complete
    assert_converged(hub, site)


def test_clock_skew_is_reported(make_site) -> None:
    site = make_site()
    site.engine.clock = lambda: datetime.now(timezone.utc) + timedelta(minutes=7)
    site.engine.sync_once()
    st = site.engine.status()
    assert st.skew_warning and 400 < st.clock_skew_s < 440
    site.engine.clock = lambda: datetime.now(timezone.utc)
    site.engine.sync_once()
    assert not site.engine.status().skew_warning


def test_cli_enrol_sync_status_and_restore_from_hub(make_site, hub, proxy, tmp_path: Path, capsys) -> None:
    from desktop.cli import run
    site = make_site(enrol=False)
    register(site.reg, 4)
    d = str(site.data_dir)
    assert run(["sync", "--status", "--json", "--data-dir", d]) == 0
    assert json.loads(capsys.readouterr().out)["enrolment"] == "not_enrolled"
    assert run(["sync", "--once", "--data-dir", d]) == 5
    capsys.readouterr()
    assert run(["enrol", "--hub", proxy.url, "--code", hub.new_code(site.code), "--data-dir", d]) == 0
    assert "Înrolat" in capsys.readouterr().out
    assert run(["sync", "--once", "--data-dir", d]) == 0
    assert "Sincronizare reușită" in capsys.readouterr().out
    assert run(["sync", "--status", "--json", "--data-dir", d]) == 0
    st = json.loads(capsys.readouterr().out)
    assert st["enrolment"] == "enrolled" and st["pending"] == 0 and st["online"] is True and st["last_success"]
    # a fresh data dir: enrol, then `restore --from-hub` (the core's `restore FILE` keeps working, tested there)
    new = str(tmp_path / "pc2")
    assert run(["enrol", "--hub", proxy.url, "--code", hub.new_code(site.code), "--data-dir", new]) == 0
    assert run(["restore", "--data-dir", new]) == 2
    os.environ["REGISTRU_PASSWORD"] = "parola-noua-123"
    try:
        assert run(["restore", "--from-hub", "--admin", "admin", "--data-dir", new]) == 0
    finally:
        del os.environ["REGISTRU_PASSWORD"]
    assert "Restaurat de la hub: 4 înregistrări" in capsys.readouterr().out
    assert run(["verify", "--data-dir", new]) == 0


def test_sync_imports_without_qt() -> None:
    code = ("import sys; sys.modules['PySide6'] = None; "
            "import sync.engine, sync.transport, sync.secrets, sync.restore, sync.protocol, local_db.sync_store, "
            "desktop.cli_sync; print('ok')")
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and out.stdout.strip() == "ok", out.stderr


def test_transport_retries_5xx_and_429_but_never_4xx() -> None:
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from sync.transport import HubError, Transport
    hits: list[str] = []
    plan = {"/api/v1/a": [503, 429, 200], "/api/v1/b": [404], "/api/v1/c": [409]}

    class H(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802
            hits.append(self.path)
            body = self.rfile.read(int(self.headers["Content-Length"]))
            assert self.headers.get("Content-Encoding") in ("zstd", "gzip") and len(body) < 2000
            code = plan[self.path].pop(0)
            payload = b'{"ok": true}' if code == 200 else b'{"error": "x", "message": "m", "ack": 3}'
            self.send_response(code)
            if code == 429:
                self.send_header("Retry-After", "0")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, *a) -> None:  # noqa: ANN002
            pass

    srv = ThreadingHTTPServer(("127.0.0.1", 0), H)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    try:
        t = Transport(f"http://127.0.0.1:{srv.server_address[1]}", token="rgh_x", backoff=0.01)
        assert t.session.verify is True
        big = {"x": "ședință " * 500}
        assert t.post_json("/a", big) == {"ok": True}
        assert hits.count("/api/v1/a") == 3 and t.counters.round_trips == 3
        with pytest.raises(HubError) as e404:
            t.post_json("/b", big)
        with pytest.raises(HubError) as e409:
            t.post_json("/c", big)
        assert e404.value.status == 404 and e409.value.ack == 3
        assert hits.count("/api/v1/b") == 1 and hits.count("/api/v1/c") == 1
        assert Transport("https://x", ca_bundle="/etc/ssl/judet.pem").session.verify == "/etc/ssl/judet.pem"
    finally:
        srv.shutdown()

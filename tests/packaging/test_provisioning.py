"""Provisioning against a REAL hub on loopback, in-process (the token goes to the in-memory keyring the
root conftest installs; the frozen executable's own keyring is tested in test_frozen.py).

A good file enrols, creates the registry and is consumed; every bad file — malformed, a missing field, a
wrong address, an unknown/used/expired code, the code of another commune, an insecure keyring — gives a
clear message and leaves no half-made install: the data dir as before, no token, nothing beside it."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import keyring
import pytest
from sqlalchemy import select, update

from desktop import provisioning
from desktop.provisioning import ProvisioningError, apply
from hub.models import Device, EnrolCode
from hub.auth import hash_secret, normalise_code
from local_db import Registry
from local_db.messages import set_language
from sync.engine import SyncEngine
from tests.hub.conftest import HubServer, free_port

from .conftest import ADMIN_PASSWORD, ROOT, provision_file, snapshot


def tokens() -> dict:
    return dict(keyring.get_keyring().store)


def code_row(hub: HubServer, code: str) -> EnrolCode:
    with hub.db.read() as s:
        return s.scalar(select(EnrolCode).where(EnrolCode.code_hash == hash_secret(normalise_code(code))))


def test_a_good_file_enrols_creates_the_registry_and_is_consumed(hub: HubServer, tmp_path: Path) -> None:
    commune = hub.new_commune("Comuna Florești")
    code = hub.new_code(commune)
    path = provision_file(tmp_path / "usb", hub.base_url, code, commune, admin={"must_change_password": True})
    data_dir = tmp_path / "home" / "Registru"
    lines: list[str] = []

    res = apply(path, data_dir, progress=lines.append)

    # the registry is there, with its administrator and the one-time password flag
    with Registry.open(data_dir) as reg:
        inst = reg.institution()
        assert (inst.siruta, inst.county) == (commune, "Cluj")
        assert reg.users.authenticate("admin", ADMIN_PASSWORD).role == "admin"
        assert provisioning.password_change_required(reg, "admin")
        node = reg.node_id
        # enrolled: the token is in the keyring (only there), the hub knows this installation
        assert tokens() == {("registru-hub", node): tokens()[("registru-hub", node)]}
        engine = SyncEngine(reg)
        try:
            assert engine.config().enrolled and engine.config().hub_url == hub.base_url
            engine.sync_once()  # the token works: the new registry reaches the hub
            assert engine.status().pending == 0
        finally:
            engine.close()
    with hub.db.read() as s:
        assert s.scalar(select(Device.node).where(Device.node == node)) == node
    assert code_row(hub, code).used_node == node
    # consumed: renamed, the one-time secrets gone from the bytes on disk, never found or loaded again
    assert not path.exists() and res.consumed_as == path.with_name(path.name + ".used")
    raw = res.consumed_as.read_bytes()
    assert code.encode() not in raw and ADMIN_PASSWORD.encode() not in raw
    assert json.loads(raw)["_consumed"]["node"] == node
    assert provisioning.find(None, data_dir) is None
    with pytest.raises(ProvisioningError, match="deja folosit"):
        provisioning.load(res.consumed_as)
    # no staging folder left beside the data dir
    assert sorted(p.name for p in data_dir.parent.iterdir()) == ["Registru"]
    assert any("Înrolat" in line for line in lines) and any("consumat" in line for line in lines)


def test_the_ca_bundle_travels_into_the_data_dir(hub: HubServer, tmp_path: Path) -> None:
    """An inline PEM (or a file on the USB stick) is kept beside the database: the stick will be gone.
    (The loopback hub speaks HTTP, so the CA is stored, not used for TLS here.)"""
    commune = hub.new_commune()
    pem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----"
    path = provision_file(tmp_path / "usb", hub.base_url, hub.new_code(commune), commune)
    data = json.loads(path.read_text("utf-8"))
    data["hub"]["ca_pem"] = pem
    path.write_text(json.dumps(data), "utf-8")
    data_dir = tmp_path / "data"
    apply(path, data_dir)
    assert (data_dir / "hub-ca.pem").read_text().strip() == pem
    with Registry.open(data_dir) as reg:
        engine = SyncEngine(reg)
        assert engine.config().ca_bundle == str(data_dir.resolve() / "hub-ca.pem")
        engine.close()


def test_an_existing_empty_data_dir_is_provisioned_in_place(hub: HubServer, tmp_path: Path) -> None:
    """The GUI opened the data dir before finding the file (an empty, migrated database is there)."""
    data_dir = tmp_path / "data"
    Registry.open(data_dir).close()
    commune = hub.new_commune()
    apply(provision_file(tmp_path / "usb", hub.base_url, hub.new_code(commune), commune), data_dir)
    with Registry.open(data_dir) as reg:
        assert reg.institution().siruta == commune
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "usb"]


def test_a_file_without_hub_sets_up_a_local_installation(tmp_path: Path) -> None:
    path = provision_file(tmp_path / "usb", None, None)
    res = apply(path, tmp_path / "data")
    assert res.hub_url == "" and tokens() == {}
    with Registry.open(tmp_path / "data") as reg:
        assert reg.is_initialised()
    assert res.consumed_as is not None and res.consumed_as.exists()


# --- bad files: a clear message, nothing half-made -------------------------------------------------------------

def _bad(hub: HubServer, tmp_path: Path, case: str) -> tuple[Path, str, str]:
    """(file, Romanian fragment, English fragment) for one kind of bad provisioning file."""
    usb = tmp_path / "usb"
    commune = hub.new_commune()
    if case == "malformed":
        usb.mkdir()
        p = usb / "provision.json"
        p.write_text('{"commune_code": "54975", "hub": {"url": "http://x"', "utf-8")
        return p, "nu este JSON valid (rândul 1", "is not valid JSON (line 1"
    if case == "missing":
        p = provision_file(usb, hub.base_url, hub.new_code(commune), commune)
        data = json.loads(p.read_text("utf-8"))
        del data["county"], data["admin"]["password"], data["hub"]["enrolment_code"]
        data["hub"]["enrolment_cod"] = "x"
        p.write_text(json.dumps(data), "utf-8")
        return (p, "lipsește câmpul „county”; lipsește câmpul „admin.password”",
                "the field „hub.enrolment_code” is missing")
    if case == "wrong_url":
        return (provision_file(usb, f"http://127.0.0.1:{free_port()}", hub.new_code(commune), commune),
                "nu poate fi contactat", "cannot be reached")
    if case == "not_a_hub":
        return (provision_file(usb, hub.base_url + "/admin", hub.new_code(commune), commune),
                "nu răspunde un hub Registru", "no Registru hub answers")
    if case == "unknown_code":
        return (provision_file(usb, hub.base_url, "AAAA-BBBB-CCCC", commune), "nu este cunoscut",
                "does not know this enrolment code")
    if case == "used_code":
        code = hub.new_code(commune)
        other = tmp_path / "other"
        apply(provision_file(other / "usb", hub.base_url, code, commune), other / "data")
        tokens_before = tokens()
        keyring.get_keyring().store.clear()  # the other PC's token is not this test's business
        assert tokens_before
        return provision_file(usb, hub.base_url, code, commune), "a fost deja folosit", "was already used"
    if case == "expired_code":
        code = hub.new_code(commune)
        with hub.db.write() as s:
            s.execute(update(EnrolCode).where(EnrolCode.code_hash == hash_secret(normalise_code(code)))
                      .values(expires_at=datetime.now(timezone.utc) - timedelta(hours=1)))
        return provision_file(usb, hub.base_url, code, commune), "a expirat", "has expired"
    if case == "other_commune":
        return (provision_file(usb, hub.base_url, hub.new_code(commune), "12345"), "codul nu a fost folosit",
                "the code was not used")
    raise AssertionError(case)


def _commune_of(hub: HubServer, code: str) -> str:
    from hub.models import Commune
    with hub.db.read() as s:
        commune_id = s.scalar(select(EnrolCode.commune_id).where(EnrolCode.code_hash == hash_secret(normalise_code(code))))
        return s.get_one(Commune, commune_id).code


BAD = ["malformed", "missing", "wrong_url", "not_a_hub", "unknown_code", "used_code", "expired_code",
       "other_commune"]


@pytest.mark.parametrize("case", BAD)
@pytest.mark.parametrize("existing", [False, True], ids=["new-dir", "empty-db"])
def test_a_bad_file_says_why_and_leaves_nothing_behind(hub: HubServer, tmp_path: Path, case: str,
                                                       existing: bool) -> None:
    path, ro, en = _bad(hub, tmp_path, case)
    data_dir = tmp_path / "data"
    if existing:
        Registry.open(data_dir).close()
    before, file_before, siblings = snapshot(data_dir), path.read_bytes(), sorted(os.listdir(tmp_path))
    with pytest.raises(ProvisioningError) as exc:
        apply(path, data_dir)
    assert ro in exc.value.message("ro"), exc.value.message("ro")
    assert en in exc.value.message("en"), exc.value.message("en")
    assert snapshot(data_dir) == before          # no database, or the empty one as it was
    assert tokens() == {}                        # no token in the keyring
    assert sorted(os.listdir(tmp_path)) == siblings  # no staging folder left
    assert path.read_bytes() == file_before      # the file is not consumed: it can be fixed and used again
    if case == "other_commune":                  # the hub compared the commune first: the code is still good
        assert not exc.value.code_spent
        fixed = json.loads(file_before)
        fixed["commune_code"] = _commune_of(hub, fixed["hub"]["enrolment_code"])
        path.write_text(json.dumps(fixed), "utf-8")
        apply(path, tmp_path / "data-fixed")    # the same code, now with the right commune, enrols


def test_an_insecure_keyring_refuses_before_the_code_is_spent(hub: HubServer, tmp_path: Path) -> None:
    from keyring.backends.fail import Keyring as FailKeyring
    keyring.set_keyring(FailKeyring())
    commune = hub.new_commune()
    code = hub.new_code(commune)
    path = provision_file(tmp_path / "usb", hub.base_url, code, commune)
    with pytest.raises(ProvisioningError, match="seif de parole sigur"):
        apply(path, tmp_path / "data")
    assert not (tmp_path / "data").exists()
    assert code_row(hub, code).used_at is None   # the installer can use the same file on a fixed PC


def test_an_initialised_data_dir_is_refused(hub: HubServer, tmp_path: Path, data_dir: Path) -> None:
    commune = hub.new_commune()
    code = hub.new_code(commune)
    before = snapshot(data_dir)
    with pytest.raises(ProvisioningError, match="există deja registrul"):
        apply(provision_file(tmp_path / "usb", hub.base_url, code, commune), data_dir)
    assert snapshot(data_dir) == before and code_row(hub, code).used_at is None


def test_lookup_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site, user, data = tmp_path / "site", tmp_path / "user", tmp_path / "data"
    monkeypatch.setenv("REGISTRU_SITE_CONFIG_DIR", str(site))
    monkeypatch.setenv("REGISTRU_CONFIG_DIR", str(user))
    assert provisioning.find(None, data) is None
    provision_file(data, None, None, name="provision")
    assert provisioning.find(None, data) == data / "provision.json"            # the first version's name
    provision_file(user, None, None, name="registru-provision")
    assert provisioning.find(None, data) == user / "registru-provision.json"
    provision_file(site, None, None, name="registru-provision")
    assert provisioning.find(None, data) == site / "registru-provision.json"   # the installer's /PROVISION=
    explicit = provision_file(tmp_path / "usb", None, None)
    assert provisioning.find(str(explicit), data) == explicit


# --- the command line ------------------------------------------------------------------------------------------

def _cli(*args: str, lang: str | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.pop("REGISTRU_LANG", None)
    cmd = [sys.executable, "-m", "desktop", *args] + (["--lang", lang] if lang else [])
    return subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)


@pytest.mark.parametrize("lang", [None, "en"])
def test_cli_bad_address_is_one_clear_message(tmp_path: Path, lang: str | None) -> None:
    path = provision_file(tmp_path / "usb", "hub.cjcluj.ro", "AAAA-BBBB-CCCC")
    proc = _cli("provision", str(path), "--data-dir", str(tmp_path / "data"), lang=lang)
    assert proc.returncode == 1, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in proc.stderr
    expected = ("is not a valid http(s)", "Nothing was installed") if lang else ("nu este o adresă http(s)",
                                                                               "Nu s-a instalat nimic")
    assert all(e in lines[0] for e in expected), lines[0]
    assert not (tmp_path / "data").exists()


def test_cli_process_uses_the_system_keyring(hub: HubServer, tmp_path: Path) -> None:
    """A real `registru provision` process sees this machine's keyring, not the tests' in-memory one.
    On a headless box that is keyring's fail backend: refused with the reason, the code NOT spent; on a
    desktop with a Secret Service the same file provisions for real (and the token is removed after)."""
    commune = hub.new_commune()
    code = hub.new_code(commune)
    path = provision_file(tmp_path / "usb", hub.base_url, code, commune)
    probe = subprocess.run([sys.executable, "-c", "from sync.secrets import is_secure, backend_name;"
                            "print(is_secure(), backend_name())"], capture_output=True, text=True, cwd=ROOT)
    secure = probe.stdout.startswith("True")
    proc = _cli("provision", str(path), "--data-dir", str(tmp_path / "data"))
    if not secure:
        assert proc.returncode == 1 and "seif de parole sigur" in proc.stderr, proc.stderr
        assert not (tmp_path / "data").exists() and path.exists()
        assert code_row(hub, code).used_at is None
    else:  # pragma: no cover - only on a machine with a real keyring
        assert proc.returncode == 0, proc.stderr
        with Registry.open(tmp_path / "data") as reg:
            node = reg.node_id
        keyring.set_keyring(keyring.core.load_keyring(probe.stdout.split()[1]))
        keyring.delete_password("registru-hub", node)


def test_cli_malformed_file(tmp_path: Path) -> None:
    (tmp_path / "p.json").write_text("{not json", "utf-8")
    proc = _cli("provision", str(tmp_path / "p.json"), "--data-dir", str(tmp_path / "data"))
    assert proc.returncode == 1 and "nu este JSON valid" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1


def test_messages_follow_the_language(tmp_path: Path) -> None:
    (tmp_path / "p.json").write_text("[]", "utf-8")
    set_language("en")
    try:
        with pytest.raises(ProvisioningError, match="must be a JSON object"):
            provisioning.load(tmp_path / "p.json")
    finally:
        set_language("ro")


# --- a dead PC's replacement: restored from the hub ----------------------------------------------------------

def test_restore_from_hub_provisions_a_replacement_pc(hub: HubServer, tmp_path: Path) -> None:
    from local_db import NewEntry, Party
    from local_db.audit import SYSTEM
    commune = hub.new_commune("Comuna Veche")
    old_dir = tmp_path / "old-pc"
    apply(provision_file(tmp_path / "usb1", hub.base_url, hub.new_code(commune), commune), old_dir)
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4 scanare cerere " * 40)
    with Registry.open(old_dir) as reg:
        for i in range(5):
            reg.entries.register(SYSTEM, NewEntry(direction="in", subject=f"Cerere {i} privind ședința",
                                                  sender=Party("Ion Pop"), attachments=[str(scan)] if i == 0 else []))
        engine = SyncEngine(reg)
        engine.sync_once()
        engine.close()
    keyring.get_keyring().store.clear()   # the old PC is dead: its token is gone with it
    old_dir.rename(tmp_path / "dead-pc")

    new_dir = tmp_path / "new-pc"
    path = provision_file(tmp_path / "usb2", hub.base_url, hub.new_code(commune), commune,
                          restore_from_hub=True, admin={"password": "parola-noua-123", "must_change_password": True})
    data = json.loads(path.read_text("utf-8"))
    del data["commune_name"], data["county"]          # a restore brings them from the hub
    path.write_text(json.dumps(data), "utf-8")
    lines: list[str] = []
    res = apply(path, new_dir, progress=lines.append)
    assert res.restored_entries == 5 and any("restaurat de la hub: 5" in line for line in lines)
    with Registry.open(new_dir) as reg:
        assert reg.institution().siruta == commune and reg.entries.count() == 5
        assert reg.users.authenticate("admin", "parola-noua-123").role == "admin"
        assert provisioning.password_change_required(reg, "admin")
        assert reg.verify().ok                        # the audit chain and the attachment's file came back
        assert SyncEngine(reg).config().enrolled
    assert tokens() and res.consumed_as is not None


def test_restore_with_the_code_of_another_commune_leaves_nothing(hub: HubServer, tmp_path: Path) -> None:
    other = hub.new_commune()
    path = provision_file(tmp_path / "usb", hub.base_url, hub.new_code(other), "12345", restore_from_hub=True)
    with pytest.raises(ProvisioningError) as exc:
        apply(path, tmp_path / "data")
    assert "12345" in str(exc.value) and not exc.value.code_spent and "codul nu a fost folosit" in str(exc.value)
    assert not (tmp_path / "data").exists() and tokens() == {} and sorted(os.listdir(tmp_path)) == ["usb"]

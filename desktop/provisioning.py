"""Provisioning file: an installer sets a new PC up — registry, hub enrolment, first administrator —
without the first-run wizard. Format and procedure: docs/provisioning.md.

    {"format": 1,
     "commune_code": "54975", "commune_name": "Comuna Florești", "county": "Cluj",
     "address": "str. Avram Iancu nr. 170",                               (optional)
     "hub": {"url": "https://hub.cjcluj.ro", "enrolment_code": "ABCD-EFGH-JKMN",
             "ca_bundle": "judet-ca.pem"  |  "ca_pem": "-----BEGIN CERTIFICATE-----…"},   (optional)
     "admin": {"username": "admin", "full_name": "Ana Pop", "password": "…",
               "must_change_password": true},                             (optional, default false)
     "restore_from_hub": false}                                           (optional: a dead PC's replacement)

With "restore_from_hub": true the registry is not created empty but restored from the hub's replica
(sync.restore): every entry, user, file and the archive come back; "admin" names an administrator of the
restored registry, who gets the password given here.

Looked for, in order (the first that exists wins): `--provision FILE` / `registru provision FILE`; env
REGISTRU_PROVISION; `registru-provision.json` next to the executable (the Linux tarball's folder); in the
machine-wide config dir (Windows C:\\ProgramData\\Registru — where the installer's /PROVISION= puts it);
in the user's config dir; in the data dir. `provision.json` (the first version's name) is still found.

`apply()` validates everything before it changes anything (the file, the data dir, the keyring, the hub's
health), builds the registry in a staging folder beside the data dir, enrols it with the hub (the token
goes to the OS keyring), moves it into place, then consumes the file: it is overwritten with the one-time
secrets removed and renamed `<name>.used`. Any failure removes the staging folder and the token: the
data dir is left as it was. Once the hub has accepted the code it is spent, whatever happens after.
"""
from __future__ import annotations

import json
import logging
import os
import secrets
import shutil
import sqlite3
import sys
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Callable
from urllib.parse import urlsplit

from . import package_messages  # noqa: F401 - registers the texts
from .package_messages import tr
from .paths import config_dir

log = logging.getLogger(__name__)

FORMAT = 1
FILENAME = "registru-provision.json"
LEGACY_FILENAME = "provision.json"
USED_SUFFIX = ".used"
CA_FILENAME = "hub-ca.pem"
MUST_CHANGE_KEY = "auth.must_change_password"
REDACTED = "<folosit>"
_PEM = "-----BEGIN CERTIFICATE-----"

_TOP_KEYS = {"format", "commune_code", "commune_name", "county", "address", "hub", "admin", "restore_from_hub"}
_HUB_KEYS = {"url", "enrolment_code", "ca_bundle", "ca_pem"}
_ADMIN_KEYS = {"username", "full_name", "password", "must_change_password"}


class ProvisioningError(Exception):
    """The file cannot be used, or a step failed. The message (Romanian, or English with --lang en) lists
    every problem found; `nothing_changed` says the data dir and keyring are as they were."""

    def __init__(self, message: str | None = None, *, key: str | None = None, path: Path | None = None,
                 problems: list[tuple[str, dict]] | None = None, code_spent: bool = False, offline: bool = False,
                 **params: Any) -> None:
        self._text = message
        self.key = key
        self.path = path
        self.problems = problems or []
        self.params = params
        self.code_spent = code_spent
        self.offline = offline
        self.nothing_changed = True
        super().__init__(self.message("en"))

    def message(self, lang: str | None = None) -> str:
        if self._text is not None:
            return self._text
        if self.problems:
            listed = "; ".join(tr(k, lang, **p) for k, p in self.problems)
            return tr("pkg.prov.unusable", lang, path=self.path, problems=listed)
        text = tr(self.key or "", lang, **self.params)
        if self.code_spent:
            text += " " + tr("pkg.hub.code_spent", lang)
        return text

    def __str__(self) -> str:
        return self.message()


@dataclass(frozen=True)
class HubSettings:
    url: str
    enrolment_code: str
    ca_bundle: Path | None = None   # a PEM file, resolved against the provisioning file's folder
    ca_pem: str = ""                 # or the PEM text itself

    def ca_text(self) -> str:
        if self.ca_pem:
            return self.ca_pem
        return self.ca_bundle.read_text("ascii", errors="replace") if self.ca_bundle else ""


@dataclass(frozen=True)
class Provisioning:
    commune_code: str
    commune_name: str
    county: str
    admin_username: str
    admin_password: str
    admin_full_name: str = ""
    address: str = ""
    source: Path | None = None
    hub: HubSettings | None = None
    must_change_password: bool = False
    restore_from_hub: bool = False


@dataclass
class Result:
    data_dir: Path
    institution: Any
    admin_username: str
    must_change_password: bool
    hub_url: str = ""
    node: str = ""
    consumed_as: Path | None = None
    restored_entries: int | None = None
    warnings: list[str] = field(default_factory=list)


# --- finding and reading ------------------------------------------------------------------------------------

def executable_dir() -> Path | None:
    """The folder of the frozen executable (None when running from source)."""
    return Path(sys.executable).resolve().parent if getattr(sys, "frozen", False) else None


def machine_config_dir() -> Path:
    env = os.environ.get("REGISTRU_SITE_CONFIG_DIR")
    if env:
        return Path(env).expanduser()
    from platformdirs import site_config_dir
    return Path(site_config_dir("Registru", appauthor=False))


def candidates(data_dir: Path) -> list[Path]:
    """Where a provisioning file is looked for when none is named (see the module doc)."""
    out: list[Path] = []
    env = os.environ.get("REGISTRU_PROVISION")
    if env:
        out.append(Path(env).expanduser())
    exe = executable_dir()
    if exe is not None:
        out.append(exe / FILENAME)
    for d in (machine_config_dir(), config_dir(), Path(data_dir)):
        out += [d / FILENAME, d / LEGACY_FILENAME]
    return out


def find(explicit: str | None, data_dir: Path) -> Path | None:
    """The provisioning file to use, if any (an explicit path must exist)."""
    if explicit:
        path = Path(explicit).expanduser()
        if not path.is_file():
            raise ProvisioningError(path=path, problems=[("pkg.prov.not_found", {})])
        return path
    return next((p for p in candidates(data_dir) if p.is_file()), None)


def load(path: Path) -> Provisioning:
    """Read and check the whole file; every problem is reported at once (ProvisioningError.problems)."""
    path = Path(path)
    problems: list[tuple[str, dict]] = []

    def fail() -> ProvisioningError:
        return ProvisioningError(path=path, problems=problems)

    if not path.is_file():
        problems.append(("pkg.prov.not_found", {}))
        raise fail()
    try:
        text = path.read_text("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(("pkg.prov.unreadable", {"detail": str(exc)[:120]}))
        raise fail() from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        problems.append(("pkg.prov.bad_json", {"line": exc.lineno, "col": exc.colno, "detail": exc.msg}))
        raise fail() from exc
    if not isinstance(data, dict):
        problems.append(("pkg.prov.not_object", {}))
        raise fail()
    consumed = data.get("_consumed")
    if consumed:
        when = consumed.get("at", "?") if isinstance(consumed, dict) else "?"
        problems.append(("pkg.prov.already_used", {"when": when}))
        raise fail()
    fmt = data.get("format", FORMAT)
    if not isinstance(fmt, int) or fmt > FORMAT:
        problems.append(("pkg.prov.newer_format", {"format": fmt, "known": FORMAT}))

    def unknown(obj: dict, allowed: set[str], where: str = "") -> None:
        for key in obj:
            if key not in allowed and not key.startswith(("_", "comment")):
                problems.append(("pkg.prov.unknown_field", {"field": where + key}))

    def text_field(obj: dict, key: str, where: str = "", required: bool = True) -> str:
        value = obj.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                problems.append(("pkg.prov.missing", {"field": where + key}))
            return ""
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            problems.append(("pkg.prov.wrong_type", {"field": where + key, "kind": tr("pkg.prov.type.text")}))
            return ""
        return str(value).strip()

    def object_field(obj: dict, key: str, required: bool) -> dict | None:
        value = obj.get(key)
        if value is None:
            if required:
                problems.append(("pkg.prov.missing", {"field": key}))
            return None
        if not isinstance(value, dict):
            problems.append(("pkg.prov.wrong_type", {"field": key, "kind": tr("pkg.prov.type.object")}))
            return None
        return value

    unknown(data, _TOP_KEYS)
    restore = data.get("restore_from_hub", False)
    if not isinstance(restore, bool):
        problems.append(("pkg.prov.wrong_type", {"field": "restore_from_hub", "kind": tr("pkg.prov.type.bool")}))
        restore = False
    code = text_field(data, "commune_code")
    if code and not (code.isdigit() and 1 <= len(code) <= 10):
        problems.append(("pkg.prov.bad_siruta", {"value": code}))
    name = text_field(data, "commune_name", required=not restore)   # a restore brings them from the hub
    county = text_field(data, "county", required=not restore)
    address = text_field(data, "address", required=False)

    admin = object_field(data, "admin", required=True) or {}
    unknown(admin, _ADMIN_KEYS, "admin.")
    from local_db.users import _USERNAME, MIN_PASSWORD  # noqa: PLC0415 - the core's own rules
    username = text_field(admin, "username", "admin.").lower() if admin or "admin" in data else ""
    if username and not _USERNAME.match(username):
        problems.append(("pkg.prov.bad_username", {"value": username}))
    password = admin.get("password") if admin else None
    if admin:
        if not isinstance(password, str) or not password:
            problems.append(("pkg.prov.missing", {"field": "admin.password"}))
            password = ""
        elif len(password) < MIN_PASSWORD:
            problems.append(("pkg.prov.short_password", {"min": MIN_PASSWORD}))
    full_name = text_field(admin, "full_name", "admin.", required=False) if admin else ""
    must_change = admin.get("must_change_password", False) if admin else False
    if not isinstance(must_change, bool):
        problems.append(("pkg.prov.wrong_type", {"field": "admin.must_change_password",
                                                 "kind": tr("pkg.prov.type.bool")}))
        must_change = False

    hub: HubSettings | None = None
    hub_obj = object_field(data, "hub", required=False)
    if hub_obj is not None:
        unknown(hub_obj, _HUB_KEYS, "hub.")
        url = text_field(hub_obj, "url", "hub.")
        if url:
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment:
                problems.append(("pkg.prov.bad_url", {"value": url}))
        enrol_code = text_field(hub_obj, "enrolment_code", "hub.")
        ca_file = text_field(hub_obj, "ca_bundle", "hub.", required=False)
        ca_pem = text_field(hub_obj, "ca_pem", "hub.", required=False)
        ca_path: Path | None = None
        if ca_file and ca_pem:
            problems.append(("pkg.prov.ca_both", {}))
        elif ca_file:
            ca_path = Path(ca_file).expanduser()
            if not ca_path.is_absolute():
                ca_path = path.resolve().parent / ca_path
            if not ca_path.is_file():
                problems.append(("pkg.prov.ca_missing", {"path": ca_path}))
            elif _PEM not in ca_path.read_text("ascii", errors="replace"):
                problems.append(("pkg.prov.ca_invalid", {"field": "hub.ca_bundle"}))
        elif ca_pem and _PEM not in ca_pem:
            problems.append(("pkg.prov.ca_invalid", {"field": "hub.ca_pem"}))
        hub = HubSettings(url.rstrip("/"), enrol_code, ca_path, ca_pem if ca_pem else "")

    if restore and hub is None:
        problems.append(("pkg.prov.missing", {"field": "hub"}))
    if problems:
        raise fail()
    return Provisioning(commune_code=code, commune_name=name, county=county, admin_username=username,
                        admin_password=password or "", admin_full_name=full_name, address=address, source=path,
                        hub=hub, must_change_password=must_change, restore_from_hub=restore)


# --- applying -----------------------------------------------------------------------------------------------

def _db_state(data_dir: Path) -> str | None:
    """The commune's name if `data_dir` already holds an initialised registry, else None."""
    db = data_dir / "registru.sqlite"
    if not db.is_file() or db.stat().st_size == 0:
        return None
    con = sqlite3.connect(db)  # read-write but only read: as the last connection it tidies -wal/-shm away
    con.execute("PRAGMA query_only = ON")
    try:
        row = con.execute("SELECT name FROM institution LIMIT 1").fetchone()
    except sqlite3.DatabaseError:
        return None  # no institution table: an empty (or foreign) file; Registry.open would say more
    finally:
        con.close()
    return row[0] if row else None


def check_environment(prov: Provisioning, data_dir: Path) -> None:
    """Everything that can be checked without changing anything: the data dir is new, the file can be
    consumed afterwards, the keyring is a secure one, the hub answers at that address."""
    name = _db_state(data_dir)
    if name is not None:
        raise ProvisioningError(key="pkg.prov.already_installed", path=data_dir, name=name)
    src = prov.source
    if src is not None and not (os.access(src, os.W_OK) and os.access(src.resolve().parent, os.W_OK)):
        raise ProvisioningError(path=src, problems=[("pkg.prov.not_writable", {"path": src.resolve().parent})])
    if prov.hub is None:
        return
    from sync.secrets import KeyringUnavailable, TokenStore  # noqa: PLC0415
    try:
        TokenStore().check()  # before the hub is asked: a refused keyring must not spend the code
    except KeyringUnavailable as exc:
        raise ProvisioningError(str(exc)) from exc
    except Exception as exc:  # noqa: BLE001 - a backend that cannot even start (Secret Service, no D-Bus)
        chosen = os.environ.get("PYTHON_KEYRING_BACKEND") or "keyring"
        raise ProvisioningError(str(KeyringUnavailable(f"{chosen}: {exc}"[:200]))) from exc


def _ca_for_request(prov: Provisioning, folder: Path) -> str | None:
    """Path of the CA bundle to verify the hub with (an inline PEM is written to `folder` first)."""
    if prov.hub is None:
        return None
    if prov.hub.ca_pem:
        folder.mkdir(parents=True, exist_ok=True)
        p = folder / CA_FILENAME
        p.write_text(prov.hub.ca_pem.strip() + "\n", "ascii")
        return str(p)
    return str(prov.hub.ca_bundle) if prov.hub.ca_bundle else None


def check_hub(url: str, ca_bundle: str | None) -> str:
    """GET /health: the address is a Registru hub and it is up. Returns the hub's version."""
    from sync.transport import HubError, Offline, Transport  # noqa: PLC0415
    try:
        with Transport(url, ca_bundle=ca_bundle, retries=1, backoff=0.2, connect_timeout=5,
                       read_timeout=15) as t:
            resp = t.request("GET", "/health", ok=(503,))
            if resp.status_code == 503:
                raise ProvisioningError(key="pkg.hub.unhealthy", url=url, detail="HTTP 503")
            try:
                body = resp.json()
            except ValueError:
                body = None
            if not isinstance(body, dict) or "status" not in body:
                raise ProvisioningError(key="pkg.hub.not_a_hub", url=url, status=resp.status_code)
            return str(body.get("version", "?"))
    except Offline as exc:
        raise ProvisioningError(key="pkg.hub.unreachable", url=url, detail=_short(exc), offline=True) from exc
    except HubError as exc:
        if exc.code == "tls":
            raise ProvisioningError(key="pkg.hub.tls", url=url, detail=_short(exc)) from exc
        raise ProvisioningError(key="pkg.hub.not_a_hub", url=url, status=exc.status) from exc


def _short(exc: BaseException) -> str:
    text = str(getattr(exc, "message", "") or exc)
    for marker in ("Caused by ", "Failed to establish a new connection: "):
        if marker in text:
            text = text.split(marker, 1)[1]
    return text.strip(" ()'\"")[:160]


def _hub_error(exc: Exception, url: str) -> ProvisioningError:
    from sync.secrets import KeyringUnavailable  # noqa: PLC0415
    from sync.transport import HubError, Offline  # noqa: PLC0415
    if isinstance(exc, KeyringUnavailable):
        return ProvisioningError(str(exc))
    if isinstance(exc, Offline):
        return ProvisioningError(key="pkg.hub.unreachable", url=url, detail=_short(exc), offline=True)
    if isinstance(exc, HubError):
        if exc.code in ("invalid_code", "code_used", "code_expired", "rate_limited"):
            return ProvisioningError(key=f"pkg.hub.{exc.code}")
        if exc.code == "tls":
            return ProvisioningError(key="pkg.hub.tls", url=url, detail=_short(exc))
        if exc.code == "other_commune":  # refused by the hub before spending: the code stays valid
            return ProvisioningError(key="pkg.hub.other_commune", detail=exc.message)
        return ProvisioningError(key="pkg.hub.error", detail=exc.message, code_spent=exc.status == 409)
    return ProvisioningError(key="pkg.hub.error", detail=f"{type(exc).__name__}: {exc}"[:200])


def _checkpoint(db: Path) -> None:
    """Fold the WAL into the database file so that moving the file moves everything."""
    con = sqlite3.connect(db)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        con.close()
    for suffix in ("-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)


def _install(staging: Path, data_dir: Path) -> None:
    """Move the staged registry into `data_dir` (new, or one without an initialised registry).
    The database file moves last, in one rename: until then the data dir is not an installation."""
    if not data_dir.exists():
        data_dir.parent.mkdir(parents=True, exist_ok=True)
        os.replace(staging, data_dir)
        return
    moved: list[Path] = []
    try:
        for child in sorted(staging.iterdir(), key=lambda p: p.name == "registru.sqlite"):
            target = data_dir / child.name
            if child.name == "registru.sqlite":
                for suffix in ("-wal", "-shm"):
                    Path(str(target) + suffix).unlink(missing_ok=True)
                os.replace(child, target)
            elif child.is_dir() and target.is_dir():
                for sub in child.iterdir():  # backups/, blobs/: keep what was there, add what is new
                    if not (target / sub.name).exists():
                        os.replace(sub, target / sub.name)
                        moved.append(target / sub.name)
            else:
                os.replace(child, target)
                moved.append(target)
    except BaseException:
        for p in moved:
            shutil.rmtree(p, ignore_errors=True) if p.is_dir() else p.unlink(missing_ok=True)
        raise
    shutil.rmtree(staging, ignore_errors=True)


def consume(path: Path, node: str = "", data_dir: Path | None = None) -> Path:
    """Make the file useless to anyone who finds it later: overwrite it in place (zeros, then the same
    content without the enrolment code and the password, plus when and where it was used), then rename
    it to `<name>.used`, which is never looked for. Returns the new path."""
    raw = path.read_bytes()
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except ValueError:
        data = {}
    if isinstance(data.get("hub"), dict) and "enrolment_code" in data["hub"]:
        data["hub"]["enrolment_code"] = REDACTED
    if isinstance(data.get("admin"), dict) and "password" in data["admin"]:
        data["admin"]["password"] = REDACTED
    data["_consumed"] = {"at": datetime.now().astimezone().isoformat(timespec="seconds"), "node": node,
                         "data_dir": str(data_dir or "")}
    new = json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")
    with open(path, "r+b") as f:
        f.write(b"\0" * len(raw))
        f.flush()
        os.fsync(f.fileno())
        f.seek(0)
        f.truncate()
        f.write(new)
        f.flush()
        os.fsync(f.fileno())
    used = path.with_name(path.name + USED_SUFFIX)
    os.replace(path, used)
    return used


Progress = Callable[[str], None]


def apply(prov_or_path: Provisioning | Path | str, data_dir: Path, progress: Progress | None = None,
          check_hub_first: bool = True) -> Result:
    """Provision `data_dir` from the file (see the module doc for the order and the rollback)."""
    say = progress or (lambda _msg: None)
    prov = prov_or_path if isinstance(prov_or_path, Provisioning) else load(Path(prov_or_path))
    data_dir = Path(data_dir).expanduser().resolve()
    if prov.source is not None:
        say(tr("pkg.prov.step.validated", path=prov.source))
    check_environment(prov, data_dir)
    staging = data_dir.parent / f".{data_dir.name}.provisioning-{secrets.token_hex(4)}"
    result = Result(data_dir, None, prov.admin_username, prov.must_change_password)
    node = ""
    tokens = None
    enrolled = False
    try:
        ca = _ca_for_request(prov, staging)
        if prov.hub is not None and check_hub_first:
            check_hub(prov.hub.url, ca)
            say(tr("pkg.prov.step.hub_ok", url=prov.hub.url))
        from local_db import Registry, sync_store  # noqa: PLC0415
        reg = Registry.open(staging)
        try:
            if not prov.restore_from_hub:
                result.institution = reg.init(prov.commune_code, prov.commune_name, prov.county,
                                              prov.admin_username, prov.admin_password,
                                              admin_full_name=prov.admin_full_name, address=prov.address)
            node = sync_store.ensure_node_id(reg.db)
            if prov.hub is not None:
                from sync.engine import SyncEngine  # noqa: PLC0415
                from sync.secrets import TokenStore  # noqa: PLC0415
                tokens = TokenStore()
                engine = SyncEngine(reg, tokens=tokens)
                try:
                    try:
                        resp = engine.enrol(prov.hub.url, prov.hub.enrolment_code, ca, commune=prov.commune_code)
                        enrolled = True
                    except Exception as exc:  # noqa: BLE001 - every refusal becomes one clear message
                        raise _hub_error(exc, prov.hub.url) from exc
                    result.hub_url, result.node = prov.hub.url, resp.node
                    if prov.restore_from_hub:
                        result.institution = _restore(engine, prov, resp.commune.code)
                        result.restored_entries = reg.entries.count()
                finally:
                    engine.close()
            if ca is not None:  # keep the CA beside the database: the USB stick will be gone
                if Path(ca).parent != staging:
                    shutil.copyfile(ca, staging / CA_FILENAME)
                sync_store.set_meta(reg.db, {"sync.ca_bundle": str(data_dir / CA_FILENAME)})
            if prov.must_change_password:
                sync_store.set_meta(reg.db, {f"{MUST_CHANGE_KEY}.{prov.admin_username}": "1"})
        finally:
            reg.close()
        _checkpoint(staging / "registru.sqlite")
        _install(staging, data_dir)
    except BaseException as exc:
        shutil.rmtree(staging, ignore_errors=True)
        if tokens is not None and node:
            tokens.delete(node)
        if isinstance(exc, ProvisioningError):
            exc.code_spent = exc.code_spent or enrolled
        else:
            from local_db import RegistruError  # noqa: PLC0415
            if isinstance(exc, RegistruError):  # the core refused a value (init checks again)
                log.warning("provisioning %s refused by the core: %s", prov.source, exc.message("en"))
                raise ProvisioningError(path=prov.source, problems=[("pkg.prov.value_refused",
                                                                     {"detail": str(exc)})]) from exc
        log.warning("provisioning %s into %s failed: %s", prov.source, data_dir, exc)
        raise
    inst = result.institution
    if prov.restore_from_hub:
        say(tr("pkg.prov.step.restored", name=inst.name, county=inst.county, code=inst.siruta,
               entries=result.restored_entries, path=data_dir))
    else:
        say(tr("pkg.prov.step.created", name=inst.name, county=inst.county, code=inst.siruta, path=data_dir))
    say(tr("pkg.prov.step.admin", username=prov.admin_username,
           change=tr("pkg.prov.step.must_change") if prov.must_change_password else ""))
    say(tr("pkg.prov.step.enrolled", url=result.hub_url, node=result.node) if prov.hub is not None
        else tr("pkg.prov.step.no_hub"))
    if prov.source is not None:
        try:
            result.consumed_as = consume(prov.source, node, data_dir)
            say(tr("pkg.prov.step.consumed", path=result.consumed_as))
        except OSError as exc:
            warning = tr("pkg.prov.step.not_consumed", path=prov.source, detail=exc)
            log.error("%s", warning)
            result.warnings.append(warning)
            say(warning)
    log.info("provisioned %s (%s) into %s from %s; hub %s", prov.commune_name, prov.commune_code, data_dir,
             prov.source, result.hub_url or "-")
    return result


def _restore(engine: Any, prov: Provisioning, hub_commune: str) -> Any:
    """The registry of the commune the code belongs to, from the hub's replica (a dead PC's successor)."""
    from sync.restore import RestoreError, restore_from_hub  # noqa: PLC0415
    from sync.transport import HubError, Offline  # noqa: PLC0415
    if hub_commune != prov.commune_code:
        raise ProvisioningError(key="pkg.prov.other_commune", code=hub_commune, local=prov.commune_code,
                                code_spent=True)
    try:
        restore_from_hub(engine, prov.admin_username, prov.admin_password)
    except RestoreError as exc:
        raise ProvisioningError(key="pkg.hub.error", detail=str(exc), code_spent=True) from exc
    except (HubError, Offline) as exc:
        err = _hub_error(exc, prov.hub.url if prov.hub else "")
        err.code_spent = True
        raise err from exc
    try:
        engine.sync_once()  # the county streams and the restore's own audit event; later if offline now
    except Exception as exc:  # noqa: BLE001 - the restore itself is complete
        log.warning("first sync after the restore did not finish: %s", exc)
    return engine.registry.institution()


# --- one-time password --------------------------------------------------------------------------------------

def password_change_required(registry: Any, username: str) -> bool:
    from local_db import sync_store  # noqa: PLC0415
    key = f"{MUST_CHANGE_KEY}.{username}"
    return sync_store.get_meta(registry.db, key).get(key) == "1"


def password_changed(registry: Any, username: str) -> None:
    from local_db import sync_store  # noqa: PLC0415
    sync_store.set_meta(registry.db, {f"{MUST_CHANGE_KEY}.{username}": None})


def task(path: Path, data_dir: Path) -> Callable[[Any], Result]:
    """`apply` as a background task for the desktop's TaskManager (the GUI's first start)."""
    def run(_ctx: Any) -> Result:
        return apply(path, data_dir)
    return run

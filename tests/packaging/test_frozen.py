"""The frozen bundle, built once per session by `python packaging/build.py` (fixture `bundle`), run as an
installer would: no display, no Qt platform set, this machine's own keyring, the CLI and the GUI from one
executable. Marked `packaging` (CI runs it: it is part of `python3 dev.py test`)."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from hub.auth import hash_secret, normalise_code
from hub.models import EnrolCode
from local_db.db import head_revision
from tests.hub.conftest import HubServer

from .conftest import ROOT, Bundle, frozen_env, provision_file, snapshot

pytestmark = pytest.mark.packaging
ADMIN = "parola-sigura-1"


def test_the_build_is_lean_and_complete(bundle: Bundle) -> None:
    r = bundle.report
    assert r["pruned"] and r["version"] == _version()
    assert r["mb"] < 190, f"the bundle grew to {r['mb']} MB: check what came in (registru-build.json 'largest')"
    names = {p.name for p in bundle.folder.rglob("*")}
    for banned in ("libQt6WebEngineCore.so.6", "libQt6Quick.so.6", "libQt6Qml.so.6", "libQt6Pdf.so.6",
                   "libQt6Network.so.6", "libQt6Multimedia.so.6", "libQt63DCore.so.6", "libgtk-3.so.0"):
        assert banned not in names, banned
    internal = bundle.folder / "_internal"
    assert (internal / "local_db" / "migrations" / "script.py.mako").is_file()
    assert {p.name for p in (internal / "local_db" / "migrations" / "versions").glob("*.py")} == \
        {p.name for p in (ROOT / "local_db" / "migrations" / "versions").glob("*.py")}
    assert not (internal / "hub").exists()
    if sys.platform.startswith("linux"):
        # every library in the bundle finds its dependencies (in the bundle or in the base system)
        missing = []
        for so in internal.rglob("*.so*"):
            if so.is_file() and not so.is_symlink() and "platforms" not in so.parts and "xcbglintegrations" not in so.parts:
                out = subprocess.run(["ldd", str(so)], capture_output=True, text=True,
                                     env={"LD_LIBRARY_PATH": f"{internal}:{internal / 'PySide6' / 'Qt' / 'lib'}"}).stdout
                missing += [f"{so.name}: {line.strip()}" for line in out.splitlines() if "not found" in line]
        # X11 client libraries every Linux desktop has (docs/installer-guide: libxcb-icccm4, libxcb-keysyms1…)
        # are left to the system; this headless build machine lacks some of them, so they are not bundled.
        desktop_x11 = ("libxcb-", "libxkbcommon", "libX11", "libEGL", "libGL", "libfontconfig", "libfreetype")
        assert not [m for m in missing if not m.split(": ", 1)[1].startswith(desktop_x11)], missing


def _version() -> str:
    from desktop import __version__
    return __version__


def test_version_from_the_frozen_executable(bundle: Bundle) -> None:
    t0 = time.monotonic()
    proc = bundle.run("--version")
    assert proc.returncode == 0 and proc.stdout.strip() == f"registru {_version()}", proc.stderr
    assert time.monotonic() - t0 < 20


def test_self_check_passes_offscreen(bundle: Bundle, tmp_path: Path) -> None:
    """No DISPLAY and no QT_QPA_PLATFORM: self-check picks the offscreen platform itself."""
    env = frozen_env(REGISTRU_DATA_DIR=str(tmp_path / "data"), REGISTRU_LOG_DIR=str(tmp_path / "log"))
    proc = bundle.run("self-check", env=env)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    out = proc.stdout
    assert "pachet instalat" in out and "Toate verificările au trecut" in out
    assert "✓ Fereastra principală desenată (offscreen" in out and "✓ PDF cu diacritice" in out
    assert f"migrată la revizia {head_revision()}" in out
    assert str(tmp_path / "log" / "registru.log") in out          # the log location is printed
    assert not (tmp_path / "data").exists()                       # a check creates nothing in the data dir
    proc = bundle.run("self-check", "--json", "--lang", "en", env=env)
    report = json.loads(proc.stdout)
    by_step = {c["step"]: c for c in report["checks"]}
    assert report["ok"] and {"database", "upgrade", "register", "window", "pdf", "translations", "keyring",
                              "hub"} <= set(by_step)
    assert all(c["status"] == "ok" for s, c in by_step.items() if s != "keyring")
    # the keyring this bundle sees on this machine, reported honestly
    assert by_step["keyring"]["status"] in ("ok", "warn")
    if by_step["keyring"]["status"] == "warn":
        assert "NOT secure" in by_step["keyring"]["text"]


def test_self_check_fails_on_a_broken_install(bundle: Bundle, tmp_path: Path) -> None:
    """A bundle whose migrations were lost must say so and exit non-zero."""
    broken = tmp_path / "registru"
    shutil.copytree(bundle.folder, broken, symlinks=True)
    shutil.rmtree(broken / "_internal" / "local_db" / "migrations" / "versions")
    proc = subprocess.run([str(broken / bundle.exe.name), "self-check"], capture_output=True, text=True,
                          env=frozen_env(REGISTRU_DATA_DIR=str(tmp_path / "data")), timeout=120)
    assert proc.returncode == 3, proc.stdout
    assert "✗" in proc.stdout and "verificări au eșuat" in proc.stdout


def test_cli_and_upgrade_from_the_frozen_executable(bundle: Bundle, tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(ROOT / "tests" / "data" / "registru-0001.sqlite", data / "registru.sqlite")
    env = frozen_env(REGISTRU_DATA_DIR=str(data))
    proc = bundle.run("info", "--json", env=env)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["entries"] == 13
    assert len(list((data / "backups").glob("pre-migration-0001-*.sqlite"))) == 1
    proc = bundle.run("register", "--direction", "in", "--type", "PETITIE", "--subject", "Cerere privind ședința",
                      "--sender", "Ion Pop", env=env)
    assert proc.returncode == 0, proc.stderr
    proc = bundle.run("search", "sedinta", env=env)
    assert "Cerere privind ședința" in proc.stdout


def test_gui_starts_to_an_interactive_window(bundle: Bundle, tmp_path: Path) -> None:
    """The frozen GUI (no subcommand) up to the login dialog, then logged in up to the main window with its
    table loaded. The figures go to docs/performance.md (Packaging); the bound here only catches a hang."""
    data = tmp_path / "data"
    env = frozen_env(REGISTRU_DATA_DIR=str(data), QT_QPA_PLATFORM="offscreen")
    proc = bundle.run("init", "--commune-code", "54975", "--commune-name", "Comuna Florești", "--county", "Cluj",
                      "--admin", "admin", "--password-stdin", env=env, input=ADMIN + "\n")
    assert proc.returncode == 0, proc.stderr
    runs = []
    for _ in range(3):
        env_probe = dict(env, REGISTRU_STARTUP_PROBE="1", REGISTRU_STARTUP_PROBE_LOGIN=f"admin:{ADMIN}")
        t0 = time.time()
        proc = subprocess.run([str(bundle.exe)], capture_output=True, text=True, env=env_probe, timeout=60)
        line = next((x for x in proc.stdout.splitlines() if x.startswith("registru-startup ")), None)
        assert line, proc.stdout + proc.stderr
        probe = json.loads(line.split(" ", 1)[1])
        assert probe["first_window"] == "loginDialog"
        runs.append((probe["first_window_at"] - t0, probe["main_window_at"] - t0))
    first, main = min(r[0] for r in runs), min(r[1] for r in runs)
    (bundle.dist / "startup.json").write_text(json.dumps({"login_dialog_s": first, "main_window_s": main,
                                                          "runs": runs}), "utf-8")
    print(f"frozen start-up: login dialog {first:.2f} s, main window {main:.2f} s (best of 3)")
    assert first < 10 and main < 15


def test_frozen_provisioning_with_this_machines_keyring(bundle: Bundle, hub: HubServer, tmp_path: Path) -> None:
    """`registru provision` from the bundle against a real hub. The frozen process uses this machine's
    keyring (never the tests' in-memory one): where that is a secure one it enrols and consumes the file;
    on a headless box it is keyring's fail backend and provisioning must refuse, BEFORE spending the code,
    leaving nothing behind."""
    env = frozen_env(REGISTRU_DATA_DIR=str(tmp_path / "data"))
    seen = json.loads(bundle.run("self-check", "--json", env=env).stdout)
    keyring_check = next(c for c in seen["checks"] if c["step"] == "keyring")
    commune = hub.new_commune()
    code = hub.new_code(commune)
    path = provision_file(tmp_path / "usb", hub.base_url, code, commune)
    before = snapshot(tmp_path / "data")
    proc = bundle.run("provision", str(path), env=env)
    with hub.db.read() as s:
        row = s.scalar(select(EnrolCode).where(EnrolCode.code_hash == hash_secret(normalise_code(code))))
    if keyring_check["status"] == "ok":  # pragma: no cover - a desktop with a Secret Service / Windows
        assert proc.returncode == 0, proc.stderr
        assert row.used_at is not None and not path.exists()
        assert path.with_name(path.name + ".used").exists()
    else:
        assert proc.returncode == 1
        assert "Nu există un seif de parole sigur" in proc.stderr and "Nu s-a instalat nimic" in proc.stderr
        assert row.used_at is None                    # the installer can fix the PC and use the same file
        assert snapshot(tmp_path / "data") == before and path.exists()
        assert sorted(p.name for p in tmp_path.iterdir()) == ["usb"]


def test_frozen_provisioning_refuses_a_malformed_file(bundle: Bundle, tmp_path: Path) -> None:
    (tmp_path / "p.json").write_text('{"commune_code": 54975,', "utf-8")
    for lang, text in ((None, "nu este JSON valid"), ("en", "is not valid JSON")):
        proc = bundle.run("provision", str(tmp_path / "p.json"), *(["--lang", lang] if lang else []),
                          env=frozen_env(REGISTRU_DATA_DIR=str(tmp_path / "data")))
        assert proc.returncode == 1 and text in proc.stderr and len(proc.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "data").exists()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux tarball")
def test_linux_tarball(bundle: Bundle, tmp_path: Path) -> None:
    tgz = bundle.dist / f"registru-{_version()}-linux-x86_64.tar.gz"
    assert tgz.is_file() and bundle.report["archive"] == str(tgz)
    with tarfile.open(tgz) as tar:
        names = tar.getnames()
        top = f"registru-{_version()}-linux-x86_64"
        for n in ("registru.desktop", "registru.png", "install.sh", "registru/registru"):
            assert f"{top}/{n}" in names, n
        desktop = tar.extractfile(f"{top}/registru.desktop").read().decode()
        tar.extractall(tmp_path, filter="tar")
    assert "Exec=/opt/registru/registru" in desktop and "Icon=registru" in desktop and "Type=Application" in desktop
    exe = tmp_path / top / "registru" / "registru"
    proc = subprocess.run([str(exe), "--version"], capture_output=True, text=True, timeout=60, env=frozen_env())
    assert proc.stdout.strip() == f"registru {_version()}"
    # install.sh into a user prefix (as a non-root installer would), with a provisioning file
    prov = provision_file(tmp_path / "usb", None, None)
    home = tmp_path / "home"
    env = dict(frozen_env(), HOME=str(home))
    cmd = ["sh", str(tmp_path / top / "install.sh"), "--prefix", str(home / "opt" / "registru"), "--provision",
           str(prov), "--user-dirs"]
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert (home / "opt" / "registru" / "registru").is_file()
    entry = (home / ".local" / "share" / "applications" / "registru.desktop").read_text()
    assert f"Exec={home}/opt/registru/registru %F" in entry
    assert (home / ".config" / "Registru" / "registru-provision.json").read_bytes() == prov.read_bytes()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux keyring backends")
@pytest.mark.parametrize("backend", ["keyring.backends.SecretService.Keyring", "keyring.backends.kwallet.DBusKeyring"])
def test_the_linux_keyring_backends_are_in_the_bundle(bundle: Bundle, tmp_path: Path, backend: str) -> None:
    """Forced with PYTHON_KEYRING_BACKEND, the frozen app loads the backend (its own error, not an
    ImportError, when there is no D-Bus session here) and reports it; provisioning refuses cleanly."""
    env = frozen_env(REGISTRU_DATA_DIR=str(tmp_path / "data"), PYTHON_KEYRING_BACKEND=backend)
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    report = json.loads(bundle.run("self-check", "--json", env=env).stdout)
    text = next(c["text"] for c in report["checks"] if c["step"] == "keyring")
    assert backend.rsplit(".", 1)[0] in text and "No module named" not in text, text
    path = provision_file(tmp_path / "usb", "http://127.0.0.1:9", "AAAA-BBBB-CCCC")
    proc = bundle.run("provision", str(path), env=env)
    assert proc.returncode == 1 and "seif de parole sigur" in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "data").exists()

#!/usr/bin/env python3
"""One entry point for developers, CI and installers trying Registru from source.

    python3 dev.py run  [registru arguments]   set up, then start the app on the default local data dir
    python3 dev.py test [pytest arguments]     set up, then run the whole test suite

Set-up is idempotent and fast when nothing changed: it creates `.venv`, installs the pinned
requirements (re-installing only when requirements*.txt or pyproject.toml change), builds the Qt
translation files (.ts -> .qm) and, for tests, makes sure the machine services the suite talks to
(PostgreSQL on 127.0.0.1:5432, Debian's Chromium for the hub's web-admin tests) are there.
Only the standard library is used here, so it runs on a bare Python 3.11+.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import socket
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".setup-stamp"
IS_WIN = os.name == "nt"
PY = VENV / ("Scripts/python.exe" if IS_WIN else "bin/python")


def log(msg: str) -> None:
    print(f"[dev] {msg}", flush=True)


def _requirements_digest() -> str:
    h = hashlib.sha256()
    for name in ("requirements.txt", "requirements-dev.txt", "pyproject.toml"):
        p = ROOT / name
        if p.exists():
            h.update(p.read_bytes())
    return h.hexdigest()


def ensure_venv() -> None:
    if sys.version_info < (3, 11):
        sys.exit("Registru needs Python 3.11 or newer (found %s)." % sys.version.split()[0])
    if not PY.exists():
        log(f"creating virtual environment in {VENV}")
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    digest = _requirements_digest()
    if STAMP.exists() and STAMP.read_text().strip() == digest:
        return
    log("installing pinned dependencies (first run or requirements changed; a few minutes)")
    pip = [str(PY), "-m", "pip", "--disable-pip-version-check"]
    _quiet(pip + ["install", "-q", "--upgrade", "pip"])
    _quiet(pip + ["install", "-q", "-r", str(ROOT / "requirements-dev.txt")])
    _quiet(pip + ["install", "-q", "--no-deps", "--no-build-isolation", "-e", str(ROOT)])
    STAMP.write_text(digest)


def _quiet(cmd: list[str]) -> None:
    """Run pip, showing its output only if it fails (pip's warnings about this machine's index
    configuration are noise when it succeeds)."""
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if proc.returncode != 0:
        sys.stdout.write(proc.stdout)
        raise subprocess.CalledProcessError(proc.returncode, cmd)


def build_translations() -> None:
    """Compile ui/translations/*.ts into .qm with the lrelease that ships with PySide6."""
    ts_dir = ROOT / "ui" / "translations"
    if not ts_dir.is_dir():
        return
    sources = sorted(ts_dir.glob("*.ts"))
    stale = [ts for ts in sources
             if not ts.with_suffix(".qm").exists()
             or ts.with_suffix(".qm").stat().st_mtime < ts.stat().st_mtime]
    if not stale:
        return
    code = (
        "import sys, subprocess, pathlib, PySide6;"
        "d = pathlib.Path(PySide6.__file__).parent;"
        "exe = next((p for p in [d/'lrelease', d/'lrelease.exe', d/'Qt'/'libexec'/'lrelease'] if p.exists()), None);"
        "sys.exit(subprocess.call([str(exe), '-silent', *sys.argv[1:]]) if exe else "
        "subprocess.call([sys.executable, '-m', 'PySide6.scripts.pyside_tool', 'lrelease', '-silent', *sys.argv[1:]]))"
    )
    log(f"building {len(stale)} translation file(s)")
    for ts in stale:
        subprocess.check_call([str(PY), "-c", code, str(ts), "-qm", str(ts.with_suffix(".qm"))])


def _port_open(host: str, port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(1)
        return s.connect_ex((host, port)) == 0


def ensure_postgres() -> None:
    if _port_open("127.0.0.1", 5432):
        return
    etc = Path("/etc/postgresql")
    if not etc.is_dir():
        log("PostgreSQL is not installed here; PostgreSQL tests will fail loudly, not skip")
        return
    version = sorted(p.name for p in etc.iterdir())[-1]
    log(f"starting PostgreSQL {version}")
    subprocess.call(["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "start"])
    for _ in range(30):
        if _port_open("127.0.0.1", 5432):
            return
        import time
        time.sleep(1)


def ensure_chromium() -> None:
    if shutil.which("chromium") or os.environ.get("REGISTRU_CHROMIUM"):
        return
    if IS_WIN or not shutil.which("apt-get"):
        log("Chromium not found and no apt-get: browser tests will fail")
        return
    log("installing Debian's chromium for the web-admin browser tests")
    sudo = [] if os.geteuid() == 0 else ["sudo", "-n"]
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    if subprocess.call(sudo + ["apt-get", "install", "-y", "-q", "chromium"], env=env) != 0:
        subprocess.call(sudo + ["apt-get", "update", "-q"], env=env)
        subprocess.call(sudo + ["apt-get", "install", "-y", "-q", "chromium"], env=env)


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("run", "test", "setup"):
        print(__doc__)
        return 2
    cmd, rest = argv[0], argv[1:]
    ensure_venv()
    build_translations()
    if cmd == "setup":
        return 0
    if cmd == "run":
        return subprocess.call([str(PY), "-m", "desktop", *rest])
    ensure_postgres()
    ensure_chromium()
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return subprocess.call([str(PY), "-m", "pytest", *rest], cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

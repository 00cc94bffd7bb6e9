"""Shared fixtures: isolated env dirs, an in-memory keyring, a template database copied per test."""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ADMIN_PASSWORD = "parola-sigura-1"


class MemoryKeyring(KeyringBackend):
    """Test keyring: secrets live in this process only (never a file)."""
    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)


@pytest.fixture(autouse=True)
def _isolated_env(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    base = tmp_path_factory.mktemp("env")
    monkeypatch.setenv("REGISTRU_LOG_DIR", str(base / "log"))
    monkeypatch.setenv("REGISTRU_CONFIG_DIR", str(base / "config"))
    monkeypatch.setenv("REGISTRU_DATA_DIR", str(base / "data-default"))
    monkeypatch.delenv("REGISTRU_LANG", raising=False)
    keyring.set_keyring(MemoryKeyring())
    from local_db.messages import set_language
    set_language("ro")


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An initialised data dir (commune, defaults, admin + one clerk), made once per session."""
    from local_db import Registry
    from local_db.audit import SYSTEM
    d = tmp_path_factory.mktemp("template")
    with Registry.open(d) as reg:
        reg.init("54975", "Comuna Florești", "Cluj", "admin", ADMIN_PASSWORD, "Ana Admin")
        reg.users.add(SYSTEM, "maria", "parola-maria-1", "clerk", "Maria Registrator", "REG")
        reg.users.add(SYSTEM, "ion", "parola-ion-12", "compartment", "Ion Urbanist", "URB")
    return d


@pytest.fixture
def data_dir(template_db: Path, tmp_path: Path) -> Path:
    d = tmp_path / "data"
    shutil.copytree(template_db, d)
    return d


@pytest.fixture
def registry(data_dir: Path):
    from local_db import Registry
    reg = Registry.open(data_dir)
    yield reg
    reg.close()


def run_cli(*args: str, data_dir: Path | None = None, input: str | None = None, env: dict | None = None):
    """Run `python -m desktop ...` as a real process; returns CompletedProcess (text)."""
    import subprocess
    cmd = [sys.executable, "-m", "desktop", *args]
    if data_dir is not None:
        cmd += ["--data-dir", str(data_dir)]
    full_env = dict(os.environ, **(env or {}))
    return subprocess.run(cmd, input=input, capture_output=True, text=True, env=full_env, cwd=ROOT, timeout=120)

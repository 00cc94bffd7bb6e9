"""Fixtures for the packaging tests: a real county hub on loopback (its own, so the enrolment rate limit
is not shared with the sync tests), provisioning files, snapshots of a folder, and — for the tests marked
`packaging` — the frozen bundle, built ONCE per session by `python packaging/build.py` and shared."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.hub.conftest import HubServer

ROOT = Path(__file__).resolve().parents[2]
ADMIN_PASSWORD = "parola-instalare-1"


@pytest.fixture(scope="session")
def hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HubServer]:
    server = HubServer("sqlite", tmp_path_factory.mktemp("hub-packaging"))
    yield server
    server.stop()


def provision_file(folder: Path, hub_url: str | None, code: str | None, commune_code: str = "54975",
                   name: str = "provision", **extra: object) -> Path:
    data: dict = {"format": 1, "commune_code": commune_code, "commune_name": f"Comuna Florești {commune_code}",
                  "county": "Cluj",
                  "admin": {"username": "admin", "full_name": "Ana Pop", "password": ADMIN_PASSWORD}}
    if hub_url is not None:
        data["hub"] = {"url": hub_url, "enrolment_code": code}
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(data.get(key), dict):
            data[key].update(value)
        else:
            data[key] = value
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), "utf-8")
    return path


def snapshot(folder: Path) -> dict[str, bytes | None]:
    """Every file and folder under `folder` with its bytes (None for folders); {} if it does not exist."""
    if not folder.exists():
        return {}
    return {str(p.relative_to(folder)): (p.read_bytes() if p.is_file() else None) for p in sorted(folder.rglob("*"))}


# --- the frozen bundle -------------------------------------------------------------------------------------

@dataclass
class Bundle:
    dist: Path
    folder: Path
    exe: Path
    report: dict
    build_seconds: float

    def run(self, *args: str, env: dict | None = None, timeout: float = 120,
            input: str | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(self.exe), *args], capture_output=True, text=True, env=env or frozen_env(),
                              timeout=timeout, input=input, encoding="utf-8", errors="replace")


def frozen_env(**extra: str) -> dict[str, str]:
    """The environment of an installer's shell: no display, no Qt platform chosen, no test keyring; the
    test's own dirs (REGISTRU_*_DIR from the autouse fixture) so nothing is written to the real home."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY", "PYTHONPATH", "PYTHONHOME",
                        "PYTHON_KEYRING_BACKEND", "REGISTRU_LANG")}
    env.update(extra)
    return env


@pytest.fixture(scope="session")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Bundle:
    """`python packaging/build.py` into a temporary dist folder (PyInstaller's work folder build/pyinstaller
    is reused between runs, so a rebuild with no change is quicker)."""
    dist = tmp_path_factory.mktemp("dist")
    t0 = time.monotonic()
    proc = subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py"), "--dist", str(dist)], cwd=ROOT,
                          capture_output=True, text=True, timeout=900)
    seconds = time.monotonic() - t0
    assert proc.returncode == 0, f"build failed:\n{proc.stdout[-4000:]}\n{proc.stderr[-4000:]}"
    folder = dist / "registru"
    exe = folder / ("registru.exe" if sys.platform == "win32" else "registru")
    report = json.loads((dist / "registru-build.json").read_text("utf-8"))
    return Bundle(dist, folder, exe, report, seconds)

"""Fixtures for the hub tests: a real `registru-hub serve` process on loopback, on SQLite and PostgreSQL.

PostgreSQL must be running on 127.0.0.1:5432 (dev.py test starts it); if it is not, the PostgreSQL
tests fail loudly, they are never skipped. Each server gets its own throwaway database, dropped after.
"""
from __future__ import annotations

import itertools
import os
import secrets
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import psycopg
import pytest

from hub import communes
from hub.db import Database
from hub.settings import Settings
from sync.protocol import EnrolRequest

ROOT = Path(__file__).resolve().parents[2]
PG_ADMIN = "host=127.0.0.1 port=5432 user=postgres dbname=test"
_codes = itertools.count(1)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def create_pg_database() -> str:
    name = f"registru_hub_{secrets.token_hex(6)}"
    try:
        with psycopg.connect(PG_ADMIN, autocommit=True, connect_timeout=5) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
    except psycopg.OperationalError as exc:
        pytest.fail(f"PostgreSQL on 127.0.0.1:5432 is needed by the hub tests and is not reachable: {exc}")
    return name


def drop_pg_database(name: str) -> None:
    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def pg_url(name: str) -> str:
    return f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"


def run_cli(*args: str, db_url: str | None, data_dir: Path, stdin: str | None = None,
            check: bool = True) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "hub.cli", *args, "--data-dir", str(data_dir)]
    if db_url:
        cmd += ["--db", db_url]
    proc = subprocess.run(cmd, cwd=ROOT, input=stdin, capture_output=True, text=True, timeout=120)
    if check and proc.returncode != 0:
        raise AssertionError(f"{' '.join(args)} failed ({proc.returncode}): {proc.stderr}")
    return proc


@dataclass
class Device:
    """An enrolled installation: its node id, token and an HTTP client that sends the token."""
    node: str
    token: str
    commune_code: str
    client: httpx.Client


class HubServer:
    def __init__(self, backend: str, data_dir: Path, workers: int = 1, extra: tuple[str, ...] = ()) -> None:
        self.backend = backend
        self.data_dir = data_dir
        self.pg_name = create_pg_database() if backend == "pg" else None
        self.db_url = pg_url(self.pg_name) if self.pg_name else None
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.db = Database(Settings.create(self.db_url, data_dir))
        self.log_path = data_dir / "server.log"
        cmd = [sys.executable, "-m", "hub.cli", "serve", "--data-dir", str(data_dir), "--host", "127.0.0.1",
               "--port", str(self.port), "--workers", str(workers), "--no-access-log", "--log-level", "warning",
               *extra]
        if self.db_url:
            cmd += ["--db", self.db_url]
        self._log = self.log_path.open("wb")
        self.proc = subprocess.Popen(cmd, cwd=ROOT, stdout=self._log, stderr=subprocess.STDOUT,
                                     env=dict(os.environ, PYTHONUNBUFFERED="1"))
        self._clients: list[httpx.Client] = []
        self._wait_ready()

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"hub exited: {self.log_path.read_text(errors='replace')}")
            try:
                if httpx.get(self.base_url + "/api/v1/health", timeout=2).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        raise RuntimeError("hub did not become healthy in 60 s")

    def client(self, token: str | None = None) -> httpx.Client:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        c = httpx.Client(base_url=self.base_url, headers=headers, timeout=30)
        self._clients.append(c)
        return c

    def cli(self, *args: str, stdin: str | None = None, check: bool = True) -> subprocess.CompletedProcess[str]:
        return run_cli(*args, db_url=self.db_url, data_dir=self.data_dir, stdin=stdin, check=check)

    def new_commune(self, name: str = "Comuna Test") -> str:
        code = str(90000 + next(_codes))
        communes.add_commune(self.db, code, f"{name} {code}", "Cluj")
        return code

    def new_code(self, commune_code: str, hours: int = 1) -> str:
        return communes.create_code(self.db, commune_code, hours).code

    def enrol(self, commune_code: str) -> Device:
        node = str(uuid.uuid4())
        code = self.new_code(commune_code)
        r = httpx.post(self.base_url + "/api/v1/enrol",
                       json=EnrolRequest(code=code, node=node, hostname="pc", app_version="1.0").model_dump())
        assert r.status_code == 200, r.text
        token = r.json()["token"]
        return Device(node=node, token=token, commune_code=commune_code, client=self.client(token))

    def stop(self) -> None:
        for c in self._clients:
            c.close()
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self._log.close()
        self.db.dispose()
        if self.pg_name:
            drop_pg_database(self.pg_name)


@pytest.fixture(scope="session", params=["sqlite", "pg"])
def hub_server(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[HubServer]:
    server = HubServer(request.param, tmp_path_factory.mktemp(f"hub-{request.param}"))
    yield server
    server.stop()


@pytest.fixture
def sqlite_hub(tmp_path: Path) -> Iterator[HubServer]:
    """A private SQLite hub for tests that need their own settings or state."""
    server = HubServer("sqlite", tmp_path)
    yield server
    server.stop()

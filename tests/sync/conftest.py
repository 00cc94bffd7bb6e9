"""Fixtures for the sync tests: a REAL hub process (`python -m hub.cli serve`, SQLite, loopback) with the
fault-injecting proxy in front of it, and initialised registries enrolled through the proxy.

The token lives in the in-memory keyring the root conftest installs (never a file); child processes
that must be SIGKILLed are forked (multiprocessing 'fork'), so they inherit that keyring.
"""
from __future__ import annotations

import json
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bench.faultproxy import FaultProxy
from hub import communes
from hub import store as hub_store
from hub.models import ChangeRow, Device
from local_db import NewEntry, Party, Registry
from local_db.audit import SYSTEM
from sync.engine import SyncEngine
from sync.protocol import stream_checksum
from tests.hub.conftest import HubServer

from local_db import sync_store as store

COMPARED_KINDS = ("institution", "compartment", "register", "user", "entry", "attachment", "audit_event")


@pytest.fixture(scope="session")
def hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HubServer]:
    """One hub for the module-independent tests; each test works in its own commune."""
    server = HubServer("sqlite", tmp_path_factory.mktemp("hub-sync"))
    yield server
    server.stop()


@pytest.fixture
def proxy(hub: HubServer) -> Iterator[FaultProxy]:
    p = FaultProxy(("127.0.0.1", hub.port), seed=7).start()
    yield p
    p.stop()


@dataclass
class Site:
    """A town hall: its registry, its sync engine, its commune code at the hub."""
    reg: Registry
    engine: SyncEngine
    code: str
    data_dir: Path

    @property
    def node(self) -> str:
        return self.reg.node_id

    def close(self) -> None:
        self.engine.close()
        self.reg.close()


def new_registry(data_dir: Path, code: str, template: Path | None = None) -> Registry:
    if template is not None:
        shutil.copytree(template, data_dir)
        reg = Registry.open(data_dir)
        with reg.db.write() as s:  # the template's commune code and node id are replaced by this site's
            from local_db.db import raw
            raw(s).execute("UPDATE institution SET siruta = ?", (code,))
            raw(s).execute("UPDATE meta SET value = ? WHERE key = 'node_id'", (str(uuid.uuid4()),))
        return reg
    reg = Registry.open(data_dir)
    reg.init(code, f"Comuna {code}", "Cluj", "admin", "parola-sigura-1", "Ana Admin")
    return reg


@pytest.fixture
def make_site(hub: HubServer, proxy: FaultProxy, tmp_path: Path) -> Iterator:
    sites: list[Site] = []

    def make(enrol: bool = True, code: str | None = None, name: str = "site") -> Site:
        code = code or hub.new_commune()
        d = tmp_path / f"{name}-{len(sites)}"
        reg = new_registry(d, code)
        site = Site(reg, SyncEngine(reg), code, d)
        if enrol:
            site.engine.enrol(proxy.url, hub.new_code(code))
        sites.append(site)
        return site

    yield make
    for s in sites:
        s.close()


def register(reg: Registry, n: int, start: int = 0, attach_every: int = 0, tmp: Path | None = None) -> list[str]:
    """Register `n` incoming entries (every `attach_every`-th with a small unique file); returns uuids."""
    out = []
    for i in range(start, start + n):
        files = []
        if attach_every and i % attach_every == 0 and tmp is not None:
            f = tmp / f"scan-{i}.pdf"
            f.write_bytes(b"%PDF-1.4 scan " + str(i).encode() * 50 + uuid.uuid4().bytes)
            files = [str(f)]
        v = reg.entries.register(SYSTEM, NewEntry(direction="in", subject=f"Cerere nr. {i} privind ședința",
                                                  sender=Party(f"Ion Popescu {i % 17}"), attachments=files))
        out.append(v.uuid)
    return out


def hub_commune_id(hub: HubServer, code: str) -> int:
    return communes.commune_by_code(hub.db, code).id


def hub_summary(hub: HubServer, code: str) -> dict[str, tuple[int, str]]:
    return hub_store.replica_summary(hub.db, hub_commune_id(hub, code))


def local_summary(reg: Registry) -> dict[str, tuple[int, str]]:
    out = {}
    for kind in COMPARED_KINDS:
        pairs = store.local_pairs(reg.db, kind)
        if pairs:
            out[kind] = (len(pairs), stream_checksum(pairs))
    return out


def assert_converged(hub: HubServer, site: Site) -> None:
    """The hub's replica equals the local data, checksum for checksum; nothing left to send; no duplicates."""
    remote = hub_summary(hub, site.code)
    local = local_summary(site.reg)
    for kind, value in local.items():
        assert remote.get(kind) == value, f"{kind}: hub {remote.get(kind)} != local {value}"
    assert site.reg.outbox_pending() == 0
    with hub.db.read() as s:
        dev = s.execute(select(Device.id, Device.ack).where(Device.node == site.node)).one()
        n, top = s.execute(select(func.count(), func.max(ChangeRow.seq)).where(ChangeRow.device_id == dev.id)).one()
    assert n == top == dev.ack, "the hub holds every change exactly once, contiguously"


def hub_json(hub: HubServer, *args: str) -> object:
    return json.loads(hub.cli(*args, "--json").stdout)

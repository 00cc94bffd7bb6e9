"""Chaos: thousands of registrations with attachments while the proxy cuts, drops and duplicates and the hub
is restarted; afterwards the hub's replica equals the local data checksum for checksum, no duplicates,
outbox empty."""
from __future__ import annotations

import random
import threading
import time
from pathlib import Path

import pytest

from bench.faultproxy import FaultProxy
from sync.engine import SyncEngine
from sync.transport import HubError, Offline, Transport
from tests.hub.conftest import HubServer

from .conftest import Site, assert_converged, new_registry, register

ENTRIES = 2000


@pytest.mark.chaos
def test_chaos_converges(tmp_path: Path) -> None:
    hub = HubServer("sqlite", tmp_path / "hub")
    proxy = FaultProxy(("127.0.0.1", hub.port), rtt_ms=20, drop=0.01, seed=11).start()
    proxy.cut_every(40_000, "up", jitter=30_000)
    code = hub.new_commune()
    reg = new_registry(tmp_path / "site", code)
    engine = SyncEngine(reg, transport_factory=lambda *a, **k: Transport(*a, retries=2, backoff=0.05, **k))
    site = Site(reg, engine, code, tmp_path / "site")
    rng = random.Random(5)
    errors: list[str] = []
    stop = threading.Event()

    def clerk() -> None:  # registers while sync runs, as at the front desk
        done = 0
        while done < ENTRIES:
            register(reg, 100, start=done, attach_every=7, tmp=tmp_path)
            done += 100
        stop.set()

    restarts = []

    def monkey() -> None:  # the hub dies twice mid-traffic (SIGKILL) and comes back on the same port
        for pause in (1.5, 2.5):
            time.sleep(pause)
            hub.proc.kill()
            hub.proc.wait()
            time.sleep(0.5)
            _restart(hub)
            restarts.append(time.monotonic())

    writer = threading.Thread(target=clerk)
    chaos = threading.Thread(target=monkey)
    try:
        engine.enrol(proxy.url, hub.new_code(code))
        writer.start()
        chaos.start()
        rounds = 0
        t0 = time.monotonic()
        while not stop.is_set() or chaos.is_alive() or reg.outbox_pending() or engine.pending_blobs:
            rounds += 1
            if rounds % 5 == 0:
                proxy.duplicate_next()
            try:
                engine.sync_once()
            except (Offline, HubError) as exc:
                errors.append(type(exc).__name__)
                time.sleep(rng.uniform(0.05, 0.2))
            assert time.monotonic() - t0 < 150, "no convergence in 150 s"
        proxy.clear_cuts()
        proxy.configure(drop=0.0)
        engine.sync_once()
        assert len(restarts) == 2 and proxy.stats.cuts > 5 and proxy.stats.duplicates >= 1
        assert "Offline" in errors or "HubError" in errors
        assert_converged(hub, site)
        assert reg.entries.count() == ENTRIES
        assert reg.verify().ok
    finally:
        stop.set()
        writer.join(120)
        chaos.join(60)
        engine.close()
        reg.close()
        proxy.stop()
        hub.stop()


def _restart(old: HubServer) -> HubServer:
    """Start the hub again on the same data dir and port (the proxy keeps pointing at it)."""
    import os
    import subprocess
    import sys
    old._log.close()
    old._log = old.log_path.open("ab")
    cmd = [sys.executable, "-m", "hub.cli", "serve", "--data-dir", str(old.data_dir), "--host", "127.0.0.1",
           "--port", str(old.port), "--no-access-log", "--log-level", "warning"]
    old.proc = subprocess.Popen(cmd, cwd=Path(__file__).resolve().parents[2], stdout=old._log,
                                stderr=subprocess.STDOUT, env=dict(os.environ, PYTHONUNBUFFERED="1"))
    old._wait_ready()
    return old

"""`registru self-check` in-process (the tests' in-memory keyring): every check on a working installation,
the hub's health, clock and token once enrolled — and a revoked token or an insecure keyring on an enrolled
installation are failures (exit 3), said in words."""
from __future__ import annotations

from pathlib import Path

import keyring
import pytest

from desktop.selfcheck import FAIL, OK, SelfCheck, main
from hub import communes
from tests.hub.conftest import HubServer

from .conftest import provision_file


def _run(data_dir: Path, tmp_path: Path) -> dict[str, tuple[str, str]]:
    report = SelfCheck(data_dir, tmp_path / "registru.log").run()
    return {c.step: (c.status, c.text) for c in report.checks}


@pytest.fixture
def enrolled(hub: HubServer, tmp_path: Path) -> tuple[Path, str]:
    from desktop.provisioning import apply
    commune = hub.new_commune()
    res = apply(provision_file(tmp_path / "usb", hub.base_url, hub.new_code(commune), commune), tmp_path / "data")
    return tmp_path / "data", res.node


def test_a_working_enrolled_installation(enrolled: tuple[Path, str], hub: HubServer, tmp_path: Path) -> None:
    data_dir, _node = enrolled
    checks = _run(data_dir, tmp_path)
    assert all(status == OK for status, _ in checks.values()), checks
    assert "tokenul este acceptat" in checks["hub"][1] and hub.base_url in checks["hub"][1]
    assert "Comuna Florești" in checks["data"][1]
    assert "MemoryKeyring" in checks["keyring"][1]


def test_a_revoked_token_fails(enrolled: tuple[Path, str], hub: HubServer, tmp_path: Path,
                               capsys: pytest.CaptureFixture[str]) -> None:
    data_dir, node = enrolled
    communes.revoke_device(hub.db, node)
    checks = _run(data_dir, tmp_path)
    assert checks["hub"][0] == FAIL and "reînrolați" in checks["hub"][1]
    assert main(data_dir, tmp_path / "registru.log") == 3
    out = capsys.readouterr().out
    assert "✗ Hub" in out and "verificări au eșuat" in out and str(tmp_path / "registru.log") in out


def test_an_insecure_keyring_on_an_enrolled_installation_fails(enrolled: tuple[Path, str], tmp_path: Path) -> None:
    from keyring.backends.fail import Keyring as FailKeyring
    keyring.set_keyring(FailKeyring())
    checks = _run(enrolled[0], tmp_path)
    assert checks["keyring"][0] == FAIL and "NU este sigur" in checks["keyring"][1]
    assert checks["hub"][0] == FAIL                  # no token to show the hub


def test_an_unreachable_hub_fails(enrolled: tuple[Path, str], tmp_path: Path) -> None:
    import sqlite3
    from tests.hub.conftest import free_port
    con = sqlite3.connect(enrolled[0] / "registru.sqlite")
    con.execute("UPDATE meta SET value = ? WHERE key = 'sync.hub_url'", (f"http://127.0.0.1:{free_port()}",))
    con.commit()
    con.close()
    checks = _run(enrolled[0], tmp_path)
    assert checks["hub"][0] == FAIL and "nu poate fi contactat" in checks["hub"][1]

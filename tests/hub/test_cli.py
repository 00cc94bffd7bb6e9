"""`registru-hub` CLI through a subprocess: administration commands, JSON status, one-line errors."""
from __future__ import annotations

import json
from pathlib import Path

from tests.hub.conftest import run_cli


def test_cli_administration_round_trip(tmp_path: Path) -> None:
    d = tmp_path / "data"
    assert run_cli("--version", db_url=None, data_dir=d).stdout.startswith("registru-hub 0.")
    assert "newest schema" in run_cli("migrate", db_url=None, data_dir=d).stdout
    run_cli("config", "set", "county", "Cluj", db_url=None, data_dir=d)
    run_cli("config", "set", "institution", "Consiliul Județean Cluj", db_url=None, data_dir=d)
    assert "Comuna Florești" in run_cli("commune", "add", "54975", "Comuna Florești", db_url=None, data_dir=d).stdout
    run_cli("commune", "add", "55071", "Comuna Apahida", db_url=None, data_dir=d)
    listed = json.loads(run_cli("commune", "list", "--json", db_url=None, data_dir=d).stdout)
    assert {c["code"] for c in listed} == {"54975", "55071"} and listed[0]["county"] == "Cluj"
    code = json.loads(run_cli("code", "create", "54975", "--hours", "2", "--json", db_url=None, data_dir=d).stdout)
    assert len(code["code"]) == 14 and code["commune"] == "54975"
    codes = json.loads(run_cli("code", "list", "--json", db_url=None, data_dir=d).stdout)
    assert codes[0]["status"] == "active" and code["code"] not in json.dumps(codes)   # only a hint is kept
    run_cli("user", "add", "ana", "--password-stdin", stdin="o-parola-lunga\n", db_url=None, data_dir=d)
    assert "ana" in run_cli("user", "list", db_url=None, data_dir=d).stdout
    csv = tmp_path / "tipuri.csv"
    csv.write_text("code,name,deadline_days,day_kind\nPET,Petiție,30,calendar\n", encoding="utf-8")
    assert "1 published" in run_cli("publish", "doc_types", str(csv), "--to", "54975", db_url=None, data_dir=d).stdout
    f = tmp_path / "c.pdf"
    f.write_bytes(b"%PDF")
    message_id = run_cli("circular", "send", "--subject", "Test", "--body", "Corp", "--file", str(f), "--to", "all",
                         db_url=None, data_dir=d).stdout.strip()
    status = json.loads(run_cli("circular", "status", message_id, "--json", db_url=None, data_dir=d).stdout)
    assert {t["commune"] for t in status["targets"]} == {"54975", "55071"}
    assert "Test" in run_cli("circular", "list", db_url=None, data_dir=d).stdout
    health = json.loads(run_cli("status", "--json", db_url=None, data_dir=d).stdout)
    assert {c["code"] for c in health} == {"54975", "55071"} and health[0]["installations"] == []
    assert "doc_types rebuilt" in run_cli("stream", "rebuild", "doc_types", db_url=None, data_dir=d).stdout


def test_cli_errors_are_one_line(tmp_path: Path) -> None:
    d = tmp_path / "data"
    cases = [
        ("code", "create", "99999"),                                  # unknown commune
        ("commune", "add", "abc", "X"),                               # not a SIRUTA code
        ("publish", "localities", str(tmp_path / "missing.csv")),
        ("device", "revoke", "no-such-node"),
        ("circular", "send", "--subject", "S", "--to", "12345"),
    ]
    for args in cases:
        proc = run_cli(*args, db_url=None, data_dir=d, check=False)
        assert proc.returncode == 1, args
        lines = proc.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("registru-hub: error: "), proc.stderr
    bad_json = tmp_path / "bad.json"
    bad_json.write_text('[{"siruta": "x1", "name": ""}]')
    proc = run_cli("publish", "localities", str(bad_json), db_url=None, data_dir=d, check=False)
    assert proc.returncode == 1 and "siruta" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1
    proc = run_cli("status", db_url="postgresql+psycopg://nobody@127.0.0.1:1/none", data_dir=d, check=False)
    assert proc.returncode == 1 and len(proc.stderr.strip().splitlines()) == 1

"""The `registru` command line as a real process: output, --json, exit codes, one-line errors."""
from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

from tests.conftest import run_cli


def _init(tmp_path: Path) -> Path:
    d = tmp_path / "data"
    r = run_cli("init", "--commune-code", "54975", "--commune-name", "Comuna Florești", "--county", "Cluj",
                "--admin", "admin", "--password-stdin", data_dir=d, input="parola-sigura-1\n")
    assert r.returncode == 0, r.stderr
    assert "Comuna Florești" in r.stdout
    return d


def test_init_register_show_search(tmp_path: Path) -> None:
    d = _init(tmp_path)
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF scan")
    r = run_cli("register", "--direction", "in", "--type", "PETITIE", "--subject", "Sesizare privind iluminatul public",
                "--sender", "Ștefan Țurcanu", "--sender-id", "1630615123457", "--pages", "2", "--attach", str(scan),
                data_dir=d)
    assert r.returncode == 0, r.stderr
    year = date.today().year
    assert f"nr. 1/{year} din {date.today():%d.%m.%Y}" in r.stdout and "Termen de rezolvare" in r.stdout
    r = run_cli("register", "--direction", "out", "--subject", "Răspuns", "--recipient", "Ștefan Țurcanu",
                "--reply-to", f"1/{year}", "--json", data_dir=d)
    out = json.loads(r.stdout)
    assert (out["number"], out["year"], out["deadline"]) == (2, year, None)
    r = run_cli("show", f"1/{year}", "--json", "--history", data_dir=d)
    shown = json.loads(r.stdout)
    assert shown["status"] == "resolved" and shown["reply"] == f"2/{year}"
    assert shown["sender"]["idno"] == "1********3457"
    assert shown["attachments"][0]["filename"] == "scan.pdf"
    assert [h["action"] for h in shown["history"]] == ["register", "resolve"]
    r = run_cli("search", "iluminatul", "public", "--json", data_dir=d)
    assert [row["ref"] for row in json.loads(r.stdout)["rows"]] == [f"1/{year}"]
    r = run_cli("search", "turcanu", "--direction", "out", data_dir=d)
    assert f"2/{year}" in r.stdout and f"1/{year}" not in r.stdout


def test_errors_are_one_clear_line(tmp_path: Path) -> None:
    d = _init(tmp_path)
    cases = [
        (("register", "--direction", "in", "--subject", "x", "--sender", "A", "--sender-id", "1630615123458"),
         "CNP-ul „1630615123458” nu este valid"),
        (("register", "--direction", "in", "--subject", "x"), "o intrare trebuie să aibă expeditor"),
        (("show", "99/2020"), "înregistrarea 99/2020 nu există"),
        (("show", "abc"), "nu este un număr de forma NR/AN"),
        (("attach", "1/2020", "/nu/exista.pdf"), "nu există"),
        (("restore", str(tmp_path / "nope.sqlite")), "nu este o bază de date Registru validă"),
    ]
    for args, text in cases:
        r = run_cli(*args, data_dir=d)
        assert r.returncode == 1, (args, r.stdout, r.stderr)
        assert text in r.stderr, (args, r.stderr)
        assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1
    r = run_cli("--lang", "en", "show", "99/2020", data_dir=d)
    assert "entry 99/2020 does not exist" in r.stderr


def test_commands_on_an_uninitialised_dir_say_so(tmp_path: Path) -> None:
    r = run_cli("register", "--direction", "in", "--subject", "x", "--sender", "A", data_dir=tmp_path / "empty")
    assert r.returncode == 1 and "registru init" in r.stderr


def test_verify_fails_after_tampering_and_names_the_event(tmp_path: Path) -> None:
    d = _init(tmp_path)
    run_cli("register", "--direction", "in", "--subject", "Cerere", "--sender", "Ana", data_dir=d)
    assert run_cli("verify", data_dir=d).returncode == 0
    con = sqlite3.connect(d / "registru.sqlite")
    con.execute("UPDATE entry SET sender_name = 'Altcineva'")
    con.commit()
    con.close()
    r = run_cli("verify", data_dir=d)
    assert r.returncode == 3
    assert "diferă de starea consemnată în jurnal la evenimentul #" in r.stderr and "sender_name" in r.stderr


def test_backup_and_restore(tmp_path: Path) -> None:
    d = _init(tmp_path)
    run_cli("register", "--direction", "in", "--subject", "Prima", "--sender", "Ana", data_dir=d)
    path = json.loads(run_cli("backup", "--json", data_dir=d).stdout)["path"]
    run_cli("register", "--direction", "in", "--subject", "A doua", "--sender", "Ana", data_dir=d)
    r = run_cli("restore", path, data_dir=d)
    assert r.returncode == 0, r.stderr
    rows = json.loads(run_cli("search", "--json", data_dir=d).stdout)["rows"]
    assert [row["subject"] for row in rows] == ["Prima"]
    assert len(json.loads(run_cli("backups", "--json", data_dir=d).stdout)) == 2


def test_cancel_assign_resolve_extend(tmp_path: Path) -> None:
    d = _init(tmp_path)
    year = date.today().year
    for _ in range(2):
        run_cli("register", "--direction", "in", "--type", "PETITIE", "--subject", "Cerere", "--sender", "Ana", data_dir=d)
    assert run_cli("cancel", f"1/{year}", "--reason", "Dublură", data_dir=d).returncode == 0
    assert run_cli("assign", f"2/{year}", "--compartment", "URB", data_dir=d).returncode == 0
    r = run_cli("extend", f"2/{year}", "--days", "10", "--reason", "Verificare", "--json", data_dir=d)
    ext = json.loads(r.stdout)
    assert ext["deadline"] > ext["deadline_original"]
    r = run_cli("resolve", f"2/{year}", "--kind", "filed_no_action", "--text", "Clasat", "--json", data_dir=d)
    assert json.loads(r.stdout)["status"] == "resolved"
    r = run_cli("search", "--status", "cancelled", "--json", data_dir=d)
    assert [x["ref"] for x in json.loads(r.stdout)["rows"]] == [f"1/{year}"]


def test_registers_and_compartments(tmp_path: Path) -> None:
    d = _init(tmp_path)
    r = run_cli("registers", "--add", "PI", "Registrul cererilor de informații publice", "--json", data_dir=d)
    assert [x["code"] for x in json.loads(r.stdout)] == ["RG", "PI"]
    r = run_cli("register", "--direction", "in", "--register", "PI", "--type", "INFO-544", "--subject", "Buget",
                "--sender", "Ana", "--json", data_dir=d)
    assert json.loads(r.stdout)["number"] == 1
    r = run_cli("compartments", "--add", "IT", "Informatică", "--json", data_dir=d)
    assert "IT" in [x["code"] for x in json.loads(r.stdout)]
    r = run_cli("doc-types", "--json", data_dir=d)
    types = {t["code"]: t for t in json.loads(r.stdout)}
    assert types["PETITIE"]["deadline_days"] == 30 and "OG 27/2002" in types["PETITIE"]["legal_basis"]


def test_user_add_list_and_password(tmp_path: Path) -> None:
    d = _init(tmp_path)
    r = run_cli("user", "add", "maria", "--role", "clerk", "--full-name", "Maria Pop", "--password-stdin",
                data_dir=d, input="parola-maria-1\n")
    assert r.returncode == 0, r.stderr
    users = json.loads(run_cli("user", "list", "--json", data_dir=d).stdout)
    assert [(u["username"], u["role"]) for u in users] == [("admin", "admin"), ("maria", "clerk")]
    r = run_cli("user", "password", "maria", "--password-stdin", data_dir=d, input="parola-noua-22\n")
    assert r.returncode == 0 and "maria" in r.stdout
    from local_db import Registry
    with Registry.open(d) as reg:
        assert reg.users.authenticate("maria", "parola-noua-22").role == "clerk"
    r = run_cli("user", "password", "nimeni", "--password-stdin", data_dir=d, input="parola-noua-22\n")
    assert r.returncode == 1 and "nimeni" in r.stderr

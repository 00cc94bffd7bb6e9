"""`registru import-csv` / `registru export-csv` as real processes on the sample files."""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from local_db import Registry

ROOT = Path(__file__).resolve().parents[2]
LEGACY = ROOT / "tests" / "data" / "legacy"


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("cli-csv-template")
    with Registry.open(d) as reg:
        reg.init("54975", "Comuna Florești", "Cluj", "admin", "parola-sigura-1")
    return d


@pytest.fixture
def data(template: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(template, tmp_path / "data"))


def registru(data: Path, *args: str, lang: str = "ro") -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, REGISTRU_LOG_DIR=str(data.parent / "log"), REGISTRU_LANG=lang)
    return subprocess.run([sys.executable, "-m", "desktop", *args, "--data-dir", str(data)], capture_output=True,
                          text=True, env=env, cwd=ROOT, timeout=120)


def counts(data: Path) -> tuple[int, ...]:
    con = sqlite3.connect(data / "registru.sqlite")
    try:
        return tuple(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("entry", "audit_event", "outbox"))
    finally:
        con.close()


def test_errors_file_dry_run_and_apply_refused(data: Path) -> None:
    before = counts(data)
    dry = registru(data, "import-csv", str(LEGACY / "registru-2024-erori.csv"))
    assert dry.returncode == 1 and dry.stderr == ""
    for line, column in ((6, "Nr. înreg."), (11, "Nr. înreg."), (16, "Data înreg."), (21, "Data înreg."),
                         (26, "Emitent"), (42, "Conținutul pe scurt"), (47, "Data înreg."), (52, "Compartiment")):
        assert f"✗ linia {line}, {column}: " in dry.stdout
    assert "! linia 31, Conținutul pe scurt: " in dry.stdout
    assert "textul are 5000 caractere (maximum 500)" in dry.stdout
    assert "52 rânduri corecte, 8 rânduri cu erori, 1 avertismente" in dry.stdout

    applied = registru(data, "import-csv", str(LEGACY / "registru-2024-erori.csv"), "--apply", lang="en")
    assert applied.returncode == 1
    assert applied.stderr == "registru: import refused: 8 rows with errors; nothing was imported\n"
    assert counts(data) == before


def test_excel_file_applied_as_json_then_verify_and_export(data: Path, tmp_path: Path) -> None:
    run = registru(data, "import-csv", str(LEGACY / "registru-2023-excel.csv"), "--apply", "--json")
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)
    assert (report["applied"], report["imported"], report["next_number"], report["faults"]) == (True, 793, 794, [])
    assert report["columns"]["Conținutul pe scurt"] == "subject"
    assert registru(data, "verify").returncode == 0

    out = tmp_path / "public.csv"
    run = registru(data, "export-csv", str(out), "--year", "2023", "--from", "01.02.2023", "--to", "2023-02-28",
                   "--anonymise")
    assert run.returncode == 0, run.stderr
    text = out.read_bytes().decode("utf-8-sig")
    lines = text.split("\r\n")
    assert lines[0].startswith("Nr. înreg.;Data înreg.;") and lines[-1] == ""
    assert all(".02.2023;" in line for line in lines[1:-1]) and len(lines) > 10
    assert "\r\n55;01.02.2023;;6;0;M. F.;Declarație de impunere" in text  # Mureșan Floarea, anonymised
    assert "Mureșan Floarea" not in text and ";Inspectoratul Școlar Județean Cluj;" in text


def test_cp1250_file_told_its_encoding_then_searched(data: Path) -> None:
    run = registru(data, "import-csv", str(LEGACY / "registru-2022-cp1250.csv"), "--encoding", "cp1250",
                   "--delimiter", ",", "--apply")
    assert run.returncode == 0, run.stderr
    assert "Importate 800 înregistrări" in run.stdout
    found = [json.loads(registru(data, "search", q, "--year", "2022", "--count", "--json").stdout)["total"]
             for q in ("școlar", "scolar")]
    assert found[0] == found[1] > 0


def test_errors_are_one_line_without_traceback(data: Path, tmp_path: Path) -> None:
    cases = [("import-csv", str(tmp_path / "missing.csv")),
             ("import-csv", str(LEGACY / "registru-2023-excel.csv"), "--map", "Nr. file=pagini"),
             ("import-csv", str(LEGACY / "registru-2023-excel.csv"), "--delimiter", "|"),
             ("export-csv", str(tmp_path / "no" / "such" / "dir.csv"))]
    for args in cases:
        run = registru(data, *args)
        assert run.returncode == 1, args
        assert run.stderr.count("\n") == 1 and run.stderr.startswith("registru: ") and "Traceback" not in run.stderr

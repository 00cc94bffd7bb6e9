"""The archive's CLI through real processes (`python -m desktop ...`): every subcommand, --json, the PDF
and CSV outputs, and one clear line on stderr for refusals."""
from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from local_db import NewEntry, Party, Registry, SYSTEM
from local_db.archive_views import PlanItemInput

from ..conftest import run_cli
from ..local_db.helpers import FakeClock

THIS_YEAR = date.today().year
PAST = THIS_YEAR - 6   # old enough for a 1- or 3-year retention to have expired


@pytest.fixture
def old_year(data_dir: Path) -> Path:
    """A year PAST with a plan, entries (with a scan) registered then — made through the API, since the CLI
    only registers today."""
    clock = FakeClock(PAST, 2, 3, 10)
    with Registry.open(data_dir, clock=clock) as reg:
        reg.archive.plan.add(SYSTEM, PAST, PlanItemInput("I.A.1", "Registrul general de intrări-ieșiri", "P", "REG"))
        reg.archive.plan.add(SYSTEM, PAST, PlanItemInput("I.A.2", "Petiții și sesizări", "1", "REG",
                                                         doc_types=["PETITIE"]))
        for i in range(3):
            clock.set(PAST, 2 + i, 3, 10)
            reg.entries.register(SYSTEM, NewEntry("in", f"Sesizare {i} — ședință", "PETITIE", Party(f"Ion Pop {i}"),
                                                  compartment="REG", pages=2))
        reg.entries.register(SYSTEM, NewEntry("out", "Adresă către Prefectură", None,
                                              recipient=Party("Prefectura", "institution"), compartment="REG", pages=1))
    return data_dir


def cli(data_dir: Path, *args: str) -> str:
    out = run_cli(*args, data_dir=data_dir)
    assert out.returncode == 0, f"{args}: {out.stderr}"
    return out.stdout


def cli_json(data_dir: Path, *args: str):  # noqa: ANN201
    return json.loads(cli(data_dir, *args, "--json"))


def refused(data_dir: Path, *args: str) -> str:
    out = run_cli(*args, data_dir=data_dir)
    assert out.returncode == 1, out.stdout
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("registru: ") and "Traceback" not in out.stderr
    return lines[0]


def test_plan_commands(data_dir: Path, tmp_path: Path) -> None:
    assert "I.A.1" in cli(data_dir, "plan", "add", "--year", "2030", "--indicator", "I.A.1", "--title",
                          "Registrul general", "--retention", "P", "--compartment", "REG")
    err = refused(data_dir, "plan", "add", "--year", "2030", "--indicator", "I.A.2", "--title", "Petiții",
                  "--retention", "7")
    assert "nu este legal" in err
    err = refused(data_dir, "plan", "add", "--year", "2030", "--indicator", "I.A.1", "--title", "Dublură",
                  "--retention", "5")
    assert "există deja" in err
    tpl = tmp_path / "plan.csv"
    tpl.write_text("code,name,indicator,compartment,title,retention_years,notes\n"
                   "CJ,Model,I.A.2,REG,Petiții,5,\nCJ,Model,II.A.1,URB,Certificate de urbanism,10,\n", "utf-8")
    rep = cli_json(data_dir, "plan", "import", str(tpl), "--year", "2030")
    assert rep["added"] == ["I.A.2", "II.A.1"]
    rep = cli_json(data_dir, "plan", "copy", "--from", "2030", "--to", "2031")
    assert len(rep["added"]) == 3
    items = cli_json(data_dir, "plan", "list", "--year", "2031")
    assert [i["indicator"] for i in items] == ["I.A.1", "I.A.2", "II.A.1"] and items[0]["retention"] == "P"
    edited = cli_json(data_dir, "plan", "edit", "II.A.1", "--year", "2031", "--retention", "15")
    assert edited["retention"] == "15"
    cli(data_dir, "plan", "remove", "II.A.1", "--year", "2031")
    assert len(cli_json(data_dir, "plan", "list", "--year", "2031")) == 2


@pytest.mark.slow
def test_the_archive_cycle_through_the_cli(old_year: Path, tmp_path: Path) -> None:
    d = old_year
    opened = cli_json(d, "dossier", "open", "--year", str(PAST), "--indicator", "I.A.2")
    assert opened["ref"] == f"{PAST}:I.A.2" and opened["status"] == "open"
    cli(d, "dossier", "open", "--year", str(PAST), "--indicator", "I.A.1")
    sug = cli_json(d, "dossier", "suggest", f"1/{PAST}")
    assert sug[0]["plan_item"]["indicator"] == "I.A.2" and sug[0]["dossier"]["ref"] == f"{PAST}:I.A.2"
    filed = cli_json(d, "dossier", "file", f"{PAST}:I.A.2", f"1/{PAST}", f"2/{PAST}", f"3/{PAST}")
    assert [x[1] for x in filed["filed"]] == [f"{PAST}:I.A.2"] * 3
    cli(d, "dossier", "file", f"{PAST}:I.A.1", f"4/{PAST}")
    show = cli(d, "dossier", "show", f"{PAST}:I.A.2")
    assert "Sesizare 0 — ședință" in show and "6" in show
    report = cli_json(d, "close-year", str(PAST))
    assert report["closed"] is False and report["unresolved_count"] == 3  # three petitions never answered
    assert "nerezolvate" in refused(d, "close-year", str(PAST), "--apply")
    closed = cli_json(d, "close-year", str(PAST), "--apply", "--accept-unresolved")
    assert closed["closed"] is True
    err = refused(d, "dossier", "file", f"{PAST}:I.A.2", f"4/{PAST}")
    assert "închis" in err
    cli(d, "dossier", "reopen", f"{PAST}:I.A.2", "--reason", "verificare")
    cli(d, "dossier", "close", f"{PAST}:I.A.2")
    due = cli_json(d, "transfer", "due")
    assert due[0]["year"] == PAST and due[0]["overdue"] is True
    pdf = tmp_path / "inventar.pdf"
    csv = tmp_path / "inventar.csv"
    t = cli_json(d, "transfer", "record", "--year", str(PAST), "--compartment", "REG", "--handed-by", "Maria Ionescu",
                 "--received-by", "Ștefan Țăranu", "--room", "Depozit 1", "--shelf", "Raft 2", "--pdf", str(pdf),
                 "--csv", str(csv))
    assert t["number"] == 1 and t["dossiers"] == 2 and t["dossiers_permanent"] == 1
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(str(pdf)).pages)
    assert "I.A.1" in text and "I.A.2" in text and "Petiții și sesizări" in text and "Ștefan Țăranu" in text
    assert "Petiții și sesizări" in csv.read_text("utf-8-sig")
    reg_rows = cli_json(d, "transfer", "register")
    assert reg_rows[0]["kind"] == "in" and reg_rows[0]["units"] == 2
    assert cli_json(d, "transfer", "list")[0]["number"] == 1
    assert "Predarea nr. 1" in cli(d, "transfer", "show", "1")
    lent_on = date(THIS_YEAR, 1, 1).isoformat()
    loan = cli_json(d, "loan", "lend", f"{PAST}:I.A.1", "--borrower", "Ion Urbanist", "--approved-by", "Primar",
                    "--compartment", "URB", "--date", lent_on)
    assert loan["due"] == date(THIS_YEAR, 1, 31).isoformat()
    where = cli(d, "dossier", "show", f"{PAST}:I.A.1")
    assert "Ion Urbanist" in where
    overdue = cli_json(d, "loan", "overdue")
    assert (date.today() > date(THIS_YEAR, 1, 31)) == bool(overdue)
    cli(d, "loan", "renew", f"{PAST}:I.A.1")
    assert cli_json(d, "loan", "list")[0]["renewals"] == 1
    cli(d, "loan", "return", f"{PAST}:I.A.1")
    assert cli_json(d, "loan", "list") == [] and len(cli_json(d, "loan", "list", "--all")) == 1
    eligible = cli_json(d, "disposal", "eligible")
    assert [e["dossier"]["ref"] for e in eligible] == [f"{PAST}:I.A.2"]  # never the permanent I.A.1
    assert "permanent" in refused(d, "disposal", "propose", f"{PAST}:I.A.1", "--president", "P", "--secretary", "S",
                                  "--member", "A", "--member", "B")
    prop_pdf = tmp_path / "propunere.pdf"
    prop = cli_json(d, "disposal", "propose", "--all-eligible", "--president", "Ion Primar", "--secretary",
                    "Ana Arhivar", "--member", "Maria", "--member", "Vasile", "--minutes-number", "7",
                    "--pdf", str(prop_pdf), "--csv", str(tmp_path / "propunere.json"))
    assert prop["status"] == "proposed" and prop["total_dossiers"] == 1
    ptext = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(str(prop_pdf)).pages)
    assert "I.A.2" in ptext and "I.A.1" not in ptext
    assert json.loads((tmp_path / "propunere.json").read_text("utf-8"))["number"] == 1
    assert "confirmarea" in refused(d, "disposal", "execute", "1")
    cli(d, "disposal", "approve", "1", "--act-number", "1234", "--act-date", date.today().strftime("%d.%m.%Y"))
    done = cli_json(d, "disposal", "execute", "1")
    assert done["status"] == "executed"
    assert cli_json(d, "disposal", "list")[0]["status"] == "executed"
    assert "Propunerea nr. 1" in cli(d, "disposal", "show", "1")
    found = cli_json(d, "archive-search", "petitii", "--year", str(PAST))
    assert [x["status"] for x in found] == ["disposed"]
    assert cli_json(d, "archive-search", "--location", "raft 2")[0]["ref"] == f"{PAST}:I.A.1"
    s = cli_json(d, "archive-settings", "--set", "loan_days=15")
    assert s["loan_days"] == 15
    assert "Verificare reușită" in cli(d, "verify")


def test_refusals_are_one_line_in_the_chosen_language(data_dir: Path) -> None:
    err = refused(data_dir, "dossier", "show", "2030:I.A.9")
    assert err == "registru: dosarul 2030:I.A.9 nu există"
    out = run_cli("dossier", "show", "2030:I.A.9", "--lang", "en", data_dir=data_dir)
    assert out.stderr.strip() == "registru: dossier 2030:I.A.9 does not exist"
    assert "AN:INDICATIV" in refused(data_dir, "dossier", "show", "I.A.9")
    assert os.environ.get("REGISTRU_LOG_DIR")

"""Legacy register import (local_db.legacy_csv) and CSV export (local_db.csv_export) on the sample files."""
from __future__ import annotations

import csv
import io
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from local_db import SYSTEM, Filters, NewEntry, Party, Registry, legacy_csv
from local_db.csv_export import export_register, initials, neutralise
from local_db.legacy_csv import ImportOptions, import_register, is_own_issuer, party_kind

LEGACY = Path(__file__).resolve().parents[1] / "data" / "legacy"
EXCEL_2023 = LEGACY / "registru-2023-excel.csv"
CP1250_2022 = LEGACY / "registru-2022-cp1250.csv"
ERRORS_2024 = LEGACY / "registru-2024-erori.csv"

# (line, column, code) of each fault the errors file holds; the quoted line break (line 36) is valid.
ERROR_FAULTS = [
    (6, "Nr. înreg.", "csv_duplicate_number"),
    (11, "Nr. înreg.", "csv_bad_number"),
    (16, "Data înreg.", "csv_bad_date"),
    (21, "Data înreg.", "csv_date_wrong_year"),
    (26, "Emitent", "csv_no_issuer"),
    (42, "Conținutul pe scurt", "csv_too_long"),
    (47, "Data înreg.", "csv_date_format"),
    (52, "Compartiment", "csv_short_row"),
]
# Each fault corrected, as a clerk would in Excel (the formula and the line break stay).
ERROR_FIXES = {
    "4;08.01.2024;3275/": "5;08.01.2024;3275/",
    "12a/b;11.01.2024": "10;11.01.2024",
    "15;31.02.2024": "15;15.01.2024",
    "20;15.06.2023": "20;17.01.2024",
    "25;17.01.2024;;9;1;;": "25;17.01.2024;;9;1;Primăria comunei;",
    "x" * 5000: "Raport privind starea drumurilor",
    "45;2024-03-07": "45;24.01.2024",
    "Cerere înscriere în registrul agricol – animale\r\n51;": "Cerere înscriere în registrul agricol – animale;"
                                                           "Stare civilă;;;;;\r\n51;",
}


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("legacy-template")
    with Registry.open(d) as reg:
        reg.init("54975", "Comuna Florești", "Cluj", "admin", "parola-sigura-1")
    return d


def fresh(template: Path, target: Path) -> Path:
    shutil.copytree(template, target)
    return target


@pytest.fixture
def reg(template: Path, tmp_path: Path):
    r = Registry.open(fresh(template, tmp_path / "data"))
    yield r
    r.close()


def counts(r: Registry) -> tuple[int, int, int]:
    con = sqlite3.connect(r.db.path)
    try:
        return tuple(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("entry", "audit_event", "outbox"))
    finally:
        con.close()


def rows_of(r: Registry) -> list[tuple]:
    """An entry as the register shows it (identity and import time left out), in number order."""
    con = sqlite3.connect(r.db.path)
    try:
        return con.execute(
            "SELECT e.year, e.number, e.number_suffix, e.reg_date, e.direction, e.issuer_ref, e.sender_kind, "
            "e.sender_name, e.recipient_kind, e.recipient_name, e.subject, e.pages, e.annexes, c.code, e.status, "
            "e.resolution_kind, e.resolution, e.dispatch_date, e.joined_to, e.dossier_indicator, e.cancelled_reason "
            "FROM entry e LEFT JOIN compartment c ON c.id = e.compartment_id "
            "ORDER BY e.year, e.number, e.number_suffix").fetchall()
    finally:
        con.close()


def assert_verified(r: Registry) -> None:
    rep = r.verify()
    assert rep.ok, rep.problems


def corrected_errors_file(tmp_path: Path) -> Path:
    content = ERRORS_2024.read_bytes().decode("utf-8")
    for old, new in ERROR_FIXES.items():
        assert content.count(old) == 1, old[:40]
        content = content.replace(old, new)
    path = tmp_path / "registru-2024-corectat.csv"
    path.write_bytes(content.encode("utf-8"))
    return path


# --- the Excel 2023 file ---------------------------------------------------------------------------------

def test_excel_2023_imports_every_row(template: Path, tmp_path: Path) -> None:
    data = fresh(template, tmp_path / "data")
    with Registry.open(data) as r:
        before = counts(r)
        dry = import_register(r, SYSTEM, EXCEL_2023)
        assert dry.ok and not dry.applied and counts(r) == before  # the dry run writes nothing
        rep = import_register(r, SYSTEM, EXCEL_2023, apply=True)
        assert (rep.encoding, rep.delimiter, rep.year, rep.rows) == ("utf-8-sig", ";", 2023, 793)
        assert rep.applied and rep.imported == 793 and rep.next_number == 794
        entries, events, outbox = counts(r)
        assert entries - before[0] == 793
        assert events - before[1] == 793                 # one audit event per entry
        assert outbox - before[2] == 2 * 793             # the entry and its audit event replicate

        bis = r.entries.get("378 bis/2023")
        assert (bis.number, bis.number_suffix, bis.ref) == (378, "bis", "378 bis/2023")
        in_order = [row.ref for row in r.entries.search(Filters(year=2023), limit=3, offset=793 - 380)]
        assert in_order == ["380/2023", "379/2023", "378 bis/2023"]  # keeps its place

        cancelled = r.entries.search(Filters(year=2023, status=["cancelled"]), limit=20)
        assert sorted(c.number for c in cancelled) == [41, 139, 288, 384, 499, 543]
        v = r.entries.get("41/2023")
        assert v.status == "cancelled" and v.subject == "Cerere ajutor social conform Legii 416/2001"
        assert v.cancelled_reason == "ANULAT - Cerere ajutor social conform Legii 416/2001"

        joined = r.entries.get("19/2023")
        assert joined.joined_to == "1/2023" and joined.dossier_indicator == "IV-5"
        assert [(link.kind, link.ref) for link in joined.links] == [("joined", "1/2023")]
        first = r.entries.get("5/2023")
        assert (first.direction, first.sender.kind, first.issuer_ref) == ("in", "institution", "2760/26.12.2022")
        assert (first.compartment, first.resolution_kind, first.resolution, first.status) == \
               ("CONT", "joined", "Conexat", "resolved")
        assert first.dispatch_date == "2023-01-29"
        out = r.entries.get("9/2023")
        assert (out.direction, out.sender.name, out.recipient.name) == ("out", "Primăria comunei", "Chiriță Viorica")
        assert rep.compartments and not any(c.created for c in rep.compartments)
        assert {c.name: c.code for c in rep.compartments}["Urbanism"] == "URB"
        assert_verified(r)

    # The next registration of 2023 continues after the highest imported number.
    with Registry.open(data, clock=lambda: datetime(2023, 12, 30, 10, 0).astimezone()) as r:
        v = r.entries.register(SYSTEM, NewEntry(direction="in", subject="Cerere", sender=Party("Ion Pop")))
        assert v.ref == "794/2023"
        assert_verified(r)


def test_number_already_in_the_database_is_a_fault(template: Path, tmp_path: Path) -> None:
    data = fresh(template, tmp_path / "data")
    with Registry.open(data, clock=lambda: datetime(2023, 1, 3, 9, 0).astimezone()) as r:
        r.entries.register(SYSTEM, NewEntry(direction="in", subject="Cerere", sender=Party("Ion Pop")))
        rep = import_register(r, SYSTEM, EXCEL_2023, apply=True)
        assert not rep.applied
        assert [(i.line, i.column, i.code) for i in rep.faults] == [(2, "Nr. înreg.", "csv_number_exists")]
        assert counts(r)[0] == 1


# --- the Windows-1250 2022 file --------------------------------------------------------------------------

def test_cp1250_stores_comma_below_letters_and_search_finds_them(reg: Registry) -> None:
    rep = import_register(reg, SYSTEM, CP1250_2022, apply=True)
    assert (rep.encoding, rep.delimiter, rep.year, rep.imported, rep.faults) == ("cp1250", ",", 2022, 800, [])
    con = sqlite3.connect(reg.db.path)
    cedilla = con.execute("SELECT count(*) FROM entry WHERE sender_name || subject || recipient_name "
                          "|| issuer_ref GLOB '*[şţŞŢ]*'").fetchone()[0]
    comma = con.execute("SELECT count(*) FROM entry WHERE sender_name || subject GLOB '*[șțȘȚ]*'").fetchone()[0]
    con.close()
    assert cedilla == 0 and comma > 100
    assert reg.entries.get("3/2022").sender.name == "Inspectoratul Școlar Județean Cluj"
    hits = {q: reg.entries.count(Filters(text=q)) for q in ("Școlar", "şcolar", "scolar", "rețeaua", "reteaua")}
    assert hits["Școlar"] > 0 and len(set(hits.values())) == 1, hits
    assert reg.entries.get("73 bis/2022").number_suffix == "bis"
    assert_verified(reg)


def test_encoding_and_delimiter_can_be_given(reg: Registry) -> None:
    rep = import_register(reg, SYSTEM, CP1250_2022, ImportOptions(encoding="windows-1250", delimiter=","))
    assert rep.ok and rep.encoding == "cp1250"
    with pytest.raises(legacy_csv.ValidationError):
        import_register(reg, SYSTEM, CP1250_2022, ImportOptions(encoding="utf-8"))


# --- the errors file ----------------------------------------------------------------------------------------

def test_errors_file_dry_run_lists_each_fault(reg: Registry) -> None:
    rep = import_register(reg, SYSTEM, ERRORS_2024)
    assert [(i.line, i.column, i.code) for i in rep.faults] == ERROR_FAULTS
    assert [(i.line, i.column, i.code) for i in rep.warnings] == [(31, "Conținutul pe scurt", "csv_formula")]
    messages = {i.code: i.message("en") for i in rep.faults}
    assert messages["csv_too_long"] == "the text has 5000 characters (at most 500)"
    assert messages["csv_duplicate_number"] == "number 4 appears more than once (first on line 5)"
    assert "07.03.2024" in messages["csv_date_format"]
    assert rep.faulty_rows == 8 and rep.rows == 60 and not rep.applied


def test_errors_file_apply_refuses_and_changes_nothing(reg: Registry) -> None:
    before = counts(reg)
    rep = import_register(reg, SYSTEM, ERRORS_2024, apply=True)
    assert not rep.applied and rep.imported == 0 and len(rep.faults) == len(ERROR_FAULTS)
    assert counts(reg) == before
    assert_verified(reg)


def test_corrected_errors_file_keeps_formula_as_text_and_export_neutralises_it(
        template: Path, tmp_path: Path) -> None:
    source = corrected_errors_file(tmp_path)
    with Registry.open(fresh(template, tmp_path / "a")) as r:
        rep = import_register(r, SYSTEM, source, apply=True)
        assert rep.applied and rep.imported == 60, [(i.line, i.message()) for i in rep.faults]
        formula = '=HYPERLINK("http://example.invalid","click")'
        assert r.entries.get("30/2024").subject == formula
        assert r.entries.get("35/2024").subject == "Cerere\nrânduri multiple în același câmp"
        assert r.entries.get("25/2024").direction == "out"
        assert_verified(r)
        exported = tmp_path / "export.csv"
        assert export_register(r, SYSTEM, exported, Filters(year=2024)) == 60
        first_rows = rows_of(r)
    text = exported.read_bytes().decode("utf-8-sig")
    assert f";'{formula.replace(chr(34), chr(34) * 2)}\";" not in text  # never a live formula …
    cells = [row for row in csv.reader(io.StringIO(text, newline=""), delimiter=";")]
    line30 = next(row for row in cells if row[0] == "30")
    assert line30[6] == "'" + formula                                       # … but quoted as text
    assert not any(c.startswith(("=", "+", "-", "@")) for row in cells for c in row)
    with Registry.open(fresh(template, tmp_path / "b")) as r:
        assert import_register(r, SYSTEM, exported, apply=True).applied
        assert r.entries.get("30/2024").subject == formula
        assert rows_of(r) == first_rows


# --- export ---------------------------------------------------------------------------------------------------

def test_export_then_import_gives_the_same_entries(template: Path, tmp_path: Path) -> None:
    exported = tmp_path / "export.csv"
    with Registry.open(fresh(template, tmp_path / "a")) as r:
        import_register(r, SYSTEM, EXCEL_2023, apply=True)
        import_register(r, SYSTEM, CP1250_2022, apply=True)
        assert export_register(r, SYSTEM, exported, Filters(year=2023)) == 793
        original = [row for row in rows_of(r) if row[0] == 2023]
    raw = exported.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfNr. \xc3\xaenreg.;Data \xc3\xaenreg.;")
    assert raw.count(b"\r\n") == 794 and b"\n" not in raw.replace(b"\r\n", b"")
    assert b"\r\n1;04.01.2023;;11;1;" in raw
    assert b"\r\n378 bis;19.06.2023;" in raw and b";ANULAT - Cerere ajutor social" in raw
    with Registry.open(fresh(template, tmp_path / "b")) as r:
        rep = import_register(r, SYSTEM, exported, apply=True)
        assert rep.applied and rep.imported == 793
        assert rows_of(r) == original
        assert_verified(r)


def test_export_filters_by_date(reg: Registry, tmp_path: Path) -> None:
    import_register(reg, SYSTEM, EXCEL_2023, apply=True)
    out = tmp_path / "jan.csv"
    n = export_register(reg, SYSTEM, out, Filters(date_from=datetime(2023, 1, 1).date(),
                                                  date_to=datetime(2023, 1, 31).date()))
    dates = [row[1] for row in csv.reader(io.StringIO(out.read_text("utf-8-sig"), newline=""), delimiter=";")][1:]
    assert n == len(dates) > 0 and all(d.endswith(".01.2023") for d in dates)


def test_anonymised_export_shows_initials_and_no_cnp(reg: Registry, tmp_path: Path) -> None:
    import_register(reg, SYSTEM, EXCEL_2023, apply=True)
    reg.entries.register(SYSTEM, NewEntry(direction="in", subject="Cerere adeverință pentru CNP 1630615123457",
                                          sender=Party("Ana-Maria Pop", "person", "1630615123457")))
    out = tmp_path / "public.csv"
    export_register(reg, SYSTEM, out, anonymise=True)
    text = out.read_text("utf-8-sig")
    assert "Țurcanu Floarea" not in text and ";Ț. F.;" in text
    assert ";A.-M. P.;Cerere adeverință pentru CNP [CNP];" in text and "1630615123457" not in text
    assert ";Inspectoratul Școlar Județean Cluj;" in text  # institutions keep their names


# --- parts ------------------------------------------------------------------------------------------------------

def test_columns_mapped_by_header_name_with_overrides(reg: Registry, tmp_path: Path) -> None:
    path = tmp_path / "alt.csv"
    path.write_text("Registrul general 2025\r\n"
                    "NR.\tData\tEXPEDITOR\tObiect\tCompartimentul\tNote\r\n"
                    "1\t06.01.2025\tIon Pop\tCerere\tAchiziții publice\tdosar galben\r\n"
                    "2\t06.01.2025\tPrimăria comunei Florești\tNotă internă\tUrbanism\t\r\n"
                    "3\t07.01.2025\tSC Lemn SRL\tOfertă\tACHIZIȚII PUBLICE\t\r\n", "utf-8")
    rep = import_register(reg, SYSTEM, path)
    assert [(i.line, i.column, i.code) for i in rep.faults] == [(2, "NR.", "csv_unknown_column"),
                                                                  (2, "Note", "csv_unknown_column"),
                                                                  (2, "", "csv_no_header")]
    assert [(i.line, i.code) for i in rep.warnings] == [(1, "csv_before_header")]
    rep = import_register(reg, SYSTEM, path, ImportOptions(mapping={"nr.": "number", "NOTE": "summary"}), apply=True)
    assert rep.applied and rep.delimiter == "\t" and rep.year == 2025
    assert [(c.name, c.code, c.created) for c in rep.compartments] == [("ACHIZIȚII PUBLICE", "ACHIZITI", True),
                                                                      ("Achiziții publice", "ACHIZITI", False),
                                                                      ("Urbanism", "URB", False)]
    assert reg.entries.get("3/2025").compartment == "ACHIZITI"
    one, two = reg.entries.get("1/2025"), reg.entries.get("2/2025")
    assert (one.summary, one.compartment, one.sender.kind) == ("dosar galben", "ACHIZITI", "person")
    assert (two.direction, two.compartment) == ("internal", "URB")
    assert_verified(reg)
    rep = import_register(reg, SYSTEM, path, ImportOptions(mapping={"NR.": "number", "Note": "-"}))
    assert [i.code for i in rep.faults] == ["csv_number_exists"] * 3


def test_a_file_written_in_iso_dates_imports(reg: Registry, tmp_path: Path) -> None:
    path = tmp_path / "iso.csv"
    path.write_text("Nr. înreg.,Data înreg.,Emitent,Conținutul pe scurt,Data expedierii\n"
                    "1,2025-01-06,Ion Pop,Cerere,2025-01-20\n2,2025-01-07,Ana Pop,Sesizare,\n", "utf-8")
    rep = import_register(reg, SYSTEM, path, apply=True)
    assert rep.applied and reg.entries.get("1/2025").dispatch_date == "2025-01-20"


def test_bulk_path_indexes_and_restores_the_trigger(reg: Registry, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(legacy_csv, "FTS_BULK_ROWS", 1)
    assert import_register(reg, SYSTEM, CP1250_2022, apply=True).applied
    assert reg.entries.count(Filters(text="scolar")) == reg.entries.count(Filters(text="Şcolar")) > 0
    reg.entries.register(SYSTEM, NewEntry(direction="in", subject="Sesizare zăpadă", sender=Party("Ion Pop")))
    assert reg.entries.count(Filters(text="zapada")) == 1  # the insert trigger is back
    assert_verified(reg)


def test_direction_and_party_kind_inference() -> None:
    commune = legacy_csv.commune_key("Comuna Florești")
    assert all(is_own_issuer(x, commune) for x in ("Primăria comunei", "Primăria Florești", "PRIMARIA FLORESTI",
                                                   "Primarul comunei Florești", "Comuna Florești"))
    assert not any(is_own_issuer(x, commune) for x in ("Primăria Huedin", "Consiliul Județean Cluj", "Ion Pop"))
    assert [party_kind(x) for x in ("Pop Tănase", "Țurcanu Ana-Maria", "OCPI Cluj", "SC Apa Someș SA",
                                    "Direcția de Sănătate Publică Cluj", "ANAF - AJFP Cluj")] == \
           ["person", "person", "institution", "institution", "institution", "institution"]


def test_neutralise_and_initials() -> None:
    assert [neutralise(x) for x in ("=1+1", "+40 264", "-5", "@SUM(A1)", "'=x", "Cerere", "")] == \
           ["'=1+1", "'+40 264", "'-5", "'@SUM(A1)", "''=x", "Cerere", ""]
    assert [legacy_csv.unneutralise(neutralise(x)) for x in ("=1+1", "'=x", "'x")] == ["=1+1", "'=x", "'x"]
    assert initials("Țurcanu Ana-Maria") == "Ț. A.-M."

"""`registru import-csv` and `registru export-csv` (loaded by desktop.cli through its EXTENSIONS list).

    registru import-csv registru-2023.csv                 # dry run: the report, nothing written
    registru import-csv registru-2023.csv --apply         # all rows in one transaction, or nothing
    registru import-csv vechi.csv --encoding cp1250 --delimiter , --map "Nr.=number" --map "Obs.=-"
    registru export-csv registru-2023.csv --year 2023 [--anonymise]

Exit 0 when the file is clean (dry run) or imported, 1 when it has faults (the report lists each one
with its line and column) or the import was refused.
"""
from __future__ import annotations

import argparse
import logging
import sys
from datetime import date

from local_db.csv_export import export_register
from local_db.legacy_csv import FIELDS, IGNORE, ImportOptions, Issue, Report, import_register, parse_date
from local_db.messages import tr
from local_db.models import DIRECTIONS, STATUSES
from local_db.search import Filters

from .cli import EXIT_REFUSED, EXIT_USAGE, CliError, cli_actor, emit_json, open_registry

log = logging.getLogger(__name__)


def _pairs(values: list[str], what: str) -> dict[str, str]:
    """['Header=field', ...] -> {'Header': 'field'} (split at the last '=')."""
    out: dict[str, str] = {}
    for v in values:
        key, sep, target = v.rpartition("=")
        if not sep or not key.strip():
            raise CliError(f"{tr('field.map')}: {tr('bad_choice', value=v, allowed=what)}", EXIT_USAGE)
        out[key.strip()] = target.strip()
    return out


def _cli_date(value: str) -> date:
    d, _ = parse_date(value.strip())
    if d is None:
        raise argparse.ArgumentTypeError(tr("bad_date", value=value))
    return d


def _print_issue(mark: str, i: Issue) -> None:
    where = tr("cli.import_line", line=i.line) + (f", {i.column}" if i.column else "")
    print(f"{mark} {where}: {i.message()}")


def _print_report(r: Report) -> None:
    delimiter = "tab" if r.delimiter == "\t" else f"„{r.delimiter}”"
    print(tr("cli.import_file", file=r.file, encoding=r.encoding, delimiter=delimiter, year=r.year or "-", rows=r.rows))
    for c in r.compartments:
        key = "cli.import_compartment_new" if c.created else "cli.import_compartment"
        print(tr(key, name=c.name, code=c.code))
    for i in r.faults:
        _print_issue("✗", i)
    for i in r.warnings:
        _print_issue("!", i)
    print(tr("cli.import_report", ok=r.rows - r.faulty_rows, bad=r.faulty_rows, warn=len(r.warnings)))
    if r.applied:
        print(tr("cli.import_done", count=r.imported))
    elif r.ok:
        print(tr("cli.import_dry"))
    if r.ok and r.next_number is not None:
        print(tr("cli.import_next", year=r.year, number=r.next_number))


def cmd_import_csv(args: argparse.Namespace) -> int:
    options = ImportOptions(year=args.year, encoding=args.encoding, delimiter=args.delimiter,
                            mapping=_pairs(args.map, "Antet=" + "|".join(FIELDS + (IGNORE,))),
                            compartments=_pairs(args.compartment, "Nume=COD"))
    with open_registry(args) as reg:
        if not reg.is_initialised():
            raise CliError(tr("not_initialised"))
        report = import_register(reg, cli_actor(), args.file, options, apply=args.apply)
    log.info("import-csv %s: %d rows, %d faults, applied=%s in %.2fs", args.file, report.rows, len(report.faults),
             report.applied, report.seconds)
    if args.json:
        emit_json(report.to_dict())
    else:
        _print_report(report)
    if report.ok:
        return 0
    if args.apply:
        print(f"registru: {tr('csv_has_errors', count=report.faulty_rows)}", file=sys.stderr)
    return EXIT_REFUSED


def cmd_export_csv(args: argparse.Namespace) -> int:
    filters = Filters(year=args.year, register=args.register, doc_type=args.type, compartment=args.compartment,
                      direction=args.direction, status=args.status or [], date_from=args.date_from,
                      date_to=args.date_to)
    with open_registry(args) as reg:
        if not reg.is_initialised():
            raise CliError(tr("not_initialised"))
        count = export_register(reg, cli_actor(), args.file, filters, anonymise=args.anonymise)
    log.info("export-csv %s: %d entries, anonymised=%s", args.file, count, args.anonymise)
    if args.json:
        emit_json({"file": args.file, "count": count, "anonymised": args.anonymise})
    else:
        print(tr("cli.export_done", count=count, path=args.file))
    return 0


def add_parsers(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    s = sub.add_parser("import-csv", parents=[common],
                       help="import a legacy register kept in a spreadsheet (dry run unless --apply)")
    s.add_argument("file", help="CSV file (UTF-8 with/without BOM, Windows-1250, UTF-16)")
    s.add_argument("--year", type=int, help="the register's year (default: the year most lines carry)")
    s.add_argument("--encoding", help="utf-8, cp1250, … (default: detected)")
    s.add_argument("--delimiter", help="; , or tab (default: detected)")
    s.add_argument("--map", action="append", default=[], metavar="HEADER=FIELD",
                   help=f"map a column to a field ({', '.join(FIELDS)}) or ignore it with '-'")
    s.add_argument("--compartment", action="append", default=[], metavar="NAME=CODE",
                   help="map a compartment name in the file to a compartment code (created if missing)")
    s.add_argument("--apply", action="store_true", help="import every row in one transaction (refused on faults)")
    s.set_defaults(func=cmd_import_csv)

    s = sub.add_parser("export-csv", parents=[common],
                       help="export the register as CSV for Excel (the 13 columns of the legacy register)")
    s.add_argument("file")
    s.add_argument("--year", type=int)
    s.add_argument("--from", dest="date_from", type=_cli_date, metavar="DATE")
    s.add_argument("--to", dest="date_to", type=_cli_date, metavar="DATE")
    s.add_argument("--register")
    s.add_argument("--type")
    s.add_argument("--compartment")
    s.add_argument("--direction", choices=DIRECTIONS)
    s.add_argument("--status", action="append", choices=STATUSES)
    s.add_argument("--anonymise", action="store_true",
                   help="for publication: natural persons' names as initials, CNPs removed")
    s.set_defaults(func=cmd_export_csv)

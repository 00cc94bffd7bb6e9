"""`registru` subcommands of the archive (loaded by desktop.cli through EXTENSIONS):

    plan list|add|edit|remove|copy|import      the filing plan of a year
    dossier open|list|show|file|unfile|suggest|locate|close|reopen
    close-year YEAR [--apply [--accept-unresolved]]
    transfer due|inventory|record|list|show|register   (--pdf FILE, --csv FILE)
    loan lend|return|renew|list|overdue
    disposal eligible|propose|approve|execute|withdraw|list|show   (--pdf FILE, --csv FILE)
    archive-search [WORDS] [--indicator --year --compartment --status --location]
    archive-settings [--set NAME=VALUE]

A dossier is written YEAR:INDICATOR (a later volume YEAR:INDICATOR:VOLUME), e.g. 2025:I.A.7, or by its
uuid; an entry as N/YEAR. Every subcommand takes --json. Errors are one line on stderr (RegistruError,
printed by desktop.cli.run). PDFs are drawn with Qt offscreen (no window needed).
"""
from __future__ import annotations

import argparse
import dataclasses
import os
from pathlib import Path
from typing import Any

from local_db.archive_export import write_data
from local_db.archive_messages import status_label
from local_db.archive_views import ArchiveFilters, PlanItemInput
from local_db.messages import tr
from local_db.models_archive import DOSSIER_STATUSES

from .cli import _date, _require_init, cli_actor, emit_json, open_registry



def _qt() -> None:
    """A QGuiApplication for the PDF writer and the bundled fonts; offscreen unless told otherwise."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from .qt_compat import protect_none
    protect_none()
    from PySide6.QtGui import QGuiApplication
    if QGuiApplication.instance() is None:
        _qt.app = QGuiApplication(["registru"])  # type: ignore[attr-defined]


def _ro(iso: str | None) -> str:
    if not iso:
        return ""
    y, m, d = iso[:10].split("-")
    return f"{d}.{m}.{y}"


def _iso(value: Any) -> str | None:
    return value.isoformat() if value else None


def _out(args: argparse.Namespace, obj: Any, text: str | None = None) -> None:
    if args.json:
        emit_json(obj)
    elif text is not None:
        print(text)


def _dossier_line(d: Any) -> str:
    where = d.location
    if d.loan is not None:
        where = f"→ {d.loan.borrower} ({d.loan.borrower_compartment or '-'}) până la {_ro(d.loan.due)}"
    dates = f"{_ro(d.date_from)}–{_ro(d.date_to)}" if d.date_from else ""
    return (f"{d.ref:18} {status_label(d.status)[:11]:11} {d.compartment[:8]:8} {d.retention:>5} {d.entries:4} înr. {d.sheets:5} f. "
            f"{dates:23} {d.title[:50]}" + (f"  [{where}]" if where else ""))


# --- plan ---------------------------------------------------------------------------------------------

def cmd_plan_list(args: argparse.Namespace) -> int:
    with open_registry(args) as reg:
        items = reg.archive.plan.items(args.year)
        if args.json:
            emit_json(items)
        else:
            for i in items:
                print(f"{i.indicator:12} {i.compartment[:10]:10} {i.retention:>6}  {i.title}"
                      + (f"  ({i.dossiers} dosare)" if i.dossiers else ""))
    return 0


def _doc_types(value: str | None) -> list[str]:
    return [x.strip() for x in (value or "").split(",") if x.strip()]


def cmd_plan_add(args: argparse.Namespace) -> int:
    with open_registry(args) as reg:
        _require_init(reg)
        v = reg.archive.plan.add(cli_actor(), args.year, PlanItemInput(
            args.indicator, args.title, args.retention, args.compartment or "", args.notes or "",
            _doc_types(args.doc_types)))
        _out(args, v, tr("cli.arch_plan_added", indicator=v.indicator, year=v.year))
    return 0


def cmd_plan_edit(args: argparse.Namespace) -> int:
    with open_registry(args) as reg:
        v = reg.archive.plan.edit(cli_actor(), args.indicator, args.year, indicator=args.new_indicator,
                                  title=args.title, retention=args.retention, compartment=args.compartment,
                                  notes=args.notes, doc_types=args.doc_types)
        _out(args, v, f"{v.indicator:12} {v.compartment:10} {v.retention:>6}  {v.title}")
    return 0


def cmd_plan_remove(args: argparse.Namespace) -> int:
    with open_registry(args) as reg:
        reg.archive.plan.remove(cli_actor(), args.indicator, args.year)
        _out(args, {"removed": args.indicator, "year": args.year}, f"- {args.indicator}")
    return 0


def _import_report(args: argparse.Namespace, rep: Any) -> None:
    conflicts = f": {', '.join(rep.conflicts)}" if rep.conflicts else ""
    _out(args, rep, tr("cli.arch_plan_import", year=rep.year, added=len(rep.added), unchanged=len(rep.unchanged),
                       conflicts=len(rep.conflicts), list=conflicts))


def cmd_plan_copy(args: argparse.Namespace) -> int:
    with open_registry(args) as reg:
        _import_report(args, reg.archive.plan.copy(cli_actor(), args.from_year, args.to_year))
    return 0


def cmd_plan_import(args: argparse.Namespace) -> int:
    with open_registry(args) as reg:
        _require_init(reg)
        rep = reg.archive.plan.import_template(cli_actor(), args.year, path=Path(args.file), template=args.template,
                                               dry_run=args.dry_run)
        _import_report(args, rep)
    return 0


# --- dossiers -----------------------------------------------------------------------------------------

def cmd_dossier_open(args: argparse.Namespace) -> int:
    with open_registry(args) as reg:
        d = reg.archive.dossiers.open(cli_actor(), args.year, args.indicator, title=args.title, reason=args.reason)
        _out(args, d, tr("cli.arch_dossier_opened", ref=d.ref, title=d.title))
    return 0


def _filters(args: argparse.Namespace, words: list[str] | None = None) -> ArchiveFilters:
    return ArchiveFilters(text=" ".join(words or []), indicator=getattr(args, "indicator", "") or "", year=args.year,
                          compartment=args.compartment or "", status=args.status or [],
                          location=getattr(args, "location", "") or "")


def _print_dossiers(args: argparse.Namespace, rows: list[Any]) -> None:
    if args.json:
        emit_json(rows)
    else:
        for d in rows:
            print(_dossier_line(d))


def cmd_dossier_list(args: argparse.Namespace) -> int:
    with open_registry(args) as reg:
        _print_dossiers(args, reg.archive.search(_filters(args), limit=args.limit))
    return 0


def cmd_dossier_show(args: argparse.Namespace) -> int:
    with open_registry(args) as reg:
        det = reg.archive.dossiers.detail(args.dossier, args.year)
        if args.json:
            emit_json(det)
            return 0
        d = det.dossier
        rows = [("Dosar", f"{d.ref}  {d.title}"), ("Compartiment", d.compartment or "-"), ("Stare", status_label(d.status)),
                ("Termen de păstrare", d.retention + (f" (până la sfârșitul anului {d.expires_year})"
                                                      if d.expires_year else "")),
                ("Înregistrări / file", f"{d.entries} / {d.sheets}"),
                ("Date extreme", f"{_ro(d.date_from)} – {_ro(d.date_to)}" if d.date_from else "-"),
                ("Loc", d.location or "-")]
        if d.loan is not None:
            rows.append(("Împrumutat", f"{d.loan.borrower} ({d.loan.borrower_compartment or '-'}), din "
                                       f"{_ro(d.loan.lent_at)} până la {_ro(d.loan.due)}"
                                       + (" — ÎNTÂRZIAT" if d.loan.overdue else "")))
        if d.reopen_reason:
            rows.append(("Redeschis", f"{d.reopen_reason}"))
        if d.remarks:
            rows.append(("Observații", d.remarks))
        for k, v in rows:
            print(f"{k:20} {v}")
        for e in det.entries:
            print(f"  {e.ref:>12} {_ro(e.reg_date)} {e.pages:3} f.  {e.subject[:70]}")
    return 0


def cmd_dossier_file(args: argparse.Namespace) -> int:
    with open_registry(args) as reg:
        r = reg.archive.dossiers.file(cli_actor(), args.dossier, args.entries, args.year)
        if args.json:
            emit_json(r)
        else:
            for ref, dossier in r.filed:
                print(tr("cli.arch_filed", ref=ref, dossier=dossier))
            for ref in r.skipped:
                print(tr("cli.arch_skipped", ref=ref))
            for ref in r.new_volumes:
                print(tr("cli.arch_new_volume", ref=ref))
    return 0


def cmd_dossier_unfile(args: argparse.Namespace) -> int:
    with open_registry(args) as reg:
        d = reg.archive.dossiers.unfile(cli_actor(), args.entry)
        _out(args, d, _dossier_line(d))
    return 0


def cmd_dossier_suggest(args: argparse.Namespace) -> int:
    with open_registry(args) as reg:
        rows = reg.archive.dossiers.suggest(args.entry, limit=args.limit)
        if args.json:
            emit_json(rows)
        else:
            for s in rows:
                target = s.dossier.ref if s.dossier else f"({s.plan_item.year}:{s.plan_item.indicator} de deschis)"
                print(f"{s.score:6.2f}  {target:22} {s.plan_item.title[:60]}  [{', '.join(s.reasons)}]")
    return 0


def cmd_dossier_locate(args: argparse.Namespace) -> int:
    with open_registry(args) as reg:
        arch = reg.archive.dossiers
        d = None
        if any(x is not None for x in (args.room, args.shelf, args.box)):
            d = arch.locate(cli_actor(), args.dossier, args.room, args.shelf, args.box, args.year)
        if args.sheets is not None or args.remarks is not None:
            sheets: Any = "" if args.sheets is None else (None if args.sheets < 0 else args.sheets)
            d = arch.annotate(cli_actor(), args.dossier, sheets_counted=sheets, remarks=args.remarks, year=args.year)
        d = d or arch.get(args.dossier, args.year)
        _out(args, d, _dossier_line(d))
    return 0


def cmd_dossier_close(args: argparse.Namespace) -> int:
    with open_registry(args) as reg:
        d = reg.archive.dossiers.close(cli_actor(), args.dossier, args.year)
        _out(args, d, _dossier_line(d))
    return 0


def cmd_dossier_reopen(args: argparse.Namespace) -> int:
    with open_registry(args) as reg:
        d = reg.archive.dossiers.reopen(cli_actor(), args.dossier, args.reason, args.year)
        _out(args, d, _dossier_line(d))
    return 0


# --- year closing ---------------------------------------------------------------------------------------

def cmd_close_year(args: argparse.Namespace) -> int:
    with open_registry(args) as reg:
        _require_init(reg)
        arch = reg.archive.dossiers
        rep = arch.close_year(cli_actor(), args.year, args.accept_unresolved) if args.apply \
            else arch.closing_report(args.year)
        if args.json:
            emit_json(rep)
            return 0
        print(tr("cli.arch_year_report", year=rep.year, open=len(rep.open_dossiers), unfiled=rep.unfiled_count,
                 unresolved=rep.unresolved_count))
        for b in rep.unfiled[:30]:
            print(f"  neîndosariată {b.ref:>12} {b.subject[:60]}")
        for b in rep.unresolved[:30]:
            print(f"  nerezolvată   {b.ref:>12} {b.subject[:60]}")
        if rep.empty_dossiers:
            print("  dosare goale: " + ", ".join(rep.empty_dossiers))
        if rep.plan_items_without_dossier:
            print("  poziții fără dosar: " + ", ".join(rep.plan_items_without_dossier))
        print(tr("cli.arch_year_closed", year=rep.year) if rep.closed else tr("cli.arch_year_dry"))
    return 0


# --- transfers ------------------------------------------------------------------------------------------

def _write_outputs(args: argparse.Namespace, reg: Any, data: Any, inventories: list | None = None,
                   transfer: Any = None, disposal: Any = None) -> None:
    if getattr(args, "csv", None):
        write_data(Path(args.csv), data)
    if getattr(args, "pdf", None):
        _qt()
        from .reports import archive_pdf
        inst = reg.institution()
        if disposal is not None:
            archive_pdf.write_disposal(Path(args.pdf), inst, disposal)
        else:
            archive_pdf.write_inventory(Path(args.pdf), inst, inventories or [], transfer,
                                        handed_by=getattr(args, "handed_by", "") or "",
                                        received_by=getattr(args, "received_by", "") or "")
        if not args.json:
            print(tr("cli.arch_pdf", path=args.pdf))


def cmd_transfer_due(args: argparse.Namespace) -> int:
    with open_registry(args) as reg:
        rows = reg.archive.transfers.due()
        if args.json:
            emit_json(rows)
        else:
            for r in rows:
                print(f"{r.year} {r.compartment or '-':10} {r.dossiers:4} dosare  de predat în {r.due_year}"
                      + ("  ÎNTÂRZIAT" if r.overdue else ""))
    return 0


def _print_inventories(inventories: list[Any]) -> None:
    for inv in inventories:
        print(f"Inventar {'permanent' if inv.permanent else 'temporar'} — {inv.year}, "
              f"{inv.compartment_name or inv.compartment}")
        for x in inv.lines:
            dates = f"{_ro(x.date_from)}–{_ro(x.date_to)}" if x.date_from else ""
            print(f"  {x.no:3}. {x.indicator:12} {x.title[:50]:50} {dates:23} {x.sheets:5} f. {x.retention}")
        print(f"  Total: {inv.total_dossiers} dosare, {inv.total_sheets} file")
        for m in inv.missing:
            print(f"  lipsă: {m}")


def cmd_transfer_inventory(args: argparse.Namespace) -> int:
    with open_registry(args) as reg:
        invs = reg.archive.transfers.inventory(args.year, args.compartment, args.dossier or None)
        if args.json:
            emit_json(invs)
        else:
            _print_inventories(invs)
        if invs:
            _write_outputs(args, reg, invs, inventories=invs)
    return 0


def cmd_transfer_record(args: argparse.Namespace) -> int:
    with open_registry(args) as reg:
        _require_init(reg)
        t = reg.archive.transfers.record(cli_actor(), args.year, args.compartment, args.handed_by, args.received_by,
                                         dossiers=args.dossier or None, on=_iso(args.date), room=args.room or "",
                                         shelf=args.shelf or "", box=args.box or "", remarks=args.remarks or "")
        _out(args, t, tr("cli.arch_transfer_done", number=t.number, count=t.dossiers, sheets=t.sheets))
        _write_outputs(args, reg, t, inventories=t.inventories, transfer=t)
    return 0


def cmd_transfer_list(args: argparse.Namespace) -> int:
    with open_registry(args) as reg:
        rows = reg.archive.transfers.list(args.year)
        if args.json:
            emit_json(rows)
        else:
            for t in rows:
                print(f"nr. {t.number:3} {_ro(t.transfer_date)} anul {t.year} {t.compartment:8} {t.dossiers:4} dosare "
                      f"({t.dossiers_permanent} perm.) {t.sheets:6} f.  {t.handed_by} → {t.received_by}")
    return 0


def cmd_transfer_show(args: argparse.Namespace) -> int:
    with open_registry(args) as reg:
        t = reg.archive.transfers.get(args.transfer)
        if args.json:
            emit_json(t)
        else:
            print(f"Predarea nr. {t.number} din {_ro(t.transfer_date)}: {t.handed_by} → {t.received_by}")
            _print_inventories(t.inventories)
        _write_outputs(args, reg, t, inventories=t.inventories, transfer=t)
    return 0


def cmd_transfer_register(args: argparse.Namespace) -> int:
    with open_registry(args) as reg:
        rows = reg.archive.transfers.register(args.year)
        if args.json:
            emit_json(rows)
        else:
            for r in rows:
                kind = "intrare" if r.kind == "in" else "ieșire"
                dates = f"{_ro(r.date_from)}–{_ro(r.date_to)}" if r.date_from else ""
                print(f"{r.number:4} {kind:7} {_ro(r.day)} {r.compartment[:12]:12} {dates:23} {r.units:4} u.a. "
                      f"({r.units_permanent} perm.)  {r.inventory} {r.destination} {r.document}")
    return 0


# --- loans ----------------------------------------------------------------------------------------------

def _loan_line(x: Any) -> str:
    state = f"restituit {_ro(x.returned_at)}" if x.returned_at else (
        f"ÎNTÂRZIAT {x.days_overdue} zile" if x.overdue else f"până la {_ro(x.due)}")
    return (f"{x.dossier_ref:18} {x.borrower[:24]:24} {x.borrower_compartment[:8]:8} din {_ro(x.lent_at)}  {state}"
            f"  ({x.dossier_title[:40]})")


def cmd_loan_lend(args: argparse.Namespace) -> int:
    with open_registry(args) as reg:
        x = reg.archive.loans.lend(cli_actor(), args.dossier, args.borrower, args.approved_by,
                                   compartment=args.compartment or "", due=_iso(args.due), purpose=args.purpose or "",
                                   on=_iso(args.date), year=args.year)
        _out(args, x, tr("cli.arch_lent", ref=x.dossier_ref, borrower=x.borrower, due=_ro(x.due)))
    return 0


def cmd_loan_return(args: argparse.Namespace) -> int:
    with open_registry(args) as reg:
        x = reg.archive.loans.return_(cli_actor(), args.loan, on=_iso(args.date), year=args.year)
        _out(args, x, tr("cli.arch_returned", ref=x.dossier_ref))
    return 0


def cmd_loan_renew(args: argparse.Namespace) -> int:
    with open_registry(args) as reg:
        x = reg.archive.loans.renew(cli_actor(), args.loan, due=_iso(args.due), year=args.year)
        _out(args, x, _loan_line(x))
    return 0


def cmd_loan_list(args: argparse.Namespace) -> int:
    with open_registry(args) as reg:
        rows = reg.archive.loans.overdue() if args.overdue_only else reg.archive.loans.list(open_only=not args.all)
        if args.json:
            emit_json(rows)
        else:
            for x in rows:
                print(_loan_line(x))
    return 0


# --- disposal -------------------------------------------------------------------------------------------

def _disposal_text(p: Any) -> str:
    head = (f"Propunerea nr. {p.number} ({status_label(p.status)}): {p.total_dossiers} dosare, {p.total_sheets} file"
            + (f"; act {p.act_number} din {_ro(p.act_date)}" if p.act_number else ""))
    lines = [head]
    for x in p.lines:
        lines.append(f"  {x.no:3}. {x.dossier_ref:18} {x.retention:>5} {x.title[:60]}" + ("  (exclus)" if x.excluded else ""))
    return "\n".join(lines)


def cmd_disposal_eligible(args: argparse.Namespace) -> int:
    with open_registry(args) as reg:
        rows = reg.archive.disposal.eligible()
        if args.json:
            emit_json(rows)
        else:
            for e in rows:
                d = e.dossier
                print(f"{d.ref:18} {d.retention:>5} expirat {_ro(e.expired_on)} {d.sheets:5} f. {d.title[:50]}"
                      + ("  (CS: decide comisia)" if e.committee_decides else ""))
    return 0


def cmd_disposal_propose(args: argparse.Namespace) -> int:
    with open_registry(args) as reg:
        dossiers = (args.dossiers or [e.dossier.uuid for e in reg.archive.disposal.eligible()]) if args.all_eligible \
            else args.dossiers
        p = reg.archive.disposal.propose(cli_actor(), dossiers or [], args.president, args.secretary, args.member or [],
                                         minutes_number=args.minutes_number or "", minutes_date=_iso(args.minutes_date),
                                         note=args.note or "")
        _out(args, p, tr("cli.arch_proposed", number=p.number, count=p.total_dossiers))
        _write_outputs(args, reg, p, disposal=p)
    return 0


def cmd_disposal_approve(args: argparse.Namespace) -> int:
    with open_registry(args) as reg:
        p = reg.archive.disposal.approve(cli_actor(), args.proposal, args.act_number, _iso(args.act_date),
                                         exclude=args.exclude or [])
        _out(args, p, tr("cli.arch_approved", number=p.number, act=f"{p.act_number}/{_ro(p.act_date)}"))
    return 0


def cmd_disposal_execute(args: argparse.Namespace) -> int:
    with open_registry(args) as reg:
        p = reg.archive.disposal.execute(cli_actor(), args.proposal, on=_iso(args.date))
        _out(args, p, tr("cli.arch_executed", number=p.number, count=p.total_dossiers, removed=p.files_removed,
                         kept=p.files_kept))
    return 0


def cmd_disposal_withdraw(args: argparse.Namespace) -> int:
    with open_registry(args) as reg:
        p = reg.archive.disposal.withdraw(cli_actor(), args.proposal, args.reason)
        _out(args, p, _disposal_text(p))
    return 0


def cmd_disposal_list(args: argparse.Namespace) -> int:
    with open_registry(args) as reg:
        rows = reg.archive.disposal.list(args.status)
        if args.json:
            emit_json(rows)
        else:
            for p in rows:
                print(_disposal_text(p).splitlines()[0])
    return 0


def cmd_disposal_show(args: argparse.Namespace) -> int:
    with open_registry(args) as reg:
        p = reg.archive.disposal.get(args.proposal)
        _out(args, p, _disposal_text(p))
        _write_outputs(args, reg, p, disposal=p)
    return 0


# --- search and settings --------------------------------------------------------------------------------

def cmd_archive_search(args: argparse.Namespace) -> int:
    with open_registry(args) as reg:
        _print_dossiers(args, reg.archive.search(_filters(args, args.words), limit=args.limit))
    return 0


def cmd_archive_settings(args: argparse.Namespace) -> int:
    with open_registry(args) as reg:
        for item in args.set or []:
            name, _, value = item.partition("=")
            reg.archive.set_setting(cli_actor(), name.strip(), value.strip())
        s = reg.archive.settings()
        if args.json:
            emit_json(s)
        else:
            for k, v in dataclasses.asdict(s).items():
                print(tr("cli.arch_setting", name=k, value=v))
    return 0


# --- parsers --------------------------------------------------------------------------------------------

def add_parsers(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    def cmd(parent: argparse._SubParsersAction, name: str, func: Any, help: str | None = None) -> argparse.ArgumentParser:
        p = parent.add_parser(name, parents=[common], help=help)
        p.set_defaults(func=func)
        return p

    def year(p: argparse.ArgumentParser, required: bool = False, help: str = "year") -> None:
        p.add_argument("--year", type=int, required=required, help=help)

    def outputs(p: argparse.ArgumentParser) -> None:
        p.add_argument("--pdf", metavar="FILE", help="also write the PDF document")
        p.add_argument("--csv", metavar="FILE", help="also write the data (.csv, or .json by the file name)")

    # plan
    plan = sub.add_parser("plan", parents=[common], help="filing plan (nomenclator arhivistic) of a year")
    ps = plan.add_subparsers(dest="plan_command", required=True)
    p = cmd(ps, "list", cmd_plan_list, "items of a year's plan")
    year(p, True)
    p = cmd(ps, "add", cmd_plan_add, "add an item")
    year(p, True)
    p.add_argument("--indicator", required=True, help="e.g. I.A.7 or III/12")
    p.add_argument("--title", required=True)
    p.add_argument("--retention", required=True, help="P, CS, 'CS 10' or years (1 2 3 5 10 15 25 30 50 75 100)")
    p.add_argument("--compartment", help="compartment code or name")
    p.add_argument("--notes")
    p.add_argument("--doc-types", help="document type codes filed here (comma-separated; for suggestions)")
    p = cmd(ps, "edit", cmd_plan_edit, "change an item")
    p.add_argument("indicator")
    year(p, True)
    p.add_argument("--new-indicator")
    p.add_argument("--title")
    p.add_argument("--retention")
    p.add_argument("--compartment")
    p.add_argument("--notes")
    p.add_argument("--doc-types")
    p = cmd(ps, "remove", cmd_plan_remove, "remove an item no dossier was opened from")
    p.add_argument("indicator")
    year(p, True)
    p = cmd(ps, "copy", cmd_plan_copy, "copy a year's plan into another (existing items are kept)")
    p.add_argument("--from", dest="from_year", type=int, required=True)
    p.add_argument("--to", dest="to_year", type=int, required=True)
    p = cmd(ps, "import", cmd_plan_import, "import a county template (.json or .csv, the hub's plan_templates)")
    p.add_argument("file")
    year(p, True)
    p.add_argument("--template", help="template code, when the file holds several")
    p.add_argument("--dry-run", action="store_true", help="report only, write nothing")

    # dossiers
    dos = sub.add_parser("dossier", parents=[common], help="dossiers: open, file entries, show, locate, close")
    ds = dos.add_subparsers(dest="dossier_command", required=True)
    p = cmd(ds, "open", cmd_dossier_open, "open the dossier of a plan item for a year")
    year(p, True)
    p.add_argument("--indicator", required=True)
    p.add_argument("--title", help="default: the plan item's title")
    p.add_argument("--reason", help="required when the year was already closed")
    p = cmd(ds, "list", cmd_dossier_list, "list dossiers")
    year(p)
    p.add_argument("--compartment")
    p.add_argument("--status", action="append", choices=DOSSIER_STATUSES)
    p.add_argument("--indicator")
    p.add_argument("--limit", type=int, default=500)
    p = cmd(ds, "show", cmd_dossier_show, "a dossier with its entries and where it is")
    p.add_argument("dossier", metavar="YEAR:INDICATOR")
    year(p)
    p = cmd(ds, "file", cmd_dossier_file, "file entries into a dossier")
    p.add_argument("dossier", metavar="YEAR:INDICATOR")
    p.add_argument("entries", nargs="+", metavar="N/YEAR")
    year(p)
    p = cmd(ds, "unfile", cmd_dossier_unfile, "take an entry out of its dossier")
    p.add_argument("entry", metavar="N/YEAR")
    p = cmd(ds, "suggest", cmd_dossier_suggest, "dossiers suggested for an entry")
    p.add_argument("entry", metavar="N/YEAR")
    p.add_argument("--limit", type=int, default=5)
    p = cmd(ds, "locate", cmd_dossier_locate, "set where a dossier is kept (and sheets counted, remarks)")
    p.add_argument("dossier", metavar="YEAR:INDICATOR")
    year(p)
    p.add_argument("--room")
    p.add_argument("--shelf")
    p.add_argument("--box")
    p.add_argument("--sheets", type=int, help="sheets counted by hand (-1 clears)")
    p.add_argument("--remarks")
    p = cmd(ds, "close", cmd_dossier_close, "close a dossier")
    p.add_argument("dossier", metavar="YEAR:INDICATOR")
    year(p)
    p = cmd(ds, "reopen", cmd_dossier_reopen, "reopen a closed dossier (recorded in the audit log)")
    p.add_argument("dossier", metavar="YEAR:INDICATOR")
    p.add_argument("--reason", required=True)
    year(p)

    # year closing
    p = cmd(sub, "close-year", cmd_close_year, "year-end closing of the dossiers (report first)")
    p.add_argument("year", type=int)
    p.add_argument("--apply", action="store_true", help="close (without it: only the report)")
    p.add_argument("--accept-unresolved", action="store_true", help="close even with unfiled/unresolved entries")

    # transfers
    tr_ = sub.add_parser("transfer", parents=[common], help="transfer to the archive with an inventory")
    ts = tr_.add_subparsers(dest="transfer_command", required=True)
    cmd(ts, "due", cmd_transfer_due, "closed dossiers waiting to go to the archive")
    p = cmd(ts, "inventory", cmd_transfer_inventory, "the inventory a transfer would hand over (nothing written)")
    year(p, True)
    p.add_argument("--compartment", required=True)
    p.add_argument("--dossier", action="append", help="only these dossiers (repeat)")
    p.add_argument("--handed-by")
    p.add_argument("--received-by")
    outputs(p)
    p = cmd(ts, "record", cmd_transfer_record, "record the handover")
    year(p, True)
    p.add_argument("--compartment", required=True)
    p.add_argument("--handed-by", required=True)
    p.add_argument("--received-by", required=True)
    p.add_argument("--dossier", action="append", help="only these dossiers (repeat); default: all closed ones")
    p.add_argument("--date", type=_date, help="handover date (default today)")
    p.add_argument("--room")
    p.add_argument("--shelf")
    p.add_argument("--box")
    p.add_argument("--remarks")
    outputs(p)
    p = cmd(ts, "list", cmd_transfer_list, "recorded transfers")
    year(p)
    p = cmd(ts, "show", cmd_transfer_show, "one transfer with its inventories")
    p.add_argument("transfer", metavar="NUMBER")
    outputs(p)
    p = cmd(ts, "register", cmd_transfer_register, "register of the archive's entries and exits")
    year(p)

    # loans
    lo = sub.add_parser("loan", parents=[common], help="lend dossiers, returns, overdue loans")
    ls = lo.add_subparsers(dest="loan_command", required=True)
    p = cmd(ls, "lend", cmd_loan_lend, "lend a dossier")
    p.add_argument("dossier", metavar="YEAR:INDICATOR")
    p.add_argument("--borrower", required=True)
    p.add_argument("--approved-by", required=True)
    p.add_argument("--compartment")
    p.add_argument("--purpose")
    p.add_argument("--due", type=_date, help="default: today + the loan term (30 days)")
    p.add_argument("--date", type=_date)
    year(p)
    p = cmd(ls, "return", cmd_loan_return, "a lent dossier came back")
    p.add_argument("loan", metavar="YEAR:INDICATOR|LOAN")
    p.add_argument("--date", type=_date)
    year(p)
    p = cmd(ls, "renew", cmd_loan_renew, "extend a loan")
    p.add_argument("loan", metavar="YEAR:INDICATOR|LOAN")
    p.add_argument("--due", type=_date)
    year(p)
    p = cmd(ls, "list", cmd_loan_list, "open loans (--all: every loan)")
    p.add_argument("--all", action="store_true")
    p.set_defaults(overdue_only=False)
    p = cmd(ls, "overdue", cmd_loan_list, "loans past their due date")
    p.set_defaults(overdue_only=True, all=False)

    # disposal
    di = sub.add_parser("disposal", parents=[common], help="retention and disposal")
    dss = di.add_subparsers(dest="disposal_command", required=True)
    cmd(dss, "eligible", cmd_disposal_eligible, "dossiers past retention (never permanent ones)")
    p = cmd(dss, "propose", cmd_disposal_propose, "the selection committee's proposal")
    p.add_argument("dossiers", nargs="*", metavar="YEAR:INDICATOR")
    p.add_argument("--all-eligible", action="store_true", help="every eligible dossier")
    p.add_argument("--president", required=True)
    p.add_argument("--secretary", required=True)
    p.add_argument("--member", action="append", help="committee member (repeat)")
    p.add_argument("--minutes-number")
    p.add_argument("--minutes-date", type=_date)
    p.add_argument("--note")
    outputs(p)
    p = cmd(dss, "approve", cmd_disposal_approve, "record the National Archives' confirmation")
    p.add_argument("proposal", metavar="NUMBER")
    p.add_argument("--act-number", required=True)
    p.add_argument("--act-date", type=_date, required=True)
    p.add_argument("--exclude", action="append", metavar="YEAR:INDICATOR", help="left out by the confirmation")
    p = cmd(dss, "execute", cmd_disposal_execute, "dispose of an approved proposal's dossiers")
    p.add_argument("proposal", metavar="NUMBER")
    p.add_argument("--date", type=_date)
    p = cmd(dss, "withdraw", cmd_disposal_withdraw, "give up a proposal")
    p.add_argument("proposal", metavar="NUMBER")
    p.add_argument("--reason", required=True)
    p = cmd(dss, "list", cmd_disposal_list, "proposals")
    p.add_argument("--status", choices=("proposed", "approved", "executed", "withdrawn"))
    p = cmd(dss, "show", cmd_disposal_show, "one proposal")
    p.add_argument("proposal", metavar="NUMBER")
    outputs(p)

    p = cmd(sub, "archive-search", cmd_archive_search, "search dossiers")
    p.add_argument("words", nargs="*")
    p.add_argument("--indicator")
    year(p)
    p.add_argument("--compartment")
    p.add_argument("--status", action="append", choices=DOSSIER_STATUSES)
    p.add_argument("--location")
    p.add_argument("--limit", type=int, default=500)

    p = cmd(sub, "archive-settings", cmd_archive_settings, "configurable archive values")
    p.add_argument("--set", action="append", metavar="NAME=VALUE",
                   help="transfer_year_offset (1|2), loan_days, volume_max_sheets (50-300), cs_review_years")

"""`registru` command line: the registry core without a window, for installers, scripts and tests.

Every subcommand takes `--data-dir` (default: env REGISTRU_DATA_DIR or the platform's user data dir)
and, where it prints records, `--json`. Errors are one clear line on stderr with a non-zero exit
(1 = refused/invalid, 2 = usage, 3 = verification failed), never a traceback; details go to the log.
The CLI acts as the local administrator `cli:<os user>`, recorded as such in the audit log.
"""
from __future__ import annotations

import argparse
import dataclasses
import getpass
import json
import logging
import os
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any, Callable

from local_db import Filters, NewEntry, Party, Registry, RegistruError
from local_db.audit import Actor
from local_db.messages import set_language, tr
from local_db.models import DIRECTIONS, RESOLUTION_KINDS, ROLES, STATUSES

from .logs import setup_logging
from .paths import default_data_dir

log = logging.getLogger(__name__)

EXIT_REFUSED, EXIT_USAGE, EXIT_VERIFY = 1, 2, 3


class CliError(Exception):
    def __init__(self, message: str, code: int = EXIT_REFUSED) -> None:
        super().__init__(message)
        self.code = code


def cli_actor() -> Actor:
    try:
        who = getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name on some service accounts
        who = "unknown"
    return Actor(f"cli:{who}", "admin")


def _json_default(o: Any) -> Any:
    if dataclasses.is_dataclass(o):
        return dataclasses.asdict(o)
    if isinstance(o, (date, datetime, Path)):
        return str(o)
    return str(o)


def emit_json(obj: Any) -> None:
    if dataclasses.is_dataclass(obj):
        obj = dataclasses.asdict(obj)
    elif isinstance(obj, list):
        obj = [dataclasses.asdict(x) if dataclasses.is_dataclass(x) else x for x in obj]
    json.dump(obj, sys.stdout, ensure_ascii=False, indent=2, default=_json_default)
    sys.stdout.write("\n")


def _date(value: str) -> date:
    for fmt in ("%d.%m.%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            pass
    raise argparse.ArgumentTypeError(tr("bad_date", value=value))


def _read_password(args: argparse.Namespace, username: str) -> str:
    if getattr(args, "password_stdin", False):
        return sys.stdin.readline().rstrip("\r\n")
    env = os.environ.get("REGISTRU_PASSWORD")
    if env:
        return env
    if not sys.stdin.isatty():
        raise CliError(tr("required", None) + ": --password-stdin / REGISTRU_PASSWORD", EXIT_USAGE)
    first = getpass.getpass(tr("cli.password_prompt", username=username))
    if getpass.getpass(tr("cli.password_repeat")) != first:
        raise CliError(tr("cli.password_mismatch"))
    return first


def open_registry(args: argparse.Namespace) -> Registry:
    return Registry.open(Path(args.data_dir))


def _require_init(reg: Registry) -> None:
    if not reg.is_initialised():
        raise CliError(tr("not_initialised"))


# --- commands -------------------------------------------------------------------------------------

def cmd_init(args: argparse.Namespace) -> int:
    with open_registry(args) as reg:
        password = _read_password(args, args.admin)
        inst = reg.init(args.commune_code, args.commune_name, args.county, args.admin, password,
                        admin_full_name=args.admin_name or "", address=args.address or "")
        if args.json:
            emit_json(inst)
        else:
            print(tr("cli.initialised", name=inst.name, county=inst.county, code=inst.siruta))
    return 0


def cmd_user_add(args: argparse.Namespace) -> int:
    with open_registry(args) as reg:
        _require_init(reg)
        password = _read_password(args, args.username)
        u = reg.users.add(cli_actor(), args.username, password, args.role, args.full_name or "", args.compartment)
        if args.json:
            emit_json(u)
        else:
            print(tr("cli.user_added", username=u.username, role=u.role))
    return 0


def cmd_user_password(args: argparse.Namespace) -> int:
    """Set a user's password (e.g. the accounts locked after a restore from the hub)."""
    with open_registry(args) as reg:
        _require_init(reg)
        password = _read_password(args, args.username)
        reg.users.set_password(cli_actor(), args.username, password)
        if args.json:
            emit_json({"username": args.username, "password_set": True})
        else:
            print(tr("cli.password_set", username=args.username))
    return 0


def cmd_user_list(args: argparse.Namespace) -> int:
    with open_registry(args) as reg:
        users = reg.users.list()
        if args.json:
            emit_json(users)
        else:
            for u in users:
                print(f"{u.username:20} {u.role:12} {u.compartment or '-':8} {'' if u.active else '(inactiv)'} {u.full_name}")
    return 0


def _print_entry(v: Any) -> None:
    rows = [
        ("Nr. înregistrare", v.ref), ("Data", v.registered_at), ("Tip", f"{v.direction} / {v.doc_type_name or '-'}"),
        ("Expeditor", " ".join(x for x in (v.sender.name, v.sender.idno) if x)),
        ("Destinatar", " ".join(x for x in (v.recipient.name, v.recipient.idno) if x)),
        ("Conținut", v.subject), ("File / anexe", f"{v.pages} / {v.annexes}"),
        ("Compartiment", v.compartment_name or "-"), ("Responsabil", v.assignee_name or "-"),
        ("Termen", v.deadline or "-"), ("Stare", v.status),
    ]
    if v.resolution_kind:
        rows.append(("Rezolvare", f"{v.resolution_kind}: {v.resolution}" + (f" (răspuns {v.reply})" if v.reply else "")))
    if v.status == "cancelled":
        rows.append(("Anulat", f"{v.cancelled_at} de {v.cancelled_by}: {v.cancelled_reason}"))
    for a in v.attachments:
        rows.append(("Anexă", f"{a.filename} ({a.size} B, sha256 {a.sha256[:12]}…)"))
    for link in v.links:
        rows.append(("Legătură", f"{link.kind} {link.ref} {link.subject}"))
    for k, val in rows:
        print(f"{k:18} {val}")


def cmd_register(args: argparse.Namespace) -> int:
    with open_registry(args) as reg:
        _require_init(reg)
        new = NewEntry(
            direction=args.direction, subject=args.subject, doc_type=args.type, summary=args.summary or "",
            sender=Party(args.sender or "", args.sender_kind, args.sender_id or "", args.sender_address or ""),
            recipient=Party(args.recipient or "", args.recipient_kind, args.recipient_id or "", ""),
            channel=args.channel, issuer_ref=args.issuer_ref or "", pages=args.pages, annexes=args.annexes,
            compartment=args.compartment, assignee=args.assignee, register=args.register,
            reply_to=args.reply_to, attachments=args.attach or [])
        v = reg.entries.register(cli_actor(), new)
        if args.json:
            emit_json({"number": v.number, "year": v.year, "ref": v.ref, "registered_at": v.registered_at,
                       "date": v.reg_date, "deadline": v.deadline, "uuid": v.uuid})
        else:
            print(tr("cli.registered", number=v.ref, date=_ro_date(v.reg_date)))
            print(tr("cli.deadline", date=_ro_date(v.deadline)) if v.deadline else tr("cli.no_deadline"))
    return 0


def _ro_date(iso: str | None) -> str:
    return date.fromisoformat(iso).strftime("%d.%m.%Y") if iso else ""


def cmd_show(args: argparse.Namespace) -> int:
    with open_registry(args) as reg:
        v = reg.entries.get(args.ref)
        if args.json:
            data = dataclasses.asdict(v)
            if args.history:
                data["history"] = [dataclasses.asdict(h) for h in reg.entries.history(args.ref)]
            emit_json(data)
        else:
            _print_entry(v)
            if args.history:
                for h in reg.entries.history(args.ref):
                    print(f"  #{h.seq} {h.ts} {h.actor} {h.action}")
    return 0


def filters_from_args(args: argparse.Namespace) -> Filters:
    return Filters(text=" ".join(args.query or []), year=args.year, register=args.register, doc_type=args.type,
                   compartment=args.compartment, direction=args.direction, status=args.status or [],
                   date_from=args.date_from, date_to=args.date_to, overdue=args.overdue,
                   due_within_days=args.due_soon, assignee=args.assignee)


def cmd_search(args: argparse.Namespace) -> int:
    with open_registry(args) as reg:
        f = filters_from_args(args)
        rows = reg.entries.search(f, limit=args.limit, offset=args.offset)
        if args.json:
            emit_json({"total": reg.entries.count(f) if args.count else None, "rows": rows})
        else:
            for r in rows:
                flag = "!" if r.overdue else " "
                print(f"{r.ref:>12} {r.reg_date} {r.direction:8} {flag}{r.status:10} {r.party[:28]:28} {r.subject[:60]}")
            if args.count:
                print(f"total: {reg.entries.count(f)}")
    return 0


def cmd_cancel(args: argparse.Namespace) -> int:
    with open_registry(args) as reg:
        v = reg.entries.cancel(cli_actor(), args.ref, args.reason)
        emit_json(v) if args.json else print(tr("cli.cancelled", ref=v.ref))
    return 0


def cmd_assign(args: argparse.Namespace) -> int:
    with open_registry(args) as reg:
        v = reg.entries.assign(cli_actor(), args.ref, args.compartment, args.assignee, args.instruction)
        emit_json(v) if args.json else _print_entry(v)
    return 0


def cmd_resolve(args: argparse.Namespace) -> int:
    with open_registry(args) as reg:
        v = reg.entries.resolve(cli_actor(), args.ref, args.kind, args.text or "", reply_ref=args.reply)
        emit_json(v) if args.json else _print_entry(v)
    return 0


def cmd_extend(args: argparse.Namespace) -> int:
    with open_registry(args) as reg:
        v = reg.entries.extend_deadline(cli_actor(), args.ref, args.days, args.reason)
        emit_json(v) if args.json else _print_entry(v)
    return 0


def cmd_link(args: argparse.Namespace) -> int:
    with open_registry(args) as reg:
        v = reg.entries.link(cli_actor(), args.ref, args.other, args.kind)
        emit_json(v) if args.json else _print_entry(v)
    return 0


def cmd_attach(args: argparse.Namespace) -> int:
    with open_registry(args) as reg:
        out = [reg.entries.attach(cli_actor(), args.ref, path=Path(p)) for p in args.files]
        if args.json:
            emit_json(out)
        else:
            for a in out:
                print(f"{a.filename}  {a.size} B  sha256 {a.sha256}")
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    with open_registry(args) as reg:
        rep = reg.verify(check_blobs=not args.no_blobs)
        if args.json:
            emit_json({"ok": rep.ok, **dataclasses.asdict(rep)})
        else:
            for w in rep.warnings:
                print(f"! {w}")
            for p in rep.problems:
                print(f"✗ {p}", file=sys.stderr)
            if rep.ok:
                print(tr("cli.verify_ok", entries=rep.entries, events=rep.events, blobs=rep.blobs))
            else:
                print(tr("cli.verify_failed", count=len(rep.problems)), file=sys.stderr)
        return 0 if rep.ok else EXIT_VERIFY


def cmd_backup(args: argparse.Namespace) -> int:
    with open_registry(args) as reg:
        path = reg.backup(cli_actor(), args.label)
    emit_json({"path": str(path)}) if args.json else print(tr("cli.backup_done", path=path))
    return 0


def cmd_backups(args: argparse.Namespace) -> int:
    from local_db.backup import list_backups
    items = [{"path": str(p), "size": p.stat().st_size,
              "time": datetime.fromtimestamp(p.stat().st_mtime).isoformat(timespec="seconds")}
             for p in list_backups(Path(args.data_dir))]
    if args.json:
        emit_json(items)
    else:
        for i in items:
            print(f"{i['time']}  {i['size']:>10}  {i['path']}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from local_db.backup import restore_backup
    safety = restore_backup(Path(args.data_dir), Path(args.file))
    with open_registry(args) as reg:  # migrates an older backup to the current schema
        rep = reg.verify(check_blobs=False)
    if args.json:
        emit_json({"restored": args.file, "previous_saved_as": str(safety), "ok": rep.ok, "problems": rep.problems})
    else:
        print(tr("cli.restore_done", path=args.file))
        print(tr("cli.backup_done", path=safety))
    return 0 if rep.ok else EXIT_VERIFY


def cmd_doc_types(args: argparse.Namespace) -> int:
    with open_registry(args) as reg:
        types = reg.nomenclator.doc_types(active_only=not args.all)
        if args.json:
            emit_json(types)
        else:
            for t in types:
                dl = f"{t.deadline_days} {'zile lucr.' if t.day_kind == 'working' else 'zile'}" if t.deadline_days else "-"
                print(f"{t.code:16} {dl:14} {t.name}")
    return 0


def _code_list(args: argparse.Namespace, kind: str) -> int:
    """`compartments` / `registers`: add one (--add CODE NAME), then list them."""
    with open_registry(args) as reg:
        nom = reg.nomenclator
        add, listing = ((nom.add_compartment, nom.compartments) if kind == "compartments"
                        else (nom.add_register, nom.registers))
        if args.add:
            add(cli_actor(), args.add[0], args.add[1])
        items = listing()
        if args.json:
            emit_json(items)
        else:
            for c in items:
                print(f"{c.code:8} {c.name}")
    return 0


def cmd_compartments(args: argparse.Namespace) -> int:
    return _code_list(args, "compartments")


def cmd_registers(args: argparse.Namespace) -> int:
    return _code_list(args, "registers")


def cmd_info(args: argparse.Namespace) -> int:
    with open_registry(args) as reg:
        _require_init(reg)
        inst = reg.institution()
        data = {"institution": dataclasses.asdict(inst), "data_dir": str(reg.data_dir),
                "entries": reg.entries.count(), "pending_outbox": reg.outbox_pending()}
        if args.json:
            emit_json(data)
        else:
            print(f"{inst.name} ({inst.county}), SIRUTA {inst.siruta}")
            print(f"data dir: {reg.data_dir}\nentries: {data['entries']}\noutbox: {data['pending_outbox']}")
    return 0


# --- parser -----------------------------------------------------------------------------------------

Extension = Callable[[argparse._SubParsersAction, argparse.ArgumentParser], None]
#: Other packages add subcommands here (CSV import, sync, archive, packaging) without editing this file.
EXTENSIONS: list[str] = ["desktop.cli_csv", "desktop.cli_sync", "desktop.cli_archive", "desktop.cli_package"]


def build_parser() -> argparse.ArgumentParser:
    # Common options are accepted before or after the subcommand; SUPPRESS keeps a subcommand's
    # parser from overwriting a value given before it with its own default.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", default=argparse.SUPPRESS,
                        help=f"data directory (default: {default_data_dir()}; env REGISTRU_DATA_DIR)")
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="machine-readable output")
    common.add_argument("--lang", choices=("ro", "en"), default=argparse.SUPPRESS,
                        help="language of messages (default ro; env REGISTRU_LANG)")

    p = argparse.ArgumentParser(prog="registru", description="Registru — registratura și arhiva primăriei",
                                parents=[common])

    from . import __version__
    p.add_argument("--version", action="version", version=f"registru {__version__}")
    p.add_argument("--provision", metavar="FILE", help="provisioning file for the first start (GUI)")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    s = sub.add_parser("init", parents=[common], help="first set-up of the commune's registry")
    s.add_argument("--commune-code", required=True, help="SIRUTA code")
    s.add_argument("--commune-name", required=True)
    s.add_argument("--county", required=True)
    s.add_argument("--admin", required=True, help="first administrator's user name")
    s.add_argument("--admin-name", help="administrator's full name")
    s.add_argument("--address")
    s.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    s.set_defaults(func=cmd_init)

    u = sub.add_parser("user", parents=[common], help="local user accounts")
    usub = u.add_subparsers(dest="user_command", required=True)
    s = usub.add_parser("add", parents=[common])
    s.add_argument("username")
    s.add_argument("--role", required=True, choices=ROLES)
    s.add_argument("--full-name")
    s.add_argument("--compartment", help="compartment code")
    s.add_argument("--password-stdin", action="store_true")
    s.set_defaults(func=cmd_user_add)
    s = usub.add_parser("list", parents=[common])
    s.set_defaults(func=cmd_user_list)
    s = usub.add_parser("password", parents=[common], help="set a user's password")
    s.add_argument("username")
    s.add_argument("--password-stdin", action="store_true")
    s.set_defaults(func=cmd_user_password)

    s = sub.add_parser("register", parents=[common], help="register a document; prints its number")
    s.add_argument("--direction", required=True, choices=DIRECTIONS, help="in | out | internal")
    s.add_argument("--type", help="document type code (see `registru doc-types`)")
    s.add_argument("--subject", required=True, help="summary of content")
    s.add_argument("--summary")
    s.add_argument("--sender")
    s.add_argument("--sender-id", help="CNP or CUI (checked)")
    s.add_argument("--sender-kind", choices=("person", "institution"), default="person")
    s.add_argument("--sender-address")
    s.add_argument("--recipient")
    s.add_argument("--recipient-id")
    s.add_argument("--recipient-kind", choices=("person", "institution"), default="institution")
    s.add_argument("--channel", default="desk")
    s.add_argument("--issuer-ref", help="the issuer's own number and date")
    s.add_argument("--pages", type=int, default=0)
    s.add_argument("--annexes", type=int, default=0)
    s.add_argument("--compartment")
    s.add_argument("--assignee")
    s.add_argument("--register", help="register code (default: the general register)")
    s.add_argument("--attach", nargs="+", metavar="FILE")
    s.add_argument("--reply-to", metavar="N/YEAR")
    s.set_defaults(func=cmd_register)

    s = sub.add_parser("show", parents=[common], help="show one entry")
    s.add_argument("ref", metavar="N/YEAR")
    s.add_argument("--history", action="store_true")
    s.set_defaults(func=cmd_show)

    s = sub.add_parser("search", parents=[common], help="search the registry")
    s.add_argument("query", nargs="*")
    s.add_argument("--year", type=int)
    s.add_argument("--register")
    s.add_argument("--type")
    s.add_argument("--compartment")
    s.add_argument("--direction", choices=DIRECTIONS)
    s.add_argument("--status", action="append", choices=STATUSES)
    s.add_argument("--from", dest="date_from", type=_date)
    s.add_argument("--to", dest="date_to", type=_date)
    s.add_argument("--overdue", action="store_true")
    s.add_argument("--due-soon", type=int, metavar="DAYS")
    s.add_argument("--assignee")
    s.add_argument("--limit", type=int, default=50)
    s.add_argument("--offset", type=int, default=0)
    s.add_argument("--count", action="store_true", help="also print the total")
    s.set_defaults(func=cmd_search)

    s = sub.add_parser("cancel", parents=[common], help="cancel an entry (keeps its number)")
    s.add_argument("ref", metavar="N/YEAR")
    s.add_argument("--reason", required=True)
    s.set_defaults(func=cmd_cancel)

    s = sub.add_parser("assign", parents=[common], help="assign to a compartment / person")
    s.add_argument("ref", metavar="N/YEAR")
    s.add_argument("--compartment")
    s.add_argument("--assignee")
    s.add_argument("--instruction")
    s.set_defaults(func=cmd_assign)

    s = sub.add_parser("resolve", parents=[common], help="record how an entry was resolved")
    s.add_argument("ref", metavar="N/YEAR")
    s.add_argument("--kind", default="answered", choices=RESOLUTION_KINDS)
    s.add_argument("--text")
    s.add_argument("--reply", metavar="N/YEAR", help="the outgoing entry that answers it")
    s.set_defaults(func=cmd_resolve)

    s = sub.add_parser("extend", parents=[common], help="extend an entry's deadline")
    s.add_argument("ref", metavar="N/YEAR")
    s.add_argument("--days", type=int, required=True)
    s.add_argument("--reason", required=True)
    s.set_defaults(func=cmd_extend)

    s = sub.add_parser("link", parents=[common], help="link two entries (related / joined)")
    s.add_argument("ref", metavar="N/YEAR")
    s.add_argument("other", metavar="N/YEAR")
    s.add_argument("--kind", choices=("related", "joined"), default="related")
    s.set_defaults(func=cmd_link)

    s = sub.add_parser("attach", parents=[common], help="attach files to an entry")
    s.add_argument("ref", metavar="N/YEAR")
    s.add_argument("files", nargs="+")
    s.set_defaults(func=cmd_attach)

    s = sub.add_parser("verify", parents=[common], help="integrity check, audit chain, every file's hash")
    s.add_argument("--no-blobs", action="store_true", help="skip re-hashing attachment files")
    s.set_defaults(func=cmd_verify)

    s = sub.add_parser("backup", parents=[common], help="make a checked backup now")
    s.add_argument("--label", default="manual")
    s.set_defaults(func=cmd_backup)
    s = sub.add_parser("backups", parents=[common], help="list backups")
    s.set_defaults(func=cmd_backups)
    s = sub.add_parser("restore", parents=[common], help="restore the database from a backup file")
    s.add_argument("file")
    s.set_defaults(func=cmd_restore)

    s = sub.add_parser("doc-types", parents=[common], help="list document types and deadlines")
    s.add_argument("--all", action="store_true")
    s.set_defaults(func=cmd_doc_types)
    s = sub.add_parser("compartments", parents=[common], help="list (or --add CODE NAME) compartments")
    s.add_argument("--add", nargs=2, metavar=("CODE", "NAME"))
    s.set_defaults(func=cmd_compartments)
    s = sub.add_parser("registers", parents=[common], help="list (or --add CODE NAME) registers")
    s.add_argument("--add", nargs=2, metavar=("CODE", "NAME"))
    s.set_defaults(func=cmd_registers)
    s = sub.add_parser("info", parents=[common], help="institution, data dir, counts")
    s.set_defaults(func=cmd_info)

    import importlib
    for name in EXTENSIONS:
        try:
            mod = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        mod.add_parsers(sub, common)
    return p


def parse(parser: argparse.ArgumentParser, argv: list[str], known_only: bool = False) -> argparse.Namespace:
    args = parser.parse_known_args(argv)[0] if known_only else parser.parse_args(argv)
    for key, value in (("data_dir", str(default_data_dir())), ("json", False), ("lang", None)):
        if not hasattr(args, key):
            setattr(args, key, value)
    return args


def run(argv: list[str]) -> int:
    parser = build_parser()
    args = parse(parser, argv)
    lang = args.lang or os.environ.get("REGISTRU_LANG")
    if lang:
        set_language(lang)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_USAGE
    log_path = setup_logging()
    try:
        return args.func(args)
    except CliError as exc:
        print(f"registru: {exc}", file=sys.stderr)
        return exc.code
    except RegistruError as exc:
        log.info("refused: %s", exc.message("en"))
        print(f"registru: {exc}", file=sys.stderr)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        print(tr("cli.interrupted"), file=sys.stderr)
        return 130
    except BrokenPipeError:  # `registru search … | head`: the reader left; not an error
        try:
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at exit
        except OSError:
            pass
        return 0
    except Exception as exc:  # noqa: BLE001 - never a traceback on the console
        log.exception("unexpected error in %s", argv)
        print("registru: " + tr("cli.unexpected", detail=f"{type(exc).__name__}: {exc}"[:300], log=log_path),
              file=sys.stderr)
        return EXIT_REFUSED

"""`registru-hub`: run and administer the county hub.

    registru-hub serve --db URL --data-dir DIR --host 0.0.0.0 --port 8470 --workers 2
    registru-hub commune add 54975 "Comuna Florești" --county Cluj
    registru-hub code create 54975 --hours 72
    registru-hub publish doc_types tipuri.csv --to all
    registru-hub circular send --subject "..." --body-file c.txt --file c.pdf --to 54975,55071
    registru-hub status --json

Every command takes --db (default: a SQLite file in the data dir) and --data-dir, or the environment
variables REGISTRU_HUB_DB_URL and REGISTRU_HUB_DATA_DIR, and migrates the database first.
Errors are one line on stderr and a non-zero exit status.
"""
from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from pathlib import Path
from typing import Any

import hub
from hub import blobs, communes, messages, publications, staff, status, streams
from hub.blobstore import BlobStore
from hub.db import Database
from hub.errors import HubError
from hub.migrate import upgrade
from hub.settings import ENV_PREFIX, Settings


class CliError(Exception):
    pass


def _settings(args: argparse.Namespace, **overrides: Any) -> Settings:
    db_url = getattr(args, "db", None) or os.environ.get(ENV_PREFIX + "DB_URL")
    data_dir = getattr(args, "data_dir", None) or os.environ.get(ENV_PREFIX + "DATA_DIR")
    return Settings.create(db_url, data_dir, **overrides)


def _open(args: argparse.Namespace) -> Database:
    db = Database(_settings(args))
    upgrade(db.engine)
    return db


def _targets(db: Database, spec: str) -> list[int] | None:
    if spec.strip().lower() == "all":
        return None
    codes = [c.strip() for c in spec.split(",") if c.strip()]
    if not codes:
        raise CliError("--to needs 'all' or a comma-separated list of commune codes")
    return [communes.commune_by_code(db, code).id for code in codes]


def _print_json(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2, default=str))


# --- commands ----------------------------------------------------------------------------------------

def cmd_migrate(args: argparse.Namespace) -> None:
    db = _open(args)
    print(f"database at the newest schema ({db.engine.dialect.name})")


def cmd_serve(args: argparse.Namespace) -> None:
    import uvicorn

    settings = _settings(args, enrol_max_failures=args.enrol_max_failures)
    db = Database(settings)
    upgrade(db.engine)
    db.dispose()
    os.environ.update(settings.to_env())
    uvicorn.run("hub.app:app_from_env", factory=True, host=args.host, port=args.port, workers=args.workers,
                access_log=not args.no_access_log, log_level=args.log_level, proxy_headers=bool(args.forwarded_allow_ips),
                forwarded_allow_ips=args.forwarded_allow_ips or None, timeout_graceful_shutdown=10)


def cmd_config(args: argparse.Namespace) -> None:
    db = _open(args)
    if args.action == "set":
        if args.key is None or args.value is None:
            raise CliError("config set needs KEY and VALUE")
        communes.set_config(db, args.key, args.value)
        return
    for key, doc in communes.CONFIG_KEYS.items():
        print(f"{key} = {communes.get_config(db, key)!r}    # {doc}")


def cmd_commune(args: argparse.Namespace) -> None:
    db = _open(args)
    if args.action == "add":
        if not args.code or not args.name:
            raise CliError("commune add needs CODE and NAME")
        c = communes.add_commune(db, args.code, args.name, args.county or "")
        print(f"added commune {c.code} {c.name} ({c.county})")
        return
    rows = [{"code": c.code, "name": c.name, "county": c.county} for c in communes.list_communes(db)]
    if args.json:
        _print_json(rows)
    else:
        for r in rows:
            print(f"{r['code']:>8}  {r['name']}  ({r['county']})")


def cmd_code(args: argparse.Namespace) -> None:
    db = _open(args)
    if args.action == "create":
        if not args.commune:
            raise CliError("code create needs the commune code")
        new = communes.create_code(db, args.commune, args.hours, created_by="cli")
        if args.json:
            _print_json({"code": new.code, "commune": new.commune.code, "expires_at": new.expires_at.isoformat()})
        else:
            print(new.code)
            print(f"for {new.commune.name} ({new.commune.code}), valid until {new.expires_at:%Y-%m-%d %H:%M} UTC",
                  file=sys.stderr)
        return
    if args.action == "expire":
        if args.commune is None or not args.commune.isdigit():
            raise CliError("code expire needs the code's id (see code list)")
        communes.expire_code(db, int(args.commune))
        return
    rows = [{"id": c.id, "hint": c.hint + "-…", "commune": c.commune_code, "status": c.status,
             "expires_at": c.expires_at.isoformat(), "used_node": c.used_node} for c in communes.list_codes(db)]
    if args.json:
        _print_json(rows)
    else:
        for r in rows:
            print(f"{r['id']:>5}  {r['hint']:<8} {r['commune']:>8}  {r['status']:<8} {r['expires_at']}")


def cmd_device(args: argparse.Namespace) -> None:
    db = _open(args)
    communes.revoke_device(db, args.node)
    print(f"revoked {args.node}")


def cmd_user(args: argparse.Namespace) -> None:
    db = _open(args)
    if args.action == "list":
        for u in staff.list_users(db):
            print(f"{u.username:<20} {u.full_name:<30} {'active' if u.active else 'disabled'}")
        return
    if not args.username:
        raise CliError("user add needs USERNAME")
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = getpass.getpass("Password: ")
        if password != getpass.getpass("Again: "):
            raise CliError("the passwords differ")
    staff.add_user(db, args.username, password, args.full_name or "")
    print(f"added county staff user {args.username.lower()}")


def cmd_publish(args: argparse.Namespace) -> None:
    db = _open(args)
    path = Path(args.file)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CliError(f"cannot read {path}: {exc.strerror}") from None
    items = publications.parse_file(args.stream, path.name, data)
    result = streams.publish(db, args.stream, items, _targets(db, args.to), by="cli")
    print(f"{args.stream}: {result.published} published, {result.unchanged} unchanged")


def cmd_stream(args: argparse.Namespace) -> None:
    db = _open(args)
    epoch = streams.rebuild(db, args.stream)
    print(f"{args.stream} rebuilt; epoch {epoch} (clients re-download this stream)")


def cmd_circular(args: argparse.Namespace) -> None:
    db = _open(args)
    settings = _settings(args)
    if args.action == "status":
        if not args.id:
            raise CliError("circular status needs the message id")
        detail = messages.circular_detail(db, args.id)
        rows = [{"commune": t.commune_code, "name": t.commune_name, "delivered_at": t.delivered_at,
                 "registered_as": f"{t.receipt_number}/{t.receipt_year}" if t.receipt_number is not None else None,
                 "registered_at": t.registered_at} for t in detail.targets]
        if args.json:
            _print_json({"id": detail.message.id, "subject": detail.message.subject, "targets": rows,
                         "replies": len(detail.replies)})
        else:
            print(f"{detail.message.subject} ({detail.message.id})")
            for r in rows:
                print(f"  {r['commune']:>8} {r['name']:<30} delivered={r['delivered_at'] or '-'} "
                      f"registered={r['registered_as'] or '-'}")
        return
    if args.action == "list":
        for c in messages.list_circulars(db):
            print(f"{c.id}  {c.sent_at:%Y-%m-%d}  {c.delivered}/{c.targets} delivered  {c.registered}/{c.targets} "
                  f"registered  {c.subject}")
        return
    if not args.subject:
        raise CliError("circular send needs --subject")
    body = args.body or ""
    if args.body_file:
        body = Path(args.body_file).read_text(encoding="utf-8")
    store = BlobStore(settings.blob_dir, settings.upload_dir)
    files = []
    for name in args.file or []:
        path = Path(name)
        try:
            with path.open("rb") as f:
                files.append(blobs.store_county_file(db, store, f, path.name, settings.max_blob_bytes))
        except OSError as exc:
            raise CliError(f"cannot read {path}: {exc.strerror}") from None
    message_id = messages.send_circular(db, subject=args.subject, body=body, files=files,
                                        targets=_targets(db, args.to), by="cli", doc_type=args.doc_type,
                                        reference=args.reference or "")
    print(message_id)


def cmd_status(args: argparse.Namespace) -> None:
    db = _open(args)
    rows = status.collect(db)
    if args.json:
        _print_json(status.as_json(rows))
        return
    for c in rows:
        last = f"{c.last_sync_at:%Y-%m-%d %H:%M}" if c.last_sync_at else "never"
        print(f"{c.code:>8}  {c.name:<30} last sync {last:<16} pending {c.pending:>6}  entries {c.entries}")
        for i in c.installations:
            skew = "-" if i.clock_skew_ms is None else f"{i.clock_skew_ms / 1000:+.1f}s"
            flag = " REVOKED" if i.revoked else (" SKEW" if i.skew_warning else "")
            print(f"          {i.node}  {i.hostname:<16} v{i.app_version:<8} ack {i.ack:>8} pending {i.pending:>6} "
                  f"skew {skew}{flag}")


# --- parser ------------------------------------------------------------------------------------------

def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    # SUPPRESS: given before or after the command, the option is kept (a subparser default would reset it)
    common.add_argument("--db", default=argparse.SUPPRESS, help="database URL (default: sqlite in the data dir); "
                                     "PostgreSQL: postgresql+psycopg://user:pass@host/dbname")
    common.add_argument("--data-dir", default=argparse.SUPPRESS, help="where the SQLite file and blobs live")
    parser = argparse.ArgumentParser(prog="registru-hub", description="Registru county hub.", parents=[common])
    parser.add_argument("--version", action="version", version=f"registru-hub {hub.__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    def add(name: str, func: Any, help_: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, parents=[common], help=help_, description=help_)
        p.set_defaults(func=func)
        return p

    add("migrate", cmd_migrate, "bring the database to the newest schema")
    p = add("serve", cmd_serve, "run the HTTP server (API and web admin)")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8470)
    p.add_argument("--workers", type=int, default=1, help="worker processes (PostgreSQL for more than one)")
    p.add_argument("--no-access-log", action="store_true")
    p.add_argument("--log-level", default="info", choices=["critical", "error", "warning", "info", "debug"])
    p.add_argument("--forwarded-allow-ips", help="trust X-Forwarded-For from these proxy addresses")
    p.add_argument("--enrol-max-failures", type=int, default=10, help="failed enrolments per IP per 10 minutes")
    p = add("config", cmd_config, "show or set hub-wide values (county, institution)")
    p.add_argument("action", choices=["show", "set"])
    p.add_argument("key", nargs="?")
    p.add_argument("value", nargs="?")
    p = add("commune", cmd_commune, "add or list communes")
    p.add_argument("action", choices=["add", "list"])
    p.add_argument("code", nargs="?", help="SIRUTA code")
    p.add_argument("name", nargs="?")
    p.add_argument("--county")
    p.add_argument("--json", action="store_true")
    p = add("code", cmd_code, "enrolment codes: create, list, expire")
    p.add_argument("action", choices=["create", "list", "expire"])
    p.add_argument("commune", nargs="?", help="commune code (create) or code id (expire)")
    p.add_argument("--hours", type=int, default=72, help="validity (default 72)")
    p.add_argument("--json", action="store_true")
    p = add("device", cmd_device, "revoke an installation's token")
    p.add_argument("action", choices=["revoke"])
    p.add_argument("node")
    p = add("user", cmd_user, "county staff accounts for the web admin")
    p.add_argument("action", choices=["add", "list"])
    p.add_argument("username", nargs="?")
    p.add_argument("--full-name")
    p.add_argument("--password-stdin", action="store_true", help="read the password from the first line of stdin")
    p = add("publish", cmd_publish, "publish a CSV or JSON file to a stream")
    p.add_argument("stream", choices=publications.PUBLISHABLE)
    p.add_argument("file")
    p.add_argument("--to", default="all", help="'all' or commune codes separated by commas")
    p = add("stream", cmd_stream, "rebuild (compact) a stream; clients re-download it")
    p.add_argument("action", choices=["rebuild"])
    p.add_argument("stream")
    p = add("circular", cmd_circular, "send circulars and see who registered them")
    p.add_argument("action", choices=["send", "list", "status"])
    p.add_argument("id", nargs="?", help="message id (status)")
    p.add_argument("--subject")
    p.add_argument("--body")
    p.add_argument("--body-file")
    p.add_argument("--file", action="append", help="attachment (repeat for several)")
    p.add_argument("--to", default="all", help="'all' or commune codes separated by commas")
    p.add_argument("--doc-type")
    p.add_argument("--reference")
    p.add_argument("--json", action="store_true")
    p = add("status", cmd_status, "communes and installations: last sync, pending, clock skew")
    p.add_argument("--json", action="store_true")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        args.func(args)
    except (HubError, CliError) as exc:
        print(f"registru-hub: error: {getattr(exc, 'message', exc)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a database that cannot be reached, a bad URL: one line, not a trace
        print(f"registru-hub: error: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

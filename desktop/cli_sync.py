"""`registru enrol`, `registru sync`, `registru restore-hub` (and `registru restore --from-hub`).

    registru enrol --hub https://hub.cjcluj.ro --code ABCD-EFGH-JKMN [--ca-bundle judet.pem]
    registru sync --once            # push + pull now; exit 0 when up to date
    registru sync --status --json   # pending, last success, last error, online, skew, enrolment state
    registru restore --from-hub --admin admin --password-stdin   # a fresh PC gets the commune's registry back

Exit codes as in desktop.cli (1 refused/failed, 2 usage, 3 verification failed) plus 4 = the hub could not
be reached (try again later) and 5 = the installation must be enrolled again.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

EXIT_OFFLINE, EXIT_REENROL = 4, 5


def _engine(args: argparse.Namespace):  # noqa: ANN202
    from local_db import Registry
    from sync.engine import SyncEngine
    reg = Registry.open(Path(args.data_dir))
    return reg, SyncEngine(reg)


def _fail(message: str, code: int) -> int:
    print(f"registru: {message}", file=sys.stderr)
    return code


def cmd_enrol(args: argparse.Namespace) -> int:
    from desktop.cli import emit_json
    from sync.messages import tr
    from sync.secrets import KeyringUnavailable
    from sync.transport import HubError, Offline
    if args.ca_bundle and not Path(args.ca_bundle).is_file():
        return _fail(f"--ca-bundle: {args.ca_bundle}: not found", 2)
    reg, eng = _engine(args)
    try:
        resp = eng.enrol(args.hub, args.code, str(Path(args.ca_bundle).resolve()) if args.ca_bundle else None)
    except KeyringUnavailable as exc:
        return _fail(str(exc), 1)
    except Offline:
        return _fail(tr("sync.offline"), EXIT_OFFLINE)
    except HubError as exc:
        return _fail(exc.message, 1)
    finally:
        eng.close()
        reg.close()
    c = resp.commune
    if args.json:
        emit_json({"hub": args.hub, "node": resp.node, "commune": c.model_dump()})
    else:
        print(tr("sync.enrolled", hub=args.hub, name=c.name, county=c.county, code=c.code))
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    from desktop.cli import emit_json
    from sync.engine import HubGap, NotEnrolled, ReenrolNeeded
    from sync.messages import tr
    from sync.transport import HubError, Offline
    reg, eng = _engine(args)
    try:
        if args.status or not args.once:
            st = eng.status()
            if args.json:
                emit_json(st.as_dict())
            else:
                _print_status(st)
            return 0
        try:
            res = eng.sync_once()
        except (NotEnrolled, ReenrolNeeded) as exc:
            return _fail(str(exc), EXIT_REENROL)
        except Offline:
            return _fail(tr("sync.offline"), EXIT_OFFLINE)
        except (HubGap, HubError) as exc:
            return _fail(str(eng.status().last_error or exc), 1)
        if args.json:
            from dataclasses import asdict
            emit_json({**asdict(res), "status": eng.status().as_dict()})
        else:
            print(tr("sync.done", sent=res.sent, received=res.received, pending=res.pending))
            for ref in res.registered:
                print(f"  circulară înregistrată cu nr. {ref}")
            st = eng.status()
            if st.skew_warning and st.clock_skew_s is not None:
                print(tr("sync.skew", seconds=round(st.clock_skew_s)), file=sys.stderr)
        return 0
    finally:
        eng.close()
        reg.close()


def _print_status(st: Any) -> None:
    from sync.messages import tr
    state = {"enrolled": "sync.state.online" if st.online else "sync.state.offline",
             "reenrol": "sync.state.reenrol"}.get(st.enrolment, "sync.state.not_enrolled")
    print(f"{tr(state)} — {st.hub or '-'} — {st.commune_name or '-'} ({st.commune_code or '-'})")
    print(tr("sync.pending", count=st.pending))
    print(tr("sync.last_success", when=st.last_success or tr("sync.never")))
    if st.last_error:
        print(st.last_error)
    if st.skew_warning:
        print(tr("sync.skew", seconds=round(st.clock_skew_s)))


def cmd_restore_hub(args: argparse.Namespace) -> int:
    from desktop.cli import EXIT_VERIFY, _read_password, emit_json
    from sync.engine import NotEnrolled, ReenrolNeeded
    from sync.messages import tr
    from sync.restore import RestoreError, restore_from_hub
    from sync.transport import HubError, Offline
    if not args.admin:
        return _fail("--admin USER: the administrator who gets a new password on this PC", 2)
    password = _read_password(args, args.admin)
    reg, eng = _engine(args)
    try:
        try:
            rep = restore_from_hub(eng, args.admin, password)
            eng.sync_once()  # county streams, the restore's own audit event
        except (NotEnrolled, ReenrolNeeded) as exc:
            return _fail(str(exc), EXIT_REENROL)
        except Offline:
            return _fail(tr("sync.offline"), EXIT_OFFLINE)
        except (RestoreError, HubError) as exc:
            return _fail(str(getattr(exc, "message", "") or exc), 1)
        check = reg.verify()
        if args.json:
            emit_json({"entries": rep.entries, "events": rep.events, "blobs": rep.blobs, "users": rep.users,
                       "skipped_kinds": rep.skipped_kinds, "ok": check.ok, "problems": check.problems})
        else:
            print(tr("sync.restore_done", entries=rep.entries, events=rep.events, blobs=rep.blobs,
                     admin=args.admin.lower()))
            for p in check.problems:
                print(f"✗ {p}", file=sys.stderr)
        return 0 if check.ok else EXIT_VERIFY
    finally:
        eng.close()
        reg.close()


def _hook_restore(sub: argparse._SubParsersAction) -> None:
    """Let the core's `restore FILE` also take `--from-hub` (FILE becomes optional; one of the two)."""
    p = sub.choices.get("restore")
    if p is None:
        return
    for action in p._actions:  # argparse has no public way to relax a positional added elsewhere
        if action.dest == "file":
            action.nargs = "?"
            action.default = None
            action.help = "backup file (or --from-hub)"
    p.add_argument("--from-hub", action="store_true", help="restore the commune's registry from the county hub "
                                                            "(a fresh, enrolled installation)")
    p.add_argument("--admin", help="with --from-hub: the administrator who gets the new password")
    p.add_argument("--password-stdin", action="store_true", help="with --from-hub: read the password from stdin")
    original = p.get_default("func")

    def dispatch(args: argparse.Namespace) -> int:
        if args.from_hub:
            if args.file:
                return _fail("restore: give a backup FILE or --from-hub, not both", 2)
            return cmd_restore_hub(args)
        if not args.file:
            return _fail("restore: FILE or --from-hub is required", 2)
        return original(args)

    p.set_defaults(func=dispatch)


def add_parsers(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    s = sub.add_parser("enrol", parents=[common], help="enrol this installation with the county hub")
    s.add_argument("--hub", required=True, help="hub address, e.g. https://hub.cjcluj.ro")
    s.add_argument("--code", required=True, help="one-time enrolment code from the county")
    s.add_argument("--ca-bundle", help="CA certificates (PEM) for a county that runs its own certificate authority")
    s.set_defaults(func=cmd_enrol)

    s = sub.add_parser("sync", parents=[common], help="synchronise with the county hub now, or show the state")
    g = s.add_mutually_exclusive_group()
    g.add_argument("--once", action="store_true", help="push and pull until up to date, then exit")
    g.add_argument("--status", action="store_true", help="show pending changes, last sync, errors, clock skew")
    s.set_defaults(func=cmd_sync)

    s = sub.add_parser("restore-hub", parents=[common], help="restore the registry of a dead PC from the hub")
    s.add_argument("--admin", required=True, help="the administrator who gets the new password on this PC")
    s.add_argument("--password-stdin", action="store_true")
    s.set_defaults(func=cmd_restore_hub)
    _hook_restore(sub)

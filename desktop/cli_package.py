"""`registru provision FILE` and `registru self-check` (packaging and deployment; `--version` is in desktop.cli).

    registru provision registru-provision.json [--data-dir DIR] [--lang en]
    registru self-check [--data-dir DIR] [--json]

Exit codes as in desktop.cli (1 refused, 2 usage, 3 a check failed) plus 4 = the hub could not be reached.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXIT_OFFLINE = 4


def cmd_provision(args: argparse.Namespace) -> int:
    from desktop.cli import emit_json
    from desktop.package_messages import tr
    from desktop.provisioning import ProvisioningError, apply

    def say(line: str) -> None:
        if not args.json:
            print(f"✓ {line}" if not line.startswith(("ATENȚIE", "WARNING")) else f"! {line}", flush=True)

    try:
        res = apply(Path(args.file), Path(args.data_dir), progress=say)
    except ProvisioningError as exc:
        print(f"registru: {exc} {tr('pkg.prov.nothing_changed')}", file=sys.stderr)
        return EXIT_OFFLINE if exc.offline else 1
    if args.json:
        emit_json({"data_dir": str(res.data_dir), "commune": res.institution, "admin": res.admin_username,
                   "must_change_password": res.must_change_password, "hub": res.hub_url, "node": res.node,
                   "consumed_as": str(res.consumed_as) if res.consumed_as else None, "warnings": res.warnings})
    return 0


def cmd_self_check(args: argparse.Namespace) -> int:
    from desktop.logs import setup_logging
    from desktop.selfcheck import main
    return main(Path(args.data_dir), setup_logging(), as_json=args.json)


def add_parsers(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    s = sub.add_parser("provision", parents=[common],
                       help="set up a new installation from a provisioning file (docs/provisioning.md)")
    s.add_argument("file", help="the provisioning file (JSON); consumed after use")
    s.set_defaults(func=cmd_provision)
    s = sub.add_parser("self-check", parents=[common],
                       help="check this installation: database, migrations, window, PDF, keyring, hub; log location")
    s.set_defaults(func=cmd_self_check)

"""Entry point of the `registru` command: a subcommand runs the CLI; none opens the desktop app."""
from __future__ import annotations

import sys

from . import cli


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = cli.build_parser()
    args = cli.parse(parser, argv, known_only=True)
    if args.command:
        return cli.run(argv)
    try:
        from .app import run_gui
    except ModuleNotFoundError as exc:  # the desktop UI is not installed in this build
        if exc.name not in ("desktop.app", "PySide6"):
            raise
        parser.print_help()
        return 0
    return run_gui(args)


if __name__ == "__main__":
    sys.exit(main())

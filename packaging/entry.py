"""Entry point of the frozen `registru` executable (PyInstaller runs this file as __main__).

No subcommand opens the desktop application; a subcommand runs the CLI (desktop.main decides).
"""
import sys

from desktop.main import main

if __name__ == "__main__":
    sys.exit(main())

"""Frozen start-up time to an interactive window (docs/performance.md, Packaging):

    python packaging/measure_startup.py [dist/registru/registru] [--runs 5] [--entries 0]

Makes a throw-away data dir with the frozen executable itself (`registru init`; with --entries N, N bulk
entries of last year are added through this checkout's API, desktop.demo_data.fill_bulk), then starts the GUI N times with REGISTRU_STARTUP_PROBE=1 (desktop/startup_probe.py) and logs in through
the login dialog. Prints, per run and best/median: seconds from process start to the login dialog taking
input, and to the main window shown with its table loaded. QT_QPA_PLATFORM=offscreen unless a display is set.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "parola-sigura-1"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("exe", nargs="?", default=str(ROOT / "dist" / "registru" / ("registru.exe" if os.name == "nt" else "registru")))
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--entries", type=int, default=0, help="entries to add first (through this checkout's API)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        env = dict(os.environ, REGISTRU_DATA_DIR=str(data), REGISTRU_LOG_DIR=str(Path(tmp) / "log"),
                   REGISTRU_CONFIG_DIR=str(Path(tmp) / "config"))
        if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY") and os.name != "nt":
            env["QT_QPA_PLATFORM"] = "offscreen"
        subprocess.run([args.exe, "init", "--commune-code", "54975", "--commune-name", "Comuna Florești", "--county",
                        "Cluj", "--admin", "admin", "--password-stdin"], input=PASSWORD + "\n", text=True, env=env,
                       check=True, capture_output=True)
        if args.entries:
            sys.path.insert(0, str(ROOT))
            from desktop.demo_data import fill_bulk
            from local_db import Registry
            with Registry.open(data) as reg:
                fill_bulk(reg, args.entries, years=[reg.db.today().year - 1])
        runs = []
        for _ in range(args.runs):
            t0 = time.time()
            proc = subprocess.run([args.exe], env=dict(env, REGISTRU_STARTUP_PROBE="1",
                                                        REGISTRU_STARTUP_PROBE_LOGIN=f"admin:{PASSWORD}"),
                                  capture_output=True, text=True, timeout=120)
            line = next(x for x in proc.stdout.splitlines() if x.startswith("registru-startup "))
            probe = json.loads(line.split(" ", 1)[1])
            runs.append((probe["first_window_at"] - t0, probe["main_window_at"] - t0))
            print(f"login dialog {runs[-1][0]:.2f} s   main window {runs[-1][1]:.2f} s")
    for i, name in ((0, "login dialog"), (1, "main window")):
        values = [r[i] for r in runs]
        print(f"{name}: best {min(values):.2f} s, median {statistics.median(values):.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

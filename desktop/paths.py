"""Where Registru keeps things on this PC (platformdirs; never hard-coded home paths).

Data dir: `--data-dir`, else env REGISTRU_DATA_DIR, else the platform's user data dir
(Linux ~/.local/share/Registru, Windows %LOCALAPPDATA%\\Registru). Logs: the platform's user log dir.
"""
from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_config_dir, user_data_dir, user_log_dir

APP = "Registru"


def default_data_dir() -> Path:
    env = os.environ.get("REGISTRU_DATA_DIR")
    return Path(env).expanduser() if env else Path(user_data_dir(APP, appauthor=False))


def log_dir() -> Path:
    env = os.environ.get("REGISTRU_LOG_DIR")
    return Path(env).expanduser() if env else Path(user_log_dir(APP, appauthor=False))


def config_dir() -> Path:
    env = os.environ.get("REGISTRU_CONFIG_DIR")
    return Path(env).expanduser() if env else Path(user_config_dir(APP, appauthor=False))

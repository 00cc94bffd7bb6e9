"""Logging to a rotating file in the platform's log dir (documented in docs/operations.md)."""
from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from .paths import log_dir

LOG_NAME = "registru.log"
_configured: Path | None = None


def setup_logging(verbose: bool = False) -> Path:
    """Idempotent; returns the log file path. 5 files × 2 MB."""
    global _configured
    if _configured is not None:
        return _configured
    d = log_dir()
    path = d / LOG_NAME
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    try:
        d.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(path, maxBytes=2_000_000, backupCount=5,
                                                                        encoding="utf-8")
    except OSError:
        handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(process)d %(name)s: %(message)s"))
    root.addHandler(handler)
    _configured = path
    return path

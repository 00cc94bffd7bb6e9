"""Start-up timing for docs/performance.md: with REGISTRU_STARTUP_PROBE=1 the application prints one line

    registru-startup {"first_window": "loginDialog", "first_window_at": 1764081234.51, ...}

as soon as its first window is shown and the event loop is turning (the window takes input), then quits.
With REGISTRU_STARTUP_PROBE_LOGIN="user:password" it logs in through the login dialog first and reports
when the main window is shown with its register table loaded (`main_window_at`). Times are epoch seconds,
so the caller measures from the moment it started the process (a frozen executable's start included).
"""
from __future__ import annotations

import json
import os
import sys
import time
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

PREFIX = "registru-startup "


def install(controller: Any) -> None:
    creds = os.environ.get("REGISTRU_STARTUP_PROBE_LOGIN", "")
    user, _, password = creds.partition(":")
    out: dict[str, Any] = {}
    state = {"logging_in": False}
    timer = QTimer(controller)
    timer.setInterval(5)

    def visible() -> Any:
        for w in QApplication.topLevelWidgets():
            if w.isVisible() and w.isWindow() and w.objectName() != "provisioningFailed":
                return w
        return None

    def finish() -> None:
        timer.stop()
        sys.stdout.write(PREFIX + json.dumps(out) + "\n")
        sys.stdout.flush()
        controller.quit()

    def poll() -> None:
        w = visible()
        if w is None:
            return
        if "first_window" not in out:
            out["first_window"] = w.objectName() or type(w).__name__
            out["first_window_at"] = time.time()
            if not user:
                finish()
            return
        if controller.window is not None and controller.window.isVisible():
            if controller.tasks.running() == 0:
                out["main_window_at"] = time.time()
                finish()
            return
        login = controller.login
        if login is not None and login.isVisible() and not state["logging_in"]:
            state["logging_in"] = True
            login.username.setText(user)
            login.password.setText(password)
            login.submit()

    timer.timeout.connect(poll)
    timer.start()

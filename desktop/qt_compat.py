"""Work-around for a reference-counting bug of PySide6 6.12.0 on CPython 3.11.

Measured here: every call of a Qt method that returns nothing (`label.setText(...)`,
`painter.drawLine(...)`) gives back `None` without taking a reference to it, so each call lowers
`None`'s reference count by one. CPython 3.12+ made `None` immortal and never notices; on 3.11 the
count reaches zero after a few thousand calls and the interpreter aborts with
"Fatal Python error: none_dealloc". Until the pinned PySide6 is fixed (or the venv moves to 3.12),
`protect_none()` raises `None`'s count far out of reach — what 3.12 does by design. It checks for the
bug first and does nothing where the bug is absent.
"""
from __future__ import annotations

import ctypes
import sys

BOOST = 1 << 40
_done = False


def _leaks_none() -> bool:
    from PySide6.QtCore import QObject
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(20):
        probe.setObjectName("probe")
    return sys.getrefcount(None) < before - 10


def protect_none() -> bool:
    """Apply the work-around if this PySide6/CPython pair needs it; returns whether it was applied.
    `True` and `False` get the same protection: some bindings returning bool leak them the same way
    (seen as "bool_dealloc" at exit after a long session)."""
    global _done
    if _done or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    _done = True
    if not _leaks_none():
        return False
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += BOOST
    return True


class GuiThreadGarbageCollector:
    """Runs Python's cyclic garbage collector on the GUI thread only (the approach Anki takes).

    With automatic collection, a collection may start on a worker thread (a task allocating rows) and
    free cyclic garbage that holds Qt objects — a closed dialog, a finished task — destroying them off the
    GUI thread, which crashes Qt. Automatic collection is switched off and a timer collects here instead.
    Once the main window is up, `freeze()` moves everything built at start-up (modules, SQLAlchemy,
    Qt wrappers) out of the collector's sight: a full collection then walks only what was made since,
    and stays far below the 50 ms a clerk would notice (measured: 68 ms before, see bench/ui_table.py).
    """

    INTERVAL_MS = 1000

    def __init__(self, parent: "QObject") -> None:  # noqa: F821 - PySide6 imported lazily
        import gc

        from PySide6.QtCore import QTimer
        self._gc = gc
        gc.disable()
        self.timer = QTimer(parent)
        self.timer.setInterval(self.INTERVAL_MS)
        self.timer.timeout.connect(self.collect)
        self.timer.start()

    def freeze(self) -> None:
        """Collect once, then exempt every surviving object from future collections (gc.freeze)."""
        self._gc.collect()
        self._gc.freeze()

    def collect(self) -> None:
        gc = self._gc
        counts, thresholds = gc.get_count(), gc.get_threshold()
        for generation in (2, 1, 0):
            if counts[generation] > thresholds[generation]:
                gc.collect(generation)
                return

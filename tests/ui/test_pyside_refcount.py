"""The pinned PySide6 must not leak references to None/True/False (6.12.0 on CPython 3.11 lowered
None's count on every void call and aborted the interpreter with "none_dealloc"; see requirements.txt)."""
from __future__ import annotations

import sys

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel


def test_void_and_bool_calls_keep_singleton_refcounts(qapp) -> None:  # noqa: ANN001
    probe, label = QObject(), QLabel()
    before = {name: sys.getrefcount(obj) for name, obj in (("None", None), ("True", True), ("False", False))}
    for _ in range(2000):
        probe.setObjectName("x")
        label.setText("y")
        label.isVisible()
        label.isHidden()
    after = {name: sys.getrefcount(obj) for name, obj in (("None", None), ("True", True), ("False", False))}
    assert all(abs(after[k] - before[k]) < 50 for k in before), (before, after)

"""Roles decide what the screens offer (local_db.roles), and the core refuses the rest anyway."""
from __future__ import annotations

import pytest

from desktop import ops
from desktop.sync_state import SyncStatus
from local_db import NewEntry, Party
from local_db.errors import PermissionDenied
from ui.main_window import MainWindow

from .conftest import Harness


def _window(qtbot, harness: Harness, username: str) -> MainWindow:  # noqa: ANN001
    harness.login(username)
    window = MainWindow(harness.app, SyncStatus())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.choices is not None)
    return window


def _visible(window: MainWindow, name: str) -> bool:
    from PySide6.QtGui import QAction
    action = window.findChild(QAction, name)
    return action is not None and action.isVisible() and action.isEnabled()


@pytest.mark.parametrize("username, users, nomenclator, register, print_register", [
    ("maria", False, False, True, True),      # clerk (prints the register pages)
    ("elena", False, False, True, False),     # compartment staff
    ("ion", False, True, True, True),         # secretary general
    ("dan", False, False, True, True),        # archivist
    ("admin", True, True, True, True),
])
def test_menus_follow_the_role(qtbot, harness: Harness, username: str, users: bool, nomenclator: bool,  # noqa: ANN001
                               register: bool, print_register: bool) -> None:
    window = _window(qtbot, harness, username)
    assert _visible(window, "manageUsers") is users
    assert _visible(window, "manageNomenclator") is nomenclator
    assert _visible(window, "newEntry") is register
    assert _visible(window, "printRegister") is print_register
    assert (window.users_dialog() is not None) is users
    assert (window.nomenclator_dialog() is not None) is nomenclator
    window.close()


def test_entry_card_offers_only_allowed_actions(qtbot, harness: Harness) -> None:  # noqa: ANN001
    view = harness.registry.entries.register(harness.login("maria").actor, NewEntry(
        direction="in", subject="Sesizare", doc_type="PETITIE", sender=Party("Ion Pop")))
    for username, assign, resolve, extend, cancel in (("maria", True, True, False, True),
                                                      ("elena", False, True, False, False),
                                                      ("ion", True, True, True, True)):
        window = _window(qtbot, harness, username)
        card = window.open_entry(view.id)
        qtbot.waitUntil(lambda: card.detail is not None)
        assert card.assign_button.isVisible() is assign
        assert card.resolve_button.isVisible() is resolve
        assert card.extend_button.isVisible() is extend
        assert card.cancel_button.isVisible() is cancel
        card.accept()
        window.close()


def test_core_refuses_what_the_screen_hides(qtbot, harness: Harness) -> None:  # noqa: ANN001
    """Even if a screen offered it, a compartment user cannot cancel: the core says why."""
    app = harness.login("maria")
    view = harness.registry.entries.register(app.actor, NewEntry(direction="in", subject="Cerere",
                                                                 sender=Party("Ana Pop")))
    harness.login("elena")
    errors: list[BaseException] = []
    harness.tasks.run_op(ops.cancel_entry(harness.app, view.ref, "greșit"), on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], PermissionDenied)
    assert "anulare" in errors[0].message()
    assert harness.registry.entries.get(view.ref).status != "cancelled"


def test_the_first_start_of_the_day_makes_the_automatic_backup(qtbot, harness: Harness) -> None:  # noqa: ANN001
    window = _window(qtbot, harness, "maria")
    qtbot.waitUntil(lambda: window.daily_backup is not None, timeout=10000)
    assert window.daily_backup.exists() and window.daily_backup.parent == harness.app.data_dir / "backups"

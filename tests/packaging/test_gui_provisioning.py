"""The desktop's first start with a provisioning file (pytest-qt, offscreen, a real hub): the registry is
provisioned and enrolled, the login follows, and a one-time password must be changed before the main window.
A bad file falls back to the set-up wizard with the reason shown, leaving the data dir as it was."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

from desktop.qt_compat import protect_none

protect_none()

from PySide6.QtWidgets import QApplication, QMessageBox  # noqa: E402

from desktop import provisioning  # noqa: E402
from desktop.app import Controller, make_application  # noqa: E402
from desktop.i18n import Language  # noqa: E402
from desktop.settings import Settings  # noqa: E402
from local_db import Registry  # noqa: E402
from tests.hub.conftest import HubServer, free_port  # noqa: E402

from .conftest import ADMIN_PASSWORD, provision_file, snapshot  # noqa: E402


@pytest.fixture
def controller_for(qapp, tmp_path: Path) -> Iterator:  # noqa: ANN001
    make_application([])
    made: list[Controller] = []
    lang = Language()
    lang.install("ro")

    def make(path: Path | None) -> Controller:
        c = Controller(Settings(), lang, tmp_path / "data", provision=str(path) if path else None, quit=lambda: None)
        made.append(c)
        c.start()
        return c

    yield make
    for c in made:
        for w in (c.window, c.login, c.wizard):
            if w is not None:
                w.close()
        c.shutdown()
    lang.uninstall()  # a translator left installed would translate later tests' windows
    # garbage collection stays with the GUI thread (make_application's collector), as in the app and in
    # tests/ui; re-enabling automatic collection here would let it run on worker threads in later Qt tests


def test_first_start_provisions_enrols_and_asks_for_a_new_password(qtbot, hub: HubServer, tmp_path: Path,  # noqa: ANN001
                                                                   controller_for) -> None:  # noqa: ANN001
    commune = hub.new_commune()
    path = provision_file(tmp_path / "usb", hub.base_url, hub.new_code(commune), commune,
                          admin={"must_change_password": True})
    c = controller_for(path)
    qtbot.waitUntil(lambda: c.login is not None and c.login.isVisible(), timeout=20000)
    assert c.wizard is None and c.login.username.text() == "admin"
    assert not path.exists() and path.with_name(path.name + ".used").exists()
    assert c.app.registry.institution().siruta == commune
    assert keyring.get_keyring().store  # the token of this installation
    c.login.password.setText(ADMIN_PASSWORD)
    c.login.submit()
    dialog = None

    def asked() -> bool:
        nonlocal dialog
        dialog = next((w for w in QApplication.topLevelWidgets()
                       if w.objectName() == "passwordChangeDialog" and w.isVisible()), None)
        return dialog is not None
    qtbot.waitUntil(asked, timeout=10000)
    assert c.window is None                      # no main window before the password is changed
    dialog.password.setText(ADMIN_PASSWORD)       # the same one-time password is refused
    dialog.repeat.setText(ADMIN_PASSWORD)
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.error.isVisible() and dialog.ok.isEnabled(), timeout=10000)
    assert "diferită" in dialog.error.text()
    dialog.password.setText("parola-mea-noua-1")
    dialog.repeat.setText("parola-mea-noua-1")
    dialog.submit()
    qtbot.waitUntil(lambda: c.window is not None and c.window.isVisible(), timeout=10000)
    assert not provisioning.password_change_required(c.app.registry, "admin")
    c.app.registry.users.authenticate("admin", "parola-mea-noua-1")


def test_a_bad_file_falls_back_to_the_wizard_with_the_reason(qtbot, hub: HubServer, tmp_path: Path,  # noqa: ANN001
                                                            controller_for) -> None:  # noqa: ANN001
    path = provision_file(tmp_path / "usb", f"http://127.0.0.1:{free_port()}", "AAAA-BBBB-CCCC")
    c = controller_for(path)
    qtbot.waitUntil(lambda: c.wizard is not None and c.wizard.isVisible(), timeout=20000)
    box = c.wizard.findChild(QMessageBox, "provisioningFailed")
    assert box is not None and "nu poate fi contactat" in box.text()
    assert not c.app.registry.is_initialised() and keyring.get_keyring().store == {}
    assert path.exists()                          # not consumed: fix it and start again
    box.close()
    before = snapshot(tmp_path / "data")
    assert set(before) <= {"registru.sqlite", "backups", "blobs", "registru.sqlite-wal", "registru.sqlite-shm"}
    with Registry.open(tmp_path / "data") as reg:
        assert not reg.is_initialised()

"""Romanian by default, English from the settings: the main window is rebuilt in the new language."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.app import Controller
from desktop.i18n import Language
from desktop.settings import Settings

from .conftest import Harness


def _texts(window) -> dict[str, str]:  # noqa: ANN001
    panel = window.panel
    return {"menu": window.menuBar().actions()[0].text(), "tab": panel.tabs.tabText(0),
            "overdue": panel.tabs.tabText(3).split(" (")[0],
            "header": panel.model.headerData(0, Qt.Orientation.Horizontal),
            "subject": panel.model.headerData(5, Qt.Orientation.Horizontal), "sync": window.status.sync.text(),
            "search": panel.search.placeholderText()}


def test_romanian_by_default_english_from_settings(qtbot, harness: Harness, language: Language) -> None:  # noqa: ANN001
    settings = harness.app.settings
    assert settings.language == "ro"
    controller = Controller(settings, language, harness.registry.data_dir, quit=lambda: None)
    controller.app = harness.app
    harness.login("maria")
    controller.show_main()
    try:
        window = controller.window
        qtbot.waitUntil(lambda: window.choices is not None)
        ro = _texts(window)
        assert ro["menu"] == "&Registru" and ro["tab"] == "Toate" and ro["overdue"] == "Depășite"
        assert ro["header"] == "Nr." and ro["subject"] == "Conținut pe scurt"
        assert "Caută" in ro["search"]

        dialog = window.settings_dialog()
        dialog.language.setCurrentIndex(dialog.language.findData("en"))
        dialog.accept()
        qtbot.waitUntil(lambda: controller.window is not window)
        english = controller.window
        qtbot.waitUntil(lambda: english.choices is not None)
        en = _texts(english)
        assert en["menu"] == "&Registry" and en["tab"] == "All" and en["overdue"] == "Overdue"
        assert en["header"] == "No." and en["subject"] == "Subject"
        assert settings.language == "en" and Settings().language == "en"      # remembered
        # the core's messages follow the interface
        from local_db import messages
        assert messages.tr("required") == "required"

        dialog = english.settings_dialog()
        dialog.language.setCurrentIndex(dialog.language.findData("ro"))
        dialog.accept()
        qtbot.waitUntil(lambda: controller.window is not english)
        assert _texts(controller.window)["tab"] == "Toate"
        assert messages.tr("required") == "câmp obligatoriu"
    finally:
        controller.window.close()
        controller.shutting_down.emit()
        QApplication.processEvents()

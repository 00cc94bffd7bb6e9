"""Preferences of this PC (desktop.settings): language, 'due soon' window, documents folder."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QSpinBox, QVBoxLayout, QWidget,
)

from desktop.settings import Settings

from .widgets import translate_buttons


class SettingsDialog(QDialog):
    language_changed = Signal(str)

    def __init__(self, settings: Settings, documents_default: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.language = QComboBox()
        self.language.setObjectName("language")
        self.language.addItem("Română", "ro")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.due_soon = QSpinBox()
        self.due_soon.setRange(Settings.due_soon_days.minimum or 1, Settings.due_soon_days.maximum or 60)
        self.due_soon.setValue(settings.due_soon_days)
        self.due_soon.setSuffix(" " + self.tr("days"))
        self.documents = QLineEdit(settings.documents_dir)
        self.documents.setPlaceholderText(documents_default)
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self._browse)
        docs_row = QHBoxLayout()
        docs_row.addWidget(self.documents, 1)
        docs_row.addWidget(browse)
        self.open_documents = QCheckBox(self.tr("&Open receipts and prints in the PDF viewer when saved"))
        self.open_documents.setChecked(settings.open_documents)
        form = QFormLayout()
        for text, widget in ((self.tr("&Language"), self.language),
                             (self.tr("'Due &soon' means within"), self.due_soon)):
            lab = QLabel(text)
            lab.setBuddy(widget)
            form.addRow(lab, widget)
        docs_label = QLabel(self.tr("&Documents folder"))
        docs_label.setBuddy(self.documents)
        form.addRow(docs_label, docs_row)
        form.addRow(self.open_documents)
        note = QLabel(self.tr("Receipts and printed registers are always in Romanian."))
        note.setStyleSheet("color: #555555;")
        note.setWordWrap(True)
        form.addRow(note)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        translate_buttons(box)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(box)
        self.setMinimumWidth(620)

    def _browse(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Documents folder"), self.documents.text())
        if path:
            self.documents.setText(path)

    def accept(self) -> None:
        s = self.settings
        s.due_soon_days = self.due_soon.value()
        s.documents_dir = self.documents.text().strip()
        s.open_documents = self.open_documents.isChecked()
        language = self.language.currentData()
        changed = language != s.language
        s.language = language
        super().accept()
        if changed:
            self.language_changed.emit(language)

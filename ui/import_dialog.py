"""Import a register kept before Registru (a spreadsheet saved as CSV): check first, then import all
rows in one transaction. Both steps run on a worker; the check lists every fault with its line."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog, QFileDialog, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget,
)

from desktop import ops, queries
from desktop.context import AppContext

from .widgets import button, error_text

MAX_LISTED = 200


class ImportDialog(QDialog):
    imported = Signal(int)

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.report = None
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Import an old register (CSV)"))
        intro = QLabel(self.tr("Choose the register kept in a spreadsheet, saved as CSV. It is checked first; "
                               "nothing is written until you press Import, and then every line is imported "
                               "or none."))
        intro.setWordWrap(True)
        self.path = QLineEdit()
        self.path.setReadOnly(True)
        browse = QPushButton(self.tr("&Choose the file…"))
        browse.setAutoDefault(False)
        browse.clicked.connect(self.choose)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.summary = QLabel()
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.import_button = button(self.tr("&Import"), default=True)
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.apply)
        close = QPushButton(self.tr("Close"))
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.details, 1)
        layout.addLayout(buttons)
        self.resize(760, 520)

    def choose(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Old register"), "",
                                              self.tr("Spreadsheet saved as CSV (*.csv *.txt);;All files (*)"))
        if name:
            self.check(Path(name))

    def check(self, path: Path) -> None:
        self.path.setText(str(path))
        self.import_button.setEnabled(False)
        self.summary.setText(self.tr("Checking every line…"))
        self.details.clear()
        self.app.tasks.run(queries.check_import(self.app, path), lane="long", label="check import",
                           on_done=self._checked, on_error=self._failed, owner=self)

    def _checked(self, report) -> None:  # noqa: ANN001 - local_db.legacy_csv.Report
        self.report = report
        head = self.tr("{rows} lines, year {year}, encoding {encoding}.").format(
            rows=report.rows, year=report.year or "—", encoding=report.encoding)
        if report.ok:
            self.summary.setText(head + " " + self.tr("No faults: ready to import."))
        else:
            self.summary.setText(head + " " + self.tr("{count} lines have faults; fix them in the file and choose "
                                                      "it again.").format(count=report.faulty_rows))
        lines = [self.tr("line {line}, {column}: {message}").format(line=i.line, column=i.column or "—",
                                                                   message=i.message())
                 for i in (report.faults + report.warnings)[:MAX_LISTED]]
        created = [c.name for c in report.compartments if c.created]
        if created:
            lines.append(self.tr("New compartments: {names}").format(names=", ".join(created)))
        self.details.setPlainText("\n".join(lines))
        self.import_button.setEnabled(report.ok and report.rows > 0)

    def apply(self) -> None:
        if self.report is None or not self.report.ok:
            return
        self.import_button.setEnabled(False)
        self.summary.setText(self.tr("Importing…"))
        self.app.tasks.run_op(ops.import_register(self.app, Path(self.path.text())), label="import",
                              on_done=self._done, on_error=self._failed, owner=self)

    def _done(self, report) -> None:  # noqa: ANN001
        self.summary.setText(self.tr("Imported {count} entries. The next number of {year} is {next}.").format(
            count=report.imported, year=report.year or "—", next=report.next_number or "—"))
        self.imported.emit(report.imported)

    def _failed(self, exc: BaseException) -> None:
        self.summary.setText(error_text(exc, with_field=True))

"""First start on an empty data dir: the town hall (commune, SIRUTA code, county) and its first
administrator. Everything is written in one transaction when the clerk presses Finish; a refusal
brings back the page and field it concerns, with everything typed still there."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QWidget, QWizard, QWizardPage

from desktop import ops
from desktop.tasks import TaskManager
from local_db import Registry
from local_db.views import InstitutionView

from .widgets import FieldError, FormErrors

COUNTIES = (
    "Alba", "Arad", "Argeș", "Bacău", "Bihor", "Bistrița-Năsăud", "Botoșani", "Brăila", "Brașov", "București",
    "Buzău", "Călărași", "Caraș-Severin", "Cluj", "Constanța", "Covasna", "Dâmbovița", "Dolj", "Galați", "Giurgiu",
    "Gorj", "Harghita", "Hunedoara", "Ialomița", "Iași", "Ilfov", "Maramureș", "Mehedinți", "Mureș", "Neamț", "Olt",
    "Prahova", "Sălaj", "Satu Mare", "Sibiu", "Suceava", "Teleorman", "Timiș", "Tulcea", "Vâlcea", "Vaslui", "Vrancea",
)
INSTITUTION_PAGE, ADMIN_PAGE = 0, 1


class SetupWizard(QWizard):
    initialised = Signal(object)   # InstitutionView

    def __init__(self, registry: Registry, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.registry = registry
        self.tasks = tasks
        self._busy = False
        self.setObjectName("setupWizard")
        self.setWindowTitle(self.tr("Registru — first set-up"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Next >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Back"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Finish"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))
        self.general_error = FieldError()
        self.errors = FormErrors(self.general_error)
        self._field_page: dict[str, int] = {}

        page1 = QWizardPage()
        page1.setTitle(self.tr("The town hall"))
        page1.setSubTitle(self.tr("Which commune keeps this registry? These details head every receipt."))
        self.commune_name = QLineEdit()
        self.commune_name.setObjectName("communeName")
        self.commune_name.setPlaceholderText(self.tr("e.g. Comuna Florești"))
        self.commune_code = QLineEdit()
        self.commune_code.setObjectName("communeCode")
        self.commune_code.setMaxLength(10)
        self.commune_code.setPlaceholderText(self.tr("e.g. 54975"))
        self.county = QComboBox()
        self.county.setObjectName("county")
        self.county.setEditable(True)
        self.county.addItems(COUNTIES)
        self.county.setCurrentIndex(-1)
        self.county.setEditText("")
        self.address = QLineEdit()
        form1 = QFormLayout(page1)
        self._row(form1, INSTITUTION_PAGE, self.tr("Commune &name"), self.commune_name, "commune_name")
        self._row(form1, INSTITUTION_PAGE, self.tr("&SIRUTA code"), self.commune_code, "commune_code")
        self._row(form1, INSTITUTION_PAGE, self.tr("&County"), self.county, "county")
        self._row(form1, INSTITUTION_PAGE, self.tr("&Address (optional)"), self.address, None)

        page2 = QWizardPage()
        page2.setTitle(self.tr("The first administrator"))
        page2.setSubTitle(self.tr("This account adds the clerks' accounts and keeps the nomenclator. "
                                  "Other users are added after logging in, from the Administration menu."))
        self.username = QLineEdit("admin")
        self.username.setObjectName("adminUsername")
        self.full_name = QLineEdit()
        self.full_name.setObjectName("adminFullName")
        self.password = QLineEdit()
        self.password.setObjectName("adminPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password2 = QLineEdit()
        self.password2.setObjectName("adminPassword2")
        self.password2.setEchoMode(QLineEdit.EchoMode.Password)
        form2 = QFormLayout(page2)
        self._row(form2, ADMIN_PAGE, self.tr("&User name"), self.username, "username")
        self._row(form2, ADMIN_PAGE, self.tr("&Full name"), self.full_name, None)
        self._row(form2, ADMIN_PAGE, self.tr("&Password"), self.password, "password")
        self._row(form2, ADMIN_PAGE, self.tr("&Repeat the password"), self.password2, "password2")
        form2.addRow(self.general_error)
        self.addPage(page1)
        self.addPage(page2)
        self.resize(620, 440)

    def _row(self, form: QFormLayout, page: int, text: str, widget: QWidget, field: str | None) -> None:
        lab = QLabel(text)
        lab.setBuddy(widget)
        form.addRow(lab, widget)
        if field:
            err = FieldError()
            form.addRow("", err)
            self.errors.add(field, widget, err)
            self._field_page[field] = page

    def accept(self) -> None:
        """Finish: initialise the registry on a worker; stay open (and show why) if it is refused."""
        if self._busy:
            return
        self.errors.clear()
        if self.password.text() != self.password2.text():
            self.errors.show_text("password2", self.tr("The two passwords differ."))
            return
        self._busy = True
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        self.tasks.run_op(ops.initialise(self.registry, self.commune_code.text(), self.commune_name.text(),
                                         self.county.currentText(), self.username.text(), self.password.text(),
                                         self.full_name.text(), self.address.text()),
                          label="initialise", on_done=self._done, on_error=self._failed, owner=self)

    def _done(self, institution: InstitutionView) -> None:
        self._busy = False
        self.initialised.emit(institution)
        super().accept()

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
        field = getattr(exc, "field", None)
        if self._field_page.get(field or "", ADMIN_PAGE) == INSTITUTION_PAGE:
            while self.currentId() > INSTITUTION_PAGE:
                self.back()
        self.errors.show(exc)

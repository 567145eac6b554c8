"""The first run: a short wizard that makes this copy of dvdesk a unit's own.

It asks, in this order, for the role (chi bộ or the office above), the unit and the committee
above it with the committee's term, the first administrator, and the passphrase of the unit's
exchange keys. Nothing is written until the last of those pages is confirmed; then the accounts
are made (which encrypts the data), the unit is set up and the keys are made, and the wizard
shows what must leave the computer on paper: the recovery key and the fingerprint page. Last, it
offers to take in the people the unit already keeps in a spreadsheet (the import itself runs in
the main window, where its check and its result are shown).

A start that stopped half-way (the accounts made, the unit not) shows only the pages still to do.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from dvdesk.db.engine import DB_FILE_NAME, DatabaseError
from dvdesk.files import FileWriteError, write_atomic
from dvdesk.reports import people_workbook
from dvdesk.services import accounts, exchange
from dvdesk.services.errors import UserError
from dvdesk.services.setup import (
    BOARD_PREFIX,
    UnitDetails,
    check_server,
    check_unit_details,
    install_info,
    open_data_dir,
    server_for,
    set_up_unit,
    use_server,
)
from dvdesk.ui.accounts_dialogs import RecoveryKeyPanel, recovery_page_for, waiting
from dvdesk.ui.exchange_dialogs import (
    check_new_passphrase,
    documents_folder,
    field_row,
    fingerprint_label,
    fingerprint_lines,
    fingerprint_page,
    note_label,
    password_edit,
    strength_text,
)
from dvdesk.ui.import_dialog import TEMPLATE_NAME
from dvdesk.ui.pdf_preview import PdfPreviewDialog
from dvdesk.ui.person_dialog import ErrorLabel

if TYPE_CHECKING:
    from dvdesk.db.engine import Database

OpenDb = Callable[[Path], "Database"]


class _FormPage(QWizardPage):
    """A page of labelled fields, each with its error line; `errors` maps a UserError field
    to where its message shows, `form_error` takes the rest."""

    def __init__(self, title: str, intro: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(title)
        self.errors: dict[str, ErrorLabel] = {}
        self.layout_ = QVBoxLayout(self)
        label = QLabel(intro, self)
        label.setWordWrap(True)
        label.setObjectName("intro")
        self.layout_.addWidget(label)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.layout_.addLayout(self.form)
        self.form_error = ErrorLabel(self)
        self.form_error.setObjectName("form_error")

    def finish(self) -> None:
        self.layout_.addWidget(self.form_error)
        self.layout_.addStretch(1)

    def text_field(self, key: str, label: str, *, password: bool = False) -> QLineEdit:
        edit = password_edit(self, key) if password else QLineEdit(self)
        edit.setObjectName(key)
        self.errors[key] = field_row(self.form, label, edit, self)
        return edit

    def clear_errors(self) -> None:
        for label in self.errors.values():
            label.show_message("")
        self.form_error.show_message("")

    def show_error(self, exc: UserError | DatabaseError | FileWriteError, lang: str) -> None:
        field = exc.field if isinstance(exc, UserError) else ""
        message = exc.message(lang) if isinstance(exc, UserError | FileWriteError) else str(exc)
        self.errors.get(field, self.form_error).show_message(message)
        widget = self.findChild(QLineEdit, field)
        if widget is not None:
            widget.setFocus()
            widget.selectAll()


class RolePage(QWizardPage):
    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(self.tr("Welcome to dvdesk"))
        intro = QLabel(
            self.tr(
                "A few questions make this copy of dvdesk your unit's own: who the unit is and "
                "the committee above it, the first administrator's account, and the unit's "
                "exchange keys. Have ready the committee's term dates, a printer (or paper and "
                "pen), and the unit's seal for the fingerprint page.\n\n"
                "Nothing is saved until you confirm, on the page of the keys.\n\n"
                "Who works on this computer?"
            ),
            self,
        )
        intro.setWordWrap(True)
        self.cell = QRadioButton(self.tr("A &chi bộ (or a base committee)"), self)
        self.cell.setObjectName("role_cell")
        cell_note = note_label(self)
        cell_note.setText(
            self.tr("Keeps its people, prints their forms and sends its files up to the board.")
        )
        self.office = QRadioButton(self.tr("The &organisation board above"), self)
        self.office.setObjectName("role_office")
        office_note = note_label(self)
        office_note.setText(
            self.tr(
                "Receives the files of its chi bộ, reviews dossiers, issues decisions, runs "
                "the classes and adds up the reports."
            )
        )
        self.cell.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.cell)
        group.addButton(self.office)
        indent = self.cell.sizeHint().height() + 4
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        for button, note in ((self.cell, cell_note), (self.office, office_note)):
            layout.addWidget(button)
            note.setContentsMargins(indent, 0, 0, 0)
            layout.addWidget(note)
        # An office of several desks keeps one database on its own server (PostgreSQL).
        self.server_box = QWidget(self)
        server_layout = QFormLayout(self.server_box)
        server_layout.setContentsMargins(indent, 0, 0, 0)
        self.server = QLineEdit(self.server_box)
        self.server.setObjectName("server")
        self.server.setPlaceholderText(self.tr("empty: the data stays on this computer"))
        self.server.setToolTip(
            self.tr(
                "postgresql+psycopg://user@server/dvdesk — the password comes from the "
                "PGPASSWORD variable or the pgpass file, never from here"
            )
        )
        self.server_error = field_row(
            server_layout, self.tr("Shared &database:"), self.server, self.server_box
        )
        layout.addWidget(self.server_box)
        self.server_box.setVisible(False)
        self.office.toggled.connect(self.server_box.setVisible)
        layout.addStretch(1)

    def role(self) -> str:
        return "office" if self.office.isChecked() else "cell"

    def validatePage(self) -> bool:
        if self._wizard.join_server is not None:
            return True
        self.server_error.show_message("")
        url = self.server.text().strip() if self.office.isChecked() else ""
        self._wizard.server_url = None
        if not url:
            return True
        try:
            with waiting():
                found = check_server(url)
        except UserError as exc:
            self.server_error.show_message(exc.message(self._wizard.lang))
            return False
        if found.accounts:
            # Another desk set this database up: this desk joins it and signs in.
            self._wizard.join_server = url
            self._wizard.tell(
                self.tr(
                    "The shared database {where} is already set up ({unit}, {count} "
                    "account(s)). This computer will work on it: sign in with your account."
                ).format(where=url, unit=found.unit_name or "—", count=found.accounts)
            )
            self._wizard.accept()  # validates this page again: passed, as joining now
            return False
        self._wizard.server_url = url
        return True


class UnitPage(_FormPage):
    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__(
            QCoreApplication.translate("UnitPage", "The unit and the committee above"),
            QCoreApplication.translate(
                "UnitPage",
                "These go on every printed document and every file sent. The term is the "
                "committee's: document numbers start again from 01 in each term.",
            ),
            wizard,
        )
        self._wizard = wizard
        self.unit_code = self.text_field("unit_code", self.tr("Unit &code:"))
        self.unit_name = self.text_field("unit_name", self.tr("Unit &name:"))
        self.parent_name = self.text_field("parent_name", self.tr("Committee &above:"))
        self.board_name = self.text_field("board_name", self.tr("Its organisation &board:"))
        self.board_label = self.form.labelForField(self.board_name)
        self.place = self.text_field("place", self.tr("&Place on documents:"))
        self.place.setPlaceholderText(self.tr("e.g. Hà Tĩnh"))
        self.term_start = self.text_field("term_start", self.tr("Term &from:"))
        self.term_end = self.text_field("term_end", self.tr("Term &until:"))
        for edit in (self.term_start, self.term_end):
            edit.setPlaceholderText(self.tr("dd/mm/yyyy"))
        self.term_end.setToolTip(self.tr("The closing day of the next congress; may stay empty"))
        self._board_typed = False
        self.board_name.textEdited.connect(self._board_edited)
        self.parent_name.textChanged.connect(self._suggest_board)
        self.finish()

    def initializePage(self) -> None:
        office = self._wizard.role() == "office"
        if office:
            self.unit_name.setPlaceholderText(self.tr("e.g. Ban Tổ chức Đảng ủy Khối…"))
            self.parent_name.setPlaceholderText(self.tr("the committee the board works for"))
            self.unit_code.setPlaceholderText(self.tr("e.g. BTC-DUK"))
        else:
            self.unit_name.setPlaceholderText(self.tr("e.g. Chi bộ Sở Tư pháp"))
            self.parent_name.setPlaceholderText(self.tr("e.g. Đảng ủy Khối các cơ quan tỉnh"))
            self.unit_code.setPlaceholderText(self.tr("the code the office gave the unit"))
        # The office is the board itself: no board above it to name.
        self.board_name.setVisible(not office)
        self.errors["board_name"].setVisible(False)
        if self.board_label is not None:
            self.board_label.setVisible(not office)

    def _board_edited(self, text: str) -> None:
        self._board_typed = bool(text)

    def _suggest_board(self, committee: str) -> None:
        if not self._board_typed:
            self.board_name.setText(BOARD_PREFIX + committee.strip() if committee.strip() else "")

    def details(self) -> UnitDetails:
        return UnitDetails(
            role=self._wizard.role(),
            unit_code=self.unit_code.text(),
            unit_name=self.unit_name.text(),
            parent_name=self.parent_name.text(),
            board_name=self.board_name.text(),
            place=self.place.text(),
            term_start=self.term_start.text(),
            term_end=self.term_end.text(),
        )

    def validatePage(self) -> bool:
        self.clear_errors()
        try:
            check_unit_details(self.details(), self._wizard.today())
        except UserError as exc:
            self.show_error(exc, self._wizard.lang)
            return False
        return self._wizard.commit_if_last(self)


class AccountPage(_FormPage):
    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__(
            QCoreApplication.translate("AccountPage", "The first administrator"),
            QCoreApplication.translate(
                "AccountPage",
                "The administrator adds the other accounts (editors and viewers). From now on "
                "the data on this computer is encrypted and opens only with an account's "
                "password. A recovery key is shown once after this: the only way back in if "
                "every password is forgotten.",
            ),
            wizard,
        )
        self._wizard = wizard
        self.name = self.text_field("name", self.tr("Account &name:"))
        self.name.setPlaceholderText(self.tr("e.g. quantri"))
        self.name.setToolTip(
            self.tr("2–32 letters a–z without accents, digits, dot, underscore or hyphen")
        )
        self.full_name = self.text_field("full_name", self.tr("&Full name:"))
        self.password = self.text_field("password", self.tr("&Password:"), password=True)
        self.password.setPlaceholderText(self.tr("at least 8 characters"))
        self.repeat = self.text_field("repeat", self.tr("&Repeat the password:"), password=True)
        self.finish()

    def validatePage(self) -> bool:
        self.clear_errors()
        if self.password.text() != self.repeat.text():
            self.errors["repeat"].show_message(
                self.tr("The two passwords are not the same: type the password again in both.")
            )
            self.repeat.clear()
            self.repeat.setFocus()
            return False
        try:
            accounts.check_new_account(self.name.text(), self.password.text())
        except UserError as exc:
            self.show_error(exc, self._wizard.lang)
            return False
        return self._wizard.commit_if_last(self)


class KeysPage(_FormPage):
    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__(
            QCoreApplication.translate("KeysPage", "The unit's exchange keys"),
            QCoreApplication.translate(
                "KeysPage",
                "Files between the unit and the office are signed and encrypted with the "
                "unit's keys. The passphrase protects them: it is asked for every time a file "
                "is sent or received, and without it no file can be opened. Keep it where the "
                "unit's seal is kept; it is not the account password.",
            ),
            wizard,
        )
        self._wizard = wizard
        self.passphrase = self.text_field("passphrase", self.tr("&Passphrase:"), password=True)
        self.strength = note_label(self, "strength")
        self.form.addRow("", self.strength)
        self.passphrase_again = self.text_field(
            "passphrase_again", self.tr("&Repeat it:"), password=True
        )
        self.passphrase.textChanged.connect(lambda text: self.strength.setText(strength_text(text)))
        self.strength.setText(strength_text(""))
        self.finish()

    def validatePage(self) -> bool:
        self.clear_errors()
        if not check_new_passphrase(
            self,
            self.passphrase.text(),
            self.passphrase_again.text(),
            self.errors["passphrase"],
            self.errors["passphrase_again"],
        ):
            return False
        return self._wizard.commit_if_last(self)


class RecoveryPage(QWizardPage):
    """The recovery key, once the accounts are made; Next waits until it is put away."""

    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("The recovery key"))
        self._wizard = wizard
        self.panel: RecoveryKeyPanel | None = None
        self.layout_ = QVBoxLayout(self)

    def initializePage(self) -> None:
        made = self._wizard.made
        if made is None or self.panel is not None:
            return
        page = recovery_page_for(made.db, made.recovery_key, self._wizard.today())
        self.panel = RecoveryKeyPanel(made.recovery_key, page, self._wizard.lang, self)
        self.panel.kept.toggled.connect(self.completeChanged)
        self.layout_.addWidget(self.panel)

    def isComplete(self) -> bool:
        return self.panel is not None and self.panel.kept.isChecked()


class FingerprintPage(QWizardPage):
    """The keys' fingerprint, the page to print and stamp, and the public-key file to carry."""

    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("The fingerprint page"))
        self._wizard = wizard
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.setObjectName("intro")
        self.fingerprint = fingerprint_label(self)
        self.print_button = QPushButton(self.tr("&Print the fingerprint page…"), self)
        self.print_button.setObjectName("print_fingerprint")
        self.print_button.clicked.connect(self.print_page)
        self.save_button = QPushButton(self.tr("&Save the public-key file…"), self)
        self.save_button.setObjectName("save_public_key")
        self.save_button.clicked.connect(lambda: self.save_public_key())
        self.notice = note_label(self, "notice")
        self.error = ErrorLabel(self)
        row = QHBoxLayout()
        row.addWidget(self.print_button)
        row.addWidget(self.save_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.fingerprint)
        layout.addLayout(row)
        layout.addWidget(self.notice)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.preview: PdfPreviewDialog | None = None

    def initializePage(self) -> None:
        db = self._wizard.db
        assert db is not None
        self.info = exchange.own_key(db)
        self.install = install_info(db)
        if self.info is None:
            return
        self.fingerprint.setText(fingerprint_lines(self.info.fingerprint))
        if self.info.role == "office":
            text = self.tr(
                "The keys are made. Print this page, sign and stamp it, and give it with the "
                "public-key file to each chi bộ (or send the file and read the fingerprint out "
                "on the telephone): they compare every group before they trust the board's key."
            )
        else:
            board = self.install.board_name if self.install else ""
            text = self.tr(
                "The keys are made. Print this page, have it signed and stamped, and take it "
                "with the public-key file to {board}. Bring back the board's public-key file "
                "and its fingerprint page, and add it under Exchange › Keys."
            ).format(board=board or self.tr("the organisation board above"))
        self.intro.setText(text)

    def pdf(self) -> bytes | None:
        if self.info is None:
            return None
        return fingerprint_page(self.info, self.install, self._wizard.today())

    def print_page(self) -> None:
        pdf = self.pdf()
        if pdf is None or self.info is None:
            return
        if self.preview is not None:
            self.preview.deleteLater()
        self.preview = PdfPreviewDialog(
            pdf, self.tr("Fingerprint page"), f"van-tay-khoa-{self.info.unit_code}.pdf", self
        )
        self.preview.open()

    def save_public_key(self, path: Path | None = None) -> Path | None:
        db = self._wizard.db
        if db is None or self.info is None:
            return None
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Save the public-key file"),
                str(documents_folder() / f"{self.info.unit_code}-khoa.dvkey"),
                self.tr("Public-key files (*.dvkey);;All files (*)"),
            )
            if not chosen:
                return None
            path = Path(chosen)
        self.error.show_message("")
        try:
            write_atomic(path, exchange.export_public_key(db))
        except (UserError, FileWriteError) as exc:
            self.error.show_message(exc.message(self._wizard.lang))
            return None
        self.notice.setText(self.tr("Saved: {path}.").format(path=str(path)))
        return path


class ImportPage(QWizardPage):
    """The offer to take in the people the unit keeps in a spreadsheet already."""

    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("The people the unit already has"))
        self._wizard = wizard
        intro = QLabel(
            self.tr(
                "If the unit keeps its outstanding members of the masses, sympathisers, "
                "probationary members or helpers in a spreadsheet, dvdesk can take them in. "
                "Save the template, copy the rows into its sheets (the “Hướng dẫn” sheet "
                "explains every column), then choose the file. dvdesk checks it first and "
                "shows what it would do; nothing is imported before you confirm.\n\n"
                "This can also be done later: File › Import from spreadsheet…"
            ),
            self,
        )
        intro.setWordWrap(True)
        self.template_button = QPushButton(self.tr("Save the &template…"), self)
        self.template_button.setObjectName("save_template")
        self.template_button.clicked.connect(lambda: self.save_template())
        self.choose_button = QPushButton(self.tr("&Choose the spreadsheet to import…"), self)
        self.choose_button.setObjectName("choose_spreadsheet")
        self.choose_button.clicked.connect(lambda: self.choose())
        self.chosen = note_label(self, "chosen")
        self.error = ErrorLabel(self)
        row = QHBoxLayout()
        row.addWidget(self.template_button)
        row.addWidget(self.choose_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.chosen)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def save_template(self, path: Path | None = None) -> Path | None:
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Save the spreadsheet template"),
                str(documents_folder() / TEMPLATE_NAME),
                self.tr("Excel workbook (*.xlsx)"),
            )
            if not chosen:
                return None
            path = Path(chosen)
        self.error.show_message("")
        try:
            people_workbook.write_template(path)
        except (OSError, FileWriteError) as exc:
            text = exc.message(self._wizard.lang) if isinstance(exc, FileWriteError) else str(exc)
            self.error.show_message(text)
            return None
        self.chosen.setText(self.tr("Template saved: {path}").format(path=str(path)))
        return path

    def choose(self, path: Path | None = None) -> Path | None:
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self,
                self.tr("Import from spreadsheet"),
                str(documents_folder()),
                self.tr("Spreadsheets (*.xlsx *.csv);;All files (*)"),
            )
            if not chosen:
                return None
            path = Path(chosen)
        self._wizard.import_path = path
        self.chosen.setText(
            self.tr("To be checked when dvdesk opens: {path}").format(path=str(path))
        )
        return path


class FirstRunWizard(QWizard):
    """The first run (see the module's text). Accepted: `db` is the signed-in database and
    `import_path` the spreadsheet to check in the window, if one was chosen."""

    ROLE, UNIT, ACCOUNT, KEYS, RECOVERY, FINGERPRINT, IMPORT = range(7)

    def __init__(
        self,
        data_dir: Path,
        lang: str = "vi",
        db: Database | None = None,
        today: Callable[[], date] = date.today,
        open_db: OpenDb = open_data_dir,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("first_run_wizard")
        self.setWindowTitle(self.tr("dvdesk: first run"))
        self.data_dir = data_dir
        self.lang = lang
        self.today = today
        self._open_db = open_db
        self.db = db
        self.made: accounts.SetUp | None = None
        self.import_path: Path | None = None
        self.committed = False
        self.need_account = db is None
        on_server = server_for(data_dir) is not None
        self.need_unit, self.need_keys = _still_to_do(data_dir, db, open_db)
        self.server_url: str | None = None  # an empty shared database to set up the office on
        self.join_server: str | None = None  # a shared database set up already: sign in to it
        self.role_page = RolePage(self)
        self.unit_page = UnitPage(self)
        self.account_page = AccountPage(self)
        self.keys_page = KeysPage(self)
        pages: list[tuple[int, QWizardPage, bool]] = [
            (self.ROLE, self.role_page, self.need_unit),
            (self.UNIT, self.unit_page, self.need_unit),
            (self.ACCOUNT, self.account_page, self.need_account),
            (self.KEYS, self.keys_page, self.need_keys),
            # The shared server has no recovery key: its own backups stand behind it.
            (self.RECOVERY, RecoveryPage(self), self.need_account and not on_server),
            (self.FINGERPRINT, FingerprintPage(self), self.need_keys),
            (self.IMPORT, ImportPage(self), self.need_unit),
        ]
        inputs = [page for ident, page, wanted in pages if wanted and ident <= self.KEYS]
        self.last_input = inputs[-1] if inputs else None
        if self.last_input is not None:
            self.last_input.setCommitPage(True)
            self.last_input.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Set up"))
        for ident, page, wanted in pages:
            if wanted:
                self.setPage(ident, page)
            else:
                page.deleteLater()
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        chars = self.fontMetrics().averageCharWidth()
        self.setMinimumWidth(max(chars * 80, 560))
        # Room for an error under a field without the page's last rows being squeezed.
        self.setMinimumHeight(self.fontMetrics().height() * 34)

    def role(self) -> str:
        return self.role_page.role()

    def nextId(self) -> int:
        following = super().nextId()
        if following == self.RECOVERY and self.server_url is not None:
            # The shared server has no recovery key: its own backups stand behind it.
            ids = self.pageIds()
            later = [i for i in ids if i > self.RECOVERY]
            return later[0] if later else -1
        return following

    def tell(self, text: str) -> None:
        """A message in a box (tests read it instead)."""
        QMessageBox.information(self, self.windowTitle(), text)

    def commit_if_last(self, page: _FormPage) -> bool:
        return page is not self.last_input or self.commit(page)

    def commit(self, page: _FormPage) -> bool:
        """Write what the pages asked for: the accounts (encrypting the data), the unit, the
        keys. A step that went through is not done again when a later one fails and the person
        tries again."""
        try:
            with waiting():
                if self.db is None and self.server_url is not None:
                    use_server(self.data_dir, self.server_url)
                if self.db is None:
                    self.made = accounts.set_up(
                        self.data_dir,
                        self.account_page.name.text(),
                        self.account_page.full_name.text(),
                        self.account_page.password.text(),
                        self._open_db,
                        self.account_page.repeat.text(),
                    )
                    self.db = self.made.db
                if self.need_unit and install_info(self.db) is None:
                    set_up_unit(self.db, self.unit_page.details(), self.today())
                if self.need_keys and exchange.own_key(self.db) is None:
                    exchange.init_keys(self.db, self.keys_page.passphrase.text())
        except (UserError, DatabaseError, FileWriteError) as exc:
            page.show_error(exc, self.lang)
            return False
        self.committed = True
        self.setOption(QWizard.WizardOption.NoCancelButton, True)
        return True

    def reject(self) -> None:
        if not self.committed:
            super().reject()
            return
        # Made already: closing opens the program, once the recovery key is put away.
        if self.currentId() == self.RECOVERY and not self.currentPage().isComplete():
            return
        self.accept()


def _still_to_do(data_dir: Path, db: Database | None, open_db: OpenDb) -> tuple[bool, bool]:
    """(the unit, the keys) still to set up. Data kept from an older version, before accounts,
    may have both, and so may a shared server another desk began; a fresh folder is not
    opened (so cancelling leaves it empty)."""
    if db is None:
        if not (data_dir / DB_FILE_NAME).exists() and server_for(data_dir) is None:
            return True, True
        plain = open_db(data_dir)
        try:
            return _still_to_do(data_dir, plain, open_db)
        finally:
            plain.close()
    if install_info(db) is None:
        return True, True
    return False, exchange.own_key(db) is None

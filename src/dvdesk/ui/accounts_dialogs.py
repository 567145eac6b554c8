"""Accounts in the window: signing in (or, every password lost, the printed recovery key), the
recovery key shown once (its panel is also a page of the first-run wizard, ui/first_run.py),
the administrators' list of accounts, and changing one's own password.

Everything goes through dvdesk.services.accounts; a refusal shows under the field it names
(UserError.field). Argon2id takes a fraction of a second per password, so the calls run on the
GUI thread under a wait cursor.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dvdesk.db.engine import DatabaseError
from dvdesk.domain.accounts import ROLE_LABELS, Role
from dvdesk.files import FileWriteError, write_atomic
from dvdesk.reports import recovery_page
from dvdesk.services import accounts
from dvdesk.services.errors import UserError
from dvdesk.services.setup import open_data_dir, server_for
from dvdesk.ui.exchange_dialogs import (
    documents_folder,
    field_row,
    note_label,
    password_edit,
)
from dvdesk.ui.pdf_preview import PdfPreviewDialog
from dvdesk.ui.person_dialog import ErrorLabel

if TYPE_CHECKING:
    from dvdesk.db.engine import Database
    from dvdesk.ui.backend import Backend

OpenDb = Callable[[Path], "Database"]


@contextmanager
def waiting() -> Iterator[None]:
    """The wait cursor while a slow call (Argon2id, a server's first connection) runs."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


def role_label(role: Role | str, lang: str) -> str:
    vi, en = ROLE_LABELS.get(Role(role), (str(role), str(role)))
    return vi if lang == "vi" else en


def signed_in_text(db: Database, lang: str) -> str:
    """'Nguyễn Văn Quản (quantri, Quản trị)': who works in the window."""
    who = db.account
    if who is None:
        return ""
    role = role_label(who.role, lang)
    if who.full_name:
        return f"{who.full_name} ({who.name}, {role})"
    return f"{who.name} ({role})"


def fit_height(dialog: QDialog) -> None:
    """Tall enough for its wrapped text at its width. Qt sizes a window by its size hint and then
    narrows it to two thirds of the screen, leaving the height of the wider hint: wrapped text
    would be cut off. Called again when an error line appears."""
    layout = dialog.layout()
    if layout is None:
        return
    layout.activate()
    sized = dialog.testAttribute(Qt.WidgetAttribute.WA_Resized)
    width = max(dialog.width() if sized else 0, dialog.minimumWidth())
    need = layout.totalMinimumSize().height()
    if layout.hasHeightForWidth():
        need = max(need, layout.totalHeightForWidth(width))
    if not sized or need > dialog.height():
        dialog.resize(width, need)


def _message(exc: Exception, lang: str) -> str:
    if isinstance(exc, (UserError, FileWriteError)):
        return exc.message(lang)
    return str(exc)


class _AccountForm(QDialog):
    """A form of labelled fields, each with its error line, and OK/Cancel: the base of the
    dialogs below. `errors` maps a UserError field to where its message shows."""

    def __init__(self, lang: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._lang = lang
        self.errors: dict[str, ErrorLabel] = {}
        self.layout_ = QVBoxLayout(self)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.form_error = ErrorLabel(self)
        self.form_error.setObjectName("form_error")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        chars = self.fontMetrics().averageCharWidth()
        self.setMinimumWidth(max(chars * 70, 420))

    def intro(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setWordWrap(True)
        label.setObjectName("intro")
        self.layout_.addWidget(label)
        return label

    def text_field(self, key: str, label: str, *, password: bool = False) -> QLineEdit:
        edit = password_edit(self, key) if password else QLineEdit(self)
        edit.setObjectName(key)
        self.errors[key] = field_row(self.form, label, edit, self)
        return edit

    def finish(self, ok_text: str) -> None:
        self.layout_.addLayout(self.form)
        self.layout_.addWidget(self.form_error)
        self.layout_.addStretch(1)
        self.layout_.addWidget(self.buttons)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(ok_text)
        ok.setObjectName("ok_button")
        fit_height(self)

    def clear_errors(self) -> None:
        for label in self.errors.values():
            label.show_message("")
        self.form_error.show_message("")

    def show_error(self, exc: Exception) -> None:
        field = exc.field if isinstance(exc, UserError) else ""
        target = self.errors.get(field, self.form_error)
        target.show_message(_message(exc, self._lang))
        fit_height(self)
        widget = self.findChild(QLineEdit, field)
        if widget is not None:
            widget.setFocus()
            widget.selectAll()

    def same(self, first: QLineEdit, again: QLineEdit) -> bool:
        """The new password typed twice alike; else say so under the second."""
        if first.text() == again.text():
            return True
        # Spelled out: self.tr here would look in the subclass's context.
        self.errors[again.objectName()].show_message(
            QCoreApplication.translate(
                "AccountForm",
                "The two passwords are not the same: type the password again in both.",
            )
        )
        again.clear()
        again.setFocus()
        fit_height(self)
        return False

    def attempt(
        self, work: Callable[[], None], *, twice: tuple[QLineEdit, QLineEdit] | None = None
    ) -> bool:
        """Run `work` (the service call) with the errors cleared first and shown under their
        fields after; the dialog closes when it succeeds. `twice`: a new password typed twice,
        compared first."""
        self.clear_errors()
        if twice is not None and not self.same(*twice):
            return False
        try:
            with waiting():
                work()
        except (UserError, DatabaseError) as exc:
            self.show_error(exc)
            return False
        self.accept()
        return True

    def submit(self) -> None:  # pragma: no cover - each dialog has its own
        raise NotImplementedError


# --- first run, signing in, recovery -------------------------------------------------------


class RecoverDialog(_AccountForm):
    """Every password lost: the printed recovery key opens the data, and the administrator
    account named gets a new password. `db` is the database opened, once accepted."""

    def __init__(
        self,
        data_dir: Path,
        lang: str = "vi",
        parent: QWidget | None = None,
        open_db: OpenDb = open_data_dir,
        name: str = "",
    ) -> None:
        super().__init__(lang, parent)
        self.setObjectName("recover_dialog")
        self.setWindowTitle(self.tr("Open the data with the recovery key"))
        self._data_dir = data_dir
        self._open_db = open_db
        self.db: Database | None = None
        self.intro(
            self.tr(
                "When every administrator's password is lost, the recovery key printed when "
                "the accounts were set up opens the data. Type its 32 characters (case, spaces "
                "and dashes do not matter), the administrator account to give a new password, "
                "and the new password twice."
            )
        )
        self.recovery_key = self.text_field("recovery_key", self.tr("Recovery &key:"))
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setStyleHint(QFont.StyleHint.Monospace)
        self.recovery_key.setFont(font)
        self.recovery_key.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.name = self.text_field("name", self.tr("Administrator &account:"))
        self.name.setText(name)
        self.password = self.text_field("password", self.tr("&New password:"), password=True)
        self.repeat = self.text_field("repeat", self.tr("&Repeat it:"), password=True)
        self.finish(self.tr("&Open the data"))

    def submit(self) -> None:
        def work() -> None:
            self.db = accounts.recover(
                self._data_dir,
                self.recovery_key.text(),
                self.name.text(),
                self.password.text(),
                self._open_db,
                self.repeat.text(),
            )

        self.attempt(work, twice=(self.password, self.repeat))


class SignInDialog(_AccountForm):
    """The account name and password; `db` is the database opened for them, once accepted."""

    def __init__(
        self,
        data_dir: Path,
        lang: str = "vi",
        parent: QWidget | None = None,
        open_db: OpenDb = open_data_dir,
        name: str = "",
    ) -> None:
        super().__init__(lang, parent)
        self.setObjectName("sign_in_dialog")
        self.setWindowTitle(self.tr("dvdesk: sign in"))
        self._data_dir = data_dir
        self._open_db = open_db
        self.db: Database | None = None
        self.recover_dialog: RecoverDialog | None = None
        server = server_for(data_dir)
        if server is None:
            self.intro(self.tr("The data on this computer is encrypted: sign in to open it."))
        else:
            self.intro(
                self.tr(
                    "This desk works on the office's shared database at {server}: sign in with "
                    "your account there."
                ).format(server=server)
            )
        self.name = self.text_field("name", self.tr("Account &name:"))
        self.name.setText(name)
        self.password = self.text_field("password", self.tr("&Password:"), password=True)
        self.finish(self.tr("&Sign in"))
        self.forgot_button = QPushButton(self.tr("&Forgot the password? Use the recovery key"))
        self.forgot_button.setObjectName("forgot_button")
        self.forgot_button.setFlat(True)
        self.forgot_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.forgot_button.setStyleSheet("text-decoration: underline; color: palette(link);")
        self.forgot_button.clicked.connect(self.recover)
        self.layout_.insertWidget(self.layout_.count() - 1, self.forgot_button, 0)
        self.layout_.setAlignment(self.forgot_button, Qt.AlignmentFlag.AlignLeft)
        # The shared server has no recovery key: an administrator resets a forgotten password.
        self.forgot_button.setVisible(server is None)
        (self.password if name else self.name).setFocus()

    def submit(self) -> None:
        self.clear_errors()
        try:
            with waiting():
                self.db = accounts.sign_in(
                    self._data_dir, self.name.text(), self.password.text(), self._open_db
                )
        except (UserError, DatabaseError) as exc:
            self.password.clear()
            # A wrong name and a wrong password get one answer: under the password.
            field = exc.field if isinstance(exc, UserError) else ""
            target = self.errors["password"] if field in ("name", "password") else None
            (target or self.form_error).show_message(_message(exc, self._lang))
            fit_height(self)
            self.password.setFocus()
            return
        self.accept()

    def make_recover_dialog(self) -> RecoverDialog:
        return RecoverDialog(self._data_dir, self._lang, self, self._open_db, self.name.text())

    def recover(self) -> None:
        dialog = self.make_recover_dialog()
        self.recover_dialog = dialog
        try:
            if self.run_dialog(dialog) == QDialog.DialogCode.Accepted and dialog.db is not None:
                self.db = dialog.db
                self.accept()
        finally:
            self.recover_dialog = None
            dialog.deleteLater()

    def run_dialog(self, dialog: QDialog) -> int:
        """Run a sub-dialog modally (tests replace this to drive it)."""
        return dialog.exec()


# --- the recovery key ------------------------------------------------------------------------


def key_lines(recovery_key: str) -> str:
    """Eight groups as two lines of four, for large type."""
    parts = recovery_page.groups(recovery_key)
    return "\n".join("  ".join(parts[i : i + 4]) for i in range(0, len(parts), 4))


class RecoveryKeyPanel(QWidget):
    """The recovery key in large type, with print and save, and the box to tick once it is put
    away (`kept`): shown once, in its own dialog or as a page of the first-run wizard."""

    def __init__(
        self,
        recovery_key: str,
        page: recovery_page.RecoveryPage | None = None,
        lang: str = "vi",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._lang = lang
        self.recovery_key = recovery_key
        self.page = page or recovery_page.RecoveryPage(recovery_key, date.today())
        intro = QLabel(
            self.tr(
                "This is the recovery key of the data on this computer. It is shown only this "
                "once. When every password is forgotten, it alone opens the data; anyone who "
                "has it and this computer can read everything.\n\n"
                "Print it (or copy it onto paper by hand) and keep it locked away, like the key "
                "of the safe, never with the computer."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.key_label = QLabel(key_lines(recovery_key), self)
        self.key_label.setObjectName("recovery_key")
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSizeF(max(self.font().pointSizeF(), 10.0) * 2.0)
        font.setBold(True)
        self.key_label.setFont(font)
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_label.setFrameShape(QLabel.Shape.Box)
        self.key_label.setMargin(12)
        self.print_button = QPushButton(self.tr("&Print…"), self)
        self.print_button.setObjectName("print_key")
        self.print_button.clicked.connect(self.print_page)
        self.save_button = QPushButton(self.tr("&Save as PDF…"), self)
        self.save_button.setObjectName("save_key")
        self.save_button.setToolTip(
            self.tr("Only to a USB stick that is then locked away: never on this computer")
        )
        self.save_button.clicked.connect(lambda: self.save_as())
        self.notice = note_label(self, "notice")
        self.kept = QCheckBox(
            self.tr("I have printed or copied this key and put it away safely"), self
        )
        self.kept.setObjectName("kept")
        row = QHBoxLayout()
        row.addWidget(self.print_button)
        row.addWidget(self.save_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addWidget(self.key_label)
        layout.addLayout(row)
        layout.addWidget(self.notice)
        layout.addStretch(1)
        layout.addWidget(self.kept)

    def pdf(self) -> bytes:
        return recovery_page.render(self.page)

    def run_preview(self, preview: QDialog) -> int:
        """Run the print preview (tests replace this)."""
        return preview.exec()

    def print_page(self) -> None:
        preview = PdfPreviewDialog(
            self.pdf(), self.tr("The recovery key"), "ma-khoi-phuc.pdf", self
        )
        try:
            self.run_preview(preview)
        finally:
            preview.pages.close()
            preview.deleteLater()

    def save_as(self, path: Path | None = None) -> Path | None:
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Save the recovery key"),
                str(documents_folder() / "ma-khoi-phuc-dvdesk.pdf"),
                self.tr("PDF files (*.pdf)"),
            )
            if not chosen:
                return None
            path = Path(chosen)
        try:
            write_atomic(path, self.pdf())
        except FileWriteError as exc:
            self.notice.setText(exc.message(self._lang))
            return None
        self.notice.setText(
            self.tr(
                "Saved: {path}. Keep that copy locked away too, never on this computer."
            ).format(path=str(path))
        )
        return path


class RecoveryKeyDialog(QDialog):
    """The recovery key, shown this once: print it or save it, and say so before closing."""

    def __init__(
        self,
        recovery_key: str,
        page: recovery_page.RecoveryPage | None = None,
        lang: str = "vi",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("recovery_key_dialog")
        self.setWindowTitle(self.tr("The recovery key"))
        self.panel = RecoveryKeyPanel(recovery_key, page, lang, self)
        self.key_label = self.panel.key_label
        self.kept = self.panel.kept
        self.close_button = QPushButton(self.tr("&Close"), self)
        self.close_button.setObjectName("close_button")
        self.close_button.setEnabled(False)
        self.close_button.clicked.connect(self.accept)
        self.kept.toggled.connect(self.close_button.setEnabled)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)
        layout.addLayout(bottom)
        chars = self.fontMetrics().averageCharWidth()
        self.setMinimumWidth(max(chars * 76, 480))
        fit_height(self)

    def reject(self) -> None:
        # Escape and the window's close box do nothing until the key is put away.
        if self.kept.isChecked():
            super().reject()

    def save_as(self, path: Path | None = None) -> Path | None:
        return self.panel.save_as(path)


def recovery_page_for(db: Database, recovery_key: str, today: date) -> recovery_page.RecoveryPage:
    """The printed page's data: the unit, the date and who made the key."""
    from dvdesk.services.setup import install_info

    info = install_info(db)
    who = db.account
    made_by = ""
    if who is not None:
        made_by = f"{who.name} ({who.full_name})" if who.full_name else who.name
    return recovery_page.RecoveryPage(
        recovery_key=recovery_key,
        made_on=today,
        unit_name=info.unit_name if info else "",
        unit_code=info.unit_code if info else "",
        made_by=made_by,
    )


# --- the administrators' list ----------------------------------------------------------------


class AddAccountDialog(_AccountForm):
    """A new account: name, full name, role and a first password."""

    def __init__(self, backend: Backend, parent: QWidget | None = None) -> None:
        super().__init__(backend.lang, parent)
        self.setObjectName("add_account_dialog")
        self.setWindowTitle(self.tr("New account"))
        self._backend = backend
        self.name = self.text_field("name", self.tr("Account &name:"))
        self.name.setToolTip(
            self.tr("2–32 letters a–z without accents, digits, dot, underscore or hyphen")
        )
        self.full_name = self.text_field("full_name", self.tr("&Full name:"))
        self.role = QComboBox(self)
        self.role.setObjectName("role")
        for role in (Role.EDITOR, Role.VIEWER, Role.ADMIN):
            self.role.addItem(role_label(role, backend.lang), role.value)
        self.errors["role"] = field_row(self.form, self.tr("&Role:"), self.role, self)
        note = note_label(self, "roles_note")
        note.setText(
            self.tr(
                "Viewer: sees the data on screen, changes nothing, prints nothing. Editor: the "
                "daily work, printing and exchange files included. Administrator: all that, "
                "plus accounts and restoring backups."
            )
        )
        self.form.addRow("", note)
        self.password = self.text_field("password", self.tr("&Password:"), password=True)
        self.password.setPlaceholderText(self.tr("at least 8 characters"))
        self.repeat = self.text_field("repeat", self.tr("&Repeat it:"), password=True)
        self.finish(self.tr("&Add"))

    def submit(self) -> None:
        def work() -> None:
            accounts.add_account(
                self._backend.db,
                self.name.text(),
                self.full_name.text(),
                self.role.currentData(),
                self.password.text(),
            )

        self.attempt(work, twice=(self.password, self.repeat))


class ResetPasswordDialog(_AccountForm):
    """An administrator gives an account a new password (and enables it again)."""

    def __init__(self, backend: Backend, name: str, parent: QWidget | None = None) -> None:
        super().__init__(backend.lang, parent)
        self.setObjectName("reset_password_dialog")
        self.setWindowTitle(self.tr("New password for {name}").format(name=name))
        self._backend = backend
        self._name = name
        self.intro(
            self.tr(
                "The account «{name}» gets this password (and may sign in again if it was "
                "disabled). Tell its owner, who should change it at the first sign-in."
            ).format(name=name)
        )
        self.password = self.text_field("password", self.tr("&New password:"), password=True)
        self.repeat = self.text_field("repeat", self.tr("&Repeat it:"), password=True)
        self.finish(self.tr("&Set the password"))

    def submit(self) -> None:
        def work() -> None:
            accounts.reset_password(
                self._backend.db, self._name, self.password.text(), self.repeat.text()
            )

        self.attempt(work, twice=(self.password, self.repeat))


class ChangePasswordDialog(_AccountForm):
    """The signed-in account changes its own password (any role)."""

    def __init__(self, backend: Backend, parent: QWidget | None = None) -> None:
        super().__init__(backend.lang, parent)
        self.setObjectName("change_password_dialog")
        self.setWindowTitle(self.tr("Change my password"))
        self._backend = backend
        self.intro(self.tr("Account: {who}").format(who=signed_in_text(backend.db, backend.lang)))
        self.old = self.text_field("old", self.tr("&Current password:"), password=True)
        self.password = self.text_field("new", self.tr("&New password:"), password=True)
        self.password.setPlaceholderText(self.tr("at least 8 characters"))
        self.repeat = self.text_field("repeat", self.tr("&Repeat it:"), password=True)
        # The service names "old" for a wrong current password, "password" for a weak new one.
        self.errors["password"] = self.errors["new"]
        self.finish(self.tr("&Change"))

    def submit(self) -> None:
        def work() -> None:
            accounts.change_password(
                self._backend.db, self.old.text(), self.password.text(), self.repeat.text()
            )

        self.attempt(work, twice=(self.password, self.repeat))


def _local_time(moment: datetime | None) -> str:
    if moment is None:
        return "—"
    return f"{moment.replace(tzinfo=UTC).astimezone():%d/%m/%Y %H:%M}"


class AccountsDialog(QDialog):
    """The administrators' list of accounts, what can be done to each, the new recovery key,
    and how soon the screen locks (kept in the database: only an administrator sets it).
    `lock_minutes_changed` tells the window."""

    lock_minutes_changed = Signal(int)
    COLUMNS = 5

    def __init__(self, backend: Backend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("accounts_dialog")
        self.setWindowTitle(self.tr("Accounts"))
        self._backend = backend
        self.rows: list[accounts.AccountRow] = []

        self.table = QTableWidget(0, self.COLUMNS, self)
        self.table.setObjectName("accounts_table")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Account"),
                self.tr("Full name"),
                self.tr("Role"),
                self.tr("Active"),
                self.tr("Last sign-in"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(self.tr("Accounts"))
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.add_button = QPushButton(self.tr("&Add…"), self)
        self.add_button.setObjectName("add_account")
        self.add_button.clicked.connect(self.add)
        self.role_button = QPushButton(self.tr("Change &role…"), self)
        self.role_button.setObjectName("change_role")
        self.role_button.clicked.connect(self.change_role)
        self.disable_button = QPushButton(self.tr("&Disable"), self)
        self.disable_button.setObjectName("disable_account")
        self.disable_button.setToolTip(
            self.tr("The account can no longer sign in; a new password enables it again")
        )
        self.disable_button.clicked.connect(self.disable)
        self.reset_button = QPushButton(self.tr("New &password…"), self)
        self.reset_button.setObjectName("reset_password")
        self.reset_button.clicked.connect(self.reset_password)
        self.error = ErrorLabel(self)
        self.error.setObjectName("accounts_error")
        self.notice = note_label(self, "accounts_notice")

        self.recovery_button = QPushButton(self.tr("New recovery &key…"), self)
        self.recovery_button.setObjectName("new_recovery_key")
        self.recovery_button.setToolTip(
            self.tr("Print a new recovery key; the old printed page stops working")
        )
        self.recovery_button.clicked.connect(self.new_recovery_key)
        self.recovery_button.setVisible(not backend.db.on_server)  # the server has none
        self.lock_minutes = QSpinBox(self)
        self.lock_minutes.setObjectName("lock_minutes")
        self.lock_minutes.setRange(0, accounts.MAX_LOCK_MINUTES)
        self.lock_minutes.setSpecialValueText(self.tr("never"))
        self.lock_minutes.setSuffix(self.tr(" min"))
        self.lock_minutes.setValue(accounts.lock_minutes(backend.db))
        # Saved when the field is left or Enter pressed, not at every digit typed.
        self.lock_minutes.setKeyboardTracking(False)
        self.lock_minutes.valueChanged.connect(self.save_lock_minutes)
        lock_label = QLabel(self.tr("&Lock the screen after this long unused:"), self)
        lock_label.setBuddy(self.lock_minutes)

        buttons = QHBoxLayout()
        for button in (self.add_button, self.role_button, self.disable_button, self.reset_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        security = QHBoxLayout()
        security.addWidget(lock_label)
        security.addWidget(self.lock_minutes)
        security.addStretch(1)
        security.addWidget(self.recovery_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        layout.addWidget(self.notice)
        layout.addSpacing(8)
        layout.addLayout(security)
        layout.addWidget(close)
        chars = self.fontMetrics().averageCharWidth()
        self.resize(max(chars * 100, 640), max(self.fontMetrics().height() * 24, 400))
        self.reload()

    # --- showing ---------------------------------------------------------------------------

    def reload(self) -> None:
        keep = self.current()
        try:
            self.rows = accounts.accounts(self._backend.db)
        except UserError as exc:
            self.rows = []
            self.error.show_message(exc.message(self._backend.lang))
        lang = self._backend.lang
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            cells = (
                row.name,
                row.full_name,
                role_label(row.role, lang),
                self.tr("yes") if row.active else self.tr("disabled"),
                _local_time(row.last_sign_in),
            )
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
        names = [row.name for row in self.rows]
        if keep is not None and keep.name in names:
            self.table.selectRow(names.index(keep.name))
        elif self.rows:
            self.table.selectRow(0)
        self._update_buttons()

    def current(self) -> accounts.AccountRow | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or rows[0].row() >= len(self.rows):
            return None
        return self.rows[rows[0].row()]

    def select(self, name: str) -> None:
        for r, row in enumerate(self.rows):
            if row.name == name:
                self.table.selectRow(r)

    def _update_buttons(self) -> None:
        row = self.current()
        for button in (self.role_button, self.reset_button):
            button.setEnabled(row is not None)
        self.disable_button.setEnabled(row is not None and row.active)

    def _done(self, text: str) -> None:
        self.error.show_message("")
        self.notice.setText(text)
        self.reload()

    def _failed(self, exc: UserError) -> None:
        self.notice.setText("")
        self.error.show_message(exc.message(self._backend.lang))

    # --- what can be done ------------------------------------------------------------------

    def run_dialog(self, dialog: QDialog) -> int:
        """Run a sub-dialog modally (tests replace this to drive it)."""
        return dialog.exec()

    def ask_role(self, row: accounts.AccountRow) -> Role | None:
        lang = self._backend.lang
        roles = [Role.ADMIN, Role.EDITOR, Role.VIEWER]
        labels = [role_label(r, lang) for r in roles]
        chosen, ok = QInputDialog.getItem(
            self,
            self.tr("Change role"),
            self.tr("Role of «{name}»:").format(name=row.name),
            labels,
            roles.index(row.role) if row.role in roles else 0,
            False,
        )
        return roles[labels.index(chosen)] if ok and chosen in labels else None

    def confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def add(self) -> None:
        dialog = AddAccountDialog(self._backend, self)
        try:
            if self.run_dialog(dialog) != QDialog.DialogCode.Accepted:
                return
            name = dialog.name.text().strip().casefold()
        finally:
            dialog.deleteLater()
        self._done(self.tr("The account «{name}» is added.").format(name=name))
        self.select(name)

    def change_role(self) -> None:
        row = self.current()
        if row is None:
            return
        role = self.ask_role(row)
        if role is None or role == row.role:
            return
        try:
            accounts.set_role(self._backend.db, row.name, role)
        except UserError as exc:
            self._failed(exc)
            return
        self._done(
            self.tr("«{name}» is now: {role}.").format(
                name=row.name, role=role_label(role, self._backend.lang)
            )
        )

    def disable(self) -> None:
        row = self.current()
        if row is None:
            return
        if not self.confirm(
            self.tr("Disable an account"),
            self.tr(
                "«{name}» will no longer be able to sign in. An administrator can enable the "
                "account again by giving it a new password. Disable it?"
            ).format(name=row.name),
        ):
            return
        try:
            with waiting():
                accounts.disable(self._backend.db, row.name)
        except UserError as exc:
            self._failed(exc)
            return
        self._done(self.tr("«{name}» is disabled.").format(name=row.name))

    def reset_password(self) -> None:
        row = self.current()
        if row is None:
            return
        dialog = ResetPasswordDialog(self._backend, row.name, self)
        try:
            if self.run_dialog(dialog) != QDialog.DialogCode.Accepted:
                return
        finally:
            dialog.deleteLater()
        self._done(self.tr("«{name}» has a new password.").format(name=row.name))

    def new_recovery_key(self) -> str | None:
        if not self.confirm(
            self.tr("New recovery key"),
            self.tr(
                "A new recovery key is made and shown once; the page printed before stops "
                "working at once. Make a new one?"
            ),
        ):
            return None
        try:
            key = accounts.renew_recovery_key(self._backend.db)
        except UserError as exc:
            self._failed(exc)
            return None
        page = recovery_page_for(self._backend.db, key, self._backend.today())
        dialog = RecoveryKeyDialog(key, page, self._backend.lang, self)
        try:
            self.run_dialog(dialog)
        finally:
            dialog.deleteLater()
        self._done(self.tr("A new recovery key is made: destroy the old printed page."))
        return key

    def save_lock_minutes(self, minutes: int) -> bool:
        try:
            accounts.set_lock_minutes(self._backend.db, minutes)
        except UserError as exc:
            self._failed(exc)
            return False
        self.error.show_message("")
        self.notice.setText(
            self.tr("The screen locks after {minutes} min without use.").format(minutes=minutes)
            if minutes
            else self.tr("The screen never locks by itself (Ctrl+L still locks it).")
        )
        self.lock_minutes_changed.emit(minutes)
        return True

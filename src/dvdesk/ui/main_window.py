"""The main window: four tabs (candidates, members, classes, reports), and for the office a fifth
with its own work (the monthly review, the units' plans, targets and ranking), menus, and a status
bar with the number of people and of overdue steps.

Once accounts are set up the window says who is signed in, offers only what their role may do
(`permissions.offer_only_if`), has an Account menu, and locks itself when left idle."""

from __future__ import annotations

from importlib import metadata
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStyle,
    QTabWidget,
    QWidget,
)

from dvdesk.domain.accounts import Permission
from dvdesk.domain.purge import MAX_MONTHS, MIN_MONTHS
from dvdesk.services import accounts, exchange, printing, purge
from dvdesk.services.concurrency import ChangedMeanwhile
from dvdesk.services.errors import UserError
from dvdesk.services.setup import storage_warning
from dvdesk.ui import changed_meanwhile
from dvdesk.ui.accounts_dialogs import AccountsDialog, ChangePasswordDialog, signed_in_text
from dvdesk.ui.audit_dialog import AuditDialog
from dvdesk.ui.backup_dialogs import BackupActions
from dvdesk.ui.candidates_tab import CandidatesTab
from dvdesk.ui.classes_tab import ClassesTab
from dvdesk.ui.exchange_dialogs import (
    ConflictsDialog,
    ExportDialog,
    ImportBundlesDialog,
    KeysDialog,
    UnitsDialog,
)
from dvdesk.ui.import_dialog import ImportController
from dvdesk.ui.lock import IdleLock
from dvdesk.ui.mentors_tab import MentorsTab
from dvdesk.ui.office_tab import OfficeTab
from dvdesk.ui.permissions import offer_only_if
from dvdesk.ui.print_settings_dialog import PrintSettingsDialog
from dvdesk.ui.register_dialog import RegisterDialog
from dvdesk.ui.reports_tab import ReportsTab
from dvdesk.ui.settings import KEY_GEOMETRY, KEY_TAB, KEY_WINDOW_STATE, read_bytes, read_str
from dvdesk.ui.update_dialog import UpdateDialog

if TYPE_CHECKING:
    from pathlib import Path

    from dvdesk.ui.backend import Backend
    from dvdesk.ui.bus import Bus

OVERDUE_COLOUR = "#a40000"


def _version() -> str:
    try:
        return metadata.version("dvdesk")
    except metadata.PackageNotFoundError:  # pragma: no cover - running from a bare checkout
        return "?"


class MainWindow(QMainWindow):
    language_requested = Signal(str)  # "vi" or "en"; the application rebuilds the window

    def __init__(
        self,
        backend: Backend,
        bus: Bus,
        settings: QSettings | None = None,
        log_path: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self._backend = backend
        self._bus = bus
        self._settings = settings
        self._log_path = log_path
        self.info = backend.install_info()
        self.signed_in = signed_in_text(backend.db, backend.lang)
        title = self.info.unit_name if self.info else self.tr("No unit set up")
        self.setWindowTitle(f"{title} — {self.signed_in}" if self.signed_in else title)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("tabs")
        self.tabs.setDocumentMode(True)
        self.candidates_tab = CandidatesTab(backend, bus, settings, self.tabs)
        self.mentors_tab = MentorsTab(backend, bus, settings, self.tabs)
        self.classes_tab = ClassesTab(backend, bus, settings, self.tabs)
        self.reports_tab = ReportsTab(backend, bus, settings, self.tabs)
        self.tabs.addTab(self.candidates_tab, self.tr("&Candidates"))
        self.tabs.addTab(self.mentors_tab, self.tr("&Mentors"))
        self.tabs.addTab(self.classes_tab, self.tr("C&lasses"))
        self.tabs.addTab(self.reports_tab, self.tr("&Reports"))
        self.tabs.setTabToolTip(0, self.tr("People on their way into the Party"))
        self.tabs.setTabToolTip(1, self.tr("The unit's Party members, who introduce and help"))
        self.tabs.setTabToolTip(2, self.tr("Awareness classes and new-member classes"))
        self.tabs.setTabToolTip(
            3, self.tr("The yearly plan, the half-year and year reports, the procedure check")
        )
        self.reports_tab.person_requested.connect(self.show_person)
        self.office_tab: OfficeTab | None = None
        if self.info is not None and self.info.role == "office":
            self.office_tab = OfficeTab(backend, bus, settings, self.tabs)
            index = self.tabs.addTab(self.office_tab, self.tr("&Office"))
            self.tabs.setTabToolTip(
                index,
                self.tr(
                    "The office's own work: the monthly review of dossiers and its decisions, "
                    "the units' plans, targets and the emulation ranking"
                ),
            )
            self.office_tab.person_requested.connect(self.show_person)
        self.setCentralWidget(self.tabs)
        self.importer = ImportController(backend, bus, self)
        self.backup = BackupActions(backend, self)

        self._build_menus()
        self._offer_by_role()
        self._build_status_bar()
        self._restore()
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self._on_tab_changed(self.tabs.currentIndex())
        bus.changed.connect(self.refresh_status)
        self.refresh_status()

    # --- building --------------------------------------------------------------------------

    def _build_menus(self) -> None:
        menu_file = self.menuBar().addMenu(self.tr("&File"))
        self.new_person_action = QAction(self.tr("&New person…"), self)
        self.new_person_action.setShortcut(QKeySequence(QKeySequence.StandardKey.New))
        self.new_person_action.triggered.connect(self.new_person)
        menu_file.addAction(self.new_person_action)
        menu_file.addSeparator()
        self.template_action = QAction(self.tr("Create spreadsheet &template…"), self)
        self.template_action.setStatusTip(
            self.tr("Save an empty workbook to fill in with people and members")
        )
        self.template_action.triggered.connect(lambda: self.importer.create_template())
        menu_file.addAction(self.template_action)
        self.import_action = QAction(self.tr("&Import from spreadsheet…"), self)
        self.import_action.setStatusTip(
            self.tr("Check a filled-in workbook or CSV file, then bring its people in")
        )
        self.import_action.triggered.connect(lambda: self.importer.import_file())
        menu_file.addAction(self.import_action)
        self.importer.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        menu_file.addSeparator()
        self.register_print_action = QAction(
            self.tr("Print the &probationary members' register (18-KNĐ)…"), self
        )
        self.register_print_action.triggered.connect(self.print_probation_register)
        menu_file.addAction(self.register_print_action)
        self.register_action = QAction(self.tr("Document &register…"), self)
        self.register_action.setStatusTip(
            self.tr("Every number issued to resolutions, decisions, plans and reports")
        )
        self.register_action.triggered.connect(self.show_register)
        menu_file.addAction(self.register_action)
        self.print_settings_action = QAction(self.tr("Print &settings…"), self)
        self.print_settings_action.setStatusTip(
            self.tr("Margins, the committee's name, who signs, the place on the date line")
        )
        self.print_settings_action.triggered.connect(self.edit_print_settings)
        menu_file.addAction(self.print_settings_action)
        menu_file.addSeparator()
        self.backup_now_action = QAction(self.tr("&Back up now"), self)
        self.backup_now_action.setStatusTip(
            self.tr("An encrypted copy of all the data, in the backups folder")
        )
        self.backup_now_action.triggered.connect(lambda: self.backup.back_up_now())
        menu_file.addAction(self.backup_now_action)
        self.restore_action = QAction(self.tr("Rest&ore from a backup…"), self)
        self.restore_action.triggered.connect(lambda: self.backup.restore())
        menu_file.addAction(self.restore_action)
        self.audit_action = QAction(self.tr("&Audit log…"), self)
        self.audit_action.setStatusTip(
            self.tr("Who viewed, printed, exported or changed what, and when")
        )
        self.audit_action.triggered.connect(self.show_audit_log)
        menu_file.addAction(self.audit_action)
        self.purge_action: QAction | None = None
        if self.info is not None and self.info.role == "office":
            self.purge_action = QAction(self.tr("Personal &data retention…"), self)
            self.purge_action.setStatusTip(
                self.tr(
                    "How long the units below keep the data of people who left without being "
                    "admitted"
                )
            )
            self.purge_action.triggered.connect(self.set_purge_period)
            menu_file.addAction(self.purge_action)
        self.check_action = QAction(self.tr("C&heck the database"), self)
        self.check_action.setStatusTip(self.tr("Look for damage and broken references"))
        self.check_action.triggered.connect(lambda: self.backup.check())
        menu_file.addAction(self.check_action)
        menu_file.addSeparator()
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.triggered.connect(self.close)
        menu_file.addAction(self.quit_action)

        self._build_exchange_menu()

        menu_edit = self.menuBar().addMenu(self.tr("&Edit"))
        self.edit_menu = menu_edit
        menu_edit.addAction(self.candidates_tab.pipeline.undo_action)
        self.candidates_tab.pipeline.message.connect(
            lambda text: self.statusBar().showMessage(text, 8000)
        )

        menu_view = self.menuBar().addMenu(self.tr("&View"))
        self.find_action = QAction(self.tr("&Find"), self)
        self.find_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
        self.find_action.triggered.connect(self.focus_search)
        menu_view.addAction(self.find_action)
        self.refresh_action = QAction(self.tr("&Refresh"), self)
        self.refresh_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.refresh_action.triggered.connect(self.refresh_all)
        menu_view.addAction(self.refresh_action)
        menu_view.addSeparator()
        menu_language = menu_view.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        # Each language is named in itself, so anyone can find their own.
        for lang, label in (("vi", "Tiếng Việt"), ("en", "English")):
            action = QAction(label, self, checkable=True)
            action.setChecked(lang == self._backend.lang)
            action.triggered.connect(lambda _=False, code=lang: self._choose_language(code))
            group.addAction(action)
            menu_language.addAction(action)
            self.language_actions[lang] = action

        self._build_account_menu()

        menu_help = self.menuBar().addMenu(self.tr("&Help"))
        self.update_action = QAction(self.tr("Install an &update from a file…"), self)
        self.update_action.setStatusTip(
            self.tr("A new version of dvdesk, checked against the office's signature first")
        )
        self.update_action.triggered.connect(self.install_update)
        menu_help.addAction(self.update_action)
        menu_help.addSeparator()
        about = QAction(self.tr("&About dvdesk"), self)
        about.triggered.connect(self.show_about)
        menu_help.addAction(about)

    def _build_account_menu(self) -> None:
        """Lock, change one's password, manage the accounts: once accounts are set up."""
        self.idle_lock: IdleLock | None = None
        self.lock_action: QAction | None = None
        self.change_password_action: QAction | None = None
        self.accounts_action: QAction | None = None
        db = self._backend.db
        if db.account is None:
            return
        menu = self.menuBar().addMenu(self.tr("&Account"))
        menu.setObjectName("account_menu")
        self.lock_action = QAction(self.tr("&Lock the screen"), self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setStatusTip(self.tr("Hide the data until the password is typed again"))
        self.lock_action.triggered.connect(self.lock_screen)
        menu.addAction(self.lock_action)
        self.change_password_action = QAction(self.tr("&Change my password…"), self)
        self.change_password_action.triggered.connect(self.change_password)
        menu.addAction(self.change_password_action)
        menu.addSeparator()
        self.accounts_action = QAction(self.tr("&Manage accounts…"), self)
        self.accounts_action.setStatusTip(
            self.tr("Accounts and roles, the recovery key, when the screen locks")
        )
        self.accounts_action.triggered.connect(self.manage_accounts)
        menu.addAction(self.accounts_action)
        self.idle_lock = IdleLock(
            self,
            lambda text: accounts.check_password(db, text),
            self.tr("Signed in: {who}").format(who=self.signed_in),
            accounts.lock_minutes(db),
        )

    def _offer_by_role(self) -> None:
        """Take away what the signed-in account's role may not do (nothing before accounts)."""
        offer_only_if(
            self._backend,
            Permission.EDIT,
            self.new_person_action,
            self.template_action,
            self.import_action,
            self.print_settings_action,
            self.receive_action,
            self.keys_action,  # making, importing and confirming keys: a viewer has no use
            self.edit_menu.menuAction(),
            *[a for a in (self.purge_action,) if a is not None],
        )
        offer_only_if(
            self._backend, Permission.EXPORT, self.register_print_action, self.send_action
        )
        offer_only_if(
            self._backend,
            Permission.MANAGE,
            self.restore_action,
            self.update_action,
            *[a for a in (self.accounts_action,) if a is not None],
        )

    def lock_screen(self) -> None:
        if self.idle_lock is not None:
            self.idle_lock.lock()

    def change_password(self) -> bool:
        dialog = ChangePasswordDialog(self._backend, self)
        try:
            done = self.run_dialog(dialog) == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()
        if done:
            self.statusBar().showMessage(self.tr("Your password is changed."), 5000)
        return done

    def manage_accounts(self) -> None:
        dialog = AccountsDialog(self._backend, self)
        dialog.lock_minutes_changed.connect(self._set_lock_minutes)
        try:
            self.run_dialog(dialog)
        finally:
            dialog.deleteLater()

    def _set_lock_minutes(self, minutes: int) -> None:
        if self.idle_lock is not None:
            self.idle_lock.set_minutes(minutes)

    def run_dialog(self, dialog: QDialog) -> int:
        """Run a dialog modally (tests replace this on the instance to drive it)."""
        return dialog.exec()

    def _build_exchange_menu(self) -> None:
        """Files to and from the office above (or, for the office, its units)."""
        menu = self.menuBar().addMenu(self.tr("E&xchange"))
        menu.setObjectName("exchange_menu")
        self.keys_action = QAction(self.tr("&Keys…"), self)
        self.keys_action.setStatusTip(
            self.tr("This unit's keys and fingerprint, and the keys of the units it exchanges with")
        )
        self.keys_action.triggered.connect(self.show_exchange_keys)
        menu.addAction(self.keys_action)
        menu.addSeparator()
        self.send_action = QAction(self.tr("&Send a file…"), self)
        self.send_action.setStatusTip(self.tr("Write the next exchange file (.dvb) for a unit"))
        self.send_action.triggered.connect(self.send_exchange_file)
        menu.addAction(self.send_action)
        self.receive_action = QAction(self.tr("&Receive files…"), self)
        self.receive_action.setStatusTip(self.tr("Check and take in exchange files (.dvb)"))
        self.receive_action.triggered.connect(self.receive_exchange_files)
        menu.addAction(self.receive_action)
        self.conflicts_action = QAction(self.tr("&Conflicts…"), self)
        self.conflicts_action.setStatusTip(
            self.tr("Records changed on both sides: choose which version stands")
        )
        self.conflicts_action.triggered.connect(self.show_conflicts)
        menu.addAction(self.conflicts_action)
        self.units_action: QAction | None = None
        if self.info is not None and self.info.role == "office":
            menu.addSeparator()
            self.units_action = QAction(self.tr("&Units…"), self)
            self.units_action.setStatusTip(
                self.tr("Every unit below: keys, files exchanged, how long each has been silent")
            )
            self.units_action.triggered.connect(self.show_units)
            menu.addAction(self.units_action)
        menu.aboutToShow.connect(self.refresh_conflict_count)
        self.refresh_conflict_count()

    def refresh_conflict_count(self) -> None:
        count = exchange.open_conflict_count(self._backend.db)
        self.conflicts_action.setText(
            self.tr("&Conflicts ({count})…").format(count=count)
            if count
            else self.tr("&Conflicts…")
        )

    def _run_exchange_dialog(self, dialog: QDialog) -> None:
        try:
            dialog.exec()
        finally:
            shutdown = getattr(dialog, "shutdown", None)
            if shutdown is not None:
                shutdown()
            dialog.deleteLater()
        self.refresh_conflict_count()

    def show_exchange_keys(self) -> None:
        self._run_exchange_dialog(KeysDialog(self._backend, self, settings=self._settings))

    def send_exchange_file(self) -> None:
        self._run_exchange_dialog(ExportDialog(self._backend, self, settings=self._settings))

    def receive_exchange_files(self) -> None:
        self._run_exchange_dialog(
            ImportBundlesDialog(self._backend, self._bus, self, settings=self._settings)
        )

    def show_conflicts(self) -> None:
        self._run_exchange_dialog(ConflictsDialog(self._backend, self._bus, self))

    def set_purge_period(self) -> bool:
        """The office's period (months; 0: never); it goes down with the next files. If
        another desk set it after the box opened, what changed is shown and the number typed
        is saved over it only if the user says so (else the box opens again with it)."""
        # As opened: the save checks no other desk set the period since (ChangedMeanwhile).
        started = purge.period_setting(self._backend.db)
        months: int | None = started.months or 0
        overwrite = False
        while True:
            if not overwrite:
                months = self.ask_int(
                    self.tr("Personal data retention"),
                    self.tr(
                        "Months after which the units erase the personal data of people who "
                        "left without being admitted (0: never; otherwise {low} to {high}):"
                    ).format(low=MIN_MONTHS, high=MAX_MONTHS),
                    months or 0,
                )
                if months is None:
                    return False
            try:
                purge.set_period(self._backend.db, months or None, started_from=started)
            except ChangedMeanwhile as exc:
                overwrite = self.ask_overwrite(exc.message(self._backend.lang))
                if overwrite:
                    started = exc.current
                continue
            except UserError as exc:
                QMessageBox.warning(
                    self, self.tr("Personal data retention"), exc.message(self._backend.lang)
                )
                return False
            self.statusBar().showMessage(self.tr("The retention period is saved."), 5000)
            return True

    def ask_overwrite(self, message: str) -> bool:
        """Whether to save over another desk's change (tests replace it on the instance)."""
        return changed_meanwhile.ask_overwrite(self, message)

    def ask_int(self, title: str, label: str, value: int) -> int | None:
        # A method, not an attribute set to a bound method: that would be a reference cycle
        # keeping a closed window's Python object alive. Tests replace it on the instance.
        number, ok = QInputDialog.getInt(self, title, label, value, 0, MAX_MONTHS)
        return number if ok else None

    def show_audit_log(self) -> None:
        dialog = AuditDialog(self._backend, self)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()

    def show_units(self) -> None:
        self._run_exchange_dialog(UnitsDialog(self._backend, self))

    def install_update(self) -> None:
        """A new version from a file; once its installer has started, dvdesk closes so that
        the installer can replace it."""
        dialog = UpdateDialog(self._backend, self, settings=self._settings)
        try:
            self.run_dialog(dialog)
            launched = dialog.launched
        finally:
            dialog.shutdown()
            dialog.deleteLater()
        if launched is not None:
            self.close()

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.people_status = QLabel(self)
        self.people_status.setObjectName("people_status")
        self.overdue_icon = QLabel(self)
        self.overdue_status = QLabel(self)
        self.overdue_status.setObjectName("overdue_status")
        if self.signed_in:
            self.account_status = QLabel(self.signed_in, self)
            self.account_status.setObjectName("account_status")
            self.account_status.setToolTip(self.tr("The account signed in, and its role"))
            bar.addPermanentWidget(self.account_status)
        bar.addPermanentWidget(self.people_status)
        bar.addPermanentWidget(self.overdue_icon)
        bar.addPermanentWidget(self.overdue_status)
        # Said on every start and never hidden: a database on a share or a stick gets damaged.
        self.storage_warning = QLabel(self)
        self.storage_warning.setObjectName("storage_warning")
        self.storage_warning.setStyleSheet(f"color: {OVERDUE_COLOUR}; font-weight: bold;")
        db = self._backend.db
        # On the office's server the data is not in this folder: say where it is instead.
        warning = None if db.on_server else storage_warning(db.path, self._backend.lang)
        self.storage_warning.setText(warning or "")
        self.storage_warning.setToolTip(warning or "")
        self.storage_warning.setVisible(bool(warning))
        bar.insertPermanentWidget(0, self.storage_warning, 1)
        self.data_location = QLabel(self)
        self.data_location.setObjectName("data_location")
        if db.on_server:
            self.data_location.setText(
                self.tr("Shared database: {where}").format(where=db.location)
            )
        self.data_location.setVisible(db.on_server)
        bar.insertPermanentWidget(1, self.data_location)

    def _restore(self) -> None:
        settings = self._settings
        geometry = read_bytes(settings, KEY_GEOMETRY) if settings else None
        if geometry is None or not self.restoreGeometry(geometry):
            screen = QGuiApplication.primaryScreen()
            if screen is not None:
                area = screen.availableGeometry()
                self.resize(min(1280, int(area.width() * 0.9)), min(800, int(area.height() * 0.9)))
            else:
                self.resize(1280, 800)
        if settings is not None:
            state = read_bytes(settings, KEY_WINDOW_STATE)
            if state is not None:
                self.restoreState(state)
            tab = self.findChild(QWidget, read_str(settings, KEY_TAB))
            index = self.tabs.indexOf(tab) if tab is not None else -1
            if index >= 0:
                self.tabs.setCurrentIndex(index)

    # --- actions ---------------------------------------------------------------------------

    def focus_search(self) -> None:
        """Ctrl+F: the search box of the current tab, or of the candidates tab."""
        current = self.tabs.currentWidget()
        if not hasattr(current, "focus_search"):
            self.tabs.setCurrentWidget(self.candidates_tab)
            current = self.candidates_tab
        current.focus_search()

    def new_person(self) -> None:
        """Ctrl+N: add a person (on the candidates tab, where they will appear)."""
        self.tabs.setCurrentWidget(self.candidates_tab)
        self.candidates_tab.add_person()

    def show_person(self, person_id: str) -> None:
        """Open a person in the Candidates tab (from the procedure check, for example)."""
        self.tabs.setCurrentWidget(self.candidates_tab)
        self.candidates_tab.select_person(person_id)

    def edit_print_settings(self) -> None:
        dialog = PrintSettingsDialog(self._backend, self)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                self.statusBar().showMessage(self.tr("Print settings saved."), 5000)
        finally:
            dialog.deleteLater()

    def show_register(self) -> None:
        dialog = RegisterDialog(self._backend, self.candidates_tab.printing, self)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()

    def print_probation_register(self) -> None:
        printed = printing.print_probation_register(self._backend.db, on=self._backend.today())
        self.candidates_tab.printing.show_preview(printed)

    def refresh_all(self) -> None:
        """F5: read everything shown again (tabs not yet shown load when they are)."""
        for tab in self._tabs():
            if not getattr(tab, "activated", True):
                continue
            reload = getattr(tab, "reload", None)
            if reload is not None:
                reload()
        self.refresh_status()

    def refresh_status(self, *_: object) -> None:
        summary = self._backend.summary()
        self.people_status.setText(self.tr("%n person(s)", "", summary.people))
        if summary.overdue:
            style = QApplication.style()
            icon = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            size = self.people_status.fontMetrics().height()
            self.overdue_icon.setPixmap(icon.pixmap(size, size))
            self.overdue_icon.setVisible(True)
            self.overdue_status.setText(self.tr("%n overdue step(s)", "", summary.overdue))
            self.overdue_status.setStyleSheet(f"color: {OVERDUE_COLOUR}; font-weight: bold;")
        else:
            self.overdue_icon.setVisible(False)
            self.overdue_status.setText(self.tr("Nothing overdue"))
            self.overdue_status.setStyleSheet("")

    def show_about(self) -> None:
        lines = [
            self.tr("dvdesk {version}: developing new Party members.").format(version=_version())
        ]
        if self.info is not None:
            lines.append(
                self.tr("Unit: {name} ({code})").format(
                    name=self.info.unit_name, code=self.info.unit_code
                )
            )
        lines.append(self.tr("Data folder: {path}").format(path=str(self._backend.data_dir)))
        if self._log_path is not None:
            lines.append(self.tr("Log file: {path}").format(path=str(self._log_path)))
        QMessageBox.about(self, self.tr("About dvdesk"), "\n".join(lines))

    def _choose_language(self, lang: str) -> None:
        if lang != self._backend.lang:
            self.language_requested.emit(lang)

    # --- state -----------------------------------------------------------------------------

    def _tabs(self) -> list[QWidget]:
        tabs = (self.tabs.widget(i) for i in range(self.tabs.count()))
        return [tab for tab in tabs if tab is not None]

    def _on_tab_changed(self, index: int) -> None:
        """Load a tab when it is first shown, and remember it as the last one."""
        activate = getattr(self.tabs.widget(index), "activate", None)
        if activate is not None:
            activate()
        self._remember_tab(index)

    def _remember_tab(self, index: int) -> None:
        tab = self.tabs.widget(index)
        if self._settings is not None and tab is not None:
            self._settings.setValue(KEY_TAB, tab.objectName())

    def save_state(self) -> None:
        settings = self._settings
        if settings is None:
            return
        settings.setValue(KEY_GEOMETRY, QByteArray(self.saveGeometry()))
        settings.setValue(KEY_WINDOW_STATE, QByteArray(self.saveState()))
        self._remember_tab(self.tabs.currentIndex())
        for tab in self._tabs():
            save = getattr(tab, "save_state", None)
            if save is not None:
                save(settings)
        settings.sync()

    def shutdown(self) -> None:
        if self.idle_lock is not None:
            self.idle_lock.stop()
        self.importer.shutdown()
        for tab in self._tabs():
            stop = getattr(tab, "shutdown", None)
            if stop is not None:
                stop()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        self.shutdown()
        event.accept()

    # Tabs as seen by tests and by keyboard users: the label without its mnemonic.
    def tab_labels(self) -> list[str]:
        return [self.tabs.tabText(i).replace("&", "") for i in range(self.tabs.count())]

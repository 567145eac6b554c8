"""Starting the window: the QApplication, translations, error handling, the main window.

`run_gui` is what the command line calls: it signs in (or, at the first run, makes the first
administrator and shows the recovery key) before the window opens. Tests use `create_app` and
`Gui` (or `create_main_window`) and never enter the event loop themselves.

Translations: English is the source language; Vietnamese, the default, comes from
`i18n/dvdesk_vi.qm` next to this file (compiled from translations/dvdesk_vi.ts by
tools/update_translations.py). `dvdesk_en.qm` holds only English plural forms. Both ship inside
the package, so `uv run dvdesk`, the wheel and a PyInstaller build (which must collect
`dvdesk/ui/i18n/*.qm` as data) find them the same way.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QSettings,
    QThreadPool,
    QTimer,
    QTranslator,
)
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog, QLineEdit, QMessageBox

from dvdesk.db.engine import Database, DatabaseError
from dvdesk.domain.accounts import Role
from dvdesk.services import accounts, backups, purge
from dvdesk.services.errors import UserError
from dvdesk.services.setup import install_info, open_data_dir, use_server
from dvdesk.ui.accounts_dialogs import SignInDialog
from dvdesk.ui.backend import Backend
from dvdesk.ui.backup_dialogs import BackupKeeper, report_text
from dvdesk.ui.bus import ALL, Bus
from dvdesk.ui.errors import ErrorReporter, setup_logging
from dvdesk.ui.first_run import FirstRunWizard
from dvdesk.ui.main_window import MainWindow
from dvdesk.ui.settings import (
    APPLICATION,
    DEFAULT_LANGUAGE,
    KEY_LANGUAGE,
    KEY_LAST_ACCOUNT,
    LANGUAGES,
    ORGANIZATION,
    open_settings,
    read_str,
    saved_language,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

log = logging.getLogger(__name__)

TRANSLATIONS_DIR = Path(__file__).resolve().with_name("i18n")
# `--demo` makes its accounts itself and signs in without asking; the window says how.
DEMO_ACCOUNT = "quantri"
DEMO_PASSWORD = "demo-dvdesk"
MIN_POINT_SIZE = 10.0  # body text at least 10 pt (reliability.md §6, keyboard and accessibility)


def create_app(argv: Sequence[str] | None = None) -> QApplication:
    """The QApplication (the existing one if there is one), named for QSettings."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(list(argv or ["dvdesk"]))
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("dvdesk")
    font = app.font()
    if 0 < font.pointSizeF() < MIN_POINT_SIZE:
        font.setPointSizeF(MIN_POINT_SIZE)
        app.setFont(font)
    return app


def translation_file(lang: str) -> Path:
    return TRANSLATIONS_DIR / f"dvdesk_{lang}.qm"


def install_translators(app: QApplication, lang: str) -> list[QTranslator]:
    """Load Qt's own catalogue for `lang` when Qt ships one, then dvdesk's. Returns what was
    installed, so the caller can remove it again when the language changes."""
    installed: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt = QTranslator(app)
    if qt.load(QLocale(lang), "qtbase", "_", qt_dir) and app.installTranslator(qt):
        installed.append(qt)
    ours = QTranslator(app)
    path = translation_file(lang)
    if ours.load(str(path)) and app.installTranslator(ours):
        installed.append(ours)
    elif lang != "en":
        log.warning("No translation for %s at %s", lang, path)
    # Numbers and dates in Qt widgets: Vietnamese, or British English (day before month).
    QLocale.setDefault(QLocale("vi_VN" if lang == "vi" else "en_GB"))
    return installed


def remove_translators(app: QApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)
    translators.clear()


class Gui:
    """The running window and what it stands on. Changing the language rebuilds the window, so
    every label (and every label the services write in that language) is in the new one."""

    def __init__(
        self,
        db: Database,
        lang: str = DEFAULT_LANGUAGE,
        settings: QSettings | None = None,
        today: Callable[[], date] = date.today,
        log_path: Path | None = None,
        app: QApplication | None = None,
    ) -> None:
        self.app = app or create_app()
        self.db = db
        self.settings = settings if settings is not None else open_settings()
        self.today = today
        self.log_path = log_path
        self.bus = Bus()
        self.translators: list[QTranslator] = []
        self.lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
        self.translators = install_translators(self.app, self.lang)
        # The database's backups outlive any one window (a language change, a restore).
        self.backup_keeper = BackupKeeper(Backend(db, self.lang, today))
        self.backup_keeper.message.connect(self._status)
        # How the outcome of a restore is told (a message box; tests replace it).
        self.tell: Callable[[str, str], None] = lambda title, text: self.window.backup.inform(
            title, text
        )
        self.window = self._build()

    def purge_due(self) -> int:
        """Erase the personal data whose period has passed (the office's rule, checked at each
        start); how many people. A failure is logged and shown, never fatal."""
        try:
            done = purge.purge(self.db, self.today())
        except (UserError, DatabaseError) as exc:
            log.warning("purge at start failed: %s", exc)
            return 0
        if done.purged:
            self.bus.announce(ALL)
            self._status(
                QCoreApplication.translate(
                    "Gui",
                    "The personal data of {count} people who left without being admitted was "
                    "erased: the period the office set ({months} months) has passed.",
                ).format(count=len(done.purged), months=done.period)
            )
        return len(done.purged)

    def _status(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 8000)

    def _build(self) -> MainWindow:
        backend = Backend(self.db, self.lang, self.today)
        window = MainWindow(backend, self.bus, self.settings, self.log_path)
        window.language_requested.connect(self.set_language)
        window.backup.restore_requested.connect(self.restore)
        return window

    def restore(self, file: str, passphrase: str) -> None:
        """Close the window and the database, put the backup in place, and open both again:
        a database file cannot be replaced while it is open, and a server's is restored with
        this desk's connections closed. services.backups knows which of the two the data
        folder holds (the file in it, or the server its dvdesk.server names)."""
        old = self.window
        visible = old.isVisible()
        old.save_state()
        old.shutdown()
        QThreadPool.globalInstance().waitForDone(30_000)
        data_dir = self.db.path.parent  # the data folder, also when the data is on a server
        who = self.db.account
        self.backup_keeper.timer.stop()
        self.db.close()
        outcome: str
        try:
            result = backups.restore(Path(file), passphrase, data_dir)
            outcome = report_text(result.report)
        except UserError as exc:
            outcome = exc.message(self.lang)
        except DatabaseError as exc:  # the server went away half-way: said, not a crash
            outcome = str(exc)
        self.db = open_data_dir(data_dir)
        if who is not None:  # the key is still known; the same account goes on working
            accounts.attach(self.db, who)
        self.backup_keeper.use(Backend(self.db, self.lang, self.today))
        self.window = self._build()
        if visible:
            self.window.show()
        old.language_requested.disconnect(self.set_language)
        old.hide()
        old.deleteLater()
        self.bus.announce(ALL)
        self.tell(QCoreApplication.translate("BackupActions", "Restore from a backup"), outcome)

    def set_language(self, lang: str) -> None:
        if lang not in LANGUAGES or lang == self.lang:
            return
        self.settings.setValue(KEY_LANGUAGE, lang)
        old = self.window
        visible = old.isVisible()
        old.save_state()
        old.shutdown()
        remove_translators(self.app, self.translators)
        self.lang = lang
        self.translators = install_translators(self.app, lang)
        self.window = self._build()
        if visible:
            self.window.show()
        old.language_requested.disconnect(self.set_language)
        old.hide()
        old.deleteLater()

    def shutdown(self) -> None:
        self.window.shutdown()
        QThreadPool.globalInstance().waitForDone(5000)
        self.backup_keeper.shutdown()  # the backup on exit
        remove_translators(self.app, self.translators)


def create_main_window(
    db: Database,
    lang: str = DEFAULT_LANGUAGE,
    settings: QSettings | None = None,
    today: Callable[[], date] = date.today,
) -> MainWindow:
    """The main window without the event loop (tests, screenshots)."""
    return Gui(db, lang, settings, today).window


def run_recovery(data_dir: Path, problems: Sequence[str], lang: str | None = None) -> bool:
    """The database is damaged at start: say so, and offer the newest backup and the files
    received since. True when the database was recovered and the window may open."""
    app = create_app()
    settings = open_settings()
    chosen = lang or saved_language(settings)
    translators = install_translators(app, chosen)
    try:
        newest = backups.newest(backups.folder_of(data_dir / backups.DB_FILE_NAME))
        text = QCoreApplication.translate(
            "Recovery",
            "The data file is damaged and cannot be used as it is:\n{problem}\n\n"
            "It will be kept aside, not deleted.",
        ).format(problem=problems[0])
        if newest is None:
            QMessageBox.critical(
                None,
                QCoreApplication.translate("Recovery", "Damaged data"),
                text
                + "\n\n"
                + QCoreApplication.translate("Recovery", "There is no backup in {folder}.").format(
                    folder=backups.folder_of(data_dir / backups.DB_FILE_NAME)
                ),
            )
            return False
        answer = QMessageBox.question(
            None,
            QCoreApplication.translate("Recovery", "Damaged data"),
            text
            + "\n\n"
            + QCoreApplication.translate(
                "Recovery",
                "Restore the newest backup ({when}) and take in again the exchange files "
                "received since?",
            ).format(when=f"{newest.created_at:%d/%m/%Y %H:%M}"),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        while True:
            passphrase, ok = QInputDialog.getText(
                None,
                QCoreApplication.translate("Recovery", "Damaged data"),
                QCoreApplication.translate("Recovery", "The unit's key passphrase:"),
                QLineEdit.EchoMode.Password,
            )
            if not ok:
                return False
            try:
                done = backups.recover(data_dir, passphrase)
            except UserError as exc:
                QMessageBox.warning(
                    None,
                    QCoreApplication.translate("Recovery", "Damaged data"),
                    exc.message(chosen),
                )
                continue
            QMessageBox.information(
                None,
                QCoreApplication.translate("Recovery", "Damaged data"),
                QCoreApplication.translate(
                    "Recovery",
                    "The backup of {when} is restored and {files} exchange file(s) received "
                    "since were taken in again.",
                ).format(
                    when=f"{done.restored.preview.created_at:%d/%m/%Y %H:%M}",
                    files=done.replayed,
                )
                + "\n\n"
                + report_text(done.restored.report),
            )
            return True
    finally:
        remove_translators(app, translators)


def _open_checked(data_dir: Path, lang: str) -> Database:
    """Open the database once its key is known (signed in), after the start-up check: a damaged
    one is named and recovered first, or not opened at all."""
    problems = backups.damage(data_dir)
    if problems and not run_recovery(data_dir, problems, lang):
        raise DatabaseError(
            QCoreApplication.translate(
                "Gui", "The data is damaged and was not recovered: it is not opened."
            )
        )
    return open_data_dir(data_dir)


@contextmanager
def _translated(app: QApplication, lang: str) -> Iterator[None]:
    translators = install_translators(app, lang)
    try:
        yield
    finally:
        remove_translators(app, translators)


@dataclass(frozen=True)
class Started:
    """What the start leaves for the window: the signed-in database, and the spreadsheet the
    first run chose to import (checked in the window, where its result shows)."""

    db: Database
    import_path: Path | None = None


def _run_wizard(wizard: FirstRunWizard) -> Started | None:
    try:
        accepted = wizard.exec() == QDialog.DialogCode.Accepted
        if wizard.db is None:
            return None
        log.info("First run in %s: set up (%s)", wizard.data_dir, wizard.committed)
        return Started(wizard.db, wizard.import_path if accepted else None)
    finally:
        wizard.deleteLater()


def open_at_start(
    data_dir: Path, lang: str, settings: QSettings, *, demo: bool = False
) -> Started | None:
    """The database the window works on, signed in; None when the person gave up.

    Accounts set up: the sign-in dialog (or the recovery key); a unit not set up yet is then
    asked for by the first-run wizard, when an administrator signed in. Not yet: the first-run
    wizard (role, unit, term, first administrator, keys, recovery key, fingerprint page).
    `demo` makes its accounts and signs in without asking, with DEMO_ACCOUNT and DEMO_PASSWORD."""
    app = create_app()

    def open_db(folder: Path) -> Database:
        return _open_checked(folder, lang)

    with _translated(app, lang):
        if accounts.protected(data_dir):
            if demo:
                return Started(accounts.sign_in(data_dir, DEMO_ACCOUNT, DEMO_PASSWORD, open_db))
            last = read_str(settings, KEY_LAST_ACCOUNT)
            sign_in = SignInDialog(data_dir, lang, None, open_db, last)
            try:
                if sign_in.exec() != QDialog.DialogCode.Accepted or sign_in.db is None:
                    return None
                started = Started(sign_in.db)
            finally:
                sign_in.deleteLater()
            who = started.db.account
            if install_info(started.db) is None and who is not None and who.role == Role.ADMIN:
                # A first run that stopped after the accounts: the rest of it now.
                started = _run_wizard(FirstRunWizard(data_dir, lang, started.db)) or started
        else:
            problems = backups.damage(data_dir)  # plain still: checked before opening
            if problems and not run_recovery(data_dir, problems, lang):
                return None
            if demo:
                full_name = QCoreApplication.translate("Gui", "Administrator (demo)")
                made = accounts.set_up(
                    data_dir, DEMO_ACCOUNT, full_name, DEMO_PASSWORD, open_data_dir
                )
                return Started(made.db)
            wizard = FirstRunWizard(data_dir, lang)
            found = _run_wizard(wizard)
            if wizard.join_server is not None:
                # An office desk joining a shared database another desk set up: sign in there.
                try:
                    use_server(data_dir, wizard.join_server)
                except UserError as exc:
                    QMessageBox.warning(None, "dvdesk", exc.message(lang))
                    return None
                return open_at_start(data_dir, lang, settings)
            if found is None:
                return None
            started = found
        if started.db.account is not None:
            settings.setValue(KEY_LAST_ACCOUNT, started.db.account.name)
        return started


# Set in the environment, the program quits as soon as its window shows the first rows: timing
# the whole run measures launch to a usable window (frozen against from source, issue 8).
STARTUP_PROBE = "DVDESK_STARTUP_PROBE"


def _quit_when_usable(app: QApplication, window: MainWindow) -> None:
    timer = QTimer(window)

    def check() -> None:
        if window.candidates_tab.proxy.rowCount() > 0 or not window.candidates_tab.loading:
            timer.stop()
            app.processEvents()  # the rows painted
            app.quit()

    timer.timeout.connect(check)
    timer.start(10)


def run_gui(data_dir: Path, lang: str | None = DEFAULT_LANGUAGE, *, demo: bool = False) -> int:
    """Sign in (or set up the accounts), open the main window on the data folder `data_dir` and run
    until it closes. `lang` None: the language the user chose last time (Vietnamese at first).
    `demo`: accounts made and signed in without asking (see DEMO_ACCOUNT)."""
    app = create_app()
    log_path = setup_logging(data_dir / "logs")
    reporter = ErrorReporter(log_path)
    reporter.install()
    settings = open_settings()
    chosen = lang or saved_language(settings)
    try:
        started = open_at_start(data_dir, chosen, settings, demo=demo)
        if started is None:
            log.info("Start abandoned at sign-in in %s", data_dir)
            return 1
        db = started.db
        gui = Gui(db, chosen, settings, log_path=log_path, app=app)
        gui.window.show()
        log.info("Window opened on %s", db.path)
        if demo:
            gui.window.statusBar().showMessage(
                QCoreApplication.translate(
                    "Gui",
                    "Demo: signed in as «{name}», password «{password}».",
                ).format(name=DEMO_ACCOUNT, password=DEMO_PASSWORD)
            )
        gui.purge_due()
        if started.import_path is not None:
            gui.window.importer.import_file(started.import_path)
        if os.environ.get(STARTUP_PROBE):
            _quit_when_usable(app, gui.window)
        try:
            return app.exec()
        finally:
            gui.shutdown()
            gui.db.close()
    finally:
        reporter.uninstall()

"""Starting the window: the QApplication, translations, error handling, the main window.

`run_gui` is what the command line calls. Tests use `create_app` and `Gui` (or
`create_main_window`) and never enter the event loop themselves.

Translations: English is the source language; Vietnamese, the default, comes from
`i18n/dvdesk_vi.qm` next to this file (compiled from translations/dvdesk_vi.ts by
tools/update_translations.py). `dvdesk_en.qm` holds only English plural forms. Both ship inside
the package, so `uv run dvdesk`, the wheel and a PyInstaller build (which must collect
`dvdesk/ui/i18n/*.qm` as data) find them the same way.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QSettings,
    QThreadPool,
    QTranslator,
)
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QMessageBox

from dvdesk.db.engine import DatabaseError
from dvdesk.services import backups, purge
from dvdesk.services.errors import UserError
from dvdesk.services.setup import open_data_dir
from dvdesk.ui.backend import Backend
from dvdesk.ui.backup_dialogs import BackupKeeper, report_text
from dvdesk.ui.bus import ALL, Bus
from dvdesk.ui.errors import ErrorReporter, setup_logging
from dvdesk.ui.main_window import MainWindow
from dvdesk.ui.settings import (
    APPLICATION,
    DEFAULT_LANGUAGE,
    KEY_LANGUAGE,
    LANGUAGES,
    ORGANIZATION,
    open_settings,
    saved_language,
)

if TYPE_CHECKING:
    from dvdesk.db.engine import Database

log = logging.getLogger(__name__)

TRANSLATIONS_DIR = Path(__file__).resolve().with_name("i18n")
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
        the database file cannot be replaced while it is open."""
        old = self.window
        visible = old.isVisible()
        old.save_state()
        old.shutdown()
        QThreadPool.globalInstance().waitForDone(30_000)
        data_dir = self.db.path.parent
        self.backup_keeper.timer.stop()
        self.db.close()
        outcome: str
        try:
            result = backups.restore(Path(file), passphrase, data_dir)
            outcome = report_text(result.report)
        except UserError as exc:
            outcome = exc.message(self.lang)
        self.db = open_data_dir(data_dir)
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


def run_gui(db: Database, lang: str | None = DEFAULT_LANGUAGE) -> int:
    """Open the main window on `db` and run until it closes. `lang` None: the language the user
    chose last time (Vietnamese at first)."""
    app = create_app()
    log_path = setup_logging(db.path.parent / "logs")
    reporter = ErrorReporter(log_path)
    reporter.install()
    settings = open_settings()
    gui = Gui(db, lang or saved_language(settings), settings, log_path=log_path, app=app)
    gui.window.show()
    log.info("Window opened on %s", db.path)
    gui.purge_due()
    try:
        return app.exec()
    finally:
        gui.shutdown()
        reporter.uninstall()

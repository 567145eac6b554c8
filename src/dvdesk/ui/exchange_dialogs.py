"""The window side of the exchange with the office above (or, for the office, with its units).

- `KeysDialog`: this unit's keys (made once, shown as a fingerprint, saved as a public-key file,
  printed as a page to compare, replaced with the old passphrase) and the other units' pinned
  keys (imported from their file, confirmed against their printed page).
- `ExportDialog`: write the next file for a unit (a delta, or a full snapshot).
- `ImportBundlesDialog`: take in files (a folder's worth at once) with a progress bar, then a
  table of what each did; refused files in red with the reason.
- `ConflictsDialog`: records changed on both sides; a person chooses, field by field.
- `UnitsDialog` (the office): every unit below, its key and what was exchanged, the silent ones
  highlighted.

Everything goes through dvdesk.services.exchange. Sending and receiving run on the thread pool
(unlocking the keys alone takes Argon2 time); the results come back by signal. Expected errors
show next to the field they concern. Sub-dialogs open window-modal with `open()` and are kept
as attributes, so tests can fill them and call their slots.
"""

from __future__ import annotations

import logging
import re
import threading
import unicodedata
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QRunnable,
    QSettings,
    QStandardPaths,
    Qt,
    QThreadPool,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QFontDatabase, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dvdesk.domain.accounts import Permission
from dvdesk.files import FileWriteError, write_atomic
from dvdesk.reports import key_page
from dvdesk.services import exchange, setup
from dvdesk.services.errors import UserError
from dvdesk.ui import bus as changes
from dvdesk.ui.marks import QT_TRANSLATE_NOOP
from dvdesk.ui.pdf_preview import PdfPreviewDialog
from dvdesk.ui.permissions import offer_only_if
from dvdesk.ui.person_dialog import ERROR_COLOUR, ErrorLabel, current_actor
from dvdesk.ui.row_table_model import LAST, RowFilterProxy, RowTableModel
from dvdesk.ui.settings import open_settings, read_str
from dvdesk.ui.views import setup_table_view

if TYPE_CHECKING:
    from dvdesk.ui.backend import Backend
    from dvdesk.ui.bus import Bus

log = logging.getLogger(__name__)

MIN_PASSPHRASE = 8  # as the service (dvdesk.sync.keys.MIN_PASSPHRASE_CHARS) requires
GOOD_PASSPHRASE = 16
KEY_FOLDER = "exchange/folder"  # the last folder a bundle was written to or read from
KEY_SUFFIX = ".dvkey"
BUNDLE_SUFFIX = ".dvb"
SILENT_DAYS = 45
SILENT_BACKGROUND = "#fbe3e3"
OK_COLOUR = "#1e6b1e"
NOTE_COLOUR = "#5a5a5a"

NAMES = "ExchangeNames"  # translation context of the record and field names below

ENTITY_NAMES = {
    "units": QT_TRANSLATE_NOOP("ExchangeNames", "units"),
    "people": QT_TRANSLATE_NOOP("ExchangeNames", "people"),
    "members": QT_TRANSLATE_NOOP("ExchangeNames", "Party members"),
    "family_members": QT_TRANSLATE_NOOP("ExchangeNames", "family members"),
    "assignments": QT_TRANSLATE_NOOP("ExchangeNames", "introducers and helpers"),
    "helper_notes": QT_TRANSLATE_NOOP("ExchangeNames", "helpers' notes"),
    "classes": QT_TRANSLATE_NOOP("ExchangeNames", "classes"),
    "certificates": QT_TRANSLATE_NOOP("ExchangeNames", "certificates"),
    "events": QT_TRANSLATE_NOOP("ExchangeNames", "steps"),
    "enrolments": QT_TRANSLATE_NOOP("ExchangeNames", "class enrolments"),
    "documents": QT_TRANSLATE_NOOP("ExchangeNames", "registered documents"),
    "year_plans": QT_TRANSLATE_NOOP("ExchangeNames", "yearly plans"),
    "plan_targets": QT_TRANSLATE_NOOP("ExchangeNames", "plan targets"),
}

FIELD_NAMES = {
    "full_name": QT_TRANSLATE_NOOP("ExchangeNames", "Full name"),
    "birth_name": QT_TRANSLATE_NOOP("ExchangeNames", "Name at birth"),
    "code": QT_TRANSLATE_NOOP("ExchangeNames", "Code"),
    "sex": QT_TRANSLATE_NOOP("ExchangeNames", "Sex"),
    "birth_date": QT_TRANSLATE_NOOP("ExchangeNames", "Date of birth"),
    "birth_place": QT_TRANSLATE_NOOP("ExchangeNames", "Place of birth"),
    "hometown": QT_TRANSLATE_NOOP("ExchangeNames", "Home town"),
    "residence": QT_TRANSLATE_NOOP("ExchangeNames", "Residence"),
    "cccd": QT_TRANSLATE_NOOP("ExchangeNames", "CCCD number"),
    "ethnicity": QT_TRANSLATE_NOOP("ExchangeNames", "Ethnicity"),
    "religion": QT_TRANSLATE_NOOP("ExchangeNames", "Religion"),
    "education": QT_TRANSLATE_NOOP("ExchangeNames", "Education"),
    "education_grade": QT_TRANSLATE_NOOP("ExchangeNames", "School grade"),
    "occupation": QT_TRANSLATE_NOOP("ExchangeNames", "Occupation"),
    "youth_union_member": QT_TRANSLATE_NOOP("ExchangeNames", "Youth Union member"),
    "youth_union_date": QT_TRANSLATE_NOOP("ExchangeNames", "Joined the Youth Union"),
    "trade_union_member": QT_TRANSLATE_NOOP("ExchangeNames", "Trade union member"),
    "trade_union_date": QT_TRANSLATE_NOOP("ExchangeNames", "Joined the trade union"),
    "joined_unit_on": QT_TRANSLATE_NOOP("ExchangeNames", "Joined the unit"),
    "notes": QT_TRANSLATE_NOOP("ExchangeNames", "Notes"),
    "name": QT_TRANSLATE_NOOP("ExchangeNames", "Name"),
    "number": QT_TRANSLATE_NOOP("ExchangeNames", "Number"),
    "on": QT_TRANSLATE_NOOP("ExchangeNames", "Date"),
    "kind": QT_TRANSLATE_NOOP("ExchangeNames", "Kind"),
    "status": QT_TRANSLATE_NOOP("ExchangeNames", "Status"),
}

_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def entity_name(entity: str) -> str:
    text = ENTITY_NAMES.get(entity)
    return QCoreApplication.translate(NAMES, text) if text else entity


def field_name(key: str) -> str:
    text = FIELD_NAMES.get(key)
    return QCoreApplication.translate(NAMES, text) if text else key


def value_text(value: Any) -> str:
    """A record's value as a person reads it: dates day first, yes/no, a dash for nothing."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("ExchangeNames", "yes")
            if value
            else QCoreApplication.translate("ExchangeNames", "no")
        )
    text = str(value)
    match = _ISO_DATE.match(text)
    if match:
        return f"{match[3]}/{match[2]}/{match[1]}"
    return text


def counts_text(counts: dict[str, int]) -> str:
    """'15 people, 40 steps' in the order the records travel."""
    order = list(ENTITY_NAMES)
    keys = sorted(counts, key=lambda k: (order.index(k) if k in order else len(order), k))
    return ", ".join(f"{counts[k]} {entity_name(k)}" for k in keys if counts[k])


def fingerprint_lines(fingerprint: str) -> str:
    """Eight groups as two lines of four, for large type."""
    groups = key_page.groups(fingerprint)
    return "\n".join("  ".join(groups[i : i + 4]) for i in range(0, len(groups), 4))


def fingerprint_label(parent: QWidget, scale: float = 1.8) -> QLabel:
    label = QLabel(parent)
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSizeF(max(parent.font().pointSizeF(), 10.0) * scale)
    font.setBold(True)
    font.setStyleHint(QFont.StyleHint.Monospace)
    label.setFont(font)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setObjectName("fingerprint")
    return label


def fingerprint_page(
    info: exchange.KeyInfo, install: setup.InstallInfo | None, today: date
) -> bytes:
    """The printed fingerprint page of this unit's key (a chi bộ's addressed to its board)."""
    page = key_page.KeyPage(
        unit_name=info.unit_name,
        unit_code=info.unit_code,
        role=info.role,
        fingerprint=info.fingerprint,
        key_id=info.sign_key_id,
        created_on=info.created_at.date(),
        printed_on=today,
        parent_name=install.parent_name if install is not None else "",
        recipient=install.board_name if install is not None else "",
    )
    return key_page.render(page)


def password_edit(parent: QWidget, name: str) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def note_label(parent: QWidget, name: str = "") -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {NOTE_COLOUR};")
    if name:
        label.setObjectName(name)
    return label


def field_row(form: QFormLayout, text: str, widget: QWidget, parent: QWidget) -> ErrorLabel:
    """A labelled field with its error line under it."""
    label = QLabel(text, parent)
    label.setBuddy(widget)
    form.addRow(label, widget)
    error = ErrorLabel(parent)
    error.setObjectName(f"{widget.objectName()}_error")
    form.addRow("", error)
    return error


def documents_folder() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder) if folder else Path.home()


def last_folder(settings: QSettings) -> Path:
    saved = read_str(settings, KEY_FOLDER)
    return Path(saved) if saved and Path(saved).is_dir() else documents_folder()


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def check_new_passphrase(
    parent: QWidget, first: str, second: str, first_error: ErrorLabel, second_error: ErrorLabel
) -> bool:
    first_error.show_message("")
    second_error.show_message("")
    if len(_nfc(first)) < MIN_PASSPHRASE:
        first_error.show_message(
            QCoreApplication.translate(
                "ExchangeDialogs",
                "The passphrase is too short: at least {count} characters are needed.",
            ).format(count=MIN_PASSPHRASE)
        )
        return False
    if _nfc(first) != _nfc(second):
        second_error.show_message(
            QCoreApplication.translate(
                "ExchangeDialogs", "The two passphrases are not the same: type it again."
            )
        )
        return False
    return True


def strength_text(passphrase: str) -> str:
    n = len(_nfc(passphrase))
    if n == 0:
        return QCoreApplication.translate(
            "ExchangeDialogs",
            "At least {count} characters. A short sentence is easy to remember and hard to guess.",
        ).format(count=MIN_PASSPHRASE)
    if n < MIN_PASSPHRASE:
        return QCoreApplication.translate(
            "ExchangeDialogs", "Too short: {n} of at least {count} characters."
        ).format(n=n, count=MIN_PASSPHRASE)
    if n < GOOD_PASSPHRASE:
        return QCoreApplication.translate(
            "ExchangeDialogs", "Acceptable. {count} characters or more would be stronger."
        ).format(count=GOOD_PASSPHRASE)
    return QCoreApplication.translate("ExchangeDialogs", "Good: a long passphrase.")


class _WaitCursor:
    """The busy cursor for the short work done on the GUI thread (one Argon2 derivation)."""

    def __enter__(self) -> None:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def __exit__(self, *_: object) -> None:
        QApplication.restoreOverrideCursor()


# --- work on the thread pool ------------------------------------------------------------------

Progress = Callable[[int, int, Path], None]


class JobSignals(QObject):
    progress = Signal(int, int, str)  # files done, files in all, the file being read
    done = Signal(object)  # what the service returned
    failed = Signal(object)  # the exception


class ExchangeJob(QRunnable):
    """One service call on the thread pool. Its `progress(done, total, path)` callback reaches
    the GUI thread by the queued `progress` signal, as every result does."""

    def __init__(self, work: Callable[[Progress], object]) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the dialog keeps the Python object
        self.signals = JobSignals()
        self._work = work
        self._done = threading.Event()

    def wait(self, timeout: float | None = None) -> bool:
        return self._done.wait(timeout)

    def start(self) -> None:
        QThreadPool.globalInstance().start(self)

    def _progress(self, done: int, total: int, path: Path) -> None:
        self.signals.progress.emit(done, total, str(path))

    def run(self) -> None:
        try:
            result = self._work(self._progress)
        except Exception as exc:
            if not isinstance(exc, UserError):
                log.exception("Exchange work failed")
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)
        finally:
            self._done.set()


class _JobDialog(QDialog):
    """A dialog that runs one job at a time and cannot be closed while it runs (a half-written
    file is never left behind: the service writes atomically and the job cannot be stopped)."""

    job_finished = Signal(object)  # the result or the exception (tests wait on it)

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.job: ExchangeJob | None = None

    @property
    def busy(self) -> bool:
        return self.job is not None

    def _start_job(self, work: Callable[[Progress], object]) -> None:
        job = ExchangeJob(work)
        self.job = job
        job.signals.progress.connect(self._on_progress)
        job.signals.done.connect(self._job_done)
        job.signals.failed.connect(self._job_failed)
        self._set_running(True)
        job.start()

    def _job_done(self, result: object) -> None:
        self.job = None
        self._set_running(False)
        self._on_done(result)
        self.job_finished.emit(result)

    def _job_failed(self, exc: BaseException) -> None:
        self.job = None
        self._set_running(False)
        self.job_finished.emit(exc)
        if not self._on_failed(exc):
            raise exc  # unexpected: the application's error handler logs and shows it

    def _on_progress(self, done: int, total: int, path: str) -> None:
        pass

    def _set_running(self, running: bool) -> None:
        raise NotImplementedError

    def _on_done(self, result: Any) -> None:
        raise NotImplementedError

    def _on_failed(self, exc: BaseException) -> bool:
        """Show an expected error; False for an unexpected one."""
        raise NotImplementedError

    def done(self, result: int) -> None:
        if self.busy:
            return
        super().done(result)

    def shutdown(self) -> None:
        if self.job is not None:
            self.job.wait(30)


# --- keys ---------------------------------------------------------------------------------------


class PeerKeyModel(RowTableModel):
    CONTEXT = "PeerKeyModel"
    HEADERS: ClassVar[tuple[str, ...]] = (
        QT_TRANSLATE_NOOP("PeerKeyModel", "Code"),
        QT_TRANSLATE_NOOP("PeerKeyModel", "Unit"),
        QT_TRANSLATE_NOOP("PeerKeyModel", "Role"),
        QT_TRANSLATE_NOOP("PeerKeyModel", "Fingerprint"),
        QT_TRANSLATE_NOOP("PeerKeyModel", "Checked"),
    )

    def display(self, row: exchange.PeerInfo, column: int) -> str:
        if column == 2:
            return self.tr("Office above") if row.role == "office" else self.tr("Chi bộ")
        if column == 4:
            if row.revoked:
                return self.tr("Revoked")
            return self.tr("✓ Confirmed") if row.confirmed else self.tr("Not confirmed")
        return (row.unit_code, row.unit_name, "", row.fingerprint, "")[column]

    def sort_keys(self, row: exchange.PeerInfo) -> tuple[Any, ...]:
        return (row.unit_code, row.unit_name, row.role, row.fingerprint, int(row.confirmed))

    def search_text(self, row: exchange.PeerInfo) -> str:
        return f"{row.unit_code} {row.unit_name}".lower()

    def extra_data(self, row: exchange.PeerInfo, column: int, role: int) -> Any:
        if column == 4 and role == Qt.ItemDataRole.ForegroundRole:
            return QColor(OK_COLOUR if row.confirmed and not row.revoked else ERROR_COLOUR)
        if column == 3 and role == Qt.ItemDataRole.FontRole:
            return QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        return None


class KeysDialog(QDialog):
    """This unit's keys, and the keys of the units it exchanges with."""

    def __init__(
        self,
        backend: Backend,
        parent: QWidget | None = None,
        actor: str | None = None,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("keys_dialog")
        self.setWindowTitle(self.tr("Exchange keys"))
        self.setSizeGripEnabled(True)
        self._backend = backend
        self._actor = actor or current_actor()
        self._settings = settings if settings is not None else open_settings()
        self.info: exchange.KeyInfo | None = None
        self.rotate_dialog: RotateKeysDialog | None = None
        self.confirm_dialog: ConfirmKeyDialog | None = None
        self.preview: PdfPreviewDialog | None = None

        own = QGroupBox(self.tr("This unit's keys"), self)
        own.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.own_stack = QStackedWidget(own)
        own_layout = QVBoxLayout(own)
        own_layout.addWidget(self.own_stack)
        self.own_error = ErrorLabel(own)
        self.own_error.setObjectName("own_error")
        self.own_notice = note_label(own, "own_notice")
        self.own_notice.setVisible(False)
        own_layout.addWidget(self.own_error)
        own_layout.addWidget(self.own_notice)

        # No keys yet: the form that makes them.
        make = QWidget(self.own_stack)
        make_layout = QVBoxLayout(make)
        make_layout.setContentsMargins(0, 0, 0, 0)
        intro = QLabel(
            self.tr(
                "This unit has no exchange keys yet. Make them once. The passphrase protects "
                "the private key: it is asked for every time a file is sent or received, and "
                "without it no file can be opened. Keep it where the unit's seal is kept."
            ),
            make,
        )
        intro.setWordWrap(True)
        make_layout.addWidget(intro)
        form = QFormLayout()
        self.passphrase = password_edit(make, "passphrase")
        self.passphrase_error = field_row(form, self.tr("&Passphrase:"), self.passphrase, make)
        self.strength = note_label(make, "strength")
        form.addRow("", self.strength)
        self.passphrase_again = password_edit(make, "passphrase_again")
        self.passphrase_again_error = field_row(
            form, self.tr("&Repeat it:"), self.passphrase_again, make
        )
        make_layout.addLayout(form)
        self.make_button = QPushButton(self.tr("&Make the keys"), make)
        self.make_button.setObjectName("make_keys")
        self.make_button.clicked.connect(self.make_keys)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.make_button)
        make_layout.addLayout(row)
        self.passphrase.textChanged.connect(self._update_strength)
        self.passphrase.returnPressed.connect(self.passphrase_again.setFocus)
        self.passphrase_again.returnPressed.connect(self.make_keys)
        self._update_strength("")
        self.own_stack.addWidget(make)

        # Keys made: the fingerprint and what can be done with them.
        show = QWidget(self.own_stack)
        show_layout = QVBoxLayout(show)
        show_layout.setContentsMargins(0, 0, 0, 0)
        self.own_summary = QLabel(show)
        self.own_summary.setObjectName("own_summary")
        self.own_summary.setWordWrap(True)
        show_layout.addWidget(self.own_summary)
        self.fingerprint = fingerprint_label(show)
        show_layout.addWidget(self.fingerprint)
        buttons = QHBoxLayout()
        self.save_key_button = QPushButton(self.tr("&Save public-key file…"), show)
        self.save_key_button.setObjectName("save_public_key")
        self.save_key_button.setToolTip(
            self.tr("The file to give the other unit; it holds no secret.")
        )
        self.save_key_button.clicked.connect(lambda: self.save_public_key())
        self.print_button = QPushButton(self.tr("&Print fingerprint page…"), show)
        self.print_button.setObjectName("print_fingerprint")
        self.print_button.setToolTip(
            self.tr("A page to sign, stamp and send with the file, for the other unit to compare")
        )
        self.print_button.clicked.connect(self.print_fingerprint)
        self.rotate_button = QPushButton(self.tr("Re&place keys…"), show)
        self.rotate_button.setObjectName("replace_keys")
        self.rotate_button.clicked.connect(self.replace_keys)
        buttons.addWidget(self.save_key_button)
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        buttons.addWidget(self.rotate_button)
        show_layout.addLayout(buttons)
        self.own_stack.addWidget(show)

        # The other units' keys.
        peers = QGroupBox(self.tr("Keys of the other units"), self)
        self.peer_model = PeerKeyModel(self)
        self.peer_proxy = RowFilterProxy(self)
        self.peer_proxy.setSourceModel(self.peer_model)
        self.peer_view = QTableView(peers)
        self.peer_view.setObjectName("peer_keys")
        self.peer_view.setModel(self.peer_proxy)
        setup_table_view(self.peer_view, {0: 5, 1: 16, 2: 11, 3: 36})
        fixed = QFontMetrics(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.peer_view.horizontalHeader().resizeSection(3, fixed.horizontalAdvance("0" * 39) + 8)
        self.peer_view.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        self.peer_view.doubleClicked.connect(lambda _index: self.confirm_selected())
        self.peers_note = note_label(peers, "peers_note")
        self.peers_error = ErrorLabel(peers)
        self.peers_error.setObjectName("peers_error")
        self.import_button = QPushButton(self.tr("&Import a key file…"), peers)
        self.import_button.setObjectName("import_key")
        self.import_button.clicked.connect(lambda: self.import_key_file())
        self.confirm_button = QPushButton(self.tr("&Confirm fingerprint…"), peers)
        self.confirm_button.setObjectName("confirm_key")
        self.confirm_button.clicked.connect(self.confirm_selected)
        offer_only_if(
            backend,
            Permission.EDIT,
            self.make_button,
            self.rotate_button,
            self.import_button,
            self.confirm_button,
        )
        offer_only_if(backend, Permission.EXPORT, self.save_key_button, self.print_button)
        peer_buttons = QHBoxLayout()
        peer_buttons.addWidget(self.import_button)
        peer_buttons.addWidget(self.confirm_button)
        peer_buttons.addStretch(1)
        peers_layout = QVBoxLayout(peers)
        peers_layout.addWidget(self.peers_note)
        peers_layout.addWidget(self.peer_view, 1)
        peers_layout.addWidget(self.peers_error)
        peers_layout.addLayout(peer_buttons)

        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(own)
        layout.addWidget(peers, 1)
        layout.addWidget(close)
        self.resize(760, 560)
        self.reload()

    # --- state ---------------------------------------------------------------------------

    def _show_page(self, index: int) -> None:
        """Show one page of the stack, sized to that page alone (not to the taller one)."""
        self.own_stack.setCurrentIndex(index)
        for n in range(self.own_stack.count()):
            page = self.own_stack.widget(n)
            if page is None:
                continue
            policy = QSizePolicy.Policy.Preferred if n == index else QSizePolicy.Policy.Ignored
            page.setSizePolicy(policy, policy)
        self.own_stack.updateGeometry()

    def reload(self) -> None:
        db = self._backend.db
        self.info = exchange.own_key(db)
        if self.info is None:
            self._show_page(0)
        else:
            info = self.info
            self._show_page(1)
            self.own_summary.setText(
                self.tr(
                    "{name} ({code}) · keys made {day} · key id {key_id}. Fingerprint, to "
                    "compare with the printed page:"
                ).format(
                    name=info.unit_name,
                    code=info.unit_code,
                    day=f"{info.created_at:%d/%m/%Y}",
                    key_id=info.sign_key_id,
                )
            )
            self.fingerprint.setText(fingerprint_lines(info.fingerprint))
        rows = exchange.peers(db)
        self.peer_model.set_rows(rows)
        office = self._backend.install_info()
        if office is not None and office.role == "office":
            note = self.tr(
                "Import the public-key file of each chi bộ, then confirm it against the page "
                "the chi bộ printed and signed."
            )
        else:
            note = self.tr(
                "Import the public-key file of the office above, then confirm it against the "
                "page the office printed and signed."
            )
        self.peers_note.setText(note)
        if not self.peer_view.currentIndex().isValid() and self.peer_proxy.rowCount():
            self.peer_view.setCurrentIndex(self.peer_proxy.index(0, 0))
        self._update_buttons()

    def current_peer(self) -> exchange.PeerInfo | None:
        row = self.peer_proxy.row_at(self.peer_view.currentIndex())
        return row if isinstance(row, exchange.PeerInfo) else None

    def _update_buttons(self) -> None:
        peer = self.current_peer()
        self.confirm_button.setEnabled(peer is not None and not peer.confirmed)

    def _update_strength(self, text: str) -> None:
        self.strength.setText(strength_text(text))

    # --- this unit's keys ------------------------------------------------------------------

    def make_keys(self) -> None:
        first, second = self.passphrase.text(), self.passphrase_again.text()
        self.own_error.show_message("")
        if not check_new_passphrase(
            self, first, second, self.passphrase_error, self.passphrase_again_error
        ):
            return
        try:
            with _WaitCursor():
                exchange.init_keys(self._backend.db, first, actor=self._actor)
        except UserError as exc:
            target = self.passphrase_error if exc.field == "passphrase" else self.own_error
            target.show_message(exc.message(self._backend.lang))
            return
        self.passphrase.clear()
        self.passphrase_again.clear()
        self._notice(
            self.tr(
                "The keys are made. Save the public-key file and print the fingerprint page "
                "for the other unit."
            )
        )
        self.reload()

    def save_public_key(self, path: Path | None = None) -> Path | None:
        if self.info is None:
            return None
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Save the public-key file"),
                str(last_folder(self._settings) / f"{self.info.unit_code}-khoa{KEY_SUFFIX}"),
                self.tr("Public-key files (*.dvkey);;All files (*)"),
            )
            if not chosen:
                return None
            path = Path(chosen)
        self.own_error.show_message("")
        try:
            data = exchange.export_public_key(self._backend.db)
            write_atomic(path, data)
        except (UserError, FileWriteError) as exc:
            self.own_error.show_message(exc.message(self._backend.lang))
            return None
        self._settings.setValue(KEY_FOLDER, str(path.parent))
        self._notice(
            self.tr(
                "Saved: {path}. Give it to the other unit with the printed fingerprint page."
            ).format(path=str(path))
        )
        return path

    def fingerprint_pdf(self) -> bytes | None:
        if self.info is None:
            return None
        return fingerprint_page(self.info, self._backend.install_info(), self._backend.today())

    def print_fingerprint(self) -> None:
        pdf = self.fingerprint_pdf()
        if pdf is None or self.info is None:
            return
        if self.preview is not None:
            self.preview.deleteLater()
        self.preview = PdfPreviewDialog(
            pdf,
            self.tr("Fingerprint page"),
            f"van-tay-khoa-{self.info.unit_code}.pdf",
            self,
        )
        self.preview.open()

    def replace_keys(self) -> None:
        if self.rotate_dialog is not None:
            self.rotate_dialog.deleteLater()
        dialog = RotateKeysDialog(self._backend, self, self._actor)
        dialog.accepted.connect(self._keys_replaced)
        self.rotate_dialog = dialog
        dialog.open()

    def _keys_replaced(self) -> None:
        self._notice(
            self.tr(
                "The keys were replaced. Send the new public-key file and a new fingerprint "
                "page to the other unit; files made for the old key can still be read here."
            )
        )
        self.reload()

    def _notice(self, text: str) -> None:
        self.own_notice.setText(text)
        self.own_notice.setVisible(bool(text))

    # --- the other units' keys -------------------------------------------------------------

    def import_key_file(self, path: Path | None = None) -> exchange.PeerInfo | None:
        """Pin the key in `path` (asked for when None), then ask for its fingerprint."""
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self,
                self.tr("Import a public-key file"),
                str(last_folder(self._settings)),
                self.tr("Public-key files (*.dvkey);;All files (*)"),
            )
            if not chosen:
                return None
            path = Path(chosen)
        self.peers_error.show_message("")
        try:
            data = path.read_bytes()
        except OSError as exc:
            self.peers_error.show_message(
                self.tr("The file could not be read: {path}: {error}").format(
                    path=str(path), error=exc.strerror or str(exc)
                )
            )
            return None
        try:
            peer = exchange.import_peer_key(self._backend.db, data, self._actor)
        except UserError as exc:
            self.peers_error.show_message(
                self.tr("{file}: {message}").format(
                    file=path.name, message=exc.message(self._backend.lang)
                )
            )
            return None
        self._settings.setValue(KEY_FOLDER, str(path.parent))
        self.reload()
        self._select_peer(peer.unit_id)
        if not peer.confirmed:
            self.ask_confirm(peer)
        return peer

    def _select_peer(self, unit_id: str) -> None:
        for row in range(self.peer_proxy.rowCount()):
            index = self.peer_proxy.index(row, 0)
            found = self.peer_proxy.row_at(index)
            if isinstance(found, exchange.PeerInfo) and found.unit_id == unit_id:
                self.peer_view.setCurrentIndex(index)
                return

    def confirm_selected(self) -> None:
        peer = self.current_peer()
        if peer is not None and not peer.confirmed:
            self.ask_confirm(peer)

    def ask_confirm(self, peer: exchange.PeerInfo) -> None:
        if self.confirm_dialog is not None:
            self.confirm_dialog.deleteLater()
        dialog = ConfirmKeyDialog(self._backend, peer, self, self._actor)
        dialog.finished.connect(lambda _result: self.reload())
        self.confirm_dialog = dialog
        dialog.open()


class RotateKeysDialog(QDialog):
    """New keys for this unit, signed over by the old ones (the old passphrase is needed)."""

    def __init__(self, backend: Backend, parent: QWidget | None = None, actor: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("rotate_keys_dialog")
        self.setWindowTitle(self.tr("Replace the keys"))
        self._backend = backend
        self._actor = actor or current_actor()
        self.info: exchange.KeyInfo | None = None
        intro = QLabel(
            self.tr(
                "New keys replace the current ones, for example when the passphrase may be "
                "known to someone who should not know it. The new public-key file is signed "
                "with the old key; send it with a new fingerprint page."
            ),
            self,
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        self.old_passphrase = password_edit(self, "old_passphrase")
        self.old_error = field_row(form, self.tr("&Current passphrase:"), self.old_passphrase, self)
        self.new_passphrase = password_edit(self, "new_passphrase")
        self.new_error = field_row(form, self.tr("&New passphrase:"), self.new_passphrase, self)
        self.strength = note_label(self, "strength")
        form.addRow("", self.strength)
        self.new_again = password_edit(self, "new_again")
        self.again_error = field_row(form, self.tr("&Repeat it:"), self.new_again, self)
        self.form_error = ErrorLabel(self)
        self.form_error.setObjectName("form_error")
        self.new_passphrase.textChanged.connect(lambda t: self.strength.setText(strength_text(t)))
        self.strength.setText(strength_text(""))
        buttons = QDialogButtonBox(self)
        self.replace_button = buttons.addButton(
            self.tr("&Replace the keys"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.replace_button.setObjectName("replace")
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.replace)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.form_error)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.resize(560, 360)

    def replace(self) -> None:
        self.old_error.show_message("")
        self.form_error.show_message("")
        if not self.old_passphrase.text():
            self.old_error.show_message(self.tr("Type the current passphrase."))
            return
        if not check_new_passphrase(
            self,
            self.new_passphrase.text(),
            self.new_again.text(),
            self.new_error,
            self.again_error,
        ):
            return
        try:
            with _WaitCursor():
                self.info = exchange.init_keys(
                    self._backend.db,
                    self.new_passphrase.text(),
                    rotate=True,
                    old_passphrase=self.old_passphrase.text(),
                    actor=self._actor,
                )
        except UserError as exc:
            target = {"old_passphrase": self.old_error, "passphrase": self.new_error}.get(
                exc.field, self.form_error
            )
            target.show_message(exc.message(self._backend.lang))
            return
        self.accept()


class ConfirmKeyDialog(QDialog):
    """Check another unit's pinned key against the fingerprint on its printed page."""

    def __init__(
        self,
        backend: Backend,
        peer: exchange.PeerInfo,
        parent: QWidget | None = None,
        actor: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("confirm_key_dialog")
        self.setWindowTitle(self.tr("Confirm the key of {name}").format(name=peer.unit_name))
        self._backend = backend
        self._actor = actor or current_actor()
        self.peer = peer
        self.confirmed = False
        intro = QLabel(
            self.tr(
                "The key file of {name} ({code}) was imported. Before trusting it, compare it "
                "with the fingerprint page that {name} printed, signed and stamped. Type the "
                "fingerprint from the paper (spaces and capitals do not matter), or compare "
                "every group and tick the box."
            ).format(name=peer.unit_name, code=peer.unit_code),
            self,
        )
        intro.setWordWrap(True)
        shown_title = QLabel(self.tr("The fingerprint of the key imported here:"), self)
        self.fingerprint = fingerprint_label(self, 1.6)
        self.fingerprint.setText(fingerprint_lines(peer.fingerprint))
        form = QFormLayout()
        self.typed = QLineEdit(self)
        self.typed.setObjectName("typed_fingerprint")
        self.typed.setPlaceholderText("XXXX XXXX XXXX XXXX XXXX XXXX XXXX XXXX")
        self.typed_error = field_row(form, self.tr("&From the paper:"), self.typed, self)
        self.compared = QCheckBox(
            self.tr("I compared all eight groups with the paper: they are the &same."), self
        )
        self.compared.setObjectName("compared")
        buttons = QDialogButtonBox(self)
        self.confirm_button = buttons.addButton(
            self.tr("&Confirm the key"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.confirm_button.setObjectName("confirm")
        later = buttons.addButton(self.tr("&Later"), QDialogButtonBox.ButtonRole.RejectRole)
        later.setToolTip(self.tr("The key stays unconfirmed; confirm it from the list later."))
        buttons.accepted.connect(self.confirm)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(shown_title)
        layout.addWidget(self.fingerprint)
        layout.addLayout(form)
        layout.addWidget(self.compared)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.resize(620, 380)

    def confirm(self) -> None:
        typed = self.typed.text().strip()
        self.typed_error.show_message("")
        if not typed:
            if not self.compared.isChecked():
                self.typed_error.show_message(
                    self.tr(
                        "Type the fingerprint from the paper, or tick the box once every group "
                        "has been compared."
                    )
                )
                return
            typed = self.peer.fingerprint
        try:
            self.peer = exchange.confirm_peer_key(
                self._backend.db, self.peer.unit_id, typed, self._actor
            )
        except UserError as exc:
            self.typed_error.show_message(exc.message(self._backend.lang))
            return
        self.confirmed = True
        self.accept()


# --- sending ----------------------------------------------------------------------------------


class _Target:
    """A unit a file can be sent to."""

    __slots__ = ("code", "confirmed", "has_key", "name", "next_seq")

    def __init__(self, code: str, name: str, has_key: bool, confirmed: bool, next_seq: int):
        self.code, self.name = code, name
        self.has_key, self.confirmed, self.next_seq = has_key, confirmed, next_seq


class ExportDialog(_JobDialog):
    """Write the next file for a unit: what changed since its last receipt, or everything."""

    def __init__(
        self,
        backend: Backend,
        parent: QWidget | None = None,
        actor: str | None = None,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("export_dialog")
        self.setWindowTitle(self.tr("Send a file"))
        self.setSizeGripEnabled(True)
        self._backend = backend
        self._actor = actor or current_actor()
        self._settings = settings if settings is not None else open_settings()
        install = backend.install_info()
        self._own_code = install.unit_code if install else ""
        self._role = install.role if install else "cell"
        self._auto_path = ""  # the name we proposed; replaced when the unit changes
        self.export_result: exchange.ExportResult | None = None
        self.targets: list[_Target] = []

        intro = QLabel(
            self.tr(
                "The file holds everything changed since the other unit's last receipt, "
                "signed with this unit's key and readable only by the unit it is for. Carry it "
                "on a USB stick or send it by the organisation's mail."
            ),
            self,
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        self.unit_combo = QComboBox(self)
        self.unit_combo.setObjectName("unit")
        self.unit_combo.setMinimumContentsLength(30)
        self.unit_error = field_row(form, self.tr("&To:"), self.unit_combo, self)
        self.unit_note = note_label(self, "unit_note")
        form.addRow("", self.unit_note)
        self.snapshot = QCheckBox(self.tr("Send &everything (a full snapshot)"), self)
        self.snapshot.setObjectName("snapshot")
        self.snapshot.setToolTip(
            self.tr(
                "Normally only what changed is sent. A full snapshot helps a unit that lost "
                "its data or starts afresh; it is larger."
            )
        )
        form.addRow("", self.snapshot)
        self.passphrase = password_edit(self, "passphrase")
        self.passphrase_error = field_row(form, self.tr("&Passphrase:"), self.passphrase, self)
        self.path_edit = QLineEdit(self)
        self.path_edit.setObjectName("path")
        self.browse_button = QPushButton(self.tr("C&hoose…"), self)
        self.browse_button.setObjectName("browse")
        self.browse_button.clicked.connect(lambda: self.choose_file())
        path_row = QWidget(self)
        path_layout = QHBoxLayout(path_row)
        path_layout.setContentsMargins(0, 0, 0, 0)
        path_layout.addWidget(self.path_edit, 1)
        path_layout.addWidget(self.browse_button)
        label = QLabel(self.tr("&File:"), self)
        label.setBuddy(self.path_edit)
        form.addRow(label, path_row)
        self.file_error = ErrorLabel(self)
        self.file_error.setObjectName("path_error")
        form.addRow("", self.file_error)

        self.form_error = ErrorLabel(self)
        self.form_error.setObjectName("form_error")
        self.busy_bar = QProgressBar(self)
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setVisible(False)
        self.busy_bar.setFormat(self.tr("Writing the file…"))
        self.result_label = QLabel(self)
        self.result_label.setObjectName("result")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label.setStyleSheet(f"color: {OK_COLOUR};")
        self.result_label.setVisible(False)

        self.buttons = QDialogButtonBox(self)
        self.send_button = self.buttons.addButton(
            self.tr("&Write the file"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.send_button.setObjectName("send")
        self.send_button.setDefault(True)
        self.send_button.clicked.connect(self.send)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.form_error)
        layout.addWidget(self.busy_bar)
        layout.addWidget(self.result_label)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.unit_combo.currentIndexChanged.connect(self._on_unit_changed)
        self.load_targets()
        self.resize(640, 440)

    def load_targets(self, select: str = "") -> None:
        db = self._backend.db
        if self._role == "office":
            self.targets = [
                _Target(u.unit_code, u.unit_name, u.has_key, u.confirmed, u.out_seq + 1)
                for u in exchange.unit_overview(db)
            ]
        else:
            self.targets = [
                _Target(p.unit_code, p.unit_name, True, p.confirmed, p.out_seq + 1)
                for p in exchange.peers(db)
                if p.role == "office" and not p.revoked
            ]
        select = select or self.unit_combo.currentData() or ""
        self.unit_combo.blockSignals(True)
        self.unit_combo.clear()
        for target in self.targets:
            self.unit_combo.addItem(f"{target.code} – {target.name}", target.code)
        found = self.unit_combo.findData(select) if select else -1
        self.unit_combo.setCurrentIndex(found if found >= 0 else 0 if self.targets else -1)
        self.unit_combo.blockSignals(False)
        self.send_button.setEnabled(bool(self.targets))
        if not self.targets:
            self.unit_error.show_message(
                self.tr(
                    "No unit to send to yet: import the other unit's public-key file in "
                    "Exchange › Keys… first."
                )
            )
        self._on_unit_changed()

    def target(self) -> _Target | None:
        code = self.unit_combo.currentData()
        return next((t for t in self.targets if t.code == code), None)

    def select_unit(self, code: str) -> None:
        index = self.unit_combo.findData(code)
        if index >= 0:
            self.unit_combo.setCurrentIndex(index)

    def default_path(self, target: _Target) -> Path:
        name = f"{self._own_code}-den-{target.code}-{target.next_seq:04d}{BUNDLE_SUFFIX}"
        return last_folder(self._settings) / name

    def _on_unit_changed(self, *_: object) -> None:
        target = self.target()
        if target is None:
            self.unit_note.setVisible(False)
            return
        self.unit_error.show_message("")
        if not target.has_key:
            self.unit_note.setText(
                self.tr("No key of this unit yet: import its public-key file first.")
            )
        elif not target.confirmed:
            self.unit_note.setText(
                self.tr(
                    "File number {seq}. The key of this unit has not been confirmed against "
                    "its printed fingerprint yet (Exchange › Keys…)."
                ).format(seq=target.next_seq)
            )
        else:
            self.unit_note.setText(self.tr("File number {seq}.").format(seq=target.next_seq))
        self.unit_note.setVisible(True)
        if not self.path_edit.text() or self.path_edit.text() == self._auto_path:
            self._auto_path = str(self.default_path(target))
            self.path_edit.setText(self._auto_path)

    def choose_file(self) -> Path | None:
        target = self.target()
        start = self.path_edit.text() or (
            str(self.default_path(target)) if target else str(last_folder(self._settings))
        )
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Write the file to"), start, self.tr("Exchange files (*.dvb)")
        )
        if not chosen:
            return None
        self.path_edit.setText(chosen)
        return Path(chosen)

    def _path(self) -> Path | None:
        text = self.path_edit.text().strip()
        if not text:
            return None
        path = Path(text)
        if path.suffix.lower() != BUNDLE_SUFFIX:
            path = path.with_name(path.name + BUNDLE_SUFFIX)
        return path

    def send(self) -> None:
        if self.busy:
            return
        for error in (self.unit_error, self.passphrase_error, self.file_error, self.form_error):
            error.show_message("")
        target, passphrase, path = self.target(), self.passphrase.text(), self._path()
        ok = True
        if target is None:
            self.unit_error.show_message(self.tr("Choose the unit the file is for."))
            ok = False
        if not passphrase:
            self.passphrase_error.show_message(self.tr("Type the passphrase of this unit's keys."))
            ok = False
        if path is None:
            self.file_error.show_message(self.tr("Choose where to write the file."))
            ok = False
        elif path.exists():
            self.file_error.show_message(
                self.tr(
                    "{name} already exists there. Choose another name: an earlier file is "
                    "never overwritten."
                ).format(name=path.name)
            )
            ok = False
        elif not path.parent.is_dir():
            self.file_error.show_message(
                self.tr("The folder {folder} does not exist.").format(folder=str(path.parent))
            )
            ok = False
        if not ok or target is None or path is None:
            return
        db, snapshot, actor = self._backend.db, self.snapshot.isChecked(), self._actor
        code = target.code
        self.result_label.setVisible(False)
        self._start_job(
            lambda _progress: exchange.export_bundle(
                db, code, path, passphrase, snapshot=snapshot, actor=actor
            )
        )

    def _set_running(self, running: bool) -> None:
        self.busy_bar.setVisible(running)
        for widget in (
            self.unit_combo,
            self.snapshot,
            self.passphrase,
            self.path_edit,
            self.browse_button,
            self.send_button,
        ):
            widget.setEnabled(not running)
        self.buttons.setEnabled(not running)

    def _on_done(self, result: exchange.ExportResult) -> None:
        self.export_result = result
        self._settings.setValue(KEY_FOLDER, str(result.path.parent))
        kinds = {
            "delta": self.tr("changes"),
            "snapshot": self.tr("full snapshot"),
            "receipt": self.tr("receipt only"),
        }
        lines = [
            self.tr("Written: {path}").format(path=str(result.path)),
            self.tr(
                "For {unit}: file number {seq} ({kind}); it acknowledges their files up to "
                "number {ack}."
            ).format(
                unit=result.peer_name,
                seq=result.seq,
                kind=kinds.get(result.kind, result.kind),
                ack=result.ack_upto,
            ),
        ]
        if result.records:
            lines.append(
                self.tr("Records: {total} ({detail}).").format(
                    total=result.records, detail=counts_text(result.counts)
                )
            )
        else:
            lines.append(
                self.tr(
                    "Nothing has changed since their last receipt: the file only says what "
                    "was received from them."
                )
            )
        self.result_label.setText("\n".join(lines))
        self.result_label.setVisible(True)
        self.passphrase.clear()
        self._auto_path = self.path_edit.text()  # propose the next number
        self.load_targets(self.unit_combo.currentData() or "")

    def _on_failed(self, exc: BaseException) -> bool:
        lang = self._backend.lang
        if isinstance(exc, UserError):
            target = {
                "passphrase": self.passphrase_error,
                "unit": self.unit_error,
                "keys": self.form_error,
            }.get(exc.field, self.form_error)
            target.show_message(exc.message(lang))
            return True
        if isinstance(exc, FileWriteError):  # full disk, read-only stick: says which and why
            self.file_error.show_message(exc.message(lang))
            return True
        if isinstance(exc, OSError):
            self.file_error.show_message(
                self.tr("The file could not be written: {error}").format(
                    error=exc.strerror or str(exc)
                )
            )
            return True
        return False


# --- receiving --------------------------------------------------------------------------------

SUMMARY_HEADERS = (
    QT_TRANSLATE_NOOP("ImportBundlesDialog", "File"),
    QT_TRANSLATE_NOOP("ImportBundlesDialog", "From"),
    QT_TRANSLATE_NOOP("ImportBundlesDialog", "No."),
    QT_TRANSLATE_NOOP("ImportBundlesDialog", "Result"),
    QT_TRANSLATE_NOOP("ImportBundlesDialog", "New"),
    QT_TRANSLATE_NOOP("ImportBundlesDialog", "Updated"),
    QT_TRANSLATE_NOOP("ImportBundlesDialog", "Unchanged"),
    QT_TRANSLATE_NOOP("ImportBundlesDialog", "Conflicts"),
    QT_TRANSLATE_NOOP("ImportBundlesDialog", "Notes"),
)
(
    S_FILE,
    S_FROM,
    S_SEQ,
    S_STATUS,
    S_NEW,
    S_UPDATED,
    S_UNCHANGED,
    S_CONFLICTS,
    S_NOTES,
) = range(len(SUMMARY_HEADERS))


class ImportBundlesDialog(_JobDialog):
    """Take in files from the other unit(s); each is checked in full before any of it is
    written, a refused one does not stop the others. Ends with a table of what each did."""

    def __init__(
        self,
        backend: Backend,
        bus: Bus | None = None,
        parent: QWidget | None = None,
        actor: str | None = None,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("import_bundles_dialog")
        self.setWindowTitle(self.tr("Receive files"))
        self.setSizeGripEnabled(True)
        self._backend = backend
        self._bus = bus
        self._actor = actor or current_actor()
        self._settings = settings if settings is not None else open_settings()
        self.paths: list[Path] = []
        self.results: list[exchange.ImportResult] = []
        self._dry_run = False

        files_label = QLabel(self.tr("&Files to receive (.dvb):"), self)
        self.file_list = QListWidget(self)
        self.file_list.setObjectName("files")
        self.file_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        files_label.setBuddy(self.file_list)
        self.add_files_button = QPushButton(self.tr("Add f&iles…"), self)
        self.add_files_button.clicked.connect(lambda: self.choose_files())
        self.add_folder_button = QPushButton(self.tr("Add a f&older…"), self)
        self.add_folder_button.clicked.connect(lambda: self.choose_folder())
        self.remove_button = QPushButton(self.tr("Re&move"), self)
        self.remove_button.clicked.connect(self.remove_selected)
        file_buttons = QVBoxLayout()
        file_buttons.addWidget(self.add_files_button)
        file_buttons.addWidget(self.add_folder_button)
        file_buttons.addWidget(self.remove_button)
        file_buttons.addStretch(1)
        files_row = QHBoxLayout()
        files_row.addWidget(self.file_list, 1)
        files_row.addLayout(file_buttons)
        self.files_error = ErrorLabel(self)
        self.files_error.setObjectName("files_error")

        form = QFormLayout()
        self.passphrase = password_edit(self, "passphrase")
        self.passphrase_error = field_row(form, self.tr("&Passphrase:"), self.passphrase, self)
        self.dry_run = QCheckBox(self.tr("&Check only (dry run): write nothing"), self)
        self.dry_run.setObjectName("dry_run")
        form.addRow("", self.dry_run)
        self.form_error = ErrorLabel(self)
        self.form_error.setObjectName("form_error")

        self.progress = QProgressBar(self)
        self.progress.setObjectName("progress")
        self.progress.setVisible(False)
        self.progress_label = note_label(self, "progress_label")
        self.progress_label.setVisible(False)
        self.stop_button = QPushButton(self.tr("S&top after this file"), self)
        self.stop_button.setObjectName("stop")
        self.stop_button.setVisible(False)
        self.stop_button.clicked.connect(self.stop_after_this_file)
        self._stop = threading.Event()

        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("summary")
        self.summary_label.setWordWrap(True)
        self.summary_label.setVisible(False)
        self.table = QTableWidget(0, len(SUMMARY_HEADERS), self)
        self.table.setObjectName("summary_table")
        self.table.setHorizontalHeaderLabels([self.tr(h) for h in SUMMARY_HEADERS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)  # the whole note shows under the table
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for column in range(S_NOTES):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(S_NOTES, QHeaderView.ResizeMode.Stretch)
        self.table.setVisible(False)

        self.buttons = QDialogButtonBox(self)
        self.run_button = self.buttons.addButton(
            self.tr("&Receive"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.run_button.setObjectName("receive")
        self.run_button.setDefault(True)
        self.run_button.clicked.connect(self.run)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.dry_run.toggled.connect(
            lambda on: self.run_button.setText(self.tr("&Check") if on else self.tr("&Receive"))
        )

        self.detail = QLabel(self)
        self.detail.setObjectName("detail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setVisible(False)
        self.table.currentCellChanged.connect(lambda row, *_: self._show_detail(row))
        # The list of files stays short, so the summary has the room once it is there.
        line = self.file_list.fontMetrics().height()
        self.file_list.setMinimumHeight(3 * line + 8)
        self.file_list.setMaximumHeight(7 * line + 8)

        layout = QVBoxLayout(self)
        layout.addWidget(files_label)
        layout.addLayout(files_row)
        layout.addWidget(self.files_error)
        layout.addLayout(form)
        layout.addWidget(self.form_error)
        layout.addWidget(self.progress)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress_label, 1)
        progress_row.addWidget(self.stop_button)
        layout.addLayout(progress_row)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addStretch(0)
        layout.addWidget(self.buttons)
        self.resize(780, 520)

    # --- the files ---------------------------------------------------------------------------

    def add_paths(self, paths: Sequence[Path]) -> None:
        """Add files, and the .dvb files of folders."""
        self.files_error.show_message("")
        for path in paths:
            if path.is_dir():
                found = sorted(
                    p for p in path.iterdir() if p.is_file() and p.suffix.lower() == BUNDLE_SUFFIX
                )
                if not found:
                    self.files_error.show_message(
                        self.tr("No .dvb file in {folder}.").format(folder=str(path))
                    )
                files = found
            else:
                files = [path]
            for file in files:
                if file not in self.paths:
                    self.paths.append(file)
                    self.file_list.addItem(str(file))

    def choose_files(self) -> None:
        chosen, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Choose the files to receive"),
            str(last_folder(self._settings)),
            self.tr("Exchange files (*.dvb);;All files (*)"),
        )
        if chosen:
            self._settings.setValue(KEY_FOLDER, str(Path(chosen[0]).parent))
            self.add_paths([Path(c) for c in chosen])

    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Choose a folder of files"), str(last_folder(self._settings))
        )
        if chosen:
            self._settings.setValue(KEY_FOLDER, chosen)
            self.add_paths([Path(chosen)])

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.file_list.selectedIndexes()}, reverse=True)
        for row in rows:
            self.file_list.takeItem(row)
            del self.paths[row]

    # --- running -----------------------------------------------------------------------------

    def run(self) -> None:
        if self.busy:
            return
        for error in (self.files_error, self.passphrase_error, self.form_error):
            error.show_message("")
        ok = True
        if not self.paths:
            self.files_error.show_message(self.tr("Add the files to receive, or a folder."))
            ok = False
        passphrase = self.passphrase.text()
        if not passphrase:
            self.passphrase_error.show_message(self.tr("Type the passphrase of this unit's keys."))
            ok = False
        if not ok:
            return
        db, paths, actor, lang = self._backend.db, list(self.paths), self._actor, self._backend.lang
        dry_run = self._dry_run = self.dry_run.isChecked()
        self.progress.setRange(0, len(paths))
        self.progress.setValue(0)
        self.progress_label.setText("")
        stop = self._stop = threading.Event()
        self._start_job(
            lambda progress: exchange.import_bundles(
                db,
                paths,
                passphrase,
                dry_run=dry_run,
                lang=lang,
                actor=actor,
                progress=progress,
                is_cancelled=stop.is_set,
            )
        )

    def stop_after_this_file(self) -> None:
        """Files already taken in stay; the others are left for another time."""
        self._stop.set()
        self.stop_button.setEnabled(False)
        self.progress_label.setText(self.tr("Stopping after the file being read…"))

    def _set_running(self, running: bool) -> None:
        self.progress.setVisible(running)
        self.progress_label.setVisible(running)
        self.stop_button.setVisible(running)
        self.stop_button.setEnabled(running)
        for widget in (
            self.file_list,
            self.add_files_button,
            self.add_folder_button,
            self.remove_button,
            self.passphrase,
            self.dry_run,
        ):
            widget.setEnabled(not running)
        self.buttons.setEnabled(not running)

    def _on_progress(self, done: int, total: int, path: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, total))
        if done < total:
            self.progress_label.setText(
                self.tr("Reading {file} ({n} of {total})…").format(
                    file=Path(path).name, n=done + 1, total=total
                )
            )

    def status_text(self, status: str) -> str:
        return {
            "imported": self.tr("Imported"),
            "already": self.tr("Already imported"),
            "refused": self.tr("Refused"),
            "dry_run": self.tr("Checked: can be imported"),
        }.get(status, status)

    def _on_done(self, results: list[exchange.ImportResult]) -> None:
        self.results = results
        counts = {
            s: sum(1 for r in results if r.status == s)
            for s in ("imported", "already", "refused", "dry_run")
        }
        parts = [self.tr("Files: {n}").format(n=len(results))]
        if counts["imported"]:
            parts.append(self.tr("imported: {n}").format(n=counts["imported"]))
        if counts["dry_run"]:
            parts.append(self.tr("can be imported: {n}").format(n=counts["dry_run"]))
        if counts["already"]:
            parts.append(self.tr("already imported: {n}").format(n=counts["already"]))
        if counts["refused"]:
            parts.append(self.tr("refused: {n}").format(n=counts["refused"]))
        text = " · ".join(parts) + "."
        if self._dry_run:
            text += " " + self.tr("Check only: nothing was written.")
        elif counts["refused"]:
            text += " " + self.tr("Nothing of a refused file was written.")
        conflicts = sum(r.conflicts for r in results)
        if conflicts and not self._dry_run:
            text += " " + self.tr(
                "Records changed on both sides: {n}. Choose which version stands in "
                "Exchange › Conflicts…"
            ).format(n=conflicts)
        self.summary_label.setText(text)
        self.summary_label.setVisible(True)
        self._fill_table(results)
        if not self._dry_run:
            self.passphrase.clear()
            if counts["imported"] and self._bus is not None:
                self._bus.announce(changes.ALL)

    def _fill_table(self, results: list[exchange.ImportResult]) -> None:
        table = self.table
        table.setRowCount(len(results))
        red = QBrush(QColor(ERROR_COLOUR))
        for row, result in enumerate(results):
            notes = [result.message] if result.message else []
            notes += result.warnings
            if result.kept_ours:
                notes.append(
                    self.tr("{n} kept as they are here (changed only here).").format(
                        n=result.kept_ours
                    )
                )
            refused = result.status == "refused"
            numbers = (
                ["", "", "", ""]
                if refused
                else [
                    str(result.new),
                    str(result.updated),
                    str(result.unchanged),
                    str(result.conflicts),
                ]
            )
            cells = [
                result.path.name,
                result.source_name,
                str(result.seq) if result.seq else "",
                self.status_text(result.status),
                *numbers,
                "\n".join(notes),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(str(result.path) if column == S_FILE else text)
                if S_SEQ <= column < S_NOTES and column != S_STATUS:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
                else:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                if refused or (column == S_CONFLICTS and result.conflicts):
                    item.setForeground(red)
                table.setItem(row, column, item)
        table.setVisible(True)
        first = next((n for n, r in enumerate(results) if r.status == "refused"), 0)
        if results:
            table.setCurrentCell(first, 0)
        self._show_detail(first if results else -1)

    def _show_detail(self, row: int) -> None:
        """The whole note of the current row under the table, where it has room."""
        result = self.results[row] if 0 <= row < len(self.results) else None
        notes = (
            [result.message, *result.warnings]
            if result is not None and result.message
            else (result.warnings if result is not None else [])
        )
        if result is None or not notes:
            self.detail.setVisible(False)
            return
        self.detail.setText(
            self.tr("{file}: {notes}").format(file=result.path.name, notes=" ".join(notes))
        )
        refused = result.status == "refused"
        self.detail.setStyleSheet(f"color: {ERROR_COLOUR};" if refused else "")
        self.detail.setVisible(True)

    def summary_rows(self) -> list[list[str]]:
        """The table as text, for tests."""
        table = self.table
        return [
            [
                (item.text() if (item := table.item(r, c)) else "")
                for c in range(table.columnCount())
            ]
            for r in range(table.rowCount())
        ]

    def _on_failed(self, exc: BaseException) -> bool:
        if isinstance(exc, UserError):
            target = self.passphrase_error if exc.field == "passphrase" else self.form_error
            target.show_message(exc.message(self._backend.lang))
            return True
        return False


# --- conflicts --------------------------------------------------------------------------------


class ConflictModel(RowTableModel):
    CONTEXT = "ConflictModel"
    HEADERS: ClassVar[tuple[str, ...]] = (
        QT_TRANSLATE_NOOP("ConflictModel", "Unit"),
        QT_TRANSLATE_NOOP("ConflictModel", "Record"),
        QT_TRANSLATE_NOOP("ConflictModel", "Kind"),
        QT_TRANSLATE_NOOP("ConflictModel", "Received"),
    )

    def display(self, row: exchange.ConflictView, column: int) -> str:
        return (
            row.unit_name,
            row.label,
            entity_name(row.entity),
            f"{row.created_at:%d/%m/%Y %H:%M}",
        )[column]

    def sort_keys(self, row: exchange.ConflictView) -> tuple[Any, ...]:
        return (row.unit_name, row.label, row.entity, row.created_at.timestamp())

    def search_text(self, row: exchange.ConflictView) -> str:
        return f"{row.unit_name} {row.label}".lower()


class ConflictsDialog(QDialog):
    """Records changed on both sides since the last exchange: both versions, field by field,
    and a person's choice. The chosen version travels in the next file."""

    def __init__(
        self,
        backend: Backend,
        bus: Bus | None = None,
        parent: QWidget | None = None,
        actor: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("conflicts_dialog")
        self.setWindowTitle(self.tr("Conflicts"))
        self.setSizeGripEnabled(True)
        self._backend = backend
        self._bus = bus
        self._actor = actor or current_actor()

        intro = QLabel(
            self.tr(
                "These records were changed both here and by the other unit since the last "
                "exchange. Nothing was overwritten silently: compare the two versions and "
                "choose which one stands. The choice is sent with the next file."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.model = ConflictModel(self)
        self.proxy = RowFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView(self)
        self.view.setObjectName("conflicts")
        self.view.setModel(self.proxy)
        setup_table_view(self.view, {0: 22, 1: 24, 2: 12, 3: 14})
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.selectionModel().currentChanged.connect(lambda *_: self._show_current())
        self.empty_label = QLabel(self.tr("No open conflicts."), self)
        self.empty_label.setObjectName("empty")

        self.detail_heading = QLabel(self)
        self.detail_heading.setObjectName("detail_heading")
        self.detail_heading.setWordWrap(True)
        self.diff_table = QTableWidget(0, 3, self)
        self.diff_table.setObjectName("diff")
        self.diff_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.diff_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.diff_table.setWordWrap(True)
        self.diff_table.verticalHeader().setVisible(False)
        self.diff_table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        header = self.diff_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.error = ErrorLabel(self)
        self.error.setObjectName("error")

        self.keep_ours_button = QPushButton(self.tr("&Keep ours"), self)
        self.keep_ours_button.setObjectName("keep_ours")
        self.keep_ours_button.setToolTip(self.tr("The version here stands, for both units"))
        self.keep_ours_button.clicked.connect(lambda: self.resolve("ours"))
        self.take_theirs_button = QPushButton(self.tr("&Take theirs"), self)
        self.take_theirs_button.setObjectName("take_theirs")
        self.take_theirs_button.setToolTip(
            self.tr("The other unit's version stands, for both units")
        )
        self.take_theirs_button.clicked.connect(lambda: self.resolve("theirs"))
        offer_only_if(backend, Permission.EDIT, self.keep_ours_button, self.take_theirs_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        actions = QHBoxLayout()
        actions.addWidget(self.keep_ours_button)
        actions.addWidget(self.take_theirs_button)
        actions.addStretch(1)
        actions.addWidget(close)

        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.view, 1)
        top_layout.addWidget(self.empty_label)
        bottom = QWidget(self)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.detail_heading)
        bottom_layout.addWidget(self.diff_table, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([180, 260])
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.error)
        layout.addLayout(actions)
        self.resize(760, 540)
        self.reload()

    def reload(self) -> None:
        row = max(self.view.currentIndex().row(), 0)
        self.model.set_rows(exchange.conflicts(self._backend.db))
        count = self.proxy.rowCount()
        self.empty_label.setVisible(count == 0)
        if count:
            self.view.setCurrentIndex(self.proxy.index(min(row, count - 1), 0))
        self._show_current()

    def current(self) -> exchange.ConflictView | None:
        row = self.proxy.row_at(self.view.currentIndex())
        return row if isinstance(row, exchange.ConflictView) else None

    def _show_current(self) -> None:
        conflict = self.current()
        self.keep_ours_button.setEnabled(conflict is not None)
        self.take_theirs_button.setEnabled(conflict is not None)
        self.diff_table.setRowCount(0)
        if conflict is None:
            self.detail_heading.setText("")
            self.diff_table.setHorizontalHeaderLabels(["", "", ""])
            return
        standing = (
            self.tr("the version here") if conflict.current_is_ours else self.tr("their version")
        )
        self.detail_heading.setText(
            self.tr("{label} ({kind}), from {unit}. Standing now: {standing}.").format(
                label=conflict.label,
                kind=entity_name(conflict.entity),
                unit=conflict.unit_name,
                standing=standing,
            )
        )
        here, theirs = self.tr("Here"), conflict.unit_name
        mark = self.tr("{column} ✓ standing")
        if conflict.current_is_ours:
            here = mark.format(column=here)
        else:
            theirs = mark.format(column=theirs)
        self.diff_table.setHorizontalHeaderLabels([self.tr("Field"), here, theirs])
        self.diff_table.setRowCount(len(conflict.diffs))
        bold_column = 1 if conflict.current_is_ours else 2
        for row, diff in enumerate(conflict.diffs):
            cells = [field_name(diff.field), value_text(diff.ours), value_text(diff.theirs)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if column == bold_column:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.diff_table.setItem(row, column, item)

    def diff_rows(self) -> list[list[str]]:
        """The field table as text, for tests."""
        table = self.diff_table
        return [
            [(item.text() if (item := table.item(r, c)) else "") for c in range(3)]
            for r in range(table.rowCount())
        ]

    def resolve(self, choice: str) -> None:
        conflict = self.current()
        if conflict is None:
            return
        self.error.show_message("")
        try:
            exchange.resolve_conflict(self._backend.db, conflict.id, choice, self._actor)
        except UserError as exc:
            self.error.show_message(exc.message(self._backend.lang))
        self.reload()
        if self._bus is not None:
            self._bus.announce(changes.ALL)


# --- the office's units -----------------------------------------------------------------------


class UnitModel(RowTableModel):
    CONTEXT = "UnitModel"
    HEADERS: ClassVar[tuple[str, ...]] = (
        QT_TRANSLATE_NOOP("UnitModel", "Code"),
        QT_TRANSLATE_NOOP("UnitModel", "Unit"),
        QT_TRANSLATE_NOOP("UnitModel", "Key"),
        QT_TRANSLATE_NOOP("UnitModel", "Last\nreceived"),
        QT_TRANSLATE_NOOP("UnitModel", "Received"),
        QT_TRANSLATE_NOOP("UnitModel", "Sent /\nacknowledged"),
        QT_TRANSLATE_NOOP("UnitModel", "Days\nsilent"),
        QT_TRANSLATE_NOOP("UnitModel", "Conflicts"),
    )
    NUMERIC = frozenset({4, 5, 6, 7})

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.silent_after = SILENT_DAYS

    def display(self, row: exchange.UnitExchange, column: int) -> str:
        if column == 2:
            if not row.has_key:
                return self.tr("none")
            return self.tr("✓ confirmed") if row.confirmed else self.tr("✓ not confirmed")
        if column == 3:
            return f"{row.last_in_at:%d/%m/%Y}" if row.last_in_at else self.tr("never")
        if column == 5:
            return f"{row.out_seq} / {row.acked_seq}"
        if column == 6:
            return "—" if row.days_silent is None else str(max(row.days_silent, 0))
        if column == 7:
            return str(row.open_conflicts) if row.open_conflicts else ""
        return (row.unit_code, row.unit_name, "", "", str(row.in_seq))[column]

    def sort_keys(self, row: exchange.UnitExchange) -> tuple[Any, ...]:
        return (
            row.unit_code,
            row.unit_name,
            (int(row.has_key) + int(row.confirmed)),
            row.last_in_at.timestamp() if row.last_in_at else -1.0,
            row.in_seq,
            (row.out_seq, row.acked_seq),
            LAST if row.days_silent is None else row.days_silent,
            row.open_conflicts,
        )

    def search_text(self, row: exchange.UnitExchange) -> str:
        return f"{row.unit_code} {row.unit_name}".lower()

    def extra_data(self, row: exchange.UnitExchange, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and row.silent:
            return QColor(SILENT_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole:
            if (column == 6 and row.silent) or (column == 7 and row.open_conflicts):
                return QColor(ERROR_COLOUR)
            if column == 2 and not row.confirmed:
                return QColor(ERROR_COLOUR)
            if row.silent:
                return QColor("#000000")  # readable on the highlight in a dark theme too
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and row.silent:
            if row.days_silent is None:
                return self.tr("Nothing received from this unit yet.")
            return self.tr("Nothing received for {days} days (the limit is {limit}).").format(
                days=row.days_silent, limit=self.silent_after
            )
        return None


class UnitsDialog(QDialog):
    """The office's units: keys, files exchanged, how long each has been silent."""

    def __init__(
        self,
        backend: Backend,
        parent: QWidget | None = None,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("units_dialog")
        self.setWindowTitle(self.tr("Units"))
        self.setSizeGripEnabled(True)
        self._backend = backend
        self._now = now  # None: the service's clock, the one received files are stamped with

        self.days = QSpinBox(self)
        self.days.setObjectName("silent_days")
        self.days.setRange(1, 366)
        self.days.setValue(SILENT_DAYS)
        self.days.setSuffix(self.tr(" days"))
        days_label = QLabel(self.tr("&Warn when a unit has sent nothing for more than"), self)
        days_label.setBuddy(self.days)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("count")
        top = QHBoxLayout()
        top.addWidget(days_label)
        top.addWidget(self.days)
        top.addStretch(1)
        top.addWidget(self.count_label)

        self.model = UnitModel(self)
        self.proxy = RowFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView(self)
        self.view.setObjectName("units")
        self.view.setModel(self.proxy)
        setup_table_view(self.view, {0: 6, 1: 20}, stretch_last=False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(header.fontMetrics().horizontalAdvance("0000"))
        self.legend = note_label(self, "legend")
        self.legend.setText(
            self.tr(
                "Received: the number of the last file received from the unit. Sent / "
                "acknowledged: the number of the last file written for it, and of the last one "
                "it has confirmed receiving. Highlighted: silent past the limit."
            )
        )
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.legend)
        layout.addWidget(close)
        self.days.valueChanged.connect(lambda _value: self.reload())
        self.resize(780, 480)
        self.reload()

    def _fit_columns(self) -> None:
        """Each column as wide as its header or its widest cell, the unit's name taking the
        rest: nine columns fit an 800-pixel screen."""
        header = self.view.horizontalHeader()
        heading, cells = header.fontMetrics(), self.view.fontMetrics()
        for column in (0, *range(2, len(UnitModel.HEADERS))):
            lines = self.model.header_text(column).split("\n")
            width = max(heading.horizontalAdvance(line) for line in lines) + heading.height()
            for row in self.model.rows():
                shown = self.model.display(row, column)
                width = max(width, cells.horizontalAdvance(shown) + cells.height() // 2 + 8)
            header.resizeSection(column, width)

    def reload(self) -> None:
        limit = self.days.value()
        self.model.silent_after = limit
        today = self._now() if self._now is not None else None
        rows = exchange.unit_overview(self._backend.db, today=today, silent_after_days=limit)
        self.model.set_rows(rows)
        self._fit_columns()
        silent = sum(1 for r in rows if r.silent)
        conflicts = sum(r.open_conflicts for r in rows)
        self.count_label.setText(
            self.tr("Units: {total} · silent: {silent} · open conflicts: {conflicts}").format(
                total=len(rows), silent=silent, conflicts=conflicts
            )
        )
        self.count_label.setStyleSheet(f"color: {ERROR_COLOUR};" if silent else "")

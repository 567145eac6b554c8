"""Install a new version from a file on the USB stick, once the office's signature checks out.

The person chooses the installer; dvdesk.services.updates copies it into a private folder and
verifies the copy against the signature file beside it and the office's confirmed key (on the
thread pool: 50–100 MB from a slow stick takes seconds). What was verified is shown: version,
who signed and their fingerprint, size. Only then is "Install" offered; it starts the verified
copy, never the stick's file, and closes dvdesk so the installer can replace it. Installing
is for administrators (Permission.MANAGE), as the service insists too.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QProcess, QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dvdesk.domain.accounts import Permission
from dvdesk.services import audit, updates
from dvdesk.services.errors import UserError
from dvdesk.ui.exchange_dialogs import (
    KEY_FOLDER,
    OK_COLOUR,
    ExchangeJob,
    Progress,
    fingerprint_label,
    fingerprint_lines,
    last_folder,
    note_label,
)
from dvdesk.ui.permissions import offer_only_if
from dvdesk.ui.person_dialog import ErrorLabel
from dvdesk.ui.settings import open_settings

if TYPE_CHECKING:
    from dvdesk.ui.backend import Backend


class UpdateDialog(QDialog):
    """Choose an installer, see what was verified, install it. `launched` is the copy that was
    started (the caller then closes the program), None otherwise."""

    check_finished = Signal(object)  # the VerifiedUpdate or the exception (tests wait on it)

    def __init__(
        self,
        backend: Backend,
        parent: QWidget | None = None,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("update_dialog")
        self.setWindowTitle(self.tr("Install an update"))
        self._backend = backend
        self._settings = settings if settings is not None else open_settings()
        self.job: ExchangeJob | None = None
        self.verified: updates.VerifiedUpdate | None = None
        self.launched: Path | None = None

        intro = note_label(self, "intro")
        intro.setText(
            self.tr(
                "Choose the installer of the new version that the office sent. Its signature "
                "file (.dvsig) must lie beside it: the installer runs only if the office's "
                "signature checks out."
            )
        )
        file_label = QLabel(self.tr("Installer &file:"), self)
        self.path_edit = QLineEdit(self)
        self.path_edit.setObjectName("installer")
        self.path_edit.setReadOnly(True)
        file_label.setBuddy(self.path_edit)
        self.choose_button = QPushButton(self.tr("&Choose…"), self)
        self.choose_button.setObjectName("choose")
        self.choose_button.clicked.connect(lambda: self.choose_file())
        file_row = QHBoxLayout()
        file_row.addWidget(file_label)
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.choose_button)

        self.progress = QProgressBar(self)
        self.progress.setObjectName("progress")
        self.progress.setFormat(self.tr("Copying and checking… %p%"))
        self.progress.setVisible(False)
        self.error = ErrorLabel(self)
        self.error.setObjectName("error")

        self.details = QGroupBox(self.tr("What was verified"), self)
        self.details.setObjectName("details")
        form = QFormLayout(self.details)
        self.version_value = self._value("version")
        self.signer_value = self._value("signer")
        self.signed_at_value = self._value("signed_at")
        self.size_value = self._value("size")
        self.key_value = self._value("key")
        self.fingerprint = fingerprint_label(self.details, scale=1.4)
        self.fingerprint.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        form.addRow(self.tr("Version:"), self.version_value)
        form.addRow(self.tr("Signed by:"), self.signer_value)
        form.addRow(self.tr("Signed on:"), self.signed_at_value)
        form.addRow(self.tr("Size:"), self.size_value)
        form.addRow(self.tr("Key:"), self.key_value)
        form.addRow(self.tr("Fingerprint:"), self.fingerprint)
        self.ok_label = QLabel(self)
        self.ok_label.setObjectName("ok")
        self.ok_label.setWordWrap(True)
        self.ok_label.setStyleSheet(f"color: {OK_COLOUR};")
        self.details.setVisible(False)
        self.ok_label.setVisible(False)

        self.buttons = QDialogButtonBox(self)
        self.install_button = self.buttons.addButton(
            self.tr("&Install and close dvdesk"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.install_button.setObjectName("install")
        self.install_button.setEnabled(False)
        self.install_button.clicked.connect(self.install)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        offer_only_if(backend, Permission.MANAGE, self.choose_button, self.install_button)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(file_row)
        layout.addWidget(self.progress)
        layout.addWidget(self.error)
        layout.addWidget(self.details)
        layout.addWidget(self.ok_label)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.resize(640, 300)

    def _value(self, name: str) -> QLabel:
        label = QLabel(self.details)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    @property
    def busy(self) -> bool:
        return self.job is not None

    # --- checking ---------------------------------------------------------------------------

    def choose_file(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the installer"),
            str(last_folder(self._settings)),
            self.tr("Installers (*.exe);;All files (*)"),
        )
        if chosen:
            self._settings.setValue(KEY_FOLDER, str(Path(chosen).parent))
            self.check(Path(chosen))

    def check(self, installer: Path) -> None:
        """Verify `installer` (on the thread pool); `check_finished` tells when it is done."""
        if self.busy:
            return
        self.verified = None
        self.path_edit.setText(str(installer))
        self.error.show_message("")
        self.details.setVisible(False)
        self.ok_label.setVisible(False)
        self.install_button.setEnabled(False)
        db = self._backend.db

        def work(progress: Progress) -> updates.VerifiedUpdate:
            # In KiB: a signal's int is 32 bits, an installer may pass 2 GB.
            return updates.check_installer(
                db, installer, progress=lambda a, b: progress(a // 1024, b // 1024, installer)
            )

        job = ExchangeJob(work)
        self.job = job
        job.signals.progress.connect(self._on_progress)
        job.signals.done.connect(self._on_verified)
        job.signals.failed.connect(self._on_failed)
        self.choose_button.setEnabled(False)
        self.progress.setRange(0, 0)  # until the size is known: reading the signature
        self.progress.setVisible(True)
        job.start()

    def _on_progress(self, done: int, total: int, _path: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _finish(self) -> None:
        self.job = None
        self.progress.setVisible(False)
        self.choose_button.setEnabled(True)

    def _on_verified(self, result: updates.VerifiedUpdate) -> None:
        self._finish()
        self.verified = result
        self.version_value.setText(
            self.tr("{version} (this program: {running})").format(
                version=result.version, running=result.running_version
            )
        )
        self.signer_value.setText(f"{result.signer_name} ({result.signer_code})")
        self.signed_at_value.setText(audit.local_time(result.signed_at).strftime("%d/%m/%Y %H:%M"))
        self.size_value.setText(
            self.tr("{megabytes} MB ({bytes} bytes)").format(
                megabytes=f"{result.size / 1024 / 1024:.1f}", bytes=f"{result.size:,}"
            )
        )
        self.key_value.setText(result.sign_key_id)
        self.fingerprint.setText(fingerprint_lines(result.fingerprint))
        self.ok_label.setText(
            self.tr(
                "The office's signature is valid and the file is as it was signed. dvdesk "
                "closes and the installer starts from the checked copy:\n{path}"
            ).format(path=str(result.copy))
        )
        self.details.setVisible(True)
        self.ok_label.setVisible(True)
        self.install_button.setEnabled(True)
        self.install_button.setDefault(True)
        # Grow to show the details whole (the fingerprint is in large type), never shrink.
        hint = self.sizeHint()
        self.resize(max(self.width(), min(hint.width(), 900)), max(self.height(), hint.height()))
        self.check_finished.emit(result)

    def _on_failed(self, exc: BaseException) -> None:
        self._finish()
        self.check_finished.emit(exc)
        if not isinstance(exc, UserError):
            raise exc  # unexpected: the application's error handler logs and shows it
        name = Path(self.path_edit.text()).name
        self.error.show_message(
            self.tr("{file} is not installed.").format(file=name)
            + "\n"
            + exc.message(self._backend.lang)
        )

    # --- installing -------------------------------------------------------------------------

    def install(self) -> bool:
        """Start the verified copy and close; False (and said why) if it would not start."""
        if self.verified is None or self.busy:
            return False
        copy = self.verified.copy
        if not self.launch(copy):
            self.error.show_message(
                self.tr("The installer {path} could not be started.").format(path=str(copy))
            )
            return False
        self.launched = copy
        self.accept()
        return True

    def launch(self, path: Path) -> bool:
        """Run the installer on its own, outliving dvdesk (tests replace this to record it)."""
        started, _pid = QProcess.startDetached(str(path), [], str(path.parent))
        return bool(started)

    # --- closing ----------------------------------------------------------------------------

    def done(self, result: int) -> None:
        if self.busy:
            return  # the check finishes in seconds; its copy must not be left half made
        super().done(result)

    def shutdown(self) -> None:
        if self.job is not None:
            self.job.wait(60)

"""The screen lock: after some minutes without a key press or a mouse move (or on Ctrl+L), every
dvdesk window is covered by an opaque sheet and only the signed-in account's password uncovers
them. Used only once accounts are set up.

The sheet over the window in front (the main window, or a dialog left open on top of it: only
the front one takes input) holds the unlock form; the others are blank. Under the sheets the
main window's contents are hidden, its menu bar and every covered widget disabled, and
shortcuts outside the form swallowed, so nothing of the data shows and nothing can be done by
keyboard while locked. A dialog open when the lock engages stays open, its input kept.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dvdesk.ui.person_dialog import ErrorLabel

MINUTE_MS = 60_000
_INPUT = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
    }
)
_NOT_WINDOWS = (Qt.WindowType.Popup, Qt.WindowType.ToolTip)


class UnlockForm(QWidget):
    """ "dvdesk is locked", who is signed in, the password and Unlock."""

    def __init__(self, who: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unlock_form")
        title = QLabel(self.tr("dvdesk is locked"), self)
        title.setObjectName("lock_title")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.who = QLabel(who, self)
        self.who.setObjectName("lock_who")
        self.who.setWordWrap(True)
        self.who.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint = QLabel(self.tr("The data stays hidden until the password is typed again."), self)
        hint.setWordWrap(True)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.password = QLineEdit(self)
        self.password.setObjectName("lock_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Password"))
        self.password.setAccessibleName(self.tr("Password"))
        self.unlock_button = QPushButton(self.tr("&Unlock"), self)
        self.unlock_button.setObjectName("unlock_button")
        self.unlock_button.setDefault(True)
        self.error = ErrorLabel(self)
        self.error.setObjectName("lock_error")
        row = QHBoxLayout()
        row.addWidget(self.password, 1)
        row.addWidget(self.unlock_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.who)
        layout.addSpacing(8)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(hint)
        chars = self.fontMetrics().averageCharWidth()
        self.setFixedWidth(max(chars * 60, 320))


class _Cover(QWidget):
    """An opaque sheet over the whole of one window, following its size."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("lock_cover")
        self.setAutoFillBackground(True)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        # Stretches around the form rather than an alignment flag: an aligned item gets its
        # plain size hint, and the wrapped name in the form would be cut off.
        self._row = QHBoxLayout()
        self._row.addStretch(1)
        self._row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(self._row)
        layout.addStretch(1)
        self.setGeometry(window.rect())
        window.installEventFilter(self)
        self.raise_()
        self.show()

    def hold(self, form: UnlockForm) -> None:
        form.setParent(self)
        self._row.insertWidget(1, form)
        form.show()
        window = self.parentWidget()
        if window is not None:  # a small message box in front must still fit the form
            need = form.sizeHint()
            window.resize(
                max(window.width(), need.width() + 40), max(window.height(), need.height() + 40)
            )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.parentWidget().rect())
            self.raise_()
        return False


class IdleLock(QObject):
    """Locks `window` (and any dialog over it) after `minutes` without input (0: never), or on
    `lock()`. `check(password)` decides whether a password unlocks."""

    locked_changed = Signal(bool)

    def __init__(
        self, window: QMainWindow, check: Callable[[str], bool], who: str, minutes: int
    ) -> None:
        super().__init__(window)
        self._window = window
        self._check = check
        self._who = who
        self.locked = False
        self._covers: dict[QWidget, _Cover] = {}
        self._disabled: list[QWidget] = []
        self._central_shown = False
        self.form: UnlockForm | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        self.set_minutes(minutes)
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def set_minutes(self, minutes: int) -> None:
        self.minutes = max(0, int(minutes))
        self.set_interval(self.minutes * MINUTE_MS)

    def set_interval(self, ms: int) -> None:
        """The idle time in milliseconds (0: never); tests use a few."""
        self.timer.setInterval(ms)
        if ms > 0 and not self.locked:
            self.timer.start()
        else:
            self.timer.stop()

    def stop(self) -> None:
        """No more watching: the window is closing or being rebuilt."""
        self.timer.stop()
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    # --- watching the input ----------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if not self.locked:
            if kind in _INPUT and self.timer.interval() > 0:
                self.timer.start()
            return False
        if kind == QEvent.Type.Shortcut:
            return not self._in_form(watched)  # no menu entry or button by keyboard
        if kind == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow():
            QTimer.singleShot(0, self._cover_windows)  # a window opened while locked
        return False

    def _in_form(self, watched: QObject) -> bool:
        form = self.form
        return (
            isinstance(watched, QWidget)
            and form is not None
            and shiboken6.isValid(form)
            and (watched is form or form.isAncestorOf(watched))
        )

    # --- locking ---------------------------------------------------------------------------

    def lock(self) -> None:
        if self.locked:
            return
        self.locked = True
        self.timer.stop()
        while (popup := QApplication.activePopupWidget()) is not None:
            popup.close()
        central = self._window.centralWidget()
        self._central_shown = central is not None and not central.isHidden()
        if central is not None:
            central.hide()
        self._cover_windows()
        self.locked_changed.emit(True)

    def _cover_windows(self) -> None:
        if not self.locked:
            return
        for window in QApplication.topLevelWidgets():
            if window in self._covers or not window.isVisible():
                continue
            if window.windowType() in _NOT_WINDOWS:
                continue
            self._covers[window] = _Cover(window)
            for child in window.findChildren(
                QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly
            ):
                if child is not self._covers[window] and child.isEnabled() and not child.isWindow():
                    child.setEnabled(False)
                    self._disabled.append(child)
        self._place_form()

    def _place_form(self) -> None:
        """The form goes where input goes: the modal dialog in front, else the main window."""
        front = QApplication.activeModalWidget()
        cover = self._covers.get(front) if front is not None else None
        if cover is None:
            cover = self._covers.get(self._window)
        if cover is None:
            return
        if self.form is None or not shiboken6.isValid(self.form):
            self.form = UnlockForm(self._who)
            self.form.unlock_button.clicked.connect(self._try_unlock)
            self.form.password.returnPressed.connect(self._try_unlock)
        if self.form.parentWidget() is not cover:
            cover.hold(self.form)
        self.form.password.setFocus(Qt.FocusReason.OtherFocusReason)

    def _try_unlock(self) -> None:
        if self.form is not None:
            self.unlock(self.form.password.text())

    def unlock(self, password: str) -> bool:
        """Uncover everything if `password` is the signed-in account's; say so if not."""
        if not self.locked:
            return True
        if not self._check(password):
            if self.form is not None:
                self.form.password.clear()
                self.form.error.show_message(
                    self.tr("Wrong password: dvdesk stays locked. Type it again.")
                )
                self.form.password.setFocus()
            return False
        for child in self._disabled:
            if shiboken6.isValid(child):
                child.setEnabled(True)
        self._disabled.clear()
        for window, cover in self._covers.items():
            if shiboken6.isValid(window):
                window.removeEventFilter(cover)
            if shiboken6.isValid(cover):
                cover.hide()
                cover.deleteLater()
        self._covers.clear()
        self.form = None
        central = self._window.centralWidget()
        if central is not None and self._central_shown:
            central.show()
        self.locked = False
        if self.timer.interval() > 0:
            self.timer.start()
        self.locked_changed.emit(False)
        return True

"""Writing a file so that a crash, a power cut or a full disk never leaves half of it.

Every file dvdesk writes (PDFs, spreadsheets, exchange bundles, key files) goes through here,
the recipe of Qt's QSaveFile (reliability.md §3): the bytes go to a new file beside the target,
are forced to the disk, and only then is the new file renamed over the target. The rename is
atomic, so the target holds either its old content or all of the new, never a mix; on any
failure the temporary file is removed and the target is left as it was.

OS errors come out as `FileWriteError`, which names the file and says in both languages what
the user can do about it (free space, choose another folder, check the disk).
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import stat
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from dvdesk.domain.text import nfc

__all__ = ["FileWriteError", "atomic_path", "write_atomic"]

_FULL = {errno.ENOSPC, errno.EFBIG} | ({errno.EDQUOT} if hasattr(errno, "EDQUOT") else set())
_READ_ONLY = {errno.EROFS, errno.EACCES, errno.EPERM}
_NO_FOLDER = {errno.ENOENT, errno.ENOTDIR}

# Windows: a virus scanner or the search indexer briefly opens a file it sees created, and a
# rename over it fails with "access denied" meanwhile. A few short retries ride that out.
_REPLACE_TRIES = 5 if os.name == "nt" else 1
_REPLACE_PAUSE = 0.05


class FileWriteError(OSError):
    """A file that could not be written; `vi` and `en` say which and why, for the user."""

    def __init__(self, path: Path, cause: OSError) -> None:
        code = cause.errno or 0
        self.path = path
        self.detail = cause.strerror or str(cause)
        self.reason = _reason(code)
        self.vi, self.en = _messages(self.reason, path, self.detail)
        super().__init__(code, self.en, str(path))

    def __reduce__(self) -> tuple[type[FileWriteError], tuple[Path, OSError]]:
        # An OSError is rebuilt from its args (errno, text, file name), which are not ours.
        return type(self), (self.path, OSError(self.errno, self.detail))

    def message(self, lang: str = "vi") -> str:
        return self.vi if lang == "vi" else self.en

    def __str__(self) -> str:
        return self.en


def _reason(code: int) -> str:
    if code in _FULL:
        return "disk_full"
    if code in _READ_ONLY:
        return "read_only"
    if code in _NO_FOLDER:
        return "no_folder"
    if code == errno.EIO:
        return "io_error"
    return "other"


def _messages(reason: str, path: Path, detail: str) -> tuple[str, str]:
    head_vi, head_en = f"Không ghi được tệp «{path}»", f"Could not write «{path}»"
    folder = path.parent
    vi, en = {
        "disk_full": (
            "ổ đĩa đã đầy. Hãy giải phóng chỗ trống rồi thử lại.",
            "the disk is full. Free some space and try again.",
        ),
        "read_only": (
            "thư mục hoặc tệp chỉ cho phép đọc, hoặc tệp đang mở trong một chương trình khác. "
            "Hãy đóng tệp đó, hoặc chọn thư mục khác.",
            "the folder or the file is read-only, or the file is open in another program. "
            "Close it, or choose another folder.",
        ),
        "no_folder": (
            f"thư mục «{folder}» không tồn tại. Hãy chọn một thư mục có sẵn.",
            f"the folder «{folder}» does not exist. Choose an existing folder.",
        ),
        "io_error": (
            "ổ đĩa báo lỗi đọc ghi (ổ có thể bị hỏng hoặc đã bị rút ra). "
            "Hãy kiểm tra ổ đĩa rồi thử lại, hoặc ghi vào ổ khác.",
            "the disk reported an input/output error (it may be failing or was unplugged). "
            "Check the disk and try again, or write to another disk.",
        ),
        "other": (f"hệ điều hành báo lỗi: {detail}.", f"{detail}."),
    }[reason]
    return nfc(f"{head_vi}: {vi}"), nfc(f"{head_en}: {en}")


# Our temporary names (see _create_temp), and how old one must be to be a crash's leftover
# rather than another writer's file in progress.
_TEMP_NAME = re.compile(r"\..{0,40}\.[0-9a-f]{8}\.tmp(\.[^.]{0,16})?")
LEFTOVER_AGE = 3600.0


def sweep_leftovers(folder: Path, older_than: float = LEFTOVER_AGE) -> list[Path]:
    """Remove the temporary files that a crash or a kill left in `folder` (never a file at a
    final name: those were renamed whole). Returns what was removed."""
    removed: list[Path] = []
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not _TEMP_NAME.fullmatch(entry.name):
            continue
        with suppress(OSError):
            if entry.is_file() and now - entry.stat().st_mtime > older_than:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed


def write_atomic(path: Path, data: bytes) -> None:
    """Replace `path` with `data`, all or nothing, and make it survive a power cut.

    Should only the last step fail (syncing the folder after the rename), the new file is in
    place and the error is still raised: it might not survive a power cut."""
    target = Path(path)
    sweep_leftovers(target.parent)
    with _as_write_error(target):
        fd, tmp = _create_temp(target)
        with _removed_on_failure(tmp):
            try:
                _write_all(fd, data)
                os.fsync(fd)
            finally:
                os.close(fd)
            _replace(tmp, target)
        _sync_folder(target.parent)


@contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """A temporary path beside `path` for a library that saves to a path itself; renamed over
    `path` when the block ends without an error, removed when it raises."""
    target = Path(path)
    sweep_leftovers(target.parent)
    with _as_write_error(target):
        fd, tmp = _create_temp(target)
        os.close(fd)
        with _removed_on_failure(tmp):
            yield tmp
            _fsync_file(tmp)
            _replace(tmp, target)
        _sync_folder(target.parent)


@contextmanager
def _as_write_error(path: Path) -> Iterator[None]:
    try:
        yield
    except FileWriteError:
        raise
    except OSError as exc:
        raise FileWriteError(path, exc) from exc


@contextmanager
def _removed_on_failure(tmp: Path) -> Iterator[None]:
    try:
        yield
    except BaseException:
        with suppress(OSError):
            os.unlink(tmp)
        raise


def _create_temp(target: Path) -> tuple[int, Path]:
    """A new, empty file beside `target` (same folder, so the rename cannot cross disks), with
    the target's permissions when it exists. The name keeps the target's extension, for
    libraries that look at it, and starts with a dot, so it stays out of sight meanwhile."""
    mode = 0o666
    if target.exists():
        # As QSaveFile: a file the user made read-only is not replaced behind their back.
        if not os.access(target, os.W_OK):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(target))
        mode = stat.S_IMODE(target.stat().st_mode)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        tmp = target.with_name(f".{target.stem[:40]}.{secrets.token_hex(4)}.tmp{target.suffix}")
        try:
            return os.open(tmp, flags, mode), tmp
        except FileExistsError:
            continue  # another writer's temporary file: draw another name


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _replace(tmp: Path, target: Path) -> None:
    for attempt in range(_REPLACE_TRIES):
        try:
            os.replace(tmp, target)
            return
        except PermissionError:
            if attempt == _REPLACE_TRIES - 1:
                raise
            time.sleep(_REPLACE_PAUSE)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable: until the folder is on disk, a power cut can bring back
    the old file, or no file at all (ext4, XFS). Windows cannot open a folder for this, and
    NTFS journals the rename itself."""
    if os.name == "nt":
        return
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return  # a file system that will not open folders: it cannot sync them either
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EBADF):
            raise
    finally:
        os.close(fd)

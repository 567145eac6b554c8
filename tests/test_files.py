"""Atomic file writing: the target holds its old content or all of the new, never a mix, and a
failure leaves no temporary file behind and says in both languages what is wrong.

Failures are injected at each step by making the OS call raise, and for real: a folder the
process cannot write to, and a full disk (a file-size limit in a child process, under which
writes fail with EFBIG exactly as they fail with ENOSPC on a full disk)."""

from __future__ import annotations

import errno
import json
import os
import pickle
import shutil
import stat
import subprocess
import sys
import textwrap
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from dvdesk.files import FileWriteError, atomic_path, sweep_leftovers, write_atomic

OLD = b"old content, which must survive"
NEW = b"new content " * 1000


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.fixture
def target(tmp_path: Path) -> Path:
    path = tmp_path / "out" / "ket-qua.pdf"
    path.parent.mkdir()
    path.write_bytes(OLD)
    return path


def test_write_replaces_the_content_and_leaves_only_the_target(target: Path) -> None:
    write_atomic(target, NEW)
    assert target.read_bytes() == NEW
    assert _names(target.parent) == ["ket-qua.pdf"]


def test_write_creates_a_new_file(tmp_path: Path) -> None:
    path = tmp_path / "mới.dvb"
    write_atomic(path, b"")
    write_atomic(path, NEW)
    assert path.read_bytes() == NEW
    assert _names(tmp_path) == ["mới.dvb"]


def test_the_replaced_file_keeps_its_permissions(target: Path) -> None:
    target.chmod(0o640)
    write_atomic(target, NEW)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_atomic_path_renames_what_a_library_saved(target: Path) -> None:
    book_path = target.with_name("bao-cao.xlsx")
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet["A1"] = "Nguyễn Văn An"
    with atomic_path(book_path) as tmp:
        assert tmp.parent == book_path.parent and tmp.suffix == ".xlsx"
        book.save(tmp)
        assert not book_path.exists()  # nothing at the final name until the save is complete
    loaded = load_workbook(book_path).active
    assert loaded is not None and loaded["A1"].value == "Nguyễn Văn An"
    assert _names(target.parent) == ["bao-cao.xlsx", "ket-qua.pdf"]


# --- failures injected at each step -----------------------------------------------------------

ERRNOS = [errno.ENOSPC, errno.EIO, errno.EROFS]


def _failing(code: int) -> Callable[..., object]:
    def fail(*args: object, **kwargs: object) -> object:
        raise OSError(code, os.strerror(code))

    return fail


def _half_then_fail(code: int) -> Callable[[int, object], int]:
    """os.write that stores part of the data, then fails: how a disk fills up mid-write."""
    real = os.write
    calls = {"n": 0}

    def write(fd: int, data: object) -> int:
        if fd <= 2:  # the test runner's own output
            return real(fd, data)  # type: ignore[arg-type]
        calls["n"] += 1
        if calls["n"] > 1:
            raise OSError(code, os.strerror(code))
        return real(fd, memoryview(data)[:100])  # type: ignore[arg-type]

    return write


@pytest.mark.parametrize("code", ERRNOS)
@pytest.mark.parametrize("step", ["write", "fsync", "replace"])
@pytest.mark.parametrize("exists", [True, False], ids=["over-old", "new-file"])
def test_a_failed_step_leaves_the_target_as_it_was(
    target: Path, monkeypatch: pytest.MonkeyPatch, step: str, code: int, exists: bool
) -> None:
    path = target if exists else target.with_name("chua-co.pdf")
    if step == "write":
        monkeypatch.setattr(os, "write", _half_then_fail(code))
    else:
        monkeypatch.setattr(os, step, _failing(code))
    with pytest.raises(FileWriteError) as caught:
        write_atomic(path, NEW)
    monkeypatch.undo()
    assert caught.value.errno == code
    assert isinstance(caught.value.__cause__, OSError)
    assert target.read_bytes() == OLD
    assert path.exists() == exists
    assert _names(target.parent) == ["ket-qua.pdf"]


@pytest.mark.parametrize("code", ERRNOS)
def test_a_library_failing_mid_save_leaves_the_target(target: Path, code: int) -> None:
    with pytest.raises(FileWriteError) as caught, atomic_path(target) as tmp:
        tmp.write_bytes(NEW[:500])
        raise OSError(code, os.strerror(code))
    assert caught.value.errno == code
    assert target.read_bytes() == OLD
    assert _names(target.parent) == ["ket-qua.pdf"]


def test_a_library_error_passes_through_and_the_temporary_file_goes(target: Path) -> None:
    with pytest.raises(ValueError, match="bad cell"), atomic_path(target) as tmp:
        tmp.write_bytes(NEW)
        raise ValueError("bad cell")
    assert target.read_bytes() == OLD
    assert _names(target.parent) == ["ket-qua.pdf"]


def test_a_failed_sync_of_the_saved_file_leaves_the_target(
    target: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "fsync", _failing(errno.EIO))
    with pytest.raises(FileWriteError) as caught, atomic_path(target) as tmp:
        tmp.write_bytes(NEW)
    monkeypatch.undo()
    assert caught.value.reason == "io_error"
    assert target.read_bytes() == OLD
    assert _names(target.parent) == ["ket-qua.pdf"]


# --- what the user is told --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "reason", "vi", "en"),
    [
        (errno.ENOSPC, "disk_full", "ổ đĩa đã đầy", "the disk is full"),
        (errno.EDQUOT, "disk_full", "ổ đĩa đã đầy", "the disk is full"),
        (errno.EFBIG, "disk_full", "ổ đĩa đã đầy", "the disk is full"),
        (errno.EROFS, "read_only", "chỉ cho phép đọc", "read-only"),
        (errno.EACCES, "read_only", "chỉ cho phép đọc", "read-only"),
        (errno.EPERM, "read_only", "chỉ cho phép đọc", "read-only"),
        (errno.ENOENT, "no_folder", "không tồn tại", "does not exist"),
        (errno.EIO, "io_error", "lỗi đọc ghi", "input/output error"),
        (errno.ENAMETOOLONG, "other", "File name too long", "File name too long"),
    ],
)
def test_messages_name_the_file_and_the_trouble(
    tmp_path: Path, code: int, reason: str, vi: str, en: str
) -> None:
    path = tmp_path / unicodedata.normalize("NFD", "Quyết định.pdf")
    error = FileWriteError(path, OSError(code, os.strerror(code)))
    assert isinstance(error, OSError) and error.errno == code and error.reason == reason
    assert vi in error.vi and en in error.en
    assert error.vi.startswith("Không ghi được tệp «") and error.en.startswith("Could not write «")
    assert "Quyết định.pdf" in error.vi and "Quyết định.pdf" in error.en
    assert unicodedata.is_normalized("NFC", error.vi)
    assert error.message("vi") == error.vi and error.message("en") == error.en == str(error)
    copied = pickle.loads(pickle.dumps(error))  # as multiprocessing and copy.copy do
    assert (copied.vi, copied.en, copied.errno, copied.path) == (error.vi, error.en, code, path)


def test_a_missing_folder_is_named(tmp_path: Path) -> None:
    with pytest.raises(FileWriteError) as caught:
        write_atomic(tmp_path / "khong-co" / "x.pdf", NEW)
    assert caught.value.reason == "no_folder"
    assert f"«{tmp_path / 'khong-co'}» không tồn tại" in caught.value.vi


# --- real failures ----------------------------------------------------------------------------


def _can_create_in(folder: Path) -> bool:
    probe = folder / ".probe"
    try:
        probe.touch()
    except OSError:
        return False
    probe.unlink()
    return True


def _immutable(folder: Path, on: bool) -> bool:
    """chattr ±i: a folder not even root may add files to (ext4, XFS, btrfs)."""
    chattr = shutil.which("chattr")
    if chattr is None:
        return False
    done = subprocess.run([chattr, "+i" if on else "-i", str(folder)], capture_output=True)
    return done.returncode == 0


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder holding one file, that this process cannot write into.

    Mode 0o500 does it for a user. Root (the test containers) ignores mode bits, so there the
    folder is made immutable instead, which binds root too."""
    folder = tmp_path / "chi-doc"
    folder.mkdir()
    (folder / "ket-qua.pdf").write_bytes(OLD)
    folder.chmod(0o500)
    if _can_create_in(folder):
        folder.chmod(0o700)
        if not _immutable(folder, True):
            pytest.skip("root ignores chmod 0o500 and chattr +i is not available here")
        try:
            yield folder
        finally:
            _immutable(folder, False)
        return
    try:
        yield folder
    finally:
        folder.chmod(0o700)


@pytest.mark.parametrize("how", ["bytes", "library"])
def test_a_read_only_folder(read_only_folder: Path, how: str) -> None:
    path = read_only_folder / "ket-qua.pdf"
    with pytest.raises(FileWriteError) as caught:
        if how == "bytes":
            write_atomic(path, NEW)
        else:
            with atomic_path(path) as tmp:
                tmp.write_bytes(NEW)
    assert caught.value.reason == "read_only"
    assert "chỉ cho phép đọc" in caught.value.vi and str(path) in caught.value.vi
    assert path.read_bytes() == OLD
    assert _names(read_only_folder) == ["ket-qua.pdf"]


FULL_DISK_CHILD = textwrap.dedent(
    """
    import json, resource, signal, sys
    from pathlib import Path

    from openpyxl import Workbook

    from dvdesk.files import FileWriteError, atomic_path, write_atomic

    path, how, limit = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    book = Workbook()
    for row in range(400):
        book.active.append([f"{row} {n} Nguyễn Thị Hoa {row * n}" for n in range(20)])
    # Past the limit a write fails with EFBIG instead of killing the process (SIGXFSZ).
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    try:
        if how == "bytes":
            write_atomic(path, b"new content " * 10000)
        else:
            with atomic_path(path) as tmp:
                book.save(tmp)
    except FileWriteError as exc:
        print(json.dumps({"errno": exc.errno, "reason": exc.reason, "vi": exc.vi, "en": exc.en}))
        sys.exit(0)
    sys.exit("written past the limit")
    """
)


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
@pytest.mark.parametrize("how", ["bytes", "library"])
def test_a_full_disk_keeps_the_old_content(target: Path, how: str) -> None:
    done = subprocess.run(
        [sys.executable, "-c", FULL_DISK_CHILD, str(target), how, "16384"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["errno"] == errno.EFBIG and report["reason"] == "disk_full"
    assert "ổ đĩa đã đầy" in report["vi"] and "the disk is full" in report["en"]
    assert str(target) in report["vi"]
    assert target.read_bytes() == OLD
    assert _names(target.parent) == ["ket-qua.pdf"]


def test_the_temporary_files_a_crash_left_are_swept_at_the_next_write(tmp_path: Path) -> None:
    old = tmp_path / ".gửi lên.0a1b2c3d.tmp.dvb"  # a kill between create and rename
    fresh = tmp_path / ".báo cáo.9f8e7d6c.tmp.xlsx"  # another writer, still at work
    mine = tmp_path / ".ghi chú của tôi.tmp"  # not our name: never touched
    for path in (old, fresh, mine):
        path.write_bytes(b"half")
    two_hours_ago = os.stat(old).st_mtime - 7200
    os.utime(old, (two_hours_ago, two_hours_ago))
    os.utime(mine, (two_hours_ago, two_hours_ago))
    write_atomic(tmp_path / "gửi lên.dvb", b"whole")
    assert not old.exists() and fresh.exists() and mine.exists()
    assert (tmp_path / "gửi lên.dvb").read_bytes() == b"whole"
    assert sweep_leftovers(tmp_path, older_than=-1) == [fresh]

"""Whether the database folder is on a disk SQLite can trust.

SQLite's write-ahead log needs shared memory and working locks, which a network file system does
not give: "WAL does not work over a network filesystem" (sqlite.org/wal), and two machines on one
share corrupt the file. USB sticks and memory cards get pulled out mid-write, and cheap ones lie
about having stored what they were sent (sqlite.org/howtocorrupt §4). So the program warns when
it finds its database on either (reliability.md §3, "Local disk only").

Windows asks the drive's type; Linux reads the mount table and, for a disk, whether the kernel
marks it removable. Anything else, or anything that cannot be read, gives no warning.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable
from pathlib import Path, PureWindowsPath

__all__ = ["storage_kind", "storage_warning"]

NETWORK = "network"
REMOVABLE = "removable"

# File system types of network shares as /proc/self/mountinfo names them. "9p" is also how WSL 2
# shows the Windows drives, where SQLite's locking is unreliable too.
NETWORK_TYPES = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb3",
        "smbfs",
        "fuse.sshfs",
        "9p",
        "afs",
        "ceph",
        "glusterfs",
        "fuse.glusterfs",
        "davfs",
    }
)

MOUNTINFO = Path("/proc/self/mountinfo")
SYSFS = Path("/sys")

# GetDriveTypeW's answers (fileapi.h).
DRIVE_UNKNOWN = 0
DRIVE_REMOVABLE = 2
DRIVE_REMOTE = 4


def storage_warning(
    path: Path,
    *,
    system: str = sys.platform,
    mountinfo: str | None = None,
    sysfs: Path = SYSFS,
    drive_type: Callable[[str], int] | None = None,
) -> tuple[str, str] | None:
    """(Vietnamese, English) warning when `path` (the data folder, or the database in it) is on a
    network share or a removable drive; None on a local fixed disk or when it cannot be told.

    The keyword arguments stand in for the machine in tests: the platform, the text of
    /proc/self/mountinfo, the root of sysfs, and Windows' GetDriveTypeW."""
    kind = storage_kind(
        path, system=system, mountinfo=mountinfo, sysfs=sysfs, drive_type=drive_type
    )
    return None if kind is None else _warning(kind, path)


def storage_kind(
    path: Path,
    *,
    system: str = sys.platform,
    mountinfo: str | None = None,
    sysfs: Path = SYSFS,
    drive_type: Callable[[str], int] | None = None,
) -> str | None:
    """NETWORK, REMOVABLE, or None (local, or unknown)."""
    if system == "win32":
        return _windows_kind(str(path), drive_type or _get_drive_type)
    if system.startswith("linux"):
        if mountinfo is None:
            try:
                mountinfo = MOUNTINFO.read_text(encoding="utf-8", errors="replace")
            except OSError:
                return None
        return _linux_kind(os.path.realpath(path), mountinfo, sysfs)
    return None


def _warning(kind: str, path: Path) -> tuple[str, str]:
    move_vi = "Hãy chuyển thư mục dữ liệu sang ổ đĩa trong của máy này."
    move_en = "Move the data folder to this computer's own disk."
    if kind == NETWORK:
        return (
            f"Thư mục dữ liệu «{path}» nằm trên ổ mạng dùng chung. Trên ổ mạng, SQLite không giữ "
            f"được dữ liệu an toàn: thay đổi có thể bị mất hoặc tệp bị hỏng. {move_vi}",
            f"The data folder «{path}» is on a network share. SQLite cannot keep data safe "
            f"there: changes may be lost or the file damaged. {move_en}",
        )
    return (
        f"Thư mục dữ liệu «{path}» nằm trên ổ đĩa rời (USB, thẻ nhớ). Rút ổ ra khi chương trình "
        f"đang chạy, hoặc một ổ kém chất lượng, có thể làm hỏng dữ liệu. {move_vi}",
        f"The data folder «{path}» is on a removable drive (USB stick, memory card). Unplugging "
        f"it while dvdesk runs, or a poor-quality drive, can damage the data. {move_en}",
    )


# --- Windows -----------------------------------------------------------------------------------


def _windows_kind(path: str, drive_type: Callable[[str], int]) -> str | None:
    anchor = PureWindowsPath(os.path.abspath(path) if os.name == "nt" else path).anchor
    if _is_unc(anchor):
        return NETWORK
    if not anchor:
        return None
    kind = drive_type(anchor if anchor.endswith("\\") else anchor + "\\")
    return {DRIVE_REMOTE: NETWORK, DRIVE_REMOVABLE: REMOVABLE}.get(kind)


def _is_unc(anchor: str) -> bool:
    # \\server\share\ and \\?\UNC\server\share\ are shares; \\?\C:\ is a local drive letter.
    upper = anchor.upper()
    return upper.startswith("\\\\?\\UNC\\") or (
        anchor.startswith("\\\\") and not anchor.startswith(("\\\\?\\", "\\\\.\\"))
    )


def _get_drive_type(root: str) -> int:
    if sys.platform == "win32":
        import ctypes

        return int(ctypes.windll.kernel32.GetDriveTypeW(root))
    return DRIVE_UNKNOWN


# --- Linux -------------------------------------------------------------------------------------

_ESCAPE = re.compile(r"\\([0-7]{3})")


def _unescape(field: str) -> str:
    # The kernel writes space, tab, newline and backslash in paths as octal escapes (\040 …).
    return _ESCAPE.sub(lambda m: chr(int(m.group(1), 8)), field)


def _mount_of(path: str, mountinfo: str) -> tuple[str, str, str] | None:
    """(device "major:minor", file system type, source) of the mount holding `path`: the
    longest mount point above it, the later line winning when one is mounted over another."""
    best: tuple[str, str, str] | None = None
    best_len = -1
    for line in mountinfo.splitlines():
        fields = line.split()
        if "-" not in fields[6:]:
            continue
        dash = fields.index("-", 6)
        if len(fields) < dash + 3:
            continue
        point = _unescape(fields[4])
        if not _is_under(path, point) or len(point) < best_len:
            continue
        best, best_len = (fields[2], fields[dash + 1], _unescape(fields[dash + 2])), len(point)
    return best


def _is_under(path: str, point: str) -> bool:
    return point == "/" or path == point or path.startswith(point.rstrip("/") + "/")


def _linux_kind(path: str, mountinfo: str, sysfs: Path) -> str | None:
    mount = _mount_of(path, mountinfo)
    if mount is None:
        return None
    device, fs_type, source = mount
    if fs_type in NETWORK_TYPES:
        return NETWORK
    if source.startswith("/dev/") and _removable(device, source, sysfs):
        return REMOVABLE
    return None


def _removable(device: str, source: str, sysfs: Path) -> bool:
    """The kernel's removable flag of the disk (a partition has none of its own: its disk's
    counts), or a disk that hangs off a USB port, since USB hard disks report removable=0."""
    real = _device_folder(device, source, sysfs)
    if real is None:
        return False
    return _on_usb(real, sysfs) or any(_read_flag(f / "removable") for f in (real, real.parent))


def _device_folder(device: str, source: str, sysfs: Path) -> Path | None:
    # By number first: a source such as /dev/root or /dev/mapper/… names no sysfs entry. By
    # name second: btrfs and others report an anonymous device number.
    for entry in (sysfs / "dev" / "block" / device, sysfs / "class" / "block" / Path(source).name):
        try:
            return entry.resolve(strict=True)
        except OSError:
            continue
    return None


def _on_usb(real: Path, sysfs: Path) -> bool:
    try:
        parts = real.relative_to(sysfs.resolve()).parts
    except ValueError:
        return False
    return any(part.startswith("usb") for part in parts)


def _read_flag(flag: Path) -> bool:
    try:
        return flag.read_text(encoding="ascii").strip() == "1"
    except (OSError, UnicodeDecodeError):
        return False

"""Telling a network share or a removable drive from a local disk, for the startup warning.

The mount tables below are lines as Linux writes them in /proc/self/mountinfo; the removable
disk is a fake sysfs laid out as the kernel lays it out (a partition under its disk, reached
through /sys/dev/block/<major:minor> and /sys/class/block/<name>)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from dvdesk.db.location import (
    DRIVE_REMOTE,
    DRIVE_REMOVABLE,
    NETWORK,
    REMOVABLE,
    storage_kind,
    storage_warning,
)

MOUNTINFO = """\
22 27 0:21 / /proc rw,relatime shared:12 - proc proc rw
27 1 254:1 / / rw,relatime shared:1 - ext4 /dev/vda1 rw,errors=remount-ro
40 27 0:45 / /home/thu\\040ky/Office rw,relatime shared:30 - nfs4 nas:/export/office rw,vers=4.2
41 27 0:46 / /mnt/share rw,relatime shared:31 - cifs //server/dangvu rw,vers=3.1.1
42 27 8:17 / /media/usb rw,nosuid,nodev,relatime shared:32 - vfat /dev/sdb1 rw,fmask=0022
43 27 8:33 / /media/disk rw,relatime shared:33 - ext4 /dev/sdc1 rw
44 41 254:1 /srv /mnt/share/local rw,relatime shared:34 - ext4 /dev/vda1 rw
"""


def _disk(sysfs: Path, bus: str, disk: str, major_minor: str, removable: str) -> None:
    """A disk with one partition, as the kernel shows it in sysfs."""
    folder = sysfs / "devices" / bus / "block" / disk
    (folder / f"{disk}1").mkdir(parents=True)
    (folder / "removable").write_text(f"{removable}\n")
    (sysfs / "dev" / "block").mkdir(parents=True, exist_ok=True)
    (sysfs / "class" / "block").mkdir(parents=True, exist_ok=True)
    (sysfs / "dev" / "block" / major_minor).symlink_to(folder / f"{disk}1")
    (sysfs / "class" / "block" / f"{disk}1").symlink_to(folder / f"{disk}1")


@pytest.fixture
def sysfs(tmp_path: Path) -> Path:
    root = tmp_path / "sys"
    _disk(root, "pci0000:00/0000:00:1f.2/ata2/host1", "sdb", "8:17", "1")  # a card reader
    _disk(root, "pci0000:00/0000:00:1f.2/ata3/host2", "sdc", "8:33", "0")  # a second SATA disk
    return root


def _kind(path: str, sysfs: Path, mountinfo: str = MOUNTINFO) -> str | None:
    return storage_kind(Path(path), system="linux", mountinfo=mountinfo, sysfs=sysfs)


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/home/thu ky/Office/dvdesk", NETWORK),  # nfs4, its mount point escaped (\040)
        ("/mnt/share/dvdesk", NETWORK),  # cifs
        ("/mnt/share/local/dvdesk", None),  # a local folder mounted inside the share
        ("/mnt/shared/dvdesk", None),  # a sibling of the share, not under it
        ("/media/usb/dvdesk", REMOVABLE),  # vfat on a disk with removable=1
        ("/media/disk/dvdesk", None),  # a second fixed disk
        ("/home/thu/.local/share/dvdesk", None),  # ext4 root
    ],
)
def test_linux_mounts(path: str, kind: str | None, sysfs: Path) -> None:
    assert _kind(path, sysfs) == kind


def test_a_usb_hard_disk_is_removable_though_it_says_not(tmp_path: Path) -> None:
    # USB enclosures report removable=0; the disk hanging off a USB port gives it away.
    root = tmp_path / "sys"
    _disk(root, "pci0000:00/0000:00:14.0/usb2/2-1/2-1:1.0/host6", "sdd", "8:49", "0")
    table = "50 1 8:49 / /media/backup rw - exfat /dev/sdd1 rw\n"
    root_line = "1 0 254:1 / / rw - ext4 /dev/vda1 rw\n"
    assert _kind("/media/backup/dvdesk", root, root_line + table) == REMOVABLE
    assert _kind("/srv/dvdesk", root, root_line + table) is None


def test_a_device_found_by_name_when_its_number_is_anonymous(sysfs: Path) -> None:
    # btrfs reports an anonymous device number (0:NN); the source names the partition.
    table = "1 0 0:33 / / rw - btrfs /dev/sdb1 rw\n"
    assert _kind("/home/dvdesk", sysfs, table) == REMOVABLE


def test_the_later_of_two_mounts_on_one_point_wins(sysfs: Path) -> None:
    table = MOUNTINFO + "60 27 0:50 / /mnt/share rw - tmpfs tmpfs rw\n"
    assert _kind("/mnt/share/dvdesk", sysfs, table) is None


def test_an_unreadable_table_warns_of_nothing(sysfs: Path) -> None:
    assert _kind("/home/dvdesk", sysfs, "garbage\n\n1 2 3\n") is None


def test_warning_names_the_folder_in_both_languages(sysfs: Path) -> None:
    folder = Path("/mnt/share/dvdesk")
    warning = storage_warning(folder, system="linux", mountinfo=MOUNTINFO, sysfs=sysfs)
    assert warning is not None
    vi, en = warning
    assert str(folder) in vi and str(folder) in en
    assert "ổ mạng" in vi and "network share" in en
    assert unicodedata.is_normalized("NFC", vi)
    usb = storage_warning(
        Path("/media/usb/dvdesk"), system="linux", mountinfo=MOUNTINFO, sysfs=sysfs
    )
    assert usb is not None and "ổ đĩa rời" in usb[0] and "removable drive" in usb[1]
    local = storage_warning(Path("/srv/x"), system="linux", mountinfo=MOUNTINFO, sysfs=sysfs)
    assert local is None


@pytest.mark.parametrize(
    ("path", "drive", "kind"),
    [
        ("\\\\server\\dangvu\\dvdesk", None, NETWORK),  # a UNC path: no drive to ask
        ("\\\\?\\UNC\\server\\dangvu\\dvdesk", None, NETWORK),
        ("Z:\\dvdesk", DRIVE_REMOTE, NETWORK),  # a mapped network drive
        ("E:\\dvdesk", DRIVE_REMOVABLE, REMOVABLE),
        ("C:\\Users\\thu\\AppData\\Local\\dvdesk", 3, None),  # DRIVE_FIXED
    ],
)
def test_windows_drive_types(path: str, drive: int | None, kind: str | None) -> None:
    asked: list[str] = []

    def drive_type(root: str) -> int:
        asked.append(root)
        assert drive is not None, "a UNC path needs no question"
        return drive

    assert storage_kind(Path(path), system="win32", drive_type=drive_type) == kind
    assert asked == ([] if drive is None else [path[:3]])


def test_other_systems_warn_of_nothing() -> None:
    assert storage_kind(Path("/Volumes/USB/dvdesk"), system="darwin") is None


def test_this_machines_temporary_folder_is_local(tmp_path: Path) -> None:
    assert storage_warning(tmp_path) is None

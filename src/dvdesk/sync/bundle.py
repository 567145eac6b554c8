"""The bundle file (.dvb) that carries records between a cell and the office above.

Layout::

    DVDESK-BUNDLE\\n
    {"format_version":1,"payload_bytes":N,"recipient_key_id":"…","suite":"…"}\\n
    HPKE ciphertext (N bytes) of the inner ZIP, info = b"dvdesk-bundle/v1|" + header line

The header is readable without a key (so the importer can tell "this file is for another unit"
before asking for a passphrase) and is bound to the ciphertext through HPKE's `info`, so changing
it makes decryption fail. The inner ZIP holds ``manifest.json`` (canonical JSON), ``manifest.sig``
(Ed25519 over the exact manifest bytes) and the data files the manifest lists with their SHA-256
and size. Signing happens inside the encryption: the signer is hidden from anyone but the
recipient.

`read_bundle` checks everything, in a fixed order, before returning anything; each refusal is a
`BundleError` with a stable code and a message in Vietnamese and English. Nothing else escapes.
"""

from __future__ import annotations

import hashlib
import io
import json
import math
import re
import struct
import unicodedata
import uuid
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, TypeGuard

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.hpke import AEAD, KDF, KEM, Suite
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from dvdesk.sync.errors import BundleError, make
from dvdesk.sync.keys import canonical_json, key_id

__all__ = [
    "FORMAT",
    "FORMAT_VERSION",
    "KINDS",
    "MAGIC",
    "MAX_BUNDLE_BYTES",
    "MAX_DEPTH",
    "MAX_ENTRIES",
    "MAX_ENTRY_BYTES",
    "MAX_FIELD_CHARS",
    "MAX_RATIO",
    "MAX_RECORD_BYTES",
    "MAX_TOTAL_BYTES",
    "SUITE_NAME",
    "BundleError",
    "FileEntry",
    "Header",
    "Manifest",
    "OpenedBundle",
    "dump_records",
    "parse_audit",
    "parse_records",
    "peek",
    "read_bundle",
    "write_bundle",
]

MAGIC = b"DVDESK-BUNDLE\n"
FORMAT = "dvdesk-bundle"
FORMAT_VERSION = 1
SUITE_NAME = "X25519-HKDF-SHA256-CHACHA20POLY1305"
INFO_PREFIX = b"dvdesk-bundle/v1|"
KINDS = ("delta", "snapshot", "receipt", "directive")
MANIFEST_NAME = "manifest.json"
SIGNATURE_NAME = "manifest.sig"

# --- limits -----------------------------------------------------------------------------------
MAX_BUNDLE_BYTES = 512 * 1024 * 1024  # the whole .dvb file
MAX_HEADER_BYTES = 4096  # the clear JSON header line
MAX_ENTRIES = 64  # members of the inner ZIP
MAX_CENTRAL_DIR_BYTES = 1024 * 1024  # checked before zipfile builds its member list
MAX_ENTRY_BYTES = 256 * 1024 * 1024  # one member, uncompressed
MAX_TOTAL_BYTES = 512 * 1024 * 1024  # all members, uncompressed
MAX_RATIO = 200  # uncompressed / compressed, for members over RATIO_FLOOR_BYTES
RATIO_FLOOR_BYTES = 1024 * 1024
MAX_MANIFEST_BYTES = 1024 * 1024
MAX_NAME_CHARS = 200
MAX_FIELD_CHARS = 20_000  # one string in a record
MAX_RECORD_BYTES = 1024 * 1024  # one line of records.jsonl
MAX_DEPTH = 8  # record object = 1, its "data" = 2, …

_SUITE = Suite(KEM.X25519, KDF.HKDF_SHA256, AEAD.CHACHA20_POLY1305)
_HPKE_OVERHEAD = 32 + 16  # encapsulated key + tag
_READ_CHUNK = 1024 * 1024
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_NAME_PART = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*\Z")
_HEX64 = re.compile(r"[0-9a-f]{64}\Z")
_HEX16 = re.compile(r"[0-9a-f]{16}\Z")

_MESSAGES: dict[str, tuple[str, str]] = {
    "too_large": (
        "Tệp gói dữ liệu quá lớn ({size} byte; tối đa {max} byte).",
        "The bundle file is too large ({size} bytes; at most {max}).",
    ),
    "not_bundle": (
        "Tệp này không phải là gói dữ liệu dvdesk (.dvb).",
        "This file is not a dvdesk bundle (.dvb).",
    ),
    "bad_header": (
        "Phần đầu của gói dữ liệu bị hỏng hoặc không đọc được ({detail_vi}).",
        "The bundle header is damaged or unreadable ({detail_en}).",
    ),
    "future_format": (
        "Gói dữ liệu dùng định dạng phiên bản {version}, mới hơn phiên bản chương trình này hỗ trợ"
        " ({max}); hãy cập nhật dvdesk.",
        "The bundle uses format version {version}, newer than this program supports ({max});"
        " update dvdesk.",
    ),
    "unsupported_suite": (
        "Gói dữ liệu dùng phương pháp mã hóa «{suite}» mà chương trình này không hỗ trợ.",
        "The bundle uses the encryption suite '{suite}', which this program does not support.",
    ),
    "truncated": (
        "Gói dữ liệu bị cắt cụt, thiếu phần cuối (có thể chép chưa xong); hãy chép lại tệp.",
        "The bundle is truncated, its end is missing (perhaps an unfinished copy); copy it again.",
    ),
    "trailing_data": (
        "Gói dữ liệu có dữ liệu lạ ở cuối tệp: tệp đã bị sửa đổi hoặc hỏng.",
        "The bundle has unexpected data at its end: the file was altered or is corrupt.",
    ),
    "wrong_recipient": (
        "Gói dữ liệu này được gửi cho đơn vị khác (mã khóa {kid}), không phải cho đơn vị này"
        " (mã khóa {own}).",
        "This bundle is addressed to another unit (key id {kid}), not to this one (key id {own}).",
    ),
    "decrypt_failed": (
        "Không giải mã được gói dữ liệu: tệp đã bị sửa đổi hoặc bị hỏng.",
        "The bundle cannot be decrypted: the file was altered or is corrupt.",
    ),
    "bad_zip": (
        "Nội dung bên trong gói dữ liệu bị hỏng, không phải tệp ZIP hợp lệ ({detail_vi}).",
        "The bundle's content is corrupt, not a valid ZIP ({detail_en}).",
    ),
    "unsafe_path": (
        "Gói dữ liệu chứa tệp có đường dẫn không an toàn: «{name}».",
        "The bundle holds a file with an unsafe path: '{name}'.",
    ),
    "duplicate_entry": (
        "Gói dữ liệu chứa hai tệp trùng tên «{name}».",
        "The bundle holds two files named '{name}'.",
    ),
    "too_many_entries": (
        "Gói dữ liệu chứa quá nhiều tệp ({count}; tối đa {max}).",
        "The bundle holds too many files ({count}; at most {max}).",
    ),
    "zip_bomb": (
        "Tệp «{name}» trong gói dữ liệu có kích thước giải nén bất thường ({detail_vi}):"
        " nghi là bom nén, đã từ chối.",
        "The file '{name}' in the bundle has an abnormal uncompressed size ({detail_en}):"
        " a suspected zip bomb, refused.",
    ),
    "missing_manifest": (
        "Gói dữ liệu thiếu bản kê khai (manifest.json).",
        "The bundle has no manifest (manifest.json).",
    ),
    "missing_signature": (
        "Gói dữ liệu thiếu chữ ký (manifest.sig).",
        "The bundle has no signature (manifest.sig).",
    ),
    "bad_manifest": (
        "Bản kê khai của gói dữ liệu không hợp lệ: {detail_vi}.",
        "The bundle's manifest is not valid: {detail_en}.",
    ),
    "unknown_kind": (
        "Loại gói dữ liệu «{kind}» không được hỗ trợ.",
        "The bundle kind '{kind}' is not supported.",
    ),
    "bad_seq": (
        "Số thứ tự của gói dữ liệu không hợp lệ ({seq}); phải từ 1 trở lên.",
        "The bundle's sequence number is invalid ({seq}); it must be 1 or more.",
    ),
    "wrong_destination": (
        "Gói dữ liệu này gửi cho đơn vị «{dest}», không phải đơn vị này («{own}»).",
        "This bundle is addressed to unit '{dest}', not to this unit ('{own}').",
    ),
    "unknown_sender": (
        "Không nhận ra đơn vị gửi «{source}»: đơn vị chưa được đăng ký khóa hoặc khóa đã bị"
        " thu hồi.",
        "Unknown sender '{source}': the unit has no registered key or its key was revoked.",
    ),
    "bad_signature": (
        "Chữ ký của gói dữ liệu không hợp lệ: gói đã bị sửa đổi hoặc không do đơn vị «{source}»"
        " ký.",
        "The bundle's signature is invalid: it was altered or not signed by unit '{source}'.",
    ),
    "schema_too_new": (
        "Gói dữ liệu dùng cấu trúc dữ liệu phiên bản {schema}, mới hơn chương trình này ({max});"
        " hãy cập nhật dvdesk.",
        "The bundle uses data schema {schema}, newer than this program's ({max}); update dvdesk.",
    ),
    "missing_file": (
        "Gói dữ liệu thiếu tệp «{name}» đã ghi trong bản kê khai.",
        "The bundle lacks the file '{name}' listed in its manifest.",
    ),
    "extra_file": (
        "Gói dữ liệu chứa tệp «{name}» không có trong bản kê khai.",
        "The bundle holds a file '{name}' that its manifest does not list.",
    ),
    "size_mismatch": (
        "Kích thước tệp «{name}» ({actual} byte) không khớp với bản kê khai ({expected} byte).",
        "The size of '{name}' ({actual} bytes) does not match the manifest ({expected} bytes).",
    ),
    "hash_mismatch": (
        "Mã băm SHA-256 của tệp «{name}» không khớp với bản kê khai: tệp đã bị sửa đổi.",
        "The SHA-256 of '{name}' does not match the manifest: the file was altered.",
    ),
    "count_mismatch": (
        "Số bản ghi trong tệp «{name}» ({actual}) không khớp với bản kê khai ({expected}).",
        "The number of records in '{name}' ({actual}) does not match the manifest ({expected}).",
    ),
    "malformed_json": (
        "Dòng {line} của tệp dữ liệu không phải JSON hợp lệ ({detail_vi}).",
        "Line {line} of the data file is not valid JSON ({detail_en}).",
    ),
    "oversized_field": (
        "Dòng {line} của tệp dữ liệu: {detail_vi}.",
        "Line {line} of the data file: {detail_en}.",
    ),
    "too_deep": (
        "Dòng {line} của tệp dữ liệu: dữ liệu lồng nhau quá sâu (tối đa {max} tầng).",
        "Line {line} of the data file: the data is nested too deeply (at most {max} levels).",
    ),
    "bad_record": (
        "Dòng {line} của tệp dữ liệu: bản ghi không hợp lệ ({detail_vi}).",
        "Line {line} of the data file: invalid record ({detail_en}).",
    ),
}


def _error(code: str, **kw: Any) -> BundleError:
    return make(BundleError, _MESSAGES, code, **kw)


# --- data types -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Header:
    """The clear header of a bundle, readable without any key."""

    format_version: int
    recipient_key_id: str
    suite: str
    payload_bytes: int
    line: bytes  # the exact header line (without its newline), bound into the HPKE info
    offset: int  # where the ciphertext starts


@dataclass(frozen=True)
class FileEntry:
    name: str
    sha256: str
    size: int
    records: int | None = None


@dataclass(frozen=True)
class Manifest:
    format: str
    format_version: int
    schema_version: str
    app_version: str
    bundle_id: str
    kind: str
    source_unit: str
    dest_unit: str
    seq: int
    ack_upto: int
    created_at: str
    signer_key_id: str
    files: tuple[FileEntry, ...]
    counts: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": self.format,
            "format_version": self.format_version,
            "schema_version": self.schema_version,
            "app_version": self.app_version,
            "bundle_id": self.bundle_id,
            "kind": self.kind,
            "source_unit": self.source_unit,
            "dest_unit": self.dest_unit,
            "seq": self.seq,
            "ack_upto": self.ack_upto,
            "created_at": self.created_at,
            "signer_key_id": self.signer_key_id,
            "files": [
                {"name": f.name, "sha256": f.sha256, "size": f.size, "records": f.records}
                for f in self.files
            ],
            "counts": dict(self.counts),
        }


@dataclass(frozen=True)
class OpenedBundle:
    manifest: Manifest
    files: dict[str, bytes]
    header: Header | None = None
    sha256: str = ""  # of the whole .dvb file, for the ledger and the archive


# --- helpers ----------------------------------------------------------------------------------


def _raw(key: X25519PublicKey | Ed25519PublicKey) -> bytes:
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


def _safe_name(name: str) -> bool:
    """Relative, forward slashes, at most two levels, plain ASCII parts, no dot-dot."""
    if not name or len(name) > MAX_NAME_CHARS:
        return False
    parts = name.split("/")
    return len(parts) <= 2 and all(_NAME_PART.match(p) and ".." not in p for p in parts)


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(f"duplicate key {key!r}")
        out[key] = value
    return out


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError("number out of range")
    return value


def _reject_constant(text: str) -> Any:
    raise ValueError(f"{text} is not allowed")


def _loads(text: str) -> Any:
    return json.loads(
        text,
        object_pairs_hook=_no_duplicates,
        parse_float=_finite_float,
        parse_constant=_reject_constant,
    )


def _is_int(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _schema_newer(schema: str, maximum: str) -> bool:
    if schema.isdigit() and maximum.isdigit():
        return int(schema) > int(maximum)
    return schema > maximum


# --- writing ----------------------------------------------------------------------------------


def write_bundle(
    *,
    kind: str,
    schema_version: str,
    app_version: str,
    source_unit: str,
    dest_unit: str,
    seq: int,
    ack_upto: int,
    files: Mapping[str, bytes],
    record_counts: Mapping[str, int | Mapping[str, int]] | None = None,
    counts: Mapping[str, int],
    signer: Ed25519PrivateKey,
    recipient: X25519PublicKey,
    bundle_id: str | None = None,
    created_at: str | None = None,
) -> bytes:
    """Sign a manifest of `files`, zip, and encrypt the lot to `recipient`; the .dvb bytes.

    `record_counts` maps a file name to its number of records (lines of a .jsonl), or to
    {entity: number} whose sum is that number; the reader checks it. `counts` maps an entity
    to its number of records, for the import summary. Programming errors (unknown kind,
    unsafe names, seq < 1) raise ValueError.
    """
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}, not {kind!r}")
    if not _is_int(seq) or seq < 1 or not _is_int(ack_upto) or ack_upto < 0:
        raise ValueError("seq must be ≥ 1 and ack_upto ≥ 0")
    if len(files) > MAX_ENTRIES - 2:
        raise ValueError(f"at most {MAX_ENTRIES - 2} files")
    for name, content in files.items():
        if not _safe_name(name) or name in (MANIFEST_NAME, SIGNATURE_NAME):
            raise ValueError(f"unsafe or reserved file name {name!r}")
        if len(content) > MAX_ENTRY_BYTES:
            raise ValueError(f"{name} is over {MAX_ENTRY_BYTES} bytes")
    per_file: dict[str, int] = {}
    for name, value in (record_counts or {}).items():
        per_file[name] = value if isinstance(value, int) else sum(value.values())
    names = sorted(files)
    manifest = Manifest(
        format=FORMAT,
        format_version=FORMAT_VERSION,
        schema_version=schema_version,
        app_version=app_version,
        bundle_id=bundle_id or str(uuid.uuid4()),
        kind=kind,
        source_unit=source_unit,
        dest_unit=dest_unit,
        seq=seq,
        ack_upto=ack_upto,
        created_at=created_at or datetime.now(UTC).isoformat(timespec="seconds"),
        signer_key_id=key_id(_raw(signer.public_key())),
        files=tuple(
            FileEntry(
                name=n,
                sha256=hashlib.sha256(files[n]).hexdigest(),
                size=len(files[n]),
                records=per_file.get(n),
            )
            for n in names
        ),
        counts=dict(counts),
    )
    manifest_bytes = canonical_json(manifest.to_dict())
    members = [(MANIFEST_NAME, manifest_bytes), (SIGNATURE_NAME, signer.sign(manifest_bytes))]
    members += [(n, bytes(files[n])) for n in names]
    return seal(pack_zip(members), recipient)


def pack_zip(members: Iterable[tuple[str, bytes]]) -> bytes:
    """A deterministic deflated ZIP of (name, content) pairs, in the given order."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, content in members:
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, content)
    return buffer.getvalue()


def header_line(recipient_key_id: str, payload_bytes: int) -> bytes:
    return canonical_json(
        {
            "format_version": FORMAT_VERSION,
            "payload_bytes": payload_bytes,
            "recipient_key_id": recipient_key_id,
            "suite": SUITE_NAME,
        }
    )


def seal(inner: bytes, recipient: X25519PublicKey) -> bytes:
    """Wrap an inner ZIP: magic, clear header, HPKE ciphertext bound to the header."""
    line = header_line(key_id(_raw(recipient)), len(inner) + _HPKE_OVERHEAD)
    ciphertext = _SUITE.encrypt(inner, recipient, info=INFO_PREFIX + line)
    assert len(ciphertext) == len(inner) + _HPKE_OVERHEAD
    return MAGIC + line + b"\n" + ciphertext


# --- reading: outer layer ---------------------------------------------------------------------


def _bad_header(vi: str, en: str) -> BundleError:
    return _error("bad_header", detail_vi=vi, detail_en=en)


def peek(data: bytes) -> Header:
    """The clear header (format version, recipient key id) without decrypting anything."""
    if len(data) > MAX_BUNDLE_BYTES:
        raise _error("too_large", size=len(data), max=MAX_BUNDLE_BYTES)
    if not data.startswith(MAGIC):
        if MAGIC.startswith(data):
            raise _error("truncated")
        raise _error("not_bundle")
    end = data.find(b"\n", len(MAGIC), len(MAGIC) + MAX_HEADER_BYTES + 1)
    if end < 0:
        if len(data) - len(MAGIC) <= MAX_HEADER_BYTES:
            raise _error("truncated")
        raise _bad_header("phần đầu quá dài", "the header is too long")
    line = data[len(MAGIC) : end]
    try:
        header = _loads(line.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise _bad_header("không phải JSON hợp lệ", "not valid JSON") from None
    if not isinstance(header, dict):
        raise _bad_header("không phải đối tượng JSON", "not a JSON object")
    version = header.get("format_version")
    if not _is_int(version) or version < 1:
        raise _bad_header("phiên bản định dạng không hợp lệ", "invalid format version")
    if version > FORMAT_VERSION:
        raise _error("future_format", version=version, max=FORMAT_VERSION)
    suite = header.get("suite")
    if suite != SUITE_NAME:
        raise _error("unsupported_suite", suite=str(suite)[:80])
    kid = header.get("recipient_key_id")
    if not isinstance(kid, str) or not _HEX16.match(kid):
        raise _bad_header("mã khóa người nhận không hợp lệ", "invalid recipient key id")
    size = header.get("payload_bytes")
    if not _is_int(size) or size < _HPKE_OVERHEAD:
        raise _bad_header("kích thước không hợp lệ", "invalid payload size")
    return Header(
        format_version=version,
        recipient_key_id=kid,
        suite=suite,
        payload_bytes=size,
        line=line,
        offset=end + 1,
    )


# --- reading: the inner ZIP -------------------------------------------------------------------


def _bad_zip(vi: str, en: str) -> BundleError:
    return _error("bad_zip", detail_vi=vi, detail_en=en)


def _check_central_directory(inner: bytes) -> None:
    """Bound the central directory before zipfile turns it into objects (same search as zipfile:
    an end record without comment at the very end, else the last one in the final 64 KiB)."""
    if len(inner) < 22:
        raise _bad_zip("quá ngắn", "too short")
    if inner[-22:-18] == b"PK\x05\x06" and inner[-2:] == b"\x00\x00":
        pos = len(inner) - 22
    else:
        pos = inner.rfind(b"PK\x05\x06", max(len(inner) - 65536 - 22, 0))
        if pos < 0:
            raise _bad_zip("không thấy mục lục", "no end of central directory")
    if pos + 22 > len(inner):
        raise _bad_zip("mục lục bị cắt", "truncated end of central directory")
    if pos >= 20 and inner[pos - 20 : pos - 16] == b"PK\x06\x07":
        raise _bad_zip("định dạng ZIP64 không được hỗ trợ", "ZIP64 is not supported")
    count, cd_size = struct.unpack("<HI", inner[pos + 10 : pos + 16])
    if count > MAX_ENTRIES:
        raise _error("too_many_entries", count=count, max=MAX_ENTRIES)
    if cd_size > MAX_CENTRAL_DIR_BYTES:
        raise _error("too_many_entries", count=f"> {count}", max=MAX_ENTRIES)


def _bomb(name: str, vi: str, en: str) -> BundleError:
    return _error("zip_bomb", name=name, detail_vi=vi, detail_en=en)


def _read_zip(inner: bytes) -> dict[str, bytes]:
    _check_central_directory(inner)
    try:
        zf = zipfile.ZipFile(io.BytesIO(inner))
        infos = zf.infolist()
    except Exception as exc:  # zipfile raises many kinds on hostile input
        raise _bad_zip("không mở được", f"cannot open: {type(exc).__name__}") from None
    if len(infos) > MAX_ENTRIES:
        raise _error("too_many_entries", count=len(infos), max=MAX_ENTRIES)
    seen: set[str] = set()
    declared_total = 0
    for info in infos:
        for name in {info.filename, info.orig_filename}:
            if not _safe_name(name):
                raise _error("unsafe_path", name=name[:MAX_NAME_CHARS])
        folded = unicodedata.normalize("NFC", info.filename).casefold()
        if folded in seen:
            raise _error("duplicate_entry", name=info.filename)
        seen.add(folded)
    for info in infos:
        name = info.filename
        if info.flag_bits & 0x1:
            raise _bad_zip(f"tệp «{name}» bị mã hóa", f"'{name}' is encrypted")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise _bad_zip(f"tệp «{name}» dùng kiểu nén lạ", f"'{name}' uses an unknown method")
        if info.file_size > MAX_ENTRY_BYTES:
            raise _bomb(
                name,
                f"{info.file_size} byte, tối đa {MAX_ENTRY_BYTES}",
                f"{info.file_size} bytes, at most {MAX_ENTRY_BYTES}",
            )
        if info.file_size > RATIO_FLOOR_BYTES and info.file_size > MAX_RATIO * max(
            info.compress_size, 1
        ):
            raise _bomb(
                name,
                f"tỉ lệ nén vượt quá {MAX_RATIO} lần",
                f"compression ratio over {MAX_RATIO}",
            )
        declared_total += info.file_size
        if declared_total > MAX_TOTAL_BYTES:
            raise _bomb(
                name,
                f"tổng cộng vượt quá {MAX_TOTAL_BYTES} byte",
                f"total over {MAX_TOTAL_BYTES} bytes",
            )
    out: dict[str, bytes] = {}
    actual_total = 0
    for info in infos:
        name = info.filename
        chunks: list[bytes] = []
        got = 0
        try:
            with zf.open(info) as member:
                while True:
                    chunk = member.read(min(_READ_CHUNK, info.file_size + 1 - got))
                    if not chunk:
                        break
                    got += len(chunk)
                    actual_total += len(chunk)
                    if got > info.file_size or actual_total > MAX_TOTAL_BYTES:
                        raise _bomb(
                            name,
                            "nhiều hơn kích thước đã khai",
                            "more bytes than declared",
                        )
                    chunks.append(chunk)
                    if got == info.file_size:
                        # Reading on to EOF makes zipfile check the CRC.
                        if member.read(1):
                            raise _bomb(
                                name, "nhiều hơn kích thước đã khai", "more bytes than declared"
                            )
                        break
        except BundleError:
            raise
        except Exception as exc:
            raise _bad_zip(
                f"tệp «{name}» bị hỏng", f"'{name}' is corrupt: {type(exc).__name__}"
            ) from None
        if got != info.file_size:
            raise _bad_zip(f"tệp «{name}» bị thiếu dữ liệu", f"'{name}' is short")
        out[name] = b"".join(chunks)
    return out


# --- reading: the manifest --------------------------------------------------------------------


def _bad_manifest(vi: str, en: str) -> BundleError:
    return _error("bad_manifest", detail_vi=vi, detail_en=en)


def _wrong_type(name: str) -> BundleError:
    return _bad_manifest(f"trường «{name}» thiếu hoặc sai kiểu", f"field '{name}' missing or wrong")


def _text(doc: dict[str, Any], name: str, *, empty: bool = False, limit: int = 200) -> str:
    value = doc.get(name)
    if not isinstance(value, str) or len(value) > limit or (not empty and not value):
        raise _wrong_type(name)
    return unicodedata.normalize("NFC", value)


def parse_manifest(raw: bytes) -> Manifest:
    """The manifest from its bytes; BundleError (bad_manifest, unknown_kind, bad_seq) if wrong."""
    if len(raw) > MAX_MANIFEST_BYTES:
        raise _bad_manifest("quá lớn", "too large")
    try:
        doc = _loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise _bad_manifest("không phải JSON hợp lệ", "not valid JSON") from None
    if not isinstance(doc, dict):
        raise _bad_manifest("không phải đối tượng JSON", "not a JSON object")
    if doc.get("format") != FORMAT:
        raise _wrong_type("format")
    if doc.get("format_version") != FORMAT_VERSION or not _is_int(doc.get("format_version")):
        raise _wrong_type("format_version")
    kind = doc.get("kind")
    if not isinstance(kind, str):
        raise _wrong_type("kind")
    if kind not in KINDS:
        raise _error("unknown_kind", kind=kind[:80])
    seq = doc.get("seq")
    if not _is_int(seq):
        raise _wrong_type("seq")
    if seq < 1:
        raise _error("bad_seq", seq=seq)
    ack = doc.get("ack_upto")
    if not _is_int(ack) or ack < 0:
        raise _wrong_type("ack_upto")
    bundle_id = _text(doc, "bundle_id")
    try:
        uuid.UUID(bundle_id)
    except ValueError:
        raise _wrong_type("bundle_id") from None
    created_at = _text(doc, "created_at")
    try:
        datetime.fromisoformat(created_at)
    except ValueError:
        raise _wrong_type("created_at") from None
    signer_key_id = _text(doc, "signer_key_id")
    if not _HEX16.match(signer_key_id):
        raise _wrong_type("signer_key_id")
    raw_files = doc.get("files")
    if not isinstance(raw_files, list) or len(raw_files) > MAX_ENTRIES:
        raise _wrong_type("files")
    entries: list[FileEntry] = []
    names: set[str] = set()
    for item in raw_files:
        if not isinstance(item, dict):
            raise _wrong_type("files")
        name, digest, size = item.get("name"), item.get("sha256"), item.get("size")
        records = item.get("records")
        if (
            not isinstance(name, str)
            or not _safe_name(name)
            or name in (MANIFEST_NAME, SIGNATURE_NAME)
            or name in names
            or not isinstance(digest, str)
            or not _HEX64.match(digest)
            or not _is_int(size)
            or size < 0
            or not (records is None or (_is_int(records) and records >= 0))
        ):
            raise _wrong_type("files")
        names.add(name)
        entries.append(FileEntry(name=name, sha256=digest, size=size, records=records))
    counts = doc.get("counts")
    if not isinstance(counts, dict) or not all(
        isinstance(k, str) and _is_int(v) and v >= 0 for k, v in counts.items()
    ):
        raise _wrong_type("counts")
    return Manifest(
        format=FORMAT,
        format_version=FORMAT_VERSION,
        schema_version=_text(doc, "schema_version", limit=64),
        app_version=_text(doc, "app_version", empty=True, limit=64),
        bundle_id=bundle_id,
        kind=kind,
        source_unit=_text(doc, "source_unit"),
        dest_unit=_text(doc, "dest_unit"),
        seq=seq,
        ack_upto=ack,
        created_at=created_at,
        signer_key_id=signer_key_id,
        files=tuple(entries),
        counts={unicodedata.normalize("NFC", k): v for k, v in counts.items()},
    )


def _count_lines(data: bytes) -> int:
    return sum(1 for line in data.split(b"\n") if line.strip())


def read_bundle(
    data: bytes,
    *,
    recipient: X25519PrivateKey,
    own_unit_id: str,
    signer_keys: Callable[[str], Sequence[Ed25519PublicKey]],
    max_schema: str,
) -> OpenedBundle:
    """Decrypt and check a bundle completely; BundleError (and nothing else) if anything is off.

    `signer_keys(source_unit)` returns the pinned, not revoked signing keys of the claimed
    sender (empty: unknown sender). Replays (a bundle id seen before) are the ledger's business.
    """
    header = peek(data)
    payload = memoryview(data)[header.offset :]
    if len(payload) < header.payload_bytes:
        raise _error("truncated")
    if len(payload) > header.payload_bytes:
        raise _error("trailing_data")
    own_kid = key_id(_raw(recipient.public_key()))
    if header.recipient_key_id != own_kid:
        raise _error("wrong_recipient", kid=header.recipient_key_id, own=own_kid)
    try:
        inner = _SUITE.decrypt(payload, recipient, info=INFO_PREFIX + header.line)
    except Exception:  # InvalidTag, or ValueError on a malformed encapsulated key
        raise _error("decrypt_failed") from None
    return _open_inner(
        inner,
        header=header,
        sha256=hashlib.sha256(data).hexdigest(),
        own_unit_id=own_unit_id,
        signer_keys=signer_keys,
        max_schema=max_schema,
    )


def _open_inner(
    inner: bytes,
    *,
    header: Header | None,
    sha256: str,
    own_unit_id: str,
    signer_keys: Callable[[str], Sequence[Ed25519PublicKey]],
    max_schema: str,
) -> OpenedBundle:
    members = _read_zip(inner)
    if MANIFEST_NAME not in members:
        raise _error("missing_manifest")
    if SIGNATURE_NAME not in members:
        raise _error("missing_signature")
    manifest_bytes = members.pop(MANIFEST_NAME)
    signature = members.pop(SIGNATURE_NAME)
    manifest = parse_manifest(manifest_bytes)
    if manifest.dest_unit != unicodedata.normalize("NFC", own_unit_id):
        raise _error("wrong_destination", dest=manifest.dest_unit, own=own_unit_id)
    keys = list(signer_keys(manifest.source_unit))
    if not keys:
        raise _error("unknown_sender", source=manifest.source_unit)
    for key in keys:
        try:
            key.verify(signature, manifest_bytes)
            break
        except InvalidSignature:
            continue
    else:
        raise _error("bad_signature", source=manifest.source_unit)
    if _schema_newer(manifest.schema_version, max_schema):
        raise _error("schema_too_new", schema=manifest.schema_version, max=max_schema)
    listed = {entry.name for entry in manifest.files}
    for entry in manifest.files:
        if entry.name not in members:
            raise _error("missing_file", name=entry.name)
    for name in sorted(members):
        if name not in listed:
            raise _error("extra_file", name=name)
    for entry in manifest.files:
        content = members[entry.name]
        if len(content) != entry.size:
            raise _error("size_mismatch", name=entry.name, actual=len(content), expected=entry.size)
        if hashlib.sha256(content).hexdigest() != entry.sha256:
            raise _error("hash_mismatch", name=entry.name)
        if entry.records is not None and entry.name.endswith(".jsonl"):
            actual = _count_lines(content)
            if actual != entry.records:
                raise _error(
                    "count_mismatch", name=entry.name, actual=actual, expected=entry.records
                )
    return OpenedBundle(manifest=manifest, files=members, header=header, sha256=sha256)


# --- records.jsonl ----------------------------------------------------------------------------


def _bad_record(line: int, vi: str, en: str) -> BundleError:
    return _error("bad_record", line=line, detail_vi=vi, detail_en=en)


def _clean(value: Any, depth: int, line: int) -> Any:
    """NFC-normalise every string, enforce MAX_DEPTH and MAX_FIELD_CHARS."""
    if isinstance(value, str):
        text = unicodedata.normalize("NFC", value)
        if len(text) > MAX_FIELD_CHARS:
            raise _error(
                "oversized_field",
                line=line,
                detail_vi=f"một trường dài {len(text)} ký tự, vượt quá giới hạn {MAX_FIELD_CHARS}",
                detail_en=f"a field of {len(text)} characters exceeds the limit {MAX_FIELD_CHARS}",
            )
        return text
    if isinstance(value, dict | list):
        if depth > MAX_DEPTH:
            raise _error("too_deep", line=line, max=MAX_DEPTH)
        if isinstance(value, list):
            return [_clean(v, depth + 1, line) for v in value]
        out: dict[str, Any] = {}
        for k, v in value.items():
            key = _clean(k, depth + 1, line)
            if key in out:
                raise _bad_record(line, f"khóa «{key}» bị trùng", f"duplicate key '{key}'")
            out[key] = _clean(v, depth + 1, line)
        return out
    return value


def _json_lines(data: bytes) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, object) for each non-empty line, strings NFC-normalised and limits
    enforced. BundleError on a line that is not a JSON object within the limits."""
    for number, raw_line in enumerate(data.split(b"\n"), start=1):
        if not raw_line.strip():
            continue
        if len(raw_line) > MAX_RECORD_BYTES:
            raise _error(
                "oversized_field",
                line=number,
                detail_vi=f"bản ghi dài {len(raw_line)} byte, vượt quá giới hạn {MAX_RECORD_BYTES}",
                detail_en=f"a record of {len(raw_line)} bytes exceeds the limit {MAX_RECORD_BYTES}",
            )
        try:
            value = _loads(raw_line.decode("utf-8"))
        except UnicodeDecodeError:
            raise _error(
                "malformed_json",
                line=number,
                detail_vi="không phải văn bản UTF-8",
                detail_en="not UTF-8 text",
            ) from None
        except RecursionError:
            raise _error("too_deep", line=number, max=MAX_DEPTH) from None
        except ValueError as exc:
            raise _error(
                "malformed_json",
                line=number,
                detail_vi="lỗi cú pháp",
                detail_en=str(exc)[:120],
            ) from None
        if not isinstance(value, dict):
            raise _bad_record(number, "không phải đối tượng JSON", "not a JSON object")
        yield number, _clean(value, 1, number)


def parse_records(data: bytes) -> list[dict[str, Any]]:
    """The records of a records.jsonl file: one JSON object per line, strings NFC-normalised.

    Each record is an object with "entity" (str), "id" (str), "owner" (str or null), "hash"
    (str) and "data" (object); other keys are kept. BundleError on anything else.
    """
    records: list[dict[str, Any]] = []
    for number, record in _json_lines(data):
        for key in ("entity", "id", "hash"):
            if not isinstance(record.get(key), str) or not record[key]:
                raise _bad_record(
                    number, f"trường «{key}» thiếu hoặc sai kiểu", f"field '{key}' missing or wrong"
                )
        if "owner" not in record or not (
            record["owner"] is None or isinstance(record["owner"], str)
        ):
            raise _bad_record(
                number, "trường «owner» thiếu hoặc sai kiểu", "field 'owner' missing or wrong"
            )
        if not isinstance(record.get("data"), dict):
            raise _bad_record(
                number, "trường «data» thiếu hoặc sai kiểu", "field 'data' missing or wrong"
            )
        records.append(record)
    return records


AUDIT_TEXT_FIELDS = ("actor", "action", "entity", "entity_id", "before", "after", "reason")


def parse_audit(data: bytes) -> list[dict[str, Any]]:
    """The entries of an audit.jsonl file: {"id": positive int, "at": ISO date-time, and the
    text fields of AUDIT_TEXT_FIELDS}. BundleError on anything else."""
    entries: list[dict[str, Any]] = []
    for number, entry in _json_lines(data):
        if not _is_int(entry.get("id")) or entry["id"] < 1:
            raise _bad_record(
                number, "trường «id» thiếu hoặc sai kiểu", "field 'id' missing or wrong"
            )
        at = entry.get("at")
        try:
            if not isinstance(at, str):
                raise ValueError
            datetime.fromisoformat(at)
        except ValueError:
            raise _bad_record(
                number, "trường «at» không phải ngày giờ", "field 'at' is not a date and time"
            ) from None
        for key in AUDIT_TEXT_FIELDS:
            if not isinstance(entry.get(key), str):
                raise _bad_record(
                    number, f"trường «{key}» thiếu hoặc sai kiểu", f"field '{key}' missing or wrong"
                )
        entries.append(entry)
    return entries


def dump_records(records: Iterable[Mapping[str, Any]]) -> bytes:
    """Canonical JSON lines (sorted keys, UTF-8, NFC strings), one record per line."""
    return b"".join(canonical_json(dict(record)) + b"\n" for record in records)

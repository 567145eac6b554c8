"""Builders for good and bad bundles, shared by the corpus tests and the fuzz harness."""

from __future__ import annotations

import hashlib
import io
import struct
import warnings
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from dvdesk.sync import bundle, keys
from dvdesk.sync.keys import KeyPair, canonical_json

CELL_ID = "unit-cell-01"
OFFICE_ID = "unit-office"
SCHEMA = "0005"


def fixed_pair(seed: str) -> KeyPair:
    """A deterministic key pair (tests and fuzzing must be reproducible)."""
    digest = hashlib.sha512(seed.encode()).digest()
    return KeyPair(
        sign=Ed25519PrivateKey.from_private_bytes(digest[:32]),
        box=X25519PrivateKey.from_private_bytes(digest[32:]),
    )


CELL = fixed_pair("cell")
OFFICE = fixed_pair("office")
STRANGER = fixed_pair("stranger")

RECORDS = [
    {
        "entity": "person",
        "id": "7b0f7d6c-0000-4000-8000-000000000001",
        "owner": CELL_ID,
        "hash": "a" * 64,
        "data": {"full_name": "Nguyễn Thị Hồng Nhung", "cccd": "001190012345", "tags": ["x"]},
    },
    {
        "entity": "event",
        "id": "7b0f7d6c-0000-4000-8000-000000000002",
        "owner": None,
        "hash": "b" * 64,
        "data": {"kind": "nộp đơn", "on": "2026-03-05", "nested": {"a": [1, 2, {"b": True}]}},
    },
]
RECORDS_BYTES = bundle.dump_records(RECORDS)
NOTES = "Ghi chú của chi bộ.\n".encode()


def pinned(unit: str) -> Sequence[Ed25519PublicKey]:
    return [CELL.sign.public_key()] if unit == CELL_ID else []


def read(data: bytes, **overrides: Any) -> bundle.OpenedBundle:
    """read_bundle as the office, then parse every .jsonl file (audit.jsonl as audit)."""
    kwargs: dict[str, Any] = {
        "recipient": OFFICE.box,
        "own_unit_id": OFFICE_ID,
        "signer_keys": pinned,
        "max_schema": SCHEMA,
    }
    kwargs.update(overrides)
    opened = bundle.read_bundle(data, **kwargs)
    for name, content in opened.files.items():
        if name == "audit.jsonl":
            bundle.parse_audit(content)
        elif name.endswith(".jsonl"):
            bundle.parse_records(content)
    return opened


def good_bundle(**overrides: Any) -> bytes:
    kwargs: dict[str, Any] = {
        "kind": "delta",
        "schema_version": SCHEMA,
        "app_version": "0.1.0",
        "source_unit": CELL_ID,
        "dest_unit": OFFICE_ID,
        "seq": 3,
        "ack_upto": 2,
        "files": {"records.jsonl": RECORDS_BYTES, "notes.txt": NOTES},
        "record_counts": {"records.jsonl": {"person": 1, "event": 1}},
        "counts": {"person": 1, "event": 1},
        "signer": CELL.sign,
        "recipient": OFFICE.box.public_key(),
        "bundle_id": "0b5c3f4e-1d2a-4b6c-8d9e-0f1a2b3c4d5e",
        "created_at": "2026-03-05T08:00:00+07:00",
    }
    kwargs.update(overrides)
    return bundle.write_bundle(**kwargs)


def good_manifest(files: dict[str, bytes] | None = None) -> dict[str, Any]:
    files = {"records.jsonl": RECORDS_BYTES, "notes.txt": NOTES} if files is None else files
    return {
        "format": "dvdesk-bundle",
        "format_version": 1,
        "schema_version": SCHEMA,
        "app_version": "0.1.0",
        "bundle_id": "0b5c3f4e-1d2a-4b6c-8d9e-0f1a2b3c4d5e",
        "kind": "delta",
        "source_unit": CELL_ID,
        "dest_unit": OFFICE_ID,
        "seq": 3,
        "ack_upto": 2,
        "created_at": "2026-03-05T08:00:00+07:00",
        "signer_key_id": keys.key_id(CELL.sign_public),
        "files": [
            {
                "name": name,
                "sha256": hashlib.sha256(content).hexdigest(),
                "size": len(content),
                "records": content.count(b"\n") if name.endswith(".jsonl") else None,
            }
            for name, content in sorted(files.items())
        ],
        "counts": {"person": 1, "event": 1},
    }


@dataclass
class Inner:
    """An inner ZIP under construction: manifest (dict or raw bytes), signature and members."""

    manifest: dict[str, Any] | bytes = field(default_factory=good_manifest)
    files: dict[str, bytes] = field(
        default_factory=lambda: {"records.jsonl": RECORDS_BYTES, "notes.txt": NOTES}
    )
    signer: Ed25519PrivateKey = CELL.sign
    edit_after_signing: Callable[[bytes], bytes] | None = None
    signature: bytes | None = None
    drop: tuple[str, ...] = ()
    extra: list[tuple[str, bytes]] = field(default_factory=list)

    def members(self) -> list[tuple[str, bytes]]:
        raw = self.manifest if isinstance(self.manifest, bytes) else canonical_json(self.manifest)
        sig = self.signature if self.signature is not None else self.signer.sign(raw)
        if self.edit_after_signing is not None:
            raw = self.edit_after_signing(raw)
        out = [("manifest.json", raw), ("manifest.sig", sig), *sorted(self.files.items())]
        out += self.extra
        return [(n, c) for n, c in out if n not in self.drop]

    def zip(self) -> bytes:
        return bundle.pack_zip(self.members())

    def sealed(self) -> bytes:
        return bundle.seal(self.zip(), OFFICE.box.public_key())


def signed_records(records: bytes, count: int | None = None) -> bytes:
    """A correctly signed bundle whose records.jsonl holds `records` (for record-level cases)."""
    files = {"records.jsonl": records}
    manifest = good_manifest(files)
    manifest["files"][0]["records"] = count
    return Inner(manifest=manifest, files=files).sealed()


def manifest_with(**changes: Any) -> dict[str, Any]:
    manifest = good_manifest()
    manifest.update(changes)
    return manifest


def raw_zip(entries: list[tuple[str, bytes]], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A ZIP whose names are written verbatim (zipfile would not stop us writing hostile ones)."""
    buffer = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(buffer, "w") as zf:
        warnings.simplefilter("ignore")  # "Duplicate name" is what some cases want
        for name, content in entries:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = method
            zf.writestr(info, content)
    return buffer.getvalue()


def zero_stream_zip(name: str, megabytes: int) -> bytes:
    """A ZIP with `megabytes` MiB of zeros, written in 1 MiB chunks (never all in memory)."""
    buffer = io.BytesIO()
    chunk = bytes(1024 * 1024)
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        inner = Inner()
        for member_name, content in inner.members():
            zf.writestr(member_name, content)
        info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        with zf.open(info, "w") as out:
            for _ in range(megabytes):
                out.write(chunk)
    return buffer.getvalue()


def patch_declared_size(data: bytes, name: str, new_size: int) -> bytes:
    """Rewrite the uncompressed size of `name` in its local header and central directory."""
    blob = bytearray(data)
    encoded = name.encode()
    pos = 0
    while True:
        pos = blob.find(b"PK\x03\x04", pos)
        if pos < 0:
            break
        (name_len,) = struct.unpack_from("<H", blob, pos + 26)
        if bytes(blob[pos + 30 : pos + 30 + name_len]) == encoded:
            struct.pack_into("<I", blob, pos + 22, new_size)
        pos += 4
    pos = 0
    while True:
        pos = blob.find(b"PK\x01\x02", pos)
        if pos < 0:
            break
        (name_len,) = struct.unpack_from("<H", blob, pos + 28)
        if bytes(blob[pos + 46 : pos + 46 + name_len]) == encoded:
            struct.pack_into("<I", blob, pos + 24, new_size)
        pos += 4
    return bytes(blob)


def flip(data: bytes, index: int, bit: int = 0) -> bytes:
    blob = bytearray(data)
    blob[index] ^= 1 << bit
    return bytes(blob)

"""The bundle format: a good bundle round-trips; a corpus of bad ones is refused with the right
code and a Vietnamese message naming the problem, and nothing but BundleError escapes."""

from __future__ import annotations

import functools
import hashlib
import json
import unicodedata
import zipfile
from collections.abc import Callable
from typing import Any

import pytest
from bundle_kit import (
    CELL,
    CELL_ID,
    NOTES,
    OFFICE,
    OFFICE_ID,
    RECORDS,
    RECORDS_BYTES,
    STRANGER,
    Inner,
    flip,
    good_bundle,
    good_manifest,
    manifest_with,
    patch_declared_size,
    raw_zip,
    read,
    signed_records,
    zero_stream_zip,
)

from dvdesk.sync import bundle
from dvdesk.sync.bundle import MAGIC, BundleError
from dvdesk.sync.keys import canonical_json

# --- the good bundle --------------------------------------------------------------------------


def test_good_bundle_round_trips() -> None:
    data = good_bundle()
    header = bundle.peek(data)
    assert header.format_version == 1
    assert header.payload_bytes == len(data) - header.offset
    opened = read(data)
    m = opened.manifest
    assert (m.kind, m.source_unit, m.dest_unit, m.seq, m.ack_upto) == (
        "delta",
        CELL_ID,
        OFFICE_ID,
        3,
        2,
    )
    assert m.schema_version == "0005" and m.app_version == "0.1.0"
    assert m.bundle_id == "0b5c3f4e-1d2a-4b6c-8d9e-0f1a2b3c4d5e"
    assert m.counts == {"person": 1, "event": 1}
    assert [(f.name, f.size, f.records) for f in m.files] == [
        ("notes.txt", len(NOTES), None),
        ("records.jsonl", len(RECORDS_BYTES), 2),
    ]
    assert opened.files == {"records.jsonl": RECORDS_BYTES, "notes.txt": NOTES}
    assert bundle.parse_records(opened.files["records.jsonl"]) == RECORDS
    assert len(opened.sha256) == 64


def test_peek_tells_the_recipient_without_a_key() -> None:
    from dvdesk.sync.keys import key_id

    assert bundle.peek(good_bundle()).recipient_key_id == key_id(OFFICE.box_public)


def test_defaults_fill_bundle_id_and_time() -> None:
    opened = read(good_bundle(bundle_id=None, created_at=None))
    assert len(opened.manifest.bundle_id) == 36 and opened.manifest.created_at
    assert read(good_bundle(bundle_id=None)).manifest.bundle_id != opened.manifest.bundle_id


def test_schema_versions_compare_as_integers() -> None:
    assert read(good_bundle(schema_version="9"), max_schema="10").manifest.schema_version == "9"
    with pytest.raises(BundleError) as info:
        read(good_bundle(schema_version="10"), max_schema="9")
    assert info.value.code == "schema_too_new"


def test_rotated_sender_key_accepted_by_any_pinned_key() -> None:
    both = [STRANGER.sign.public_key(), CELL.sign.public_key()]
    assert read(good_bundle(), signer_keys=lambda unit: both).manifest.seq == 3


def test_writer_refuses_programming_errors() -> None:
    for bad in (
        {"kind": "gossip"},
        {"seq": 0},
        {"files": {"../x": b""}},
        {"files": {"manifest.json": b""}},
    ):
        with pytest.raises(ValueError):
            good_bundle(**bad)


def test_dump_records_is_canonical_nfc() -> None:
    nfd = unicodedata.normalize("NFD", "Nguyễn")
    out = bundle.dump_records([{"z": 1, "a": nfd}])
    assert out == '{"a":"Nguyễn","z":1}\n'.encode()
    assert unicodedata.is_normalized("NFC", out.decode())


def test_nfd_text_is_normalised_not_refused() -> None:
    nfd = unicodedata.normalize("NFD", "Trần Văn Đức, Hà Nội")
    line = json.dumps(
        {"entity": "person", "id": "1", "owner": None, "hash": "h", "data": {"name": nfd}},
        ensure_ascii=False,
    ).encode()
    opened = read(signed_records(line + b"\n", 1))
    (record,) = bundle.parse_records(opened.files["records.jsonl"])
    assert record["data"]["name"] == unicodedata.normalize("NFC", nfd)
    assert record["data"]["name"] != nfd


# --- the corpus of bad bundles ----------------------------------------------------------------

_GOOD = good_bundle()
_HEADER = bundle.peek(_GOOD)
_BODY = _HEADER.offset  # first ciphertext byte


def _with_header(**fields: Any) -> bytes:
    """The good bundle with its clear header replaced (the ciphertext left as it is)."""
    doc = json.loads(_HEADER.line)
    doc.update(fields)
    return MAGIC + canonical_json(doc) + b"\n" + _GOOD[_BODY:]


def _seal(inner: bytes) -> bytes:
    return bundle.seal(inner, OFFICE.box.public_key())


def _zip_with(extra: list[tuple[str, bytes]]) -> bytes:
    return _seal(raw_zip([*Inner().members(), *extra]))


def _flip_in_member(member: str) -> bytes:
    """Flip one bit in the stored bytes of a member of the inner zip (CRC must catch it)."""
    members = Inner().members()
    data = raw_zip(members, method=zipfile.ZIP_STORED)
    with zipfile.ZipFile(__import__("io").BytesIO(data)) as zf:
        info = zf.getinfo(member)
    start = info.header_offset + 30 + len(member.encode())
    return _seal(flip(data, start + info.compress_size // 2))


@functools.cache
def _bomb_300_mib() -> bytes:
    return _seal(zero_stream_zip("zeros.bin", 300))


def _size_lie(new_size: int) -> bytes:
    inner = raw_zip(Inner().members())
    return _seal(patch_declared_size(inner, "records.jsonl", new_size))


def _records_line(obj: Any) -> bytes:
    return json.dumps(obj, ensure_ascii=False).encode() + b"\n"


def _record(**data: Any) -> dict[str, Any]:
    return {"entity": "person", "id": "1", "owner": None, "hash": "h", "data": data}


def _noise(seed: int, chars: int) -> str:
    """Incompressible text (so the zip ratio check does not fire first)."""
    out = b""
    block = str(seed).encode()
    while len(out) < chars // 2:
        block = hashlib.sha256(block).digest()
        out += block
    return out.hex()[:chars]


def _nested(depth: int) -> Any:
    value: Any = "đáy"
    for _ in range(depth):
        value = {"x": value}
    return value


# name → (builder, extra read() arguments, expected code)
Case = tuple[Callable[[], bytes], dict[str, Any], str]
CASES: dict[str, Case] = {
    # outer layer
    "empty_file": (lambda: b"", {}, "truncated"),
    "cut_in_magic": (lambda: _GOOD[:6], {}, "truncated"),
    "cut_in_header": (lambda: _GOOD[: len(MAGIC) + 20], {}, "truncated"),
    "cut_after_header": (lambda: _GOOD[: _BODY + 10], {}, "truncated"),
    "cut_in_half": (lambda: _GOOD[: len(_GOOD) // 2], {}, "truncated"),
    "cut_last_byte": (lambda: _GOOD[:-1], {}, "truncated"),
    "pdf_not_bundle": (lambda: b"%PDF-1.7\n" + bytes(200), {}, "not_bundle"),
    "plain_zip_not_bundle": (lambda: raw_zip(Inner().members()), {}, "not_bundle"),
    "magic_bit_flip": (lambda: flip(_GOOD, 3), {}, "not_bundle"),
    "trailing_garbage": (lambda: _GOOD + b"\x00junk", {}, "trailing_data"),
    "header_not_json": (lambda: flip(_GOOD, len(MAGIC)), {}, "bad_header"),
    "header_bit_flip_kept_valid": (
        lambda: MAGIC + _HEADER.line.replace(b",", b", ", 1) + b"\n" + _GOOD[_BODY:],
        {},
        "decrypt_failed",
    ),
    "header_huge_without_newline": (
        lambda: MAGIC + b"{" + b" " * 10_000,
        {},
        "bad_header",
    ),
    "future_format_version": (lambda: _with_header(format_version=2), {}, "future_format"),
    "unknown_suite": (lambda: _with_header(suite="ROT13"), {}, "unsupported_suite"),
    "ciphertext_flip_first": (lambda: flip(_GOOD, _BODY), {}, "decrypt_failed"),
    "ciphertext_flip_middle": (
        lambda: flip(_GOOD, (_BODY + len(_GOOD)) // 2, 5),
        {},
        "decrypt_failed",
    ),
    "ciphertext_flip_tag": (lambda: flip(_GOOD, len(_GOOD) - 1, 7), {}, "decrypt_failed"),
    "wrong_recipient": (
        lambda: good_bundle(recipient=STRANGER.box.public_key()),
        {},
        "wrong_recipient",
    ),
    "recipient_id_forged": (
        lambda: (lambda other: MAGIC + _HEADER.line + b"\n" + other[bundle.peek(other).offset :])(
            good_bundle(recipient=STRANGER.box.public_key())
        ),
        {},
        "decrypt_failed",
    ),
    # inner zip
    "inner_not_zip": (lambda: _seal(b"hello, not a zip"), {}, "bad_zip"),
    "inner_zip_cut": (lambda: _seal(Inner().zip()[:-30]), {}, "bad_zip"),
    "bit_flip_in_manifest_member": (lambda: _flip_in_member("manifest.json"), {}, "bad_zip"),
    "bit_flip_in_signature_member": (lambda: _flip_in_member("manifest.sig"), {}, "bad_zip"),
    "bit_flip_in_records_member": (lambda: _flip_in_member("records.jsonl"), {}, "bad_zip"),
    "bit_flip_in_notes_member": (lambda: _flip_in_member("notes.txt"), {}, "bad_zip"),
    "bzip2_member": (
        lambda: _seal(raw_zip(Inner().members(), method=zipfile.ZIP_BZIP2)),
        {},
        "bad_zip",
    ),
    "zip_slip_dotdot": (lambda: _zip_with([("../x", b"x")]), {}, "unsafe_path"),
    "zip_slip_absolute": (lambda: _zip_with([("/etc/x", b"x")]), {}, "unsafe_path"),
    "zip_slip_drive": (lambda: _zip_with([("C:\\x", b"x")]), {}, "unsafe_path"),
    "zip_slip_drive_slash": (lambda: _zip_with([("C:/x", b"x")]), {}, "unsafe_path"),
    "zip_slip_backslash_dotdot": (
        lambda: _zip_with([("a\\..\\..\\x", b"x")]),
        {},
        "unsafe_path",
    ),
    "zip_slip_nested_dotdot": (lambda: _zip_with([("a/../../x", b"x")]), {}, "unsafe_path"),
    "directory_entry": (lambda: _zip_with([("attachments/", b"")]), {}, "unsafe_path"),
    "duplicate_name": (lambda: _zip_with([("records.jsonl", b"{}\n")]), {}, "duplicate_entry"),
    "duplicate_name_case": (
        lambda: _zip_with([("Records.jsonl", b"{}\n")]),
        {},
        "duplicate_entry",
    ),
    "too_many_entries": (
        lambda: _zip_with([(f"f{i}.txt", b"") for i in range(70)]),
        {},
        "too_many_entries",
    ),
    "zip_bomb_300_mib_zeros": (_bomb_300_mib, {}, "zip_bomb"),
    "zip_bomb_ratio_8_mib": (
        lambda: _zip_with([("pad.txt", bytes(8 * 1024 * 1024))]),
        {},
        "zip_bomb",
    ),
    "declared_size_huge": (lambda: _size_lie(300 * 1024 * 1024), {}, "zip_bomb"),
    "declared_size_too_small": (lambda: _size_lie(10), {}, "bad_zip"),
    # manifest and signature
    "missing_manifest": (lambda: Inner(drop=("manifest.json",)).sealed(), {}, "missing_manifest"),
    "missing_signature": (lambda: Inner(drop=("manifest.sig",)).sealed(), {}, "missing_signature"),
    "manifest_not_json": (lambda: Inner(manifest=b'{"format": ').sealed(), {}, "bad_manifest"),
    "manifest_not_utf8": (lambda: Inner(manifest=b"\xff\xfe{}").sealed(), {}, "bad_manifest"),
    "manifest_a_list": (lambda: Inner(manifest=b"[1, 2]").sealed(), {}, "bad_manifest"),
    "manifest_seq_string": (
        lambda: Inner(manifest=manifest_with(seq="3")).sealed(),
        {},
        "bad_manifest",
    ),
    "manifest_seq_bool": (
        lambda: Inner(manifest=manifest_with(seq=True)).sealed(),
        {},
        "bad_manifest",
    ),
    "manifest_files_not_list": (
        lambda: Inner(manifest=manifest_with(files={"a": 1})).sealed(),
        {},
        "bad_manifest",
    ),
    "manifest_bad_uuid": (
        lambda: Inner(manifest=manifest_with(bundle_id="not-a-uuid")).sealed(),
        {},
        "bad_manifest",
    ),
    "manifest_duplicate_key": (
        lambda: Inner(manifest=canonical_json(good_manifest())[:-1] + b',"seq":4}').sealed(),
        {},
        "bad_manifest",
    ),
    "manifest_listed_unsafe_name": (
        lambda: Inner(
            manifest=manifest_with(
                files=[{"name": "../x", "sha256": "0" * 64, "size": 0, "records": None}]
            )
        ).sealed(),
        {},
        "bad_manifest",
    ),
    "manifest_negative_ack": (
        lambda: Inner(manifest=manifest_with(ack_upto=-1)).sealed(),
        {},
        "bad_manifest",
    ),
    "unknown_kind": (
        lambda: Inner(manifest=manifest_with(kind="gossip")).sealed(),
        {},
        "unknown_kind",
    ),
    "seq_zero": (lambda: Inner(manifest=manifest_with(seq=0)).sealed(), {}, "bad_seq"),
    "wrong_destination": (
        lambda: Inner(manifest=manifest_with(dest_unit="unit-office-2")).sealed(),
        {},
        "wrong_destination",
    ),
    "unknown_sender": (
        lambda: Inner(manifest=manifest_with(source_unit="unit-cell-99")).sealed(),
        {},
        "unknown_sender",
    ),
    "revoked_sender_no_key_left": (
        good_bundle,
        {"signer_keys": lambda unit: []},
        "unknown_sender",
    ),
    "revoked_old_key_new_key_pinned": (
        good_bundle,
        {"signer_keys": lambda unit: [STRANGER.sign.public_key()]},
        "bad_signature",
    ),
    "signed_by_another_key": (lambda: Inner(signer=STRANGER.sign).sealed(), {}, "bad_signature"),
    "signed_by_recipient": (lambda: Inner(signer=OFFICE.sign).sealed(), {}, "bad_signature"),
    "manifest_edited_after_signing": (
        lambda: Inner(edit_after_signing=lambda raw: raw.replace(b'"seq":3', b'"seq":9')).sealed(),
        {},
        "bad_signature",
    ),
    "signature_truncated": (
        lambda: Inner(signature=CELL.sign.sign(canonical_json(good_manifest()))[:40]).sealed(),
        {},
        "bad_signature",
    ),
    "signature_empty": (lambda: Inner(signature=b"").sealed(), {}, "bad_signature"),
    "future_schema": (
        lambda: Inner(manifest=manifest_with(schema_version="0006")).sealed(),
        {},
        "schema_too_new",
    ),
    # files against the manifest
    "listed_file_missing": (lambda: Inner(drop=("notes.txt",)).sealed(), {}, "missing_file"),
    "extra_file": (lambda: Inner(extra=[("secret.txt", b"x")]).sealed(), {}, "extra_file"),
    "hash_mismatch": (
        lambda: Inner(files={"records.jsonl": RECORDS_BYTES, "notes.txt": NOTES[::-1]}).sealed(),
        {},
        "hash_mismatch",
    ),
    "size_mismatch": (
        lambda: Inner(files={"records.jsonl": RECORDS_BYTES, "notes.txt": NOTES + b"!"}).sealed(),
        {},
        "size_mismatch",
    ),
    "record_count_mismatch": (lambda: signed_records(RECORDS_BYTES, 5), {}, "count_mismatch"),
    # records.jsonl
    "records_malformed_json": (
        lambda: signed_records(_records_line(_record()) + b'{"entity": \n'),
        {},
        "malformed_json",
    ),
    "records_not_utf8": (lambda: signed_records(b'{"a": "\xc3"}\n'), {}, "malformed_json"),
    "records_nan": (
        lambda: signed_records(_records_line(_record())[:-2] + b',"n":NaN}\n'),
        {},
        "malformed_json",
    ),
    "records_infinite_number": (
        lambda: signed_records(
            b'{"entity":"p","id":"1","owner":null,"hash":"h","data":{"x":1e999}}\n'
        ),
        {},
        "malformed_json",
    ),
    "records_duplicate_key": (
        lambda: signed_records(
            b'{"entity":"p","entity":"q","id":"1","owner":null,"hash":"h","data":{}}\n'
        ),
        {},
        "malformed_json",
    ),
    "records_oversized_field": (
        lambda: signed_records(_records_line(_record(note="á" * 20_001))),
        {},
        "oversized_field",
    ),
    "records_oversized_record": (
        lambda: signed_records(
            _records_line(_record(**{f"f{i}": _noise(i, 19_000) for i in range(60)}))
        ),
        {},
        "oversized_field",
    ),
    "records_deep_nesting": (
        lambda: signed_records(_records_line(_record(deep=_nested(12)))),
        {},
        "too_deep",
    ),
    "records_pathological_nesting": (
        lambda: signed_records(b'{"data":' + b"[" * 200_000 + b"]" * 200_000 + b"}\n"),
        {},
        "too_deep",
    ),
    "records_not_object": (lambda: signed_records(b"[1, 2, 3]\n"), {}, "bad_record"),
    "records_missing_data": (
        lambda: signed_records(b'{"entity":"p","id":"1","owner":null,"hash":"h"}\n'),
        {},
        "bad_record",
    ),
    "records_owner_number": (
        lambda: signed_records(b'{"entity":"p","id":"1","owner":5,"hash":"h","data":{}}\n'),
        {},
        "bad_record",
    ),
}

# A word or phrase each code's Vietnamese message must contain (it names the problem).
VI_WORDS = {
    "truncated": "cắt cụt",
    "not_bundle": "không phải là gói dữ liệu",
    "trailing_data": "dữ liệu lạ ở cuối",
    "bad_header": "phần đầu",
    "future_format": "định dạng phiên bản",
    "unsupported_suite": "mã hóa",
    "decrypt_failed": "giải mã",
    "wrong_recipient": "đơn vị khác",
    "bad_zip": "zip",
    "unsafe_path": "đường dẫn không an toàn",
    "duplicate_entry": "trùng tên",
    "too_many_entries": "quá nhiều tệp",
    "zip_bomb": "bom nén",
    "missing_manifest": "thiếu bản kê khai",
    "missing_signature": "thiếu chữ ký",
    "bad_manifest": "bản kê khai",
    "unknown_kind": "loại gói",
    "bad_seq": "số thứ tự",
    "wrong_destination": "không phải đơn vị này",
    "unknown_sender": "không nhận ra đơn vị gửi",
    "bad_signature": "chữ ký",
    "schema_too_new": "mới hơn",
    "missing_file": "thiếu tệp",
    "extra_file": "không có trong bản kê khai",
    "hash_mismatch": "mã băm",
    "size_mismatch": "kích thước",
    "count_mismatch": "số bản ghi",
    "malformed_json": "không phải json hợp lệ",
    "oversized_field": "vượt quá giới hạn",
    "too_deep": "lồng nhau quá sâu",
    "bad_record": "bản ghi không hợp lệ",
}


def test_corpus_is_large_and_varied() -> None:
    assert len(CASES) >= 30
    assert len({code for _, _, code in CASES.values()}) >= 25


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_bundle_is_refused(name: str) -> None:
    builder, overrides, code = CASES[name]
    data = builder()
    try:
        read(data, **overrides)
    except BundleError as exc:
        error = exc
    else:
        pytest.fail(f"{name}: accepted")
    assert error.code == code, f"{name}: {error.code} ({error.en})"
    assert VI_WORDS[code] in error.vi.lower(), error.vi
    assert unicodedata.is_normalized("NFC", error.vi)
    assert error.vi != error.en and error.en
    assert str(error)


def test_record_errors_name_the_line() -> None:
    data = _records_line(_record()) + _records_line(_record()) + b"{oops\n"
    with pytest.raises(BundleError) as info:
        bundle.parse_records(data)
    assert info.value.code == "malformed_json"
    assert "Dòng 3" in info.value.vi and "Line 3" in info.value.en


def _audit(**changes: object) -> dict[str, object]:
    entry: dict[str, object] = {
        "id": 7,
        "at": "2026-11-27T09:30:00",
        "actor": "Nguyễn Văn An",
        "action": "update",
        "entity": "person",
        "entity_id": "p-1",
        "before": '{"name": "A"}',
        "after": '{"name": "B"}',
        "reason": "",
    }
    entry.update(changes)
    return {k: v for k, v in entry.items() if v is not ...}


@pytest.mark.parametrize(
    ("changes", "field_name"),
    [
        ({"id": 0}, "id"),
        ({"id": "7"}, "id"),
        ({"id": True}, "id"),
        ({"at": "27/11/2026"}, "at"),
        ({"at": None}, "at"),
        ({"actor": ...}, "actor"),
        ({"after": {"name": "B"}}, "after"),
    ],
)
def test_a_bad_audit_entry_is_refused_naming_its_field(
    changes: dict[str, object], field_name: str
) -> None:
    good = _records_line(_audit())
    with pytest.raises(BundleError) as info:
        bundle.parse_audit(good + _records_line(_audit(**changes)))
    assert info.value.code == "bad_record"
    assert "Dòng 2" in info.value.vi and f"«{field_name}»" in info.value.vi


def test_audit_entries_are_read_with_their_text_normalised() -> None:
    decomposed = unicodedata.normalize("NFD", "Nguyễn Văn An")
    [entry] = bundle.parse_audit(_records_line(_audit(actor=decomposed)))
    assert entry["actor"] == "Nguyễn Văn An" and entry["id"] == 7


def test_bomb_limits_are_checked_before_decompressing() -> None:
    # The 300 MiB bomb is refused from its declared size: quick, and without the memory.
    import time
    import tracemalloc

    data = _bomb_300_mib()
    tracemalloc.start()
    started = time.perf_counter()
    with pytest.raises(BundleError):
        read(data)
    elapsed = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert elapsed < 2 and peak < 32 * 1024 * 1024

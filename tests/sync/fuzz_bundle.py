"""Fuzz harness for the bundle reader: only BundleError may come out, and nothing may hang.

Mutates (a) the bytes of a valid .dvb file, (b) the bytes of a valid inner ZIP, re-encrypted so
the ZIP layer is reached, (c) the members of a valid inner ZIP (names, contents, manifest fields),
re-signed or not, so the manifest, file and record checks are reached, and (d) records.jsonl
directly. Runs standalone:

    uv run python tests/sync/fuzz_bundle.py --seconds 60 [--seed N] [--save DIR]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import signal
import sys
import time
import zipfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bundle_kit import (
    CELL,
    OFFICE,
    RECORDS_BYTES,
    STRANGER,
    Inner,
    good_bundle,
    good_manifest,
    raw_zip,
    read,
)

from dvdesk.sync import bundle
from dvdesk.sync.bundle import BundleError
from dvdesk.sync.keys import canonical_json

HANG_SECONDS = 5.0

HOSTILE_NAMES = [
    "../x",
    "/etc/passwd",
    "C:\\x",
    "a\\..\\..\\x",
    "C:/x",
    "records.jsonl",
    "Records.JSONL",
    "manifest.json",
    "manifest.sig",
    "a/b/c",
    "",
    ".",
    "..",
    "x/",
    "nul\x00x",
    "tệp.txt",
    "attachments/" + "a" * 64,
    "a" * 300,
]
ODD_VALUES: list[Any] = [
    None,
    True,
    0,
    -1,
    1,
    2**70,
    1.5,
    "",
    "x" * 300,
    [],
    {},
    [1],
    {"a": 1},
    "0006",
    "gossip",
    "unit-office",
    "unit-cell-01",
]


@dataclass
class Stats:
    iterations: int = 0
    accepted: int = 0
    codes: Counter[str] = field(default_factory=Counter)
    slowest: float = 0.0
    by_strategy: Counter[str] = field(default_factory=Counter)


class Finding(Exception):
    """An input that made the reader raise something other than BundleError, or hang."""


def _mutate_bytes(rng: random.Random, data: bytes) -> bytes:
    blob = bytearray(data)
    for _ in range(rng.choice((1, 1, 1, 2, 3, 8))):
        op = rng.randrange(7)
        if not blob:
            blob += rng.randbytes(rng.randrange(1, 64))
            continue
        at = rng.randrange(len(blob))
        if op == 0:  # bit flip
            blob[at] ^= 1 << rng.randrange(8)
        elif op == 1:  # byte set to an interesting value
            blob[at] = rng.choice((0, 1, 0x7F, 0x80, 0xFF, ord("\n"), ord("{"), ord('"')))
        elif op == 2:  # truncate
            del blob[at:]
        elif op == 3:  # insert random bytes
            blob[at:at] = rng.randbytes(rng.randrange(1, 32))
        elif op == 4:  # delete a slice
            del blob[at : at + rng.randrange(1, 64)]
        elif op == 5:  # duplicate a slice
            blob[at:at] = blob[at : at + rng.randrange(1, 128)]
        else:  # overwrite with a 16/32-bit boundary number (sizes, counts, offsets in ZIP)
            value = rng.choice((0, 0xFFFF, 0xFFFFFFFF, 0x7FFFFFFF, 65, 1 << 28))
            blob[at : at + 4] = value.to_bytes(4, "little")
    return bytes(blob)


def _mutate_manifest(rng: random.Random, manifest: dict[str, Any]) -> dict[str, Any]:
    manifest = json.loads(json.dumps(manifest))
    key = rng.choice([*manifest.keys(), "extra"])
    op = rng.randrange(4)
    if op == 0:
        manifest.pop(key, None)
    elif op == 1:
        manifest[key] = rng.choice(ODD_VALUES)
    elif op == 2 and manifest["files"]:
        entry = rng.choice(manifest["files"])
        entry[rng.choice(["name", "sha256", "size", "records"])] = rng.choice(
            [*ODD_VALUES, *HOSTILE_NAMES]
        )
    else:
        manifest["files"].append(
            {"name": rng.choice(HOSTILE_NAMES), "sha256": "0" * 64, "size": 0, "records": None}
        )
    return manifest


def _mutate_records(rng: random.Random) -> bytes:
    lines = RECORDS_BYTES.split(b"\n")
    choice = rng.randrange(6)
    if choice == 0:
        return _mutate_bytes(rng, RECORDS_BYTES)
    if choice == 1:
        lines.insert(rng.randrange(len(lines)), b"[" * rng.randrange(1, 5000))
    elif choice == 2:
        lines.insert(0, json.dumps({"entity": "p", "data": rng.choice(ODD_VALUES)}).encode())
    elif choice == 3:
        obj = json.loads(lines[0])
        obj[rng.choice(["entity", "id", "owner", "hash", "data"])] = rng.choice(ODD_VALUES)
        lines[0] = json.dumps(obj).encode()
    elif choice == 4:
        lines.append(("x" * rng.choice((10, 20_001, 1_100_000))).encode())
    else:
        lines.append(rng.randbytes(rng.randrange(1, 200)))
    return b"\n".join(lines)


def _inner_members(rng: random.Random) -> bytes:
    """A valid inner ZIP with member-level edits, re-signed (by the sender or not)."""
    files = {"records.jsonl": RECORDS_BYTES, "notes.txt": b"note\n"}
    if rng.random() < 0.5:
        files["records.jsonl"] = _mutate_records(rng)
    manifest = good_manifest(files)
    for entry in manifest["files"]:
        if entry["name"] == "records.jsonl":
            entry["records"] = None if rng.random() < 0.5 else entry["records"]
    if rng.random() < 0.4:
        manifest = _mutate_manifest(rng, manifest)
    raw = canonical_json(manifest)
    signer = CELL.sign if rng.random() < 0.85 else STRANGER.sign
    members = [("manifest.json", raw), ("manifest.sig", signer.sign(raw)), *files.items()]
    op = rng.randrange(6)
    if op == 0 and members:
        members.pop(rng.randrange(len(members)))
    elif op == 1:
        members.append((rng.choice(HOSTILE_NAMES), rng.randbytes(rng.randrange(64))))
    elif op == 2:
        members.append(rng.choice(members))
    elif op == 3:
        i = rng.randrange(len(members))
        members[i] = (members[i][0], _mutate_bytes(rng, members[i][1]))
    method = rng.choice((zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED))
    try:
        return raw_zip(members, method=method)
    except (ValueError, OSError):  # zipfile refuses to write some names: keep the raw bytes
        return raw_zip(files.items(), method=method)  # type: ignore[arg-type]


def _parse_records_only(data: bytes) -> None:
    bundle.parse_records(data)
    bundle.parse_audit(data)


def run(
    seconds: float,
    seed: int = 0,
    *,
    max_iterations: int | None = None,
    save: Path | None = None,
    log: Callable[[str], None] | None = None,
) -> Stats:
    rng = random.Random(seed)
    good = good_bundle()
    good_inner = Inner().zip()
    office_pub = OFFICE.box.public_key()
    stats = Stats()
    use_alarm = hasattr(signal, "setitimer")

    def on_alarm(signum: int, frame: Any) -> None:
        raise TimeoutError("hang")

    previous = signal.signal(signal.SIGALRM, on_alarm) if use_alarm else None
    deadline = time.monotonic() + seconds
    try:
        while time.monotonic() < deadline:
            if max_iterations is not None and stats.iterations >= max_iterations:
                break
            strategy = rng.choice(("outer", "inner-bytes", "members", "members", "records"))
            target: Callable[[bytes], Any] = read
            if strategy == "outer":
                data = _mutate_bytes(rng, good)
            elif strategy == "inner-bytes":
                data = bundle.seal(_mutate_bytes(rng, good_inner), office_pub)
            elif strategy == "members":
                data = bundle.seal(_inner_members(rng), office_pub)
            else:
                data = _mutate_records(rng)
                target = _parse_records_only
            stats.iterations += 1
            stats.by_strategy[strategy] += 1
            started = time.perf_counter()
            try:
                if use_alarm:
                    signal.setitimer(signal.ITIMER_REAL, HANG_SECONDS)
                target(data)
                stats.accepted += 1
            except BundleError as exc:
                stats.codes[exc.code] += 1
            except BaseException as exc:
                if isinstance(exc, KeyboardInterrupt):
                    raise
                name = hashlib.sha256(data).hexdigest()[:16]
                if save is not None:
                    save.mkdir(parents=True, exist_ok=True)
                    (save / f"crash-{name}.bin").write_bytes(data)
                raise Finding(
                    f"{strategy} input {name} ({len(data)} bytes) raised "
                    f"{type(exc).__name__}: {exc}"
                ) from exc
            finally:
                if use_alarm:
                    signal.setitimer(signal.ITIMER_REAL, 0)
            elapsed = time.perf_counter() - started
            stats.slowest = max(stats.slowest, elapsed)
            if elapsed > HANG_SECONDS:
                raise Finding(f"{strategy} input took {elapsed:.1f} s")
            if log is not None and stats.iterations % 1000 == 0:
                log(f"{stats.iterations} iterations, {dict(stats.codes.most_common(5))}")
    finally:
        if use_alarm:
            signal.signal(signal.SIGALRM, previous)
    return stats


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--save", type=Path, default=Path("/tmp/dvdesk-fuzz"))
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else random.randrange(2**32)
    print(f"seed {seed}, {args.seconds:.0f} s")
    started = time.monotonic()
    try:
        stats = run(args.seconds, seed, save=args.save, log=print)
    except Finding as finding:
        print(f"FINDING: {finding}", file=sys.stderr)
        return 1
    elapsed = time.monotonic() - started
    print(
        f"{stats.iterations} iterations in {elapsed:.1f} s "
        f"({stats.iterations / elapsed:.0f}/s), {stats.accepted} accepted, "
        f"slowest {stats.slowest * 1000:.1f} ms"
    )
    print("strategies:", dict(stats.by_strategy))
    print("codes:", dict(stats.codes.most_common()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

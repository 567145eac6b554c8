"""A dvdesk process for the crash tests to kill. It performs one operation through the services
and prints "COMMITTED <token>" (flushed) right after each commit returns, so the test knows what
must survive the kill.

    python worker.py burst  --data-dir D --prefix P --count N [--fsize BYTES] [--key HEX]
    python worker.py import --data-dir D --bundle FILE --passphrase S
    python worker.py export --data-dir D --to UNIT --out FILE --passphrase S [--fsize BYTES]
    python worker.py serve

Each prints "READY" once its database is open. --fsize caps the size of any file the process
writes (RLIMIT_FSIZE), which makes a write fail as it fails on a full disk.

`serve` is a fork server: it imports dvdesk once, then for each line "RUN <json>" on stdin
({"argv": [...], "stdout": fifo, "stderr": file}) forks a child that runs those arguments with
its output on the given FIFO, and answers "PID <pid>"; "WAIT <pid>" answers "STATUS <code>"
(negative: the signal that ended it). Importing SQLAlchemy, Alembic and dvdesk takes about
1.5 s, which would otherwise be most of the time of fifty kills. The server never opens a
database: the child opens its own after the fork, as a freshly started program would.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import signal
import sys
import traceback
from dataclasses import fields
from datetime import date
from pathlib import Path

from sqlalchemy.exc import OperationalError

from dvdesk.db import queries
from dvdesk.db.engine import DB_FILE_NAME, Database, remember_key
from dvdesk.domain.pipeline import EventKind
from dvdesk.files import FileWriteError
from dvdesk.services import exchange
from dvdesk.services.derive import load_calendar
from dvdesk.services.people import (
    EventInput,
    FamilyInput,
    PersonInput,
    add_event,
    create_person,
    update_person,
)
from dvdesk.services.setup import open_data_dir

ACTOR = "crash.test"
LISTED_ON = date(2026, 3, 2)


def report(line: str) -> None:
    # Straight to the file descriptor: nothing may sit in a buffer when the kill comes.
    os.write(1, f"{line}\n".encode())


def person_input(code: str, number: int) -> PersonInput:
    return PersonInput(
        full_name=f"Nguyễn Văn Thử {number}",
        code=code,
        birth_date=date(2000, 1, 1 + number % 28),
        family=(FamilyInput("Mẹ đẻ", f"Trần Thị Mẹ {number}", 1975),),
    )


def burst(db: Database, prefix: str, count: int) -> None:
    """Many small transactions, as a secretary typing: each adds a person with a family member
    and an event, and notes something on the person added before."""
    with db.reader() as session:
        install = queries.install(session)
        assert install is not None
        owner = install.unit_id
    for number in range(count):
        code = f"{prefix}-{number:04d}"
        with db.unit_of_work() as session:
            calendar = load_calendar(session)
            person = create_person(session, person_input(code, number), ACTOR, calendar, owner)
            add_event(
                session,
                person,
                EventInput(EventKind.SYMPATHISER_LISTED, LISTED_ON),
                ACTOR,
                calendar,
            )
            if number:
                earlier = queries.person_by_key(session, f"{prefix}-{number - 1:04d}")
                assert earlier is not None
                noted = PersonInput(**{**_fields(earlier), "notes": f"ghi chú {number}"})
                update_person(session, earlier, noted, ACTOR, calendar)
        report(f"COMMITTED {code}")


def _fields(person: object) -> dict[str, object]:
    return {f.name: getattr(person, f.name) for f in fields(PersonInput) if f.name != "family"}


def import_bundle(db: Database, bundle: Path, passphrase: str) -> None:
    [result] = exchange.import_bundles(db, [bundle], passphrase, actor=ACTOR)
    if result.status != "imported":
        sys.exit(f"import: {result.status}: {result.message}")
    report(f"COMMITTED {result.bundle_id}")


def export_bundle(db: Database, to_unit: str, out: Path, passphrase: str) -> None:
    result = exchange.export_bundle(db, to_unit, out, passphrase, actor=ACTOR)
    report(f"COMMITTED {result.bundle_id} {result.seq}")


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="worker.py")
    parser.add_argument("op", choices=["burst", "import", "export", "serve"])
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--prefix", default="P")
    parser.add_argument("--count", type=int, default=50)
    parser.add_argument("--bundle", type=Path)
    parser.add_argument("--to", default="")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--passphrase", default="")
    parser.add_argument("--fsize", type=int, default=0)
    parser.add_argument("--key", default="", help="hex key of an encrypted database")
    return parser.parse_args(argv)


def run(argv: list[str]) -> int:
    args = parse(argv)
    if args.op == "serve":
        return serve()
    if args.fsize:
        # Past the limit a write fails with EFBIG, as on a full disk, instead of SIGXFSZ.
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (args.fsize, args.fsize))
    if args.key:
        remember_key(args.data_dir / DB_FILE_NAME, bytes.fromhex(args.key))
    db = open_data_dir(args.data_dir)
    report("READY")
    try:
        if args.op == "burst":
            burst(db, args.prefix, args.count)
        elif args.op == "import":
            import_bundle(db, args.bundle, args.passphrase)
        else:
            export_bundle(db, args.to, args.out, args.passphrase)
    except OperationalError as exc:
        # SQLite's own name for what went wrong (SQLITE_FULL …), for the test to check.
        report(f"FAILED {getattr(exc.orig, 'sqlite_errorname', exc.orig)}")
        raise
    except FileWriteError as exc:
        report(f"FAILED {exc.reason}")
        raise
    finally:
        db.close()
    report("DONE")
    return 0


# --- the fork server ---------------------------------------------------------------------------


def serve() -> int:
    answer("SERVING")
    children: set[int] = set()
    for line in sys.stdin:
        command, _, rest = line.strip().partition(" ")
        if command == "RUN":
            pid = fork_job(json.loads(rest))
            children.add(pid)
            answer(f"PID {pid}")
        elif command == "WAIT" and int(rest) in children:
            children.discard(int(rest))
            _, status = os.waitpid(int(rest), 0)
            answer(f"STATUS {os.waitstatus_to_exitcode(status)}")
    return 0


def answer(line: str) -> None:
    sys.stdout.write(f"{line}\n")
    sys.stdout.flush()


def fork_job(job: dict[str, object]) -> int:
    sys.stdout.flush()
    pid = os.fork()
    if pid:
        return pid
    code = 1
    try:
        # The test's FIFO first: until it is open for writing, the test waits to open it.
        os.dup2(os.open(str(job["stdout"]), os.O_WRONLY), 1)
        err = os.open(str(job["stderr"]), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        os.dup2(err, 2)
        code = run([str(a) for a in job["argv"]])  # type: ignore[attr-defined]
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
        if not isinstance(exc.code, int):
            print(exc.code, file=sys.stderr)
    except BaseException:
        traceback.print_exc()
    finally:
        sys.stderr.flush()
        os._exit(code)


if __name__ == "__main__":
    try:
        sys.exit(run(sys.argv[1:]))
    except Exception:
        traceback.print_exc()
        sys.exit(1)

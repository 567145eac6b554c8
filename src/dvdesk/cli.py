"""The front door: `dvdesk` opens the window; `dvdesk COMMAND` does headless work and exits.

Every command answers in plain words (or JSON with --json); a user's mistake ends with a
message on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, is_dataclass
from datetime import date
from pathlib import Path
from typing import Any

from dvdesk.db.engine import Database, DatabaseError
from dvdesk.domain.dates import format_date, parse_date
from dvdesk.domain.pipeline import Stage
from dvdesk.services.errors import UserError

EXIT_USAGE = 2
EXIT_FAILED = 1


class CliError(Exception):
    """A mistake in what the user typed, already worded for them."""


def _date_arg(text: str) -> date:
    try:
        return parse_date(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _json_default(value: object) -> object:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def _print_json(data: object) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=_json_default))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dvdesk",
        description="dvdesk: phát triển đảng viên / developing new Party members",
    )
    parser.add_argument("--data-dir", type=Path, help="folder of the database (default: per-user)")
    parser.add_argument(
        "--lang", choices=("vi", "en"), default=None, help="default: vi, or the window's last"
    )
    parser.add_argument(
        "--demo", action="store_true", help="use a fresh demo database in a temporary folder"
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check that this copy of dvdesk works here (database, rules, printing, exchange, "
        "encryption, translation) and exit",
    )
    parser.add_argument(
        "--user",
        default=None,
        help="account to sign in as, once accounts are set up "
        "(else DVDESK_USER); its password from --password-file, DVDESK_PASSWORD or a prompt",
    )
    parser.add_argument("--password-file", type=Path, help="the account's password, in a file")
    parser.add_argument(
        "--db",
        metavar="URL|file",
        help="an office desk: work on the shared database postgresql+psycopg://user@host/db "
        "from now on (its password from PGPASSWORD or the pgpass file, never stored), or "
        "'file' to go back to this folder's own database",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("init", help="set up this database for a unit")
    p.add_argument("--unit-code", required=True)
    p.add_argument("--unit-name", required=True)
    p.add_argument("--role", required=True, choices=("cell", "office"))
    p.add_argument("--parent-name", default="", help="the committee directly above")
    p.add_argument("--board-name", help="a chi bộ: that committee's organisation board")
    p.add_argument("--place", help="the place name on the date line of printed documents")
    p.add_argument("--term-start", help="the committee's term, first day (dd/mm/yyyy)")
    p.add_argument("--term-end", help="the term's last day, when known (dd/mm/yyyy)")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("demo", help="fill the database with realistic demo data")
    p.add_argument("--units", type=int, default=5)
    p.add_argument("--people", type=int, default=200)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--json", action="store_true")

    people = sub.add_parser("people", help="people in the pipeline").add_subparsers(
        dest="people_command", metavar="ACTION", required=True
    )
    p = people.add_parser("template", help="write an empty import workbook")
    p.add_argument("file", type=Path)
    p = people.add_parser("import", help="import people from a workbook or CSV file")
    p.add_argument("file", type=Path)
    p.add_argument("--dry-run", action="store_true")
    p.add_argument("--json", action="store_true")
    p = people.add_parser("list", help="list people")
    p.add_argument("--search", default="")
    p.add_argument("--stage", choices=[s.value for s in Stage])
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("check", help="check one person against the rules")
    p.add_argument("person", help="Mã, CCCD or id")
    p.add_argument("--on", type=_date_arg, default=None, help="YYYY-MM-DD or dd/mm/yyyy")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("deadlines", help="what is due and overdue")
    p.add_argument("--on", type=_date_arg, default=None)
    p.add_argument("--within", type=int, default=30, help="days ahead (default 30)")
    p.add_argument("--json", action="store_true")

    workdays = sub.add_parser("workdays", help="the working-day calendar").add_subparsers(
        dest="workdays_command", metavar="ACTION", required=True
    )
    p = workdays.add_parser("add", help="the N-th working day after DATE")
    p.add_argument("date", type=_date_arg)
    p.add_argument("n", type=int)
    p.add_argument("--json", action="store_true")
    p = workdays.add_parser("set", help="make DATE a working day or a day off, or as published")
    p.add_argument("date", type=_date_arg)
    p.add_argument("status", choices=("working", "off", "default"))
    p.add_argument("--note", default="")
    p = workdays.add_parser("list", help="the local overrides of the calendar")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser(
        "print",
        help="print a form to PDF: a person's (6-KNĐ …), a class's (CN-NTVĐ, DS-LOP) or 18-KNĐ",
    )
    p.add_argument("form", help="form code, e.g. 6-KNĐ, 9-KNĐ, 2-KNĐ, CN-NTVĐ, DS-LOP, 18-KNĐ")
    p.add_argument("--person", help="Mã, CCCD or id (forms for a person)")
    p.add_argument("--class-id", dest="class_id", help="class id (CN-NTVĐ, DS-LOP)")
    p.add_argument("--out", type=Path, required=True, help="the PDF file to write")
    p.add_argument("--on", type=_date_arg, default=None, help="the document's date")
    p.add_argument(
        "--set", action="append", default=[], metavar="KEY=TEXT", help="text for the form"
    )
    p.add_argument("--no-number", action="store_true", help="do not enter it in the register")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser(
        "report", help="the yearly plan, the half-year or year report, or the procedure check"
    )
    p.add_argument("kind", choices=("plan", "half-year", "year", "procedure"))
    p.add_argument("--year", type=int, default=None, help="default: this year")
    p.add_argument("--pdf", type=Path, help="write the printed document (KH / BC) here")
    p.add_argument("--xlsx", type=Path, help="write the spreadsheet here (not for plan)")
    p.add_argument("--on", type=_date_arg, default=None, help="the date on the printed document")
    p.add_argument("--number", action="store_true", help="enter the PDF in the register")
    p.add_argument("--json", action="store_true")

    keys_cmd = sub.add_parser("keys", help="this unit's keys and the other units' keys")
    keys_sub = keys_cmd.add_subparsers(dest="keys_command", metavar="ACTION", required=True)
    p = keys_sub.add_parser("init", help="make this unit's key pairs (passphrase-protected)")
    p.add_argument("--rotate", action="store_true", help="replace the keys, signed by the old")
    _passphrase_args(p)
    p.add_argument("--json", action="store_true")
    p = keys_sub.add_parser("export", help="write this unit's public-key file")
    p.add_argument("--out", type=Path, required=True)
    p = keys_sub.add_parser("import", help="pin another unit's public-key file")
    p.add_argument("file", type=Path)
    p.add_argument("--confirm", default="", help="the fingerprint read from the printed page")
    p.add_argument("--json", action="store_true")
    p = keys_sub.add_parser("fingerprint", help="this unit's fingerprint and the pinned keys")
    p.add_argument("--json", action="store_true")

    update = sub.add_parser(
        "update", help="a new version of the program: the office signs it, a unit checks it"
    ).add_subparsers(dest="update_command", metavar="ACTION", required=True)
    p = update.add_parser(
        "sign", help="office: write the installer's signature file (.dvsig) beside it"
    )
    p.add_argument("installer", type=Path)
    p.add_argument(
        "--version", dest="program_version", required=True, help="the version it installs"
    )
    _passphrase_args(p)
    p = update.add_parser(
        "verify", help="check an installer against the office's signature; prints the copy to run"
    )
    p.add_argument("installer", type=Path)
    p.add_argument("--signature", type=Path, help="default: the .dvsig file beside the installer")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("export", help="write a bundle (.dvb) for the office or a chi bộ")
    p.add_argument("--to", required=True, help="unit code or id")
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--snapshot", action="store_true", help="everything, not only the changes")
    _passphrase_args(p)
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("import", help="take in bundles (.dvb files, or folders of them)")
    p.add_argument("files", type=Path, nargs="+")
    p.add_argument("--dry-run", action="store_true")
    _passphrase_args(p)
    p.add_argument("--json", action="store_true")

    p = sub.add_parser(
        "review", help="the office's monthly review: dossiers waiting, and the decisions"
    )
    p.add_argument(
        "decide", nargs="*", metavar="decide PERSON", help="decide for these (Mã, CCCD or id)"
    )
    p.add_argument("--on", type=_date_arg, default=None, help="the meeting's date")
    p.add_argument("--out", type=Path, help="with PERSON: the decisions as one PDF")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("plans", help="office: which units sent their yearly plan")
    p.add_argument("--year", type=int, default=None, help="default: this year")
    p.add_argument("--on", type=_date_arg, default=None)
    p.add_argument("--json", action="store_true")

    p = sub.add_parser(
        "targets", help="office: target against actual per unit, ranked for the emulation review"
    )
    p.add_argument("--year", type=int, default=None, help="default: this year")
    p.add_argument("--on", type=_date_arg, default=None, help="errors and overdue as of")
    p.add_argument(
        "--share",
        type=int,
        metavar="N",
        default=None,
        help="only propose how N admissions would be shared by each unit's pool",
    )
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("audit", help="office: the audit entries the units below have sent up")
    p.add_argument("--unit", default=None, help="one unit (code or id)")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("backup", help="an encrypted backup of the database, now")
    p.add_argument("--out", type=Path, help="write it here (default: the backups folder)")
    p.add_argument("--list", action="store_true", help="list the backups in the backups folder")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("restore", help="put a backup in place of the database (kept aside)")
    p.add_argument("file", type=Path, help="the backup (.dvbak)")
    p.add_argument("--preview", action="store_true", help="only say what the backup holds")
    _passphrase_args(p)
    p.add_argument("--json", action="store_true")

    p = sub.add_parser(
        "recover", help="a damaged database: the newest backup, then the files received since"
    )
    p.add_argument("--force", action="store_true", help="even if the database looks sound")
    _passphrase_args(p)
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("verify", help="check the database file: integrity and references")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser(
        "purge", help="erase the personal data of people who left, after the office's period"
    )
    p.add_argument("--dry-run", action="store_true", help="only list who is due")
    p.add_argument("--on", type=_date_arg, default=None)
    p.add_argument("--set-months", type=int, metavar="N", help="office: set the period")
    p.add_argument("--never", action="store_true", help="office: purge nobody")
    p.add_argument("--json", action="store_true")

    account = sub.add_parser(
        "account", help="accounts: set up, sign-in names, roles, passwords, recovery"
    ).add_subparsers(dest="account_command", metavar="ACTION", required=True)
    p = account.add_parser(
        "init",
        help="make the first administrator and encrypt the database (prints the recovery key)",
    )
    p.add_argument("name", help="the administrator's account name")
    p.add_argument("--full-name", default="")
    p.add_argument("--json", action="store_true")
    p = account.add_parser("list", help="the accounts and their roles (administrators)")
    p.add_argument("--json", action="store_true")
    p = account.add_parser("add", help="a new account (administrators)")
    p.add_argument("name")
    p.add_argument("--role", required=True, choices=("admin", "editor", "viewer"))
    p.add_argument("--full-name", default="")
    p = account.add_parser("role", help="change an account's role (administrators)")
    p.add_argument("name")
    p.add_argument("role", choices=("admin", "editor", "viewer"))
    p = account.add_parser("disable", help="an account may no longer sign in (administrators)")
    p.add_argument("name")
    p = account.add_parser("reset", help="give an account a new password (administrators)")
    p.add_argument("name")
    account.add_parser("passwd", help="change your own password")
    p = account.add_parser(
        "recover", help="every password lost: the printed recovery key, and a new password"
    )
    p.add_argument("name", help="the administrator account to give the new password")
    p.add_argument(
        "--recovery-key",
        help="the 32 characters on the printed page (a desk of the shared server has none: "
        "there, whoever reaches its database may set an administrator's password)",
    )
    p = account.add_parser(
        "recovery-key", help="make a new recovery key; the old printed one stops working"
    )
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("consent", help="a person's consent to the processing of their data")
    p.add_argument("person", help="Mã, CCCD or id")
    p.add_argument("--record", action="store_true", help="the person signed the notice")
    p.add_argument("--by", default="", help="with --record: who handed the notice over")
    p.add_argument("--withdraw", action="store_true", help="the person withdrew consent")
    p.add_argument("--on", type=_date_arg, default=None)
    p.add_argument("--print", dest="pdf", type=Path, help="write the notice to sign (PDF)")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("register", help="the document register (numbers issued)")
    p.add_argument("--json", action="store_true")
    return parser


def _passphrase_args(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--passphrase-file",
        type=Path,
        help="read the passphrase from this file (else DVDESK_PASSPHRASE, else ask)",
    )


def _passphrase(args: argparse.Namespace, prompt: str = "Passphrase: ") -> str:
    """From --passphrase-file, else DVDESK_PASSPHRASE, else the terminal (never echoed)."""
    import getpass

    if getattr(args, "passphrase_file", None):
        return str(args.passphrase_file.read_text(encoding="utf-8")).rstrip("\r\n")
    env = os.environ.get("DVDESK_PASSPHRASE")
    if env:
        return env
    if sys.stdin is None or not sys.stdin.isatty():
        raise CliError("no passphrase: use --passphrase-file or set DVDESK_PASSPHRASE")
    return getpass.getpass(prompt)


@contextmanager
def _damage_named(data_dir: Path) -> Iterator[None]:
    """A failure that a damaged database explains is said in those words. The check (a
    quick_check, seconds on a large file) runs only after something failed, never up front."""
    try:
        yield
    except (UserError, CliError):
        raise
    except Exception:
        from dvdesk.services.backups import damage

        problems = damage(data_dir)
        if not problems:
            raise
        raise DatabaseError(
            f"the database in {data_dir} is damaged ({problems[0]}); nothing more was written "
            "to it. Run 'dvdesk recover' to restore the newest backup and take in again the "
            "files received since (the damaged file is kept aside)"
        ) from None


def _secret(
    file: Path | None,
    env: str,
    prompt: str,
    what: str,
    *,
    twice: bool = False,
    optional_file: bool = True,
) -> str:
    """From a file, else the environment variable `env`, else the terminal (never echoed)."""
    import getpass

    if file is not None:
        return str(file.read_text(encoding="utf-8")).rstrip("\r\n")
    value = os.environ.get(env)
    if value:
        return value
    if sys.stdin is None or not sys.stdin.isatty():
        raise CliError(
            f"no {what}: set {env}" + (" or use --password-file" if optional_file else "")
        )
    first = getpass.getpass(prompt)
    if twice and getpass.getpass("Again: ") != first:
        raise CliError(f"the two {what}s do not match")
    return first


def _password(args: argparse.Namespace) -> str:
    return _secret(args.password_file, "DVDESK_PASSWORD", "Password: ", "password")


def _new_password(args: argparse.Namespace) -> str:
    return _secret(
        None,
        "DVDESK_NEW_PASSWORD",
        "New password: ",
        "new password",
        twice=True,
        optional_file=False,
    )


def _user(args: argparse.Namespace) -> str:
    name = args.user or os.environ.get("DVDESK_USER")
    if not name:
        raise CliError(
            "accounts are set up on this computer: sign in with --user NAME (or DVDESK_USER) "
            "and the password (DVDESK_PASSWORD, --password-file, or typed when asked)"
        )
    return str(name)


def _open_data(data_dir: Path, args: argparse.Namespace) -> Database:
    """The database, signed in as --user when accounts are set up."""
    from dvdesk.services import accounts
    from dvdesk.services.setup import open_data_dir

    if accounts.protected(data_dir):
        return accounts.sign_in(data_dir, _user(args), _password(args), open_data_dir)
    return open_data_dir(data_dir)


def _unlock(args: argparse.Namespace, data_dir: Path) -> None:
    """Make an encrypted database's key known, without opening it (checks, recovery)."""
    from dvdesk.services import accounts

    if accounts.protected(data_dir):
        accounts.unlock(data_dir, _user(args), _password(args))


def _open(args: argparse.Namespace) -> Database:
    from dvdesk.services.setup import default_data_dir, storage_warning

    data_dir: Path = args.data_dir or default_data_dir()
    with _damage_named(data_dir):
        db = _open_data(data_dir, args)
    warning = (
        None if db.on_server else storage_warning(db.path, getattr(args, "lang", None) or "vi")
    )
    if warning:
        print(f"dvdesk: {warning}", file=sys.stderr)
    return db


def _save(path: Path, data: bytes) -> None:
    """Write a file the user asked for, all or nothing (files.write_atomic). A secret dossier's
    PDF is never written: it is printed on paper, from the window."""
    from dvdesk.files import write_atomic
    from dvdesk.reports.pdf_secrecy import is_secret_pdf

    if is_secret_pdf(data):
        raise UserError(
            "Hồ sơ mật chỉ được in ra giấy từ cửa sổ chương trình, không ghi ra tệp.",
            "A secret dossier is printed on paper from the window only, never written to a file.",
            "classification",
        )

    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, data)


def _today() -> date:
    return date.today()


# --- commands ------------------------------------------------------------------------------


def cmd_init(args: argparse.Namespace, db: Database) -> int:
    from dvdesk.services.setup import UnitDetails, init_unit, set_up_unit

    if args.term_start is None and args.board_name is None and args.place is None:
        info = init_unit(db, args.unit_code, args.unit_name, args.role, args.parent_name)
    else:  # as the first-run wizard asks: the committee above and its term are then required
        details = UnitDetails(
            role=args.role,
            unit_code=args.unit_code,
            unit_name=args.unit_name,
            parent_name=args.parent_name,
            board_name=args.board_name or "",
            place=args.place or "",
            term_start=args.term_start or "",
            term_end=args.term_end or "",
        )
        info = set_up_unit(db, details, _today())
    if args.json:
        _print_json(info)
    elif args.lang == "vi":
        print(f"Đã khởi tạo {info.unit_name} ({info.unit_code}), vai trò {info.role}.")
    else:
        print(f"Set up {info.unit_name} ({info.unit_code}) as {info.role}.")
    return 0


def cmd_demo(args: argparse.Namespace, db: Database) -> int:
    from dvdesk.services.demo import make_demo

    if args.units < 1 or args.people < 0:
        raise CliError("--units must be at least 1 and --people at least 0")
    summary = make_demo(db, units=args.units, people=args.people, seed=args.seed, today=_today())
    if args.json:
        _print_json(summary)
    else:
        print(summary.describe(args.lang))
    return 0


def cmd_people(args: argparse.Namespace, db: Database) -> int:
    if args.people_command == "template":
        from dvdesk.reports.people_workbook import write_template

        write_template(args.file)
        print(args.file)
        return 0
    if args.people_command == "import":
        from dvdesk.services.people_import import import_people

        result = import_people(db, args.file, dry_run=args.dry_run, lang=args.lang)
        if args.json:
            _print_json(result.to_json())
        else:
            print(result.describe(args.lang))
        return 0 if not result.errors else EXIT_FAILED
    from dvdesk.services.people import list_people

    rows = list_people(db, search=args.search, stage=args.stage, lang=args.lang)
    if args.json:
        _print_json({"people": rows})
        return 0
    for r in rows:
        print(
            f"{r.code or r.id[:8]:<14} {r.full_name:<32} {r.stage_label:<28} "
            f"{format_date(r.next_due)}"
        )
    return 0


def cmd_check(args: argparse.Namespace, db: Database) -> int:
    from dvdesk.services.people import check_person

    result = check_person(db, args.person, args.on or _today(), lang=args.lang)
    if args.json:
        _print_json(result)
        return 0
    print(f"{result.person['full_name']} ({result.person['code'] or ''}): {result.stage_label}")
    if not result.findings:
        print("  Không có vấn đề nào." if args.lang == "vi" else "  No findings.")
    for f in result.findings:
        mark = "LỖI" if f.severity == "error" else "LƯU Ý"
        if args.lang != "vi":
            mark = f.severity.upper()
        print(f"  [{mark}] {f.code}: {f.message} ({f.basis})")
    return 0


def cmd_deadlines(args: argparse.Namespace, db: Database) -> int:
    from dvdesk.services.deadlines import list_deadlines

    if args.within < 0:
        raise CliError("--within must be 0 or more days")
    on = args.on or _today()
    items = list_deadlines(db, on, args.within, lang=args.lang)
    if args.json:
        _print_json(
            {
                "on": on,
                "items": [
                    {
                        "person": i.person,
                        "name": i.name,
                        "kind": i.kind,
                        "due": i.due,
                        "status": i.status,
                        "days_left": i.days_left,
                    }
                    for i in items
                ],
            }
        )
        return 0
    for i in items:
        status = i.status if args.lang != "vi" else ("QUÁ HẠN" if i.status == "overdue" else "")
        print(
            f"{format_date(i.due)}  {i.days_left:>5}  {i.person:<14} {i.name:<32} "
            f"{i.kind_label}  {status}"
        )
    return 0


def cmd_workdays(args: argparse.Namespace, db: Database) -> int:
    from dvdesk.services import calendar as calendar_service

    if args.workdays_command == "set":
        working = {"working": True, "off": False, "default": None}[args.status]
        count = calendar_service.set_override(db, args.date, working, args.note)
        print(f"{args.date.isoformat()}: {args.status} ({count})")
        return 0
    if args.workdays_command == "list":
        rows = calendar_service.overrides(db)
        if args.json:
            _print_json({"overrides": rows})
        for r in [] if args.json else rows:
            print(f"{r.day.isoformat()}  {'working' if r.working else 'off'}  {r.note}")
        return 0
    if args.n < 1:
        raise CliError("N must be 1 or more working days")
    due = calendar_service.add_working_days(db, args.date, args.n)
    if args.json:
        _print_json({"date": args.date, "n": args.n, "result": due})
    else:
        print(due.isoformat())
    return 0


def _form_inputs(pairs: Sequence[str]) -> dict[str, str]:
    inputs: dict[str, str] = {}
    for pair in pairs:
        key, sep, text = pair.partition("=")
        if not sep or not key.strip():
            raise CliError(f"--set takes KEY=TEXT, not {pair!r}")
        inputs[key.strip()] = text
    return inputs


def cmd_print(args: argparse.Namespace, db: Database) -> int:
    from dvdesk.domain.forms import Subject
    from dvdesk.services import printing

    spec = printing.spec_for(args.form, args.on)
    inputs = _form_inputs(args.set)
    known = {i.key for i in printing.form_inputs(spec.code)}
    unknown = sorted(set(inputs) - known)
    if unknown:
        raise CliError(
            f"{spec.code} has no field {', '.join(unknown)}; its fields: "
            f"{', '.join(sorted(known)) or '(none)'}"
        )
    if spec.subject is Subject.PERSON:
        if not args.person:
            raise CliError(f"{spec.code} is printed for a person: give --person")
        printed = printing.print_person_form(
            db,
            spec.code,
            args.person,
            on=args.on,
            inputs=inputs or None,  # nothing given: the text kept from the last print
            number_it=not args.no_number,
        )
    elif spec.subject is Subject.CLASS:
        if not args.class_id:
            raise CliError(f"{spec.code} is printed for a class: give --class-id")
        printed = printing.print_class_form(db, spec.code, args.class_id, on=args.on, inputs=inputs)
    else:
        printed = printing.print_probation_register(db, on=args.on)
    _save(args.out, printed.pdf)
    if args.json:
        _print_json(
            {
                "form": printed.code,
                "title": printed.title,
                "number": printed.number_text,
                "file": str(args.out),
                "bytes": len(printed.pdf),
            }
        )
    else:
        number = f" (Số {printed.number_text})" if printed.number_text else ""
        print(f"{printed.code}{number}: {args.out}")
    return 0


def cmd_report(args: argparse.Namespace, db: Database) -> int:
    from dvdesk.services import reports
    from dvdesk.services.setup import install_info

    info = install_info(db)
    if info is None:
        raise CliError("this database is not set up yet: run 'dvdesk init' first")
    year = args.year or _today().year
    if not 1900 <= year <= 2200:
        raise CliError(f"--year {year} is not a year dvdesk can report on")
    on = args.on or _today()
    written: list[str] = []
    if args.kind == "plan":
        from dvdesk.services import plans

        if args.xlsx:
            raise CliError("--xlsx is for half-year, year and procedure; a plan prints with --pdf")
        plan = plans.get_plan(db, info.unit_id, year)
        if plan is None:
            raise UserError(
                f"Chưa có kế hoạch năm {year}: lập kế hoạch ở thẻ Báo cáo.",
                f"There is no plan for {year}: write it in the Reports tab.",
                "year",
            )
        if args.pdf:
            _save(
                args.pdf,
                reports.print_plan(db, info.unit_id, year, on, register_number=args.number),
            )
            written.append(str(args.pdf))
        data: dict[str, object] = reports.plan_json(plan)
        lines = _plan_lines(plan, args.lang)
    elif args.kind == "procedure":
        start, end = date(year, 1, 1), date(year, 12, 31)
        check = reports.procedure_check(db, start, end, lang=args.lang)
        if args.pdf:
            _save(
                args.pdf,
                reports.print_procedure_check(db, start, end, on, register_number=args.number),
            )
            written.append(str(args.pdf))
        if args.xlsx:
            reports.export_procedure_check(db, start, end, args.xlsx)
            written.append(str(args.xlsx))
        data = {"start": start, "end": end, "as_of": check.as_of, "items": check.items}
        lines = [
            f"{i.unit_name:<30} {i.person_name:<28} {format_date(i.due)} {i.message}"
            for i in check.items
        ]
    else:
        kind = args.kind.replace("-", "_")
        view = reports.report(db, kind, year, lang=args.lang)
        if args.pdf:
            _save(args.pdf, reports.print_report(db, kind, year, on, register_number=args.number))
            written.append(str(args.pdf))
        if args.xlsx:
            reports.export_report(db, kind, year, args.xlsx)
            written.append(str(args.xlsx))
        data = reports.report_json(view)
        lines = _report_lines(view, args.lang)
    if args.json:
        _print_json({**data, "written": written})
        return 0
    for line in lines:
        print(line)
    for path in written:
        print(path)
    return 0


def _plan_lines(plan: Any, lang: str) -> list[str]:
    vi = lang == "vi"
    return [
        (f"Kế hoạch năm {plan.year}" if vi else f"Plan for {plan.year}"),
        (f"  Kết nạp: {plan.admit_target}" if vi else f"  Admit: {plan.admit_target}"),
        (
            f"  Đoàn viên: {plan.youth_union_share}%"
            if vi
            else f"  Youth Union: {plan.youth_union_share}%"
        ),
        (
            f"  Lớp nhận thức về Đảng: {plan.awareness_classes_min}–{plan.awareness_classes_max}"
            if vi
            else f"  Awareness classes: {plan.awareness_classes_min}–{plan.awareness_classes_max}"
        ),
        (
            f"  Lớp đảng viên mới: {plan.new_member_classes_min}–{plan.new_member_classes_max}"
            if vi
            else f"  New-member classes: {plan.new_member_classes_min}–"
            f"{plan.new_member_classes_max}"
        ),
    ]


def _report_lines(view: Any, lang: str) -> list[str]:
    f = view.figures
    target = view.plan.admit_target if view.plan else 0
    vi = lang == "vi"
    share = f" ({f.admitted * 100 // target}%)" if target else ""
    return [
        view.title,
        (f"  Kết nạp: {f.admitted}" if vi else f"  Admitted: {f.admitted}")
        + (f" / {target}{share}" if target else ""),
        (f"  Là đoàn viên: {f.youth_union}" if vi else f"  Youth Union members: {f.youth_union}"),
        (f"  Công nhận chính thức: {f.recognised}" if vi else f"  Recognised: {f.recognised}"),
        (f"  Xóa tên dự bị: {f.struck_off}" if vi else f"  Struck off: {f.struck_off}"),
    ]


def cmd_keys(args: argparse.Namespace, db: Database) -> int:
    from dvdesk.services import exchange

    vi = args.lang == "vi"
    if args.keys_command == "init":
        old = _passphrase(args, "Old passphrase: ") if args.rotate else ""
        if args.rotate and not getattr(args, "passphrase_file", None):
            new = os.environ.get("DVDESK_NEW_PASSPHRASE") or _passphrase(args, "New passphrase: ")
        else:
            new = old or _passphrase(args)
        info = exchange.init_keys(db, new, rotate=args.rotate, old_passphrase=old)
        if args.json:
            _print_json(info)
        else:
            print(("Dấu vân tay: " if vi else "Fingerprint: ") + info.fingerprint)
        return 0
    if args.keys_command == "export":
        data = exchange.export_public_key(db)
        _save(args.out, data)
        print(args.out)
        return 0
    if args.keys_command == "import":
        peer = exchange.import_peer_key(db, args.file.read_bytes())
        if args.confirm:
            peer = exchange.confirm_peer_key(db, peer.unit_id, args.confirm)
        if args.json:
            _print_json(peer)
        else:
            state = (
                ("đã xác nhận" if vi else "confirmed")
                if peer.confirmed
                else ("CHƯA xác nhận dấu vân tay" if vi else "fingerprint NOT confirmed")
            )
            print(f"{peer.unit_code} {peer.unit_name}: {peer.fingerprint} ({state})")
        return 0
    own = exchange.own_key(db)
    others = exchange.peers(db)
    if args.json:
        _print_json({"own": own, "peers": others})
        return 0
    if own is None:
        print("Đơn vị chưa có khóa." if vi else "This unit has no keys yet.")
    else:
        print(f"{own.unit_code} {own.unit_name}: {own.fingerprint}")
    for peer in others:
        mark = "" if peer.confirmed else (" (chưa xác nhận)" if vi else " (not confirmed)")
        print(f"  {peer.unit_code} {peer.unit_name}: {peer.fingerprint}{mark}")
    return 0


def cmd_export(args: argparse.Namespace, db: Database) -> int:
    from dvdesk.services import exchange

    result = exchange.export_bundle(
        db, args.to, args.out, _passphrase(args), snapshot=args.snapshot
    )
    if args.json:
        _print_json(result)
    else:
        print(f"{result.path}: {result.kind} #{result.seq}, {result.records} records")
    return 0


def cmd_update(args: argparse.Namespace, db: Database) -> int:
    from dvdesk.services import updates

    vi = args.lang == "vi"
    if args.update_command == "sign":
        out = updates.sign_installer(db, args.installer, args.program_version, _passphrase(args))
        print(out)
        return 0
    done = updates.check_installer(db, args.installer, args.signature)
    if args.json:
        _print_json(done)
        return 0
    when = done.signed_at.strftime("%Y-%m-%d %H:%M UTC")
    lines = (
        [
            f"Chữ ký hợp lệ: dvdesk {done.version} (đang chạy {done.running_version}).",
            f"  Ký bởi: {done.signer_name} ({done.signer_code}), lúc {when}",
            f"  Dấu vân tay: {done.fingerprint} (khóa {done.sign_key_id})",
            f"  Tệp: {done.file_name}, {done.size} byte, SHA-256 {done.sha256}",
            f"  Bản sao đã kiểm tra, để chạy: {done.copy}",
        ]
        if vi
        else [
            f"Signature valid: dvdesk {done.version} (running {done.running_version}).",
            f"  Signed by: {done.signer_name} ({done.signer_code}), at {when}",
            f"  Fingerprint: {done.fingerprint} (key {done.sign_key_id})",
            f"  File: {done.file_name}, {done.size} bytes, SHA-256 {done.sha256}",
            f"  The verified copy, to run: {done.copy}",
        ]
    )
    print("\n".join(lines))
    return 0


def cmd_import(args: argparse.Namespace, db: Database) -> int:
    from dvdesk.services import exchange

    def progress(done: int, total: int, path: Path) -> None:
        if not args.json and total > 1:
            print(f"[{done}/{total}] {path.name}", file=sys.stderr)

    results = exchange.import_bundles(
        db, args.files, _passphrase(args), dry_run=args.dry_run, lang=args.lang, progress=progress
    )
    if args.json:
        _print_json({"results": results})
    else:
        for r in results:
            if r.status == "refused":
                print(f"dvdesk: {r.path.name}: {r.message}", file=sys.stderr)
                continue
            line = (
                f"{r.path.name}: {r.status}, {r.source_name} #{r.seq}: new {r.new}, updated "
                f"{r.updated}, unchanged {r.unchanged}, conflicts {r.conflicts}"
                + (f", audit entries {r.audit}" if r.audit else "")
            )
            print(line + (f" ({r.message})" if r.message else ""))
            for warning in r.warnings:
                print(f"  ! {warning}")
    return 0 if all(r.ok for r in results) else EXIT_FAILED


def cmd_review(args: argparse.Namespace, db: Database) -> int:
    from dvdesk.services import review
    from dvdesk.services.printing import find_person

    on = args.on or _today()
    if args.decide and args.decide[0] == "decide":
        args.decide = args.decide[1:]
        if not args.decide:
            raise CliError("review decide needs at least one person (Mã, CCCD or id)")
    elif args.decide:
        raise CliError(f"unknown review action {args.decide[0]!r}: use 'review decide PERSON…'")
    if args.decide:
        with db.reader() as session:
            ids = [find_person(session, ref).id for ref in args.decide]
        issued, pdf = review.issue_decisions(db, ids, on, lang=args.lang)
        if args.out and pdf is not None:
            _save(args.out, pdf)
        if args.json:
            _print_json({"decisions": issued, "file": str(args.out) if args.out else None})
        else:
            for d in issued:
                print(f"{d.code} Số {d.number}: {d.name}")
            if args.out:
                print(args.out)
        return 0
    items = review.monthly_review(db, on, lang=args.lang)
    if args.json:
        _print_json({"on": on, "items": items})
        return 0
    vi = args.lang == "vi"
    for i in items:
        mark = ("SẴN SÀNG" if vi else "READY") if i.ready else ("CHƯA ĐỦ" if vi else "NOT READY")
        print(f"{mark:<10} {i.code:<14} {i.name:<30} {i.unit}")
        for why in (*i.missing, *i.errors):
            print(f"           - {why}")
    return 0


def cmd_plans(args: argparse.Namespace, db: Database) -> int:
    from dvdesk.services import review

    on = args.on or _today()
    rows = review.plan_submissions(db, args.year or on.year, on)
    if args.json:
        _print_json({"units": rows})
        return 0
    vi = args.lang == "vi"
    for r in rows:
        if r.received:
            state = "đã gửi" if vi else "received"
            if r.short:
                state += " (thấp hơn chỉ tiêu)" if vi else " (below the target)"
        else:
            state = ("QUÁ HẠN" if vi else "LATE") if r.late else ("chưa gửi" if vi else "not yet")
        committed = "—" if r.committed is None else str(r.committed)
        given = "—" if r.given is None else str(r.given)
        print(f"{r.unit_code:<10} {r.unit_name:<40} {committed:>5} / {given:<5} {state}")
    return 0


def _percent(value: Any) -> str:
    return "—" if value is None else f"{float(value) * 100:.0f}%"


def cmd_targets(args: argparse.Namespace, db: Database) -> int:
    from dvdesk.domain.emulation import MET, NO_TARGET, NONE, SHORT
    from dvdesk.services import targets
    from dvdesk.services.plans import units_below
    from dvdesk.services.setup import install_info

    vi = args.lang == "vi"
    if args.share is not None:
        shares = targets.proposed_shares(db, args.share)
        info = install_info(db)
        names = dict(units_below(db, info.unit_id)) if info else {}
        if args.json:
            _print_json({"shares": shares})
            return 0
        for unit_id, n in sorted(shares.items(), key=lambda p: names.get(p[0], p[0])):
            print(f"{names.get(unit_id, unit_id):<50} {n:>5}")
        return 0
    on = args.on or _today()
    view = targets.standings(db, args.year or on.year, on, args.lang)
    if args.json:
        _print_json(
            {
                "year": view.year,
                "target": view.target,
                "given": view.given,
                "admitted": view.admitted,
                "youth_union": view.youth_union,
                "youth_union_target": view.youth_union_target,
                "units": [
                    {"rank": r.rank, **asdict(r.standing), "result": r.standing.result}
                    for r in view.units
                ],
            }
        )
        return 0
    results = {
        MET: "đạt" if vi else "met",
        SHORT: "chưa đạt" if vi else "short",
        NONE: "chưa kết nạp" if vi else "none admitted",
        NO_TARGET: "không giao" if vi else "no target",
    }
    youth, errors, late = ("ĐV", "lỗi", "quá hạn") if vi else ("YU", "errors", "overdue")
    print(
        (
            f"Năm {view.year}: kết nạp {view.admitted}/{view.target} "
            f"({_percent(view.achieved)}), đoàn viên {view.youth_union}/"
            f"{view.youth_union_target}; đã giao {view.given}"
        )
        if vi
        else (
            f"{view.year}: admitted {view.admitted}/{view.target} ({_percent(view.achieved)}), "
            f"Youth Union {view.youth_union}/{view.youth_union_target}; given out {view.given}"
        )
    )
    for r in view.units:
        s = r.standing
        print(
            f"{r.rank:>3}. {s.unit_name:<45} {s.admitted:>4}/{s.target:<4} "
            f"{_percent(s.achieved):>5}  {youth} {_percent(s.youth_union_share):>4}  "
            f"{errors} {s.errors:<3} {late} {s.overdue:<3} {results[s.result]}"
        )
    return 0


def cmd_audit(args: argparse.Namespace, db: Database) -> int:
    from dvdesk.services import exchange

    rows = exchange.received_audit(db, args.unit, args.limit)
    if args.json:
        _print_json({"entries": rows})
        return 0
    for r in rows:
        why = f" — {r.reason}" if r.reason else ""
        print(f"{r.at:%d/%m/%Y %H:%M} {r.unit_code:<8} {r.actor:<20} {r.action} {r.entity}{why}")
    return 0


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{max(1, n // 1024)} KB"


def cmd_backup(args: argparse.Namespace, db: Database) -> int:
    from dvdesk.services import backups

    if args.list:
        rows = backups.list_backups(backups.folder_of(db.path))
        if args.json:
            _print_json({"backups": rows})
            return 0
        for r in rows:
            print(f"{r.created_at:%d/%m/%Y %H:%M}  {r.reason:<17} {_size(r.size):>9}  {r.path}")
        return 0
    made = backups.make_backup(db, "manual", args.out)
    assert made is not None
    if args.json:
        _print_json(made)
    else:
        print(f"{made.path} ({_size(made.size)})")
    return 0


def _data_dir(args: argparse.Namespace) -> Path:
    from dvdesk.services.setup import default_data_dir

    return Path(args.data_dir or default_data_dir())


def _counts_text(counts: dict[str, int], vi: bool) -> str:
    names = (
        {"people": "người", "members": "đảng viên", "units": "đơn vị", "events": "sự kiện"}
        if vi
        else {"people": "people", "members": "members", "units": "units", "events": "events"}
    )
    return ", ".join(f"{counts[k]} {v}" for k, v in names.items() if k in counts)


def _restorer(args: argparse.Namespace, data_dir: Path) -> None:
    """Once accounts are set up, only an administrator restores (it replaces everything)."""
    from dvdesk.domain.accounts import Permission
    from dvdesk.services import accounts

    if not accounts.protected(data_dir):
        return
    db = _open_data(data_dir, args)
    try:
        accounts.require(db, Permission.MANAGE)
    finally:
        db.close()


def cmd_restore(args: argparse.Namespace) -> int:
    from dvdesk.services import backups

    vi = args.lang == "vi"
    data_dir = _data_dir(args)
    _restorer(args, data_dir)
    passphrase = _passphrase(args)
    if args.preview:
        seen = backups.preview(args.file, passphrase, data_dir)
        if args.json:
            _print_json(seen)
        else:
            print(
                f"{seen.info.unit_code} {seen.info.unit_name} · "
                f"{seen.created_at:%d/%m/%Y %H:%M} · {_counts_text(seen.info.counts, vi)}"
            )
        return 0
    result = backups.restore(args.file, passphrase, data_dir)
    if args.json:
        _print_json(result)
    else:
        print(
            (
                f"Đã khôi phục bản sao lưu ngày {result.preview.created_at:%d/%m/%Y %H:%M} "
                f"({_counts_text(result.preview.info.counts, vi)})."
            )
            if vi
            else (
                f"Restored the backup of {result.preview.created_at:%d/%m/%Y %H:%M} "
                f"({_counts_text(result.preview.info.counts, vi)})."
            )
        )
        if result.set_aside:
            print(
                ("Dữ liệu cũ được giữ ở: " if vi else "The old data is kept in: ")
                + str(result.set_aside)
            )
        print(_report_text(result.report, vi))
    return 0 if result.report.ok else EXIT_FAILED


def _report_text(report: Any, vi: bool) -> str:
    if report.ok:
        return "Kiểm tra dữ liệu: không có lỗi." if vi else "Database check: no problems."
    lines = ["Kiểm tra dữ liệu: CÓ LỖI" if vi else "Database check: PROBLEMS FOUND"]
    lines += [f"  {p}" for p in report.problems[:20]]
    lines += [
        f"  {'tham chiếu hỏng' if vi else 'broken reference'}: {f}"
        for f in report.foreign_keys[:20]
    ]
    return "\n".join(lines)


def cmd_recover(args: argparse.Namespace) -> int:
    from dvdesk.services import backups

    vi = args.lang == "vi"
    data_dir = _data_dir(args)
    _unlock(args, data_dir)  # a damaged database's roles cannot be read: a password will do
    problems = backups.damage(data_dir)
    if not problems and not args.force:
        print("Dữ liệu không hỏng: không cần khôi phục." if vi else "The database is sound.")
        return 0
    done = backups.recover(data_dir, _passphrase(args))
    if args.json:
        _print_json(done)
        return 0 if done.restored.report.ok else EXIT_FAILED
    when = f"{done.restored.preview.created_at:%d/%m/%Y %H:%M}"
    print(
        f"Đã khôi phục bản sao lưu ngày {when}; nhận lại {done.replayed} tệp trao đổi "
        f"({done.already} tệp đã có trong bản sao lưu)."
        if vi
        else f"Restored the backup of {when}; took in {done.replayed} received file(s) again "
        f"({done.already} were already in the backup)."
    )
    for line in done.refused:
        print(f"  ! {line}", file=sys.stderr)
    print(_report_text(done.restored.report, vi))
    return 0 if done.restored.report.ok and not done.refused else EXIT_FAILED


def cmd_verify(args: argparse.Namespace) -> int:
    from dvdesk.db.engine import DB_FILE_NAME
    from dvdesk.services import backups
    from dvdesk.services.setup import server_for

    path = _data_dir(args) / DB_FILE_NAME
    if server_for(path.parent) is not None:  # the shared server: checked through a connection
        db = _open(args)
        try:
            report = backups.verify(db)
        finally:
            db.close()
    else:
        if not path.exists():
            raise CliError(f"no database at {path}")
        _unlock(args, path.parent)
        report = backups.verify(path)
    if args.json:
        _print_json(report)
    else:
        print(_report_text(report, args.lang == "vi"))
    return 0 if report.ok else EXIT_FAILED


def cmd_purge(args: argparse.Namespace, db: Database) -> int:
    from dvdesk.services import purge

    vi = args.lang == "vi"
    if args.never or args.set_months is not None:
        purge.set_period(db, None if args.never else args.set_months)
    done = purge.purge(db, args.on or _today(), dry_run=args.dry_run)
    if args.json:
        _print_json(done)
        return 0
    if done.period is None:
        print(
            "Cấp trên chưa đặt thời hạn xóa dữ liệu cá nhân: không xóa ai."
            if vi
            else "The office has set no purge period: nobody is purged."
        )
        return 0
    verb = ("Sẽ xóa" if args.dry_run else "Đã xóa") if vi else ("Due" if args.dry_run else "Purged")
    print(
        f"{verb}: {len(done.purged)} ({done.period} tháng)"
        if vi
        else f"{verb}: {len(done.purged)} ({done.period} months)"
    )
    for item in done.purged:
        print(f"  {item.code or item.person_id}  {item.exit_kind}  {item.exit_on:%d/%m/%Y}")
    return 0


def _recovery_note(key: str, vi: bool) -> str:
    return (
        f"MÃ KHÔI PHỤC: {key}\nHãy in hoặc chép lại mã này và cất giữ an toàn, xa máy tính: khi "
        "mọi mật khẩu bị quên, chỉ mã này mở được dữ liệu. Mã chỉ hiện một lần."
        if vi
        else f"RECOVERY KEY: {key}\nPrint or write it down and keep it safe, away from the "
        "computer: when every password is lost, only this key opens the data. It is shown once."
    )


def cmd_account_init(args: argparse.Namespace) -> int:
    from dvdesk.services import accounts
    from dvdesk.services.setup import open_data_dir

    data_dir = _data_dir(args)
    password = _secret(args.password_file, "DVDESK_PASSWORD", "Password: ", "password", twice=True)
    made = accounts.set_up(data_dir, args.name, args.full_name, password, open_data_dir)
    made.db.close()
    if args.json:
        _print_json({"name": made.db.account.name, "recovery_key": made.recovery_key})
    else:
        print(_recovery_note(made.recovery_key, args.lang == "vi"))
    return 0


def cmd_account_recover(args: argparse.Namespace) -> int:
    from dvdesk.services import accounts
    from dvdesk.services.setup import open_data_dir, server_for

    data_dir = _data_dir(args)
    if server_for(data_dir) is not None:
        db = accounts.rescue_shared(data_dir, args.name, _new_password(args), open_data_dir)
    elif not args.recovery_key:
        raise CliError("--recovery-key is needed: the 32 characters on the printed page")
    else:
        db = accounts.recover(
            data_dir, args.recovery_key, args.name, _new_password(args), open_data_dir
        )
    db.close()
    print(
        f"Đã đặt mật khẩu mới cho «{db.account.name}» (quản trị)."
        if args.lang == "vi"
        else f"'{db.account.name}' (administrator) has a new password."
    )
    return 0


def cmd_account(args: argparse.Namespace, db: Database) -> int:
    from dvdesk.domain.accounts import ROLE_LABELS
    from dvdesk.services import accounts

    vi = args.lang == "vi"
    action = args.account_command
    if db.account is None:
        raise CliError("no accounts are set up here yet: run 'dvdesk account init NAME' first")
    if action == "list":
        rows = accounts.accounts(db)
        if args.json:
            _print_json({"accounts": rows})
            return 0
        for r in rows:
            role = ROLE_LABELS[r.role][0 if vi else 1]
            state = "" if r.active else (" (đã khóa)" if vi else " (disabled)")
            seen = f"{r.last_sign_in:%d/%m/%Y %H:%M}" if r.last_sign_in else "-"
            print(f"{r.name:<20} {role:<14} {seen:<17} {r.full_name}{state}")
        return 0
    if action == "add":
        accounts.add_account(db, args.name, args.full_name, args.role, _new_password(args))
    elif action == "role":
        accounts.set_role(db, args.name, args.role)
    elif action == "disable":
        accounts.disable(db, args.name)
    elif action == "reset":
        accounts.reset_password(db, args.name, _new_password(args))
    elif action == "passwd":
        accounts.change_password(db, _password(args), _new_password(args))
    elif action == "recovery-key":
        key = accounts.renew_recovery_key(db)
        if args.json:
            _print_json({"recovery_key": key})
        else:
            print(_recovery_note(key, vi))
        return 0
    print("Đã lưu." if vi else "Saved.")
    return 0


def cmd_consent(args: argparse.Namespace, db: Database) -> int:
    from dvdesk.services import consent
    from dvdesk.services.printing import find_person

    vi = args.lang == "vi"
    with db.reader() as session:
        person_id = find_person(session, args.person).id
    on = args.on or _today()
    if args.pdf:
        _save(args.pdf, consent.print_notice(db, person_id, on, args.by))
    if args.record:
        consent.record(db, person_id, on, args.by)
    if args.withdraw:
        current = [c for c in consent.consents(db, person_id) if c.withdrawn_on is None]
        if not current:
            raise CliError("no consent to withdraw")
        consent.withdraw(db, current[-1].id, on)
    rows = consent.consents(db, person_id)
    if args.json:
        _print_json({"consents": rows})
        return 0
    if not rows:
        print("Chưa có ý kiến đồng ý." if vi else "No consent recorded.")
    for c in rows:
        state = (
            (f"rút lại {c.withdrawn_on:%d/%m/%Y}" if vi else f"withdrawn {c.withdrawn_on:%d/%m/%Y}")
            if c.withdrawn_on
            else ("còn hiệu lực" if vi else "in force")
        )
        print(f"{c.given_on:%d/%m/%Y}  {c.notice_version}  {c.collected_by}  {state}")
    return 0


def cmd_register(args: argparse.Namespace, db: Database) -> int:
    from dvdesk.services import register

    rows = register.entries(db)
    if args.json:
        _print_json({"documents": rows})
        return 0
    for r in rows:
        void = (
            f"  [{'HỦY' if args.lang == 'vi' else 'VOID'}: {r.void_reason}]"
            if r.void_reason
            else ""
        )
        print(f"{format_date(r.issued_on)}  {r.number_text:<14} {r.form_code:<8} {r.subject}{void}")
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace, Database], int]] = {
    "print": cmd_print,
    "register": cmd_register,
    "review": cmd_review,
    "plans": cmd_plans,
    "targets": cmd_targets,
    "backup": cmd_backup,
    "purge": cmd_purge,
    "consent": cmd_consent,
    "audit": cmd_audit,
    "keys": cmd_keys,
    "update": cmd_update,
    "export": cmd_export,
    "import": cmd_import,
    "report": cmd_report,
    "init": cmd_init,
    "demo": cmd_demo,
    "people": cmd_people,
    "check": cmd_check,
    "account": cmd_account,
    "deadlines": cmd_deadlines,
    "workdays": cmd_workdays,
}


def _use_server(args: argparse.Namespace) -> None:
    from dvdesk.services.setup import default_data_dir, use_server

    if args.demo:
        raise CliError("--demo makes its own database: it cannot be used with --db")
    args.data_dir = args.data_dir or default_data_dir()
    kept = use_server(args.data_dir, None if args.db == "file" else args.db)
    vi = args.lang != "en"
    if kept is None:
        print("Thư mục dữ liệu dùng lại tệp cơ sở dữ liệu riêng." if vi else "Back on the file.")
    else:
        print(f"Dùng cơ sở dữ liệu chung: {kept}" if vi else f"Using the shared database: {kept}")


def _run_gui(args: argparse.Namespace) -> int:
    from dvdesk.services.setup import default_data_dir
    from dvdesk.ui.app import run_gui

    if args.demo:
        from dvdesk.services import accounts
        from dvdesk.services.demo import make_demo
        from dvdesk.services.setup import open_data_dir

        args.data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="dvdesk-demo-"))
        if not accounts.protected(args.data_dir):
            db = open_data_dir(args.data_dir)
            make_demo(db, units=5, people=300, seed=1, today=_today())
            db.close()
    # Sign-in (or the first administrator) comes first: the damage check needs the key, so
    # run_gui makes it once the key is known.
    return run_gui(args.data_dir or default_data_dir(), lang=args.lang, demo=args.demo)


# Commands that work on the database file itself: they must not open (or migrate) it first.
WITHOUT_OPENING: dict[str, Callable[[argparse.Namespace], int]] = {
    "restore": cmd_restore,
    "recover": cmd_recover,
    "verify": cmd_verify,
}


# Before anyone can sign in: making the first account, and the recovery key.
ACCOUNT_WITHOUT_OPENING: dict[str, Callable[[argparse.Namespace], int]] = {
    "init": cmd_account_init,
    "recover": cmd_account_recover,
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse has already said what is wrong, on stderr
        return int(exc.code or 0)
    try:
        if args.self_test:
            from dvdesk import selftest

            return selftest.run()
        if args.db is not None:
            _use_server(args)
        if args.command is None:
            return _run_gui(args)  # the window falls back to the language it last used
        args.lang = args.lang or "vi"
        if args.demo and args.data_dir is None:
            args.data_dir = Path(tempfile.mkdtemp(prefix="dvdesk-demo-"))
        if args.command in WITHOUT_OPENING:
            return WITHOUT_OPENING[args.command](args)
        if args.command == "account" and args.account_command in ACCOUNT_WITHOUT_OPENING:
            return ACCOUNT_WITHOUT_OPENING[args.account_command](args)
        db = _open(args)
        if args.demo and args.command not in ("demo", "init"):
            from dvdesk.services.demo import make_demo

            make_demo(db, units=5, people=300, seed=1, today=_today())
        try:
            with _damage_named(db.path.parent):
                return COMMANDS[args.command](args, db)
        finally:
            db.close()
    except UserError as exc:
        print(f"dvdesk: {exc.message(args.lang or 'vi')}", file=sys.stderr)
        return EXIT_FAILED
    except (CliError, DatabaseError) as exc:
        print(f"dvdesk: {exc}", file=sys.stderr)
        return EXIT_USAGE if isinstance(exc, CliError) else EXIT_FAILED
    except OSError as exc:
        from dvdesk.files import FileWriteError

        if isinstance(exc, FileWriteError):
            print(f"dvdesk: {exc.message(args.lang or 'vi')}", file=sys.stderr)
            return EXIT_FAILED
        name = exc.filename or ""
        print(f"dvdesk: {name}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())

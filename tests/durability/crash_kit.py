"""Running worker.py and killing it: the fork server, one run, and the checks after a crash."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from dvdesk.db.engine import Database
from dvdesk.services.setup import open_data_dir

WORKER = Path(__file__).with_name("worker.py")
KILLED = -signal.SIGKILL
WATCHDOG_SECONDS = 120.0
SUMMARY: list[str] = []  # one line per operation, shown at the end of the run


@dataclass
class Run:
    lines: list[str]
    status: int
    seconds: float  # from READY to the end
    stderr: str

    @property
    def killed(self) -> bool:
        return self.status == KILLED

    @property
    def committed(self) -> list[str]:
        return [line.split(" ", 1)[1] for line in self.lines if line.startswith("COMMITTED ")]


class Workers:
    """The fork server of worker.py, and the runs made through it."""

    def __init__(self, scratch: Path) -> None:
        self.scratch = scratch
        self.jobs = 0
        self.proc = subprocess.Popen(
            [sys.executable, str(WORKER), "serve"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            bufsize=1,
        )
        assert self._answer() == "SERVING"

    def _ask(self, line: str) -> str:
        assert self.proc.stdin is not None
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()
        return self._answer()

    def _answer(self) -> str:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline().strip()
        assert line, "the worker server died"
        return line

    def run(
        self, argv: list[str], *, kill_after: float | None = None, kill_at_commit: int = 0
    ) -> Run:
        """Run worker.py `argv` in a forked child; SIGKILL it `kill_after` seconds after READY,
        or right after its `kill_at_commit`-th COMMITTED line, or let it finish."""
        self.jobs += 1
        fifo = self.scratch / f"job-{self.jobs}.out"
        err = self.scratch / f"job-{self.jobs}.err"
        os.mkfifo(fifo)
        job = {"argv": argv, "stdout": str(fifo), "stderr": str(err)}
        pid = int(self._ask(f"RUN {json.dumps(job)}").split()[1])
        lines, seconds = self._follow(fifo, pid, kill_after, kill_at_commit)
        status = int(self._ask(f"WAIT {pid}").split()[1])
        fifo.unlink()
        return Run(lines, status, seconds, err.read_text(encoding="utf-8", errors="replace"))

    def _follow(
        self, fifo: Path, pid: int, kill_after: float | None, kill_at_commit: int
    ) -> tuple[list[str], float]:
        lines: list[str] = []
        timer: threading.Timer | None = None
        started = time.monotonic()
        watchdog = threading.Timer(WATCHDOG_SECONDS, _give_up, (fifo, pid))
        watchdog.start()
        # Until the child has been waited for, its pid cannot be reused: killing it late (after
        # it exited by itself) hits only its zombie.
        with open(fifo, encoding="utf-8") as out:
            for raw in out:
                line = raw.rstrip("\n")
                lines.append(line)
                if line == "READY":
                    started = time.monotonic()
                    if kill_after is not None:
                        timer = threading.Timer(kill_after, os.kill, (pid, signal.SIGKILL))
                        timer.start()
                commits = sum(1 for x in lines if x.startswith("COMMITTED "))
                if kill_at_commit and line.startswith("COMMITTED ") and commits == kill_at_commit:
                    os.kill(pid, signal.SIGKILL)
        seconds = time.monotonic() - started
        for running in (timer, watchdog):
            if running is not None:
                running.cancel()
                running.join()
        return lines, seconds

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait(timeout=30)


def _give_up(fifo: Path, pid: int) -> None:
    """A child that hangs, or died before opening its FIFO: end it, and open the FIFO's other
    end so the test's read ends instead of waiting for ever."""
    with contextlib.suppress(OSError):
        os.kill(pid, signal.SIGKILL)
    with contextlib.suppress(OSError):
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))


def run_direct(argv: list[str], timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """worker.py in a process of its own (for limits that must hold from the start)."""
    return subprocess.run(
        [sys.executable, str(WORKER), *argv], capture_output=True, text=True, timeout=timeout
    )


def assert_intact(db: Database) -> None:
    """What SQLite itself says after the crash: every page and index sound, every reference
    pointing at a row."""
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalars().all() == ["ok"]
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []


def reopen(data_dir: Path) -> Database:
    """The database as dvdesk opens it at the next start, checked."""
    db = open_data_dir(data_dir)
    assert_intact(db)
    return db


def table_counts(db: Database) -> dict[str, int]:
    with db.engine.connect() as conn:
        names = conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        ).scalars()
        return {
            name: conn.exec_driver_sql(f'SELECT count(*) FROM "{name}"').scalar_one()
            for name in list(names)
        }


@dataclass
class Tally:
    """What the kills of one operation did, for the summary."""

    op: str
    runs: int = 0
    kills: int = 0
    survived: int = 0  # reopened intact, every check passed
    tokens: int = 0  # committed tokens found again
    notes: Counter[str] = field(default_factory=Counter)

    def add(self, run: Run) -> None:
        self.runs += 1
        self.kills += run.killed

    def line(self) -> str:
        extra = "".join(f", {name}: {n}" for name, n in sorted(self.notes.items()))
        return (
            f"{self.op}: {self.runs} runs, {self.kills} killed, {self.survived} reopened intact, "
            f"{self.tokens} committed tokens checked{extra}"
        )

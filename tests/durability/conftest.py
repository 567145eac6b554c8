"""The crash tests share one fork server of worker.py, and report what their kills did."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from crash_kit import SUMMARY, Workers


@pytest.fixture(scope="session")
def workers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workers]:
    server = Workers(tmp_path_factory.mktemp("jobs"))
    yield server
    server.close()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if SUMMARY:
        terminalreporter.section("crash tests")
        for line in SUMMARY:
            terminalreporter.write_line(line)

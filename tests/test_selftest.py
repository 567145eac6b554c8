"""`dvdesk --self-test`: one line per check on the real parts, exit 0 only when all pass."""

from __future__ import annotations

import io

import pytest

from dvdesk import selftest
from dvdesk.cli import main


def test_every_check_passes_on_a_working_copy(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--self-test"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(selftest.CHECKS) + 1
    assert all(line.startswith("OK") for line in lines[:-1]), lines
    assert lines[-1] == f"self-test ok: all {len(selftest.CHECKS)} checks"


def test_a_failing_check_is_named_and_the_others_still_run(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(_self: selftest.Checks) -> str:
        raise FileNotFoundError("dvdesk/reports/fonts/LiberationSerif-Regular.ttf")

    monkeypatch.setattr(selftest.Checks, "printing", broken)
    out = io.StringIO()
    assert selftest.run(out) == 1
    lines = out.getvalue().splitlines()
    failed = [line for line in lines if line.startswith("FAIL")]
    assert len(failed) == 1 and "in biểu mẫu" in failed[0] and "LiberationSerif" in failed[0]
    assert lines[-1] == f"self-test FAILED: 1 of {len(selftest.CHECKS)} checks"

"""The real program started as a user starts it (`dvdesk --demo`), in its own process, through
sign-in to the first rows on screen: the start-up probe quits it there with exit code 0."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def _start(data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = dict(
        os.environ,
        DVDESK_STARTUP_PROBE="1",
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(data_dir.parent / "config"),  # the window's settings, not the user's
    )
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from dvdesk.cli import main; sys.exit(main())",
            "--demo",
            "--data-dir",
            str(data_dir),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_demo_starts_signs_in_and_shows_its_people(tmp_path: Path) -> None:
    data_dir = tmp_path / "demo"
    first = _start(data_dir)  # makes the demo data and its administrator, encrypting it
    assert first.returncode == 0, first.stderr
    assert (data_dir / "dvdesk.vault").exists()
    again = _start(data_dir)  # signs in to the encrypted data
    assert again.returncode == 0, again.stderr

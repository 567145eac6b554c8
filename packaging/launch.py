"""The frozen program's entry point: the same `dvdesk` command as `uv run dvdesk`."""

import sys

from dvdesk.cli import main

if __name__ == "__main__":
    sys.exit(main())

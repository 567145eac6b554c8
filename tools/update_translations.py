"""Refresh the translations: lupdate the UI sources into translations/*.ts, then lrelease them
into src/dvdesk/ui/i18n/*.qm (which ship inside the package and are committed).

    uv run python tools/update_translations.py          # update .ts and .qm
    uv run python tools/update_translations.py --check  # change nothing; fail if stale

dvdesk_vi.ts holds every string; dvdesk_en.ts only the plural forms (the source is English).
Translate new entries in Qt Linguist (`uv run pyside6-linguist translations/dvdesk_vi.ts`), mark
them finished, and run this again. `--check` fails when a source string is missing from a .ts,
an entry is unfinished, or a .qm differs from what lrelease makes of its .ts.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UI_DIR = ROOT / "src" / "dvdesk" / "ui"
TS_DIR = ROOT / "translations"
QM_DIR = UI_DIR / "i18n"


@dataclass(frozen=True)
class Catalogue:
    lang: str
    plural_only: bool

    @property
    def ts(self) -> Path:
        return TS_DIR / f"dvdesk_{self.lang}.ts"

    @property
    def qm(self) -> Path:
        return QM_DIR / f"dvdesk_{self.lang}.qm"


CATALOGUES = (Catalogue("vi", plural_only=False), Catalogue("en", plural_only=True))


def tool(name: str) -> str:
    """A Qt tool from the same environment as this Python (the uv venv), else from PATH."""
    scripts = Path(sys.executable).parent
    for candidate in (scripts / name, scripts / f"{name}.exe"):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: run this with `uv run`")
    return found


def sources() -> list[Path]:
    """The Python files lupdate reads: the UI package, without uic-generated modules."""
    return sorted(p for p in UI_DIR.rglob("*.py") if not p.name.startswith("ui_"))


def run(args: list[str]) -> None:
    result = subprocess.run(args, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"{Path(args[0]).name} failed:\n{result.stdout}{result.stderr}")


def lupdate(catalogue: Catalogue, ts: Path) -> None:
    args = [tool("pyside6-lupdate"), *map(str, sources())]
    args += ["-ts", str(ts), "-no-obsolete", "-locations", "none", "-silent"]
    args += ["-source-language", "en", "-target-language", catalogue.lang]
    if catalogue.plural_only:
        args.append("-pluralonly")
    run(args)


def lrelease(ts: Path, qm: Path) -> None:
    qm.parent.mkdir(parents=True, exist_ok=True)
    run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)])


def unfinished(ts: Path) -> list[str]:
    """'context: source' of every entry without a finished translation (all plural forms)."""
    out = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in (
                "unfinished",
                "vanished",
                "obsolete",
            ):
                out.append(f"{name}: {message.findtext('source', '')}")
                continue
            forms = [n.text or "" for n in translation.iter("numerusform")]
            if not all(f.strip() for f in forms or [translation.text or ""]):
                out.append(f"{name}: {message.findtext('source', '')}")
    return out


def check() -> list[str]:
    problems: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for catalogue in CATALOGUES:
            if not catalogue.ts.exists():
                problems.append(f"{catalogue.ts.name} is missing")
                continue
            fresh_ts = Path(tmp) / catalogue.ts.name
            shutil.copy(catalogue.ts, fresh_ts)
            lupdate(catalogue, fresh_ts)
            problems += [f"{catalogue.ts.name}: not translated: {u}" for u in unfinished(fresh_ts)]
            fresh_qm = Path(tmp) / catalogue.qm.name
            lrelease(catalogue.ts, fresh_qm)
            if not catalogue.qm.exists() or catalogue.qm.read_bytes() != fresh_qm.read_bytes():
                problems.append(f"{catalogue.qm.name} is not compiled from {catalogue.ts.name}")
    return problems


def update() -> list[str]:
    problems = []
    for catalogue in CATALOGUES:
        lupdate(catalogue, catalogue.ts)
        lrelease(catalogue.ts, catalogue.qm)
        problems += [f"{catalogue.ts.name}: not translated: {u}" for u in unfinished(catalogue.ts)]
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="change nothing; fail if stale")
    args = parser.parse_args(argv)
    problems = check() if args.check else update()
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

"""The layers of design.md, enforced: a test fails on an import that crosses them."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "dvdesk"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _modules() -> list[tuple[str, set[str]]]:
    return [
        (path.relative_to(SRC).as_posix(), _imports(path)) for path in sorted(SRC.rglob("*.py"))
    ]


def _offenders(allowed_dir: str, roots: tuple[str, ...]) -> list[str]:
    return [
        f"{rel}: {name}"
        for rel, names in _modules()
        if not rel.startswith(allowed_dir)
        for name in names
        if name.split(".")[0] in roots
    ]


def test_qt_only_in_ui() -> None:
    assert _offenders("ui/", ("PySide6", "shiboken6")) == []


def test_sqlalchemy_only_in_db() -> None:
    assert _offenders("db/", ("sqlalchemy", "alembic")) == []


def test_domain_imports_nothing_of_ours_outside_domain() -> None:
    bad = [
        f"{rel}: {name}"
        for rel, names in _modules()
        if rel.startswith("domain/")
        for name in names
        if name.startswith("dvdesk.") and not name.startswith("dvdesk.domain")
    ]
    assert bad == []


def test_the_check_sees_real_files() -> None:
    # Guards the guard: if the source tree moved, the tests above would pass on nothing.
    rels = [rel for rel, _ in _modules()]
    assert "cli.py" in rels and any(r.startswith("db/") for r in rels)
    assert any(r.startswith("ui/") for r in rels)

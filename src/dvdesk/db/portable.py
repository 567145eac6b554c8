"""The few SQL constructs that differ between SQLite and PostgreSQL, written once here so the
queries above read the same on both engines."""

from __future__ import annotations

from typing import Any

from sqlalchemy import String
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.expression import ColumnElement, FunctionElement, literal


class json_text(FunctionElement[str]):
    """json_text(column, "key"): the top-level `key` of a JSON text column as text, NULL when
    the text is not JSON or has no such key."""

    type = String()
    inherit_cache = True
    name = "json_text"

    def __init__(self, column: ColumnElement[Any], key: str) -> None:
        super().__init__(column, literal(key))


@compiles(json_text, "sqlite")
def _json_text_sqlite(element: json_text, compiler: SQLCompiler, **kw: Any) -> str:
    column, key = list(element.clauses)
    doc = compiler.process(column, **kw)
    path = compiler.process(literal("$.") + key, **kw)
    return f"CASE WHEN json_valid({doc}) = 1 THEN json_extract({doc}, {path}) END"


@compiles(json_text, "postgresql")
def _json_text_postgresql(element: json_text, compiler: SQLCompiler, **kw: Any) -> str:
    column, key = list(element.clauses)
    # dv_json_text (migration 0011) returns NULL for text that is not JSON instead of failing.
    return f"dv_json_text({compiler.process(column, **kw)}, {compiler.process(key, **kw)})"


def insert(session: Session, table: Any) -> Any:
    """INSERT for `table` with ON CONFLICT clauses (on_conflict_do_nothing/do_update), in the
    dialect of the session's database."""
    if session.get_bind().dialect.name == "postgresql":
        return postgresql.insert(table)
    return sqlite.insert(table)

"""the office's shared server: dv_fold, dv_json_text and deferrable foreign keys on PostgreSQL

On SQLite the program registers dv_fold (domain.text.fold) on each connection and defers
foreign keys with a pragma; PostgreSQL needs the function in the database and the constraints
declared deferrable. Nothing changes on SQLite.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-28
"""

from __future__ import annotations

import unicodedata

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

# Latin letters with marks (Vietnamese among them) and the combining marks themselves.
_RANGES = ((0x00C0, 0x024F), (0x1E00, 0x1EFF))
_MARKS = (0x0300, 0x036F)


def _fold_map() -> tuple[str, str, str]:
    """(letters, their bases, marks to drop) for translate(): the same folding as
    domain.text.fold, frozen here as migrations are."""
    letters, bases = [], []
    for start, end in _RANGES:
        for code in range(start, end + 1):
            ch = chr(code)
            base = "".join(
                c for c in unicodedata.normalize("NFD", ch.lower()) if not unicodedata.combining(c)
            ).replace("đ", "d")
            if len(base) == 1 and base.isascii() and base.isalpha():
                letters.append(ch)
                bases.append(base)
    marks = "".join(chr(c) for c in range(_MARKS[0], _MARKS[1] + 1))
    return "".join(letters), "".join(bases), marks


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    letters, bases, marks = _fold_map()
    # translate() drops the characters of its second argument that have no counterpart in the
    # third: the combining marks, placed after the letters.
    op.execute(
        "CREATE OR REPLACE FUNCTION dv_fold(value text) RETURNS text "
        "LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT coalesce(btrim(regexp_replace("
        f"lower(translate(value, {_literal(letters + marks)}, {_literal(bases)})), "
        "'\\s+', ' ', 'g')), '') $$"
    )
    op.execute(
        "CREATE OR REPLACE FUNCTION dv_json_text(doc text, key text) RETURNS text "
        "LANGUAGE plpgsql IMMUTABLE AS $$ BEGIN RETURN doc::jsonb ->> key; "
        "EXCEPTION WHEN others THEN RETURN NULL; END $$"
    )
    inspector = sa.inspect(bind)
    for table in inspector.get_table_names():
        for fk in inspector.get_foreign_keys(table):
            if fk.get("name"):
                op.execute(
                    f'ALTER TABLE "{table}" ALTER CONSTRAINT "{fk["name"]}" '
                    "DEFERRABLE INITIALLY IMMEDIATE"
                )


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS dv_fold(text)")
        op.execute("DROP FUNCTION IF EXISTS dv_json_text(text, text)")

"""accounts in the office's shared database, and the desk in the audit log

On a shared server there is no vault beside a file: an account's password is checked against
its Argon2id hash here. Every audit entry names the desk (computer) it was made at as well as
the account.

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("accounts") as batch:
        batch.add_column(sa.Column("password_hash", sa.String(length=200), nullable=True))
    with op.batch_alter_table("audit_log") as batch:
        batch.add_column(sa.Column("desk", sa.String(length=80), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("audit_log") as batch:
        batch.drop_column("desk")
    with op.batch_alter_table("accounts") as batch:
        batch.drop_column("password_hash")

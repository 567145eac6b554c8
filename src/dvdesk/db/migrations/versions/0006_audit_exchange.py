"""audit entries travel up: peer_audit, and how far each side has them

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "peer_audit",
        sa.Column("unit_id", sa.String(length=36), nullable=False),
        sa.Column("entry_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=120), nullable=False),
        sa.Column("action", sa.String(length=60), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.String(length=36), nullable=False),
        sa.Column("before", sa.Text(), nullable=False),
        sa.Column("after", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("bundle_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["units.id"], name=op.f("fk_peer_audit_unit_id_units")
        ),
        sa.PrimaryKeyConstraint("unit_id", "entry_id", name=op.f("pk_peer_audit")),
    )
    with op.batch_alter_table("peer_audit", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_peer_audit_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_peer_audit_entity_id"), ["entity_id"], unique=False)
    with op.batch_alter_table("exchange_peers", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("audit_acked", sa.Integer(), server_default="0", nullable=False)
        )
    with op.batch_alter_table("bundle_ledger", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("audit_upto", sa.Integer(), server_default="0", nullable=False)
        )


def downgrade() -> None:
    # Plain DROP COLUMN (SQLite 3.35+): a batch copy would break the foreign keys to them.
    op.drop_column("bundle_ledger", "audit_upto")
    op.drop_column("exchange_peers", "audit_acked")
    with op.batch_alter_table("peer_audit", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_peer_audit_entity_id"))
        batch_op.drop_index(batch_op.f("ix_peer_audit_at"))
    op.drop_table("peer_audit")

"""Bank.uuid: what cached bank pages are keyed on, since an id can come again.

Revision ID: 8c41d0e5b7a2
Revises: 3a9f1c7d2e40
Create Date: 2026-12-02

Each existing bank gets a fresh random uuid (Python's uuid4, as the model's default).
"""
from uuid import uuid4

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '8c41d0e5b7a2'
down_revision = '3a9f1c7d2e40'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('banks', schema=None) as batch_op:
        batch_op.add_column(sa.Column('uuid', sa.String(length=32), nullable=True))
    conn = op.get_bind()
    banks = sa.table('banks', sa.column('id', sa.Integer), sa.column('uuid', sa.String))
    for (bank_id,) in conn.execute(sa.select(banks.c.id)).fetchall():
        conn.execute(banks.update().where(banks.c.id == bank_id).values(uuid=uuid4().hex))
    with op.batch_alter_table(
        'banks', schema=None, table_kwargs={'sqlite_autoincrement': True}
    ) as batch_op:
        batch_op.alter_column('uuid', existing_type=sa.String(length=32), nullable=False)
        batch_op.create_unique_constraint(batch_op.f('uq_banks_uuid'), ['uuid'])


def downgrade():
    with op.batch_alter_table(
        'banks', schema=None, table_kwargs={'sqlite_autoincrement': True}
    ) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_banks_uuid'), type_='unique')
        batch_op.drop_column('uuid')

"""Add users.extra_new_day and extra_new_cards: "Study N more today".

Revision ID: d9e2f4a6b8c1
Revises: c3f6a1d8e592
Create Date: 2026-11-30

A learner whose new cards are held back by the daily limit can raise it once, for one
learning day: how many more, and the day they are for. Every existing learner starts
with none (no day, 0), so every queue stays as it was.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'd9e2f4a6b8c1'
down_revision = 'c3f6a1d8e592'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('extra_new_day', sa.Date(), nullable=True))
        batch_op.add_column(
            sa.Column('extra_new_cards', sa.Integer(), server_default='0', nullable=False)
        )


def downgrade():
    # dropping a column rebuilds the table on SQLite: keep it AUTOINCREMENT
    with op.batch_alter_table(
        'users', schema=None, table_kwargs={'sqlite_autoincrement': True}
    ) as batch_op:
        batch_op.drop_column('extra_new_cards')
        batch_op.drop_column('extra_new_day')

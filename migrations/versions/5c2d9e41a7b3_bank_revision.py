"""Bank.revision: counts changes to a bank's questions, the key of cached bank pages.

Revision ID: 5c2d9e41a7b3
Revises: 0e7bf8752fab
Create Date: 2026-11-26

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '5c2d9e41a7b3'
down_revision = '0e7bf8752fab'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('banks', schema=None) as batch_op:
        batch_op.add_column(sa.Column('revision', sa.Integer(), server_default='0', nullable=False))


def downgrade():
    with op.batch_alter_table('banks', schema=None) as batch_op:
        batch_op.drop_column('revision')

"""User.session_generation: "sign out everywhere else" without changing the password.

Revision ID: e4a7c2b19d05
Revises: c11d19186fa3
Create Date: 2026-11-26

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'e4a7c2b19d05'
down_revision = 'c11d19186fa3'
branch_labels = None
depends_on = None


def upgrade():
    # 0 keeps every session key as it was (User.session_key): nobody is signed out
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('session_generation', sa.Integer(), server_default='0', nullable=False)
        )


def downgrade():
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('session_generation')

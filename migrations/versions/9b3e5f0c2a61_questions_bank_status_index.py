"""Index questions (bank_id, status): counting a bank's live questions reads no rows.

Revision ID: 9b3e5f0c2a61
Revises: 5c2d9e41a7b3
Create Date: 2026-11-26

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = '9b3e5f0c2a61'
down_revision = '5c2d9e41a7b3'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('questions', schema=None) as batch_op:
        batch_op.create_index('ix_questions_bank_id_status', ['bank_id', 'status'], unique=False)


def downgrade():
    with op.batch_alter_table('questions', schema=None) as batch_op:
        batch_op.drop_index('ix_questions_bank_id_status')

"""QuizAttempt.start_key: a quiz form submitted twice starts one attempt, not two.

Revision ID: c11d19186fa3
Revises: 9b3e5f0c2a61
Create Date: 2026-11-26

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'c11d19186fa3'
down_revision = '9b3e5f0c2a61'
branch_labels = None
depends_on = None


def upgrade():
    # existing attempts keep NULL, which a unique constraint never counts as a duplicate
    with op.batch_alter_table('quiz_attempts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('start_key', sa.String(length=80), nullable=True))
        batch_op.create_unique_constraint(batch_op.f('uq_quiz_attempts_user_id_start_key'), ['user_id', 'start_key'])


def downgrade():
    with op.batch_alter_table('quiz_attempts', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_quiz_attempts_user_id_start_key'), type_='unique')
        batch_op.drop_column('start_key')

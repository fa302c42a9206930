"""Flashcard settings per user, and undo that marks a review instead of deleting it.

Revision ID: 7a814850d637
Revises: 1ff77b3cb124
Create Date: 2026-11-26

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '7a814850d637'
down_revision = '1ff77b3cb124'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('review_logs', schema=None) as batch_op:
        batch_op.add_column(sa.Column('undone_at', sa.DateTime(timezone=True), nullable=True))

    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('desired_retention', sa.Float(), server_default='0.9', nullable=False))
        batch_op.add_column(sa.Column('new_per_day', sa.Integer(), server_default='20', nullable=False))
        batch_op.add_column(sa.Column('max_reviews_per_day', sa.Integer(), server_default='200', nullable=False))
        # existing users get the default steps, 1 and 10 minutes
        batch_op.add_column(sa.Column('learning_steps', sa.JSON(), server_default=sa.text("'[60, 600]'"), nullable=False))
        batch_op.add_column(sa.Column('fsrs_parameters', sa.JSON(), nullable=True))


def downgrade():
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('fsrs_parameters')
        batch_op.drop_column('learning_steps')
        batch_op.drop_column('max_reviews_per_day')
        batch_op.drop_column('new_per_day')
        batch_op.drop_column('desired_retention')

    with op.batch_alter_table('review_logs', schema=None) as batch_op:
        batch_op.drop_column('undone_at')

"""Ids are never reused: every SQLite table AUTOINCREMENT.

Revision ID: 3a9f1c7d2e40
Revises: df84606bb9ad
Create Date: 2026-12-02

Without AUTOINCREMENT, SQLite gives a new row the id of the deleted last row, and a
page cached, a link shared or a tab left open under that id then shows the new row.
A table cannot be altered into AUTOINCREMENT, so each is rebuilt (batch mode copies
the rows, ids included; env.py turns foreign keys off meanwhile, so that dropping the
old table deletes nothing that points at it). Each table's counter starts from its
highest id now: an id already given back by a deletion before this migration is the
one that can come again, once. PostgreSQL's sequences never go back: nothing to do.
"""
from alembic import op


# revision identifiers, used by Alembic.
revision = '3a9f1c7d2e40'
down_revision = 'df84606bb9ad'
branch_labels = None
depends_on = None

# parents before children, so that each copy's foreign keys find their rows
TABLES = (
    'users',
    'articles',
    'banks',
    'questions',
    'quiz_attempts',
    'attempt_answers',
    'cards',
    'review_logs',
    'api_tokens',
)


def _rebuild(autoincrement):
    if op.get_bind().dialect.name != 'sqlite':
        return
    for table in TABLES:
        with op.batch_alter_table(
            table, recreate='always', table_kwargs={'sqlite_autoincrement': autoincrement}
        ):
            pass


def upgrade():
    _rebuild(True)


def downgrade():
    _rebuild(False)

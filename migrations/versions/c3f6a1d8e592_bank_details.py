"""An article's details (publisher, date, source) belong to each bank, not the text.

Revision ID: c3f6a1d8e592
Revises: b5c8e2a9d417
Create Date: 2026-11-29

The same text imported by two users is stored once, and its publisher, date, source
and title were stored with it: one user's private details showed on another user's
bank. Each bank now has its own. A bank takes the stored details only when its owner
is the one who imported the text (or both are the built-in banks'); other banks start
without them, titled by their own name. The text keeps no details.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'c3f6a1d8e592'
down_revision = 'b5c8e2a9d417'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('banks', schema=None) as batch_op:
        batch_op.add_column(sa.Column('publisher', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('published_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('source', sa.String(length=1000), nullable=True))
    op.execute(
        """
        UPDATE banks SET
            publisher = (SELECT a.publisher FROM articles a WHERE a.id = banks.article_id),
            published_on = (SELECT a.published_on FROM articles a WHERE a.id = banks.article_id),
            source = (SELECT a.source FROM articles a WHERE a.id = banks.article_id)
        WHERE EXISTS (
            SELECT 1 FROM articles a
            WHERE a.id = banks.article_id
              AND (a.imported_by_id = banks.owner_id
                   OR (a.imported_by_id IS NULL AND banks.owner_id IS NULL))
        )
        """
    )
    with op.batch_alter_table(
        'articles', schema=None, table_kwargs={'sqlite_autoincrement': True}
    ) as batch_op:
        batch_op.drop_column('source')
        batch_op.drop_column('published_on')
        batch_op.drop_column('publisher')
        batch_op.drop_column('title')


def downgrade():
    with op.batch_alter_table(
        'articles', schema=None, table_kwargs={'sqlite_autoincrement': True}
    ) as batch_op:
        batch_op.add_column(sa.Column('title', sa.String(length=300), nullable=True))
        batch_op.add_column(sa.Column('publisher', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('published_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('source', sa.String(length=1000), nullable=True))
    # from the oldest bank of each text, as the text's first importer made it
    first_bank = "(SELECT MIN(b.id) FROM banks b WHERE b.article_id = articles.id)"
    op.execute(
        f"""
        UPDATE articles SET
            title = COALESCE((SELECT b.name FROM banks b WHERE b.id = {first_bank}), ''),
            publisher = (SELECT b.publisher FROM banks b WHERE b.id = {first_bank}),
            published_on = (SELECT b.published_on FROM banks b WHERE b.id = {first_bank}),
            source = (SELECT b.source FROM banks b WHERE b.id = {first_bank})
        """
    )
    with op.batch_alter_table(
        'articles', schema=None, table_kwargs={'sqlite_autoincrement': True}
    ) as batch_op:
        batch_op.alter_column('title', existing_type=sa.String(length=300), nullable=False)
    with op.batch_alter_table(
        'banks', schema=None, table_kwargs={'sqlite_autoincrement': True}
    ) as batch_op:
        batch_op.drop_column('source')
        batch_op.drop_column('published_on')
        batch_op.drop_column('publisher')

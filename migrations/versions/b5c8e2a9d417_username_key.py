"""Usernames unique regardless of case: User.username_key, the lower-cased name.

Revision ID: b5c8e2a9d417
Revises: a7d3e9f1c284
Create Date: 2026-11-29

Where names already differ only in case ("ALICE" and "alice"), the oldest account
keeps its name and each later one gets "-2", "-3", ... on the end (clipped to fit 40
characters), which its owner signs in with from now on; nothing else of theirs changes.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'b5c8e2a9d417'
down_revision = 'a7d3e9f1c284'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('username_key', sa.String(length=40), nullable=True))
    conn = op.get_bind()
    users = sa.table(
        'users',
        sa.column('id', sa.Integer),
        sa.column('username', sa.String),
        sa.column('username_key', sa.String),
    )
    rows = conn.execute(sa.select(users.c.id, users.c.username).order_by(users.c.id)).fetchall()
    taken = {name.lower() for _, name in rows}
    kept = set()
    for user_id, name in rows:
        key = name.lower()
        if key in kept:
            number = 2
            while True:
                suffix = f"-{number}"
                candidate = name[: 40 - len(suffix)] + suffix
                if candidate.lower() not in taken:
                    break
                number += 1
            name, key = candidate, candidate.lower()
            taken.add(key)
        kept.add(key)
        conn.execute(
            users.update().where(users.c.id == user_id).values(username=name, username_key=key)
        )
    with op.batch_alter_table(
        'users', schema=None, table_kwargs={'sqlite_autoincrement': True}
    ) as batch_op:
        batch_op.alter_column('username_key', existing_type=sa.String(length=40), nullable=False)
        batch_op.create_unique_constraint(batch_op.f('uq_users_username_key'), ['username_key'])


def downgrade():
    with op.batch_alter_table(
        'users', schema=None, table_kwargs={'sqlite_autoincrement': True}
    ) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_users_username_key'), type_='unique')
        batch_op.drop_column('username_key')

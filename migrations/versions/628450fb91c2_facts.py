"""Facts: each bank's questions grouped by the fact they ask about.

Revision ID: 628450fb91c2
Revises: d9e2f4a6b8c1
Create Date: 2026-11-30

A bank's questions of one fact_key become one fact, ranked in the order of its first
question (the bank's order, best first), with the sentence and answer of the question
that blanks or asks for it (a true/false question only when the fact has no other).
A question stored without a key is a fact of its own. As services/facts.py does for
new banks; copied here on purpose: a migration must not change when the code does.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '628450fb91c2'
down_revision = 'd9e2f4a6b8c1'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'facts',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('bank_id', sa.Integer(), nullable=False),
        sa.Column('key', sa.String(length=40), nullable=False),
        sa.Column('kind', sa.String(length=16), nullable=False),
        sa.Column('rank', sa.Integer(), nullable=False),
        sa.Column('source_sentence', sa.Text(), nullable=False),
        sa.Column('sentence_start', sa.Integer(), nullable=False),
        sa.Column('sentence_end', sa.Integer(), nullable=False),
        sa.Column('answer', sa.Text(), nullable=False),
        sa.Column('answer_start', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ['bank_id'], ['banks.id'], name=op.f('fk_facts_bank_id_banks'), ondelete='CASCADE'
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_facts')),
        sa.UniqueConstraint('bank_id', 'key', name=op.f('uq_facts_bank_id_key')),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table('facts', schema=None) as batch_op:
        batch_op.create_index('ix_facts_bank_id_rank', ['bank_id', 'rank'], unique=False)
    with op.batch_alter_table('questions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('fact_id', sa.Integer(), nullable=True))

    conn = op.get_bind()
    facts = sa.table(
        'facts',
        sa.column('id', sa.Integer),
        sa.column('bank_id', sa.Integer),
        sa.column('key', sa.String),
        sa.column('kind', sa.String),
        sa.column('rank', sa.Integer),
        sa.column('source_sentence', sa.Text),
        sa.column('sentence_start', sa.Integer),
        sa.column('sentence_end', sa.Integer),
        sa.column('answer', sa.Text),
        sa.column('answer_start', sa.Integer),
    )
    questions = sa.table(
        'questions',
        sa.column('id', sa.Integer),
        sa.column('bank_id', sa.Integer),
        sa.column('type', sa.String),
        sa.column('answer', sa.Text),
        sa.column('fact_kind', sa.String),
        sa.column('rank', sa.Integer),
        sa.column('source_sentence', sa.Text),
        sa.column('sentence_start', sa.Integer),
        sa.column('sentence_end', sa.Integer),
        sa.column('answer_start', sa.Integer),
        sa.column('fact_key', sa.String),
        sa.column('fact_id', sa.Integer),
    )
    rows = conn.execute(
        sa.select(questions).order_by(questions.c.bank_id, questions.c.rank, questions.c.id)
    ).fetchall()
    groups = {}  # (bank, key) -> the fact's questions, in bank order
    for row in rows:
        key = row.fact_key or f"solo:question-{row.id}"
        groups.setdefault((row.bank_id, key), []).append(row)
    ranks = {}
    for (bank_id, key), members in groups.items():
        rank = ranks.get(bank_id, 0)
        ranks[bank_id] = rank + 1
        best = min(members, key=lambda q: (q.type == 'true_false', q.rank, q.id))
        fact_id = conn.execute(
            facts.insert().values(
                bank_id=bank_id,
                key=key,
                kind=best.fact_kind,
                rank=rank,
                source_sentence=best.source_sentence,
                sentence_start=best.sentence_start,
                sentence_end=best.sentence_end,
                answer='' if best.type == 'true_false' else best.answer,
                answer_start=best.answer_start or 0,
            )
            .returning(facts.c.id)
        ).scalar_one()
        conn.execute(
            questions.update()
            .where(questions.c.id.in_([q.id for q in members]))
            .values(fact_id=fact_id)
        )

    with op.batch_alter_table(
        'questions', schema=None, table_kwargs={'sqlite_autoincrement': True}
    ) as batch_op:
        batch_op.alter_column('fact_id', existing_type=sa.Integer(), nullable=False)
        batch_op.create_index(batch_op.f('ix_questions_fact_id'), ['fact_id'], unique=False)
        batch_op.create_foreign_key(
            batch_op.f('fk_questions_fact_id_facts'),
            'facts',
            ['fact_id'],
            ['id'],
            ondelete='CASCADE',
        )


def downgrade():
    with op.batch_alter_table(
        'questions', schema=None, table_kwargs={'sqlite_autoincrement': True}
    ) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_questions_fact_id_facts'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_questions_fact_id'))
        batch_op.drop_column('fact_id')
    with op.batch_alter_table('facts', schema=None) as batch_op:
        batch_op.drop_index('ix_facts_bank_id_rank')
    op.drop_table('facts')

"""Question.fact_key: the fact each question asks about (its sentence and answer span).

Revision ID: df84606bb9ad
Revises: e4a7c2b19d05
Create Date: 2026-11-29

Existing rows get the key the generator now writes: the answer's span in the source
sentence where the answer stands there (at answer_start, else where it first occurs);
a true/false question takes the key of a question of the same bank about the same span
of the same sentence; anything else (an edited or imported answer) keys on the
sentence and the answer's words. The formula is copied here on purpose: a migration
must not change when the application's code does.
"""
import hashlib
import re

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'df84606bb9ad'
down_revision = 'e4a7c2b19d05'
branch_labels = None
depends_on = None


def _digest(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def _answer_words(text):
    t = text.lower().replace(",", "")
    t = re.sub(r"^(?:the|a|an)\s+", "", t)
    return re.sub(r"[^\w%$£€.]+", " ", t).strip()


def _span_key(sentence, answer, answer_start):
    if answer and sentence[answer_start : answer_start + len(answer)] == answer:
        return f"{_digest(sentence)}:{answer_start}-{answer_start + len(answer)}"
    at = sentence.find(answer) if answer else -1
    if at >= 0:
        return f"{_digest(sentence)}:{at}-{at + len(answer)}"
    return None


def upgrade():
    with op.batch_alter_table('questions', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('fact_key', sa.String(length=40), server_default='', nullable=False)
        )
        batch_op.create_index('ix_questions_bank_id_fact_key', ['bank_id', 'fact_key'])
    conn = op.get_bind()
    questions = sa.table(
        'questions',
        sa.column('id', sa.Integer),
        sa.column('bank_id', sa.Integer),
        sa.column('type', sa.String),
        sa.column('answer', sa.Text),
        sa.column('source_sentence', sa.Text),
        sa.column('answer_start', sa.Integer),
        sa.column('fact_key', sa.String),
    )
    rows = conn.execute(
        sa.select(
            questions.c.id,
            questions.c.bank_id,
            questions.c.type,
            questions.c.answer,
            questions.c.source_sentence,
            questions.c.answer_start,
        )
    ).fetchall()
    keys = {}
    spans = {}  # (bank, sentence, answer_start) -> a span key found there
    for row in rows:
        if row.type == 'true_false':
            continue
        key = _span_key(row.source_sentence or '', row.answer or '', row.answer_start or 0)
        if key is not None:
            keys[row.id] = key
            spans.setdefault((row.bank_id, row.source_sentence, row.answer_start), key)
    for row in rows:
        if row.id in keys:
            continue
        sentence = row.source_sentence or ''
        key = spans.get((row.bank_id, sentence, row.answer_start))
        if key is None and row.type == 'true_false':
            key = f"{_digest(sentence)}:{row.answer_start or 0}"
        if key is None:
            words = hashlib.sha256(_answer_words(row.answer or '').encode("utf-8")).hexdigest()
            key = f"{_digest(sentence)}:{words[:8]}"
        keys[row.id] = key
    for question_id, key in keys.items():
        conn.execute(
            questions.update().where(questions.c.id == question_id).values(fact_key=key)
        )


def downgrade():
    with op.batch_alter_table('questions', schema=None) as batch_op:
        batch_op.drop_index('ix_questions_bank_id_fact_key')
        batch_op.drop_column('fact_key')

"""One flashcard per learner per fact, instead of one per question.

Revision ID: 0fe2809a55ed
Revises: 628450fb91c2
Create Date: 2026-11-30

A learner's cards of one fact's questions become one card: the oldest stays, every
review log of the others is moved to it (none is deleted), and its memory state is
recomputed by replaying its reviews in time order with FSRS, as the learner's settings
schedule them (undone reviews are kept in the log and left out of the replay, as undo
left them out of the card). Each replayed review's "card before" snapshot, which undo
restores, is rewritten to the replayed state. The card stays suspended or a leech if
any of the merged cards was. A learner with one card of a fact keeps it as it is.

The replay is written against `fsrs` here on purpose: a migration must not change
when the application's code does.
"""
from datetime import UTC, timedelta

from alembic import op
from fsrs import Card, Rating, Scheduler, State
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0fe2809a55ed'
down_revision = '628450fb91c2'
branch_labels = None
depends_on = None

LEECH_LAPSES = 8

cards = sa.table(
    'cards',
    sa.column('id', sa.Integer),
    sa.column('user_id', sa.Integer),
    sa.column('question_id', sa.Integer),
    sa.column('fact_id', sa.Integer),
    sa.column('state', sa.SmallInteger),
    sa.column('step', sa.SmallInteger),
    sa.column('stability', sa.Float),
    sa.column('difficulty', sa.Float),
    sa.column('due', sa.DateTime(timezone=True)),
    sa.column('last_review', sa.DateTime(timezone=True)),
    sa.column('reps', sa.Integer),
    sa.column('lapses', sa.Integer),
    sa.column('suspended', sa.Boolean),
    sa.column('leech', sa.Boolean),
    sa.column('buried_until', sa.DateTime(timezone=True)),
    sa.column('version', sa.Integer),
)
logs = sa.table(
    'review_logs',
    sa.column('id', sa.Integer),
    sa.column('card_id', sa.Integer),
    sa.column('rating', sa.SmallInteger),
    sa.column('reviewed_at', sa.DateTime(timezone=True)),
    sa.column('undone_at', sa.DateTime(timezone=True)),
    sa.column('card_before', sa.JSON),
)
users = sa.table(
    'users',
    sa.column('id', sa.Integer),
    sa.column('desired_retention', sa.Float),
    sa.column('learning_steps', sa.JSON),
    sa.column('fsrs_parameters', sa.JSON),
)


def _aware(value):
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _stored(value, dialect):
    """As the app's UTCDateTime stores it: naive UTC on SQLite."""
    if value is None:
        return None
    return value.replace(tzinfo=None) if dialect == 'sqlite' else value


def _scheduler(user):
    # as domain/scheduling.py made it when this migration was written (fuzz off)
    kwargs = {}
    if user.fsrs_parameters:
        kwargs['parameters'] = tuple(user.fsrs_parameters)
    steps = user.learning_steps if user.learning_steps is not None else [60, 600]
    return Scheduler(
        desired_retention=user.desired_retention or 0.9,
        learning_steps=tuple(timedelta(seconds=s) for s in steps),
        relearning_steps=(timedelta(minutes=10),),
        maximum_interval=36500,
        enable_fuzzing=False,
        **kwargs,
    )


def _snapshot(card, reps, lapses, suspended, leech):
    return {
        'state': card.state.value,
        'step': card.step,
        'stability': card.stability,
        'difficulty': card.difficulty,
        'due': card.due.isoformat(),
        'last_review': card.last_review.isoformat() if card.last_review else None,
        'reps': reps,
        'lapses': lapses,
        'suspended': suspended,
        'leech': leech,
        'buried_until': None,
    }


def _merge(conn, dialect, scheduler, group):
    """The oldest card of `group` (one learner's cards of one fact) takes all their
    reviews and the state their replay gives; the others go."""
    keep, others = group[0], group[1:]
    ids = [c.id for c in group]
    conn.execute(logs.update().where(logs.c.card_id.in_(ids)).values(card_id=keep.id))
    conn.execute(cards.delete().where(cards.c.id.in_([c.id for c in others])))
    history = conn.execute(
        sa.select(logs.c.id, logs.c.rating, logs.c.reviewed_at)
        .where(logs.c.card_id == keep.id, logs.c.undone_at.is_(None))
        .order_by(logs.c.reviewed_at, logs.c.id)
    ).fetchall()

    suspended, leech = any(c.suspended for c in group), any(c.leech for c in group)

    first = _aware(history[0].reviewed_at) if history else _aware(min(c.due for c in group))
    card = Card(card_id=1, state=State.Learning, step=0, due=first)
    reps = lapses = 0
    for log in history:
        conn.execute(
            logs.update()
            .where(logs.c.id == log.id)
            .values(card_before=_snapshot(card, reps, lapses, suspended, leech))
        )
        lapsed = card.state == State.Review and log.rating == Rating.Again.value
        card, _ = scheduler.review_card(card, Rating(log.rating), _aware(log.reviewed_at))
        reps, lapses = reps + 1, lapses + (1 if lapsed else 0)
    conn.execute(
        cards.update()
        .where(cards.c.id == keep.id)
        .values(
            state=card.state.value,
            step=card.step,
            stability=card.stability,
            difficulty=card.difficulty,
            due=_stored(card.due, dialect),
            last_review=_stored(card.last_review, dialect),
            reps=reps,
            lapses=lapses,
            suspended=suspended,
            leech=leech or lapses >= LEECH_LAPSES,
            buried_until=None,
            # a tab showing any of the merged cards holds a stale version
            version=max(c.version for c in group) + 1,
        )
    )


def upgrade():
    with op.batch_alter_table('cards', schema=None) as batch_op:
        batch_op.add_column(sa.Column('fact_id', sa.Integer(), nullable=True))
    conn = op.get_bind()
    dialect = conn.dialect.name
    op.execute(
        "UPDATE cards SET fact_id = "
        "(SELECT questions.fact_id FROM questions WHERE questions.id = cards.question_id)"
    )
    rows = conn.execute(sa.select(cards).order_by(cards.c.user_id, cards.c.fact_id, cards.c.id))
    groups = {}
    for row in rows.fetchall():
        groups.setdefault((row.user_id, row.fact_id), []).append(row)
    schedulers = {}
    for (user_id, _fact_id), group in groups.items():
        if len(group) < 2:
            continue
        if user_id not in schedulers:
            user = conn.execute(sa.select(users).where(users.c.id == user_id)).one()
            schedulers[user_id] = _scheduler(user)
        _merge(conn, dialect, schedulers[user_id], group)

    with op.batch_alter_table(
        'cards', schema=None, table_kwargs={'sqlite_autoincrement': True}
    ) as batch_op:
        batch_op.drop_constraint('uq_cards_user_id_question_id', type_='unique')
        batch_op.drop_constraint('fk_cards_question_id_questions', type_='foreignkey')
        batch_op.drop_index('ix_cards_question_id')
        batch_op.drop_column('question_id')
        batch_op.alter_column('fact_id', existing_type=sa.Integer(), nullable=False)
        batch_op.create_index(batch_op.f('ix_cards_fact_id'), ['fact_id'], unique=False)
        batch_op.create_unique_constraint(
            batch_op.f('uq_cards_user_id_fact_id'), ['user_id', 'fact_id']
        )
        batch_op.create_foreign_key(
            batch_op.f('fk_cards_fact_id_facts'), 'facts', ['fact_id'], ['id'], ondelete='CASCADE'
        )


def downgrade():
    # each card goes back to its fact's first question; merged cards stay merged
    with op.batch_alter_table('cards', schema=None) as batch_op:
        batch_op.add_column(sa.Column('question_id', sa.Integer(), nullable=True))
    op.execute(
        "UPDATE cards SET question_id = (SELECT MIN(questions.id) FROM questions "
        "WHERE questions.fact_id = cards.fact_id AND questions.rank = "
        "(SELECT MIN(q2.rank) FROM questions q2 WHERE q2.fact_id = cards.fact_id))"
    )
    with op.batch_alter_table(
        'cards', schema=None, table_kwargs={'sqlite_autoincrement': True}
    ) as batch_op:
        batch_op.drop_constraint('uq_cards_user_id_fact_id', type_='unique')
        batch_op.drop_constraint('fk_cards_fact_id_facts', type_='foreignkey')
        batch_op.drop_index('ix_cards_fact_id')
        batch_op.drop_column('fact_id')
        batch_op.alter_column('question_id', existing_type=sa.Integer(), nullable=False)
        batch_op.create_index('ix_cards_question_id', ['question_id'], unique=False)
        batch_op.create_unique_constraint(
            'uq_cards_user_id_question_id', ['user_id', 'question_id']
        )
        batch_op.create_foreign_key(
            'fk_cards_question_id_questions',
            'questions',
            ['question_id'],
            ['id'],
            ondelete='CASCADE',
        )

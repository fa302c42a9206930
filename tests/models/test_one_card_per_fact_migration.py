"""The migration from one card per question to one card per fact: a learner's cards of
one fact become one, every review is kept, and the state is FSRS's replay of them."""

from datetime import UTC, datetime, timedelta

from alembic.script import ScriptDirectory
from flask_migrate import downgrade, upgrade
from fsrs import Card as FsrsCard
from fsrs import Rating, Scheduler
from sqlalchemy import func, select, text

from quizapp.extensions import db
from quizapp.models import Card, ReviewLog
from tests.builders import make_bank, make_user

ONE_CARD_REVISION = "0fe2809a55ed"
START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)

# A learner's history of one fact, met in two forms: on the review page and in quizzes,
# over five weeks, with a lapse; (card, minutes after START, rating, source, undone)
HISTORY = [
    ("cloze", 0, 3, "review", False),
    ("cloze", 10, 3, "review", False),
    ("choice", 60 * 26, 3, "quiz", False),
    ("cloze", 60 * 24 * 4, 1, "review", True),  # undone, then rated again
    ("cloze", 60 * 24 * 4 + 1, 3, "review", False),
    ("choice", 60 * 24 * 12, 1, "quiz", False),
    ("cloze", 60 * 24 * 12 + 10, 3, "review", False),
    ("choice", 60 * 24 * 20, 3, "quiz", False),
    ("cloze", 60 * 24 * 37, 4, "review", False),
]


def before(app, revision: str) -> str:
    return ScriptDirectory(app.config["MIGRATIONS_DIR"]).get_revision(revision).down_revision


def stored(when: datetime) -> datetime:
    return when.replace(tzinfo=None) if db.engine.dialect.name == "sqlite" else when


def insert_card(connection, user_id: int, question_id: int, reps: int) -> int:
    return connection.execute(
        text(
            "INSERT INTO cards (user_id, question_id, state, step, stability, difficulty, due, "
            "last_review, reps, lapses, suspended, leech, version) VALUES (:user, :question, "
            "2, NULL, 3.0, 5.0, :due, :due, :reps, 0, false, false, 4) RETURNING id"
        ),
        {"user": user_id, "question": question_id, "due": stored(START), "reps": reps},
    ).scalar_one()


def fsrs_replay(ratings):
    """The card py-fsrs gives after these (time, rating) reviews, with our settings."""
    scheduler = Scheduler(
        desired_retention=0.9,
        learning_steps=(timedelta(minutes=1), timedelta(minutes=10)),
        relearning_steps=(timedelta(minutes=10),),
        enable_fuzzing=False,
    )
    card = FsrsCard()
    for when, rating in ratings:
        card, _ = scheduler.review_card(card, Rating(rating), when)
    return card


def test_a_learners_cards_of_one_fact_become_one_replayed_card(app):
    user = make_user()
    bank = make_bank(user)
    fact = next(
        f for f in bank.facts if {"cloze", "multiple_choice"} <= {q.type for q in f.questions}
    )
    cloze = next(q for q in fact.questions if q.type == "cloze")
    choice = next(q for q in fact.questions if q.type == "multiple_choice")
    alone = next(f for f in bank.facts if f is not fact).questions[0]
    user_id, fact_id = user.id, fact.id
    db.session.remove()
    directory = app.config["MIGRATIONS_DIR"]
    downgrade(directory=directory, revision=before(app, ONE_CARD_REVISION))

    with db.engine.begin() as connection:
        cards = {
            "cloze": insert_card(connection, user_id, cloze.id, reps=6),
            "choice": insert_card(connection, user_id, choice.id, reps=3),
        }
        untouched = insert_card(connection, user_id, alone.id, reps=1)
        for card, minutes, rating, source, undone in HISTORY:
            when = START + timedelta(minutes=minutes)
            connection.execute(
                text(
                    "INSERT INTO review_logs (card_id, user_id, rating, reviewed_at, source, "
                    "card_before, undone_at) VALUES (:card, :user, :rating, :at, :source, "
                    "'{}', :undone)"
                ),
                {
                    "card": cards[card],
                    "user": user_id,
                    "rating": rating,
                    "at": stored(when),
                    "source": source,
                    "undone": stored(when + timedelta(seconds=5)) if undone else None,
                },
            )
        connection.execute(
            text(
                "INSERT INTO review_logs (card_id, user_id, rating, reviewed_at, source, "
                "card_before) VALUES (:card, :user, 3, :at, 'review', '{}')"
            ),
            {"card": untouched, "user": user_id, "at": stored(START)},
        )
    upgrade(directory=directory)

    merged = db.session.scalars(select(Card).where(Card.fact_id == fact_id)).all()
    assert len(merged) == 1
    card = merged[0]
    assert card.id == cards["cloze"]  # the older card stays
    logs = db.session.scalars(
        select(ReviewLog).where(ReviewLog.card_id == card.id).order_by(ReviewLog.reviewed_at)
    ).all()
    assert len(logs) == len(HISTORY)  # every review kept, the undone one too
    assert db.session.scalar(select(func.count()).select_from(ReviewLog)) == len(HISTORY) + 1

    expected = fsrs_replay(
        [(START + timedelta(minutes=m), r) for _, m, r, _, undone in HISTORY if not undone]
    )
    assert card.state == expected.state.value and card.step == expected.step
    assert card.stability == expected.stability and card.difficulty == expected.difficulty
    assert card.due == expected.due and card.last_review == expected.last_review
    assert card.reps == len([h for h in HISTORY if not h[4]])
    assert card.lapses == 1  # the quiz's Again, on a card in review; the undone one is not

    # undo of the last review puts back the replayed state before it
    last_before = logs[-1].card_before
    second_last = fsrs_replay(
        [(START + timedelta(minutes=m), r) for _, m, r, _, undone in HISTORY[:-1] if not undone]
    )
    assert last_before["stability"] == second_last.stability
    assert last_before["reps"] == card.reps - 1

    other = db.session.get(Card, untouched)
    assert (other.reps, other.stability, other.version) == (1, 3.0, 4)  # left as it was

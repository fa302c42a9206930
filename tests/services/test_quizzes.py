import random
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import event, func, select, update

from quizapp.extensions import db
from quizapp.models import AttemptAnswer, Card, Question, QuizAttempt, ReviewLog
from quizapp.services import quizzes, reviews
from tests.builders import make_bank, make_user

NOW = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
ALL = ["multiple_choice", "true_false", "cloze", "short_answer"]


def start(user, bank, count=5, **kw):
    attempt = quizzes.start_attempt(
        db.session,
        user,
        bank,
        count=count,
        types=kw.pop("types", ALL),
        order=kw.pop("order", "best"),
        feedback="each",
        now=NOW,
        rng=random.Random(0),
        **kw,
    )
    db.session.commit()
    return attempt


def answer_right(attempt, position):
    q = quizzes.question_at(db.session, attempt, position)
    return quizzes.submit_answer(db.session, attempt, position, q.answer, now=NOW)


def test_an_attempt_asks_the_best_facts_first(app):
    user = make_user()
    bank = make_bank(user)
    attempt = start(user, bank, count=5)
    asked = [db.session.get(Question, i) for i in attempt.question_ids]
    assert [q.fact_id for q in asked] == [f.id for f in bank.facts[:5]]


def test_new_quizzes_move_through_the_bank_and_come_back_to_the_missed(app):
    user = make_user()
    bank = make_bank(user)
    first = start(user, bank, count=5, order="unseen")
    for position in range(5):
        if position == 0:
            quizzes.submit_answer(db.session, first, position, "wrong", now=NOW)
        else:
            answer_right(first, position)
    facts = {f.id for f in bank.facts}
    second = start(user, bank, count=len(facts) - 4, order="unseen")
    fact_of = {q.id: q.fact_id for q in bank.questions}
    first_facts = [fact_of[i] for i in first.question_ids]
    second_facts = [fact_of[i] for i in second.question_ids]
    # every fact not asked yet, then the one missed
    assert set(second_facts[:-1]) == facts - set(first_facts)
    assert second_facts[-1] == first_facts[0]


def test_answers_are_scored_and_the_attempt_finishes(app):
    user = make_user()
    attempt = start(user, make_bank(user), count=3)
    answer_right(attempt, 0)
    quizzes.submit_answer(db.session, attempt, 1, "certainly wrong", now=NOW)
    assert attempt.finished_at is None
    assert quizzes.next_position(attempt) == 2
    answer_right(attempt, 2)
    db.session.commit()
    assert quizzes.score(attempt).correct == 2 and quizzes.score(attempt).total == 3
    assert attempt.finished_at == NOW
    assert quizzes.missed_question_ids(attempt) == [attempt.question_ids[1]]


def test_a_second_answer_to_the_same_question_changes_nothing(app):
    user = make_user()
    attempt = start(user, make_bank(user), count=3)
    first, new = quizzes.submit_answer(db.session, attempt, 0, "wrong", now=NOW)
    assert new
    again, new = answer_right(attempt, 0)
    db.session.commit()
    assert not new and again.id == first.id and not again.correct
    assert db.session.scalar(db.select(db.func.count()).select_from(AttemptAnswer)) == 1


def test_a_racing_duplicate_is_settled_by_the_unique_constraint(app):
    user = make_user()
    attempt = start(user, make_bank(user), count=3)
    assert attempt.answers == []  # this request has loaded the attempt: no answers yet
    db.session.expire_on_commit = False
    db.session.commit()  # end the read transaction, keep the loaded (soon stale) answers
    # another request (a second tab) answers the same question in the meantime
    with db.engine.begin() as other:
        other.execute(
            db.insert(AttemptAnswer).values(
                attempt_id=attempt.id,
                question_id=attempt.question_ids[0],
                position=0,
                given="other tab",
                correct=False,
                answered_at=NOW,
            )
        )
    kept, new = quizzes.submit_answer(db.session, attempt, 0, "this tab", now=NOW)
    db.session.commit()
    db.session.expire_on_commit = True
    assert not new and kept.given == "other tab"
    assert db.session.scalar(db.select(db.func.count()).select_from(AttemptAnswer)) == 1


def test_an_answer_counts_when_another_tab_reviewed_its_card_meanwhile(app):
    user = make_user()
    bank = make_bank(user)
    reviews.ensure_cards(db.session, user, bank, NOW)
    attempt = start(user, bank, count=3)
    first = db.session.get(Question, attempt.question_ids[0])
    card_id = db.session.scalar(select(Card.id).where(Card.fact_id == first.fact_id))

    fired: list[bool] = []

    def other_tab_reviews_first(session, _context, _instances):
        # between this request reading the card and writing it, another tab's review
        # of the same card commits (its own connection, as a second request would)
        if not fired and any(isinstance(o, Card) for o in session.dirty):
            fired.append(True)
            with db.engine.begin() as other:
                other.execute(
                    update(Card)
                    .where(Card.id == card_id)
                    .values(version=Card.version + 1, reps=Card.reps + 1)
                )

    event.listen(db.session(), "before_flush", other_tab_reviews_first)
    answer, new = answer_right(attempt, 0)
    db.session.commit()
    event.remove(db.session(), "before_flush", other_tab_reviews_first)
    assert fired and new and answer.correct
    card = db.session.get(Card, card_id)
    db.session.refresh(card)
    assert card.reps == 2  # the other tab's review, then this answer on top of it
    logs = db.session.scalars(select(ReviewLog).where(ReviewLog.card_id == card_id)).all()
    assert [log.source for log in logs] == ["quiz"]


def test_retry_asks_only_the_missed_questions(app):
    user = make_user()
    bank = make_bank(user)
    attempt = start(user, bank, count=4)
    answer_right(attempt, 0)
    quizzes.submit_answer(db.session, attempt, 1, "wrong", now=NOW)
    missed = quizzes.missed_question_ids(attempt)
    retry = start(user, bank, count=None, missed_question_ids=missed)
    fact_of = {q.id: q.fact_id for q in bank.questions}
    assert [fact_of[i] for i in retry.question_ids] == [fact_of[i] for i in missed]
    assert not set(retry.question_ids) & set(missed)  # each in another form


def test_a_start_key_starts_one_attempt_until_it_is_answered(app):
    user = make_user()
    bank = make_bank(user)
    first = start(user, bank, count=2, start_key="form-token-1")
    assert start(user, bank, count=2, start_key="form-token-1").id == first.id
    other = start(user, bank, count=2, start_key="form-token-2")
    assert other.id != first.id
    another_user = make_user("bob")
    assert start(another_user, bank, count=2, start_key="form-token-1").id != first.id
    assert db.session.scalar(select(func.count()).select_from(QuizAttempt)) == 3

    # an old form sent again with another setting, or once its quiz is under way: the
    # learner wants a new quiz
    changed = start(user, bank, count=3, start_key="form-token-1")
    assert changed.id != first.id and changed.start_key is None
    answer_right(first, 0)
    db.session.commit()
    assert first.finished_at is None
    again = start(user, bank, count=2, start_key="form-token-1")
    assert again.id not in (first.id, changed.id) and again.start_key is None
    assert db.session.scalar(select(func.count()).select_from(QuizAttempt)) == 5


def test_no_questions_of_the_chosen_type(app):
    user = make_user()
    bank = make_bank(user)
    for q in bank.questions:
        if q.type == "short_answer":
            q.status = q.status.RETIRED
    db.session.commit()
    with pytest.raises(quizzes.QuizError):
        start(user, bank, types=["short_answer"])


def test_history_is_per_user_newest_first(app):
    ada, bob = make_user("ada"), make_user("bob")
    bank = make_bank(ada)
    older = start(ada, bank)
    older.started_at = NOW - timedelta(days=1)
    newer = start(ada, bank)
    start(bob, make_bank(bob))
    db.session.commit()
    assert [row.attempt.id for row in quizzes.history(db.session, ada)] == [newer.id, older.id]
    assert quizzes.user_attempt(db.session, bob, older.id) is None


def test_item_statistics_count_answers_and_choices(app):
    ada, bob = make_user("ada"), make_user("bob")
    bank = make_bank(ada, visibility=bank_visibility_public())
    mcq = next(q for q in bank.questions if q.type == "multiple_choice")
    for user, given in ((ada, mcq.answer), (bob, next(c for c in mcq.choices if c != mcq.answer))):
        attempt = start(user, bank, count=None, types=["multiple_choice"])
        position = attempt.question_ids.index(mcq.id)
        quizzes.submit_answer(db.session, attempt, position, given, now=NOW)
    db.session.commit()
    stats = quizzes.item_statistics(db.session, bank)[mcq.id]
    assert stats.asked == 2 and stats.right == 1 and stats.facility == 0.5
    assert sum(stats.chosen.values()) == 2


def bank_visibility_public():
    from quizapp.models import Visibility

    return Visibility.PUBLIC

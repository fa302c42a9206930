from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.models import Card, ReviewLog
from quizapp.services import quizzes, reviews
from tests.builders import make_bank, make_user

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)  # 10:00 UTC: the learner's day began at 04:00


def setup_cards(new_per_day=20):
    user = make_user()
    user.new_per_day = new_per_day
    bank = make_bank(user)
    added = reviews.ensure_cards(db.session, user, bank, NOW)
    db.session.commit()
    return user, bank, added


def rate_next(user, rating, now=NOW, bank=None, last=None):
    queue = reviews.next_card(db.session, user, now, bank.id if bank else None, last)
    assert queue.card is not None
    card = queue.card
    reviews.review_card(db.session, user, card, rating, now, seen_version=card.version)
    db.session.commit()
    return card


def test_every_fact_becomes_one_card_once(app):
    user, bank, added = setup_cards()
    assert added == len(bank.facts) < len(bank.questions)
    assert reviews.ensure_cards(db.session, user, bank, NOW) == 0


def test_new_cards_come_in_bank_order_up_to_the_daily_limit(app):
    user, bank, _ = setup_cards(new_per_day=3)
    queue = reviews.next_card(db.session, user, NOW)
    assert queue.new_left == 3 and queue.card.fact_id == bank.facts[0].id
    for _ in range(3):
        rate_next(user, 4)  # Easy: out of today's queue
    queue = reviews.next_card(db.session, user, NOW)
    assert queue.new_left == 0 and queue.card is None


def test_the_daily_review_limit_stops_the_queue(app):
    user, _, _ = setup_cards()
    user.max_reviews_per_day = 2
    db.session.commit()
    rate_next(user, 4)
    rate_next(user, 4)
    assert reviews.next_card(db.session, user, NOW).card is None


def test_learning_cards_come_back_after_their_step(app):
    user, _, _ = setup_cards(new_per_day=1)
    card = rate_next(user, 1)  # Again: due again in a minute
    queue = reviews.next_card(db.session, user, NOW + timedelta(minutes=2))
    assert queue.card.id == card.id and queue.learning_left == 1


def test_siblings_of_the_same_sentence_are_not_back_to_back(app):
    user, _, _ = setup_cards()
    first = rate_next(user, 3)
    queue = reviews.next_card(db.session, user, NOW, last_card_id=first.id)
    assert queue.card.fact.sentence_start != first.fact.sentence_start


def test_a_sibling_comes_next_when_nothing_else_is_left(app):
    user, _, _ = setup_cards()
    first = rate_next(user, 3)
    cards = db.session.scalars(select(Card).where(Card.user_id == user.id)).all()
    same = [c for c in cards if c.fact.sentence_start == first.fact.sentence_start]
    siblings = {c.id for c in same if c.id != first.id}
    assert siblings, "the sample article has a sentence with several questions"
    for card in cards:
        card.suspended = card.id not in siblings
    db.session.commit()
    queue = reviews.next_card(db.session, user, NOW, last_card_id=first.id)
    assert queue.card.id in siblings


def test_undo_restores_the_card_exactly_and_keeps_the_log(app):
    user, _, _ = setup_cards()
    card = rate_next(user, 3)
    before = {
        c: getattr(card, c)
        for c in (
            "state",
            "step",
            "stability",
            "difficulty",
            "due",
            "last_review",
            "reps",
            "lapses",
        )
    }
    reviews.review_card(
        db.session, user, card, 1, NOW + timedelta(minutes=10), seen_version=card.version
    )
    db.session.commit()
    assert reviews.undo_last(db.session, user, NOW + timedelta(minutes=11)) is card
    db.session.commit()
    db.session.expire_all()
    card = db.session.get(Card, card.id)
    assert {c: getattr(card, c) for c in before} == before
    logs = db.session.scalars(select(ReviewLog).order_by(ReviewLog.id)).all()
    assert len(logs) == 2 and logs[-1].undone_at is not None and logs[0].undone_at is None


def test_a_stale_review_from_a_second_tab_is_refused(app):
    user, _, _ = setup_cards()
    card = reviews.next_card(db.session, user, NOW).card
    shown = card.version  # both tabs show this version
    reviews.review_card(db.session, user, card, 3, NOW, seen_version=shown)
    db.session.commit()
    with pytest.raises(reviews.StaleReview):
        reviews.review_card(db.session, user, card, 1, NOW, seen_version=shown)
    db.session.rollback()
    assert db.session.scalar(select(func.count()).select_from(ReviewLog)) == 1


def test_reviews_cannot_go_back_in_time(app):
    user, _, _ = setup_cards()
    card = rate_next(user, 3)
    with pytest.raises(reviews.ReviewError):
        reviews.review_card(
            db.session, user, card, 3, NOW - timedelta(days=1), seen_version=card.version
        )


def test_a_leech_is_suspended(app):
    user, _, _ = setup_cards()
    card = reviews.next_card(db.session, user, NOW).card
    now = NOW
    lapses = 0
    while not card.leech:
        rating = 1 if card.state == 2 else 3  # forget each time it reaches Review
        _, outcome = reviews.apply_rating(db.session, user, card, rating, now)
        lapses += outcome.lapsed
        now = card.due
    assert lapses == 8 and card.suspended
    assert reviews.next_card(db.session, user, now).card.id != card.id


def test_bury_until_the_next_day_and_suspend(app):
    user, _, _ = setup_cards()
    card = reviews.next_card(db.session, user, NOW).card
    reviews.bury(db.session, user, card, NOW)
    db.session.commit()
    assert card.buried_until == datetime(2026, 3, 3, 4, 0, tzinfo=UTC)
    assert reviews.next_card(db.session, user, NOW).card.id != card.id
    other = reviews.next_card(db.session, user, NOW).card
    reviews.suspend(other)
    db.session.commit()
    assert reviews.next_card(db.session, user, NOW).card.id not in (card.id, other.id)


def test_quiz_answers_review_the_same_cards(app):
    user = make_user()
    bank = make_bank(user)
    import random

    attempt = quizzes.start_attempt(
        db.session,
        user,
        bank,
        count=2,
        types=["multiple_choice"],
        order="best",
        feedback="each",
        now=NOW,
        rng=random.Random(0),
    )
    first = quizzes.question_at(db.session, attempt, 0)
    quizzes.submit_answer(db.session, attempt, 0, first.answer, now=NOW)
    quizzes.submit_answer(db.session, attempt, 1, "wrong", now=NOW)
    db.session.commit()
    logs = db.session.scalars(select(ReviewLog).order_by(ReviewLog.id)).all()
    assert [(log.rating, log.source) for log in logs] == [(3, "quiz"), (1, "quiz")]
    card = db.session.scalar(select(Card).where(Card.fact_id == first.fact_id))
    assert card.reps == 1 and card.due > NOW


def test_a_quiz_answer_uses_the_card_another_tab_made_meanwhile(app, monkeypatch):
    """The learner's first answer to a question makes its card; a quiz in another tab
    can make it first, between this request's look and its insert."""
    user = make_user()
    question = make_bank(user).questions[0]
    made_elsewhere = Card(user_id=user.id, fact_id=question.fact_id, due=NOW)
    db.session.add(made_elsewhere)
    db.session.flush()
    looks = []
    real_look = reviews.question_card

    def first_look_misses(session, learner, q):  # type: ignore[no-untyped-def]
        looks.append(q.id)
        return None if len(looks) == 1 else real_look(session, learner, q)

    monkeypatch.setattr(reviews, "question_card", first_look_misses)
    log, _ = reviews.record_quiz_answer(db.session, user, question, True, NOW)
    assert log.card_id == made_elsewhere.id
    assert db.session.scalar(select(func.count()).select_from(Card)) == 1


def test_a_review_asks_for_the_fact_in_another_recall_form_each_day(app):
    user, bank, _ = setup_cards()
    # a fact of the sample with both recall forms, however the generator ranks them
    fact = next(f for f in bank.facts if {q.type for q in f.questions} >= {"cloze", "short_answer"})
    card = db.session.scalars(
        select(Card).where(Card.user_id == user.id, Card.fact_id == fact.id)
    ).one()
    recall = [q.id for q in card.fact.questions if q.type in ("cloze", "short_answer")]
    assert len(recall) == 2
    shown = []
    for day in range(3):
        now = NOW + timedelta(days=day)
        for minutes in (0, 1, 10):  # learning steps: the card again the same day
            later = now + timedelta(minutes=minutes)
            shown.append(reviews.shown_form(db.session, user, card, later).id)
            reviews.apply_rating(db.session, user, card, 1 if minutes == 0 else 3, later)
    assert shown == [recall[0]] * 3 + [recall[1]] * 3 + [recall[0]] * 3


def test_a_retired_form_is_never_shown_and_a_fact_without_forms_waits(app):
    from quizapp.services.banks import retire_question

    user, bank, _ = setup_cards()
    card = reviews.next_card(db.session, user, NOW).card
    first = reviews.shown_form(db.session, user, card, NOW)
    retire_question(first)
    db.session.commit()
    assert reviews.shown_form(db.session, user, card, NOW).id != first.id
    for q in card.fact.questions:
        retire_question(q)
    db.session.commit()
    assert reviews.shown_form(db.session, user, card, NOW) is None
    assert reviews.next_card(db.session, user, NOW).card.fact_id != card.fact_id


def test_answers_to_any_form_of_a_fact_review_its_one_card(app):
    user = make_user()
    bank = make_bank(user)
    fact = next(f for f in bank.facts if len(f.questions) >= 3)
    for minutes, question in enumerate(fact.questions[:3]):
        reviews.record_quiz_answer(
            db.session, user, question, True, NOW + timedelta(minutes=10 * minutes)
        )
    db.session.commit()
    card = db.session.scalars(select(Card).where(Card.user_id == user.id)).one()
    assert card.fact_id == fact.id and card.reps == 3
    assert db.session.scalar(select(func.count()).select_from(ReviewLog)) == 3


def test_a_day_of_new_cards_shows_each_fact_once(app):
    user, bank, _ = setup_cards(new_per_day=100)
    facts = []
    while (queue := reviews.next_card(db.session, user, NOW)).card is not None:
        facts.append(queue.card.fact_id)
        reviews.apply_rating(db.session, user, queue.card, 4, NOW)  # Easy: done for today
    db.session.commit()
    assert sorted(facts) == sorted(f.id for f in bank.facts)

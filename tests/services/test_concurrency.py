"""Parallel requests answering and reviewing the same thing: each write happens once.

Real threads, each with its own app context and database session, released together
by a barrier; on SQLite (WAL, busy timeout) and, with TEST_DATABASE_URL, PostgreSQL.
"""

from __future__ import annotations

import random
import threading
from datetime import UTC, datetime

from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.models import AttemptAnswer, Bank, Card, QuizAttempt, ReviewLog, User
from quizapp.services import quizzes, reviews
from tests.builders import make_bank, make_user

NOW = datetime(2026, 4, 1, 10, 0, tzinfo=UTC)
THREADS = 8


def race(app, work) -> list[object]:  # type: ignore[no-untyped-def]
    barrier = threading.Barrier(THREADS)
    results: list[object] = [None] * THREADS

    def run(i: int) -> None:
        with app.app_context():
            barrier.wait(timeout=10)
            try:
                results[i] = work(i)
            except Exception as error:  # noqa: BLE001 - the test inspects what each got
                db.session.rollback()
                results[i] = error
            finally:
                db.session.remove()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    return results


def test_parallel_answers_to_one_question_are_stored_once(app):
    user = make_user()
    attempt = quizzes.start_attempt(
        db.session,
        user,
        make_bank(user),
        count=3,
        types=["multiple_choice"],
        order="best",
        feedback="each",
        now=NOW,
        rng=random.Random(0),
    )
    db.session.commit()
    attempt_id, user_id = attempt.id, user.id

    def answer(i: int) -> bool:
        mine = db.session.get(QuizAttempt, attempt_id)
        _, new = quizzes.submit_answer(db.session, mine, 0, f"tab {i}", now=NOW)
        db.session.commit()
        return new

    results = race(app, answer)
    assert results.count(True) == 1, results
    assert all(r in (True, False) for r in results), results
    db.session.expire_all()
    assert db.session.scalar(select(func.count()).select_from(AttemptAnswer)) == 1
    # the flashcard learnt from that one answer only
    assert db.session.scalar(select(func.count()).select_from(ReviewLog)) == 1
    assert db.session.get(User, user_id) is not None


def test_a_quiz_form_submitted_in_parallel_starts_one_attempt(app):
    user = make_user()
    bank = make_bank(user)
    user_id, bank_id = user.id, bank.id

    def start(i: int) -> int:
        attempt = quizzes.start_attempt(
            db.session,
            db.session.get(User, user_id),
            db.session.get(Bank, bank_id),
            count=3,
            types=["multiple_choice"],
            order="best",
            feedback="each",
            now=NOW,
            rng=random.Random(i),
            start_key="one-form-token",
        )
        db.session.commit()
        return attempt.id

    results = race(app, start)
    assert all(isinstance(r, int) for r in results), results
    assert len(set(results)) == 1, results
    db.session.expire_all()
    assert db.session.scalar(select(func.count()).select_from(QuizAttempt)) == 1


def test_parallel_ratings_of_one_card_apply_once(app):
    user = make_user()
    reviews.ensure_cards(db.session, user, make_bank(user), NOW)
    db.session.commit()
    card = reviews.next_card(db.session, user, NOW).card
    card_id, user_id, seen = card.id, user.id, card.version

    def rate(i: int) -> str:
        me = db.session.get(User, user_id)
        mine = db.session.get(Card, card_id)
        reviews.review_card(db.session, me, mine, 1 + i % 4, NOW, seen_version=seen)
        db.session.commit()
        return "applied"

    results = race(app, rate)
    applied = [r for r in results if r == "applied"]
    stale = [r for r in results if isinstance(r, reviews.StaleReview)]
    assert len(applied) == 1 and len(stale) == THREADS - 1, results
    db.session.expire_all()
    assert db.session.scalar(select(func.count()).select_from(ReviewLog)) == 1
    assert db.session.get(Card, card_id).reps == 1


def test_parallel_undos_undo_each_review_at_most_once(app):
    """Undo clicked in several tabs at once: each review is undone by one request at
    most (the others find the next review, or nothing), and none of them fails."""
    user = make_user()
    reviews.ensure_cards(db.session, user, make_bank(user), NOW)
    db.session.commit()
    reviewed = []
    for _ in range(2):
        last = reviewed[-1] if reviewed else None
        card = reviews.next_card(db.session, user, NOW, last_card_id=last).card
        reviews.review_card(db.session, user, card, 3, NOW, seen_version=card.version)
        db.session.commit()
        reviewed.append(card.id)
    user_id = user.id

    def undo(i: int) -> int | None:
        me = db.session.get(User, user_id)
        card = reviews.undo_last(db.session, me, NOW)
        db.session.commit()
        return card.id if card is not None else None

    results = race(app, undo)
    assert not [r for r in results if isinstance(r, Exception)], results
    done = [r for r in results if r is not None]
    assert len(done) == len(set(done)) and done, results  # each review undone once at most
    assert reviewed[-1] in done  # the last one first
    db.session.expire_all()
    undone = db.session.scalars(select(ReviewLog.card_id).where(ReviewLog.undone_at.is_not(None)))
    assert sorted(undone) == sorted(done)
    for card_id in reviewed:
        assert db.session.get(Card, card_id).reps == (0 if card_id in done else 1)


def test_parallel_study_clicks_make_each_card_once(app):
    """Study pressed twice (or in two tabs): both requests find the cards missing."""
    user = make_user()
    bank = make_bank(user)
    db.session.commit()
    user_id, bank_id = user.id, bank.id
    live = len(bank.facts)

    def study(i: int) -> int:
        me = db.session.get(User, user_id)
        added = reviews.ensure_cards(db.session, me, db.session.get(Bank, bank_id), NOW)
        db.session.commit()
        return added

    results = race(app, study)
    assert not [r for r in results if isinstance(r, Exception)], results
    assert sum(results) == live, results  # each card made by exactly one request
    db.session.expire_all()
    assert db.session.scalar(select(func.count()).select_from(Card)) == live


def test_parallel_imports_of_a_text_another_user_holds_make_one_bank(app, monkeypatch):
    """Ada holds the text privately, so Bob's imports find it stored but no bank of
    his; each then generates for a while before storing its bank."""
    import time

    from quizapp.domain.documents import Document
    from quizapp.services import imports
    from tests.builders import SAMPLE_ARTICLE

    make_bank(make_user("ada"), text=SAMPLE_ARTICLE)
    bob_id = make_user("bob").id
    generated = imports.generate_bank(imports.clean_article(SAMPLE_ARTICLE))

    def slow_generation(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        time.sleep(0.3)  # every request has looked before any stores
        return generated

    monkeypatch.setattr(imports, "generate_bank", slow_generation)

    def import_it(_i: int) -> int:
        bob = db.session.get(User, bob_id)
        bank = imports.import_document(db.session, Document(text=SAMPLE_ARTICLE), owner=bob)
        db.session.commit()
        return bank.id

    results = race(app, import_it)
    made = [r for r in results if isinstance(r, int)]
    assert len(made) == 1, results
    assert all(isinstance(r, imports.DuplicateArticle) for r in results if r not in made)
    assert db.session.scalar(select(func.count()).where(Bank.owner_id == bob_id)) == 1


def test_a_bank_file_imported_in_parallel_makes_one_bank(app):
    from quizapp.services import imports

    bank_file = (
        b"What did the council approve?,A new budget\n"
        b"Who opened the solar farm?,The Northfield Energy Company\n"
    )
    bob_id = make_user("bob").id

    def import_it(_i: int) -> int:
        bob = db.session.get(User, bob_id)
        bank, _ = imports.import_bank_file(db.session, bank_file, "cards.csv", owner=bob)
        db.session.commit()
        return bank.id

    results = race(app, import_it)
    made = [r for r in results if isinstance(r, int)]
    assert len(made) == 1, results
    assert all(isinstance(r, imports.DuplicateArticle) for r in results if r not in made)
    assert db.session.scalar(select(func.count()).where(Bank.owner_id == bob_id)) == 1

"""Deleting an account: everything the user holds goes, nothing of anyone else's does."""

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from quizapp.extensions import db
from quizapp.models import (
    ApiToken,
    Article,
    AttemptAnswer,
    Bank,
    Card,
    Fact,
    QuizAttempt,
    ReviewLog,
    User,
    Visibility,
)
from quizapp.services import accounts, quizzes, reviews
from tests.builders import SAMPLE_ARTICLE, SECOND_ARTICLE, make_attempt, make_bank, make_user

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def count(model, **where) -> int:  # type: ignore[no-untyped-def]
    statement = select(func.count()).select_from(model)
    for column, value in where.items():
        statement = statement.where(getattr(model, column) == value)
    return db.session.scalar(statement)


def study(user: User, bank: Bank) -> None:
    """Flashcards for the bank, one of them reviewed, and a quiz with one answer."""
    reviews.ensure_cards(db.session, user, bank, NOW)
    card = db.session.scalars(select(Card).where(Card.user_id == user.id)).first()
    reviews.apply_rating(db.session, user, card, 3, NOW)
    attempt = make_attempt(user, bank, count=3)
    quizzes.submit_answer(db.session, attempt, 0, "a guess", now=NOW)
    db.session.commit()


@pytest.fixture()
def ada_and_bob(app):  # type: ignore[no-untyped-def]
    ada, bob = make_user("ada"), make_user("bob")
    private = make_bank(ada, text=SAMPLE_ARTICLE)
    shared = make_bank(ada, text=SECOND_ARTICLE, visibility=Visibility.PUBLIC)
    bobs = make_bank(bob, text=SAMPLE_ARTICLE + "\nThe mayor said 12 more schools would follow.")
    for bank in (private, shared):
        study(ada, bank)
    study(bob, shared)  # bob studies ada's shared bank
    study(bob, bobs)
    accounts.create_token(db.session, ada, "script")
    db.session.commit()
    return ada, bob, private, shared, bobs


def test_the_confirmation_counts_what_will_go(ada_and_bob) -> None:  # type: ignore[no-untyped-def]
    ada, bob, *_ = ada_and_bob
    contents = accounts.account_contents(db.session, ada)
    assert contents == accounts.AccountContents(
        banks=2,
        shared_banks=1,
        other_learners=1,  # bob; ada herself does not count
        quizzes=2,
        cards=count(Card, user_id=ada.id),
        reviews=count(ReviewLog, user_id=ada.id),
        tokens=1,
    )
    assert contents.cards > 0 and contents.reviews >= 4  # 2 reviews + 2 quiz answers
    assert accounts.account_contents(db.session, bob).other_learners == 0


def test_deleting_removes_everything_the_user_holds(ada_and_bob) -> None:  # type: ignore[no-untyped-def]
    ada, bob, private, shared, bobs = ada_and_bob
    ada_id, gone_articles = ada.id, {private.article_id, shared.article_id}
    bob_cards_on_his_bank = db.session.scalar(
        select(func.count())
        .select_from(Card)
        .join(Fact, Fact.id == Card.fact_id)
        .where(Card.user_id == bob.id, Fact.bank_id == bobs.id)
    )

    accounts.delete_account(db.session, ada)
    db.session.commit()
    db.session.expire_all()

    assert db.session.get(User, ada_id) is None
    for model in (QuizAttempt, Card, ReviewLog, ApiToken):
        assert count(model, user_id=ada_id) == 0, model
    assert count(Bank, owner_id=ada_id) == 0
    # the articles' text goes with the banks made from it
    assert db.session.scalars(select(Article.id).where(Article.id.in_(gone_articles))).all() == []
    # bob keeps his account, his bank and its article, his cards and quiz on it; his
    # cards and quiz on ada's shared bank went with it (the page said so)
    assert db.session.get(Bank, bobs.id) is not None
    assert db.session.get(Article, bobs.article_id) is not None
    assert count(Card, user_id=bob.id) == bob_cards_on_his_bank
    assert count(QuizAttempt, user_id=bob.id) == 1
    assert count(AttemptAnswer) == 1


def test_an_article_another_bank_is_made_from_stays(app) -> None:  # type: ignore[no-untyped-def]
    ada, bob = make_user("ada"), make_user("bob")
    # the same text, imported privately by both: stored once, one bank each
    adas = make_bank(ada)
    bobs = make_bank(bob)
    assert adas.article_id == bobs.article_id

    accounts.delete_account(db.session, ada)
    db.session.commit()

    assert db.session.get(Article, bobs.article_id) is not None
    assert db.session.get(Bank, bobs.id) is not None


def test_only_the_users_own_password_confirms(app) -> None:  # type: ignore[no-untyped-def]
    ada = make_user("ada")
    accounts.confirm_password(ada, "correct horse battery")
    with pytest.raises(accounts.AccountError, match="not your password"):
        accounts.confirm_password(ada, "Correct horse battery")

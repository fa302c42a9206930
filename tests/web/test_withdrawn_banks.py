"""A bank its owner makes private again is taken back from everyone else, on every path
that shows or starts its questions; a learner keeps their own history as a record (the
scores in their history, their cards for the day it is shared again), not the questions.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from quizapp.extensions import db
from quizapp.models import Card, Question, QuizAttempt, Visibility
from quizapp.services import banks as bank_service
from quizapp.services.reviews import ensure_cards
from tests.builders import login, make_attempt, make_bank, make_user

EDITED = "Edited after the bank was made private: who opened the farm?"


@pytest.fixture()
def withdrawn(app, client):
    """ada shared a bank; bob studied it, started a quiz and answered one question; a
    visitor started a guest quiz; then ada made it private and edited a question."""
    ada, bob = make_user("ada"), make_user("bob")
    bank = make_bank(ada, visibility=Visibility.PUBLIC)
    ensure_cards(db.session, bob, bank, datetime.now(UTC))
    attempt = make_attempt(bob, bank, count=5)
    db.session.commit()
    visitor = app.test_client()
    started = visitor.post(
        f"/banks/{bank.id}/quiz",
        data={"count": "5", "types": ["cloze"], "order": "best", "feedback": "each"},
    )
    assert started.headers["Location"].endswith("/quiz/guest/1")
    login(client, "bob")
    first = db.session.get(Question, attempt.question_ids[0])
    assert client.post(f"/quiz/{attempt.id}/1", data={"answer": first.answer}).status_code == 302

    bank_service.set_visibility(bank, Visibility.PRIVATE)
    for question in bank.questions:
        question.prompt = EDITED
    db.session.commit()
    return bank, attempt.id, visitor


def test_a_learner_cannot_read_or_answer_a_quiz_on_it(client, withdrawn):
    _, attempt_id, _ = withdrawn
    for path in (f"/quiz/{attempt_id}", f"/quiz/{attempt_id}/1", f"/quiz/{attempt_id}/2"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert EDITED not in response.get_data(as_text=True)
    result = client.get(f"/quiz/{attempt_id}/result")
    assert result.status_code == 404 and EDITED not in result.get_data(as_text=True)
    assert client.post(f"/quiz/{attempt_id}/2", data={"answer": "x"}).status_code == 404


def test_a_learner_cannot_retry_it(client, withdrawn):
    _, attempt_id, _ = withdrawn
    assert client.post(f"/quiz/{attempt_id}/retry").status_code == 404
    assert db.session.scalar(db.select(db.func.count()).select_from(QuizAttempt)) == 1


def test_the_review_queue_leaves_its_cards_out_and_keeps_them(client, withdrawn):
    bank, _, _ = withdrawn
    page = client.get("/review").get_data(as_text=True)
    assert EDITED not in page
    assert "Nothing more to review now" in page
    card = db.session.scalars(db.select(Card)).first()
    assert (
        client.post(f"/review/{card.id}", data={"rating": "3", "version": "0"}).status_code == 404
    )
    # shared again, the learner's cards are there as they were
    bank_service.set_visibility(db.session.get(type(bank), bank.id), Visibility.PUBLIC)
    db.session.commit()
    assert EDITED in client.get("/review").get_data(as_text=True)


def test_the_history_keeps_the_score_as_a_record(client, withdrawn):
    bank, attempt_id, _ = withdrawn
    page = client.get("/history").get_data(as_text=True)
    assert bank.name in page and "In progress, 1 of 5 answered" in page
    assert f"/quiz/{attempt_id}/result" not in page and f'"/quiz/{attempt_id}"' not in page
    assert "no longer shared" in page


def test_the_api_gives_neither_cards_nor_answers(client, withdrawn):
    _, attempt_id, _ = withdrawn
    queue = client.get("/api/v1/reviews/next").get_json()
    assert queue["next"] is None and queue["counts"]["new"] == 0
    card = db.session.scalars(db.select(Card)).first()
    review = client.post(f"/api/v1/cards/{card.id}/reviews", json={"rating": 3})
    assert review.status_code == 404
    question_id = db.session.get(QuizAttempt, attempt_id).question_ids[1]
    answer = client.post(
        f"/api/v1/quizzes/{attempt_id}/answers", json={"question_id": question_id, "answer": "x"}
    )
    assert answer.status_code == 404 and EDITED not in answer.get_data(as_text=True)


def test_a_visitors_quiz_on_it_ends(withdrawn):
    _, _, visitor = withdrawn
    for path in ("/quiz/guest/1", "/quiz/guest/result"):
        response = visitor.get(path, follow_redirects=True)
        page = response.get_data(as_text=True)
        assert EDITED not in page, path
        assert "no longer" in page, path
    assert visitor.post("/quiz/guest/1", data={"answer": "x"}).status_code == 302

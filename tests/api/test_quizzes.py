"""Quizzes over the API: questions without answers, then answers graded one by one."""

from __future__ import annotations

from quizapp.extensions import db
from quizapp.models import AttemptAnswer, Bank, Question, QuizAttempt
from tests.api.conftest import ApiClient
from tests.builders import SECOND_ARTICLE, make_bank


def test_a_quiz_hides_answers_and_grades_each_one(api: ApiClient, public_bank: Bank) -> None:
    quiz = api.post("/quizzes", {"bank_id": public_bank.id, "count": 4}).json
    assert len(quiz["questions"]) == 4
    assert all("answer" not in q for q in quiz["questions"])
    first, second = quiz["questions"][:2]
    right = db.session.get(Question, first["id"]).answer

    result = api.post(
        f"/quizzes/{quiz['id']}/answers", {"question_id": first["id"], "answer": right}
    )
    assert result.status_code == 200
    body = result.json
    assert body["correct"] is True
    assert body["right_answer"] == right
    assert right in body["source_sentence"] or body["source_sentence"]
    assert body["score"] == {"right": 1, "answered": 1, "total": 4}

    wrong = api.post(
        f"/quizzes/{quiz['id']}/answers", {"question_id": second["id"], "answer": "zzz"}
    ).json
    assert wrong["correct"] is False
    assert wrong["right_answer"] == db.session.get(Question, second["id"]).answer


def test_an_idempotency_key_starts_one_quiz(api: ApiClient, public_bank: Bank) -> None:
    def start(key: str, count: int = 2) -> object:
        return api.client.post(
            "/api/v1/quizzes",
            json={"bank_id": public_bank.id, "count": count},
            headers=api.headers | {"Idempotency-Key": key},
        )

    first = start("client-key-0001")
    again = start("client-key-0001")
    assert first.status_code == again.status_code == 201
    assert again.json == first.json
    question = first.json["questions"][0]["id"]
    api.post(f"/quizzes/{first.json['id']}/answers", {"question_id": question, "answer": "x"})
    assert start("client-key-0001").json == first.json  # answered or not: what it made
    assert start("client-key-0002").json["id"] != first.json["id"]

    reused = start("client-key-0001", count=3)
    assert reused.status_code == 422
    assert reused.json["error"]["code"] == "idempotency_key_reused"
    bad = start("x" * 65)
    assert bad.status_code == 422
    assert bad.json["error"]["code"] == "bad_idempotency_key"
    assert db.session.scalar(db.select(db.func.count()).select_from(QuizAttempt)) == 2


def test_answering_twice_keeps_the_first_answer(api: ApiClient, public_bank: Bank) -> None:
    quiz = api.post("/quizzes", {"bank_id": public_bank.id, "count": 1}).json
    qid = quiz["questions"][0]["id"]
    first = api.post(f"/quizzes/{quiz['id']}/answers", {"question_id": qid, "answer": "zzz"}).json
    right = db.session.get(Question, qid).answer
    again = api.post(f"/quizzes/{quiz['id']}/answers", {"question_id": qid, "answer": right}).json
    assert first["recorded"] is True and first["finished"] is True
    assert again["recorded"] is False
    assert again["correct"] is False  # the first answer stands
    assert db.session.scalar(db.select(db.func.count()).select_from(AttemptAnswer)) == 1


def test_types_and_count_are_honoured(api: ApiClient, public_bank: Bank) -> None:
    quiz = api.post(
        "/quizzes", {"bank_id": public_bank.id, "count": None, "types": ["true_false"]}
    ).json
    live = [q for q in public_bank.questions if q.type == "true_false"]
    assert len(quiz["questions"]) == len(live)
    assert {q["type"] for q in quiz["questions"]} == {"true_false"}


def test_other_users_quizzes_and_private_banks_are_404(
    api: ApiClient, other_api: ApiClient, public_bank: Bank
) -> None:
    private = make_bank(owner=other_api.user, text=SECOND_ARTICLE)
    assert api.post("/quizzes", {"bank_id": private.id}).status_code == 404
    theirs = other_api.post("/quizzes", {"bank_id": public_bank.id, "count": 1}).json
    qid = theirs["questions"][0]["id"]
    response = api.post(f"/quizzes/{theirs['id']}/answers", {"question_id": qid, "answer": "x"})
    assert response.status_code == 404
    mine = api.post("/quizzes", {"bank_id": public_bank.id, "count": 1}).json
    outside = next(q.id for q in public_bank.questions if q.id != mine["questions"][0]["id"])
    response = api.post(f"/quizzes/{mine['id']}/answers", {"question_id": outside, "answer": "x"})
    assert response.status_code == 404


def test_invalid_quiz_requests_are_422(api: ApiClient, public_bank: Bank) -> None:
    for body in (
        {"bank_id": public_bank.id, "count": 0},
        {"bank_id": public_bank.id, "count": -5},
        {"bank_id": public_bank.id, "types": []},
        {"bank_id": public_bank.id, "types": ["essay"]},
        {"bank_id": public_bank.id, "order": "random"},
        {"bank_id": "one"},
        {},
    ):
        response = api.post("/quizzes", body)
        assert response.status_code == 422, body


def test_a_new_quiz_asks_the_facts_not_asked_yet(api: ApiClient, public_bank: Bank) -> None:
    fact_of = {q.id: q.fact_id for q in public_bank.questions}
    first = api.post("/quizzes", {"bank_id": public_bank.id, "count": 5}).json
    for q in first["questions"]:
        api.post(f"/quizzes/{first['id']}/answers", {"question_id": q["id"], "answer": "x"})
    second = api.post("/quizzes", {"bank_id": public_bank.id, "count": 5}).json
    asked = [fact_of[q["id"]] for q in first["questions"] + second["questions"]]
    assert len(set(asked)) == 10
    best = api.post("/quizzes", {"bank_id": public_bank.id, "count": 5, "order": "best"}).json
    assert [q["id"] for q in best["questions"]] == [q["id"] for q in first["questions"]]

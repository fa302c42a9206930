"""Quizzes over the API: start one, then answer its questions one by one."""

from __future__ import annotations

import random
from datetime import UTC, datetime

from flask import request
from sqlalchemy import select

from quizapp.api import SIGNED_IN, bp, responses, spec
from quizapp.api.auth import required_user, visible_bank_or_404
from quizapp.api.errors import ApiError
from quizapp.api.schemas import AnswerIn, AnswerOut, QuizIn, QuizOut, QuizQuestion, ScoreOut
from quizapp.extensions import db
from quizapp.models import Question
from quizapp.services import quizzes


@bp.post("/quizzes")
@spec.validate(
    operation_id="startQuiz",
    json=QuizIn,
    resp=responses(201, QuizOut, 404),
    tags=["quizzes"],
    security=SIGNED_IN,
)
def start_quiz() -> tuple[QuizOut, int]:
    """Start a quiz on a bank: its questions without answers, choices in quiz order.

    With an `Idempotency-Key` header, the same request with the same key returns the
    quiz the first one started; the key with another request is a 422."""
    user = required_user()
    body: QuizIn = request.context.json  # type: ignore[attr-defined]
    bank = visible_bank_or_404(body.bank_id, user)
    # a client that may resend (a timeout, a retry) sends one key per quiz it means to start
    key = request.headers.get("Idempotency-Key")
    if key is not None and not quizzes.START_KEY.fullmatch(key):
        raise ApiError(
            422, "Idempotency-Key must be 8-64 letters, digits, '-' or '_'.", "bad_idempotency_key"
        )
    try:
        attempt = quizzes.start_attempt(
            db.session,
            user,
            bank,
            count=body.count,
            types=list(dict.fromkeys(body.types)),
            order=body.order,
            feedback="each",
            now=datetime.now(UTC),
            rng=random.Random(),
            start_key=key and f"api-{key}",
            idempotent=True,
        )
    except quizzes.StartKeyReused as error:
        db.session.rollback()
        raise ApiError(422, str(error), "idempotency_key_reused") from None
    except quizzes.QuizError as error:
        db.session.rollback()
        raise ApiError(422, str(error), "no_questions") from None
    db.session.commit()
    by_id = {
        q.id: q
        for q in db.session.scalars(select(Question).where(Question.id.in_(attempt.question_ids)))
    }
    return QuizOut(
        id=attempt.id,
        bank_id=bank.id,
        started_at=attempt.started_at,
        questions=[
            QuizQuestion(
                position=position,
                id=qid,
                type=by_id[qid].type,
                prompt=by_id[qid].prompt,
                choices=quizzes.choices_for(attempt, by_id[qid]),
            )
            for position, qid in enumerate(attempt.question_ids)
        ],
    ), 201


@bp.post("/quizzes/<int:quiz_id>/answers")
@spec.validate(
    operation_id="answerQuestion",
    json=AnswerIn,
    resp=responses(200, AnswerOut, 404),
    tags=["quizzes"],
    security=SIGNED_IN,
)
def answer_question(quiz_id: int) -> AnswerOut:
    """Answer one question of the quiz: right or wrong, the right answer and the source
    sentence. Answering again changes nothing (`recorded` is false): the first stands."""
    user = required_user()
    body: AnswerIn = request.context.json  # type: ignore[attr-defined]
    attempt = quizzes.user_attempt(db.session, user, quiz_id)
    if attempt is None:
        raise ApiError(404, "There is no such quiz of yours.")
    if body.question_id not in attempt.question_ids:
        raise ApiError(404, "That question is not part of this quiz.")
    position = attempt.question_ids.index(body.question_id)
    try:
        answer, recorded = quizzes.submit_answer(
            db.session, attempt, position, body.answer, now=datetime.now(UTC)
        )
    except quizzes.QuizError as error:
        db.session.rollback()
        raise ApiError(404, str(error)) from None
    db.session.commit()
    question = quizzes.question_at(db.session, attempt, position)
    score = quizzes.score(attempt)
    return AnswerOut(
        question_id=question.id,
        given=answer.given,
        correct=answer.correct,
        right_answer=question.answer,
        source_sentence=question.source_sentence,
        explanation=question.explanation or "",
        recorded=recorded,
        finished=attempt.finished_at is not None,
        score=ScoreOut(right=score.correct, answered=len(attempt.answers), total=score.total),
    )

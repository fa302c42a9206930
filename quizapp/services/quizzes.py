"""Quiz attempts: start, answer (idempotently), finish, results, history, retries."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from quizapp.domain.quiz import Score, is_right, plan_quiz
from quizapp.models import AttemptAnswer, Bank, Question, QuizAttempt, User
from quizapp.services.banks import LIVE
from quizapp.services.reviews import record_quiz_answer


class QuizError(ValueError):
    """A request the quiz cannot honour; str(error) says why."""


def start_attempt(
    session: Session,
    user: User,
    bank: Bank,
    *,
    count: int | None,
    types: list[str],
    order: str,
    feedback: str,
    now: datetime,
    rng: random.Random,
    question_ids: list[int] | None = None,
) -> QuizAttempt:
    query = select(Question).where(Question.bank_id == bank.id, Question.status.in_(LIVE))
    if question_ids is not None:
        query = query.where(Question.id.in_(question_ids))
    questions = list(session.scalars(query.order_by(Question.rank)))
    plan = plan_quiz(questions, count=count, types=types, order=order, rng=rng)
    if not plan.question_ids:
        raise QuizError("No questions of the chosen types in this bank.")
    attempt = QuizAttempt(
        user=user,
        bank=bank,
        question_ids=plan.question_ids,
        settings={
            "types": types,
            "order": order,
            "feedback": feedback,
            "choices": plan.choice_order,
        },
        started_at=now,
    )
    session.add(attempt)
    session.flush()
    return attempt


def user_attempt(session: Session, user: User, attempt_id: int) -> QuizAttempt | None:
    """The attempt if it is this user's; None for anyone else's (the caller answers 404)."""
    return session.scalar(
        select(QuizAttempt).where(QuizAttempt.id == attempt_id, QuizAttempt.user_id == user.id)
    )


def answered(attempt: QuizAttempt) -> dict[int, AttemptAnswer]:
    return {a.question_id: a for a in attempt.answers}


def next_position(attempt: QuizAttempt) -> int | None:
    """The first question not answered yet (so a closed tab resumes there), or None."""
    done = answered(attempt)
    for position, question_id in enumerate(attempt.question_ids):
        if question_id not in done:
            return position
    return None


def question_at(session: Session, attempt: QuizAttempt, position: int) -> Question:
    if not 0 <= position < len(attempt.question_ids):
        raise QuizError("There is no such question in this quiz.")
    question = session.get(Question, attempt.question_ids[position])
    if question is None:
        raise QuizError("This question was deleted from the bank.")
    return question


def choices_for(attempt: QuizAttempt, question: Question) -> list[str]:
    return list(attempt.settings.get("choices", {}).get(str(question.id), question.choices))


def submit_answer(
    session: Session, attempt: QuizAttempt, position: int, given: str, *, now: datetime
) -> tuple[AttemptAnswer, bool]:
    """Record the answer to the question at `position`; return (answer, newly recorded).

    Answering is idempotent: a double submit, the back button or a second tab finds
    the answer already stored and changes nothing, so no answer counts twice and
    the first one is never lost. The unique (attempt, question) constraint settles a
    race between two requests.
    """
    question = question_at(session, attempt, position)
    existing = answered(attempt).get(question.id)
    if existing is not None:
        return existing, False
    given = given.strip()[:500]
    answer = AttemptAnswer(
        attempt_id=attempt.id,
        question_id=question.id,
        position=position,
        given=given,
        correct=is_right(question, given),
        answered_at=now,
    )
    try:
        with session.begin_nested():
            session.add(answer)
            session.flush()
    except IntegrityError:
        session.expire(attempt, ["answers"])
        return answered(attempt)[question.id], False
    session.expire(attempt, ["answers"])
    # the question's flashcard learns from the quiz too: right = Good, wrong = Again
    record_quiz_answer(session, attempt.user, question, answer.correct, now)
    if next_position(attempt) is None and attempt.finished_at is None:
        attempt.finished_at = now
    return answer, True


def score(attempt: QuizAttempt) -> Score:
    return Score(sum(1 for a in attempt.answers if a.correct), len(attempt.question_ids))


@dataclass(frozen=True, slots=True)
class ResultItem:
    position: int
    question: Question
    answer: AttemptAnswer | None


def result_items(session: Session, attempt: QuizAttempt) -> list[ResultItem]:
    done = answered(attempt)
    questions = {
        q.id: q
        for q in session.scalars(select(Question).where(Question.id.in_(attempt.question_ids)))
    }
    return [
        ResultItem(position, questions[qid], done.get(qid))
        for position, qid in enumerate(attempt.question_ids)
        if qid in questions
    ]


def missed_question_ids(attempt: QuizAttempt) -> list[int]:
    done = answered(attempt)
    return [qid for qid in attempt.question_ids if qid not in done or not done[qid].correct]


def history(session: Session, user: User) -> list[tuple[QuizAttempt, Score]]:
    attempts = session.scalars(
        select(QuizAttempt)
        .where(QuizAttempt.user_id == user.id)
        .order_by(QuizAttempt.started_at.desc(), QuizAttempt.id.desc())
    ).all()
    return [(a, score(a)) for a in attempts]


@dataclass(frozen=True, slots=True)
class ItemStats:
    asked: int
    right: int
    chosen: dict[str, int]  # for multiple choice: how often each choice was picked

    @property
    def facility(self) -> float | None:
        return self.right / self.asked if self.asked else None


def item_statistics(session: Session, bank: Bank) -> dict[int, ItemStats]:
    """Across all users' attempts: times asked, share right, and each choice's pulls."""
    rows = session.execute(
        select(AttemptAnswer.question_id, AttemptAnswer.given, AttemptAnswer.correct, func.count())
        .join(Question, Question.id == AttemptAnswer.question_id)
        .where(Question.bank_id == bank.id)
        .group_by(AttemptAnswer.question_id, AttemptAnswer.given, AttemptAnswer.correct)
    ).all()
    stats: dict[int, ItemStats] = {}
    for question_id, given, correct, n in rows:
        current = stats.get(question_id, ItemStats(0, 0, {}))
        chosen = dict(current.chosen)
        chosen[given] = chosen.get(given, 0) + n
        stats[question_id] = ItemStats(
            current.asked + n, current.right + (n if correct else 0), chosen
        )
    return stats

"""Quiz attempts: start, answer (idempotently), finish, results, history, retries."""

from __future__ import annotations

import random
import re
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from functools import cache

from sqlalchemy import bindparam, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, object_session

from quizapp.database import load_by_id
from quizapp.domain.quiz import LastAsked, Score, is_right, plan_quiz
from quizapp.models import AttemptAnswer, Bank, Question, QuizAttempt, User
from quizapp.services.banks import LIVE, visible_to
from quizapp.services.reviews import (
    StaleReview,
    overrule_quiz_review,
    question_card,
    record_quiz_answer,
)


class QuizError(ValueError):
    """A request the quiz cannot honour; str(error) says why."""


class StartKeyReused(QuizError):
    """An idempotency key sent again with a different request."""


# What a start key may be: the quiz form's random token, an API client's
# Idempotency-Key (stored as "api-<key>"), or "retry-<attempt id>".
START_KEY = re.compile(r"[A-Za-z0-9_-]{8,64}")


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
    missed_question_ids: list[int] | None = None,
    start_key: str | None = None,
    idempotent: bool = False,
) -> QuizAttempt:
    """A new attempt; or, when `start_key` started one before with the same settings and
    nothing is answered in it yet, that one: a form submitted twice (a double click, a
    reload, two tabs) starts one quiz. Otherwise the learner came back to an old form
    on purpose (to change a setting, or after answering), and gets a new quiz.

    With `idempotent` (an API client's Idempotency-Key) the same request always gets
    the attempt the key started, answered or not, and another request with that key
    raises StartKeyReused: a client resending after a timeout must get what the first
    request made, and a key sent with new settings is a client's mistake."""
    asked = {"count": count, "types": types, "order": order, "feedback": feedback}
    if start_key is not None:
        started = _started_with(session, user, start_key)
        if started is not None:
            same = started.bank_id == bank.id and all(
                started.settings.get(k) == v for k, v in asked.items()
            )
            if same and (idempotent or _not_begun(session, started)):
                return started
            if idempotent:
                raise StartKeyReused("This Idempotency-Key was sent before with another request.")
            start_key = None
    query = select(Question).where(Question.bank_id == bank.id, Question.status.in_(LIVE))
    if missed_question_ids is not None:
        # a retry asks the facts missed, in another form where one exists
        missed_facts = select(Question.fact_id).where(Question.id.in_(missed_question_ids))
        query = query.where(Question.fact_id.in_(missed_facts))
    questions = list(session.scalars(query.order_by(Question.rank)))
    plan = plan_quiz(
        questions,
        count=count,
        types=types,
        order=order,
        rng=rng,
        asked=last_asked(session, user, bank),
        avoid=set(missed_question_ids or ()),
    )
    if not plan.question_ids:
        raise QuizError("No questions of the chosen types in this bank.")
    attempt = QuizAttempt(
        user=user,
        bank=bank,
        question_ids=plan.question_ids,
        settings={**asked, "choices": plan.choice_order},
        started_at=now,
        start_key=start_key,
    )
    # the reads above stay outside the savepoint: on SQLite a transaction that has read
    # cannot start writing once another has committed ("database is locked" at once)
    try:
        with session.begin_nested():
            session.add(attempt)
            session.flush()
    except IntegrityError:
        # the same key at the same moment: the other request started the attempt
        started = _started_with(session, user, start_key) if start_key else None
        if started is None:
            raise
        return started
    return attempt


def last_asked(session: Session, user: User, bank: Bank) -> dict[int, LastAsked]:
    """The learner's last answer to each fact of the bank they have been asked, in any
    form, by fact id."""
    rows = session.execute(
        select(Question.fact_id, AttemptAnswer.answered_at, AttemptAnswer.correct)
        .join(AttemptAnswer, AttemptAnswer.question_id == Question.id)
        .join(QuizAttempt, QuizAttempt.id == AttemptAnswer.attempt_id)
        .where(QuizAttempt.user_id == user.id, Question.bank_id == bank.id)
        .order_by(AttemptAnswer.answered_at, AttemptAnswer.id)
    )
    return {fact_id: LastAsked(at, bool(right)) for fact_id, at, right in rows}


def _not_begun(session: Session, attempt: QuizAttempt) -> bool:
    return attempt.finished_at is None and not session.scalar(
        _answer_count_statement(), {"attempt": attempt.id}
    )


def _started_with(session: Session, user: User, start_key: str) -> QuizAttempt | None:
    return session.scalar(
        select(QuizAttempt).where(
            QuizAttempt.user_id == user.id, QuizAttempt.start_key == start_key
        )
    )


def user_attempt(session: Session, user: User, attempt_id: int) -> QuizAttempt | None:
    """The attempt if it is this user's and its bank is still theirs to see; None for
    anyone else's, and for one on a bank its owner has made private since (the caller
    answers 404): its questions are the owner's again. The score stays in history()."""
    return session.scalar(_user_attempt_statement(), {"attempt": attempt_id, "user": user.id})


# Statements of the question page, which a learner loads for every question: built
# once, since building a statement cost as much as running it (bench/page_costs.py).


@cache
def _user_attempt_statement():  # type: ignore[no-untyped-def]
    return (
        select(QuizAttempt)
        .join(Bank, Bank.id == QuizAttempt.bank_id)
        .where(
            QuizAttempt.id == bindparam("attempt"),
            QuizAttempt.user_id == bindparam("user"),
            visible_to(bindparam("user")),
        )
    )


@cache
def _answered_statement():  # type: ignore[no-untyped-def]
    return select(AttemptAnswer.question_id).where(AttemptAnswer.attempt_id == bindparam("attempt"))


@cache
def _answer_count_statement():  # type: ignore[no-untyped-def]
    return select(func.count()).where(AttemptAnswer.attempt_id == bindparam("attempt"))


@cache
def _stored_answer_statement():  # type: ignore[no-untyped-def]
    return select(AttemptAnswer).where(
        AttemptAnswer.attempt_id == bindparam("attempt"),
        AttemptAnswer.question_id == bindparam("question"),
    )


def answered(attempt: QuizAttempt) -> dict[int, AttemptAnswer]:
    return {a.question_id: a for a in attempt.answers}


def next_position(attempt: QuizAttempt | GuestAttempt) -> int | None:
    """The first question not answered yet (so a closed tab resumes there), or None."""
    session = object_session(attempt) if isinstance(attempt, QuizAttempt) else None
    done: Collection[int]
    if session is not None:
        # only the ids, not every answer as an object: a whole-bank quiz has hundreds
        done = set(session.scalars(_answered_statement(), {"attempt": attempt.id}))
    else:
        done = answered(attempt)  # type: ignore[arg-type]
    for position, question_id in enumerate(attempt.question_ids):
        if question_id not in done:
            return position
    return None


def question_at(session: Session, attempt: QuizAttempt, position: int) -> Question:
    if not 0 <= position < len(attempt.question_ids):
        raise QuizError("There is no such question in this quiz.")
    question = load_by_id(session, Question, attempt.question_ids[position])
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
    # No lookup of a stored answer first: the insert below finds it (a replay is rare,
    # a query on every fresh answer is not). The card is read before the first write:
    # SQLite holds its one write lock from there to the commit.
    card = question_card(session, attempt.user, question)
    given = given.strip()[:500]
    answer = AttemptAnswer(
        attempt_id=attempt.id,
        question_id=question.id,
        position=position,
        given=given,
        correct=is_right(question, given),
        answered_at=now,
    )
    for tries_left in (1, 0):
        try:
            with session.begin_nested():
                session.add(answer)
                if card is not None:
                    # the question's flashcard learns from the quiz too (right = Good,
                    # wrong = Again), written in the same flush as the answer: one trip,
                    # and undone with it if another request stored this answer first
                    record_quiz_answer(session, attempt.user, question, answer.correct, now, card)
                else:
                    session.flush()
            break
        except IntegrityError:
            session.expire(attempt, ["answers"])
            return stored_answer(session, attempt, question.id), False  # type: ignore[return-value]
        except StaleReview:
            # the card was reviewed in another tab since it was read: the answer still
            # counts, scheduled from the card as that review left it
            if not tries_left or card is None:
                raise
            session.refresh(card)
    session.expire(attempt, ["answers"])
    if card is None:  # made only now, by the request whose answer was stored
        record_quiz_answer(session, attempt.user, question, answer.correct, now)
    # counted, not loaded: an "all questions" quiz has hundreds of answers
    done = session.scalar(_answer_count_statement(), {"attempt": attempt.id})
    if (done or 0) >= len(attempt.question_ids) and attempt.finished_at is None:
        attempt.finished_at = now
    return answer, True


# answers typed rather than picked: only these can be graded wrong for their form
TYPED_TYPES = ("cloze", "short_answer")


def can_overrule(question: Question, answer: AttemptAnswer | None) -> bool:
    return answer is not None and not answer.correct and question.type in TYPED_TYPES


def overrule_answer(
    session: Session, attempt: QuizAttempt, position: int, *, now: datetime
) -> AttemptAnswer:
    """The learner says a typed answer graded wrong was right ("Ernie Bto" for "Ernie
    Bot"): it counts as right, and its flashcard learns Good instead of Again."""
    question = question_at(session, attempt, position)
    answer = stored_answer(session, attempt, question.id)
    if answer is None or not can_overrule(question, answer):
        raise QuizError("Only a typed answer marked wrong can be counted as right.")
    answer.correct = True
    overrule_quiz_review(session, attempt.user, question, answer.answered_at, now)
    session.flush()
    session.expire(attempt, ["answers"])
    return answer


def stored_answer(session: Session, attempt: QuizAttempt, question_id: int) -> AttemptAnswer | None:
    return session.scalar(
        _stored_answer_statement(), {"attempt": attempt.id, "question": question_id}
    )


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


@dataclass(frozen=True, slots=True)
class HistoryRow:
    attempt: QuizAttempt
    score: Score
    # False once the bank's owner has made it private: the score is the learner's record,
    # the questions (results, resume, retry) are no longer theirs to see
    available: bool


def history(session: Session, user: User) -> list[HistoryRow]:
    rows = session.execute(
        select(QuizAttempt, visible_to(user.id))
        .join(Bank, Bank.id == QuizAttempt.bank_id)
        .where(QuizAttempt.user_id == user.id)
        .order_by(QuizAttempt.started_at.desc(), QuizAttempt.id.desc())
    ).all()
    return [HistoryRow(attempt, score(attempt), bool(available)) for attempt, available in rows]


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


# ---- a visitor's quiz, kept in the signed session cookie until they sign up -----------

GUEST_MAX_QUESTIONS = 20  # the cookie holds at most 4 kB
GUEST_ANSWER_CHARS = 100


@dataclass(slots=True)
class GuestAnswer:
    question_id: int
    position: int
    given: str
    correct: bool


@dataclass(slots=True)
class GuestAttempt:
    """A quiz without an account: the plan is remade from its seed on every request,
    so the session stores only the settings, the seed and the answers."""

    bank_id: int
    question_ids: list[int]
    settings: dict[str, object]
    started_at: datetime
    answers: list[GuestAnswer]
    finished_at: datetime | None = None
    id: None = None

    def to_session(self) -> dict[str, object]:
        return {
            "bank_id": self.bank_id,
            "settings": {k: v for k, v in self.settings.items() if k != "choices"},
            "started_at": self.started_at.isoformat(),
            "finished_at": self.finished_at.isoformat() if self.finished_at else None,
            "answers": [[a.question_id, a.position, a.given, a.correct] for a in self.answers],
        }


def start_guest_attempt(
    session: Session,
    bank: Bank,
    *,
    count: int | None,
    types: list[str],
    order: str,
    feedback: str,
    now: datetime,
    seed: int,
) -> GuestAttempt:
    count = min(count or GUEST_MAX_QUESTIONS, GUEST_MAX_QUESTIONS)
    settings: dict[str, object] = {
        "types": types,
        "order": order,
        "feedback": feedback,
        "count": count,
        "seed": seed,
    }
    attempt = GuestAttempt(bank.id, [], settings, now, [])
    _replan(session, attempt)
    if not attempt.question_ids:
        raise QuizError("No questions of the chosen types in this bank.")
    return attempt


def _replan(session: Session, attempt: GuestAttempt) -> None:
    s = attempt.settings
    questions = list(
        session.scalars(
            select(Question)
            .where(Question.bank_id == attempt.bank_id, Question.status.in_(LIVE))
            .order_by(Question.rank)
        )
    )
    plan = plan_quiz(
        questions,
        count=int(s["count"]),
        types=list(s["types"]),  # type: ignore[call-overload,arg-type]
        order=str(s["order"]),
        rng=random.Random(int(s["seed"])),
    )  # type: ignore[call-overload]
    attempt.question_ids = plan.question_ids
    attempt.settings = {**s, "choices": plan.choice_order}


def guest_from_session(session: Session, data: object) -> GuestAttempt | None:
    """The visitor's quiz from their session; None when there is none, or when its bank
    is no longer shared (made private, or deleted with its owner's account)."""
    if not isinstance(data, dict):
        return None
    try:
        attempt = GuestAttempt(
            bank_id=int(data["bank_id"]),
            question_ids=[],
            settings=dict(data["settings"]),
            started_at=datetime.fromisoformat(data["started_at"]),
            answers=[
                GuestAnswer(int(q), int(p), str(g), bool(c)) for q, p, g, c in data["answers"]
            ],
            finished_at=datetime.fromisoformat(data["finished_at"])
            if data["finished_at"]
            else None,
        )
    except (KeyError, TypeError, ValueError):
        return None
    from quizapp.services.banks import visible_bank

    if visible_bank(session, None, attempt.bank_id) is None:
        return None
    _replan(session, attempt)
    return attempt


def submit_guest_answer(
    session: Session, attempt: GuestAttempt, position: int, given: str, *, now: datetime
) -> GuestAnswer:
    question = question_at(session, attempt, position)  # type: ignore[arg-type]
    existing = next((a for a in attempt.answers if a.question_id == question.id), None)
    if existing is not None:
        return existing  # a double submit changes nothing, as for members
    given = given.strip()[:GUEST_ANSWER_CHARS]
    answer = GuestAnswer(question.id, position, given, is_right(question, given))
    attempt.answers.append(answer)
    if next_position(attempt) is None:  # type: ignore[arg-type]
        attempt.finished_at = now
    return answer


def save_guest_attempt(
    session: Session, user: User, guest: GuestAttempt, now: datetime
) -> QuizAttempt | None:
    """Keep a visitor's quiz once they have an account: the attempt, its answers, and the
    flashcards they update. None if the bank is no longer there for them."""
    from quizapp.services.banks import visible_bank

    bank = visible_bank(session, user, guest.bank_id)
    if bank is None or not guest.answers:
        return None
    attempt = QuizAttempt(
        user=user,
        bank=bank,
        question_ids=guest.question_ids,
        settings=guest.settings,
        started_at=guest.started_at,
        finished_at=guest.finished_at,
    )
    session.add(attempt)
    session.flush()
    for a in guest.answers:
        question = session.get(Question, a.question_id)
        if question is None or question.bank_id != bank.id:
            continue
        session.add(
            AttemptAnswer(
                attempt_id=attempt.id,
                question_id=a.question_id,
                position=a.position,
                given=a.given,
                correct=a.correct,
                answered_at=now,
            )
        )
        record_quiz_answer(session, user, question, a.correct, now)
    session.flush()
    session.expire(attempt, ["answers"])
    return attempt

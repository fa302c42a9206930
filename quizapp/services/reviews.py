"""Flashcards, one per learner per fact: the daily queue, the form each review shows,
reviews (from the review page and from quizzes, on any of the fact's questions), undo,
bury, suspend and leeches. Every change to a card goes through `apply_rating`."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from functools import cache
from typing import Any

from sqlalchemy import and_, bindparam, case, func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, contains_eager
from sqlalchemy.orm.exc import StaleDataError

from quizapp.domain import scheduling
from quizapp.domain.review_forms import form_for_review
from quizapp.domain.scheduling import Memory, Settings
from quizapp.models import Bank, Card, Fact, Question, ReviewLog, User
from quizapp.services import new_card_limit
from quizapp.services.banks import LIVE, visible_to
from quizapp.services.review_settings import (
    NEW_PER_DAY,
    REVIEWS_PER_DAY,
    bounded_count,
    bounded_retention,
    bounded_steps,
)

LEARNING_STATES = (1, 3)  # fsrs State.Learning, State.Relearning


STALE_MESSAGE = "This card was already reviewed, in another tab or window."


class StaleReview(ValueError):
    """The card changed since the page showed it (another tab reviewed it)."""


class ReviewError(ValueError):
    """A review the queue cannot accept; str(error) says why."""


def settings_for(user: User) -> Settings:
    """The user's settings, each held within its bounds (services/review_settings.py)."""
    steps = tuple(timedelta(seconds=s) for s in bounded_steps(user.learning_steps))
    return Settings(
        desired_retention=bounded_retention(user.desired_retention),
        learning_steps=steps,
        new_per_day=bounded_count(user.new_per_day, NEW_PER_DAY, 20),
        max_reviews_per_day=bounded_count(user.max_reviews_per_day, REVIEWS_PER_DAY, 200),
        parameters=tuple(user.fsrs_parameters) if user.fsrs_parameters else None,
        timezone=user.timezone or "UTC",
    )


def memory_of(card: Card) -> Memory:
    return Memory(
        state=card.state,
        step=card.step,
        stability=card.stability,
        difficulty=card.difficulty,
        due=card.due,
        last_review=card.last_review,
        reps=card.reps,
        lapses=card.lapses,
    )


def intervals(memory: Memory, now: datetime, settings: Settings) -> dict[int, timedelta]:
    """The interval each rating gives, each one longer than the one before as the buttons
    show it. FSRS can give Good and Easy the same day (a learning card's last step, a
    short review): the later rating then waits one unit more, as Anki's buttons do, so
    that pressing Easy never schedules a card sooner than Good would."""
    spread: dict[int, timedelta] = {}
    previous: timedelta | None = None
    for rating, interval in sorted(scheduling.preview(memory, now, settings).intervals.items()):
        if previous is not None:
            interval = max(interval, previous)
            while interval == previous or _label(interval) == _label(previous):
                interval += _unit(interval)
        spread[rating] = previous = interval
    return spread


def _label(interval: timedelta) -> str:
    return scheduling.format_interval(interval)


def _unit(interval: timedelta) -> timedelta:
    """The smallest step the buttons' labels show at this length."""
    if interval < timedelta(hours=1):
        return timedelta(minutes=1)
    if interval < timedelta(days=1):
        return timedelta(hours=1)
    return timedelta(days=1)


def _snapshot(card: Card) -> dict[str, object]:
    return {
        "state": card.state,
        "step": card.step,
        "stability": card.stability,
        "difficulty": card.difficulty,
        "due": card.due.isoformat(),
        "last_review": card.last_review.isoformat() if card.last_review else None,
        "reps": card.reps,
        "lapses": card.lapses,
        "suspended": card.suspended,
        "leech": card.leech,
        "buried_until": card.buried_until.isoformat() if card.buried_until else None,
    }


def _restore(card: Card, snap: dict[str, object]) -> None:
    def when(value: object) -> datetime | None:
        return datetime.fromisoformat(str(value)) if value else None

    card.state, card.step = int(snap["state"]), snap["step"]  # type: ignore[call-overload,assignment]
    card.stability, card.difficulty = snap["stability"], snap["difficulty"]  # type: ignore[assignment]
    card.due = when(snap["due"])  # type: ignore[assignment]
    card.last_review = when(snap["last_review"])
    card.reps, card.lapses = int(snap["reps"]), int(snap["lapses"])  # type: ignore[call-overload]
    card.suspended, card.leech = bool(snap["suspended"]), bool(snap["leech"])
    card.buried_until = when(snap["buried_until"])


def ensure_cards(session: Session, user: User, bank: Bank, now: datetime) -> int:
    """Every fact of the bank with a live question becomes one of the user's cards;
    returns how many were new (made by this call). New cards are due at once and keep
    the bank's order, best fact first."""
    looks_left = 3
    while True:
        # read before the savepoint: on SQLite a transaction that has read cannot
        # start writing once another has committed ("database is locked" at once)
        missing = _missing_cards(session, user, bank, now)
        looks_left -= 1
        try:
            with session.begin_nested():
                session.add_all(missing)
                session.flush()
            return len(missing)
        except IntegrityError:
            # Study pressed twice, or in two tabs: another request made some of these
            # cards after this one looked. Look again; those are no longer missing.
            if not looks_left:
                raise


def _missing_cards(session: Session, user: User, bank: Bank, now: datetime) -> list[Card]:
    have = set(
        session.scalars(
            select(Card.fact_id)
            .join(Fact, Fact.id == Card.fact_id)
            .where(Card.user_id == user.id, Fact.bank_id == bank.id)
        )
    )
    facts = session.execute(
        select(Fact.id, Fact.rank)
        .where(Fact.bank_id == bank.id, has_live_form(Fact.id))
        .order_by(Fact.rank)
    ).all()
    # a microsecond apart, so that "due" keeps the bank's best-first order
    return [
        Card(user_id=user.id, fact_id=fact_id, due=now + timedelta(microseconds=rank))
        for fact_id, rank in facts
        if fact_id not in have
    ]


def has_live_form(fact_id: Any) -> Any:
    """Whether the fact has a question that is not retired: one to show it in."""
    return (
        select(Question.id).where(Question.fact_id == fact_id, Question.status.in_(LIVE)).exists()
    )


def shown_form(session: Session, user: User, card: Card, now: datetime) -> Question | None:
    """The question a review of this card shows now (domain/review_forms.py): a recall
    form where the fact has one; another on each day the card is reviewed, and the
    same all day, so that a learner never meets two forms of one fact in one day."""
    forms = session.scalars(
        select(Question)
        .where(Question.fact_id == card.fact_id, Question.status.in_(LIVE))
        .order_by(Question.rank)
    ).all()
    start, _ = scheduling.day_bounds(now, user.timezone)
    earlier = session.scalars(
        select(ReviewLog.reviewed_at).where(
            ReviewLog.card_id == card.id,
            ReviewLog.undone_at.is_(None),
            ReviewLog.reviewed_at < start,
        )
    )
    days = {scheduling.day_bounds(when, user.timezone)[0] for when in earlier}
    return form_for_review(forms, len(days))


def user_card(session: Session, user: User, card_id: int) -> Card | None:
    """The user's card, while its bank is theirs to see; None otherwise (404)."""
    return session.scalar(
        select(Card)
        .join(Fact, Fact.id == Card.fact_id)
        .join(Bank, Bank.id == Fact.bank_id)
        .where(Card.id == card_id, Card.user_id == user.id, visible_to(user.id))
    )


def apply_rating(
    session: Session,
    user: User,
    card: Card,
    rating: int,
    now: datetime,
    *,
    source: str = "review",
    duration_ms: int | None = None,
) -> tuple[ReviewLog, scheduling.Outcome]:
    """The one way a card changes: schedule with FSRS, log the review, mark leeches."""
    memory, settings = memory_of(card), settings_for(user)
    outcome = scheduling.review(memory, rating, now, settings)
    interval = intervals(memory, now, settings)[rating]
    if interval != outcome.interval:  # moved out of the rating before's way; see intervals
        memory_after = replace(outcome.memory, due=now + interval)
        outcome = replace(outcome, memory=memory_after, interval=interval)
    log = ReviewLog(
        card_id=card.id,
        user_id=user.id,
        rating=rating,
        reviewed_at=now,
        duration_ms=duration_ms,
        source=source,
        card_before=_snapshot(card),
    )
    m = outcome.memory
    card.state, card.step, card.stability, card.difficulty = (
        m.state,
        m.step,
        m.stability,
        m.difficulty,
    )
    card.due, card.last_review, card.reps, card.lapses = m.due, m.last_review, m.reps, m.lapses
    card.buried_until = None
    if outcome.leech:
        card.leech = True
        card.suspended = True
    session.add(log)
    try:
        session.flush()
    except StaleDataError:
        raise StaleReview(STALE_MESSAGE) from None
    return log, outcome


def review_card(
    session: Session,
    user: User,
    card: Card,
    rating: int,
    now: datetime,
    *,
    seen_version: int,
    duration_ms: int | None = None,
) -> tuple[ReviewLog, scheduling.Outcome]:
    """A rating from the review page for the card as it was shown (`seen_version`).

    A second tab that shows the same card submits an old version: that review is
    refused, so the first one stands and nothing is applied twice. Two requests that
    race past this check are settled by the card's version column: the second UPDATE
    matches no row and raises StaleReview when the session flushes.
    """
    if card.version != seen_version:
        raise StaleReview(STALE_MESSAGE)
    if card.suspended:
        raise ReviewError("This card is suspended.")
    if now < (card.last_review or now):
        raise ReviewError("A review cannot come before the card's last review.")
    return apply_rating(session, user, card, rating, now, duration_ms=duration_ms)


def question_card(session: Session, user: User, question: Question) -> Card | None:
    """The learner's flashcard of this question's fact, if they have one."""
    return session.scalar(_question_card_statement(), {"user": user.id, "fact": question.fact_id})


@cache
def _question_card_statement():  # type: ignore[no-untyped-def]
    # built once: every quiz answer runs it
    return select(Card).where(Card.user_id == bindparam("user"), Card.fact_id == bindparam("fact"))


def record_quiz_answer(
    session: Session,
    user: User,
    question: Question,
    correct: bool,
    now: datetime,
    card: Card | None = None,
) -> tuple[ReviewLog, scheduling.Outcome]:
    """A quiz answer is a review too, of the card of the question's fact: right = Good,
    wrong = Again. `card` is that card if the caller already read it; a learner
    without one gets one."""
    card = card or question_card(session, user, question)
    if card is None:
        try:
            with session.begin_nested():
                card = Card(user_id=user.id, fact_id=question.fact_id, due=now)
                session.add(card)
                session.flush()
        except IntegrityError:  # made meanwhile, by the learner's quiz in another tab
            card = question_card(session, user, question)
            if card is None:
                raise
    return apply_rating(session, user, card, 3 if correct else 1, now, source="quiz")


def overrule_quiz_review(
    session: Session, user: User, question: Question, answered_at: datetime, now: datetime
) -> Card | None:
    """A quiz answer the learner overruled as right: the Again it gave the card becomes
    a Good, given at the same time (the Again stays in the log, marked undone). When the
    card was reviewed since, those later reviews were built on the Again and stand; the
    card is then left as it is. The card, when it changed."""
    card = question_card(session, user, question)
    if card is None or card.last_review != answered_at:
        return None
    log = session.scalar(
        select(ReviewLog).where(
            ReviewLog.card_id == card.id,
            ReviewLog.source == "quiz",
            ReviewLog.reviewed_at == answered_at,
            ReviewLog.rating == 1,
            ReviewLog.undone_at.is_(None),
        )
    )
    if log is None:
        return None
    log.undone_at = now
    _restore(card, log.card_before)
    apply_rating(session, user, card, 3, answered_at, source="quiz")
    return card


def undo_last(session: Session, user: User, now: datetime) -> Card | None:
    """Put the card of the user's last review (from the review page) back exactly as
    it was; the review stays in the log, marked undone. None when there is nothing."""
    log = session.scalar(
        select(ReviewLog)
        .where(
            ReviewLog.user_id == user.id,
            ReviewLog.source == "review",
            ReviewLog.undone_at.is_(None),
        )
        .order_by(ReviewLog.reviewed_at.desc(), ReviewLog.id.desc())
    )
    if log is None:
        return None
    # Claim the review before touching its card: two Undo requests at once (a double
    # click, two tabs) both found it, and only the one whose UPDATE still matches may
    # undo it; the other undid nothing, as if its click came second. (Setting the
    # attribute instead would let both restore the card and mark the log.)
    claimed = session.execute(
        update(ReviewLog)
        .where(ReviewLog.id == log.id, ReviewLog.undone_at.is_(None))
        .values(undone_at=now)
        .execution_options(synchronize_session=False)
    )
    if claimed.rowcount != 1:  # type: ignore[attr-defined]
        return None
    session.expire(log, ["undone_at"])
    # read after the claim, so that it is the card as the last review left it
    card = session.get(Card, log.card_id, populate_existing=True)
    if card is None:
        return None
    _restore(card, log.card_before)
    try:
        session.flush()
    except StaleDataError:  # reviewed again in another tab since this read
        raise StaleReview(STALE_MESSAGE) from None
    return card


def bury(session: Session, user: User, card: Card, now: datetime) -> None:
    """Hide the card until the learner's next day starts."""
    _, end = scheduling.day_bounds(now, user.timezone)
    card.buried_until = end


def suspend(card: Card) -> None:
    card.suspended = True


def unsuspend(card: Card) -> None:
    card.suspended = False
    card.leech = False


@dataclass(frozen=True, slots=True)
class Queue:
    card: Card | None
    new_left: int
    learning_left: int
    due_left: int
    reviews_left_today: int
    new_held_back: int = 0  # new cards that today's limits keep back
    new_limit: int = 0  # today's new-card limit: the setting and what was added today
    # what "Study N more today" offers once today's new-card limit is reached and new
    # cards wait; 0 while the limit lets some in, or when a higher one would show no more
    more_new: int = 0

    @property
    def total(self) -> int:
        return self.new_left + self.learning_left + self.due_left


def _left_today(session: Session, user: User, now: datetime) -> tuple[int, int]:
    """(reviews left today, new cards today's new-card limit still lets in)."""
    done_today, new_today = _reviews_today(session, user, now)
    reviews_left = max(settings_for(user).max_reviews_per_day - done_today, 0)
    return reviews_left, max(new_card_limit.limit_today(user, now) - new_today, 0)


def _reviews_today(session: Session, user: User, now: datetime) -> tuple[int, int]:
    """(reviews done today, new cards introduced today) on the review page."""
    start, _ = scheduling.day_bounds(now, user.timezone)
    done, new = session.execute(_today_statement(), {"user": user.id, "start": start}).one()
    return int(done), int(new)


# The review page runs the statements below on every card shown. They are built once
# with bound parameters: building a statement and its cache key anew each time cost
# more than running it (bench/page_costs.py).


@cache
def _today_statement():  # type: ignore[no-untyped-def]
    # one query, counted in the database: the JSON path works on SQLite and PostgreSQL
    was_new = case((ReviewLog.card_before["reps"].as_integer() == 0, 1), else_=0)
    return select(func.count(), func.coalesce(func.sum(was_new), 0)).where(
        ReviewLog.user_id == bindparam("user"),
        ReviewLog.source == "review",
        ReviewLog.undone_at.is_(None),
        ReviewLog.reviewed_at >= bindparam("start"),
    )


def _showable(by_bank: bool):  # type: ignore[no-untyped-def]
    """The learner's cards that may be shown now (parameters user, now, and bank): not of
    a bank made private since they studied it, whose cards wait, as they were, for the
    day it is shared again."""
    query = (
        select(Card)
        .join(Fact, Fact.id == Card.fact_id)
        .join(Bank, Bank.id == Fact.bank_id)
        .where(
            Card.user_id == bindparam("user"),
            Card.suspended.is_(False),
            has_live_form(Card.fact_id),
            visible_to(bindparam("user")),
            or_(Card.buried_until.is_(None), Card.buried_until <= bindparam("now")),
        )
    )
    return query.where(Fact.bank_id == bindparam("bank")) if by_bank else query


@cache
def _counts_statement(by_bank: bool):  # type: ignore[no-untyped-def]
    def tally(*conditions: Any) -> Any:
        return func.coalesce(func.sum(case((and_(*conditions), 1), else_=0)), 0)

    now, end = bindparam("now"), bindparam("end")
    # the counts in one pass over the learner's cards, not one pass each
    return _showable(by_bank).with_only_columns(
        tally(Card.reps > 0, Card.state.in_(LEARNING_STATES), Card.due < end),
        tally(Card.reps > 0, Card.state.notin_(LEARNING_STATES), Card.due <= now),
        tally(Card.reps == 0),
        tally(Card.reps > 0, Card.due <= now),  # due now, learning or not
    )


def due_today_by_bank(session: Session, user: User, now: datetime) -> dict[int, int]:
    """The cards each bank has for the learner today, as its review page would count
    them: learning steps up before the day ends, reviews due now, and new cards within
    what is left of today's new-card limit (one limit shared by all banks). Banks with
    nothing today are left out."""
    _, end = scheduling.day_bounds(now, user.timezone)
    reviews_left, new_limit_left = _left_today(session, user, now)
    new_allowed = min(new_limit_left, reviews_left)
    rows = session.execute(_by_bank_statement(), {"user": user.id, "now": now, "end": end})
    today = {
        bank_id: int(learning) + int(due) + min(int(new), new_allowed)
        for bank_id, learning, due, new in rows
    }
    return {bank_id: count for bank_id, count in today.items() if count}


@cache
def _by_bank_statement():  # type: ignore[no-untyped-def]
    learning, due, new, _ = _counts_statement(False).selected_columns
    return (
        _showable(False).with_only_columns(Fact.bank_id, learning, due, new).group_by(Fact.bank_id)
    )


@cache
def _candidate_statement(which: str, by_bank: bool, avoiding: bool):  # type: ignore[no-untyped-def]
    """The card to show from one of the lists; `avoiding` skips the cards asking about
    the sentence of the card just reviewed (parameters avoid_bank, avoid_start)."""
    now, end = bindparam("now"), bindparam("end")
    query = _showable(by_bank).options(contains_eager(Card.fact).contains_eager(Fact.bank))
    if avoiding:
        query = query.where(
            or_(
                Fact.bank_id != bindparam("avoid_bank"),
                Fact.sentence_start != bindparam("avoid_start"),
            )
        )
    if which == "due":
        query = query.where(Card.reps > 0, Card.due <= now).order_by(Card.due)
    elif which == "new":
        query = query.where(Card.reps == 0).order_by(Card.due, Card.id)
    else:  # "learning": a step not yet up
        query = query.where(
            Card.reps > 0, Card.state.in_(LEARNING_STATES), Card.due < end
        ).order_by(Card.due)
    return query.limit(1)


def today_counts(session: Session, user: User, now: datetime, bank_id: int | None) -> Queue:
    """What the queue (of the bank, when given) holds today, without choosing a card."""
    return _counts(session, user, now, bank_id)[0]


def _counts(
    session: Session, user: User, now: datetime, bank_id: int | None
) -> tuple[Queue, dict[str, Any], bool]:
    _, end = scheduling.day_bounds(now, user.timezone)
    reviews_left, new_limit_left = _left_today(session, user, now)
    params = {"user": user.id, "now": now, "end": end, "bank": bank_id}
    counts = session.execute(_counts_statement(bank_id is not None), params).one()
    learning, due, new_total, due_now = (int(n) for n in counts)
    new = min(new_total, new_limit_left, reviews_left)
    # what a higher new-card limit would let in: none once the review limit is reached
    held_by_limit = min(new_total, reviews_left) - new
    queue = Queue(
        None,
        new,
        learning,
        due,
        reviews_left,
        new_held_back=new_total - new,
        new_limit=new_card_limit.limit_today(user, now),
        more_new=new_card_limit.offer(held_by_limit, user) if not new else 0,
    )
    return queue, params, bool(due_now)


def next_card(
    session: Session,
    user: User,
    now: datetime,
    bank_id: int | None = None,
    last_card_id: int | None = None,
) -> Queue:
    """Due cards first (learning ones once their step is up), then new cards up to the
    daily limit. Siblings of the card just reviewed (same source sentence) wait if
    anything else can be shown."""
    queue, params, due_now = _counts(session, user, now, bank_id)
    by_bank = bank_id is not None
    card = None
    if queue.reviews_left_today:
        # the counts say which of the three lists to read: one query here, two at most
        which = "due" if due_now else "new" if queue.new_left else "learning"
        avoid = _sentence_of(session, last_card_id) if last_card_id is not None else None
        if avoid is not None:
            card = session.scalar(
                _candidate_statement(which, by_bank, avoiding=True),
                {**params, "avoid_bank": avoid[0], "avoid_start": avoid[1]},
            )
        if card is None:  # nothing else to show: a sibling after all
            card = session.scalar(_candidate_statement(which, by_bank, avoiding=False), params)
    return replace(queue, card=card)


@dataclass(frozen=True, slots=True)
class DaySummary:
    reviews: int
    right: int  # rated Hard, Good or Easy
    seconds: int
    next_due: datetime | None  # the next card that comes up after now, if any


def day_summary(
    session: Session, user: User, now: datetime, bank_id: int | None = None
) -> DaySummary:
    """What the learner reviewed today (in the bank, when given), and when the next
    card comes up: for the end of a review session."""
    start, _ = scheduling.day_bounds(now, user.timezone)
    logs = (
        select(
            func.count(),
            func.coalesce(func.sum(case((ReviewLog.rating > 1, 1), else_=0)), 0),
            func.coalesce(func.sum(ReviewLog.duration_ms), 0),
        )
        .join(Card, Card.id == ReviewLog.card_id)
        .join(Fact, Fact.id == Card.fact_id)
        .where(
            ReviewLog.user_id == user.id,
            ReviewLog.source == "review",
            ReviewLog.undone_at.is_(None),
            ReviewLog.reviewed_at >= start,
        )
    )
    upcoming = _showable(bank_id is not None).with_only_columns(func.min(Card.due))
    upcoming = upcoming.where(Card.reps > 0, Card.due > bindparam("now"))
    if bank_id is not None:
        logs = logs.where(Fact.bank_id == bank_id)
    reviews, right, milliseconds = session.execute(logs).one()
    next_due = session.scalar(upcoming, {"user": user.id, "now": now, "bank": bank_id})
    return DaySummary(int(reviews), int(right), int(milliseconds) // 1000, next_due)


def _sentence_of(session: Session, card_id: int) -> tuple[int, int] | None:
    """(bank, sentence) of the card's fact: the facts of the same sentence are close
    enough to give each other away."""
    row = session.execute(_sentence_statement(), {"card": card_id}).first()
    return (row[0], row[1]) if row is not None else None


@cache
def _sentence_statement():  # type: ignore[no-untyped-def]
    return (
        select(Fact.bank_id, Fact.sentence_start)
        .join(Card, Card.fact_id == Fact.id)
        .where(Card.id == bindparam("card"))
    )

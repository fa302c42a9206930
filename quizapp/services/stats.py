"""The numbers behind the statistics page, computed in SQL where the rows are many."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, literal_column, select
from sqlalchemy.orm import Session

from quizapp.domain import scheduling
from quizapp.domain import stats as calc
from quizapp.models import Bank, Card, Fact, ReviewLog, User
from quizapp.services.reviews import has_live_form, memory_of, settings_for

HEATMAP_DAYS = 91
FORECAST_DAYS = 30


@dataclass(frozen=True, slots=True)
class BankKnowledge:
    bank: Bank
    cards: int
    known: float  # average retrievability: "facts you know"


@dataclass(frozen=True, slots=True)
class Statistics:
    heatmap: list[calc.Day]
    forecast: list[calc.Day]
    retention: list[calc.Retention]
    states: dict[str, int]
    banks: list[BankKnowledge]
    reviews_total: int


def statistics(session: Session, user: User, now: datetime) -> Statistics:
    tz = scheduling.zone(user.timezone)
    start_today, _ = scheduling.day_bounds(now, user.timezone)
    today = start_today.astimezone(tz).date()
    since = start_today - timedelta(days=HEATMAP_DAYS - 1)
    live = (Card.user_id == user.id, ReviewLog.undone_at.is_(None))

    # reviews per learning day: shift by 4 hours so that a day starts at 4 a.m.
    review_times = session.scalars(
        select(ReviewLog.reviewed_at).where(
            ReviewLog.user_id == user.id,
            ReviewLog.undone_at.is_(None),
            ReviewLog.reviewed_at >= since,
        )
    )
    days = ((t.astimezone(tz) - timedelta(hours=4)).date() for t in review_times)
    heatmap = calc.per_day(days, today - timedelta(days=HEATMAP_DAYS - 1), today)

    horizon = start_today + timedelta(days=FORECAST_DAYS)
    due_times = session.scalars(
        select(Card.due).where(
            Card.user_id == user.id,
            Card.reps > 0,
            Card.suspended.is_(False),
            has_live_form(Card.fact_id),
            Card.due < horizon,
        )
    )
    due_days = (max(today, (t.astimezone(tz) - timedelta(hours=4)).date()) for t in due_times)
    forecast = calc.per_day(due_days, today, today + timedelta(days=FORECAST_DAYS - 1))

    first_review = (
        select(ReviewLog.card_id, func.min(ReviewLog.reviewed_at).label("first"))
        .where(ReviewLog.user_id == user.id, ReviewLog.undone_at.is_(None))
        .group_by(ReviewLog.card_id)
        .subquery()
    )
    mature = session.execute(
        select(ReviewLog.reviewed_at, first_review.c.first, ReviewLog.rating)
        .join(first_review, first_review.c.card_id == ReviewLog.card_id)
        .join(Card, Card.id == ReviewLog.card_id)
        .where(*live, ReviewLog.card_before["state"].as_integer() == 2)
    ).all()
    retention = calc.retention_by_age((r, f, rating) for r, f, rating in mature)

    states = dict.fromkeys(("new", "learning", "review", "relearning", "suspended"), 0)
    started = (Card.reps > literal_column("0")).label("started")
    for state, reps, suspended, n in session.execute(
        select(Card.state, started, Card.suspended, func.count())
        .where(Card.user_id == user.id)
        .group_by(Card.state, started, Card.suspended)
    ):
        if suspended:
            key = "suspended"
        elif not reps:
            key = "new"
        else:
            key = {1: "learning", 2: "review", 3: "relearning"}[state]
        states[key] += n

    settings = settings_for(user)
    banks: dict[int, list[float]] = {}
    bank_rows = {}
    for card, bank in session.execute(
        select(Card, Bank)
        .join(Fact, Fact.id == Card.fact_id)
        .join(Bank, Bank.id == Fact.bank_id)
        .where(Card.user_id == user.id)
    ):
        bank_rows[bank.id] = bank
        banks.setdefault(bank.id, []).append(
            scheduling.retrievability(memory_of(card), now, settings)
        )
    knowledge = [
        BankKnowledge(bank_rows[i], len(values), sum(values) / len(values))
        for i, values in banks.items()
    ]
    total = (
        session.scalar(
            select(func.count()).where(ReviewLog.user_id == user.id, ReviewLog.undone_at.is_(None))
        )
        or 0
    )
    return Statistics(heatmap, forecast, retention, states, knowledge, total)

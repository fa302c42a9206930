"""Fitting FSRS's parameters to one learner's own reviews, when the optimiser is installed.

The optimiser needs PyTorch, so it is an optional extra (`pip install "fsrs[optimizer]"`)
and the default install stays light; without it the settings page says it is not available
(an operator adds it; a learner cannot).
"""

from __future__ import annotations

import importlib.util

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from quizapp.models import ReviewLog, User

MIN_REVIEWS = 512


def available() -> bool:
    return importlib.util.find_spec("torch") is not None


def review_count(session: Session, user: User) -> int:
    return (
        session.scalar(
            select(func.count()).where(ReviewLog.user_id == user.id, ReviewLog.undone_at.is_(None))
        )
        or 0
    )


def optimise(session: Session, user: User) -> list[float]:
    """Compute and store the user's own parameters; raise ValueError when not possible."""
    if not available():
        raise ValueError(
            "Fitting parameters is not available on this server: the optimiser is not installed."
        )
    if review_count(session, user) < MIN_REVIEWS:
        raise ValueError(f"At least {MIN_REVIEWS} reviews are needed to optimise.")
    from fsrs import Rating
    from fsrs import ReviewLog as FsrsReviewLog
    from fsrs.optimizer import Optimizer

    logs = [
        FsrsReviewLog(
            card_id=log.card_id,
            rating=Rating(log.rating),
            review_datetime=log.reviewed_at,
            review_duration=log.duration_ms,
        )
        for log in session.scalars(
            select(ReviewLog)
            .where(ReviewLog.user_id == user.id, ReviewLog.undone_at.is_(None))
            .order_by(ReviewLog.reviewed_at)
        )
    ]
    parameters = [float(p) for p in Optimizer(logs).compute_optimal_parameters()]
    user.fsrs_parameters = parameters
    return parameters

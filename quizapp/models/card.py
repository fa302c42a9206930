"""Flashcards (one per user and fact) and the append-only log of their reviews."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    SmallInteger,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quizapp.extensions import IDS_NEVER_REUSED, db
from quizapp.models.bank import Fact
from quizapp.models.types import UTCDateTime, utcnow
from quizapp.models.user import User


class Card(db.Model):  # type: ignore[name-defined,misc]
    """The FSRS memory state of one fact for one user, in columns so that "due now" is
    an index range scan. Every question of the fact reviews it, in whichever form it
    is asked (services/reviews.py: shown_form)."""

    __tablename__ = "cards"
    __table_args__ = (
        UniqueConstraint("user_id", "fact_id"),
        Index("ix_cards_user_id_due", "user_id", "due"),
        IDS_NEVER_REUSED,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    fact_id: Mapped[int] = mapped_column(ForeignKey("facts.id", ondelete="CASCADE"), index=True)
    state: Mapped[int] = mapped_column(SmallInteger, default=1)  # fsrs.State
    step: Mapped[int | None] = mapped_column(SmallInteger, default=0)
    stability: Mapped[float | None] = mapped_column(Float)
    difficulty: Mapped[float | None] = mapped_column(Float)
    due: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_review: Mapped[datetime | None] = mapped_column(UTCDateTime)
    reps: Mapped[int] = mapped_column(Integer, default=0)  # 0 = a new card
    lapses: Mapped[int] = mapped_column(Integer, default=0)
    suspended: Mapped[bool] = mapped_column(Boolean, default=False)
    leech: Mapped[bool] = mapped_column(Boolean, default=False)
    buried_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # bumped by SQLAlchemy on every UPDATE (version_id_col below): a review from a
    # stale tab names an old version, and a racing UPDATE matches no row
    version: Mapped[int] = mapped_column(Integer, default=0)

    user: Mapped[User] = relationship()
    fact: Mapped[Fact] = relationship()

    __mapper_args__ = {"version_id_col": version}


class ReviewLog(db.Model):  # type: ignore[name-defined,misc]
    __tablename__ = "review_logs"
    __table_args__ = (
        Index("ix_review_logs_user_id_reviewed_at", "user_id", "reviewed_at"),
        IDS_NEVER_REUSED,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    card_id: Mapped[int] = mapped_column(ForeignKey("cards.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    rating: Mapped[int] = mapped_column(SmallInteger)  # fsrs.Rating: 1 Again .. 4 Easy
    reviewed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    duration_ms: Mapped[int | None] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(16), default="review")  # "review" or "quiz"
    # the card as it was before this review, so that undo restores it exactly
    card_before: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # undo marks the row instead of deleting it: the log stays append-only
    undone_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

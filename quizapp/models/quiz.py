"""Quiz attempts and the answers given in them."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quizapp.extensions import IDS_NEVER_REUSED, db
from quizapp.models.bank import Bank, Question
from quizapp.models.types import UTCDateTime, utcnow
from quizapp.models.user import User


class QuizAttempt(db.Model):  # type: ignore[name-defined,misc]
    __tablename__ = "quiz_attempts"
    __table_args__ = (
        Index("ix_quiz_attempts_user_id_bank_id", "user_id", "bank_id"),
        # a form submitted twice (a double click, two tabs) starts one attempt
        UniqueConstraint("user_id", "start_key"),
        IDS_NEVER_REUSED,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    bank_id: Mapped[int] = mapped_column(ForeignKey("banks.id", ondelete="CASCADE"))
    # the questions in the order asked, and the choices' order per question
    question_ids: Mapped[list[int]] = mapped_column(JSON, default=list)
    settings: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # the key of the request that started it: the quiz form's, the API's Idempotency-Key
    # header, or the retried attempt's; NULL for attempts no second request can repeat
    start_key: Mapped[str | None] = mapped_column(String(80))

    user: Mapped[User] = relationship()
    bank: Mapped[Bank] = relationship()
    answers: Mapped[list[AttemptAnswer]] = relationship(
        back_populates="attempt", order_by="AttemptAnswer.position", cascade="all, delete-orphan"
    )


class AttemptAnswer(db.Model):  # type: ignore[name-defined,misc]
    __tablename__ = "attempt_answers"
    # one answer per question per attempt: a double submit cannot count twice
    __table_args__ = (UniqueConstraint("attempt_id", "question_id"), IDS_NEVER_REUSED)

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("quiz_attempts.id", ondelete="CASCADE"))
    question_id: Mapped[int] = mapped_column(
        ForeignKey("questions.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    given: Mapped[str] = mapped_column(Text, default="")
    correct: Mapped[bool] = mapped_column(Boolean)
    answered_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    attempt: Mapped[QuizAttempt] = relationship(back_populates="answers")
    question: Mapped[Question] = relationship()

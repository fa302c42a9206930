"""A question bank and its questions."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import JSON, Enum, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quizapp.extensions import db
from quizapp.models.article import Article
from quizapp.models.types import UTCDateTime, utcnow
from quizapp.models.user import User


class Visibility(enum.StrEnum):
    PUBLIC = "public"
    PRIVATE = "private"


class QuestionStatus(enum.StrEnum):
    ACTIVE = "active"  # as generated
    EDITED = "edited"  # changed by the owner: kept when the bank is regenerated
    RETIRED = "retired"  # hidden from quizzes and reviews, kept for history


class Bank(db.Model):  # type: ignore[name-defined,misc]
    __tablename__ = "banks"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    # None for the built-in bank, which belongs to nobody
    owner_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    visibility: Mapped[Visibility] = mapped_column(
        Enum(
            Visibility, values_callable=lambda e: [m.value for m in e], native_enum=False, length=16
        ),
        default=Visibility.PRIVATE,
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    article: Mapped[Article] = relationship()
    owner: Mapped[User | None] = relationship()
    questions: Mapped[list[Question]] = relationship(
        back_populates="bank", order_by="Question.rank", cascade="all, delete-orphan"
    )

    def __repr__(self) -> str:
        return f"<Bank {self.id} {self.name!r}>"


class Question(db.Model):  # type: ignore[name-defined,misc]
    __tablename__ = "questions"
    __table_args__ = (Index("ix_questions_bank_id_rank", "bank_id", "rank"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    bank_id: Mapped[int] = mapped_column(ForeignKey("banks.id", ondelete="CASCADE"))
    type: Mapped[str] = mapped_column(String(32))
    prompt: Mapped[str] = mapped_column(Text)
    answer: Mapped[str] = mapped_column(Text)
    choices: Mapped[list[str]] = mapped_column(JSON, default=list)
    accepted: Mapped[list[str]] = mapped_column(JSON, default=list)
    explanation: Mapped[str] = mapped_column(Text, default="")
    fact_kind: Mapped[str] = mapped_column(String(16))
    difficulty: Mapped[float] = mapped_column(Float, default=0.5)
    rank: Mapped[int] = mapped_column(Integer)  # 0 is asked first
    source_sentence: Mapped[str] = mapped_column(Text)
    sentence_start: Mapped[int] = mapped_column(Integer)
    sentence_end: Mapped[int] = mapped_column(Integer)
    # offset in the source sentence of the fact the question is about
    answer_start: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[QuestionStatus] = mapped_column(
        Enum(
            QuestionStatus,
            values_callable=lambda e: [m.value for m in e],
            native_enum=False,
            length=16,
        ),
        default=QuestionStatus.ACTIVE,
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    bank: Mapped[Bank] = relationship(back_populates="questions")

    def __repr__(self) -> str:
        return f"<Question {self.id} {self.type} {self.prompt[:30]!r}>"

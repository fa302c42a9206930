"""A question bank, its facts and their questions."""

from __future__ import annotations

import enum
from datetime import date, datetime
from uuid import uuid4

from sqlalchemy import (
    JSON,
    Date,
    Enum,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    event,
)
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from quizapp.extensions import IDS_NEVER_REUSED, db
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
    __table_args__ = IDS_NEVER_REUSED

    id: Mapped[int] = mapped_column(primary_key=True)
    # never the same for two banks, in this database or any other: what a cache shared
    # beyond one database's life (a restored backup, one Redis for a rebuilt database)
    # keys a bank's pages on, where an id could come to mean another bank
    uuid: Mapped[str] = mapped_column(String(32), unique=True, default=lambda: uuid4().hex)
    name: Mapped[str] = mapped_column(String(300))
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    # what this bank's owner said of the article; another user's bank of the same text
    # has its own (models/article.py)
    publisher: Mapped[str | None] = mapped_column(String(200))
    published_on: Mapped[date | None] = mapped_column(Date)
    source: Mapped[str | None] = mapped_column(String(1000))
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
    # goes up whenever any of the bank's questions changes (see _count_question_changes):
    # what is drawn from the questions may be cached under (id, revision)
    revision: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    article: Mapped[Article] = relationship()
    owner: Mapped[User | None] = relationship()
    questions: Mapped[list[Question]] = relationship(
        back_populates="bank", order_by="Question.rank", cascade="all, delete-orphan"
    )
    facts: Mapped[list[Fact]] = relationship(
        back_populates="bank", order_by="Fact.rank", cascade="all, delete-orphan"
    )

    def __repr__(self) -> str:
        return f"<Bank {self.id} {self.name!r}>"


class Fact(db.Model):  # type: ignore[name-defined,misc]
    """One thing the article says that a learner can remember: an answer span of one
    sentence. Its questions are the forms it is asked in (multiple choice, fill in the
    blank, ...); a learner has one flashcard of it, whichever form they meet."""

    __tablename__ = "facts"
    __table_args__ = (
        # domain/facts.py: fact_key, the sentence and the answer span; what a regenerated
        # bank matches its facts on
        UniqueConstraint("bank_id", "key"),
        Index("ix_facts_bank_id_rank", "bank_id", "rank"),
        IDS_NEVER_REUSED,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    bank_id: Mapped[int] = mapped_column(ForeignKey("banks.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(16))  # money, percent, date, person, ...
    rank: Mapped[int] = mapped_column(Integer)  # 0 is the bank's best fact
    source_sentence: Mapped[str] = mapped_column(Text)
    sentence_start: Mapped[int] = mapped_column(Integer)
    sentence_end: Mapped[int] = mapped_column(Integer)
    # the answer span: source_sentence[answer_start:answer_start + len(answer)] where the
    # answer stands in the sentence (an edited or imported answer may not)
    answer: Mapped[str] = mapped_column(Text, default="")
    answer_start: Mapped[int] = mapped_column(Integer, default=0)

    bank: Mapped[Bank] = relationship(back_populates="facts")
    # a fact goes with its last question (services/facts.py), in the database's cascade
    questions: Mapped[list[Question]] = relationship(
        back_populates="fact", order_by="Question.rank", passive_deletes=True
    )

    def __repr__(self) -> str:
        return f"<Fact {self.id} {self.key!r}>"


class Question(db.Model):  # type: ignore[name-defined,misc]
    __tablename__ = "questions"
    __table_args__ = (
        Index("ix_questions_bank_id_rank", "bank_id", "rank"),
        # covers "live questions of a bank" (home page, bank page, API) without reading
        # a row: 0.10 -> 0.04 ms on SQLite, an index-only scan on PostgreSQL
        Index("ix_questions_bank_id_status", "bank_id", "status"),
        # the questions of one fact, together (domain/facts.py: fact_key)
        Index("ix_questions_bank_id_fact_key", "bank_id", "fact_key"),
        IDS_NEVER_REUSED,
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    bank_id: Mapped[int] = mapped_column(ForeignKey("banks.id", ondelete="CASCADE"))
    # the fact this question asks about, in its form (type)
    fact_id: Mapped[int] = mapped_column(ForeignKey("facts.id", ondelete="CASCADE"), index=True)
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
    # the fact asked about, as its sentence and answer span: the questions of one fact
    # share it (domain/facts.py: fact_key)
    fact_key: Mapped[str] = mapped_column(String(40), default="", server_default="")
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
    fact: Mapped[Fact] = relationship(back_populates="questions")

    def __repr__(self) -> str:
        return f"<Question {self.id} {self.type} {self.prompt[:30]!r}>"


@event.listens_for(Session, "before_flush")
def _count_question_changes(session: Session, _context: object, _instances: object) -> None:
    """Bump the revision of every bank whose questions are added, changed or deleted in
    this flush, whichever code path changed them, so that no cached page outlives them."""
    changed = {
        question.bank
        for question in (*session.new, *session.dirty, *session.deleted)
        if isinstance(question, Question)
        and (question not in session.dirty or session.is_modified(question))
        and question.bank is not None
        and question.bank not in session.deleted
        and question.bank not in session.new  # a new bank starts at its default
    }
    for bank in changed:
        # in SQL, not Python: two transactions editing one bank get two revisions
        bank.revision = Bank.revision + 1

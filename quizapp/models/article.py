"""An imported article: the text every bank's source sentences point into.

The same text imported by several users is stored once, so it carries nothing that
one importer said about it (title, publisher, date, source): each bank has its own."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quizapp.extensions import IDS_NEVER_REUSED, db
from quizapp.models.types import UTCDateTime, utcnow
from quizapp.models.user import User


class Article(db.Model):  # type: ignore[name-defined,misc]
    __tablename__ = "articles"
    __table_args__ = IDS_NEVER_REUSED

    id: Mapped[int] = mapped_column(primary_key=True)
    # the cleaned text: source sentences are slices text[start:end] of it
    text: Mapped[str] = mapped_column(Text)
    # sha256 of the cleaned text: the same article imported twice is one article
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    imported_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )

    imported_by: Mapped[User | None] = relationship()

    def __repr__(self) -> str:
        return f"<Article {self.id} {self.content_hash[:8]}>"

"""Personal API tokens: a user's scripts and apps call the JSON API with one."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from quizapp.extensions import IDS_NEVER_REUSED, db
from quizapp.models.types import UTCDateTime, utcnow
from quizapp.models.user import User


class ApiToken(db.Model):  # type: ignore[name-defined,misc]
    """Only the token's SHA-256 is stored: the token itself is shown once, when made.

    A fast hash is enough (unlike passwords): the token is 256 random bits, so there
    is nothing to guess, and the hash can be the lookup key.
    """

    __tablename__ = "api_tokens"
    __table_args__ = IDS_NEVER_REUSED

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(80))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(12))  # shown in lists so a user tells them apart
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    user: Mapped[User] = relationship()

    def __repr__(self) -> str:
        return f"<ApiToken {self.prefix}… of user {self.user_id}>"

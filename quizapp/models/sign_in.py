"""One signed-in browser or device, so that signing out can end it on the server."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from quizapp.extensions import IDS_NEVER_REUSED, db
from quizapp.models.types import UTCDateTime, utcnow


class SignIn(db.Model):  # type: ignore[name-defined,misc]
    """A session cookie is signed, not stored: a copy taken before sign-out would open
    the account for ever. Each sign-in therefore has a random key, carried in the
    session and the "keep me signed in" cookie (User.get_id) and checked against this
    row on every request; signing out deletes the row, and with it every copy of both
    cookies of that browser, while the user's other browsers stay signed in.

    Only the key's SHA-256 is stored, as for API tokens: a leaked table opens nothing.
    """

    __tablename__ = "sign_ins"
    __table_args__ = IDS_NEVER_REUSED

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    def __repr__(self) -> str:
        return f"<SignIn {self.id} of user {self.user_id}>"

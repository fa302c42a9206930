"""A learner's account."""

from __future__ import annotations

import hashlib
from datetime import date, datetime

from flask_login import UserMixin
from sqlalchemy import JSON, Date, Float, Integer, String, text
from sqlalchemy.orm import Mapped, mapped_column, validates
from werkzeug.security import check_password_hash, generate_password_hash

from quizapp.extensions import IDS_NEVER_REUSED, db
from quizapp.models.types import UTCDateTime, utcnow


def username_key(username: str) -> str:
    """What makes two usernames the same: letters in either case (names are ASCII)."""
    return username.lower()


def spend_a_password_check(password: str) -> None:
    """Do the work of checking a password (one hash, by the method of set_password)
    where there is no account to check it against: a sign-in with an unknown name
    then takes as long as one with a wrong password, and the time of a refusal does
    not tell which names have accounts."""
    generate_password_hash(password)


class User(UserMixin, db.Model):  # type: ignore[name-defined,misc]
    __tablename__ = "users"
    __table_args__ = IDS_NEVER_REUSED

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(40), unique=True)
    # the name as it is looked up and kept unique: "ALICE" is alice (set with username)
    username_key: Mapped[str] = mapped_column(String(40), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # flashcard settings (see domain/scheduling.Settings for what each means)
    desired_retention: Mapped[float] = mapped_column(Float, default=0.9, server_default="0.9")
    new_per_day: Mapped[int] = mapped_column(Integer, default=20, server_default="20")
    max_reviews_per_day: Mapped[int] = mapped_column(Integer, default=200, server_default="200")
    learning_steps: Mapped[list[int]] = mapped_column(  # seconds
        JSON, default=lambda: [60, 600], server_default=text("'[60, 600]'")
    )
    fsrs_parameters: Mapped[list[float] | None] = mapped_column(JSON)  # None: the defaults
    # "Study N more today": new cards allowed on top of new_per_day on one learning day
    # (domain/scheduling.learning_day) and no other, so tomorrow the setting applies again
    extra_new_day: Mapped[date | None] = mapped_column(Date)
    extra_new_cards: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # goes up on "sign out everywhere else": part of the session key, like the password
    session_generation: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    @validates("username")
    def _set_username_key(self, _key: str, username: str) -> str:
        self.username_key = username_key(username)
        return username

    def set_password(self, password: str) -> None:
        # werkzeug's default is scrypt with a random salt
        self.password_hash = generate_password_hash(password)

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, password)

    @property
    def session_key(self) -> str:
        """Changes whenever the password does (the hash has a new salt each time) and
        whenever the user signs out everywhere else (the generation goes up)."""
        # generation 0 adds nothing: the keys made before generations existed still hold
        generation = f"#{self.session_generation}" if self.session_generation else ""
        return hashlib.sha256((self.password_hash + generation).encode()).hexdigest()[:16]

    # the key of the sign-in (models/sign_in.py) this object was signed in or loaded
    # with; set by services.accounts, never stored in this table
    sign_in_key = None

    def get_id(self) -> str:
        # what Flask-Login keeps in the session and the remember-me cookie: the id, the
        # session key, so that changing the password signs out every other session, and
        # the sign-in's key, so that signing out makes copies of both cookies worthless
        return f"{self.id}.{self.session_key}.{self.sign_in_key or ''}"

    def __repr__(self) -> str:
        return f"<User {self.username!r}>"

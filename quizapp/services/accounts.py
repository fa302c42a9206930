"""Accounts and personal API tokens, for the account page, the API and the admin CLI."""

from __future__ import annotations

import hashlib
import re
import secrets
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from quizapp.models import ApiToken, User

USERNAME = re.compile(r"^[A-Za-z0-9_.-]{3,40}$")
MIN_PASSWORD, MAX_PASSWORD = 8, 200
# lets secret scanners and people recognise a leaked token; not itself a secret
TOKEN_PREFIX = "qz_"  # noqa: S105
MAX_TOKENS = 50


class AccountError(ValueError):
    """A request about an account that cannot be honoured; str(error) says why."""


def create_user(session: Session, username: str, password: str) -> User:
    """A new account; AccountError for a bad or taken name or a short password."""
    if not USERNAME.match(username):
        raise AccountError("A username has 3-40 letters, digits, '.', '_' or '-'.")
    _check_password(password)
    user = User(username=username)
    user.set_password(password)
    try:
        with session.begin_nested():
            session.add(user)
            session.flush()
    except IntegrityError:
        raise AccountError(f"The username {username!r} is taken.") from None
    return user


def change_password(user: User, current: str, new: str) -> None:
    """Set a new password, which also signs the user out everywhere else (User.get_id);
    AccountError for a wrong current password or a bad new one."""
    if not user.check_password(current):
        raise AccountError("That is not your current password.")
    _check_password(new)
    user.set_password(new)


def _check_password(password: str) -> None:
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        raise AccountError(f"A password has {MIN_PASSWORD} to {MAX_PASSWORD} characters.")


def find_user(session: Session, username: str) -> User | None:
    return session.scalar(select(User).where(User.username == username))


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_token(session: Session, user: User, name: str) -> tuple[ApiToken, str]:
    """A new token for `user`: the row, and the token itself, which is never stored."""
    name = " ".join(name.split())[:80]
    if not name:
        raise AccountError("Give the token a name, such as the app that will use it.")
    if len(user_tokens(session, user)) >= MAX_TOKENS:
        raise AccountError(f"You have {MAX_TOKENS} tokens; revoke one you no longer use.")
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(user_id=user.id, name=name, token_hash=_digest(secret), prefix=secret[:10])
    session.add(token)
    session.flush()
    return token, secret


def user_tokens(session: Session, user: User) -> list[ApiToken]:
    """The user's tokens that still work, newest first."""
    return list(
        session.scalars(
            select(ApiToken)
            .where(ApiToken.user_id == user.id, ApiToken.revoked_at.is_(None))
            .order_by(ApiToken.created_at.desc(), ApiToken.id.desc())
        )
    )


def revoke_token(session: Session, user: User, token_id: int, now: datetime) -> ApiToken | None:
    """Revoke one of the user's own tokens; None when there is no such token of theirs."""
    token = session.scalar(
        select(ApiToken).where(
            ApiToken.id == token_id, ApiToken.user_id == user.id, ApiToken.revoked_at.is_(None)
        )
    )
    if token is not None:
        token.revoked_at = now
    return token


def user_for_token(session: Session, secret: str, now: datetime) -> User | None:
    """The owner of a live token, or None. Records when it was last used (to the minute,
    so that a busy script does not write on every request)."""
    if not secret.startswith(TOKEN_PREFIX) or len(secret) > 100:
        return None
    token = session.scalar(
        select(ApiToken).where(
            ApiToken.token_hash == _digest(secret), ApiToken.revoked_at.is_(None)
        )
    )
    if token is None:
        return None
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        token.last_used_at = now
    return token.user

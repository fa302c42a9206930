"""Accounts and personal API tokens, for the account page, the API and the admin CLI."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Select, delete, distinct, exists, func, select, union
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from quizapp.database import MAX_ID
from quizapp.models import (
    ApiToken,
    Article,
    Bank,
    Card,
    Fact,
    QuizAttempt,
    ReviewLog,
    SignIn,
    User,
    Visibility,
)
from quizapp.models.user import spend_a_password_check, username_key

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


@dataclass(frozen=True, slots=True)
class AccountContents:
    """What deleting an account deletes, for the page that asks to confirm it."""

    banks: int
    shared_banks: int
    # people who study the user's shared banks: their cards and quizzes on them go too
    other_learners: int
    quizzes: int
    cards: int
    reviews: int
    tokens: int


def account_contents(session: Session, user: User) -> AccountContents:
    own_banks = select(Bank.id).where(Bank.owner_id == user.id)
    learners = union(
        select(Card.user_id).join(Fact).where(Fact.bank_id.in_(own_banks)),
        select(QuizAttempt.user_id).where(QuizAttempt.bank_id.in_(own_banks)),
    ).subquery()

    def count(statement: Select[tuple[int]]) -> int:
        return session.scalar(statement) or 0

    return AccountContents(
        banks=count(select(func.count()).where(Bank.owner_id == user.id)),
        shared_banks=count(
            select(func.count()).where(
                Bank.owner_id == user.id, Bank.visibility == Visibility.PUBLIC
            )
        ),
        other_learners=count(
            select(func.count(distinct(learners.c[0]))).where(learners.c[0] != user.id)
        ),
        quizzes=count(select(func.count()).where(QuizAttempt.user_id == user.id)),
        cards=count(select(func.count()).where(Card.user_id == user.id)),
        reviews=count(select(func.count()).where(ReviewLog.user_id == user.id)),
        tokens=len(user_tokens(session, user)),
    )


def sign_out_everywhere(session: Session, user: User) -> None:
    """End every session of the user's but this one (the caller signs this one in again
    under the new session key): for a lost phone or a shared computer, without a new
    password."""
    user.session_generation = (user.session_generation or 0) + 1
    others = delete(SignIn).where(SignIn.user_id == user.id)
    if user.sign_in_key:
        others = others.where(SignIn.key_hash != _digest(user.sign_in_key))
    session.execute(others)


def start_sign_in(session: Session, user: User, now: datetime, lifetime: timedelta) -> None:
    """Record a newly signed-in browser and give `user` its key (User.get_id), for
    login_user to put into the cookies. The user's sign-ins older than `lifetime` (that
    of a "keep me signed in" cookie) go: no cookie of theirs is honoured any longer."""
    session.execute(
        delete(SignIn).where(SignIn.user_id == user.id, SignIn.created_at < now - lifetime)
    )
    key = secrets.token_urlsafe(32)
    session.add(SignIn(user_id=user.id, key_hash=_digest(key), created_at=now))
    session.flush()
    user.sign_in_key = key


def end_sign_in(session: Session, user: User) -> None:
    """Sign out the browser `user` was loaded for, on the server: its session and
    "keep me signed in" cookies, and every copy of them, sign in no one any more."""
    if user.sign_in_key:
        session.execute(
            delete(SignIn).where(
                SignIn.user_id == user.id, SignIn.key_hash == _digest(user.sign_in_key)
            )
        )
    user.sign_in_key = None


def signed_in_user(session: Session, cookie_id: str) -> User | None:
    """The user a session or "keep me signed in" cookie names (User.get_id:
    "<id>.<session key>.<sign-in key>"), or None when the password or the session
    generation changed since, the browser signed out, or the id is of an older form."""
    user_id, _, keys = cookie_id.partition(".")
    session_key, _, sign_in_key = keys.partition(".")
    if not user_id.isdigit() or not session_key or not sign_in_key or int(user_id) > MAX_ID:
        return None
    user = session.scalar(
        select(User)
        .join(SignIn, SignIn.user_id == User.id)
        .where(User.id == int(user_id), SignIn.key_hash == _digest(sign_in_key))
    )
    if user is None or not hmac.compare_digest(session_key, user.session_key):
        return None
    user.sign_in_key = sign_in_key
    return user


def confirm_password(user: User, password: str) -> None:
    """AccountError unless `password` is the user's: asked again before what cannot be
    undone, so that a browser left signed in cannot do it."""
    if not user.check_password(password):
        raise AccountError("That is not your password.")


def delete_account(session: Session, user: User) -> None:
    """Delete the account and all it holds (the web asks for the password first).

    The database's ON DELETE CASCADE removes the user's banks (with their questions,
    and the cards and quizzes anyone has on them), quizzes, cards, review history and
    tokens in one statement. The text of the articles they imported goes too, unless
    another bank is still made from it (the same text imported by someone else is
    stored once). Flushes nothing else and does not commit.
    """
    articles = set(session.scalars(select(Bank.article_id).where(Bank.owner_id == user.id)))
    articles |= set(session.scalars(select(Article.id).where(Article.imported_by_id == user.id)))
    session.execute(delete(User).where(User.id == user.id))
    if articles:
        session.execute(
            delete(Article).where(
                Article.id.in_(articles), ~exists().where(Bank.article_id == Article.id)
            )
        )


def _check_password(password: str) -> None:
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        raise AccountError(f"A password has {MIN_PASSWORD} to {MAX_PASSWORD} characters.")


def find_user(session: Session, username: str) -> User | None:
    """The user of this name, in any case ("ALICE" finds alice)."""
    return session.scalar(select(User).where(User.username_key == username_key(username)))


def user_by_password(session: Session, username: str, password: str) -> User | None:
    """The user with this name and password, or None; as slow for a name that has no
    account as for a wrong password (models/user.spend_a_password_check)."""
    user = find_user(session, username)
    if user is None:
        spend_a_password_check(password)
        return None
    return user if user.check_password(password) else None


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


def token_for_secret(session: Session, secret: str) -> ApiToken | None:
    """The live token whose secret this is, or None."""
    if not secret.startswith(TOKEN_PREFIX) or len(secret) > 100:
        return None
    return session.scalar(
        select(ApiToken).where(
            ApiToken.token_hash == _digest(secret), ApiToken.revoked_at.is_(None)
        )
    )


def record_token_use(session: Session, token: ApiToken, now: datetime) -> bool:
    """Note when the token was last used, to the minute, so that a busy script does not
    write on every request. True when it wrote: the caller commits at once, before the
    request's own work (see api/auth.py)."""
    if token.last_used_at is not None and (now - token.last_used_at).total_seconds() <= 60:
        return False
    token.last_used_at = now
    return True

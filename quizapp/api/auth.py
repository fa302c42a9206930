"""Who is calling (a personal token, `Authorization: Bearer qz_...`, or the session
cookie), and which banks they may see.

A cookie rides along on any request a browser makes, even one another site
triggers, so cookie-authenticated writes must be JSON: a cross-site form cannot
send `Content-Type: application/json`, and this API answers no CORS preflight.
Token requests need no such check: a browser never adds the token by itself.
"""

from __future__ import annotations

from datetime import UTC, datetime

from flask import g, request
from flask_login import current_user

from quizapp.api.errors import ApiError
from quizapp.extensions import db
from quizapp.models import Bank, User
from quizapp.services.accounts import record_token_use, token_for_secret
from quizapp.services.banks import visible_bank

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


def authenticate() -> None:
    """before_request of the API blueprint: sets g.api_user (None for a visitor)."""
    g.api_user = None
    header = request.headers.get("Authorization")
    if header is not None:
        scheme, _, secret = header.partition(" ")
        if scheme.lower() != "bearer" or not secret.strip():
            raise ApiError(401, "Send the token as 'Authorization: Bearer <token>'.")
        token = token_for_secret(db.session, secret.strip())
        if token is None:
            raise ApiError(401, "The token is unknown or was revoked.", "invalid_token")
        if record_token_use(db.session, token, datetime.now(UTC)):
            # in a transaction of its own, now: left to the end of the request, this
            # write would hold SQLite's write lock (and PostgreSQL's row lock) through a
            # whole import, and a request that only reads would roll it back
            db.session.commit()
        g.api_user = token.user
    elif current_user.is_authenticated:
        if request.method not in SAFE_METHODS and request.mimetype != "application/json":
            raise ApiError(
                415, "Requests signed in by cookie must send Content-Type: application/json."
            )
        g.api_user = current_user._get_current_object()


def require_json_body() -> None:
    """A body, if any, must be JSON that parses: say so rather than report missing fields."""
    if request.method in SAFE_METHODS or not request.content_length:
        return
    if not request.is_json:
        raise ApiError(415, "Send the body as JSON, with Content-Type: application/json.")
    if request.get_json(silent=True) is None:
        raise ApiError(400, "The body is not valid JSON.", "malformed_json")


def optional_user() -> User | None:
    return g.get("api_user")


def required_user() -> User:
    user = g.get("api_user")
    if user is None:
        raise ApiError(401, "Sign in, or send 'Authorization: Bearer <token>'.")
    return user


def visible_bank_or_404(bank_id: int, user: User | None) -> Bank:
    """The bank if `user` may see it; 404 otherwise, as if it did not exist."""
    bank = visible_bank(db.session, user, bank_id)
    if bank is None:
        raise ApiError(404, "There is no such bank, or it is not yours to see.")
    return bank

"""Flask extensions, created unbound and attached in `create_app`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from flask import current_app
from flask_caching import Cache
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect
from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase

if TYPE_CHECKING:
    from quizapp.services.language_model import LanguageModel

# Named constraints, so that migrations can drop and alter them on every backend.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


# SQLite hands the id of a deleted last row to the next row unless the table is made
# with AUTOINCREMENT; an id seen in a URL, a cache key or a stale tab must never come to
# mean another row. (PostgreSQL's sequences never go back.) Every table passes this.
IDS_NEVER_REUSED = {"sqlite_autoincrement": True}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


db = SQLAlchemy(model_class=Base)
migrate = Migrate()
csrf = CSRFProtect()
login_manager = LoginManager()
login_manager.login_view = "auth.login"
login_manager.login_message_category = "info"
# the site says "Sign in" everywhere; Flask-Login's default says "Please log in"
login_manager.login_message = "Sign in to see that page."
# Storage comes from RATELIMIT_STORAGE_URI: memory:// by default, redis://... when shared.
limiter = Limiter(key_func=get_remote_address, default_limits=[])
# Pages that every viewer sees alike, under keys that change with their content.
# SimpleCache (each process its own) by default; CACHE_TYPE=RedisCache and
# CACHE_REDIS_URL share one between workers and hosts.
cache = Cache()


def language_model() -> LanguageModel | None:
    """The app's rewording model, read from its configuration by create_app, or None."""
    return current_app.extensions.get("quizapp.language_model")  # type: ignore[no-any-return]

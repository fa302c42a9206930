"""Settings from the environment; SQLite under instance/ by default."""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def load_config(instance_path: str) -> dict[str, Any]:
    default_db = f"sqlite:///{Path(instance_path) / 'quizapp.sqlite3'}"
    return {
        # None: create_app falls back to a key generated once into the instance folder
        "SECRET_KEY": os.environ.get("SECRET_KEY"),
        "SQLALCHEMY_DATABASE_URI": os.environ.get("DATABASE_URL", default_db),
        "MIGRATIONS_DIR": str(PROJECT_ROOT / "migrations"),
        "SEEDS_DIR": str(PROJECT_ROOT / "seeds"),
        # an upload a little over the article limit gets the app's own clear message
        "MAX_CONTENT_LENGTH": int(os.environ.get("QUIZAPP_MAX_UPLOAD_BYTES", 8 * 1024 * 1024)),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        # production: SECRET_KEY must come from the environment (make serve sets this)
        "PRODUCTION": os.environ.get("QUIZAPP_ENV", "") == "production",
        # served over HTTPS (usually by a reverse proxy): Secure cookies, HSTS, redirects
        "HTTPS": os.environ.get("QUIZAPP_HTTPS", "") == "1",
        "PROXY_COUNT": int(os.environ.get("QUIZAPP_PROXY_COUNT", "0") or 0),
        "SESSION_COOKIE_SECURE": os.environ.get("QUIZAPP_HTTPS", "") == "1",
        # a form's CSRF token lasts as long as the browser session it was made in, not
        # Flask-WTF's default hour: an article pasted, or an answer typed, after a long
        # pause must not be refused (the token is still bound to this session's secret)
        "WTF_CSRF_TIME_LIMIT": None,
        "REMEMBER_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_SAMESITE": "Lax",
        "REMEMBER_COOKIE_SECURE": os.environ.get("QUIZAPP_HTTPS", "") == "1",
        "RATELIMIT_STORAGE_URI": os.environ.get("RATELIMIT_STORAGE_URI", "memory://"),
        # rendered bank pages (Flask-Caching); the keys carry the bank's revision, so an
        # entry is never stale, and the threshold bounds the memory a process spends
        "CACHE_TYPE": os.environ.get("CACHE_TYPE", "SimpleCache"),
        "CACHE_REDIS_URL": os.environ.get("CACHE_REDIS_URL"),
        "CACHE_THRESHOLD": int(os.environ.get("CACHE_THRESHOLD", "500")),
        "CACHE_DEFAULT_TIMEOUT": int(os.environ.get("CACHE_DEFAULT_TIMEOUT", "3600")),
        "RATELIMIT_HEADERS_ENABLED": True,
        # Flask-Limiter would put its window's reset into a Retry-After on every response
        # under a limit: a 200 said "retry after 57 s", and a 503 named the limiter's
        # time instead of the database's. Its own name for it is harmless; a 429 gets a
        # true Retry-After from the error handlers (limiter_retry_after).
        "RATELIMIT_HEADER_RETRY_AFTER": "X-RateLimit-Retry-After",
        **language_model_settings(),
        "LOGIN_RATE_LIMIT": os.environ.get("QUIZAPP_LOGIN_RATE_LIMIT", "10 per minute"),
        "API_RATE_LIMIT": os.environ.get("QUIZAPP_API_RATE_LIMIT", "300 per minute"),
    }


def language_model_settings() -> dict[str, Any]:
    """An OpenAI-compatible model on the operator's server that rewords generated
    questions (services/language_model.py); off unless both URL and model are set.
    Also read by `quizapp generate`, which has no app."""
    return {
        "LLM_URL": os.environ.get("QUIZAPP_LLM_URL"),
        "LLM_MODEL": os.environ.get("QUIZAPP_LLM_MODEL"),
        "LLM_API_KEY": os.environ.get("QUIZAPP_LLM_API_KEY"),
        "LLM_BUDGET_SECONDS": float(os.environ.get("QUIZAPP_LLM_BUDGET_SECONDS") or 30),
        "LLM_QUESTIONS": int(os.environ.get("QUIZAPP_LLM_QUESTIONS") or 40),
    }


def instance_secret_key(instance_path: str) -> str:
    """A random key made on first run and kept in the instance folder (mode 0600).

    Sessions then survive restarts without a key in the code or the repository;
    deployments with several hosts set SECRET_KEY in the environment instead.
    """
    path = Path(instance_path) / "secret_key"
    if path.exists():
        return path.read_text().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_hex(32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(key)
    return key

"""Settings from the environment; SQLite under instance/ by default."""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def load_config(instance_path: str) -> dict[str, Any]:
    default_db = f"sqlite:///{Path(instance_path) / 'quizapp.sqlite3'}"
    secret = os.environ.get("SECRET_KEY")
    if not secret:
        # A per-process key keeps a fresh clone working; sessions then end on restart,
        # which is why deployments must set SECRET_KEY.
        secret = secrets.token_hex(32)
    return {
        "SECRET_KEY": secret,
        "SQLALCHEMY_DATABASE_URI": os.environ.get("DATABASE_URL", default_db),
        "MIGRATIONS_DIR": str(PROJECT_ROOT / "migrations"),
        "MAX_CONTENT_LENGTH": int(os.environ.get("QUIZAPP_MAX_UPLOAD_BYTES", 5 * 1024 * 1024)),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
    }

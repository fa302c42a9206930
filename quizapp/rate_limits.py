"""The rate limits on signing in and on the API, held however many workers serve.

Flask-Limiter counts in memory unless RATELIMIT_STORAGE_URI names a shared store
(Redis), and then each process counts on its own: 4 gunicorn workers let 4 times the
login limit through (an audit got 27 of 60 wrong passwords past a limit of 10). So
where the count is per process, each of N workers allows its share of every limit,
limit // N (at least 1), and together they allow no more than the limit.
gunicorn.conf.py tells the workers N, as QUIZAPP_WORKERS.
"""

from __future__ import annotations

import os

from flask import current_app
from limits import parse_many


def login_limit() -> str:
    return _per_process(str(current_app.config["LOGIN_RATE_LIMIT"]))


def api_limit() -> str:
    return _per_process(str(current_app.config["API_RATE_LIMIT"]))


def workers() -> int:
    """How many processes count rate limits on their own (1 where they share a store)."""
    if not str(current_app.config["RATELIMIT_STORAGE_URI"]).startswith("memory://"):
        return 1
    try:
        return max(1, int(os.environ.get("QUIZAPP_WORKERS", "1")))
    except ValueError:
        return 1


def share(limit: str, processes: int) -> str:
    """Each process's share of `limit` ("10 per minute; 100 per day"), so that
    `processes` of them counting alone allow no more than `limit` together."""
    if processes <= 1:
        return limit
    return "; ".join(
        f"{max(1, item.amount // processes)} per {item.multiples} {item.GRANULARITY.name}"
        for item in parse_many(limit)
    )


def _per_process(limit: str) -> str:
    return share(limit, workers())

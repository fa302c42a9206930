"""One JSON line per request (method, path, status, time, user), for log collectors."""

from __future__ import annotations

import json
import logging
import time

from flask import Flask, Response, g, request
from flask_login import current_user

logger = logging.getLogger("quizapp.request")


def register_request_log(app: Flask) -> None:
    if not app.testing and not logger.handlers:
        # one line per request on stderr, where gunicorn and systemd collect it
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False

    @app.before_request
    def _start_timer() -> None:
        g.request_started = time.perf_counter()

    @app.after_request
    def _log(response: Response) -> Response:
        started = g.get("request_started")
        record = {
            "method": request.method,
            "path": request.path,
            "status": response.status_code,
            "ms": round((time.perf_counter() - started) * 1000, 1) if started else None,
            "user": _user_id(),
            "remote": request.remote_addr,
        }
        logger.info(json.dumps(record, separators=(",", ":")))
        return response


def _user_id() -> str | None:
    """The signed-in user, or the owner of the API token the request used."""
    if current_user.is_authenticated:
        return str(current_user.get_id())
    api_user = g.get("api_user")
    return str(api_user.id) if api_user is not None else None

"""One JSON line per request (method, path, status, time, user, request id), for log
collectors.

Each request has an id: the X-Request-ID a proxy in front sent (nginx: $request_id),
or a new one. It is in the log line and in the response's X-Request-ID header, and an
error page shows it, so a learner's report leads to the log line, and the proxy's
log line to the app's.
"""

from __future__ import annotations

import json
import logging
import re
import secrets
import time

from flask import Flask, Response, g, request, session
from sqlalchemy import inspect

logger = logging.getLogger("quizapp.request")
# what may come in as an id: nothing that could forge or break a log line
_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")


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
        g.request_id = request_id_for(request.headers.get("X-Request-ID", ""))

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
            "request_id": g.get("request_id"),
        }
        logger.info(json.dumps(record, separators=(",", ":")))
        if "request_id" in g:
            response.headers["X-Request-ID"] = g.request_id
        return response


def request_id_for(incoming: str) -> str:
    return incoming if _REQUEST_ID.fullmatch(incoming) else secrets.token_hex(8)


def _user_id() -> str | None:
    """The signed-in user, or the owner of the API token the request used.

    Read from the signed session cookie, where Flask-Login keeps the id, rather than
    from current_user: that would load the user on requests that never needed it
    (/healthz) and reload it after a commit (0.3 ms a request, bench/page_costs.py).
    """
    signed_in = session.get("_user_id")  # "<id>.<session key>.<sign-in key>" (User.get_id)
    if signed_in is not None:
        return str(signed_in).partition(".")[0]
    api_user = g.get("api_user")
    return str(inspect(api_user).identity[0]) if api_user is not None else None

"""Error pages that say what happened and what to do, in the site's own layout."""

from __future__ import annotations

from flask import Flask, Response, current_app, render_template, request
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm.exc import StaleDataError
from werkzeug.exceptions import HTTPException

from quizapp.api.errors import error_response, is_api_request, limiter_retry_after
from quizapp.api.errors import http_error as api_http_error
from quizapp.extensions import db

RETRY_AFTER_SECONDS = 10

MESSAGES = {
    400: ("Bad request", "The request could not be understood."),
    404: ("Not found", "There is nothing here, or it is not yours to see."),
    405: ("Not allowed", "That action is not available here."),
    413: ("Too large", "The upload is too large. Articles up to 2 MB of text are accepted."),
    429: ("Too many requests", "Slow down and try again in a minute."),
    500: ("Something went wrong", "The error was logged. Nothing you sent was half-saved."),
}


def register(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def csrf_error(error: CSRFError) -> tuple[str, int]:
        return render_template(
            "errors/error.html",
            title="Form expired",
            message="This form was opened in an earlier session (before signing out, or "
            "before the browser was closed), so nothing was saved. Reload the page and "
            "send it again.",
            code=400,
            typed=typed_text(),
        ), 400

    @app.errorhandler(StaleDataError)
    def changed_meanwhile(error: StaleDataError) -> tuple[str, int] | Response:
        """An UPDATE that found its row changed since it was read (a card's version):
        another tab or device wrote first. Whatever view it was, nothing of this
        request is kept, and the user is told so instead of a 500."""
        db.session.rollback()
        message = "This changed in another tab or window meanwhile; nothing was saved."
        if is_api_request():
            return error_response(409, message, "conflict")
        page = render_template(
            "errors/error.html",
            title="Changed meanwhile",
            message=message + " Reload and try again.",
            code=409,
        )
        return page, 409

    @app.errorhandler(OperationalError)
    def database_unavailable(error: OperationalError) -> tuple[str, int, dict[str, str]] | Response:
        """The database did not answer, or stayed locked past the busy timeout: a
        moment's trouble, not a bug, so 503 with Retry-After (load balancers and API
        clients retry) instead of a 500. The transaction is rolled back whole."""
        db.session.rollback()
        current_app.logger.warning("database unavailable: %s", error.orig)
        message = "The database is busy or not answering just now; nothing was saved."
        retry = {"Retry-After": str(RETRY_AFTER_SECONDS)}
        if is_api_request():
            response = error_response(503, message + " Try again shortly.", "unavailable")
            response.headers.update(retry)
            return response
        page = render_template(
            "errors/error.html",
            title="Try again in a moment",
            message=message + " Try again in a few seconds.",
            code=503,
        )
        return page, 503, retry

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> tuple[str, int, dict[str, str]] | Response:
        if is_api_request():
            return api_http_error(error)
        code = error.code or 500
        title, message = MESSAGES.get(code, (error.name, error.description or ""))
        headers = {"Retry-After": limiter_retry_after()} if code == 429 else {}
        page = render_template("errors/error.html", title=title, message=message, code=code)
        return page, code, headers


# fields never shown back: secrets, and hidden fields nobody typed
_NOT_KEPT = {"csrf_token", "password", "confirm", "current", "new", "start_key", "version"}


# the forms' labels for the fields worth keeping; others show their name
_LABELS = {
    "text": "The article",
    "answer": "Your answer",
    "prompt": "The question",
    "explanation": "The explanation",
}


def typed_text() -> list[tuple[str, str]]:
    """(label, text) of a refused form's longer fields, to copy from the error page:
    nothing typed is lost with it. Shown escaped, like all user text."""
    return [
        (_LABELS.get(name, name.replace("_", " ").capitalize()), value)
        for name, value in request.form.items(multi=True)
        if name not in _NOT_KEPT and len(value.strip()) >= 20
    ]

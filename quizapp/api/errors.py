"""Every API failure is `{"error": {"code", "message"}}` with the status that fits."""

from __future__ import annotations

import time
from typing import Any

from flask import Flask, Response, jsonify, request
from pydantic import ValidationError
from werkzeug.exceptions import HTTPException

CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    415: "unsupported_media_type",
    422: "invalid_request",
    429: "rate_limited",
    500: "server_error",
}


class ApiError(Exception):
    def __init__(self, status: int, message: str, code: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code or CODES.get(status, "error")
        self.message = message


def error_response(status: int, message: str, code: str | None = None) -> Response:
    body = {"error": {"code": code or CODES.get(status, "error"), "message": message}}
    response = jsonify(body)
    response.status_code = status
    return response


def is_api_request() -> bool:
    return request.path.startswith("/api/")


def describe(error: ValidationError) -> str:
    """pydantic's errors as one sentence a person can act on."""
    parts = []
    for item in error.errors()[:5]:
        where = ".".join(str(p) for p in item["loc"]) or "body"
        parts.append(f"{where}: {item['msg']}")
    return "; ".join(parts) + "."


def reject_invalid(_req: Any, _resp: Any, error: Exception | None, *_rest: Any) -> None:
    """spectree's hook after validating a request: invalid input becomes our error shape."""
    if error is not None:
        message = describe(error) if isinstance(error, ValidationError) else str(error)
        raise ApiError(422, message)


def register(app: Flask) -> None:
    @app.errorhandler(ApiError)
    def api_error(error: ApiError) -> Response:
        return error_response(error.status, error.message, error.code)


def limiter_retry_after() -> str:
    """Seconds until the rate limit this request broke lets requests through again."""
    from quizapp.extensions import limiter

    broken = limiter.current_limit
    if broken is None:
        return "60"
    return str(max(1, int(broken.reset_at - time.time())))


def http_error(error: HTTPException) -> Response:
    """For web/errors.py: HTTP errors on /api/ paths answer in JSON, not HTML."""
    status = error.code or 500
    message = {
        404: "There is no such resource, or it is not yours to see.",
        405: f"{request.method} is not allowed on this path.",
        413: "The request body is too large.",
        429: "Too many requests; slow down and retry in a minute.",
    }.get(status, error.description or error.name)
    response = error_response(status, message)
    if status == 405 and getattr(error, "valid_methods", None):
        response.headers["Allow"] = ", ".join(error.valid_methods or [])
    if status == 429:
        response.headers["Retry-After"] = limiter_retry_after()
    return response

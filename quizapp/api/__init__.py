"""The JSON API at /api/v1, described by the OpenAPI 3.1 document at /api/v1/openapi.json.

spectree (with pydantic models) validates each request and response and writes the
document from the same models. It was picked over apiflask, which needs its own
Flask subclass, and flask-smorest, whose marshmallow schemas target OpenAPI 3.0:
pydantic emits JSON Schema 2020-12, which is OpenAPI 3.1's own dialect.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Flask, jsonify
from flask import Response as FlaskResponse
from spectree import Response, SecurityScheme, SpecTree
from spectree.models import InType, SecureType, SecuritySchemeData

from quizapp.api.auth import authenticate, require_json_body
from quizapp.api.errors import reject_invalid
from quizapp.api.schemas import ErrorOut
from quizapp.extensions import limiter
from quizapp.rate_limits import api_limit

bp = Blueprint("api", __name__, url_prefix="/api/v1")

spec = SpecTree(
    "flask",
    title="quizapp API",
    version="1.0.0",
    description="Banks, quizzes and flashcards. Authenticate with a personal token "
    "(account page, or `quizapp tokens create NAME`) as `Authorization: Bearer <token>`, "
    "or with the session cookie plus `Content-Type: application/json` on writes. "
    'Every error is `{"error": {"code": ..., "message": ...}}`.',
    # the document is served by our own route below (spectree leaves out every route
    # under the path it would serve it from, which here is the API itself)
    page_templates={},  # no docs page: it would load scripts from a CDN
    mode="strict",  # only the API's own routes go into the document
    before=reject_invalid,
    validation_error_status=422,
    validation_error_model=ErrorOut,
    # plain schema names ("BankOut", not "BankOut.e23a0fd"), for generated clients
    naming_strategy=lambda model: model.__name__,
    nested_naming_strategy=lambda _parent, child: child,
    security_schemes=[
        SecurityScheme(
            name="bearer",
            data=SecuritySchemeData(
                type=SecureType.HTTP, scheme="bearer", description="A personal API token."
            ),
        ),
        SecurityScheme(
            name="session",
            data=SecuritySchemeData(
                type=SecureType.API_KEY, field_in=InType.COOKIE, name="session"
            ),
        ),
    ],
)

PUBLIC: list[dict[str, list[str]]] = [{}, {"bearer": []}, {"session": []}]
SIGNED_IN: list[dict[str, list[str]]] = [{"bearer": []}, {"session": []}]


def responses(status: int, model: Any, *errors: int) -> Response:
    """The success response plus the errors every endpoint can give (400 malformed JSON,
    401 bad token, 415 a body that is not JSON, 422 invalid input, 429 rate limit)."""
    codes = {f"HTTP_{status}": model}
    for code in (400, 401, 415, 422, 429, *errors):
        codes[f"HTTP_{code}"] = ErrorOut
    return Response(**codes)


def register_api(app: Flask) -> None:
    from quizapp.api import banks, quizzes, reviews  # noqa: F401  (routes attach to bp)
    from quizapp.api.errors import register
    from quizapp.extensions import csrf

    csrf.exempt(bp)  # see api/auth.py for what stands in for the CSRF token
    app.register_blueprint(bp)
    register(app)


@bp.get("/openapi.json")
def openapi() -> FlaskResponse:
    """The OpenAPI 3.1 document, written by spectree from the routes and models."""
    return jsonify(spec.spec)


bp.before_request(require_json_body)
bp.before_request(authenticate)
limiter.limit(api_limit)(bp)
